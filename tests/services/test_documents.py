"""The meeting documents through the service, on a real database: the Daftar Hadir of a
meeting's attendance, member cards for all or chosen members, the invitation letter, and the
refusals that leave no file behind."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from assembly.domain.attendance import (
    AttendanceEvent,
    AttendanceRecord,
    AttendanceState,
    Channel,
    EventKind,
)
from assembly.domain.errors import DomainError
from assembly.domain.meeting import (
    AgendaItem,
    Meeting,
    MeetingMode,
    MeetingType,
    Officer,
    OfficerRole,
)
from assembly.domain.members import Member, Status
from assembly.domain.proxies import Proxy
from assembly.persistence import attendance_store, meeting_store, proxy_store
from assembly.services.progress import Cancelled, Progress

WIB = dt.timezone(dt.timedelta(hours=7))
NAMES = ["Siti Aminah", "Budi Santoso", "Ni Luh Putu Ayu", "Yohanes Lamanepa", "Dewi Lestari"]


def text(path: Path) -> str:
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))


def add_members(s: Any) -> list[Member]:
    saved = []
    for i, name in enumerate(NAMES, start=1):
        member, _changes = s.register.save(
            Member(f"{i:06d}", name, joined_on=dt.date(2010 + i, 1, 5))
        )
        saved.append(member)
    gone, _changes = s.register.save(
        Member("000099", "Hartono Keluar", joined_on=dt.date(2001, 1, 1))
    )
    s.register.record_exit(gone.id, Status.RESIGNED, dt.date(2025, 6, 1), "Pindah kota")
    return saved


def add_meeting(s: Any, people: list[Member]) -> int:
    """A hybrid RAT with its agenda and leaders, three arrivals, one proxy and one check-in
    undone."""
    meeting = Meeting(
        kind=MeetingType.RAT,
        date=dt.date(2026, 3, 14),
        start=dt.time(9, 0),
        cutoff_date=dt.date(2026, 2, 28),
        profile_version=1,
        financial_year=2025,
        venue="Aula Koperasi, Jl. Merdeka No. 10, Bandung",
        mode=MeetingMode.HYBRID,
        platform="Zoom, https://zoom.us/j/81234567890",
        document_number="004/BA-RAT/KSP-SB/III/2026",
        invitation_date=dt.date(2026, 2, 27),
        agenda=(
            AgendaItem("Pengesahan Tata Tertib Rapat"),
            AgendaItem("Laporan Pertanggungjawaban Pengurus Tahun Buku 2025"),
            AgendaItem("Pembagian SHU"),
        ),
        officers=(
            Officer(OfficerRole.CHAIR, "Drs. Bambang Sutrisno"),
            Officer(OfficerRole.SECRETARY, "Rina Marlina, S.E."),
        ),
    )
    with s.ctx.db.write() as conn:
        meeting_id = meeting_store.insert(conn, meeting, s.ctx.now())

        def arrive(member: Member, channel: Channel, minute: int, **extra: Any) -> None:
            # The attendance row and its history, as the door writes both.
            at = dt.datetime(2026, 3, 14, 8, minute, tzinfo=WIB)
            state = extra.get("state", AttendanceState.PRESENT)
            kind = EventKind.PROXY_GRANTED if channel is Channel.PROXY else EventKind.CHECK_IN
            first = attendance_store.add_event(
                conn, meeting_id, AttendanceEvent(member.id or 0, kind, at, "meja", channel)
            )
            later = at + dt.timedelta(minutes=10)
            if state is AttendanceState.LEFT:
                attendance_store.add_event(
                    conn,
                    meeting_id,
                    AttendanceEvent(member.id or 0, EventKind.CHECK_OUT, later, "meja"),
                )
            if state is AttendanceState.CANCELLED:
                attendance_store.add_event(
                    conn,
                    meeting_id,
                    AttendanceEvent(member.id or 0, EventKind.UNDO, later, "meja", undoes=first),
                )
            attendance_store.save(
                conn,
                meeting_id,
                AttendanceRecord(
                    member_id=member.id,  # type: ignore[arg-type]
                    channel=channel,
                    state=extra.pop("state", AttendanceState.PRESENT),
                    arrived_at=dt.datetime(2026, 3, 14, 8, minute, tzinfo=WIB),
                    may_vote=True,
                    counted=True,
                    **extra,
                ),
            )

        proxy_id = proxy_store.insert(
            conn,
            Proxy(
                meeting_id=meeting_id,
                grantor_id=people[3].id,  # type: ignore[arg-type]
                holder_id=people[0].id,  # type: ignore[arg-type]
                reference="SK-01/2026",
                recorded_at=s.ctx.now(),
            ),
        )
        arrive(people[0], Channel.IN_PERSON, 12)
        arrive(people[1], Channel.ONLINE, 5)
        arrive(people[2], Channel.IN_PERSON, 40, state=AttendanceState.LEFT)
        arrive(people[3], Channel.PROXY, 13, proxy_id=proxy_id)
        arrive(people[4], Channel.IN_PERSON, 20, state=AttendanceState.CANCELLED)
    return meeting_id


def test_the_daftar_hadir_lists_who_came_in_order_of_arrival(
    cooperative: Any, tmp_path: Path
) -> None:
    s = cooperative
    people = add_members(s)
    meeting_id = add_meeting(s, people)
    target = tmp_path / "daftar_hadir.pdf"
    pages = s.documents.attendance_list(meeting_id, target)
    assert pages == len(PdfReader(target).pages) == 1
    content = text(target)
    assert "DAFTAR HADIR" in content
    assert "RAPAT ANGGOTA TAHUNAN TAHUN BUKU 2025" in content
    assert "Sabtu, 14 Maret 2026" in content and "09.00 WIB" in content
    assert "Zoom, https://zoom.us/j/81234567890" in content
    # In order of arrival; the undone check-in is left out, the member who left stays.
    order = [content.index(people[i].name) for i in (1, 0, 3, 2)]
    assert order == sorted(order)
    assert people[4].name not in content
    assert "08.05" in content and "08.12" in content and "08.40" in content
    assert "Kuasa 000001" in content  # the proxy holder's number
    assert re.search(r"Hadir langsung : 2 orang", content)
    assert re.search(r"Hadir daring : 1 orang", content)
    assert re.search(r"Diwakili dengan surat kuasa : 1 orang", content)
    assert re.search(r"Jumlah seluruhnya : 4 orang", content)
    assert "Drs. Bambang Sutrisno" in content and "Rina Marlina, S.E." in content
    assert "Halaman 1 dari 1" in content
    assert not list(tmp_path.glob(".*.part")), "no temporary file is left behind"


def test_the_daftar_hadir_in_english(cooperative: Any, tmp_path: Path) -> None:
    s = cooperative
    meeting_id = add_meeting(s, add_members(s))
    target = tmp_path / "attendance.pdf"
    s.documents.attendance_list(meeting_id, target, lang="en")
    content = text(target)
    assert "ATTENDANCE LIST" in content and "Saturday, 14 March 2026" in content
    assert "Page 1 of 1" in content


def test_an_unknown_meeting_is_refused_and_nothing_is_written(
    cooperative: Any, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(DomainError, match="Rapat nomor 42 tidak ditemukan"):
        cooperative.documents.attendance_list(42, out / "x.pdf")
    with pytest.raises(DomainError, match="Rapat nomor 42 tidak ditemukan"):
        cooperative.documents.invitation(42, out / "x.pdf")
    with pytest.raises(DomainError, match="Bahasa fr tidak dikenal"):
        cooperative.documents.attendance_list(42, out / "x.pdf", lang="fr")
    with pytest.raises(DomainError, match="Ukuran kertas B5 tidak dikenal"):
        cooperative.documents.member_cards(out / "x.pdf", paper="B5")
    with pytest.raises(DomainError, match="tidak ada"):
        cooperative.documents.member_cards(tmp_path / "missing" / "x.pdf", ["1"])
    assert not list(out.iterdir())


def test_the_invitation_reads_from_the_meeting(cooperative: Any, tmp_path: Path) -> None:
    s = cooperative
    meeting_id = add_meeting(s, add_members(s))
    target = tmp_path / "undangan.pdf"
    assert s.documents.invitation(meeting_id, target) == 1
    content = text(target)
    assert "Nomor : 004/UND-RAT/KSP-SB/II/2026" in content
    assert "Perihal : Undangan Rapat Anggota Tahunan Tahun Buku 2025" in content
    assert "Hari, tanggal : Sabtu, 14 Maret 2026" in content
    assert "Pukul : 09.00 WIB s.d. selesai" in content
    assert "Tempat : Aula Koperasi, Jl. Merdeka No. 10, Bandung" in content
    assert "Sarana daring : Zoom, https://zoom.us/j/81234567890" in content
    assert "1. Pengesahan Tata Tertib Rapat" in content
    assert "2. Laporan Pertanggungjawaban Pengurus Tahun Buku 2025" in content
    assert "3. Pembagian SHU" in content
    assert "mulai tanggal 27 Februari 2026" in content
    assert "Bandung, 27 Februari 2026" in content
    assert "Drs. Bambang Sutrisno" in content


def test_one_invitation_per_member_skips_ended_memberships(
    cooperative: Any, tmp_path: Path
) -> None:
    s = cooperative
    people = add_members(s)
    meeting_id = add_meeting(s, people)
    target = tmp_path / "undangan_per_anggota.pdf"
    pages = s.documents.invitation(meeting_id, target, per_member=True, chair="Ketua Pengurus")
    reader = PdfReader(target)
    assert pages == len(reader.pages) == len(people)
    for page, member in zip(reader.pages, people, strict=True):
        content = re.sub(r"\s+", " ", page.extract_text())
        assert f"Bapak/Ibu {member.name} Nomor Anggota {member.number}" in content
        assert "Ketua Pengurus" in content
    assert "Hartono Keluar" not in text(target)


def test_member_cards_for_all_active_members(cooperative: Any, tmp_path: Path) -> None:
    s = cooperative
    people = add_members(s)
    target = tmp_path / "kartu.pdf"
    assert s.documents.member_cards(target) == len(people)
    content = text(target)
    for member in people:
        assert member.name in content and member.number in content
    assert "Hartono Keluar" not in content
    assert "Koperasi Simpan Pinjam Sejahtera Bersama".upper() in content


def test_member_cards_for_chosen_numbers_in_the_given_order(
    cooperative: Any, tmp_path: Path
) -> None:
    s = cooperative
    add_members(s)
    target = tmp_path / "kartu.pdf"
    assert s.documents.member_cards(target, [" 000003", "000001"]) == 2
    content = text(target)
    assert content.index("Ni Luh Putu Ayu") < content.index("Siti Aminah")
    assert "Budi Santoso" not in content


def test_unknown_or_ended_numbers_are_refused_before_writing(
    cooperative: Any, tmp_path: Path
) -> None:
    s = cooperative
    add_members(s)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "kartu.pdf"
    target.write_bytes(b"earlier cards")
    with pytest.raises(DomainError, match="tidak ditemukan: 777"):
        s.documents.member_cards(target, ["000001", "777"])
    with pytest.raises(DomainError, match="sudah berakhir, kartu tidak dibuat: 000099"):
        s.documents.member_cards(target, ["000099"])
    assert target.read_bytes() == b"earlier cards"
    assert sorted(p.name for p in out.iterdir()) == ["kartu.pdf"]


def test_documents_need_the_cooperative_profile(services: Any, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="Isi profil koperasi dahulu"):
        services.documents.member_cards(tmp_path / "kartu.pdf")


def test_a_cancelled_card_run_leaves_the_earlier_file(cooperative: Any, tmp_path: Path) -> None:
    s = cooperative
    add_members(s)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "kartu.pdf"
    target.write_bytes(b"earlier cards")
    seen: list[tuple[int, int]] = []
    progress = Progress(report=lambda done, total: seen.append((done, total)))
    progress.cancel.set()
    with pytest.raises(Cancelled):
        s.documents.member_cards(target, ["000001", "000002"], progress=progress)
    assert target.read_bytes() == b"earlier cards"
    assert sorted(p.name for p in out.iterdir()) == ["kartu.pdf"]
    progress = Progress(report=lambda done, total: seen.append((done, total)))
    s.documents.member_cards(target, ["000001", "000002"], progress=progress)
    assert seen[-1] == (2, 2)
