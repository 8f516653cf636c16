"""Importing the member register from the CSV or XLSX file a cooperative has kept for years:
a preview that lists every problem by row and column and what a re-import changes, then one
transaction that writes every row or none.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path

from assembly.domain.collection import collection_paused
from assembly.domain.errors import DomainError, ValidationError
from assembly.domain.quorum import thousands
from assembly.i18n import tr
from assembly.persistence import audit_log, member_store
from assembly.services.changes import Area, Changes, Done
from assembly.services.context import ServiceContext
from assembly.services.import_checks import check_rows
from assembly.services.import_frame import frame_preview
from assembly.services.import_preview import ImportOutcome, ImportPreview
from assembly.services.progress import Progress
from assembly.services.register_files import read_bytes, read_table

_STEP = 2000  # rows between progress reports (and chances to cancel)


class ImportService:
    """Reads a register file into a preview, and commits a preview in one transaction."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def preview(
        self,
        path: Path,
        mapping: Mapping[str, str] | None = None,
        progress: Progress | None = None,
        *,
        header_row: int | None = None,
    ) -> ImportPreview:
        """Read the whole file and check every row; nothing is written.

        ``mapping`` (register field -> column title, "" for none) overrides the detected
        columns field by field; ``header_row`` (1-based) overrides where the titles are."""
        progress = progress or Progress()
        path = Path(path)
        progress.step(0, 0)
        with collection_paused():
            data = read_bytes(path)
            digest = hashlib.sha256(data).hexdigest()
            table = read_table(path, data, progress)
            del data  # the rows are all that is needed now (memory: 300,000-row files)
            progress.step(0, 0)
            preview = frame_preview(path, digest, table, mapping or {}, header_row)
            del table
            check_rows(self._ctx, preview, progress)
        return preview

    def commit(
        self, preview: ImportPreview, progress: Progress | None = None
    ) -> Done[ImportOutcome]:
        """Write every new and changed member of ``preview``, or nothing: refused while the
        preview has blocking problems, when the file changed since, or when the register
        changed under the file's numbers or NIKs meanwhile. Cancelling rolls everything
        back."""
        progress = progress or Progress()
        if preview.blocking:
            raise ValidationError(
                [p for p in preview.problems if not p.warning],
                tr("Impor ditolak: perbaiki dulu masalah pada berkas."),
            )
        if hashlib.sha256(read_bytes(preview.path)).hexdigest() != preview.sha256:
            raise DomainError(
                tr(
                    "Berkas {name} berubah sejak pratinjau dibuat; periksa ulang sebelum "
                    "mengimpor.",
                    name=preview.path.name,
                )
            )
        total = len(preview.new) + len(preview.changed)
        outcome = ImportOutcome(
            added=len(preview.new),
            updated=len(preview.changed),
            unchanged=preview.unchanged_count,
            file=preview.path.name,
            sha256=preview.sha256,
            summary=tr(
                "Impor selesai: {new} anggota baru ditambahkan, {changed} diperbarui, "
                "{same} tidak berubah.",
                new=thousands(len(preview.new)),
                changed=thousands(len(preview.changed)),
                same=thousands(preview.unchanged_count),
            ),
        )
        if total == 0:
            return Done(outcome, Changes())  # the register already holds the file: no event
        with collection_paused(), self._ctx.db.write() as conn:
            numbers = {m.number for m in preview.new} | preview.register_numbers.keys()
            now_numbers = member_store.by_numbers(conn, numbers)
            now_niks = member_store.nik_owners(conn, preview.register_niks.keys() | _niks(preview))
            if now_numbers != preview.register_numbers or now_niks != preview.register_niks:
                raise DomainError(
                    tr(
                        "Buku daftar anggota berubah sejak pratinjau dibuat; periksa ulang "
                        "sebelum mengimpor."
                    )
                )
            progress.step(0, total)
            with member_store.bulk_insert(conn, len(preview.new)):
                for start in range(0, len(preview.new), _STEP):
                    member_store.insert_many(conn, preview.new[start : start + _STEP])
                    progress.step(min(start + _STEP, len(preview.new)), total)
            for done, change in enumerate(preview.changed, len(preview.new) + 1):
                member_store.update(conn, change.after)
                if done % _STEP == 0:
                    progress.step(done, total)
            progress.step(total, total)
            audit_log.append(conn, self._ctx.actor, "members.imported", _audit(preview))
        return Done(outcome, Changes.of(Area.MEMBERS))


def _niks(preview: ImportPreview) -> set[str]:
    found = {m.nik for m in preview.new if m.nik}
    found |= {c.after.nik for c in preview.changed if c.after.nik}
    return found


def _audit(preview: ImportPreview) -> dict[str, object]:
    return {
        "file": preview.path.name,
        "sha256": preview.sha256,
        "sheet": preview.sheet,
        "header_row": preview.header_row,
        "mapping": preview.mapping,
        "added": len(preview.new),
        "updated": len(preview.changed),
        "unchanged": preview.unchanged_count,
        "changed": [
            {
                "id": c.before.id,
                "number": c.before.number,
                "before": {f: getattr(c.before, f) for f in c.fields},
                "after": {f: getattr(c.after, f) for f in c.fields},
            }
            for c in preview.changed
        ],
    }
