"""``demo`` through the command line, on real files: a demo made, bad input refused with
exit 2 and nothing changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from assembly.cli import main
from assembly.services.bundle import Services


def content(path: Path) -> list[str]:
    """Every table's rows, as SQL (opening a file may touch its header, not its content)."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_demo_creates_the_cooperative_and_its_register(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--members", "750"]) == 0
    out = capsys.readouterr().out
    assert "Koperasi Simpan Pinjam Sido Makmur" in out and "750" in out
    services = Services.open(path, create=False)
    try:
        assert services.register.count() == 750
        assert services.cooperative.is_demo()
        assert services.audit.verify().intact
    finally:
        services.close()
    assert main(["audit", "verify", "--db", str(path)]) == 0


@pytest.mark.parametrize("size", ["0", "300001", "-5"])
def test_a_size_out_of_range_exits_2_and_creates_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], size: str
) -> None:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--members", size]) == 2
    assert "1 sampai 300" in capsys.readouterr().err
    assert not path.exists()


def test_a_database_with_a_cooperative_is_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--members", "20"]) == 0
    before = content(path)
    capsys.readouterr()
    assert main(["demo", "--db", str(path), "--members", "20"]) == 2
    assert "sudah berisi koperasi" in capsys.readouterr().err
    assert content(path) == before


def test_a_file_that_is_not_a_database_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "catatan.sqlite"
    path.write_text("bukan basis data", encoding="utf-8")
    assert main(["demo", "--db", str(path), "--members", "20"]) == 2
    assert "bukan basis data Kuorum" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "bukan basis data"
