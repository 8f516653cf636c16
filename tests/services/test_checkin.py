"""The check-in desk's services on a real database file, reopened after every step so that
only what was durably committed counts: scans, second scans, refusals, leaving, returning,
undo, proxies lapsing, the live quorum, look-ups, and the audit chain."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance import AttendanceState, Channel, EventKind, Outcome
from assembly.domain.attendance_query import AttendanceQuery, AttendanceSort
from assembly.domain.errors import DomainError
from assembly.domain.meeting import MeetingMode
from assembly.domain.proxies import ProxyState
from assembly.persistence import audit_log
from assembly.persistence.database import open_database
from assembly.services.bundle import Services
from assembly.services.context import ServiceContext
from tests.behind_the_back import connect, rows, tamper
from tests.conftest import FIXED_NOW
from tests.meeting_fixtures import open_meeting, register_members, use_profile

Reopen = Callable[[], Services]


@pytest.fixture
def desk(cooperative: Services, db_path: Path) -> Iterator[tuple[Reopen, int, dict[str, int]]]:
    """A meeting open for check-in; ``reopen()`` closes every connection and opens the file
    afresh (the clock moves one minute per reopen)."""
    ids = register_members(cooperative)
    meeting_id = open_meeting(cooperative)
    cooperative.close()
    opened: list[Services] = []
    minutes = [0]

    def reopen() -> Services:
        for old in opened:
            old.close()
        minutes[0] += 1
        at = FIXED_NOW + dt.timedelta(minutes=minutes[0])
        services = Services.create(ServiceContext(open_database(db_path), "meja-1", lambda: at))
        opened.append(services)
        return services

    yield reopen, meeting_id, ids
    for old in opened:
        old.close()


def _kinds(services: Services) -> list[str]:
    with services.ctx.db.read() as conn:
        return [e.kind for e in audit_log.events(conn)]


def test_a_scan_checks_in_durably_and_a_second_scan_is_harmless(desk) -> None:  # type: ignore[no-untyped-def]
    reopen, meeting_id, ids = desk
    result, changes = reopen().checkin.check_in(meeting_id, " 0001 ")
    assert (
        result.outcome is Outcome.ADMITTED and result.message == "Selamat datang, Anggota Nomor 1."
    )
    assert result.may_vote and result.category_label == "Anggota" and result.status_label == "Aktif"
    assert result.arrived_at == FIXED_NOW + dt.timedelta(minutes=1)
    assert result.quorum.present == 1 and result.quorum.text == "minimal 5 dari 8"
    assert "attendance" in {a.value for a in changes.areas}

    s = reopen()
    assert s.checkin.quorum(meeting_id).present == 1
    events_before = len(_kinds(s))
    again, changes = s.checkin.check_in(meeting_id, ids["0001"])
    assert again.already_present and again.admitted and not changes.areas
    assert again.message == "Anggota Nomor 1 sudah hadir sejak 09.01 WIB."
    s = reopen()
    assert len(_kinds(s)) == events_before
    assert [e.kind for e in s.checkin.history(meeting_id, ids["0001"])] == [EventKind.CHECK_IN]


def test_refusals_change_nothing(desk) -> None:  # type: ignore[no-untyped-def]
    reopen, meeting_id, _ids = desk
    s = reopen()
    head = s.audit.head_hash()
    gone, changes = s.checkin.check_in(meeting_id, "0010")
    assert gone.outcome is Outcome.REFUSED and not gone.admitted and not changes.areas
    assert gone.message == "Keluar Sepuluh tidak dapat hadir: Telah keluar pada 30/06/2025."
    unknown, _ = s.checkin.check_in(meeting_id, "77777")
    assert (
        unknown.outcome is Outcome.NOT_FOUND and unknown.message == "Nomor 77777 tidak terdaftar."
    )
    late, _ = s.checkin.check_in(meeting_id, "0012")
    assert late.outcome is Outcome.REFUSED and "Belum menjadi anggota" in late.reason
    s = reopen()
    assert s.audit.head_hash() == head and s.checkin.quorum(meeting_id).attending == 0


def test_calon_and_arrears_are_admitted_with_their_reasons(desk) -> None:  # type: ignore[no-untyped-def]
    reopen, meeting_id, _ids = desk
    calon, _ = reopen().checkin.check_in(meeting_id, "0009")
    assert calon.outcome is Outcome.ADMITTED and not calon.may_vote
    assert calon.reason == "Calon anggota: boleh hadir, tidak memiliki hak suara"
    assert (calon.quorum.present, calon.quorum.attending) == (0, 1)
    owing, _ = reopen().checkin.check_in(meeting_id, "0004")
    assert owing.may_vote and owing.arrears and "tunggakan" in owing.reason.lower()
    assert reopen().checkin.quorum(meeting_id).present == 1


def test_leaving_returning_and_undo_are_recorded(desk) -> None:  # type: ignore[no-untyped-def]
    reopen, meeting_id, ids = desk
    member = ids["0002"]
    reopen().checkin.check_in(meeting_id, "0002")
    update, _ = reopen().checkin.check_out(meeting_id, member)
    assert update.state is AttendanceState.LEFT and update.quorum.present == 0
    assert update.message == "Anggota Nomor 2 meninggalkan rapat pukul 09.02 WIB."
    back, _ = reopen().checkin.check_in(meeting_id, "0002")
    assert back.outcome is Outcome.RETURNED and back.quorum.present == 1
    assert back.arrived_at == FIXED_NOW + dt.timedelta(minutes=1)  # the first arrival stays
    undone, _ = reopen().checkin.undo(meeting_id, member)
    assert undone.state is AttendanceState.LEFT and undone.quorum.present == 0
    with pytest.raises(DomainError, match="sudah diurungkan"):
        reopen().checkin.undo(meeting_id, member)
    s = reopen()
    history = s.checkin.history(meeting_id, member)
    assert [e.kind for e in history] == [
        EventKind.CHECK_IN,
        EventKind.CHECK_OUT,
        EventKind.RETURN,
        EventKind.UNDO,
    ]
    assert history[-1].undoes == history[-2].id and history[-1].before is not None
    assert "attendance.undo" in _kinds(s) and s.audit.verify().intact


def test_a_mistaken_check_in_is_undone_and_can_be_scanned_again(desk) -> None:  # type: ignore[no-untyped-def]
    reopen, meeting_id, ids = desk
    reopen().checkin.check_in(meeting_id, "0003", Channel.ONLINE)
    undone, _ = reopen().checkin.undo(meeting_id, ids["0003"])
    assert undone.state is None and undone.quorum.attending == 0
    s = reopen()
    assert s.checkin.attendance_page(meeting_id, AttendanceQuery(), 0, 10).total == 0
    again, _ = s.checkin.check_in(meeting_id, "0003")
    assert again.outcome is Outcome.ADMITTED and again.channel is Channel.IN_PERSON


def test_the_attendance_list_pages_searches_and_sorts(desk) -> None:  # type: ignore[no-untyped-def]
    reopen, meeting_id, _ids = desk
    for number in ("0005", "0003", "0009", "0007"):
        reopen().checkin.check_in(
            meeting_id, number, Channel.ONLINE if number == "0007" else Channel.IN_PERSON
        )
    s = reopen()
    page = s.checkin.attendance_page(meeting_id, AttendanceQuery(), 0, 2)
    assert page.total == 4 and [r.number for r in page.rows] == ["0005", "0003"]
    assert page.rows[0].arrived_at.utcoffset() == dt.timedelta(hours=7)
    by_name = AttendanceQuery(sort=AttendanceSort.NAME, descending=True)
    assert [r.number for r in s.checkin.attendance_page(meeting_id, by_name, 0, 9).rows] == [
        "0009",
        "0007",
        "0005",
        "0003",
    ]
    found = s.checkin.attendance_page(meeting_id, AttendanceQuery(text="calon"), 0, 9)
    assert [r.number for r in found.rows] == ["0009"] and not found.rows[0].may_vote
    short = s.checkin.attendance_page(meeting_id, AttendanceQuery(text="ca"), 0, 9)
    assert [r.number for r in short.rows] == ["0009"]
    assert s.checkin.attendance_page(meeting_id, AttendanceQuery(text="000"), 0, 9).total == 4
    online = AttendanceQuery(channels=frozenset({Channel.ONLINE}))
    assert s.checkin.attendance_page(meeting_id, online, 0, 9).total == 1
    assert [e.number for e in s.checkin.attendance_entries(meeting_id)] == [
        "0005",
        "0003",
        "0009",
        "0007",
    ]


def test_the_door_finds_members_by_number_or_name(desk) -> None:  # type: ignore[no-untyped-def]
    reopen, meeting_id, _ids = desk
    reopen().checkin.check_in(meeting_id, "0001")
    s = reopen()
    # The numbers that start so, then the one people call "001" (number 1).
    found = [m.number for m in s.checkin.find(meeting_id, "001")]
    assert found == ["0010", "0011", "0012", "0001"]
    matches = s.checkin.find(meeting_id, "nomor 1")
    assert [m.number for m in matches] == ["0001"]
    assert matches[0].state is AttendanceState.PRESENT
    assert [m.number for m in s.checkin.find(meeting_id, "sembilan")] == ["0009"]
    assert s.checkin.find(meeting_id, "  ") == []


def test_proxies_count_and_lapse_when_the_grantor_arrives(desk, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    reopen, meeting_id, ids = desk
    s = reopen()
    with pytest.raises(DomainError, match="tidak mengizinkan kuasa"):
        s.proxies.grant(meeting_id, "0005", "0006", "SK-01")
    # A meeting is held under its AD profile version: enabling proxies needs a new meeting.
    use_profile(s, ADProfile(proxies_enabled=True, proxy_cap=1))
    proxied = open_meeting(s, MeetingMode.HYBRID)
    s.checkin.check_in(proxied, "0006")
    proxy, _ = reopen().proxies.grant(proxied, "0005", "0006", "Surat kuasa 01/2026")
    s = reopen()
    status = s.checkin.quorum(proxied)
    assert status.present == 2 and status.by_channel[Channel.PROXY] == 1
    with pytest.raises(DomainError, match="batas menurut AD 1 kuasa"):
        s.proxies.grant(proxied, "0007", "0006", "SK-02")
    (entry,) = s.proxies.list(proxied)
    assert (entry.grantor_number, entry.holder_number) == ("0005", "0006")
    # The holder leaves: the represented member leaves with them, and returns with them.
    s.checkin.check_out(proxied, ids["0006"])
    assert reopen().checkin.quorum(proxied).present == 0
    reopen().checkin.check_in(proxied, "0006")
    assert reopen().checkin.quorum(proxied).present == 2
    arrived, _ = reopen().checkin.check_in(proxied, "0005")
    assert arrived.proxy_lapsed and arrived.outcome is Outcome.ADMITTED
    assert "Kuasanya gugur" in arrived.message
    s = reopen()
    assert s.proxies.list(proxied)[0].proxy.state is ProxyState.LAPSED
    status = s.checkin.quorum(proxied)
    assert status.present == 2 and status.by_channel[Channel.PROXY] == 0
    # Undoing the arrival brings the proxy back.
    s.checkin.undo(proxied, ids["0005"])
    s = reopen()
    assert s.proxies.list(proxied)[0].proxy.state is ProxyState.ACTIVE
    assert s.checkin.quorum(proxied).by_channel[Channel.PROXY] == 1
    s.proxies.withdraw(proxied, proxy.id)
    assert reopen().checkin.quorum(proxied).present == 1


def test_attendance_is_refused_before_check_in_and_by_a_wrong_channel(
    cooperative: Services,
) -> None:
    register_members(cooperative)
    from tests.meeting_fixtures import draft_meeting

    draft = draft_meeting(cooperative)
    with pytest.raises(DomainError, match="setelah pendaftaran hadir dibuka"):
        cooperative.checkin.check_in(draft.id, "0001")
    with pytest.raises(DomainError, match="luring"):
        offline = open_meeting(cooperative, MeetingMode.OFFLINE)
        cooperative.checkin.check_in(offline, "0001", Channel.ONLINE)


def test_the_audit_chain_verifies_and_breaks_when_a_check_in_is_edited_by_hand(
    desk,
    db_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    reopen, meeting_id, _ids = desk
    for number in ("0001", "0002", "0003"):
        reopen().checkin.check_in(meeting_id, number)
    s = reopen()
    report = s.audit.verify()
    assert report.intact
    s.close()
    (seq,) = rows(
        db_path,
        "SELECT seq FROM audit_events WHERE kind = 'attendance.check_in' AND payload LIKE :p",
        p='%"0002"%',
    )[0]
    edit = f"UPDATE audit_events SET payload = replace(payload, '0002', '0008') WHERE seq = {seq}"
    with pytest.raises(sa.exc.DatabaseError, match="append-only"), connect(db_path) as conn:
        conn.execute(sa.text(edit))  # the guard refuses while it is there
    assert tamper(db_path, edit, guards_of=("audit_events",)) == [1]
    broken = reopen().audit.verify()
    assert not broken.intact and f"peristiwa nomor {seq} telah diubah" in broken.summary
