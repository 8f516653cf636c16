"""Copying the cooperative into the host laptop's database before a multi-desk RAT, and the whole
cooperative back out into one SQLite file at its end, the file the secretary keeps with the
signed berita acara (DESIGN.md section 9). Each copy is checked afterwards: the audit chain of
the copy must verify."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.persistence.cooperative_copy import copy_cooperative
from assembly.persistence.database import open_database, truncate_wal
from assembly.services.bundle import Services
from assembly.services.context import ServiceContext
from assembly.services.progress import Progress


@dataclass(frozen=True)
class CopyResult:
    """What was copied where, and what ``audit verify`` said of the copy."""

    target: str
    rows: int
    tables: int
    audit_intact: bool
    audit_summary: str

    def lines(self) -> list[str]:
        """The result as lines for a terminal."""
        return [
            tr(
                "Disalin ke {target}: {rows} baris dari {tables} tabel.",
                target=self.target,
                rows=f"{self.rows:,}".replace(",", "."),
                tables=self.tables,
            ),
            tr("Log audit salinan: {summary}", summary=self.audit_summary),
        ]


def copy_between(
    source: Path | str, target: Path | str, progress: Progress | None = None
) -> CopyResult:
    """Copy the whole cooperative in ``source`` (a SQLite file or a host's URL) into
    ``target`` (a new SQLite file, or a host's empty database). A target file that exists is
    refused; a copy that fails or is cancelled leaves no target file behind."""
    progress = progress or Progress()
    new_file = isinstance(target, Path)
    if new_file:
        assert isinstance(target, Path)
        if target.exists():
            raise DomainError(
                tr(
                    "Berkas {path} sudah ada; pilih nama berkas baru untuk salinan koperasi. "
                    "Tidak ada yang disalin.",
                    path=target,
                )
            )
    src = open_database(source, create=False)
    try:
        if Services(ServiceContext(src)).cooperative.cooperative() is None:
            raise DomainError(
                tr("{source} belum berisi koperasi; tidak ada yang disalin.", source=_shown(source))
            )
        dst = open_database(target, create=True)
        try:
            counts = copy_cooperative(src, dst, progress.step)
            report = Services(ServiceContext(dst)).audit.verify()
            if dst.engine.dialect.name == "sqlite":
                truncate_wal(dst)
        except BaseException:
            dst.close()
            if new_file:
                _remove_file(Path(target))
            raise
        dst.close()
    finally:
        src.close()
    return CopyResult(
        target=_shown(target),
        rows=counts.total,
        tables=len(counts.rows),
        audit_intact=report.intact,
        audit_summary=report.summary if report.intact else "; ".join(report.problems),
    )


def _shown(target: Path | str) -> str:
    """A file's path, or a host's URL without its password."""
    text = str(target)
    if "://" in text and "@" in text:
        scheme, rest = text.split("://", 1)
        return f"{scheme}://{rest.split('@', 1)[1]}"
    return text


def _remove_file(path: Path) -> None:
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        leftover.unlink(missing_ok=True)
