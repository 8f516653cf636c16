"""The CSV files the berita acara embeds, so that a member can check its numbers in a
spreadsheet (issue 5, item 3): ``daftar_hadir.csv``, every attendee with each departure,
return and stay, and ``keputusan.csv``, one row per decision with its method, tally, snapshot,
rule and result. UTF-8 with a byte-order mark, comma, CRLF, as the register export; text a
spreadsheet would run is made inert."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Sequence
from typing import TextIO

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance_query import AttendanceEntry
from assembly.domain.ballots import BallotKind, BallotMode, Outcome
from assembly.domain.meeting import AgendaItem, Meeting
from assembly.domain.presence import Attendee
from assembly.domain.spreadsheet import inert, inert_cell
from assembly.i18n import tr
from assembly.persistence import ballot_store, decision_store
from assembly.persistence.meeting_store import Connection
from assembly.services import attendance_rows
from assembly.services.ballot_results import rule_applied, tally_of

MODE_CODES = {BallotMode.NAMED: "terbuka", BallotMode.COUNTED: "dihitung",
              BallotMode.SECRET: "rahasia"}  # fmt: skip
MOTION_KEYS = ("setuju", "tidak_setuju", "abstain", "tidak_sah")
DECISION_COLUMNS = (
    "no_acara", "acara", "keputusan", "cara", "mode", "setuju", "tidak_setuju", "abstain",
    "tidak_sah", "perolehan_calon", "hadir_saat_dibuka", "berhak_suara", "aturan", "hasil",
)  # fmt: skip
ATTENDANCE_COLUMNS = ("no", "nomor_anggota", "nama", "kehadiran", "jam_hadir", "jam_keluar",
                      "pemegang_kuasa", "dihitung_kuorum", "berhak_suara", "kategori",
                      "jam_kembali", "masa_hadir")  # fmt: skip


def _csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    """UTF-8 with a byte-order mark (Excel recognises it), comma, CRLF, as the register export;
    text a spreadsheet would run is made inert (member names, decision titles, notes)."""
    out = io.StringIO()
    _csv_rows(out, header, rows)
    return out.getvalue().encode("utf-8-sig")


def _csv_rows(out: TextIO, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    writer = csv.writer(out, delimiter=",", lineterminator="\r\n")
    writer.writerow([inert(h) for h in header])
    writer.writerows([inert_cell(v) for v in row] for row in rows)


def write_attendance_csv(
    source: Callable[[], Iterable[tuple[AttendanceEntry, Attendee]]],
    meeting: Meeting,
    out: TextIO,
) -> attendance_rows.DaftarHadir:
    """Write the Daftar Hadir's rows as CSV to ``out`` (opened with ``utf-8-sig``), in order
    of arrival, times in the meeting's zone: each departure and return ("11:05;12:10"), and
    every stay to the second (``masa_hadir``: "start/end" pairs, ISO 8601, an open end when
    still in at the close) so that anyone can count who was present at any moment. One pass
    over ``source``; the Daftar Hadir counted in it is returned, to be walked again for the
    pages."""
    zone = meeting.zone

    def hm(times: Sequence[dt.datetime]) -> str:
        return ";".join(x.astimezone(zone).strftime("%H:%M") for x in times)

    def stays(a: Attendee) -> str:
        return ";".join(
            s.start.astimezone(zone).isoformat()
            + "/"
            + (s.end.astimezone(zone).isoformat() if s.end else "")
            for s in a.stays
        )

    writer = csv.writer(out, delimiter=",", lineterminator="\r\n")
    writer.writerow([inert(h) for h in ATTENDANCE_COLUMNS])

    def each(n: int, e: AttendanceEntry, a: Attendee) -> None:
        row = (
            n,
            e.number,
            e.name,
            a.channel.value,
            (a.first_arrival or e.arrived_at).astimezone(zone).strftime("%H:%M"),
            hm(a.departures),
            e.holder_number,
            "ya" if a.counted else "tidak",
            "ya" if a.may_vote else "tidak",
            a.category.value,
            hm(a.returns),
            stays(a),
        )
        writer.writerow([inert_cell(v) for v in row])

    return attendance_rows.surveyed(source, zone, each)


def decision_summary(
    conn: Connection, meeting: Meeting, profile: ADProfile
) -> list[dict[str, object]]:
    """One row per recorded decision under :data:`DECISION_COLUMNS`: the item, what was
    decided, the method and mode, the tally (or the candidates' votes), the snapshot, the rule
    and the result."""
    assert meeting.id is not None
    items = {i.id: i for i in meeting.agenda}
    out: list[dict[str, object]] = []
    for d in decision_store.for_meeting(conn, meeting.id):
        if d.outcome is Outcome.NO_CONSENSUS:  # a step towards a vote, not a decision
            continue
        item = items.get(d.item_id) or AgendaItem("", id=d.item_id)
        row: dict[str, object] = dict.fromkeys(DECISION_COLUMNS, "")
        row.update(no_acara=item.position, acara=item.title, keputusan=d.text,
                   cara=d.method.value, hasil=d.result,
                   aturan=tr("musyawarah untuk mufakat (UU 25/1992 Pasal 24 ayat 1)"))  # fmt: skip
        ballot = ballot_store.get(conn, d.ballot_id) if d.ballot_id else None
        if ballot is not None:
            tally = tally_of(conn, ballot)[0]
            row.update(mode=MODE_CODES[ballot.mode], hadir_saat_dibuka=ballot.present,
                       berhak_suara=ballot.eligible, aturan=rule_applied(ballot, item, profile))  # fmt: skip
            if ballot.kind is BallotKind.MOTION:
                row.update({k: tally.get(k, 0) for k in MOTION_KEYS})
            else:
                ranked = sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))
                row["perolehan_calon"] = "; ".join(f"{name}: {n}" for name, n in ranked)
        out.append(row)
    return out


def decisions_csv(summary: Sequence[dict[str, object]]) -> bytes:
    """The decision summary as CSV."""
    return _csv(DECISION_COLUMNS, [[row[c] for c in DECISION_COLUMNS] for row in summary])
