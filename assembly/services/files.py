"""Writing the files the user asks for whole or not at all: a temporary file beside the target,
flushed to disk, then renamed over it (DESIGN.md section 7: nothing half-written, even when the
power fails mid-export).

The temporary file (``.<name>.<random>.part``) is held under an exclusive ``flock`` while it is
written, so a later start can tell a file left by a killed export (no one holds it) from one
another desk is writing right now (held), and remove only the former
(:func:`remove_leftovers`). Where ``flock`` does not exist, a leftover is one older than a day.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TypeVar

from assembly.domain.disk import disk_problem
from assembly.domain.errors import DomainError
from assembly.i18n import tr

T = TypeVar("T")


def require_folder(path: Path | str) -> Path:
    """``path`` as a Path, refused at once when its folder does not exist."""
    path = Path(path)
    if not path.parent.is_dir():
        raise DomainError(tr("Folder {folder} tidak ada", folder=path.parent))
    return path


def unwritable(path: Path, exc: OSError) -> DomainError:
    """The refusal when the disk will not take a file: which file, and the system's reason."""
    return DomainError(
        tr(
            "Berkas {path} tidak dapat ditulis: {detail}. Tidak ada yang ditulis; perbaiki lalu "
            "ulangi.",
            path=path,
            detail=disk_problem(exc),
        )
    )


def write_atomically(
    path: Path | str, write: Callable[[BinaryIO], T], *, mode: int | None = None
) -> T:
    """Run ``write`` into a temporary file beside ``path``, then move it over ``path``; what
    ``write`` returned. ``mode`` sets the file's permissions (the temporary file is 0600)."""
    path = require_folder(path)
    try:
        handle, temp_name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".part"
        )
    except OSError as exc:
        raise unwritable(path, exc) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            _hold(out.fileno())  # until the rename: a start must not take it for a leftover
            result = write(out)
            out.flush()
            os.fsync(out.fileno())
            if mode is not None:
                os.chmod(temp, mode)
            os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise unwritable(path, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return result


PART_PATTERN = ".*.part"
# Only names our temporary files have: ``.<target name>.<8 random characters>.part`` (tempfile's
# alphabet) and the backups' ``.kuorum-<8>.part``; another program's ``.part`` stays.
_OURS = re.compile(r"^\.(kuorum-|.+\.)[a-z0-9_]{8}\.part$")
_STALE_SECONDS = 24 * 3600  # without flock: a leftover is a day old


def _hold(fd: int) -> None:
    """Hold an exclusive lock on the temporary file while it is written (POSIX)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: leftovers are told apart by age
        return
    with contextlib.suppress(OSError):
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


@contextlib.contextmanager
def held(folder: Path) -> Iterator[None]:
    """Hold ``folder`` (a ``.part`` folder being filled) so no start removes it meanwhile."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        _hold(fd)
        yield
    finally:
        os.close(fd)


def _abandoned(path: Path) -> bool:
    """Whether no live process is writing ``path`` (a ``.part`` file or folder)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return time.time() - path.stat().st_mtime > _STALE_SECONDS
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # held: an export is being written right now
    finally:
        os.close(fd)
    return True


def remove_leftovers(folders: Iterable[Path]) -> list[Path]:
    """Remove the temporary ``.part`` files (and half-built pack folders) that killed exports
    left in ``folders``; the paths removed. Files being written right now are kept."""
    removed: list[Path] = []
    seen: set[Path] = set()
    for folder in folders:
        folder = Path(folder).absolute()
        if folder in seen or not folder.is_dir():
            continue
        seen.add(folder)
        try:
            candidates = sorted(p for p in folder.glob(PART_PATTERN) if _OURS.match(p.name))
        except OSError:
            continue
        for path in candidates:
            if not _abandoned(path):
                continue
            try:
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
            except OSError:
                continue
            removed.append(path)
    return removed
