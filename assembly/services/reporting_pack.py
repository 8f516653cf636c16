"""The reporting pack for the ministry's systems (issue 5, item 7): one folder with the
berita acara (the signed one when given, else a fresh unsigned export named as such), the
Daftar Hadir, the decisions summary ``keputusan.csv`` and a ``README.txt`` in Indonesian that
lists every file with its SHA-256.

The pack is written into a temporary folder beside the target and renamed into place at the
end, so a failure or a cancel never leaves half a pack. A signed PDF is verified first and a
broken or unsigned one is refused before anything is written. Nothing here changes the
meeting's records.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from assembly.domain.cooperative import TimeZone
from assembly.domain.errors import DomainError
from assembly.domain.local_time import shown
from assembly.domain.minutes import full_title
from assembly.i18n import tr, translator
from assembly.persistence import cooperative_store, document_store
from assembly.services import minutes_csv
from assembly.services.anchor_check import AnchorService
from assembly.services.context import ServiceContext
from assembly.services.documents import DocumentService
from assembly.services.files import held, unwritable
from assembly.services.kept_minutes import kept_file
from assembly.services.meeting_lookup import ProfileCache, require_meeting
from assembly.services.minutes import MinutesService
from assembly.services.progress import Progress
from assembly.services.signing import SigningService

SIGNED_NAME = "berita_acara_ditandatangani.pdf"
UNSIGNED_NAME = "berita_acara_BELUM_DITANDATANGANI.pdf"
ATTENDANCE_NAME = "daftar_hadir.pdf"
DECISIONS_NAME = "keputusan.csv"
README_NAME = "README.txt"
_STEPS = 5


@dataclass(frozen=True)
class PackFile:
    """One file of the pack: its name, size in bytes and SHA-256."""

    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class ReportingPack:
    """A written pack: its folder, its files (README last) and whether the berita acara in
    it is the signed one."""

    folder: Path
    files: tuple[PackFile, ...]
    signed: bool


class ReportingPackService:
    """Writes a meeting's reporting pack into a new folder."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._profiles = ProfileCache()

    def signed_file(self, meeting_id: int) -> Path | None:
        """The signed berita acara this database knows for the meeting: the file it was
        signed into, when it is still there with the hash recorded at the lock."""
        with self._ctx.db.read() as conn:
            record = document_store.signed_minutes(conn, meeting_id)
            known = document_store.remembered_path(conn, meeting_id)
        if record is None or known is None:
            return None
        path = Path(known)
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None
        return path if digest == record.sha256 else None

    def write(
        self,
        meeting_id: int,
        folder: Path | str,
        signed_pdf: Path | str | None = None,
        *,
        paper: str = "A4",
        progress: Progress | None = None,
    ) -> ReportingPack:
        """Write the pack of ``meeting_id`` into ``folder`` (new, or an empty folder). With
        ``signed_pdf`` that file is verified and copied; without it an unsigned berita acara
        is exported and named so. The documents are in Indonesian."""
        progress = progress or Progress()
        folder = Path(folder)
        _check_target(folder)
        with self._ctx.db.read() as conn:
            meeting = require_meeting(conn, meeting_id)
            coop = cooperative_store.load(conn)
            profile = self._profiles.get(conn, meeting.profile_version)
            summary = minutes_csv.decision_summary(conn, meeting, profile)
            locked_with = document_store.signed_minutes(conn, meeting_id)
            recorded = locked_with.sha256 if locked_with else None
            # A locked meeting's berita acara is the file signed at the lock, never a re-render.
            kept = kept_file(conn, meeting_id)
        signed_sha = ""
        if signed_pdf is not None:
            report = SigningService(self._ctx).verify(Path(signed_pdf))
            if not report.all_valid:
                raise DomainError(
                    tr(
                        "Berita acara {path} tidak lolos pemeriksaan tanda tangan: {summary} "
                        "Paket laporan tidak dibuat.",
                        path=signed_pdf,
                        summary=report.summary(),
                    )
                )
            signed_sha = report.sha256
            if recorded is not None and signed_sha != recorded:
                # A locked meeting's berita acara is the one whose SHA-256 was recorded when the
                # last signature went on; any other file is not this meeting's signed minutes.
                raise DomainError(
                    tr(
                        "Berkas {path} bukan berita acara bertanda tangan yang tercatat untuk "
                        "rapat ini (SHA-256 {sha}). Paket laporan tidak dibuat.",
                        path=signed_pdf,
                        sha=recorded,
                    )
                )
        differences = AnchorService(self._ctx).mismatches(
            meeting_id, Path(signed_pdf).read_bytes() if signed_pdf is not None else None
        )
        if differences:
            # The pack would carry records the signed berita acara no longer vouches for.
            raise DomainError(
                tr(
                    "Basis data tidak lagi cocok dengan berita acara yang ditandatangani: "
                    "{differences}. Paket laporan tidak dibuat.",
                    differences="; ".join(differences),
                )
            )
        progress.step(0, _STEPS)
        try:
            temp = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}.",
                                         suffix=".part"))  # fmt: skip
        except OSError as exc:
            raise unwritable(folder, exc) from exc
        signed = signed_pdf is not None or kept is not None
        try:
            with held(temp):
                if signed_pdf is not None:
                    minutes_name = SIGNED_NAME
                    shutil.copyfile(signed_pdf, temp / SIGNED_NAME)
                    if _sha256(temp / SIGNED_NAME) != signed_sha:  # changed since it was checked
                        raise DomainError(
                            tr("Berkas {path} berubah saat disalin; ulangi.", path=signed_pdf)
                        )
                elif kept is not None:
                    minutes_name = SIGNED_NAME
                    (temp / SIGNED_NAME).write_bytes(kept)
                else:
                    minutes_name = UNSIGNED_NAME
                    MinutesService(self._ctx).export(meeting_id, temp / UNSIGNED_NAME, paper, "id")
                progress.step(1, _STEPS)
                DocumentService(self._ctx).attendance_list(
                    meeting_id, temp / ATTENDANCE_NAME, "id", paper=paper
                )
                progress.step(2, _STEPS)
                (temp / DECISIONS_NAME).write_bytes(minutes_csv.decisions_csv(summary))
                progress.step(3, _STEPS)
                files = [
                    _describe(temp / n) for n in (minutes_name, ATTENDANCE_NAME, DECISIONS_NAME)
                ]
                t = translator("id")
                heading = [
                    tr("PAKET LAPORAN RAPAT ANGGOTA"),
                    coop.name if coop else "",
                    f"{full_title(meeting, t)}, {meeting.date.strftime('%d-%m-%Y')}",
                    tr("Nomor berita acara: {number}", number=meeting.document_number or "-"),
                    tr(
                        "Dibuat oleh Kuorum pada {when}.",
                        when=shown(self._ctx.now(), coop.time_zone if coop else TimeZone.WIB),
                    ),
                ]
                (temp / README_NAME).write_text(
                    _readme(heading, files, signed), encoding="utf-8", newline="\r\n"
                )
                progress.step(4, _STEPS)
                for path in temp.iterdir():
                    _fsync(path)
                if folder.exists():
                    folder.rmdir()  # checked empty above; a rename needs it gone on every system
                os.replace(temp, folder)
        except OSError as exc:
            shutil.rmtree(temp, ignore_errors=True)
            raise unwritable(folder, exc) from exc
        except BaseException:
            shutil.rmtree(temp, ignore_errors=True)
            raise
        progress.step(_STEPS, _STEPS)
        return ReportingPack(folder, (*files, _describe(folder / README_NAME)), signed)


def _check_target(folder: Path) -> None:
    if not folder.parent.is_dir():
        raise DomainError(tr("Folder {folder} tidak ada", folder=folder.parent))
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise DomainError(
            tr(
                "Folder {folder} sudah berisi berkas; pilih folder baru atau yang masih kosong.",
                folder=folder,
            )
        )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _describe(path: Path) -> PackFile:
    return PackFile(path.name, path.stat().st_size, _sha256(path))


def _fsync(path: Path) -> None:
    with path.open("rb") as f:
        os.fsync(f.fileno())


def _readme(heading: list[str], files: list[PackFile], signed: bool) -> str:
    what = {
        SIGNED_NAME: tr(
            "Berita acara rapat yang telah ditandatangani secara elektronik "
            "(tanda tangan diperiksa: sah dan utuh)."
        ),
        UNSIGNED_NAME: tr(
            "Berita acara rapat, BELUM ditandatangani. Bukan dokumen resmi "
            "sebelum ditandatangani pimpinan rapat."
        ),
        ATTENDANCE_NAME: tr("Daftar hadir rapat."),
        DECISIONS_NAME: tr(
            "Ringkasan keputusan per acara: cara, perolehan suara, kehadiran "
            "saat pemungutan suara, aturan dan hasil (CSV, UTF-8, koma)."
        ),
    }
    lines = [line for line in heading if line]
    lines += ["", tr("Isi paket:"), ""]
    for n, f in enumerate(files, start=1):
        lines.append(f"{n}. {f.name} ({f.size:,} byte)".replace(",", "."))
        lines.append(f"   {what[f.name]}")
        lines.append(f"   SHA-256: {f.sha256}")
        lines.append("")
    lines.append(tr("Periksa keutuhan setiap berkas dengan membandingkan nilai SHA-256 di atas."))
    if signed:
        lines.append(
            tr("Tanda tangan elektronik dapat diperiksa dengan: python main.py verify BERKAS.pdf")
        )
    return "\n".join(lines) + "\n"
