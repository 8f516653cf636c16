"""The demo's berita acara parsed back: counts with their terbilang, the quorum rule and its
AD article, the day and date in words, the officers, every agenda item, page numbers and the
audit hash on every page; fonts embedded; the same bytes for the same records; and the empty
signature fields where the chair's electronic signature lands and verifies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from num2words import num2words
from pypdf import PdfReader

from assembly.domain.meeting import OfficerRole
from assembly.services.bundle import Services
from assembly.services.signing import SigningService

PASSPHRASE = "rahasia-ketua-2026"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The demo cooperative of 300 members; its closed sample RAT is meeting 1."""
    services = Services.open(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    services.demo.create(members=300)
    yield services
    services.close()


@pytest.fixture(scope="module")
def minutes(demo: Services, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ba") / "berita-acara.pdf"
    demo.minutes.export(1, path, invariant=True)
    return path


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def words(n: int) -> str:
    return str(num2words(n, lang="id"))


def test_the_text_agrees_with_the_meeting(demo: Services, minutes: Path) -> None:
    reader = PdfReader(minutes)
    pages = [flat(p.extract_text()) for p in reader.pages]
    text = " ".join(pages)
    meeting = demo.meetings.get(1)
    assert "BERITA ACARA" in text
    assert "RAPAT ANGGOTA TAHUNAN TAHUN BUKU 2025" in text
    assert f"Nomor: {meeting.document_number}" in text
    assert (
        "Pada hari ini, Sabtu, tanggal 14 (empat belas) Maret 2026 (dua ribu dua puluh enam)"
        in text
    )
    assert "pukul 09.00 WIB" in text
    assert meeting.registered is not None
    assert f"{meeting.registered} ({words(meeting.registered)}) orang" in text
    attended = [e for e in demo.checkin.attendance_entries(1) if e.counted]
    assert f"{len(attended)} ({words(len(attended))}) orang" in text
    check = demo.checkin.quorum_checks(1)[0]
    assert f"hadir {check.present} ({words(check.present)}) orang" in text
    assert f"minimal {check.minimum} ({words(check.minimum)}) orang dari {check.base}" in text
    assert f"Sesuai {check.article} Anggaran Dasar" in text
    assert "Rapat dinyatakan sah." in text
    for role in (OfficerRole.CHAIR, OfficerRole.SECRETARY):
        officer = meeting.officer(role)
        assert officer is not None and officer.name in text
    for item in meeting.agenda:
        assert flat(item.title) in text
    assert "Demikian berita acara ini dibuat dengan sebenarnya" in text
    assert "Sleman, 14 Maret 2026" in text
    assert "DAFTAR HADIR" in text  # the annex
    head = demo.audit.head_hash()
    total = len(reader.pages)
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {total}" in page
        assert f"Hash log audit: {head}" in page


def test_fonts_are_embedded_and_output_is_deterministic(
    demo: Services, minutes: Path, tmp_path: Path
) -> None:
    reader = PdfReader(minutes)
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for ref in resources["/Font"].values():
            font: Any = ref.get_object()
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
    again = tmp_path / "lagi.pdf"
    demo.minutes.export(1, again, invariant=True)
    assert again.read_bytes() == minutes.read_bytes()


def test_the_chairs_signature_lands_in_its_field_and_verifies(
    minutes: Path, tmp_path: Path
) -> None:
    reader = PdfReader(minutes)
    fields = reader.get_fields() or {}
    for name in ("TTD_Ketua", "TTD_Sekretaris", "TTD_Saksi1", "TTD_Saksi2"):
        assert fields[name].get("/FT") == "/Sig"
    # The fields sit in the signature blocks: on the page that has "Pimpinan Rapat,".
    block_page = next(
        i for i, p in enumerate(reader.pages) if "Pimpinan Rapat," in p.extract_text()
    )
    widgets = {
        a.get_object()["/T"]: a.get_object()["/Rect"]
        for a in reader.pages[block_page].get("/Annots", [])
    }
    ketua, sekretaris = widgets["TTD_Ketua"], widgets["TTD_Sekretaris"]
    assert float(ketua[2]) < float(sekretaris[0])  # chair left, secretary right
    assert float(ketua[3]) - float(ketua[1]) > 50  # room for a stamp

    key = tmp_path / "ketua.p12"
    service = SigningService(None)
    service.new_key("Umi Salamah Mufidah", key, PASSPHRASE, organisation="KSP Sido Makmur")
    signed = tmp_path / "ditandatangani.pdf"
    service.sign(minutes, key, PASSPHRASE, "ketua", out_path=signed)
    report = service.verify(signed)
    (check,) = report.checks
    assert check.field == "TTD_Ketua"
    assert check.intact and check.valid and not check.changed_after
    after = PdfReader(signed)
    rect = next(
        a.get_object()["/Rect"]
        for a in after.pages[block_page].get("/Annots", [])
        if a.get_object()["/T"] == "TTD_Ketua"
    )
    assert [float(v) for v in rect] == [float(v) for v in ketua]
    assert "TTD_Sekretaris" in report.unsigned_fields
