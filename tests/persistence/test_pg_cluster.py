"""The host laptop's private PostgreSQL cluster: created, reached by the desks' role with its
password only, refusing what the desks must not do, and started again on the same folder after
a stop or a SIGKILL."""

from __future__ import annotations

import os
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from assembly.domain.errors import StorageError
from assembly.persistence.lan_addresses import lan_addresses
from assembly.persistence.pg_cluster import DESK_ROLE, HOST_ROLE, PgCluster
from tests.pg_server import free_port


def _engine(url: str) -> sa.Engine:
    return sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


def _folder() -> Path:
    # The server's system user (postgres, when the tests run as root) must reach the folder.
    parent = Path(tempfile.mkdtemp(prefix="kuorum-host-"))
    parent.chmod(0o711)
    return parent / "host"


@pytest.fixture(scope="module")
def cluster() -> Iterator[PgCluster]:
    made = PgCluster(_folder())
    made.create("127.0.0.1", port=free_port())
    yield made
    made.stop()


def test_desk_role_joins_with_its_password_and_is_no_superuser(cluster: PgCluster) -> None:
    settings = cluster.settings()
    engine = _engine(settings.desk_url())
    try:
        with engine.connect() as conn:
            user, superuser, create_db, create_role = conn.execute(
                sa.text(
                    "SELECT rolname, rolsuper, rolcreatedb, rolcreaterole FROM pg_roles "
                    "WHERE rolname = current_user"
                )
            ).one()
    finally:
        engine.dispose()
    assert (user, superuser, create_db, create_role) == (DESK_ROLE, False, False, False)
    assert settings.desk_password != settings.host_password


def test_wrong_password_is_refused(cluster: PgCluster) -> None:
    settings = cluster.settings()
    wrong = settings.desk_url().replace(settings.desk_password, "tebak-tebak-saja")
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(wrong, connect_timeout=5).close()


def test_desk_reads_and_writes_rows_but_changes_no_schema(cluster: PgCluster) -> None:
    settings = cluster.settings()
    owner = _engine(settings.host_url())
    desk = _engine(settings.desk_url())
    try:
        # A table the host's migrations would create, created by the host's superuser.
        with owner.begin() as conn:
            conn.execute(sa.text("CREATE TABLE probe (id serial PRIMARY KEY, note text)"))
        with desk.begin() as conn:
            conn.execute(sa.text("INSERT INTO probe (note) VALUES ('meja 1')"))
            assert conn.execute(sa.text("SELECT note FROM probe")).scalars().all() == ["meja 1"]
        # What closing a secret ballot asks of whichever desk closes it: end the WAL segment.
        with desk.connect() as conn:
            auto = conn.execution_options(isolation_level="AUTOCOMMIT")
            auto.execute(sa.text("CHECKPOINT"))
            auto.execute(sa.text("SELECT pg_switch_wal()"))
        for attack in (
            "CREATE TABLE stolen (x int)",
            "DROP TABLE probe",
            "ALTER TABLE probe DISABLE TRIGGER ALL",
            "CREATE ROLE intruder LOGIN",
            "CREATE DATABASE other",
            "SET session_replication_role = replica",
        ):
            with (
                pytest.raises(sa.exc.DBAPIError, match=r"permission denied|must be owner"),
                desk.connect() as conn,
            ):
                conn.execution_options(isolation_level="AUTOCOMMIT").execute(sa.text(attack))
    finally:
        with owner.begin() as conn:
            conn.execute(sa.text("DROP TABLE IF EXISTS probe"))
        owner.dispose()
        desk.dispose()


def test_server_is_durable_and_keeps_no_old_wal_or_statements(cluster: PgCluster) -> None:
    engine = _engine(cluster.settings().host_url())
    try:
        with engine.connect() as conn:
            shown = {
                name: conn.execute(sa.text(f"SHOW {name}")).scalar_one()
                for name in (
                    "fsync",
                    "synchronous_commit",
                    "full_page_writes",
                    "wal_recycle",
                    "wal_init_zero",
                    "wal_level",
                    "archive_mode",
                    "log_statement",
                    "log_min_error_statement",
                    "password_encryption",
                )
            }
            stored = conn.execute(
                sa.text("SELECT rolpassword FROM pg_authid WHERE rolname = :r"), {"r": DESK_ROLE}
            ).scalar_one()
    finally:
        engine.dispose()
    assert shown == {
        "fsync": "on",
        "synchronous_commit": "on",
        "full_page_writes": "on",
        "wal_recycle": "off",
        "wal_init_zero": "on",
        "wal_level": "minimal",
        "archive_mode": "off",
        "log_statement": "none",
        "log_min_error_statement": "panic",
        "password_encryption": "scram-sha-256",
    }
    assert stored.startswith("SCRAM-SHA-256$")
    hba = (cluster.data / "pg_hba.conf").read_text()
    rules = [line.split() for line in hba.splitlines() if line and not line.startswith("#")]
    assert all(rule[-1] == "scram-sha-256" for rule in rules)
    assert {rule[2] for rule in rules} == {HOST_ROLE, DESK_ROLE}
    assert [rule[3] for rule in rules if rule[2] == HOST_ROLE] == ["127.0.0.1/32"]
    assert not (cluster.folder / "initdb-password").exists()
    assert (cluster.folder / "kuorum-host.json").stat().st_mode & 0o077 == 0


def test_desk_from_outside_the_chosen_subnet_is_refused() -> None:
    lan = [a for a in lan_addresses() if not a.loopback]
    if not lan:
        pytest.skip("this machine has no LAN address besides the loopback")
    address = lan[0].address
    made = PgCluster(_folder())
    # Listens on the LAN address, but lets in desks from another network only.
    made.create(address, subnet="10.254.0.0/16", port=free_port())
    try:
        with pytest.raises(psycopg.OperationalError, match=r"no pg_hba\.conf entry"):
            psycopg.connect(made.settings().desk_url(), connect_timeout=5).close()
        moved = made.move(address)  # the subnet of its own address: let in
        psycopg.connect(moved.desk_url(), connect_timeout=5).close()
    finally:
        made.stop()


def test_starts_again_on_the_same_folder_after_stop_and_after_sigkill(cluster: PgCluster) -> None:
    url = cluster.settings().host_url()
    engine = _engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("CREATE TABLE kept (note text)"))
            conn.execute(sa.text("INSERT INTO kept VALUES ('sebelum mati')"))
        engine.dispose()
        # The app restarts: a new object over the same folder.
        again = PgCluster(cluster.folder)
        again.stop()
        assert again.status().running is False
        again.start()
        pid = again.status().pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)  # the power of the host's server cut, in effect
        PgCluster(cluster.folder).start()
        assert PgCluster(cluster.folder).status().running is True
        with engine.begin() as conn:
            assert conn.execute(sa.text("SELECT note FROM kept")).scalars().all() == [
                "sebelum mati"
            ]
            conn.execute(sa.text("DROP TABLE kept"))
    finally:
        engine.dispose()


def test_no_cluster_and_bad_address_are_refused_saying_so(tmp_path: Path) -> None:
    empty = PgCluster(tmp_path / "nothing")
    assert empty.status().running is False
    with pytest.raises(StorageError, match="Belum ada server laptop induk"):
        empty.start()
    with pytest.raises(StorageError, match="bukan alamat IPv4"):
        empty.create("192.168.1.300")
    assert not (tmp_path / "nothing").exists()
