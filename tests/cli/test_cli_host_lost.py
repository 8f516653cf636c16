"""Every command against a host laptop it cannot use (issue 13 point 4): the host down, a wrong
password, a host now holding another cooperative, a schema of a newer Kuorum, the host lost
during the command. Each prints one Indonesian message saying what and where, exits 2, and
never shows a traceback. On a real PostgreSQL server."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from assembly.cli import main
from assembly.domain.cooperative import Cooperative
from assembly.domain.errors import DomainError
from assembly.services.bundle import Services
from tests import pg_server as pg
from tests.pg_server import free_port, start_server

# Commands that read or write the cooperative; each gets --db URL appended.
COMMANDS = [
    ["status"],
    ["audit", "verify"],
    ["backup", "list"],
    ["backup", "now"],
    ["members", "export", "anggota.csv"],
    ["minutes", "check", "--meeting", "1"],
    ["minutes", "export", "--meeting", "1", "--out", "ba.pdf"],
]


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hosts this computer joined (joined-hosts.json) are remembered in a folder of the
    test's own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)


def _admin(server: Any, *statements: str) -> None:
    engine = sa.create_engine(server.url(), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


def _database_with(server: Any, template: str, name: str, coop: str, number: str) -> str:
    _admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    _admin(server, f"CREATE DATABASE {name} TEMPLATE {template}")
    url = str(server.url(name))
    services = Services.open(url, create=False)
    try:
        services.cooperative.save_cooperative(
            Cooperative(name=coop, registration_number=number, city="Maumere")
        )
    finally:
        services.close()
    return url


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(argv) == 2, argv
    captured = capsys.readouterr()
    message = captured.err.strip()
    assert message and "\n" not in message, message  # one message
    assert "Traceback" not in captured.err
    return message


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_a_host_that_is_down_is_named_with_its_address(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    port = free_port()  # nobody listens there
    url = f"postgresql://kuorum_meja:sandi@127.0.0.1:{port}/kuorum"
    message = _refused([*command, "--db", url], capsys)
    assert f"Laptop induk 127.0.0.1 (port {port}) tidak dapat dihubungi" in message
    assert "tidak ada server laptop induk yang berjalan" in message
    assert "sandi" not in message.replace("kata sandi", "")  # the password is not shown


def test_the_down_host_in_a_real_process_prints_no_traceback(tmp_path: Path) -> None:
    url = f"postgresql://kuorum_meja:sandi@127.0.0.1:{free_port()}/kuorum"
    done = subprocess.run(
        [sys.executable, str(Path(__file__).parents[2] / "main.py"), "status", "--db", url],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "tidak dapat dihubungi" in done.stderr and done.stdout == ""


def test_a_wrong_password_says_so(
    pg_server: Any, pg_template: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _database_with(pg_server, pg_template, "cli_sandi", "Kopdit Pintu Air", "1")
    wrong = url.replace(pg.PASSWORD, "bukan-sandinya")
    for command in COMMANDS[:3]:
        message = _refused([*command, "--db", wrong], capsys)
        assert "Kata sandi atau nama pengguna" in message
        assert "bukan-sandinya" not in message


def test_a_host_now_holding_another_cooperative_is_refused(
    pg_server: Any, pg_template: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _database_with(pg_server, pg_template, "cli_lain", "Kopdit Pintu Air", "111")
    assert main(["status", "--db", url]) == 0  # joined once: the cooperative is remembered
    capsys.readouterr()
    _database_with(pg_server, pg_template, "cli_lain", "KSP Maju Bersama", "222")
    for command in COMMANDS:
        message = _refused([*command, "--db", url], capsys)
        assert "sekarang berisi koperasi KSP Maju Bersama, bukan Kopdit Pintu Air" in message
        assert f"127.0.0.1:{pg_server.port}/cli_lain" in message
    assert not Path("anggota.csv").exists() and not Path("ba.pdf").exists()


def test_a_newer_schema_is_refused(
    pg_server: Any, pg_template: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _database_with(pg_server, pg_template, "cli_baru", "Kopdit Pintu Air", "1")
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'r9999_masa_depan'")
    engine.dispose()
    for command in COMMANDS:
        message = _refused([*command, "--db", url], capsys)
        assert "dibuat oleh versi Kuorum yang lebih baru" in message
        assert f"127.0.0.1:{pg_server.port}/cli_baru" in message
    with sa.create_engine(url).connect() as conn:  # untouched
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == "r9999_masa_depan"


@pytest.fixture
def own_server() -> Iterator[pg.TestServer]:
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


def test_the_host_lost_during_a_command_is_a_refusal_not_a_traceback(
    own_server: pg.TestServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from assembly.cli.options import open_host

    _admin(own_server, "CREATE DATABASE kuorum")
    url = own_server.url("kuorum")
    Services.open(url).close()  # migrated
    _database_with(own_server, "kuorum", "rapat", "Kopdit Pintu Air", "1")
    services = open_host(own_server.url("rapat"))
    try:
        own_server.kill()
        with pytest.raises(DomainError, match="Laptop induk tidak dapat dihubungi"):
            services.cooperative.save_cooperative(Cooperative(name="Kopdit Pintu Air", city="Ende"))
    finally:
        services.close()
