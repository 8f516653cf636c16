"""Opening a Kuorum database file: checks, backup, migration, and the durable transactions
every user action runs in.

SQLite in WAL mode with ``synchronous=FULL`` and foreign keys on (DESIGN.md section 7): a write
that committed survives a crash or a power cut. Each write transaction starts with
``BEGIN IMMEDIATE`` so that two writers queue instead of failing half-way.

``secure_delete`` is on: a cell or page SQLite frees is zeroed, so nothing deleted or
rewritten lingers in the file's free space (a secret ballot's earlier totals, say; see
:mod:`assembly.persistence.secret_store`). :func:`truncate_wal` empties the WAL, which holds a
copy of each page every commit changed until it is checkpointed; a secret ballot's close and
every start call it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from assembly.domain.disk import disk_problem, is_disk_failure
from assembly.domain.errors import DomainError, StorageError
from assembly.i18n import tr
from assembly.persistence import pg_database
from assembly.persistence.change_feed import (
    Listener,
    announce,
    new_origin,
    open_listener,
    track_writes,
    wrote,
)
from assembly.persistence.wal_checkpoint import BackgroundCheckpoints

if TYPE_CHECKING:
    from alembic.config import Config

# PRAGMA application_id marks a file as Kuorum's: "KUOR" in ASCII.
APPLICATION_ID = 0x4B554F52
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 10.0
_MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r'^revision = "([^"]+)"', re.MULTILINE)
# The message of the triggers that keep a signed meeting's records unchanged (r0005).
LOCKED_MARK = "kuorum:meeting-locked"


class Database:
    """An open Kuorum database. Use :meth:`write` for a change, :meth:`read` to look."""

    def __init__(
        self, engine: sa.Engine, path: Path, *, read_only: bool = False, url: str | None = None
    ) -> None:
        self.engine = engine
        self.path = path
        self.read_only = read_only
        # A PostgreSQL database's URL (``path`` then only says where local files go).
        self.url = url
        # Each commit tells the other windows and desks what it wrote (change_feed).
        self.origin = new_origin()
        track_writes(engine)
        self._checkpoints: BackgroundCheckpoints | None = None

    @property
    def is_postgresql(self) -> bool:
        """Whether this database lives on a PostgreSQL server (else a SQLite file)."""
        return self.url is not None

    @contextlib.contextmanager
    def write(self, *, lock_late: bool = False) -> Iterator[sa.Connection]:
        """One durable transaction: all of it commits, or (on any exception) none of it. A
        full disk, a read-only file or a disk error is a :class:`StorageError` saying so:
        nothing of the transaction is kept, and once space is freed the next write works.

        ``lock_late``: on PostgreSQL the one write lock is not taken at the start; the
        caller takes it with :func:`pg_database.hold_write_lock` before its first write and
        reads again what it decided on (the door's check-in). A transaction that wrote
        without it is rolled back. SQLite holds the file's lock from the start either way."""
        if self.read_only:
            raise StorageError(_read_only_refusal(self.path))
        with self.engine.connect() as conn:
            conn = conn.execution_options(kuorum_write=True, kuorum_lock_late=lock_late)
            try:
                with conn.begin():
                    yield conn
                    if lock_late and wrote(conn) and not pg_database.holds_write_lock(conn):
                        raise RuntimeError("a write transaction wrote without the write lock")
                    announce(conn, self.origin)
            except sa.exc.DBAPIError as exc:
                if LOCKED_MARK in str(exc.orig):
                    raise DomainError(
                        tr(
                            "Rapat ini sudah ditandatangani dan dikunci; tidak ada yang dapat "
                            "diubah. Perbaikan dibuat dengan adendum."
                        )
                    ) from exc
                if exc.orig is not None and is_disk_failure(exc.orig):
                    raise StorageError(_not_saved(self.path, exc.orig)) from exc
                raise

    @contextlib.contextmanager
    def read(self) -> Iterator[sa.Connection]:
        """A consistent read-only view for the length of the block."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def listen(self) -> Listener:
        """A listener that hears what other connections and processes commit (not this
        object's own writes): data_version and the change log on SQLite, LISTEN on PostgreSQL."""
        uri = (
            _read_only_uri(self.path)
            if self.read_only
            else f"{self.path.resolve().as_uri()}?mode=ro"
        )
        return open_listener(self.engine, self.origin, uri)

    def checkpoint_in_background(self) -> None:
        """Copy the write-ahead log back into the file from a thread of its own from now on,
        never in a commit (:mod:`assembly.persistence.wal_checkpoint`): for the window, where
        a commit that fills the log would keep the desk waiting. Nothing on PostgreSQL or a
        read-only file."""
        if self.read_only or self.is_postgresql or self._checkpoints is not None:
            return
        sa.event.listen(self.engine, "connect", _no_autocheckpoint)
        self.engine.dispose()  # the connections opened before take the setting when reopened
        self._checkpoints = BackgroundCheckpoints(self.path)

    def close(self) -> None:
        """Release the file (checkpointing the WAL when this was the last connection), and
        note beside it how it was left, so that the next opening need not read it through."""
        if self._checkpoints is not None:
            self._checkpoints.stop()
            self._checkpoints = None
        self.engine.dispose()
        if not self.read_only and not self.is_postgresql:
            _note_closed(self.path)


def _no_autocheckpoint(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    dbapi_conn.execute("PRAGMA wal_autocheckpoint=0")


def open_database(path: Path | str, *, create: bool = True) -> Database:
    """Open the Kuorum database at ``path``, creating it when missing and ``create`` is set.
    A ``postgresql://user:password@host:port/database`` URL opens it on a PostgreSQL server
    (an empty database there is migrated when ``create`` is set, else refused).

    A foreign, damaged or newer file raises :class:`StorageError` and is left untouched. An
    older Kuorum file is copied beside itself (``name.sqlite.bak-r0001-20261123T101500``) and
    then migrated to the current schema. A file that cannot be written (read-only file,
    folder or medium) opens read-only: reading works, each write is refused saying why.
    """
    if pg_database.is_postgresql_url(path):
        return _open_postgresql(str(path), create=create)
    path = Path(path).expanduser()
    refuse_network_share(path)
    exists = path.exists() and path.stat().st_size > 0
    if not exists and not create:
        raise StorageError(
            tr(
                "Berkas {path} tidak dapat dibaca: {detail}",
                path=path,
                detail=tr("berkas tidak ada"),
            )
        )
    revision = None
    if exists and not _writable(path):
        return _open_read_only(path)
    if exists:
        revision = _inspect_existing(path, full=not _closed_cleanly(path))
        if revision != head_revision():
            _backup(path, revision or "kosong")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = _engine(path)
    try:
        if revision != head_revision():
            _migrate(engine)
    except sa.exc.OperationalError as exc:
        engine.dispose()
        raise _busy_or_unreadable(path, exc) from exc
    db = Database(engine, path)
    # A run that stopped between a secret ballot's close and the truncation left its frames.
    truncate_wal(db, wait_ms=0)
    return db


def _open_postgresql(url: str, *, create: bool) -> Database:
    """Open the Kuorum database at a PostgreSQL ``url`` (see :mod:`pg_database`)."""
    engine = pg_database.create_engine(url)
    try:
        revision = pg_database.inspect(engine, url, known_revisions())
        if revision is None and not create:
            raise pg_database.empty_refusal(url)
        if revision != head_revision():
            pg_database.migrate(engine, _upgrade)
    except sa.exc.OperationalError as exc:
        engine.dispose()
        raise pg_database.refusal(url, exc) from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, pg_database.local_path(url), url=url)


def truncate_wal(db: Database, wait_ms: int = 2000) -> bool:
    """Copy every committed page from the WAL into the database file and cut the WAL to zero
    bytes (``wal_checkpoint(TRUNCATE)``), so no earlier version of a page stays readable in
    it. Waits up to ``wait_ms`` for other desks' reads to finish; False when it could not
    (another desk is reading or writing now, or the file is read-only: the next close or
    start tries again).

    On PostgreSQL the same end is reached by rewriting the secret ballot's tables and
    ending the WAL segment (:func:`pg_database.scrub_after_secret_ballot`)."""
    if db.is_postgresql:
        return pg_database.scrub_after_secret_ballot(db.engine)
    wal = db.path.with_name(db.path.name + "-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        return True  # nothing to empty (and no need to open the file for it)
    try:
        raw = db.engine.raw_connection()
    except sa.exc.DBAPIError:
        return False
    try:
        conn = raw.driver_connection
        assert isinstance(conn, sqlite3.Connection)
        conn.execute(f"PRAGMA busy_timeout={int(wait_ms)}")
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    except sqlite3.Error:
        return False
    finally:
        raw.close()
    return bool(busy == 0)


def _writable(path: Path) -> bool:
    """Whether Kuorum may write ``path`` and create its journal files beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


def _read_only_uri(path: Path) -> str:
    """The URI that reads ``path`` without writing anything: ``immutable`` when no write-ahead
    log is pending (nothing can change a file nobody may write), else read-only mode, which
    reads the log through its existing shared-memory file."""
    wal = path.with_name(path.name + "-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    return f"{path.resolve().as_uri()}?mode=ro" + ("" if pending else "&immutable=1")


def _open_read_only(path: Path) -> Database:
    """Open a file Kuorum may not write: checked like any other, never migrated."""
    uri = _read_only_uri(path)
    revision = _inspect_existing(path, uri)
    if revision != head_revision():
        raise StorageError(
            tr(
                "Berkas {path} hanya dapat dibaca dan dibuat oleh versi Kuorum yang lebih lama; "
                "salin ke folder yang dapat ditulis agar dapat diperbarui.",
                path=path,
            )
        )
    engine = sa.create_engine(
        "sqlite://",
        creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
    )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return Database(engine, path, read_only=True)


def _read_only_refusal(path: Path) -> str:
    return tr(
        "Basis data {path} hanya dapat dibaca (berkas, folder atau disknya tidak boleh "
        "ditulis); perubahan tidak disimpan. Melihat, memeriksa dan mengekspor tetap dapat; "
        "untuk mencatat, salin berkasnya ke folder yang dapat ditulis.",
        path=path,
    )


def _not_saved(path: Path, exc: BaseException) -> str:
    return tr(
        "Catatan ini tidak disimpan: {detail} ({folder}). Tidak ada yang berubah. "
        "Kosongkan ruang di disk itu lalu ulangi; rapat dapat dilanjutkan.",
        detail=_detail(path, exc),
        folder=path.parent,
    )


def _detail(path: Path, exc: BaseException) -> str:
    """The disk's problem; SQLite reports a write that found no space as an I/O error, so a
    disk with (almost) nothing free is called full."""
    try:
        nearly_full = shutil.disk_usage(path.parent).free < 1 << 20
    except OSError:
        nearly_full = False
    return tr("disk penuh") if nearly_full else disk_problem(exc)


# File systems whose locks and shared memory do not reach across machines (docs/two-desks.md).
_NETWORK_FS = ("cifs", "smb", "smbfs", "smb3", "nfs", "nfs4", "afs", "9p", "fuse.sshfs",
               "davfs", "fuse.rclone", "ncpfs", "coda", "fuse.gvfsd-fuse", "glusterfs", "ceph")  # fmt: skip


def network_filesystem(path: Path, mounts: str | None = None) -> str | None:
    """The kind of network file system ``path`` lies on ("cifs", "nfs4", "SMB"...), or None
    for a local disk. ``mounts`` is the text of /proc/mounts (read when None, on Linux)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return "SMB"  # a Windows UNC path: \\server\share\...
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
        drive_remote = 4
        kind = ctypes.windll.kernel32.GetDriveTypeW(drive)  # type: ignore[attr-defined]
        return "SMB" if kind == drive_remote else None
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text()
        except OSError:
            return None  # macOS and others: not detected; docs/two-desks.md says so
    resolved = Path(os.path.abspath(text))
    best, kind = -1, None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = Path(fields[1].replace("\\040", " "))
        if (resolved == point or point in resolved.parents) and len(point.parts) > best:
            best, kind = len(point.parts), fields[2]
    return kind if kind is not None and kind.casefold() in _NETWORK_FS else None


def refuse_network_share(path: Path, mounts: str | None = None) -> None:
    """Refuse a database in a shared network folder: SQLite's WAL needs shared memory and
    locks that only work between processes of one computer, so two desks on two computers
    could each overwrite the other's check-ins (https://sqlite.org/wal.html)."""
    kind = network_filesystem(path, mounts)
    if kind is not None:
        raise StorageError(
            tr(
                "Berkas {path} berada di folder jaringan ({kind}). Kuorum tidak membuka basis "
                "data lewat jaringan karena dua komputer dapat saling menimpa catatan; salin "
                "berkasnya ke disk komputer ini, atau pakai satu komputer dengan beberapa meja.",
                path=path,
                kind=kind,
            )
        )


def _engine(path: Path) -> sa.Engine:
    engine = sa.create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_S},
    )

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy's begin event issue BEGIN, not the driver (SQLAlchemy's SQLite recipe).
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        write = conn.get_execution_options().get("kuorum_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def known_revisions() -> list[str]:
    """The schema revisions this version knows, oldest first.

    Revision files are named ``rNNNN_<name>.py`` and form one line, so the file names tell the
    order without loading Alembic at every start; each id is read from the file's
    ``revision = "..."`` line. A test checks this against Alembic's own view."""
    found = []
    for path in sorted((_MIGRATIONS / "versions").glob("r[0-9]*.py")):
        match = _REVISION.search(path.read_text(encoding="utf-8"))
        found.append(match.group(1) if match else path.stem.split("_", 1)[0])
    return found


def head_revision() -> str:
    """The newest schema revision."""
    return known_revisions()[-1]


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return config


def _upgrade(conn: sa.Connection) -> None:
    """Alembic to head on ``conn`` (either engine)."""
    from alembic import command

    config = _alembic_config()
    config.attributes["connection"] = conn
    command.upgrade(config, "head")


def _migrate(engine: sa.Engine) -> None:
    with engine.connect() as conn:
        conn = conn.execution_options(kuorum_write=True)
        _upgrade(conn)
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        conn.commit()


# A file this Kuorum closed is not read through again at its next opening (PRAGMA quick_check
# reads every page: 1.6 s of the start at 300,000 members). Closing leaves beside the file a note
# of its size, change time and inode ("kuorum.sqlite-closed"); opening takes the note away and
# reads the whole file through unless the note matches it exactly. After a crash or a power cut
# (no note), or when anything else wrote the file (it no longer matches), the file is checked.
CLOSED_SUFFIX = "-closed"


def _stamp(path: Path) -> str:
    status = path.stat()
    return f"{status.st_size}:{status.st_mtime_ns}:{status.st_ino}"


def _note_closed(path: Path) -> None:
    """Note how the file was left, when nothing else holds it open (its WAL is gone)."""
    wal = path.with_name(path.name + "-wal")
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return
        path.with_name(path.name + CLOSED_SUFFIX).write_text(_stamp(path), encoding="ascii")
    except OSError:
        pass  # no note: the next opening checks the file in full


def _closed_cleanly(path: Path) -> bool:
    """Whether the file is exactly as this Kuorum closed it; the note is taken away either
    way, so that a session that ends without closing leaves the next opening to check."""
    note = path.with_name(path.name + CLOSED_SUFFIX)
    try:
        noted = note.read_text(encoding="ascii")
        note.unlink()
    except (OSError, UnicodeDecodeError):
        return False
    try:
        return noted == _stamp(path)
    except OSError:
        return False


def _inspect_existing(path: Path, uri: str | None = None, *, full: bool = True) -> str | None:
    """Check that ``path`` is an intact Kuorum database this version can open; its revision.
    ``uri`` opens it another way than read-only mode (a file Kuorum may not write); ``full``
    reads every page to check it (PRAGMA quick_check), not only its header and schema."""
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StorageError(
            tr("Berkas {path} tidak dapat dibaca: {detail}", path=path, detail=exc.strerror)
        ) from exc
    if header != SQLITE_HEADER:
        raise StorageError(tr("Berkas {path} bukan basis data Kuorum.", path=path))
    try:
        conn = sqlite3.connect(
            uri or f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S
        )
    except sqlite3.Error as exc:
        raise _busy_or_unreadable(path, exc) from exc
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise StorageError(tr("Berkas {path} bukan basis data Kuorum.", path=path))
        check = conn.execute("PRAGMA quick_check").fetchall() if full else [("ok",)]
        if check != [("ok",)]:
            detail = "; ".join(str(row[0]) for row in check[:3])
            raise StorageError(
                tr("Berkas {path} rusak dan tidak dapat dibuka: {detail}", path=path, detail=detail)
            )
        has_version = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        row = (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if has_version
            else None
        )
        revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _busy_or_unreadable(path, exc) from exc
        if isinstance(exc, sqlite3.OperationalError) and (
            is_disk_failure(exc) or "unable to open" in str(exc)
        ):
            # The disk refusing (full, read-only, failing) is not a damaged file.
            raise StorageError(
                tr(
                    "Berkas {path} tidak dapat dibuka sekarang: {detail}. Berkasnya tidak "
                    "rusak; perbaiki lalu buka lagi.",
                    path=path,
                    detail=_detail(path, exc),
                )
            ) from exc
        raise StorageError(
            tr("Berkas {path} rusak dan tidak dapat dibuka: {detail}", path=path, detail=exc)
        ) from exc
    finally:
        conn.close()
    known = set(known_revisions())
    if revision is not None and revision not in known:
        raise StorageError(
            tr(
                "Berkas {path} dibuat oleh versi Kuorum yang lebih baru. Perbarui Kuorum untuk "
                "membukanya; berkas tidak diubah.",
                path=path,
            )
        )
    return revision


def _backup(path: Path, revision: str) -> Path:
    """Copy ``path`` with SQLite's online backup before it is migrated."""
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.bak-{revision}-{stamp}")
    source = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def _busy_or_unreadable(path: Path, exc: Exception) -> StorageError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StorageError(tr("Basis data sedang dipakai oleh proses lain. Coba lagi sebentar."))
    return StorageError(tr("Berkas {path} tidak dapat dibaca: {detail}", path=path, detail=text))


def backup_to(db: Database, target: Path) -> None:
    """A consistent copy of the open database at ``target`` (SQLite online backup)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = db.engine.raw_connection()
    try:
        dest = sqlite3.connect(target)
        try:
            raw.driver_connection.backup(dest)  # type: ignore[union-attr]
        finally:
            dest.close()
    finally:
        raw.close()
