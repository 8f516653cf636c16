"""``members export`` through the command line, with real files: CSV, XLSX and the PDF book
written; bad input exits 2 and leaves neither a file nor a change behind."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from assembly.cli import main


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-export") / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--members", "300"]) == 0
    return path


def test_export_csv(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "anggota.csv"
    assert main(["members", "export", str(out), "--db", str(demo_db)]) == 0
    assert "300 anggota diekspor" in capsys.readouterr().out
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    assert len(rows) == 301
    assert rows[1][0] == "KSP-000001"


def test_export_xlsx(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "anggota.xlsx"
    assert main(["members", "export", str(out), "--db", str(demo_db)]) == 0
    book = load_workbook(out, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    assert len(rows) == 301
    assert rows[300][0] == "KSP-000300"


def test_export_pdf(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "buku.pdf"
    assert main(["members", "export", str(out), "--db", str(demo_db)]) == 0
    reader = PdfReader(out)
    pages = len(reader.pages)
    assert pages > 10
    first = " ".join(reader.pages[0].extract_text().split())
    assert "BUKU DAFTAR ANGGOTA" in first and f"Halaman 1 dari {pages}" in first
    assert "KSP-000300" in reader.pages[-1].extract_text()


def test_unknown_extension_exits_2_and_writes_nothing(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "anggota.docx"
    assert main(["members", "export", str(out), "--db", str(demo_db)]) == 2
    assert ".csv, .xlsx, atau .pdf" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_missing_database_exits_2_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "tidak-ada.sqlite"
    out = tmp_path / "anggota.csv"
    assert main(["members", "export", str(out), "--db", str(db)]) == 2
    assert "tidak dapat dibaca" in capsys.readouterr().err
    assert not db.exists() and not out.exists()


def test_missing_folder_exits_2(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "tidak-ada" / "anggota.csv"
    assert main(["members", "export", str(out), "--db", str(demo_db)]) == 2
    assert "tidak ada" in capsys.readouterr().err
    assert not out.parent.exists()


def test_csv_and_xlsx_come_back_through_import_unchanged(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What Kuorum exports, Kuorum imports: the same register, field for field."""
    from assembly.services.bundle import Services
    from assembly.services.demo import DEMO_COOPERATIVE

    target = tmp_path / "baru.sqlite"
    fresh = Services.open(target)
    fresh.cooperative.save_cooperative(DEMO_COOPERATIVE)
    fresh.close()
    csv_file, xlsx_file = tmp_path / "anggota.csv", tmp_path / "anggota.xlsx"
    assert main(["members", "export", str(csv_file), "--db", str(demo_db)]) == 0
    assert main(["members", "export", str(xlsx_file), "--db", str(demo_db)]) == 0
    assert main(["members", "import", str(csv_file), "--db", str(target)]) == 0
    assert register_rows(target) == register_rows(demo_db)
    capsys.readouterr()
    assert main(["members", "import", str(xlsx_file), "--db", str(target), "--dry-run"]) == 0
    assert "0 anggota berubah, 300 tidak berubah" in capsys.readouterr().out


def register_rows(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT number, name, nik, sex, birth_date, address, phone, joined_on, category, "
            "status, exit_date, exit_reason, arrears FROM members ORDER BY number"
        ).fetchall()
    finally:
        conn.close()
