"""A desk's change feed when the host's PostgreSQL server dies (SIGKILL) and comes back: the
listener notices, says it is lost, connects again by itself, asks the screens for a full
refresh (what was committed meanwhile was never announced to it), and then hears another
desk's commit as before."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from assembly.persistence import pg_database
from assembly.persistence.change_feed import EVERYTHING, Listener
from assembly.persistence.database import Database
from tests import pg_server
from tests.pg_server import start_server

BACK_WITHIN_S = 30.0  # the restarted server's recovery plus the listener's backoff


@pytest.fixture
def own_server() -> Iterator[pg_server.TestServer]:
    """A server of this test alone: it is killed and started again."""
    server = start_server()
    try:
        yield server
    finally:
        server.stop()


def _database(server: pg_server.TestServer) -> Database:
    admin = sa.create_engine(server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql("CREATE DATABASE feed")
    admin.dispose()
    url = server.url("feed")
    db = Database(pg_database.create_engine(url), Path("feed"), url=url)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE attendance (member_id integer primary key)")
    return db


def _check_in(db: Database, member: int) -> None:
    with db.write() as conn:
        conn.execute(
            sa.insert(sa.table("attendance", sa.column("member_id"))).values(member_id=member)
        )


def _until(listener: Listener, wanted: object, within: float) -> list[frozenset[str]]:
    """What the listener reports until ``wanted(listener, heard)`` holds (or time runs out)."""
    deadline = time.monotonic() + within
    heard: list[frozenset[str]] = []
    while time.monotonic() < deadline:
        got = listener.wait(0.5)
        if got:
            heard.append(got)
        if wanted(listener, heard):  # type: ignore[operator]
            return heard
    raise AssertionError(f"not within {within} s; heard {heard}, lost={listener.lost}")


def test_listener_reconnects_after_sigkill_and_hears_again(
    own_server: pg_server.TestServer,
) -> None:
    writer = _database(own_server)
    desk = Database(writer.engine, Path("feed"), url=writer.url)  # another desk's object
    listener = desk.listen()
    try:
        _check_in(writer, 1)
        assert EVERYTHING not in _until(listener, lambda _l, h: h, 2.0)[0]
        assert not listener.lost

        own_server.kill()
        _until(listener, lambda lst, _h: lst.lost, 15.0)
        assert listener.wait(0.3) is None  # lost: nothing heard, no error raised

        own_server.start()
        heard = _until(listener, lambda lst, h: not lst.lost and h, BACK_WITHIN_S)
        assert heard[-1] == frozenset({EVERYTHING})  # back: every screen refreshes

        _check_in(writer, 2)  # the writer's pool drops its dead connections (pre_ping)
        after = _until(listener, lambda _l, h: h, 2.0)
        assert after[0] == frozenset({"attendance"})
    finally:
        listener.close()
        listener.release()
        writer.close()


def test_listener_keeps_trying_while_the_server_stays_down(
    own_server: pg_server.TestServer,
) -> None:
    writer = _database(own_server)
    listener = writer.listen()
    try:
        own_server.kill()
        _until(listener, lambda lst, _h: lst.lost, 15.0)
        started = time.monotonic()
        while time.monotonic() - started < 3.0:  # several failed tries, backing off
            assert listener.wait(0.5) is None
            assert listener.lost
        listener.close()
        assert listener.wait(30) is None  # closing still ends a wait at once while lost
    finally:
        listener.release()
        writer.close()
