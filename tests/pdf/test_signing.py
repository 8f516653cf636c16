"""Signing in the officers' fields and verifying: two incremental signatures that both verify,
tampering that must fail, a PDF that stays 1.7, and a stamp with its font embedded."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields
from pypdf import PageObject, PdfReader
from pypdf.generic import NameObject, RectangleObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from assembly.domain.cooperative import TimeZone
from assembly.domain.errors import DomainError
from assembly.pdf.keys import Label, OfficerKey, create_key, load_key
from assembly.pdf.signing import Placement, SignatureRequest, sign_pdf
from assembly.pdf.verification import (
    Coverage,
    SignatureCheck,
    empty_signature_fields,
    verify_pdf,
)
from tests.conftest import FIXED_NOW

SIGNED_AT = FIXED_NOW.replace(hour=13, minute=20)


def minutes_pdf(pages: int = 3) -> bytes:
    """A small berita acara stand-in, made the way the real one is (ReportLab, invariant)."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=True)
    for number in range(1, pages + 1):
        pdf.drawString(72, 780, f"Berita Acara Rapat Anggota Tahunan — halaman {number}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def officers() -> dict[str, OfficerKey]:
    """The chair's and the secretary's keys, made once for this module (RSA is slow)."""
    made = {}
    for role, name in (("ketua", "Drs. H. Ahmad Suryadi, M.M."), ("sekretaris", "Siti Aminah")):
        data = create_key(
            name, "Koperasi Sejahtera Bersama", b"kata-sandi-" + role.encode(), FIXED_NOW
        )
        made[role] = load_key(data, b"kata-sandi-" + role.encode(), FIXED_NOW)
    return made


@pytest.fixture(scope="module")
def signed_twice(officers: dict[str, OfficerKey]) -> tuple[bytes, bytes, bytes]:
    """The document, then signed by the chair, then by the secretary."""
    original = minutes_pdf()
    first = sign_pdf(
        original, officers["ketua"], SignatureRequest("ketua", SIGNED_AT, TimeZone.WIB)
    )
    later = SIGNED_AT + dt.timedelta(minutes=4)
    second = sign_pdf(
        first, officers["sekretaris"], SignatureRequest("sekretaris", later, TimeZone.WIB)
    )
    return original, first, second


def test_two_signatures_are_incremental_and_both_verify(
    signed_twice: tuple[bytes, bytes, bytes],
) -> None:
    original, first, second = signed_twice
    assert first.startswith(original) and second.startswith(first)

    ketua, sekretaris = verify_pdf(second)
    assert (ketua.field, sekretaris.field) == ("TTD_Ketua", "TTD_Sekretaris")
    assert ketua.role and ketua.role.key == "ketua"
    assert sekretaris.role and sekretaris.role.key == "sekretaris"
    assert ketua.certificate and ketua.certificate.name == "Drs. H. Ahmad Suryadi, M.M."
    assert ketua.certificate.label is Label.UNCERTIFIED
    assert ketua.signing_time == SIGNED_AT
    assert ketua.coverage is Coverage.REVISION and sekretaris.coverage is Coverage.FILE
    assert ketua.ok and sekretaris.ok
    assert not ketua.changed_after and not sekretaris.changed_after


def signed_ranges(data: bytes) -> list[tuple[int, int]]:
    """The (start, end) byte spans the first signature covers."""
    start1, length1, start2, length2 = map(
        int,
        re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)", data).groups(),  # type: ignore[union-attr]
    )
    return [(start1, start1 + length1), (start2, start2 + length2)]


def verdict(data: bytes) -> list[SignatureCheck] | str:
    try:
        return verify_pdf(data)
    except DomainError as exc:
        return exc.message


def test_one_byte_changed_anywhere_in_the_first_revision_fails(
    signed_twice: tuple[bytes, bytes, bytes],
) -> None:
    _original, _first, second = signed_twice
    spans = signed_ranges(second)
    positions = [start + (end - start) * k // 12 for start, end in spans for k in range(12)]
    positions.append(second.index(b"/Producer"))  # the Info dictionary of revision 1
    for position in positions:
        tampered = bytearray(second)
        tampered[position] ^= 0x01
        result = verdict(bytes(tampered))
        if isinstance(result, str):  # so mangled it no longer reads as a PDF: also a failure
            assert "PDF" in result
            continue
        assert result, position
        assert not result[0].ok, f"byte {position} changed and the chair's signature still passes"
        assert not all(check.ok for check in result)


def test_a_drawing_appended_after_signing_is_reported(
    signed_twice: tuple[bytes, bytes, bytes],
) -> None:
    _original, _first, second = signed_twice
    writer = IncrementalPdfFileWriter(io.BytesIO(second))
    line = generic.StreamObject(stream_data=b"q 1 0 0 RG 3 w 72 700 m 520 700 l S Q")
    writer.add_stream_to_page(0, writer.add_object(line))
    out = io.BytesIO()
    writer.write(out)

    checks = verify_pdf(out.getvalue())
    assert [check.intact for check in checks] == [True, True]
    assert [check.changed_after for check in checks] == [True, True]
    assert not any(check.ok for check in checks)


def test_the_output_stays_pdf_1_7(signed_twice: tuple[bytes, bytes, bytes]) -> None:
    *_, second = signed_twice
    assert b"/Version /2.0" not in second
    root = PdfReader(io.BytesIO(second)).trailer["/Root"]
    assert root.get("/Version", "/1.7") == "/1.7"
    assert b"/ETSI.CAdES.detached" in second


def appearance_text_and_fonts(data: bytes, field: str) -> tuple[str, list[tuple[str, bool]]]:
    """The text drawn in a signature widget's appearance, and its fonts (name, embedded)."""
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        for annotation in page.get("/Annots", []):
            widget = annotation.get_object()
            if widget.get("/T") != field:
                continue
            appearance = widget["/AP"]["/N"]
            stream = appearance.get_object()
            canvas_page = PageObject(pdf=reader)
            canvas_page[NameObject("/Resources")] = stream["/Resources"]
            canvas_page[NameObject("/Contents")] = appearance
            canvas_page[NameObject("/MediaBox")] = RectangleObject(stream["/BBox"])
            fonts = []
            for font in stream["/Resources"]["/Font"].values():
                font = font.get_object()
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                fonts.append((str(font["/BaseFont"]), "/FontFile2" in descriptor))
            return canvas_page.extract_text(), fonts
    raise AssertionError(f"no widget {field}")


def test_the_stamp_reads_in_indonesian_with_its_font_embedded(
    signed_twice: tuple[bytes, bytes, bytes],
) -> None:
    *_, second = signed_twice
    stamp, fonts = appearance_text_and_fonts(second, "TTD_Ketua")
    assert stamp.splitlines() == [
        "Ditandatangani secara elektronik oleh:",
        "Drs. H. Ahmad Suryadi, M.M.",
        "sebagai Ketua Rapat",
        "TTE tidak tersertifikasi",
        "Waktu: 14-03-2026 13:20 WIB",
    ]
    assert len(fonts) == 1
    name, embedded = fonts[0]
    assert name.endswith("KuorumStampSans-Identity-H") and embedded


def test_an_empty_field_made_by_the_document_is_where_the_signature_lands(
    officers: dict[str, OfficerKey],
) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(minutes_pdf(pages=2)))
    box = (300, 200, 520, 280)
    fields.append_signature_field(writer, fields.SigFieldSpec("TTD_Ketua", on_page=1, box=box))
    fields.append_signature_field(
        writer, fields.SigFieldSpec("TTD_Sekretaris", on_page=1, box=(60, 200, 280, 280))
    )
    prepared = io.BytesIO()
    writer.write(prepared)

    signed = sign_pdf(prepared.getvalue(), officers["ketua"], SignatureRequest("ketua", SIGNED_AT))
    reader = PdfReader(io.BytesIO(signed))
    widgets = {a.get_object()["/T"]: a.get_object() for a in reader.pages[1]["/Annots"]}
    assert set(widgets) == {"TTD_Ketua", "TTD_Sekretaris"}
    assert [float(v) for v in widgets["TTD_Ketua"]["/Rect"]] == [float(v) for v in box]
    assert "/V" in widgets["TTD_Ketua"] and "/V" not in widgets["TTD_Sekretaris"]
    (check,) = verify_pdf(signed)
    assert check.ok and check.field == "TTD_Ketua"
    assert empty_signature_fields(signed) == ["TTD_Sekretaris"]


def test_an_explicit_placement_and_a_role_signed_twice(officers: dict[str, OfficerKey]) -> None:
    placement = Placement(1, (320, 90, 540, 170))
    request = SignatureRequest("sekretaris", SIGNED_AT, placement=placement)
    signed = sign_pdf(minutes_pdf(), officers["sekretaris"], request)
    widget = PdfReader(io.BytesIO(signed)).pages[0]["/Annots"][0].get_object()
    assert [float(v) for v in widget["/Rect"]] == [320, 90, 540, 170]
    with pytest.raises(DomainError, match="sudah ditandatangani sebagai Sekretaris Rapat"):
        sign_pdf(signed, officers["sekretaris"], request)
    with pytest.raises(DomainError, match="Halaman 9 tidak ada"):
        sign_pdf(
            minutes_pdf(),
            officers["ketua"],
            SignatureRequest("ketua", SIGNED_AT, placement=Placement(9, (1, 1, 100, 100))),
        )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04 a zip file, not a PDF", "bukan PDF"),
        (b"", "bukan PDF"),
        (minutes_pdf()[:300], "rusak atau terpotong"),
    ],
)
def test_what_is_not_a_readable_pdf_gets_a_plain_message(data: bytes, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        verify_pdf(data)


def test_an_unsigned_pdf_has_no_signatures() -> None:
    assert verify_pdf(minutes_pdf()) == []
