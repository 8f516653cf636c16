"""The addendum PDF: letterhead, the cited hash, empty fields for chair and secretary, and the
keywords that let signing recognise it."""

from __future__ import annotations

import io

from pypdf import PdfReader

from assembly.domain.cooperative import Cooperative, TimeZone
from assembly.pdf.addendum import KEYWORD, AddendumContent, write_addendum

SHA = "ab" * 32


def content(**changes: object) -> AddendumContent:
    values: dict[str, object] = dict(
        cooperative=Cooperative(
            name="Koperasi Uji", address="Jl. Merdeka 1", city="Bandung", time_zone=TimeZone.WIB
        ),
        meeting_id=7,
        meeting_title="Rapat Anggota Tahunan Tahun Buku 2025",
        document_number="001/BA-RAT/KU/III/2026",
        sequence=2,
        cited_file="ba.pdf",
        cited_sha256=SHA,
        signed_on="14 Maret 2026, pukul 15.00 WIB",
        correction="Baris pertama.\n\nParagraf kedua <b>tanpa markah</b>.",
        place_date="Bandung, 20 Maret 2026",
        chair="Ahmad",
        secretary="Siti",
    )
    values.update(changes)
    return AddendumContent(**values)  # type: ignore[arg-type]


def test_the_addendum_names_the_signed_file_and_has_two_fields() -> None:
    out = io.BytesIO()
    assert write_addendum(out, content(), invariant=True) == 1
    reader = PdfReader(io.BytesIO(out.getvalue()))
    assert sorted(reader.get_fields()) == ["TTD_Ketua", "TTD_Sekretaris"]
    meta = reader.metadata
    assert KEYWORD in meta["/Keywords"] and f"sha256={SHA}" in meta["/Keywords"]
    assert "rapat=7;" in meta["/Keywords"]
    assert meta["/Subject"].endswith("001/BA-RAT/KU/III/2026")
    text = " ".join(reader.pages[0].extract_text().split())
    assert "KOPERASI UJI" in text and "Adendum ke-2" in text
    assert "<b>tanpa markah</b>" in text  # written as text, not taken as mark-up
    assert "( Ahmad )" in text and "( Siti )" in text
    again = io.BytesIO()
    write_addendum(again, content(), invariant=True)
    assert again.getvalue() == out.getvalue()


def test_a_stamp_without_the_cooperative_zone_never_shows_utc() -> None:
    import datetime as dt

    from assembly.pdf.signing import zone_of

    assert zone_of(dt.datetime(2026, 3, 14, 2, 0, tzinfo=dt.UTC)) is TimeZone.WIB
    wita = dt.timezone(dt.timedelta(hours=8))
    assert zone_of(dt.datetime(2026, 3, 14, 10, 0, tzinfo=wita)) is TimeZone.WITA
