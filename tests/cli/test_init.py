"""``init``: a cooperative from the command line, then ``members import`` headless; an import
into a missing file says to run ``init`` and creates nothing; ``init`` never overwrites."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assembly.cli import main
from assembly.domain.ad_profile import ADProfile
from assembly.domain.cooperative import TimeZone
from assembly.services.bundle import Services
from tests.behind_the_back import rows, scalar

ROOT = Path(__file__).resolve().parents[2]
REGISTER = (
    "No. Anggota;Nama Lengkap;Status\nKSP-0001;Siti Aminah;Aktif\nKSP-0002;Budi Santoso;Meninggal\n"
)


def test_init_then_import_works_without_a_screen(tmp_path: Path) -> None:
    db = tmp_path / "koperasi.sqlite"
    source = tmp_path / "anggota.csv"
    source.write_text(REGISTER, encoding="utf-8")
    python = [sys.executable, str(ROOT / "main.py")]
    made = subprocess.run(
        [*python, "init", "--db", str(db), "--name", "Kopdit Pintu Air",
         "--legal-entity", "518/BH/XIV/1985", "--city", "Maumere", "--time-zone", "WITA"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "Koperasi Kopdit Pintu Air dibuat" in made.stdout
    imported = subprocess.run(
        [*python, "members", "import", str(source), "--db", str(db)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    assert "2 anggota baru ditambahkan" in imported.stdout
    services = Services.open(db, create=False)
    try:
        coop = services.cooperative.cooperative()
        assert coop is not None
        assert (coop.name, coop.legal_entity_number, coop.city, coop.time_zone) == (
            "Kopdit Pintu Air", "518/BH/XIV/1985", "Maumere", TimeZone.WITA,
        )  # fmt: skip
        profile = services.cooperative.ad_profile()
        assert profile.profile == ADProfile() and not profile.confirmed  # the wizard's defaults
        assert services.register.count() == 2
        assert services.audit.verify().intact
    finally:
        services.close()


def test_importing_into_a_missing_file_says_to_run_init_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "belum-ada.sqlite"
    source = tmp_path / "anggota.csv"
    source.write_text(REGISTER, encoding="utf-8")
    assert main(["members", "import", str(source), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "python main.py init --db" in err and "wizard" in err
    assert list(tmp_path.iterdir()) == [source]


def test_importing_into_a_file_without_a_cooperative_says_so(
    services: Services, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services.close()
    source = tmp_path / "anggota.csv"
    source.write_text(REGISTER, encoding="utf-8")
    assert main(["members", "import", str(source), "--db", str(db_path)]) == 2
    assert "belum berisi koperasi" in capsys.readouterr().err
    assert scalar(db_path, "SELECT count(*) FROM members") == 0


@pytest.mark.sqlite_only("init refuses an existing file by its bytes (on a server: the test below)")
def test_init_never_overwrites_and_refuses_bad_input_without_a_file(
    cooperative: Services, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cooperative.close()
    before = db_path.read_bytes()
    assert main(["init", "--db", str(db_path), "--name", "Koperasi Lain"]) == 2
    assert "tidak pernah menimpa" in capsys.readouterr().err
    assert db_path.read_bytes() == before
    fresh = tmp_path / "baru.sqlite"
    assert main(["init", "--db", str(fresh), "--name", "   "]) == 2
    assert "Nama koperasi wajib diisi" in capsys.readouterr().err
    assert not fresh.exists()
    with pytest.raises(SystemExit):
        main(["init", "--db", str(fresh), "--name", "K", "--time-zone", "UTC"])
    assert not fresh.exists()


def test_init_from_a_template_starts_with_its_ad_profile(
    cooperative: Services, db_path: Path, tmp_path: Path
) -> None:
    mine = ADProfile(candidates_may_vote=True)
    cooperative.cooperative.save_ad_profile(mine, confirmed=True)
    cooperative.close()
    fresh = tmp_path / "cabang.sqlite"
    assert main(["init", "--db", str(fresh), "--name", "Koperasi Cabang",
                 "--template", str(db_path)]) == 0  # fmt: skip
    services = Services.open(fresh, create=False)
    try:
        version = services.cooperative.ad_profile()
        assert version.profile == mine and not version.confirmed  # to be checked against its AD
    finally:
        services.close()


def test_a_command_line_import_loads_no_qt_nor_pdf_libraries(tmp_path: Path) -> None:
    db = tmp_path / "koperasi.sqlite"
    source = tmp_path / "anggota.csv"
    source.write_text(REGISTER, encoding="utf-8")
    assert main(["init", "--db", str(db), "--name", "Kopdit Pintu Air"]) == 0
    script = (
        "import runpy, sys\n"
        f"sys.argv = ['main.py', 'members', 'import', {str(source)!r}, '--db', {str(db)!r}]\n"
        "try:\n"
        f"    runpy.run_path({str(ROOT / 'main.py')!r}, run_name='__main__')\n"
        "except SystemExit as done:\n"
        "    assert done.code == 0, done.code\n"
        "heavy = ('PySide6', 'reportlab', 'pyhanko')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=ROOT
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "[]"


def test_init_of_an_empty_database_on_a_server_then_import_and_never_again(
    pg_server: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The host laptop's counterpart: ``init`` makes the cooperative in an empty database on
    a PostgreSQL server (the password never shown), ``members import`` fills it, and a second
    ``init`` is refused with the database unchanged. Bad input makes no table."""
    import sqlalchemy as sa

    admin = sa.create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql("CREATE DATABASE init_kosong")
    admin.dispose()
    url = pg_server.url("init_kosong")
    password = sa.make_url(url).password
    assert password
    assert main(["init", "--db", url, "--name", "   "]) == 2
    assert "Nama koperasi wajib diisi" in capsys.readouterr().err
    tables = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
    assert scalar(url, tables) == 0  # refused before anything was made
    assert main(["init", "--db", url, "--name", "Kopdit Pintu Air", "--city", "Maumere",
                 "--time-zone", "WITA"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "Koperasi Kopdit Pintu Air dibuat" in out and password not in out
    source = tmp_path / "anggota.csv"
    source.write_text(REGISTER, encoding="utf-8")
    assert main(["members", "import", str(source), "--db", url]) == 0
    assert "2 anggota baru ditambahkan" in capsys.readouterr().out
    services = Services.open(url, create=False)
    try:
        coop = services.cooperative.cooperative()
        assert coop is not None and (coop.name, coop.time_zone) == (
            "Kopdit Pintu Air",
            TimeZone.WITA,
        )
        assert not services.cooperative.ad_profile().confirmed
        assert services.register.count() == 2 and services.audit.verify().intact
    finally:
        services.close()
    before = rows(url, "SELECT seq, hash FROM audit_events ORDER BY seq")
    assert main(["init", "--db", url, "--name", "Koperasi Lain"]) == 2
    err = capsys.readouterr().err
    assert "sudah berisi koperasi" in err and password not in err
    assert rows(url, "SELECT seq, hash FROM audit_events ORDER BY seq") == before
