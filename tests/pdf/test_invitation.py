"""The invitation letter parsed back: hari, tanggal, pukul with its time zone, tempat, every
agenda item, where the materials can be read, and one page per member when asked."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

from pypdf import PdfReader

from assembly.domain.cooperative import Cooperative
from assembly.pdf.attendance_list import Signatory
from assembly.pdf.invitation import Addressee, Invitation, write_invitation

COOP = Cooperative(
    name="Koperasi Simpan Pinjam Sejahtera Bersama",
    legal_entity_number="518/BH/XIII.12/2001",
    address="Jl. Merdeka No. 10, Bandung",
    city="Bandung",
)
AGENDA = (
    "Pembukaan",
    "Pengesahan Tata Tertib Rapat",
    "Laporan Pertanggungjawaban Pengurus Tahun Buku 2025",
    "Laporan Pengawas",
    "Pengesahan Laporan Keuangan Tahun Buku 2025",
    "Penetapan Pembagian Sisa Hasil Usaha",
    "Rencana Kerja dan RAPBK Tahun 2026",
    "Pemilihan Pengurus dan Pengawas",
    "Lain-lain",
)
INVITATION = Invitation(
    cooperative=COOP,
    meeting_title="Rapat Anggota Tahunan",
    financial_year=2025,
    day=dt.date(2026, 3, 14),
    start=dt.time(9, 0),
    time_zone="WITA",
    letter_date=dt.date(2026, 2, 27),
    agenda=AGENDA,
    venue="Aula Koperasi, Jl. Merdeka No. 10, Bandung",
    number="005/UND-RAT/KSP-SB/II/2026",
    materials_from=dt.date(2026, 2, 28),
    signatories=(Signatory("Ketua", "Bambang Sutrisno"), Signatory("Sekretaris", "Siti Aminah")),
)


def text_of(data: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages]


def render(inv: Invitation = INVITATION, addressees: tuple[Addressee, ...] = ()) -> bytes:
    out = io.BytesIO()
    write_invitation(out, inv, addressees, invariant=True)
    return out.getvalue()


def test_the_letter_says_when_where_and_what() -> None:
    pages = text_of(render())
    assert len(pages) == 1, "a letter fits one page"
    text = pages[0]
    assert "Nomor : 005/UND-RAT/KSP-SB/II/2026" in text
    assert "Perihal : Undangan Rapat Anggota Tahunan Tahun Buku 2025" in text
    assert (
        "Kepada Yth. Bapak/Ibu Anggota Koperasi Simpan Pinjam Sejahtera Bersama di Tempat" in text
    )
    assert "Dengan hormat," in text
    assert "Hari, tanggal : Sabtu, 14 Maret 2026" in text
    assert "Pukul : 09.00 WITA s.d. selesai" in text
    assert "Tempat : Aula Koperasi, Jl. Merdeka No. 10, Bandung" in text
    for number, item in enumerate(AGENDA, start=1):
        assert f"{number}. {item}" in text
    assert (
        "Bahan rapat (Laporan Pertanggungjawaban Pengurus, Laporan Pengawas, dan Laporan "
        "Keuangan) dapat dibaca di Kantor Koperasi Simpan Pinjam Sejahtera Bersama, "
        "Jl. Merdeka No. 10, Bandung, mulai tanggal 28 Februari 2026 pada jam kerja."
    ) in text
    assert "membawa Kartu Anggota" in text
    assert (
        "Demikian undangan ini kami sampaikan. Atas perhatian dan kehadiran Bapak/Ibu, kami "
        "ucapkan terima kasih."
    ) in text
    assert "Bandung, 27 Februari 2026" in text
    assert "Pengurus Koperasi Simpan Pinjam Sejahtera Bersama," in text
    assert "Ketua," in text and "Sekretaris," in text
    assert "Bambang Sutrisno" in text and "Siti Aminah" in text
    assert "Sarana daring" not in text and "hibrida" not in text


def test_a_hybrid_meeting_names_its_platform() -> None:
    inv = dataclasses.replace(INVITATION, online="Zoom, https://zoom.us/j/81234567890")
    text = text_of(render(inv))[0]
    assert "Sarana daring : Zoom, https://zoom.us/j/81234567890" in text
    assert "secara hibrida" in text


def test_an_online_meeting_takes_place_on_its_platform() -> None:
    inv = dataclasses.replace(INVITATION, venue="", online="Google Meet, meet.google.com/abc")
    text = text_of(render(inv))[0]
    assert "Tempat : Daring melalui Google Meet, meet.google.com/abc" in text
    assert "Sarana daring" not in text and "hibrida" not in text


def test_one_page_per_member_with_the_name() -> None:
    members = (Addressee("Siti Aminah", "000123"), Addressee("Budi Santoso", "000124"))
    pages = text_of(render(addressees=members))
    assert len(pages) == 2
    for page, member in zip(pages, members, strict=True):
        assert f"Kepada Yth. Bapak/Ibu {member.name} Nomor Anggota {member.number}" in page
        assert "Sabtu, 14 Maret 2026" in page


def test_the_same_letter_gives_the_same_bytes() -> None:
    assert render() == render()
