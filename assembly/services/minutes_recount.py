"""The independent recount behind ``minutes check`` (issue 11, point 2): every figure the
berita acara states, counted again from the records by another road.

Attendance is replayed from the attendance history alone, not from the attendance rows the
minutes are written from (a member whose row is gone is still counted, their rights decided
from the register at the cut-off); every quorum step and ballot snapshot is counted at its own
moment with the one presence function; each tally is taken from the audit log's record of the
closing when there is one; each result is decided again under the AD's rule, from that
closing tally and from the tally the records hold now (what the berita acara prints beside its
result: a secret box's totals, a counted or named tally), which must decide the same. Beside
the figures, the facts that have no figure of their own: who was entitled at each snapshot,
and that nobody voted while absent.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance import Channel
from assembly.domain.ballots import Ballot, BallotKind, BallotMode, BallotState
from assembly.domain.figures import Value, result_key
from assembly.domain.meeting import AgendaItem, Meeting
from assembly.domain.members import Category
from assembly.domain.minutes_figures import TALLY_KEYS, movement_figures
from assembly.domain.presence import Attendee, ever_present, movements, present_at
from assembly.domain.quorum import QuorumBase
from assembly.domain.quorum_check import CheckStep, QuorumCheck, procedure
from assembly.persistence import audit_log, ballot_store, decision_store, quorum_check_store
from assembly.persistence.meeting_store import Connection
from assembly.services import presence
from assembly.services.ballot_results import election_result, motion_result, tally_of

_STOPS = (CheckStep.SUSPENSION, CheckStep.POSTPONEMENT)


@dataclass
class Recount:
    """The recounted figures by key, and the snapshot facts (key -> (as stored, as
    recounted)) that differ."""

    figures: dict[str, Value] = field(default_factory=dict)
    snapshots: dict[str, tuple[int, int]] = field(default_factory=dict)
    # result key -> (as the records' tally decides it, as the closing tally decides it), for
    # each result the two decide differently: the box or the tally changed after the close.
    results: dict[str, tuple[str, str]] = field(default_factory=dict)


def recount(
    conn: Connection, meeting: Meeting, profile: ADProfile, *, from_history: bool = True
) -> Recount:
    """Every figure of the meeting's berita acara, counted again from the records; the
    attendance replayed from the history (``from_history``), or from the stays kept in step
    with it (the close's quick check: the figures' sums, not the records' tampering)."""
    assert meeting.id is not None
    people = presence.recounted_attendees(conn, meeting, profile, from_history=from_history)
    out = Recount()
    registered, entitled = quorum_check_store.roll_counts(conn, meeting.cutoff_date, profile)
    out.figures["anggota.tercatat"] = registered
    out.figures["anggota.berhak"] = entitled
    _attendance(out, people)
    checks = quorum_check_store.checks(conn, meeting.id)
    _checks(out, people, checks, profile, registered, entitled)
    opened = meeting.opened_at or meeting.check_in_opened_at
    if opened is not None:
        for m in movements(people, opened, meeting.closed_at, meeting.zone):
            out.figures.update({f.key: f.value for f in movement_figures(m)})
    closings = _closing_tallies(conn)
    items = {i.id: i for i in meeting.agenda}
    decided = {d.ballot_id for d in decision_store.for_meeting(conn, meeting.id) if d.ballot_id}
    for ballot in ballot_store.for_meeting(conn, meeting.id):
        base = registered if profile.quorum.base is QuorumBase.ALL_MEMBERS else entitled
        _snapshot(conn, out, people, ballot, checks, profile, base)
        if ballot.state is not BallotState.CLOSED or ballot.id not in decided:
            continue
        held = tally_of(conn, ballot)[0]
        recorded = closings.get(ballot.id or 0, held)
        if ballot.kind is BallotKind.MOTION:
            out.figures.update(
                {f"suara.{ballot.id}.{k}": int(recorded.get(k, 0)) for k in TALLY_KEYS}
            )
        key = f"suara.{ballot.id}.hasil"
        out.figures[key] = _decided(conn, ballot, items[ballot.item_id], recorded, profile)
        now = _decided(conn, ballot, items[ballot.item_id], held, profile)
        if now != out.figures[key]:
            out.results[key] = (now, str(out.figures[key]))
    return out


def _decided(
    conn: Connection, ballot: Ballot, item: AgendaItem, tally: dict[str, int], profile: ADProfile
) -> str:
    """The result ``tally`` decides under the AD's rule, as compared (:func:`result_key`)."""
    if ballot.kind is BallotKind.MOTION:
        statement, outcome, _rule = motion_result(tally, ballot, item, profile)
    else:
        statement, outcome, *_rest = election_result(conn, ballot, tally, profile)
    return result_key(outcome.value, statement)


def _attendance(out: Recount, people: list[Attendee]) -> None:
    ever = ever_present(people)
    counted = Counter(a.channel for a in ever if a.counted)
    others = Counter(a.category for a in ever if not a.counted)
    for c in Channel:
        out.figures[f"hadir.{c.value}"] = counted.get(c, 0)
        out.figures[f"daftar.{c.value}"] = counted.get(c, 0)
    out.figures["hadir.jumlah"] = sum(counted.values())
    for cat in Category:
        if others:
            out.figures[f"lain.{cat.value}"] = others.get(cat, 0)
        out.figures[f"daftar.lain.{cat.value}"] = others.get(cat, 0)
    out.figures["daftar.jumlah"] = len(ever)


def _checks(
    out: Recount, people: list[Attendee], checks: list[QuorumCheck], profile: ADProfile,
    registered: int, entitled: int,
) -> None:  # fmt: skip
    for n, check in enumerate(checks, start=1):
        if check.step in _STOPS:
            continue
        rule = procedure(profile, checks[: n - 1]).rule
        base = registered if rule.base is QuorumBase.ALL_MEMBERS else entitled
        out.figures[f"kuorum.{n}.hadir"] = present_at(people, check.at).counted
        out.figures[f"kuorum.{n}.minimal"] = rule.minimum(base)
        out.figures[f"kuorum.{n}.dasar"] = base


def _snapshot(
    conn: Connection, out: Recount, people: list[Attendee], ballot: Ballot,
    checks: list[QuorumCheck], profile: ADProfile, base: int,
) -> None:  # fmt: skip
    """The ballot's snapshot counted at its moment; who was entitled then, as stored and as
    recounted; and how many voted without being present and entitled at the snapshot."""
    at = ballot.opened_at
    count = present_at(people, at)
    rule = procedure(profile, [c for c in checks if c.at <= at]).rule
    out.figures[f"suara.{ballot.id}.hadir"] = count.counted
    out.figures[f"suara.{ballot.id}.minimal"] = rule.minimum(base)
    out.figures[f"rekap.{ballot.id}.hadir"] = count.counted
    out.figures[f"rekap.{ballot.id}.berhak"] = len(count.voters)
    stored = {m for m, _h in ballot_store.eligible_ids(conn, ballot.id or 0)}
    if stored != count.voters:
        out.snapshots[f"suara.{ballot.id}.berhak"] = (len(stored), len(count.voters))
    if ballot.mode is not BallotMode.COUNTED:
        voters = ballot_store.voter_ids(conn, ballot)
        absent = [m for m in voters if m not in count.voters]
        if absent:
            out.snapshots[f"suara.{ballot.id}.memilih_tanpa_hadir"] = (0, len(absent))
        # A secret ballot: as many ballots in the box as members recorded as having voted
        # (the box's own counter: an election's ballot may mark several candidates).
        out.figures[f"rekap.{ballot.id}.memilih"] = (
            ballot_store.secret_ballots_cast(conn, ballot)
            if ballot.mode is BallotMode.SECRET
            else len(voters)
        )
    else:
        totals = ballot_store.counted(conn, ballot.id or 0)
        cast = totals.total if totals else 0
        out.figures[f"rekap.{ballot.id}.memilih"] = cast
        if cast > len(count.voters):
            out.snapshots[f"suara.{ballot.id}.suara_melebihi_hadir"] = (cast, len(count.voters))


def _closing_tallies(conn: Connection) -> dict[int, dict[str, int]]:
    """ballot id -> the tally the audit log recorded when the ballot closed."""
    out: dict[int, dict[str, int]] = {}
    for event in audit_log.events(conn):
        if event.kind != "ballot.closed":
            continue
        payload = json.loads(event.payload)
        if isinstance(payload.get("tally"), dict) and isinstance(payload.get("ballot"), int):
            out[payload["ballot"]] = {str(k): int(v) for k, v in payload["tally"].items()}
    return out
