"""The reconciliation check on a meeting run through the services: members leave and come
back between decisions, a counted vote and a named vote; every figure of the berita acara
reconciles, and a figure altered in the records is found, with its page."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdf
import pytest

from assembly.domain.attendance import Channel
from assembly.domain.ballots import BallotMode, Choice, CountedTotals
from assembly.domain.meeting import MeetingState
from assembly.domain.presence import present_at
from assembly.persistence import audit_log
from assembly.services import presence
from assembly.services.bundle import Services
from assembly.services.minutes_check import CheckFailed, MinutesCheckService
from tests.behind_the_back import tamper
from tests.services.voting_fixtures import Hall, no_consensus, opened_hall

PRESENT = ("0001", "0002", "0003", "0004", "0005", "0006", "0008")  # 7 of 8; quorum 5


def _run(hall: Hall, close: bool = True) -> Services:
    """0005 and 0006 leave at +5 min; a counted vote at +6; 0005 comes back at +10; a named
    vote at +12; the meeting closes at +20."""
    s = hall.reopen(5)
    s.checkin.check_out(hall.meeting_id, hall.ids["0005"])
    s.checkin.check_out(hall.meeting_id, hall.ids["0006"])
    s = hall.reopen(6)
    plan = no_consensus(Hall(s, hall.meeting_id, hall.items, hall.ids, hall.path), 3)
    counted, _ = s.ballots.open_motion(hall.meeting_id, plan, BallotMode.COUNTED, "Rencana kerja")
    assert counted.present == 5
    s.ballots.enter_counted(counted.id, CountedTotals(3, 1, tellers=("Budi", "Siti")))
    s.ballots.close(counted.id)
    s = hall.reopen(10)
    s.checkin.record_return(hall.meeting_id, hall.ids["0005"])
    s = hall.reopen(12)
    shu = no_consensus(Hall(s, hall.meeting_id, hall.items, hall.ids, hall.path), 2)
    named, _ = s.ballots.open_motion(hall.meeting_id, shu, BallotMode.NAMED, "SHU 40% jasa")
    assert named.present == 6
    for number, choice in (("0001", Choice.YES), ("0002", Choice.YES), ("0005", Choice.NO)):
        s.ballots.cast(named.id, number, choice)
    s.ballots.close(named.id)
    s = hall.reopen(20)
    if close:
        MinutesCheckService(s.ctx).close(hall.meeting_id)
    return s


def _text(services: Services, meeting_id: int) -> list[str]:
    out = io.BytesIO()
    services.minutes.render(meeting_id, out)
    return [p.extract_text() for p in pypdf.PdfReader(out).pages]


def test_a_meeting_with_departures_returns_and_two_votes_reconciles(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path, PRESENT)
    s = _run(hall)
    report = MinutesCheckService(s.ctx).check(hall.meeting_id)
    assert report.ok, report.lines()
    assert report.stated > 20
    body = " ".join(" ".join(_text(s, hall.meeting_id)[:2]).split())
    assert "2 (dua) anggota meninggalkan rapat; hadir 5 (lima) orang" in body
    assert "1 (satu) anggota kembali ke rapat; hadir 6 (enam) orang" in body
    assert "saat itu hadir 5 (lima) orang" in body and "saat itu hadir 6 (enam) orang" in body
    # Every head count the body states is the one presence function at its moment.
    with s.ctx.db.read() as conn:
        people = presence.attendees(conn, hall.meeting_id)
    for ballot in s.ballots.ballots(hall.meeting_id):
        assert ballot.present == present_at(people, ballot.opened_at).counted
    # The live quorum (console, status) is the same count at the moment it is read.
    live = s.console.snapshot(hall.meeting_id).quorum
    assert live.present == present_at(people, s.ctx.now()).counted == 6
    assert live.by_channel[Channel.IN_PERSON] == 6


def test_each_stated_figure_sits_on_the_page_it_names(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path, PRESENT)
    s = _run(hall)
    pages = _text(s, hall.meeting_id)
    out = io.BytesIO()
    rendered = s.minutes.render(hall.meeting_id, out)
    for figure in rendered.figures:
        if isinstance(figure.value, int) and figure.value >= 2:
            assert figure.page >= 1
            assert str(figure.value) in pages[figure.page - 1], figure


def test_a_deleted_attendance_row_is_found_on_page_one_and_in_the_daftar_hadir(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path, PRESENT)
    _run(hall).close()
    tamper(db_path, f"DELETE FROM attendance WHERE member_id = {hall.ids['0003']}")
    report = MinutesCheckService(hall.reopen(30).ctx).check(hall.meeting_id)
    assert not report.ok
    found = {m.key: m for m in report.mismatches}
    assert (found["hadir.jumlah"].stated, found["hadir.jumlah"].recounted) == (6, 7)
    assert found["hadir.jumlah"].page == 1 and found["hadir.jumlah"].place == "I.2"
    assert found["daftar.jumlah"].page > 1 and found["daftar.jumlah"].place == "LAMPIRAN I"
    assert any(line.startswith("Halaman 1 (I.2)") for line in report.lines())


def test_an_edited_counted_tally_is_found_on_the_page_of_its_decision(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path, PRESENT)
    _run(hall).close()
    tamper(db_path, "UPDATE counted_totals SET yes = yes + 1, no = 0")
    s = hall.reopen(30)
    report = MinutesCheckService(s.ctx).check(hall.meeting_id)
    assert not report.ok
    keys = {m.key: m for m in report.mismatches}
    counted = next(b for b in s.ballots.ballots(hall.meeting_id) if b.mode is BallotMode.COUNTED)
    # The audit log kept the tally as it was closed: 3 for, 1 against.
    assert (
        keys[f"suara.{counted.id}.setuju"].stated,
        keys[f"suara.{counted.id}.setuju"].recounted,
    ) == (4, 3)
    assert keys[f"suara.{counted.id}.tidak_setuju"].recounted == 1
    assert keys[f"suara.{counted.id}.setuju"].page >= 1
    assert keys[f"suara.{counted.id}.setuju"].place.startswith("III.3.")


def test_a_named_vote_moved_to_someone_absent_is_found(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path, PRESENT)
    _run(hall).close()
    # 0006 left at +5 and never came back: a vote in their name at +12 cannot have happened.
    tamper(
        db_path,
        f"UPDATE named_votes SET member_id = {hall.ids['0006']} "
        f"WHERE member_id = {hall.ids['0002']}",
    )
    report = MinutesCheckService(hall.reopen(30).ctx).check(hall.meeting_id)
    assert any(
        m.key.endswith("memilih_tanpa_hadir") and m.recounted == 1 for m in report.mismatches
    )


def test_closing_when_figures_do_not_reconcile_asks_a_reason_and_records_it(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path, PRESENT)
    _run(hall, close=False).close()
    tamper(db_path, f"DELETE FROM attendance WHERE member_id = {hall.ids['0003']}")
    s = hall.reopen(25)
    closing = MinutesCheckService(s.ctx)
    with pytest.raises(CheckFailed, match="angka berita acara tidak sesuai") as refused:
        closing.close(hall.meeting_id, "   ")
    assert any(m.key == "hadir.jumlah" for m in refused.value.report.mismatches)
    assert s.meetings.get(hall.meeting_id).state is MeetingState.OPENED  # nothing changed
    meeting, _ = closing.close(hall.meeting_id, "Daftar hadir  kertas dicocokkan kemudian")
    assert meeting.state is MeetingState.CLOSED
    with s.ctx.db.read() as conn:
        closed = [e for e in audit_log.events(conn) if e.kind == "meeting.closed"]
    payload = json.loads(closed[-1].payload)
    assert payload["angka"] == "tidak sesuai"
    assert payload["alasan"] == "Daftar hadir kertas dicocokkan kemudian"
    assert "hadir.jumlah" in payload["tidak_sesuai"]
    body = " ".join(" ".join(_text(s, hall.meeting_id)).split())
    assert (
        "pemeriksaan angka berita acara menemukan" in body
        and "Rapat tetap ditutup dengan alasan: Daftar hadir kertas dicocokkan kemudian." in body
    )


def test_a_meeting_that_reconciles_closes_without_a_question(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path, PRESENT)
    s = _run(hall)
    assert s.meetings.get(hall.meeting_id).state is MeetingState.CLOSED
    with s.ctx.db.read() as conn:
        closed = [e for e in audit_log.events(conn) if e.kind == "meeting.closed"]
    assert json.loads(closed[-1].payload) == {"id": hall.meeting_id, "angka": "sesuai"}
    assert "tetap ditutup" not in " ".join(_text(s, hall.meeting_id))


def test_a_secret_election_of_two_seats_counts_ballots_not_marks(
    cooperative: Services, db_path: Path
) -> None:
    """Found by scripts/desks_walk.py: with two seats most voters mark two candidates, and the
    recount took the marks (40) for the ballots cast (24), so the meeting could not close
    without a reason and `minutes check` failed on a correct berita acara."""
    hall = opened_hall(cooperative, db_path, PRESENT)
    s = hall.reopen(5)
    election, _changes = s.elections.open_election(
        hall.meeting_id, hall.items[3], "Pemilihan pengawas", 2, ["0001", "0002", "0003"],
        BallotMode.SECRET,
    )  # fmt: skip
    for number, picks in (("0001", ["0001", "0002"]), ("0002", ["0001", "0002"]),
                          ("0003", ["0003"]), ("0005", ["0001", "0003"])):  # fmt: skip
        s.ballots.cast(election.id, number, picks)
    s.ballots.close(election.id)
    s = hall.reopen(20)
    report = MinutesCheckService(s.ctx).check(hall.meeting_id)
    assert report.ok, report.lines()
    MinutesCheckService(s.ctx).close(hall.meeting_id)  # no reason asked
    assert s.meetings.get(hall.meeting_id).state is MeetingState.CLOSED
    figures = {f.key: f.value for f in s.minutes.render(hall.meeting_id, io.BytesIO()).figures}
    assert figures[f"rekap.{election.id}.memilih"] == 4
