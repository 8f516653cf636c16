"""``minutes export`` on real files: the berita acara written (Indonesian by default, English
on request, F4 when asked), bad input refused with exit 2 and nothing written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from assembly.cli import main
from assembly.i18n import set_language


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--members", "300"]) == 0
    return path


@pytest.fixture(autouse=True)
def indonesian() -> object:
    yield None
    set_language("id")  # --lang en switches the process's language


def text_of(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def test_minutes_export_writes_the_berita_acara(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ba.pdf"
    args = ["minutes", "export", "--db", str(demo_db), "--meeting", "1", "--out", str(out)]
    assert main(args) == 0
    printed = capsys.readouterr().out
    pages = len(PdfReader(out).pages)
    assert printed.strip() == f"Berita acara ditulis ke {out} ({pages} halaman)."
    text = text_of(out)
    assert "BERITA ACARA" in text and "Pada hari ini, Sabtu, tanggal 14 (empat belas)" in text
    assert f"Halaman {pages} dari {pages}" in text
    width, height = PdfReader(out).pages[0].mediabox.upper_right
    assert (round(float(width)), round(float(height))) == (595, 842)


def test_f4_and_english_on_request(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "minutes.pdf"
    args = ["minutes", "export", "--db", str(demo_db), "--meeting", "1", "--out", str(out)]
    assert main([*args, "--paper", "F4", "--lang", "en"]) == 0
    assert "Minutes written to" in capsys.readouterr().out
    width, height = PdfReader(out).pages[0].mediabox.upper_right
    assert (round(float(width)), round(float(height))) == (609, 935)  # 215 x 330 mm
    text = text_of(out)
    assert "MINUTES" in text and "On this day, Saturday, the 14 (fourteen) of March" in text
    assert "Page 1 of" in text


@pytest.mark.parametrize(
    ("meeting", "message"),
    [("99", "Rapat nomor 99 tidak ditemukan."), ("2", "masih draf")],
)
def test_a_missing_or_draft_meeting_is_refused(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], meeting: str, message: str
) -> None:
    out = tmp_path / "ba.pdf"
    args = ["minutes", "export", "--db", str(demo_db), "--meeting", meeting, "--out", str(out)]
    assert main(args) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


def test_a_missing_database_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "tidak-ada.sqlite"
    out = tmp_path / "ba.pdf"
    args = ["minutes", "export", "--db", str(missing), "--meeting", "1", "--out", str(out)]
    assert main(args) == 2
    assert capsys.readouterr().err.strip()
    assert not missing.exists() and not out.exists()
