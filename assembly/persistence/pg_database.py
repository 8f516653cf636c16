"""Opening a Kuorum database on a PostgreSQL server (several desks on one LAN, DESIGN.md
section 9), by URL: ``postgresql://user:password@host:port/database``.

The engine is psycopg 3. Every write transaction first takes one transaction-level advisory
lock (:data:`WRITE_LOCK`), as SQLite's ``BEGIN IMMEDIATE`` takes the file's write lock: writes
from several desks queue instead of interleaving, so the audit chain stays one line and every
check a service makes before writing still holds when it writes. Reads never wait.

One transaction may ask for the lock later (``Database.write(lock_late=True)``: the door's
check-in, the busiest write): it reads and decides first, takes the lock with
:func:`hold_write_lock` before its first write, and then reads again what it decided on, so the
other desks wait only for its writes (see :mod:`assembly.persistence.door_rows`).

The checks at open say in Indonesian what is wrong: the host unreachable, a wrong password, a
database that does not exist, one of a newer Kuorum, one that is not Kuorum's, and an empty one
(migrated when ``create`` is set, else the user is told to run ``init``).
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from assembly.domain.errors import StorageError
from assembly.i18n import tr

SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")
# pg_advisory_xact_lock key of the one writer at a time: "KUOR" in ASCII, as SQLite's
# application id.
WRITE_LOCK = 0x4B554F52
CONNECT_TIMEOUT_S = 5
_LOCKED = "kuorum_write_locked"  # key in the DBAPI connection's info: the lock is held


def is_postgresql_url(target: object) -> bool:
    """Whether ``target`` (a path or a URL) names a PostgreSQL database."""
    return isinstance(target, str) and target.startswith(SCHEMES)


def engine_url(url: str) -> sa.URL:
    """``url`` for SQLAlchemy with the psycopg 3 driver (``postgresql://`` means psycopg2)."""
    parsed = sa.make_url(url)
    return parsed.set(drivername="postgresql+psycopg")


def shown(url: str) -> str:
    """``url`` as a user may see it: without the password."""
    return engine_url(url).render_as_string(hide_password=True).replace("+psycopg", "")


def local_path(url: str) -> Path:
    """Where files beside the database go on this computer (backups, exports): a PostgreSQL
    database has no file here, so a name in the user's home stands for it."""
    parsed = engine_url(url)
    name = f"kuorum-{parsed.database or 'postgres'}@{parsed.host or 'localhost'}.postgresql"
    return Path.home() / name


def create_engine(url: str) -> sa.Engine:
    """The engine of a Kuorum database on PostgreSQL: writes one at a time (see above)."""
    engine = sa.create_engine(
        engine_url(url),
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "kuorum"},
        pool_pre_ping=True,
    )

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        options = conn.get_execution_options()
        now = options.get("kuorum_write", False) and not options.get("kuorum_lock_late", False)
        conn.info[_LOCKED] = False
        if now:
            hold_write_lock(conn)

    return engine


def hold_write_lock(conn: sa.Connection) -> bool:
    """Take the one write lock for the rest of ``conn``'s transaction, unless it holds it
    already; whether it was taken now (a statement after this one sees every write committed
    before it). False on SQLite, whose write transaction holds the file's lock from its
    ``BEGIN IMMEDIATE``."""
    if conn.dialect.name != "postgresql" or conn.info.get(_LOCKED, False):
        return False
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
    conn.info[_LOCKED] = True
    return True


def holds_write_lock(conn: sa.Connection) -> bool:
    """Whether ``conn``'s transaction holds the write lock (always on SQLite in a write)."""
    return conn.dialect.name != "postgresql" or bool(conn.info.get(_LOCKED, False))


def refusal(url: str, exc: BaseException) -> StorageError:
    """The reason a connection to ``url`` failed, in words the secretary can act on."""
    text = str(getattr(exc, "orig", None) or exc)
    where = shown(url)
    parsed = engine_url(url)
    if "password authentication failed" in text or "no password supplied" in text:
        return StorageError(
            tr(
                "Kata sandi atau nama pengguna untuk {where} salah. Periksa kata sandi yang "
                "ditunjukkan laptop induk.",
                where=where,
            )
        )
    if "does not exist" in text and "database" in text:
        return StorageError(
            tr(
                "Basis data {database} tidak ada di laptop induk {host}. Periksa alamat yang "
                "ditunjukkan laptop induk.",
                database=parsed.database or "",
                host=parsed.host or "",
            )
        )
    return StorageError(
        tr(
            "Laptop induk {host} (port {port}) tidak dapat dihubungi: {detail}. Periksa bahwa "
            "laptop induk menyala, Kuorum berjalan di sana, dan komputer ini berada di jaringan "
            "yang sama.",
            host=parsed.host or "localhost",
            port=parsed.port or 5432,
            detail=_why_unreachable(text),
        )
    )


def _why_unreachable(text: str) -> str:
    """libpq's reason a connection failed, in the secretary's words (its own first line when
    it is none of the usual ones)."""
    lowered = text.lower()
    if "connection refused" in lowered:
        return tr("tidak ada server laptop induk yang berjalan di alamat dan port itu")
    if "timeout expired" in lowered or "timed out" in lowered:
        return tr("tidak ada jawaban dalam {seconds} detik", seconds=CONNECT_TIMEOUT_S)
    if "no route to host" in lowered or "network is unreachable" in lowered:
        return tr("komputer itu tidak terjangkau dari jaringan ini")
    if "could not translate host name" in lowered or "name or service not known" in lowered:
        return tr("nama komputer itu tidak dikenal di jaringan ini")
    if "server closed the connection" in lowered or "terminating connection" in lowered:
        return tr("server laptop induk memutus sambungan")
    if "no pg_hba.conf entry" in lowered:
        return tr("laptop induk tidak menerima komputer ini (di luar jaringan yang diizinkan)")
    return _first_line(text)


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else text


def inspect(engine: sa.Engine, url: str, known: list[str]) -> str | None:
    """The schema revision of the database at ``url`` (None: empty); refuses a database that
    is not Kuorum's or is of a newer Kuorum."""
    try:
        with engine.connect() as conn:
            tables = set(sa.inspect(conn).get_table_names())
            revision = None
            if "alembic_version" in tables:
                revision = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    except sa.exc.OperationalError as exc:
        raise refusal(url, exc) from exc
    if tables and "alembic_version" not in tables:
        raise StorageError(
            tr("Basis data {where} bukan basis data Kuorum; tidak diubah.", where=shown(url))
        )
    if revision is not None and revision not in known:
        raise StorageError(
            tr(
                "Basis data {where} dibuat oleh versi Kuorum yang lebih baru. Perbarui Kuorum "
                "di komputer ini untuk membukanya; basis data tidak diubah.",
                where=shown(url),
            )
        )
    return revision


def empty_refusal(url: str) -> StorageError:
    """An empty database opened where a cooperative was expected."""
    return StorageError(
        tr(
            "Basis data {where} masih kosong. Buat koperasinya dulu: "
            'python main.py init --db {where} --name "Nama Koperasi", atau buka aplikasinya '
            "dan isi profil koperasi.",
            where=shown(url),
        )
    )


def migrate(engine: sa.Engine, upgrade: object) -> None:
    """Run ``upgrade(conn)`` (Alembic to head) holding the write lock, so two desks opening
    an empty database at once migrate it once."""
    with engine.connect() as conn:
        conn = conn.execution_options(kuorum_write=True)
        with conn.begin():
            assert callable(upgrade)
            upgrade(conn)


def scrub_after_secret_ballot(engine: sa.Engine) -> bool:
    """Leave nothing in the cluster's files that tells in which order a secret ballot's
    counters were raised (docs/security.md, "PostgreSQL"). An UPDATE there writes a new row
    version stamped with the voter's transaction id and leaves the old one; the WAL keeps
    every version. So, after the close:

    1. every counter is rewritten in one transaction: all carry the same transaction id,
       none the id of the last vote that raised it;
    2. ``CLUSTER`` rewrites the table into new files, live rows only, in the order of the
       (ballot, option) key, not the order of the last updates; the old files are unlinked;
    3. ``CHECKPOINT``, ``pg_switch_wal()`` and ``CHECKPOINT`` again: the segments holding the
       votes' changes end and are removed (the host cluster runs with ``wal_recycle=off``, no
       archive, no ``wal_keep_size``; see docs/security.md).

    Needs the owner of the table (CLUSTER) and the ``pg_checkpoint`` role and EXECUTE on
    ``pg_switch_wal`` (or a superuser); False when a step was refused."""
    done = True
    with engine.connect() as conn:
        with conn.begin():
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")
            conn.exec_driver_sql("UPDATE secret_totals SET votes = votes")
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        for statement in (
            "CLUSTER secret_totals USING uq_secret_totals_ballot_id",
            "CHECKPOINT",
            "SELECT pg_switch_wal()",
            "CHECKPOINT",
        ):
            try:
                conn.exec_driver_sql(statement)
            except sa.exc.DBAPIError:
                done = False
    return done
