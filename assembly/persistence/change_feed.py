"""What other connections committed: the database side of the one door (DESIGN.md section 9).

Every write transaction notes the tables its statements wrote (a cursor listener on the
engine) and, just before it commits, announces them with its origin (one token per open
:class:`~assembly.persistence.database.Database`):

* on SQLite it appends one row to ``change_log`` in the same transaction, so the note commits
  or rolls back with the change; a :class:`SqliteListener` with its own connection watches
  ``PRAGMA data_version`` (the one cheap poll, at the door: it changes when any other
  connection or process commits to the file) and reads the new rows by sequence;
* on PostgreSQL it calls ``pg_notify`` in the transaction, which the server delivers at commit
  (and drops on rollback); a :class:`PostgresListener` holds a ``LISTEN`` connection.

A listener reports the tables others wrote, or :data:`EVERYTHING` when a commit left no note
(a restore, a migration, an older Kuorum) or notes were pruned before it read them. Its own
origin's notes are skipped: the door already told the screens about those.
"""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
import threading
import time
from typing import Any, Protocol

import sqlalchemy as sa

CHANNEL = "kuorum_changes"
EVERYTHING = "*"
KEEP_NOTES = 500  # notes kept in change_log; a listener further behind hears "everything"
POLL_S = 0.1  # how often a SQLite listener looks at data_version (a read of shared memory)
# A PostgreSQL listener whose connection broke tries again after RETRY_FIRST_S, then twice as
# long after each failure, never waiting more than RETRY_MOST_S between tries.
RETRY_FIRST_S, RETRY_MOST_S = 0.5, 5.0
CONNECT_TIMEOUT_S = 2
KEEPALIVE_S = 10  # a host that went silent (cable pulled) is noticed within about this long
_WRITTEN = "kuorum_written"  # key in the DBAPI connection's info: tables written so far
_WRITE_VERBS = ("insert", "update", "delete", "replace")


def new_origin() -> str:
    """A token naming one open database object, so its listener can skip its own notes."""
    return secrets.token_hex(8)


def track_writes(engine: sa.Engine) -> None:
    """Note on each connection the tables that statements in the current transaction write."""
    if sa.event.contains(engine, "after_cursor_execute", _noted):
        return
    sa.event.listen(engine, "begin", _forget)
    sa.event.listen(engine, "after_cursor_execute", _noted)


def _forget(conn: sa.Connection) -> None:
    conn.info.pop(_WRITTEN, None)


def _noted(
    conn: sa.Connection,
    _cursor: object,
    statement: str,
    _parameters: object,
    context: Any,
    _executemany: bool,
) -> None:
    compiled = getattr(context, "compiled", None)
    target = getattr(getattr(compiled, "statement", None), "table", None)
    name = getattr(target, "name", None)
    if compiled is not None and (context.isinsert or context.isupdate or context.isdelete):
        table = name if isinstance(name, str) else EVERYTHING
    elif statement.lstrip()[:7].lower().startswith(_WRITE_VERBS):
        table = EVERYTHING  # a hand-written statement: which table is not worth parsing
    else:
        return
    if table != "change_log":
        conn.info.setdefault(_WRITTEN, set()).add(table)


def note_written(conn: sa.Connection, *tables: str) -> None:
    """Note ``tables`` as written by the current transaction (statements the cursor listener
    cannot see whole: a write in a WITH clause)."""
    conn.info.setdefault(_WRITTEN, set()).update(tables)


def wrote(conn: sa.Connection) -> bool:
    """Whether statements in ``conn``'s transaction have written anything so far."""
    return bool(conn.info.get(_WRITTEN))


def announce(conn: sa.Connection, origin: str) -> None:
    """Tell other connections, inside the committing transaction, which tables it wrote."""
    written = conn.info.pop(_WRITTEN, None)
    if not written:
        return
    tables = ",".join(sorted(written))
    if conn.dialect.name == "postgresql":
        conn.execute(sa.select(sa.func.pg_notify(CHANNEL, f"{origin} {tables}")))
        return
    log = sa.table("change_log", sa.column("seq"), sa.column("origin"), sa.column("tables"))
    seq = conn.execute(
        sa.insert(log).values(origin=origin, tables=tables).returning(log.c.seq)
    ).scalar_one()
    conn.execute(sa.delete(log).where(log.c.seq <= seq - KEEP_NOTES))


class Listener(Protocol):
    """Hears what other connections committed."""

    def wait(self, timeout: float) -> frozenset[str] | None:
        """The tables others wrote since the last call (:data:`EVERYTHING` among them when
        unknown), waiting up to ``timeout`` seconds for some; None when nothing came."""

    def close(self) -> None:
        """Stop listening; a :meth:`wait` in progress returns soon."""

    def release(self) -> None:
        """Close the connection, once no thread waits any more."""

    @property
    def lost(self) -> bool:
        """Whether the listener lost its connection and is trying to get it back (a SQLite
        file is never lost)."""


def open_listener(engine: sa.Engine, origin: str, uri: str | None = None) -> Listener:
    """A listener on the database behind ``engine`` that skips ``origin``'s own notes;
    ``uri`` is the SQLite file's read-only URI."""
    if engine.dialect.name == "postgresql":
        return PostgresListener(engine.url, origin)
    if uri is None:
        raise ValueError("a SQLite listener needs the database file")
    return SqliteListener(uri, origin)


class SqliteListener:
    """Watches one SQLite file through a connection of its own (usable from any thread)."""

    def __init__(self, uri: str, origin: str) -> None:
        self._origin = origin
        self._stop = threading.Event()
        self.lost = False
        self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=10)
        self._version = self._data_version()
        self._seq = self._conn.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def wait(self, timeout: float) -> frozenset[str] | None:
        """See :class:`Listener`."""
        deadline = time.monotonic() + timeout
        while not self._stop.is_set():
            version = self._data_version()
            if version != self._version:
                self._version = version
                found = self._read_notes()
                if found:
                    return found
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self._stop.wait(min(POLL_S, left))
        return None

    def _read_notes(self) -> frozenset[str]:
        rows = self._conn.execute(
            "SELECT seq, origin, tables FROM change_log WHERE seq > ? ORDER BY seq", (self._seq,)
        ).fetchall()
        if not rows:
            return frozenset({EVERYTHING})  # a commit without a note
        first = rows[0][0]
        missed = first > self._seq + 1 and self._seq > 0
        self._seq = rows[-1][0]
        if missed:
            return frozenset({EVERYTHING})
        tables = {t for _s, origin, text in rows if origin != self._origin for t in text.split(",")}
        return frozenset(tables)

    def close(self) -> None:
        """See :class:`Listener`."""
        self._stop.set()

    def release(self) -> None:
        """Close the connection (after the thread that waits has stopped)."""
        self._conn.close()


class PostgresListener:
    """A ``LISTEN`` connection of its own (psycopg 3, autocommit) on the Kuorum channel.

    When the connection breaks (the host's server killed or restarted, the cable pulled: TCP
    keepalives notice a silent peer within :data:`KEEPALIVE_S`), :attr:`lost` turns True and
    the listener connects again by itself, waiting :data:`RETRY_FIRST_S` and then twice as
    long after each failure, up to :data:`RETRY_MOST_S`. The first :meth:`wait` after it is
    back reports :data:`EVERYTHING`: notes sent while it was away are gone for good."""

    def __init__(self, url: sa.URL, origin: str) -> None:
        self._url = url
        self._origin = origin
        self._stop = threading.Event()
        self.lost = False
        self._retry_in = RETRY_FIRST_S
        self._next_try = 0.0
        self._conn: Any = self._connect()

    def _connect(self) -> Any:
        import psycopg

        url = self._url
        conn = psycopg.connect(
            host=url.host,
            port=url.port,
            dbname=url.database,
            user=url.username,
            password=url.password,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_S,
            application_name="kuorum-listen",
            keepalives=1,
            keepalives_idle=KEEPALIVE_S // 2,
            keepalives_interval=1,
            keepalives_count=KEEPALIVE_S // 2,
        )
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def wait(self, timeout: float) -> frozenset[str] | None:
        """See :class:`Listener`."""
        import psycopg

        deadline = time.monotonic() + timeout
        tables: set[str] = set()
        while not self._stop.is_set():
            if self._conn is None:
                back = self._reconnect(deadline)
                if back is not None:
                    return back
                if time.monotonic() >= deadline:
                    break
                continue
            left = min(deadline - time.monotonic(), POLL_S * 5)
            if left <= 0:
                break
            try:
                for note in self._conn.notifies(timeout=left, stop_after=1):
                    self._note(note.payload, tables)
                if tables:
                    # Take what else is already queued, so a burst comes as one.
                    for note in self._conn.notifies(timeout=0.001):
                        self._note(note.payload, tables)
            except psycopg.Error:
                self._drop()
                continue
            if tables:
                return frozenset(tables)
        return None

    def _drop(self) -> None:
        """The connection broke: forget it and try again soon."""
        import psycopg

        with contextlib.suppress(psycopg.Error, OSError):
            self._conn.close()
        self._conn = None
        self.lost = True
        self._retry_in = RETRY_FIRST_S
        self._next_try = time.monotonic() + self._retry_in

    def _reconnect(self, deadline: float) -> frozenset[str] | None:
        """One attempt when it is due (else a wait until it is or until ``deadline``):
        :data:`EVERYTHING` once connected again."""
        import psycopg

        now = time.monotonic()
        if now < self._next_try:
            self._stop.wait(min(self._next_try, deadline) - now)
            return None
        try:
            self._conn = self._connect()
        except psycopg.Error:
            self._retry_in = min(self._retry_in * 2, RETRY_MOST_S)
            self._next_try = time.monotonic() + self._retry_in
            return None
        self.lost = False
        return frozenset({EVERYTHING})

    def _note(self, payload: str, tables: set[str]) -> None:
        origin, _sep, text = payload.partition(" ")
        if origin != self._origin:
            tables.update(text.split(",") if text else (EVERYTHING,))

    def close(self) -> None:
        """See :class:`Listener`."""
        self._stop.set()

    def release(self) -> None:
        """Close the connection (after the thread that waits has stopped)."""
        if self._conn is not None:
            self._conn.close()
