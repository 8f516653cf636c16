"""Kuorum on a PostgreSQL server: opening by URL with a clear message for each way it can go
wrong, the lock's PL/pgSQL triggers and ``audit verify`` naming one that was dropped, and the
audit chain kept linear by several desks appending at once."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from assembly.cli import main
from assembly.domain.audit import check_chain
from assembly.domain.errors import DomainError, StorageError
from assembly.domain.members import Member
from assembly.persistence import anchor_store, audit_log
from assembly.persistence.database import Database, open_database
from assembly.persistence.tables import meetings
from assembly.services.bundle import Services
from tests.pg_server import PASSWORD, free_port
from tests.services.voting_fixtures import opened_hall

PG = pytest.mark.parametrize("engine_kind", ["postgresql"])


def _admin(url: str, statement: str) -> None:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


def _plain(url: str) -> str:
    """The URL as a user types it (``postgresql://``, psycopg 3 under it)."""
    return url.replace("postgresql+psycopg://", "postgresql://")


@PG
def test_a_url_opens_the_database_and_every_guard_is_there(db_path: str) -> None:
    db = open_database(_plain(db_path))
    try:
        assert db.is_postgresql and db.url == _plain(db_path)
        with db.read() as conn:
            assert anchor_store.missing_triggers(conn) == []
    finally:
        db.close()


def test_an_unreachable_host_says_so(pg_server: object) -> None:
    url = f"postgresql://kuorum:x@127.0.0.1:{free_port()}/kuorum"
    with pytest.raises(StorageError, match=r"Laptop induk 127\.0\.0\.1 \(port \d+\) tidak dapat"):
        open_database(url)


def test_a_wrong_password_says_so_and_shows_no_password(pg_server: object) -> None:
    url = _plain(pg_server.url("postgres")).replace(PASSWORD, "salah-sekali")  # type: ignore[attr-defined]
    with pytest.raises(StorageError, match="Kata sandi atau nama pengguna") as caught:
        open_database(url)
    assert "salah-sekali" not in caught.value.message


def test_a_missing_database_says_so(pg_server: object) -> None:
    with pytest.raises(StorageError, match="Basis data tidakada tidak ada di laptop induk"):
        open_database(pg_server.url("tidakada"))  # type: ignore[attr-defined]


def test_an_empty_database_asks_for_init_or_is_migrated(pg_server: object) -> None:
    _admin(pg_server.url(), "CREATE DATABASE kosong")  # type: ignore[attr-defined]
    url = pg_server.url("kosong")  # type: ignore[attr-defined]
    with pytest.raises(StorageError, match=r"masih kosong.*main\.py init --db"):
        open_database(url, create=False)
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        assert sa.inspect(conn).get_table_names() == []  # refused: nothing made
    engine.dispose()
    open_database(url).close()  # the app's first start: migrated
    open_database(url, create=False).close()
    _admin(pg_server.url(), "DROP DATABASE kosong WITH (FORCE)")  # type: ignore[attr-defined]


@PG
def test_a_newer_schema_is_refused_untouched(db_path: str) -> None:
    _admin(db_path, "UPDATE alembic_version SET version_num = 'r9999_kelak'")
    with pytest.raises(StorageError, match="versi Kuorum yang lebih baru"):
        open_database(db_path)
    engine = sa.create_engine(db_path)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
            "r9999_kelak"
        )
    engine.dispose()


def test_a_foreign_database_is_refused_untouched(pg_server: object) -> None:
    _admin(pg_server.url(), "CREATE DATABASE asing")  # type: ignore[attr-defined]
    url = pg_server.url("asing")  # type: ignore[attr-defined]
    _admin(url, "CREATE TABLE gaji (id integer)")
    with pytest.raises(StorageError, match="bukan basis data Kuorum"):
        open_database(url)
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        assert sa.inspect(conn).get_table_names() == ["gaji"]
    engine.dispose()
    _admin(pg_server.url(), "DROP DATABASE asing WITH (FORCE)")  # type: ignore[attr-defined]


@PG
def test_a_locked_meeting_refuses_edits_and_a_dropped_trigger_is_named(
    cooperative: Services, db_path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hall = opened_hall(cooperative, db_path)
    db: Database = cooperative.ctx.db
    with db.write() as conn:  # the lock's state (the signing itself is tested elsewhere)
        conn.execute(
            sa.update(meetings).where(meetings.c.id == hall.meeting_id).values(state="locked")
        )
    edit = sa.text("UPDATE attendance SET channel = 'online' WHERE meeting_id = :m")
    with pytest.raises(DomainError, match="sudah ditandatangani dan dikunci"), db.write() as conn:
        conn.execute(edit, {"m": hall.meeting_id})
    with pytest.raises(DomainError, match="sudah ditandatangani"), db.write() as conn:
        conn.execute(sa.update(meetings).values(venue="Balai lain"))
    main(["audit", "verify", "--db", db_path])  # (a lock without its anchor is reported too)
    assert "pemicu penguncian hilang" not in capsys.readouterr().out

    # Whoever holds the server's superuser drops the guard and edits the locked record.
    _admin(db_path, "DROP TRIGGER lock_attendance_update ON attendance")
    _admin(
        db_path, f"UPDATE attendance SET channel = 'online' WHERE meeting_id = {hall.meeting_id}"
    )
    assert main(["audit", "verify", "--db", db_path]) == 1
    assert "pemicu penguncian hilang (1): lock_attendance_update" in capsys.readouterr().out


@PG
def test_desks_appending_at_once_keep_one_chain(cooperative: Services, db_path: str) -> None:
    cooperative.register.save(Member("KSP-0001", "Siti Aminah"))
    desks = [open_database(db_path) for _ in range(4)]
    start = threading.Barrier(len(desks))
    failures: list[BaseException] = []

    def work(db: Database, desk: int) -> None:
        try:
            start.wait()
            for n in range(25):
                with db.write() as conn:
                    audit_log.append(conn, f"meja-{desk}", "test.tick", {"n": n})
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(db, i)) for i, db in enumerate(desks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    for db in desks:
        db.close()
    assert failures == []
    with cooperative.ctx.db.read() as conn:
        check = check_chain(audit_log.events(conn))
    assert check.intact and check.events == 2 + 100
