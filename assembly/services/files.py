"""Writing the files the user asks for whole or not at all: a temporary file beside the target,
flushed to disk, then renamed over it (DESIGN.md section 7: nothing half-written, even when the
power fails mid-export)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

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
        tr("Berkas {path} tidak dapat ditulis: {detail}", path=path, detail=exc.strerror or exc)
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
