"""``minutes check`` and ``verify --numbers`` on real files: the demo's berita acara reconciles;
one figure altered in the records makes the check fail and name its page; a member holding
only the PDF can recount its figures from its own attachments."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from assembly.cli import main
from tests.cli.test_signing import plain_pdf


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--members", "1250"]) == 0
    return path


def copy_of(demo_db: Path, tmp_path: Path, *statements: str) -> Path:
    """A copy of the demo, edited behind the app's back (lock triggers dropped first)."""
    path = tmp_path / "edited.sqlite"
    shutil.copyfile(demo_db, path)
    con = sqlite3.connect(path)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        con.execute(f'DROP TRIGGER "{name}"')
    for statement in statements:
        con.execute(statement)
    con.commit()
    con.close()
    return path


def check(db: Path) -> list[str]:
    return ["minutes", "check", "--db", str(db), "--meeting", "1"]


def test_the_demo_reconciles(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(check(demo_db)) == 0
    out = capsys.readouterr().out
    assert out.startswith("Semua ") and "sesuai dengan catatan dan lampiran datanya" in out


def test_a_deleted_attendance_row_fails_on_page_one(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = copy_of(
        demo_db,
        tmp_path,
        "DELETE FROM attendance WHERE id = (SELECT min(id) FROM attendance "
        "WHERE meeting_id = 1 AND counted = 1)",
    )
    assert main(check(edited)) == 1
    out = capsys.readouterr().out
    assert "angka dalam berita acara tidak sesuai dengan catatan" in out
    assert "Halaman 1 (I.2), anggota hadir selama rapat (hadir.jumlah): berita acara 644, " \
           "hitung ulang 645." in out  # fmt: skip
    assert "(LAMPIRAN I), jumlah seluruhnya di Daftar Hadir (daftar.jumlah)" in out


def test_an_edited_tally_fails_on_the_page_of_its_result(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = copy_of(demo_db, tmp_path, "UPDATE counted_totals SET yes = yes + 25")
    assert main(check(edited)) == 1
    out = capsys.readouterr().out
    lines = [line for line in out.splitlines() if "hasil menurut aturan" in line]
    assert len(lines) == 1 and lines[0].strip().startswith("Halaman ")
    assert "(III.6." in lines[0]  # the work plan, the demo's counted vote


def test_verify_numbers_recounts_a_file_from_its_own_attachments(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "ba.pdf"
    export = ["minutes", "export", "--db", str(demo_db), "--meeting", "1", "--out", str(pdf)]
    assert main(export) == 0
    capsys.readouterr()
    # Not signed, so verify itself fails; the figures agree with the file's own data.
    assert main(["verify", str(pdf), "--numbers"]) == 1
    out = capsys.readouterr().out
    assert "Angka: " in out and "angka sesuai dengan lampiran data berkas ini" in out

    # A berita acara written from records where one attendance row went missing: the
    # snapshots it states no longer match its own Daftar Hadir.
    edited = copy_of(
        demo_db,
        tmp_path,
        "DELETE FROM attendance WHERE id = (SELECT min(id) FROM attendance "
        "WHERE meeting_id = 1 AND counted = 1)",
    )
    bad = tmp_path / "ba-bad.pdf"
    export = ["minutes", "export", "--db", str(edited), "--meeting", "1", "--out", str(bad)]
    assert main(export) == 0
    capsys.readouterr()
    assert main(["verify", str(bad), "--numbers"]) == 1
    out = capsys.readouterr().out
    assert "tidak sesuai dengan lampiran data berkas ini" in out
    assert "hadir saat pemungutan suara dibuka (suara.1.hadir): berita acara" in out
    assert "  Halaman " in out


def test_bad_input_is_refused_clearly(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = plain_pdf(tmp_path / "biasa.pdf")
    assert main(["verify", str(plain), "--numbers"]) == 1
    assert "tidak membawa lampiran data angka.json" in capsys.readouterr().out
    assert main(["minutes", "check", "--db", str(demo_db), "--meeting", "99"]) == 2
    assert "Rapat nomor 99 tidak ditemukan" in capsys.readouterr().err
    assert main(["minutes", "check", "--db", str(demo_db), "--meeting", "2"]) == 2
    assert "masih draf" in capsys.readouterr().err


def test_secret_votes_moved_to_the_other_candidate_fail_on_the_elections_page(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    con = sqlite3.connect(demo_db)
    runoff = con.execute("SELECT id FROM ballots WHERE runoff_of IS NOT NULL").fetchone()[0]
    # The box keeps one counter per candidate ("" a blank ballot, "#" the ballots cast).
    winner, loser = (
        r[0]
        for r in con.execute(
            "SELECT option FROM secret_totals WHERE ballot_id = ? AND option NOT IN ('', '#') "
            "ORDER BY votes DESC",
            (runoff,),
        )
    )
    con.close()
    edited = copy_of(
        demo_db,
        tmp_path,
        f"UPDATE secret_totals SET votes = votes - 60 WHERE ballot_id = {runoff} "
        f"AND option = '{winner}'",
        f"UPDATE secret_totals SET votes = votes + 60 WHERE ballot_id = {runoff} "
        f"AND option = '{loser}'",
    )
    assert main(check(edited)) == 1
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if f"(suara.{runoff}.hasil)" in x)
    assert line.strip().startswith("Halaman ") and "(III.7." in line
    stated, recounted = line.split("berita acara ", 1)[1].split(", hitung ulang ")
    assert stated.split()[1:3] != recounted.split()[1:3]  # another name elected


def test_a_ballot_slipped_into_a_secret_box_fails_on_the_recapitulation_page(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    con = sqlite3.connect(demo_db)
    ballot, choice = con.execute(
        "SELECT b.id, t.option FROM ballots b JOIN secret_totals t ON t.ballot_id = b.id "
        "WHERE b.mode = 'secret' AND t.option NOT IN ('', '#') LIMIT 1"
    ).fetchone()
    con.close()
    # One more ballot for a candidate, and one more ballot cast: nobody more took part.
    edited = copy_of(
        demo_db,
        tmp_path,
        f"UPDATE secret_totals SET votes = votes + 1 WHERE ballot_id = {ballot} "
        f"AND option IN ('{choice}', '#')",
    )
    assert main(check(edited)) == 1
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if f"(rekap.{ballot}.memilih)" in x)
    assert "(LAMPIRAN II), rekapitulasi: yang memberikan suara" in line
