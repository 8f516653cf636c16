"""The register as cooperatives keep it in Excel: leavers marked "Keluar", "Meninggal" or
"Diberhentikan" without an exit date import (counted once, never entitled, listed for
completion); member numbers typed into number cells with a zero-padded format keep their zeros;
a re-import without a NIK column renames members by number; a big spreadsheet reports progress
while it is still being read."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from assembly.domain.ad_profile import ADProfile
from assembly.domain.errors import DomainError
from assembly.domain.members import Member, Status
from assembly.domain.register_cells import padded_number
from assembly.domain.register_query import RegisterQuery
from assembly.services.bundle import Services
from assembly.services.progress import Progress
from tests.behind_the_back import rows

HOSTILE = Path(__file__).resolve().parents[1] / "hostile"
LEAVERS = HOSTILE / "leavers_zero_padded.xlsx"  # 6 rows: 3 leavers without a date


def _rows(db_path: Path) -> dict[str, tuple[str, str, str | None]]:
    found = rows(db_path, "SELECT number, name, status, exit_date FROM members")
    return {number: (name, status, _text(exit_on)) for number, name, status, exit_on in found}


def _text(day: object) -> str | None:
    """A stored date as ISO text (SQLite keeps the text, PostgreSQL a date)."""
    return None if day is None else str(day)


def test_leavers_without_an_exit_date_import_counted_once_and_never_entitled(
    cooperative: Services, db_path: Path
) -> None:
    preview = cooperative.importer.preview(LEAVERS)
    assert not preview.blocking and preview.exit_unknown == 3
    said = [p for p in preview.problems if "tanpa tanggal keluar" in p.message]
    assert [(p.message, p.row, p.warning) for p in said] == [
        ("3 anggota keluar/meninggal tanpa tanggal keluar; lengkapi nanti", None, True)
    ]
    cooperative.importer.commit(preview)
    rows = _rows(db_path)
    # Numbers typed as numbers under the format 00000 keep the zeros Excel shows.
    assert sorted(rows) == ["00007", "00012", "00123", "01024", "20001", "20002"]
    assert rows["00012"] == ("Maria Goreti", "keluar", None)
    assert rows["00123"] == ("Petrus Batubara", "meninggal", None)
    assert rows["01024"] == ("Agnes Wulandari", "diberhentikan", None)
    assert rows["20001"] == ("Ani Lestari", "keluar", "2024-06-30")
    # No exit date, no vote: only the two active members count for the quorum.
    assert cooperative.search.quorum_base(ADProfile(), dt.date(2026, 3, 14)) == 2
    gone = cooperative.register.member_by_number("00123")
    assert gone is not None and gone.id is not None
    detail = cooperative.search.member(gone.id)
    assert not detail.eligibility.may_vote and "meninggal" in detail.eligibility.reason
    # The register lists them for completion, and one completed leaves the list.
    query = RegisterQuery().with_filters(frozenset(), frozenset(), exit_unknown=True)
    (total, _more), shown = cooperative.search.search(query, 10)
    assert total == 3 and sorted(r.number for r in shown) == ["00012", "00123", "01024"]
    assert cooperative.search.count(query.with_text("maria")) == 1
    cooperative.register.save(
        Member(
            "00123",
            "Petrus Batubara",
            status=Status.DECEASED,
            exit_date=dt.date(2020, 5, 1),
            joined_on=dt.date(2003, 1, 5),
            id=gone.id,
        )
    )
    assert cooperative.search.count(query) == 2


def test_a_reimport_without_a_nik_column_renames_members_by_number(
    cooperative: Services, tmp_path: Path, db_path: Path
) -> None:
    for number, name, nik in (
        ("KSP-0001", "Siti Aminah", "3171015708450001"),
        ("KSP-0002", "Budi Santoso", "3273011203700002"),
    ):
        cooperative.register.save(Member(number, name, nik=nik))
    source = tmp_path / "ganti-nama.csv"
    source.write_text(
        "No. Anggota;Nama Lengkap\nKSP-0001;Hj. Siti Aminah\nKSP-0002;Budi Santoso\n",
        encoding="utf-8",
    )
    preview = cooperative.importer.preview(source)
    assert not preview.problems and len(preview.changed) == 1
    outcome, _ = cooperative.importer.commit(preview)
    assert (outcome.updated, outcome.unchanged) == (1, 1)
    siti = cooperative.register.member_by_number("KSP-0001")
    assert siti is not None and (siti.name, siti.nik) == ("Hj. Siti Aminah", "3171015708450001")


def test_a_nik_moved_meanwhile_still_refuses_the_rename(
    cooperative: Services, tmp_path: Path
) -> None:
    siti, _ = cooperative.register.save(Member("KSP-0001", "Siti", nik="3171015708450001"))
    source = tmp_path / "ganti-nama.csv"
    source.write_text("No. Anggota;Nama\nKSP-0001;Hj. Siti\n", encoding="utf-8")
    preview = cooperative.importer.preview(source)
    # Meanwhile the desk gives Siti's NIK to a new entry (she had been typed in twice).
    cooperative.register.save(replace(siti, nik=None))
    cooperative.register.save(Member("KSP-0009", "Siti A.", nik="3171015708450001"))
    with pytest.raises(DomainError, match="berubah sejak pratinjau"):
        cooperative.importer.commit(preview)
    assert cooperative.register.member_by_number("KSP-0001").name == "Siti"  # type: ignore[union-attr]


def test_zero_padding_formats_as_excel_shows_them() -> None:
    assert padded_number(123, "00000") == "00123"
    assert padded_number(123.0, '"KSP-"000000') == "KSP-000123"
    assert padded_number(45, "[$-421]0000") == "0045"
    for value, number_format in ((123, "General"), (123, "0"), (1.5, "00000"), (7, "#,##0"),
                                 (7, "dd/mm/yyyy"), (True, "00000"), (-3, "00000")):  # fmt: skip
        assert padded_number(value, number_format) is None, (value, number_format)


def test_a_big_spreadsheet_reports_progress_while_it_is_read(
    cooperative: Services, tmp_path: Path
) -> None:
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Anggota")
    sheet.append(["No. Anggota", "Nama", "Status"])
    for n in range(1, 5001):
        sheet.append([f"KSP-{n:05d}", f"Anggota {n}", "Aktif"])
    source = tmp_path / "besar.xlsx"
    book.save(source)
    reports: list[tuple[int, int]] = []
    preview = cooperative.importer.preview(
        source, progress=Progress(lambda done, total: reports.append((done, total)))
    )
    assert len(preview.new) == 5000
    # The reading counts the file's bytes as openpyxl unpacks them, from the first part on,
    # before any row is checked (checking counts from 0 of the 5,000 data rows).
    size = source.stat().st_size
    checking = reports.index((0, 5000))
    reading = [done for done, total in reports[:checking] if total == size]
    assert reading[0] == 0 and reading[-1] == size
    assert len([d for d in reading if 0 < d < size]) >= 3  # while it reads, not at the end
    assert reading == sorted(reading)
