"""A desk's link to the host laptop's server (DESIGN.md section 9): whether the host answers now,
and a lost connection turned into a refusal the screens show, never a half-made record.

A statement that fails because the connection broke raises :class:`StorageError` saying that
the host cannot be reached and that this record was not confirmed (the transaction is rolled
back by the server when the connection ends). A connection lost during the commit itself may
have committed: the message says so and asks the secretary to look once the host is back. The
pool's ``pre_ping`` drops the dead connections, so the first action after the host is back
works again without restarting the desk.
"""

from __future__ import annotations

import psycopg
import psycopg.errors
import sqlalchemy as sa

from assembly.domain.errors import StorageError
from assembly.i18n import tr
from assembly.persistence.database import Database
from assembly.persistence.pg_database import engine_url

CHECK_TIMEOUT_S = 2
_MARK = "kuorum_host_link"


def reachable(db: Database) -> bool:
    """Whether the host's server answers now (a new connection of its own, not one of the
    pool's, so a check never waits behind a desk's work). Always True for a SQLite file."""
    if db.url is None:
        return True
    url = engine_url(db.url)
    try:
        with psycopg.connect(
            host=url.host,
            port=url.port,
            dbname=url.database,
            user=url.username,
            password=url.password,
            connect_timeout=CHECK_TIMEOUT_S,
            application_name="kuorum-check",
        ) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error:
        return False
    return True


def refuse_when_lost(db: Database) -> None:
    """From now on, a statement of ``db`` failing because the host's connection broke raises
    :class:`StorageError` with a message for the screens (PostgreSQL only; once per engine)."""
    if db.url is None or db.engine.dialect.name != "postgresql":
        return
    if sa.event.contains(db.engine, "handle_error", _translate):
        return
    sa.event.listen(db.engine, "handle_error", _translate)


def lost_message() -> str:
    return tr(
        "Laptop induk tidak dapat dihubungi; catatan ini TIDAK dikonfirmasi. Periksa kabel "
        "atau Wi-Fi dan laptop induk; meja menyambung lagi sendiri. Bila saat itu sedang "
        "menyimpan, periksa lagi catatannya sesudah tersambung."
    )


def _translate(context: sa.engine.ExceptionContext) -> BaseException | None:
    original = context.original_exception
    if context.is_pre_ping:
        # The pool's check of a connection kept from before the host went away: the pool
        # drops it and connects anew (the first action after the host is back works).
        return None
    if isinstance(original, (psycopg.errors.QueryCanceled, psycopg.errors.LockNotAvailable)):
        return None  # the server answered: not a lost host
    if context.is_disconnect or isinstance(original, psycopg.OperationalError):
        return StorageError(lost_message())
    return None


def on_this_computer(db: Database) -> bool:
    """Whether the host's server runs on this very computer (the host laptop itself, which
    opens the meeting as a desk does): the server sees this connection coming from one of its
    own addresses. Always True for a SQLite file."""
    if db.url is None:
        return True
    with db.read() as conn:
        client, server = conn.execute(
            sa.text("SELECT host(inet_client_addr()), host(inet_server_addr())")
        ).one()
    return same_computer(client, server)


def same_computer(client: str | None, server: str | None) -> bool:
    """Whether a connection from ``client`` to ``server`` (PostgreSQL's view of both; None
    over a Unix socket) stays on one computer."""
    if client is None or server is None:
        return True
    import ipaddress

    return client == server or ipaddress.ip_address(client).is_loopback
