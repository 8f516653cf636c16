"""What the berita acara's vote annexes and embedded data files say, read from the records.

Inside the caller's read transaction: every ballot of the meeting with its quorum snapshot,
tally, rule and result (cancelled ones with their reason), the named votes of each open
ballot, and the proxies. The same reading gives the data files embedded in the PDF, so a
member can check the numbers (issue 5, item 3): ``hasil_suara.json`` here, and the CSV files
``daftar_hadir.csv`` and ``keputusan.csv`` (:mod:`assembly.services.minutes_csv`). A secret ballot contributes only its totals and how many took part;
nothing links a choice to a member (DESIGN.md section 3).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from assembly.domain.ad_profile import ADProfile
from assembly.domain.ballots import (
    Ballot,
    BallotKind,
    BallotMode,
    BallotState,
    Choice,
    Outcome,
)
from assembly.domain.meeting import AgendaItem, Meeting
from assembly.domain.minutes import full_title
from assembly.domain.minutes_results import election_verdict, motion_result, round_title
from assembly.domain.minutes_words import Terbilang
from assembly.domain.proxies import ProxyState
from assembly.i18n import Translator
from assembly.pdf.attachments import Attachment
from assembly.pdf.minutes_annexes import (
    BallotLine,
    NamedVoteLine,
    NamedVoteList,
    ProxyLine,
    VoteAnnexes,
)
from assembly.persistence import ballot_store, decision_store, vote_corrections, vote_records
from assembly.persistence.decision_store import DecisionRow
from assembly.persistence.meeting_store import Connection
from assembly.services import attendance_rows
from assembly.services.ballot_results import rule_applied, tally_of
from assembly.services.minutes_csv import (
    MODE_CODES,
    MOTION_KEYS,
    decision_summary,
    decisions_csv,
    write_attendance_csv,
)


@dataclass(frozen=True)
class _BallotFacts:
    """One ballot as read: the ballot, its item, tally, by-proxy count, turnout, decision."""

    ballot: Ballot
    item: AgendaItem
    tally: dict[str, int]
    by_proxy: int
    voted: int
    decision: DecisionRow | None
    corrections: tuple[vote_corrections.VoteCorrectionRecord, ...] = ()


@dataclass(frozen=True)
class AnnexData:
    """The vote annexes for the PDF, the Daftar Hadir (read in chunks as the pages are laid
    out) and the files to embed in it (the long ones written to the spool folder)."""

    votes: VoteAnnexes
    attachments: tuple[Attachment, ...]
    daftar: attendance_rows.DaftarHadir


def gather(
    conn: Connection,
    meeting: Meeting,
    profile: ADProfile,
    t: Translator,
    spool: Path,
) -> AnnexData:
    """The annexes and attachments of ``meeting``. The Daftar Hadir and each list of named
    votes are read from the database a chunk at a time, once here (counted, and written to
    their data files in ``spool``) and again as their pages are laid out: none is held whole
    (issue 11, point 10). Everything is read in the caller's read transaction."""
    assert meeting.id is not None
    meeting_id = meeting.id
    facts = _ballots(conn, meeting)
    numbers = {f.ballot.id: n for n, f in enumerate(facts, start=1)}
    lines = [_line(n, f, profile, numbers, t) for n, f in enumerate(facts, start=1)]
    named = [
        _named(conn, f, line, t, spool / f"suara-{line.number}.json")
        for f, line in zip(facts, lines, strict=True)
        if f.ballot.mode is BallotMode.NAMED and f.ballot.state is not BallotState.CANCELLED
    ]
    proxies = vote_records.proxies_of(conn, meeting.id)
    proxy_lines = [
        ProxyLine(
            f"{p.grantor_number} · {p.grantor_name}",
            f"{p.holder_number} · {p.holder_name}",
            p.reference,
            p.granted_on,
            _proxy_state(p.state, t),
        )
        for p in proxies
    ]
    votes = VoteAnnexes(full_title(meeting, t), lines, named, proxy_lines)
    summary = decision_summary(conn, meeting, profile)
    attendance_file = spool / "daftar_hadir.csv"
    with attendance_file.open("w", encoding="utf-8-sig", newline="") as out:
        daftar = write_attendance_csv(
            lambda: attendance_rows.streamed(conn, meeting_id), meeting, out
        )
    votes_file = spool / "hasil_suara.json"
    _write_votes_json(votes_file, meeting, facts, lines, named, spool, conn, t)
    attachments = (
        Attachment.from_file(
            "daftar_hadir.csv", attendance_file, "text/csv", t.tr("Daftar hadir rapat (CSV)")
        ),
        Attachment.from_file(
            "hasil_suara.json",
            votes_file,
            "application/json",
            t.tr("Data pemungutan suara: cuplikan kuorum, perolehan, suara terbuka (JSON)"),
        ),
        Attachment(
            "keputusan.csv", decisions_csv(summary), "text/csv", t.tr("Ringkasan keputusan (CSV)")
        ),
    )
    return AnnexData(votes, attachments, daftar)


def _ballots(conn: Connection, meeting: Meeting) -> list[_BallotFacts]:
    assert meeting.id is not None
    items = {i.id: i for i in meeting.agenda}
    decided = {d.ballot_id: d for d in decision_store.for_meeting(conn, meeting.id) if d.ballot_id}
    out = []
    for ballot in ballot_store.for_meeting(conn, meeting.id):
        assert ballot.id is not None
        tally, by_proxy = tally_of(conn, ballot)
        if ballot.mode is BallotMode.COUNTED:
            totals = ballot_store.counted(conn, ballot.id)
            voted = totals.total if totals else 0
        else:
            voted = ballot_store.voted(conn, ballot)[0]
        item = items.get(ballot.item_id) or AgendaItem(ballot.title, id=ballot.item_id)
        fixed = tuple(vote_corrections.corrections_of(conn, ballot.id))
        if fixed and ballot.kind is BallotKind.ELECTION:
            names = dict(ballot_store.candidate_list(conn, ballot.id))
            fixed = tuple(replace(c, old=_names(c.old, names), new=_names(c.new, names))
                          for c in fixed)  # fmt: skip
        out.append(
            _BallotFacts(ballot, item, tally, by_proxy, voted, decided.get(ballot.id), fixed)
        )
    return out


def _tally_labels(t: Translator) -> dict[str, str]:
    return {
        "setuju": t.tr("Setuju"),
        "tidak_setuju": t.tr("Tidak setuju"),
        "abstain": t.tr("Abstain"),
        "tidak_sah": t.tr("Tidak sah"),
    }


def _line(
    n: int, f: _BallotFacts, profile: ADProfile, numbers: dict[int | None, int], t: Translator
) -> BallotLine:
    b = f.ballot
    if b.kind is BallotKind.MOTION:
        labels = _tally_labels(t)
        tally = tuple((labels[k], f.tally.get(k, 0)) for k in MOTION_KEYS)
    else:
        tally = tuple(sorted(f.tally.items(), key=lambda kv: (-kv[1], kv[0])))
    mode = {
        BallotMode.NAMED: t.tr("Terbuka (per nama)"),
        BallotMode.COUNTED: t.tr("Dihitung"),
        BallotMode.SECRET: t.tr("Rahasia"),
    }[b.mode]
    notes = []
    if b.revote_of is not None:
        notes.append(
            t.tr("Pemungutan suara ulang atas No. {n}", n=numbers.get(b.revote_of, "?"))
            + (f": {b.revote_reason}" if b.revote_reason else "")
        )
    if b.runoff_of is not None:
        notes.append(t.tr("Pemilihan putaran kedua dari No. {n}", n=numbers.get(b.runoff_of, "?")))
    if not b.reached:
        notes.append(t.tr("Kuorum tidak tercapai saat dibuka"))
    if f.corrections:
        notes.append(_corrections_note(f, t))
    if b.state is BallotState.CANCELLED:
        result = t.tr("Dibatalkan: {reason}", reason=b.cancel_reason or "-")
    elif f.decision is not None:
        result = _result_words(f, profile, t) or f.decision.result
    else:
        result = t.tr("Belum ditutup")
    subject = round_title(b.title, t)
    item = f"{f.item.position}. {f.item.title}" if f.item.position else f.item.title
    return BallotLine(n, item, subject, mode, b.present, b.eligible, f.voted, tally,
                      rule_applied(b, f.item, profile), result, "; ".join(notes),
                      b.state is BallotState.CANCELLED, b.id)  # fmt: skip


def _result_words(f: _BallotFacts, profile: ADProfile, t: Translator) -> str:
    """The result in the document's language, worded from the tally (digits only, for the
    table): "disetujui, 398 dari 581 suara sah (lebih dari 1/2)", "Terpilih: A (318 suara)."
    Empty for a tie settled by lot or by the chair (the recorded statement says how)."""
    figures = Terbilang(str, "," if t.language == "en" else ".")  # digits, grouped
    b, decision = f.ballot, f.decision
    if decision is None or decision.outcome is Outcome.TIE:
        return ""
    if b.kind is BallotKind.MOTION:
        return motion_result(f.tally, b, f.item.kind, profile, figures, t, spelled=False) or ""
    return election_verdict(f.tally, b, figures, t)


def _names(stored: str, names: dict[int, str]) -> str:
    return ", ".join(names.get(int(i), i) for i in stored.split(",") if i) or "-"


def _corrections_note(f: _BallotFacts, t: Translator) -> str:
    """ "1 suara dikoreksi: 0003 Nama dari Tidak setuju menjadi Setuju, alasan: salah tekan"."""
    labels = _tally_labels(t) if f.ballot.kind is BallotKind.MOTION else {}
    each = [
        t.tr(
            "{number} {name} dari {old} menjadi {new}, alasan: {reason}",
            number=c.number,
            name=c.name,
            old=labels.get(c.old, c.old),
            new=labels.get(c.new, c.new),
            reason=c.reason,
        )
        for c in f.corrections
    ]
    return t.tr("{n} suara dikoreksi: {list}", n=len(each), list="; ".join(each))


class _NamedVotes:
    """The named votes of one ballot as the annex walks them: ``len`` known, the votes read
    afresh from the database (a chunk at a time) each time it is iterated."""

    def __init__(self, source: Callable[[], Iterator[NamedVoteLine]], count: int) -> None:
        self._source = source
        self._count = count

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[NamedVoteLine]:
        return self._source()


def _named(
    conn: Connection, f: _BallotFacts, line: BallotLine, t: Translator, fragment: Path
) -> NamedVoteList:
    """The named votes of the ballot: counted, and written to ``fragment`` as the items of
    its ``suara_terbuka`` list in the votes file, in one pass; read again for the pages."""
    assert f.ballot.id is not None
    ballot_id = f.ballot.id
    motion = f.ballot.kind is BallotKind.MOTION
    if motion:
        labels = _tally_labels(t)
        choices = {c.value: labels[c.value] for c in Choice}
        codes = {label: code for code, label in labels.items()}  # the file keeps the code
    else:
        people = dict(ballot_store.candidate_list(conn, ballot_id))
        codes = {}

    def votes() -> Iterator[NamedVoteLine]:
        for v in vote_records.named_votes_of(conn, ballot_id):
            if motion:
                choice = choices.get(v.choice, v.choice)
            else:
                chosen = [people.get(int(c), c) for c in v.choice.split(",") if c]
                choice = ", ".join(chosen) or t.tr("Kosong")
            holder = f"{v.holder_number} {v.holder_name}".strip()
            yield NamedVoteLine(v.number, v.name, choice, holder)

    count = by_proxy = 0
    with fragment.open("w", encoding="utf-8", newline="\n") as out:
        for r in votes():
            item = {
                "nomor_anggota": r.number,
                "nama": r.name,
                "pilihan": codes.get(r.choice, r.choice) if motion else r.choice,
                "melalui_kuasa": r.holder or None,
            }
            out.write(
                ("" if count == 0 else ",\n") + json.dumps(item, ensure_ascii=False, indent=2)
            )
            count += 1
            by_proxy += 1 if r.holder else 0
    return NamedVoteList(line, _NamedVotes(votes, count), by_proxy)


def _proxy_state(state: ProxyState, t: Translator) -> str:
    return {
        ProxyState.ACTIVE: t.tr("Berlaku"),
        ProxyState.LAPSED: t.tr("Gugur"),
        ProxyState.WITHDRAWN: t.tr("Dicabut"),
    }[state]


_PLACE = "\x00suara_terbuka:{n}\x00"  # where a ballot's named votes go in the votes file
_PLACED = re.compile(r'\n( *)"\\u0000suara_terbuka:(\d+)\\u0000"')


def _write_votes_json(
    target: Path,
    meeting: Meeting,
    facts: Sequence[_BallotFacts],
    lines: Sequence[BallotLine],
    named: Sequence[NamedVoteList],
    spool: Path,
    conn: Connection,
    t: Translator,
) -> None:
    """``hasil_suara.json``: each ballot's snapshot, tally and result, with the named votes
    copied in line by line from the fragments :func:`_named` wrote, so that a list of 150,000
    votes is never one string (the bytes are those of one ``json.dumps`` of the whole)."""
    lists = {n.ballot.number: n for n in named}
    ballots: list[dict[str, Any]] = []
    for f, line in zip(facts, lines, strict=True):
        b = f.ballot
        entry: dict[str, Any] = {
            "no": line.number,
            "id": b.id,
            "acara": {"no": f.item.position, "judul": f.item.title},
            "pokok": b.title,
            "jenis": "pemilihan" if b.kind is BallotKind.ELECTION else "usul",
            "mode": MODE_CODES[b.mode],
            "status": {"open": "terbuka", "closed": "ditutup", "cancelled": "dibatalkan"}[b.state],
            "alasan_pembatalan": b.cancel_reason,
            "dibuka": b.opened_at.astimezone(meeting.zone).isoformat(),
            "ditutup": b.closed_at.astimezone(meeting.zone).isoformat() if b.closed_at else None,
            "cuplikan": {
                "hadir": b.present,
                "kuorum_minimal": b.minimum,
                "kuorum_tercapai": b.reached,
                "berhak_suara": b.eligible,
                "seluruh_anggota_berhak": b.members,
                "aturan_kuorum": b.rule_text,
                "pasal": b.article,
            },
            "partisipasi": {"memberi_suara": f.voted, "melalui_kuasa": f.by_proxy},
            "perolehan": f.tally,
            "aturan": line.rule,
            "hasil": line.result,
        }
        if b.mode is BallotMode.COUNTED and b.id is not None:
            totals = ballot_store.counted(conn, b.id)
            if totals is not None:
                entry["kertas_suara"] = {
                    "kosong": totals.blank,
                    "dibagikan": totals.issued,
                    "kembali": totals.returned,
                    "saksi": list(totals.tellers),
                }
        if b.kind is BallotKind.ELECTION:
            entry["kursi"] = b.seats
        if line.number in lists:
            some = len(lists[line.number].rows) > 0
            entry["suara_terbuka"] = [_PLACE.format(n=line.number)] if some else []
        if f.corrections:  # votes corrected while the ballot was open, as logged
            entry["koreksi_suara"] = [
                {"nomor_anggota": c.number, "nama": c.name, "semula": c.old, "menjadi": c.new,
                 "alasan": c.reason}
                for c in f.corrections
            ]  # fmt: skip
        ballots.append(entry)
    data = {
        "rapat": {
            "id": meeting.id,
            "judul": full_title(meeting, t),
            "tanggal": meeting.date.isoformat(),
            "nomor_dokumen": meeting.document_number,
        },
        "pemungutan_suara": ballots,
    }
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    with target.open("w", encoding="utf-8", newline="\n") as out:
        at = 0
        for place in _PLACED.finditer(text):
            out.write(text[at : place.start()])
            indent = place.group(1)
            with (spool / f"suara-{place.group(2)}.json").open(
                encoding="utf-8", newline="\n"
            ) as votes:
                for piece in votes:
                    out.write("\n" + indent + piece.rstrip("\n"))
            at = place.end()
        out.write(text[at:])
