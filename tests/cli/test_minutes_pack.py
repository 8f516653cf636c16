"""``minutes pack`` on real files: exit 0 with the pack written, exit 2 with a message and
nothing written on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembly.cli import main


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--members", "200"]) == 0
    return path


def test_pack_writes_the_folder(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "paket"
    assert main(["minutes", "pack", "1", "--db", str(demo_db), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Paket laporan ditulis ke" in printed and "belum ditandatangani" in printed
    assert (out / "keputusan.csv").is_file() and (out / "README.txt").is_file()
    assert "daftar_hadir.pdf" in printed


def test_bad_input_exits_2_and_writes_nothing(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "paket"
    not_pdf = tmp_path / "bukan.pdf"
    not_pdf.write_text("bukan pdf")
    args = ["minutes", "pack", "1", "--db", str(demo_db), "--out", str(out)]
    assert main([*args, "--signed", str(not_pdf)]) == 2
    assert "bukan PDF" in capsys.readouterr().err
    assert main([*args, "--signed", str(tmp_path / "hilang.pdf")]) == 2
    assert main(["minutes", "pack", "42", "--db", str(demo_db), "--out", str(out)]) == 2
    assert "Rapat nomor 42 tidak ditemukan" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bukan.pdf"]
