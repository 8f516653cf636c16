"""The register and a meeting at a glance, for ``status`` on the command line (DESIGN.md
section 5) and for support: registered, entitled, present by channel, quorum, decisions."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance import Channel
from assembly.domain.ballots import Outcome
from assembly.domain.meeting import Meeting
from assembly.domain.presence import present_at
from assembly.domain.quorum import thousands
from assembly.domain.quorum_check import QuorumCheck, QuorumStatus, quorum_status
from assembly.i18n import tr, translator, trn
from assembly.persistence import (
    ballot_store,
    cooperative_store,
    decision_store,
    meeting_store,
    member_store,
    quorum_check_store,
)
from assembly.persistence.meeting_store import Connection
from assembly.services import presence
from assembly.services.ballot_results import rule_applied, tally_of
from assembly.services.context import ServiceContext
from assembly.services.meeting_lookup import ProfileCache, require_header
from assembly.services.quorum_counts import live_status


@dataclass(frozen=True)
class StatusReport:
    """The figures of ``status``. With a meeting, ``registered`` and ``entitled`` are as of its
    cut-off; without one, as of today. ``attending_by_channel`` counts everyone in, voting or
    not; ``quorum.present`` only those who count."""

    cooperative: str
    entries: int
    registered: int
    entitled: int
    quorum: QuorumStatus
    attending_by_channel: dict[Channel, int]
    meeting: Meeting | None = None
    checks: tuple[QuorumCheck, ...] = ()
    decisions: tuple[dict[str, Any], ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        """The report as JSON-able data (keys in English, stable for scripts)."""
        m = self.meeting
        return {
            "cooperative": self.cooperative,
            "register_entries": self.entries,
            "registered": self.registered,
            "entitled": self.entitled,
            "meeting": None
            if m is None
            else {
                "id": m.id,
                "title": m.title_in(translator()),
                "kind": m.kind.value,
                "state": m.state.value,
                "state_label": tr(m.state.key),
                "date": m.date.isoformat(),
                "start": m.start.strftime("%H:%M"),
                "time_zone": m.time_zone.value,
                "mode": m.mode.value,
                "cutoff_date": m.cutoff_date.isoformat(),
                "document_number": m.document_number,
            },
            "present": {
                "total": sum(self.attending_by_channel.values()),
                "entitled": self.quorum.present,
                "by_channel": {c.value: self.attending_by_channel.get(c, 0) for c in Channel},
            },
            "quorum": {
                "rule": self.quorum.rule.describe(),
                "article": self.quorum.article,
                "base": self.quorum.base,
                "minimum": self.quorum.minimum,
                "present": self.quorum.present,
                "reached": self.quorum.reached,
                "text": self.quorum.text,
            },
            "quorum_checks": [
                {
                    "at": c.at.isoformat(),
                    "step": c.step.value,
                    "present": c.present,
                    "minimum": c.minimum,
                    "base": c.base,
                    "reached": c.reached,
                    "rule": c.rule_text,
                    "article": c.article,
                }
                for c in self.checks
            ],
            "decisions": list(self.decisions),
        }

    def lines(self) -> list[str]:
        """The report as lines for a terminal, in the active language."""
        out = [self.cooperative]
        out.append(
            trn(
                "Buku daftar anggota: {n} entri",
                "Buku daftar anggota: {n} entri",
                self.entries,
                n=thousands(self.entries),
            )
        )
        m = self.meeting
        if m is None:
            out.append(
                tr(
                    "Anggota hari ini: {registered}, berhak suara {entitled}",
                    registered=thousands(self.registered),
                    entitled=thousands(self.entitled),
                )
            )
            out.append(tr("Belum ada rapat."))
            return out
        out.append(tr("Rapat {id}: {title}", id=m.id, title=m.title_in(translator())))
        out.append(
            tr(
                "{date} pukul {time} {zone} — {state}",
                date=m.date.strftime("%d/%m/%Y"),
                time=m.start.strftime("%H.%M"),
                zone=m.time_zone.value,
                state=tr(m.state.key),
            )
        )
        out.append(
            tr(
                "Anggota per {date}: {registered}, berhak suara {entitled}",
                date=m.cutoff_date.strftime("%d/%m/%Y"),
                registered=thousands(self.registered),
                entitled=thousands(self.entitled),
            )
        )
        by_channel = ", ".join(
            f"{tr(c.key).lower()} {thousands(self.attending_by_channel.get(c, 0))}" for c in Channel
        )
        out.append(
            tr(
                "Hadir: {total} ({channels}); berhak suara {entitled}",
                total=thousands(sum(self.attending_by_channel.values())),
                channels=by_channel,
                entitled=thousands(self.quorum.present),
            )
        )
        verdict = tr("TERCAPAI") if self.quorum.reached else tr("BELUM TERCAPAI")
        out.append(
            tr(
                "Kuorum: {present} hadir, {text} — {verdict}",
                present=thousands(self.quorum.present),
                text=self.quorum.text,
                verdict=verdict,
            )
        )
        out.append(tr("Aturan: {rule}", rule=self.quorum.rule_text))
        for c in self.checks:
            out.append(
                "  "
                + tr(
                    "{time} {step}: {present} hadir, minimal {minimum}",
                    time=c.at.strftime("%H.%M %Z"),
                    step=tr(c.step.key),
                    present=thousands(c.present),
                    minimum=thousands(c.minimum),
                )
            )
        if not self.decisions:
            out.append(tr("Keputusan: belum ada"))
        for d in self.decisions:
            out.append(
                tr("Keputusan ({method}) {title}: {result}", method=d["method"], title=d["title"],
                   result=d["result"])
            )  # fmt: skip
        return [line for line in out if line]


class StatusService:
    """Builds the ``status`` report."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._profiles = ProfileCache()

    def report(self, meeting_id: int | None = None) -> StatusReport:
        """The register with meeting ``meeting_id``, or with the latest meeting (the newest
        held or running one, else the newest draft) when None."""
        with self._ctx.db.read() as conn:
            coop = cooperative_store.load(conn)
            name = coop.name if coop else tr("(koperasi belum diisi)")
            entries = member_store.count(conn)
            chosen = meeting_id if meeting_id is not None else meeting_store.latest_id(conn)
            if chosen is None:
                version = cooperative_store.latest_profile(conn)
                profile = version.profile if version else ADProfile()
                registered, entitled = quorum_check_store.roll_counts(
                    conn, self._ctx.today(), profile
                )
                status = quorum_status(
                    profile.quorum,
                    registered=registered,
                    entitled=entitled,
                    present_by_channel={},
                    attending=0,
                    article=profile.article("quorum"),
                )
                return StatusReport(
                    name, entries, registered, entitled, status, dict.fromkeys(Channel, 0)
                )
            meeting = require_header(conn, chosen)
            profile = self._profiles.get(conn, meeting.profile_version)
            # The one presence function, at this moment (or at the close of a closed meeting).
            now = self._ctx.now()
            moment = min(now, meeting.closed_at) if meeting.closed_at else now
            count = present_at(presence.attendees(conn, chosen), moment)
            status = replace(
                live_status(conn, meeting, profile),
                present=count.counted,
                by_channel=count.by_channel,
                attending=count.everyone,
            )
            if meeting.registered is None or meeting.entitled is None:
                registered, entitled = quorum_check_store.roll_counts(
                    conn, meeting.cutoff_date, profile
                )
            else:
                registered, entitled = meeting.registered, meeting.entitled
            attending = dict(count.everyone_by_channel)
            checks = tuple(
                replace(c, at=c.at.astimezone(meeting.zone))
                for c in quorum_check_store.checks(conn, chosen)
            )
            decided = tuple(decision_entries(conn, chosen, profile))
        return StatusReport(
            name, entries, registered, entitled, status, attending, meeting, checks, decided
        )


def decision_entries(conn: Connection, meeting_id: int, profile: ADProfile) -> list[dict[str, Any]]:
    """Each decision of the meeting as ``status --json`` lists it: consensus (Pasal 24(1)) or
    the result of a closed ballot with its tally, the entitled present at the snapshot, the
    rule and the result statement. The records that consensus failed are not decisions."""
    items = {i.id: i for i in meeting_store.agenda(conn, meeting_id)}
    out = []
    for row in decision_store.for_meeting(conn, meeting_id):
        if row.outcome is Outcome.NO_CONSENSUS:
            continue
        item = items[row.item_id]
        entry: dict[str, Any] = {
            "item": item.title,
            "title": row.text,
            "method": row.method.value,
            "mode": None,
            "tally": None,
            "present_at_snapshot": None,
            "rule": tr("musyawarah untuk mufakat (UU 25/1992 Pasal 24 ayat 1)"),
            "result": row.result,
            "outcome": row.outcome.value,
            "dissent": row.dissent,
        }
        ballot = None if row.ballot_id is None else ballot_store.get(conn, row.ballot_id)
        if ballot is not None:
            tally, by_proxy = tally_of(conn, ballot)
            rule = rule_applied(ballot, item, profile)
            entry.update(
                mode=ballot.mode.value,
                tally=tally,
                by_proxy=by_proxy,
                present_at_snapshot=ballot.eligible,
                quorum_at_vote={
                    "present": ballot.present,
                    "minimum": ballot.minimum,
                    "reached": ballot.reached,
                },
                rule=rule,
                runoff_of=ballot.runoff_of,
                revote_reason=ballot.revote_reason,
            )
        out.append(entry)
    return out
