"""Why a write to the disk failed, in the user's words (DESIGN.md section 7: a full disk, a
pulled stick or a read-only file gets a clear message, never a traceback or "damaged")."""

from __future__ import annotations

import errno

from assembly.i18n import tr

_FULL = (errno.ENOSPC, errno.EDQUOT)
_TOO_BIG = (errno.EFBIG,)
_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)
_GONE = (errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.ENOTDIR)


def disk_problem(exc: BaseException) -> str:
    """What went wrong, from an ``OSError``'s errno or an SQLite message."""
    number = getattr(exc, "errno", None)
    text = str(exc).lower()
    if number in _FULL or "disk is full" in text or "no space" in text:
        return tr("disk penuh")
    if number in _TOO_BIG or "file too large" in text or "too large" in text:
        return tr("berkas melebihi ukuran yang diizinkan di disk ini")
    if number in _READ_ONLY or "readonly" in text or "read-only" in text:
        return tr("folder hanya-baca atau tidak boleh ditulis")
    if number in _GONE:
        return tr("folder tidak ditemukan (flashdisk dicabut?)")
    if number == errno.EIO or "i/o error" in text:
        return tr("kesalahan baca-tulis pada disk")
    return getattr(exc, "strerror", None) or str(exc)


def is_disk_failure(exc: BaseException) -> bool:
    """Whether ``exc`` (an SQLite error) is the disk refusing a write rather than bad data."""
    text = str(exc).lower()
    return any(
        mark in text
        for mark in ("disk is full", "i/o error", "readonly database", "too large", "no space")
    )
