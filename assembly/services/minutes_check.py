"""``minutes check``: does every figure the berita acara states reconcile with the records
and with the PDF's own attachments? (issue 11, point 2)

The berita acara is rendered exactly as it would be exported, with the page each figure lands
on; the records are recounted by another road (:mod:`assembly.services.minutes_recount`);
and the rendered file's attachments are recounted as a member would with ``verify
--numbers`` (:mod:`assembly.services.numbers_check`). Every figure that disagrees is listed
with its page and clause. Nothing here changes the database.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assembly.domain.errors import DomainError
from assembly.domain.figures import Figure, Mismatch, compare
from assembly.domain.meeting import Meeting
from assembly.i18n import tr
from assembly.services import minutes_recount, numbers_check
from assembly.services.changes import Done
from assembly.services.context import ServiceContext
from assembly.services.files import require_folder, write_atomically
from assembly.services.meeting_lookup import ProfileCache
from assembly.services.meetings import MeetingService

if TYPE_CHECKING:
    from assembly.services.minutes import MinutesService


@dataclass(frozen=True)
class CheckReport:
    """The outcome of the check: how many figures the berita acara states, and each one
    that does not reconcile (empty when all do)."""

    meeting_id: int
    stated: int
    pages: int
    mismatches: tuple[Mismatch, ...]

    @property
    def ok(self) -> bool:
        """Whether every figure reconciles."""
        return not self.mismatches

    def lines(self) -> list[str]:
        """One line per mismatch, by page, as the secretary reads them."""
        return [mismatch_line(m) for m in self.mismatches]

    @property
    def summary(self) -> str:
        """One line: passed, or how many figures do not reconcile."""
        if self.ok:
            return tr(
                "Semua {count} angka dalam berita acara ({pages} halaman) sesuai dengan catatan "
                "dan lampiran datanya.",
                count=self.stated,
                pages=self.pages,
            )
        return tr(
            "{count} angka dalam berita acara tidak sesuai dengan catatan:",
            count=len(self.mismatches),
        )


class MinutesCheckService:
    """Recomputes every figure of a meeting's berita acara and lists those that differ."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._profiles = ProfileCache()

    def check(
        self, meeting_id: int, lang: str = "id", *, keep: Path | None = None, paper: str = "A4"
    ) -> CheckReport:
        """The reconciliation of the meeting's berita acara; refused (DomainError) for a
        missing or draft meeting, like the export. With ``keep`` the berita acara checked
        is also written there (the review screen shows exactly what was checked)."""
        out = io.BytesIO()
        from assembly.pdf.embedded import embedded_files

        rendered = _minutes(self._ctx).render(meeting_id, out, paper, lang)
        figures = rendered.figures
        found = self._against_records(rendered.meeting, figures, from_history=True)
        files = embedded_files(out.getvalue())
        people, numbers = numbers_check.parse_attendance(files[numbers_check.ATTENDANCE_FILE])
        votes = json.loads(files[numbers_check.VOTES_FILE].decode("utf-8"))
        listed = {m.key for m in found}
        from_file = numbers_check.check_figures(figures, people, numbers, votes)
        found += [m for m in from_file.mismatches if m.key not in listed]
        if keep is not None:
            write_atomically(require_folder(keep), lambda f: f.write(out.getvalue()))
        return _report(meeting_id, len(figures), rendered.pages, found)

    def quick_check(self, meeting_id: int) -> CheckReport:
        """The check against the records only, without laying the pages out (so without
        page numbers): what closing a meeting asks, fast at any size. Attendance is
        recounted from the kept stays (one range scan, not the replay of the whole history):
        it checks what the berita acara adds up; the full :meth:`check` (the review before
        closing, ``minutes check``) holds the stays against the history."""
        meeting, figures = _minutes(self._ctx).stated(meeting_id)
        found = self._against_records(meeting, figures, from_history=False)
        return _report(meeting_id, len(figures), 0, found)

    def close(self, meeting_id: int, reason: str = "") -> Done[Meeting]:
        """Close the meeting after checking its figures. When they do not all reconcile the
        closing is refused unless a reason is given; the reason and what did not reconcile
        are recorded with the closing (audit log) and stated in the berita acara."""
        report = self.quick_check(meeting_id)
        if report.ok:
            return self._meetings().close(meeting_id, {"angka": "sesuai"})
        if not reason.strip():
            raise CheckFailed(report)
        return self._meetings().close(
            meeting_id,
            {
                "angka": "tidak sesuai",
                "tidak_sesuai": [m.key for m in report.mismatches],
                "alasan": " ".join(reason.split()),
            },
        )

    def _meetings(self) -> MeetingService:
        return MeetingService(self._ctx)

    def _against_records(
        self, meeting: Meeting, figures: Sequence[Figure], *, from_history: bool
    ) -> list[Mismatch]:
        with self._ctx.db.read() as conn:
            profile = self._profiles.get(conn, meeting.profile_version)
            recount = minutes_recount.recount(conn, meeting, profile, from_history=from_history)
        found = compare(figures, recount.figures)
        where = {f.key: f for f in figures}
        for key, (stored, counted) in recount.snapshots.items():
            near = where.get(key.rsplit(".", 1)[0] + ".hadir")
            found.append(
                Mismatch(
                    key, stored, counted, near.anchor if near else "", near.page if near else 0
                )
            )
        # The tally the berita acara prints (the secret box's totals, a counted or named
        # tally, as the records hold them now) decides another result than the tally recorded
        # at the close: shown where the result stands, unless already listed there.
        listed = {m.key for m in found}
        for key, (now, closing) in recount.results.items():
            if key not in listed:
                at = where.get(key)
                found.append(
                    Mismatch(key, now, closing, at.anchor if at else "", at.page if at else 0)
                )
        return found


class CheckFailed(DomainError):
    """Closing refused: figures of the berita acara do not reconcile and no reason was given.
    Carries the report, so that the screen can show what does not reconcile while it asks."""

    def __init__(self, report: CheckReport) -> None:
        super().__init__(
            tr(
                "{count} angka berita acara tidak sesuai dengan catatan rapat. Periksa dahulu, "
                "atau tuliskan alasan menutup rapat; alasan itu dicatat dan dimuat dalam "
                "berita acara.",
                count=len(report.mismatches),
            )
        )
        self.report = report


def _report(meeting_id: int, stated: int, pages: int, found: list[Mismatch]) -> CheckReport:
    ordered = sorted(found, key=lambda m: (m.page or 10**6, m.place, m.key))
    return CheckReport(meeting_id, stated, pages, tuple(ordered))


def mismatch_line(m: Mismatch) -> str:
    """ "Halaman 2 (III.5.d), hadir saat pemungutan suara dibuka: berita acara 645, hitung
    ulang 633." """
    if m.page:
        where = tr("Halaman {page} ({place})", page=m.page, place=m.place)
    elif m.place:
        where = tr("Bagian {place}", place=m.place)
    else:
        where = tr("Tidak dinyatakan dalam berita acara")
    stated = tr("tidak ada") if m.stated is None else str(m.stated)
    counted = tr("tidak ada") if m.recounted is None else str(m.recounted)
    return tr(
        "{where}, {figure}: berita acara {stated}, hitung ulang {counted}.",
        where=where,
        figure=describe(m.key),
        stated=stated,
        counted=counted,
    )


def describe(key: str) -> str:
    """The figure a key names, in words: "suara.3.hadir" -> "hadir saat pemungutan suara 3
    dibuka (suara.3.hadir)"."""
    parts = key.split(".")
    head, last = parts[0], parts[-1]
    words = {
        ("anggota", "tercatat"): tr("anggota tercatat"),
        ("anggota", "berhak"): tr("anggota yang memiliki hak suara"),
        ("hadir", "jumlah"): tr("anggota hadir selama rapat"),
        ("daftar", "jumlah"): tr("jumlah seluruhnya di Daftar Hadir"),
        ("kuorum", "hadir"): tr("hadir saat pemeriksaan kuorum"),
        ("kuorum", "minimal"): tr("kuorum minimal"),
        ("kuorum", "dasar"): tr("dasar perhitungan kuorum"),
        ("gerak", "keluar"): tr("anggota meninggalkan rapat"),
        ("gerak", "kembali"): tr("anggota kembali ke rapat"),
        ("gerak", "hadir"): tr("hadir sesudah anggota keluar/kembali"),
        ("suara", "hadir"): tr("hadir saat pemungutan suara dibuka"),
        ("suara", "minimal"): tr("kuorum minimal saat pemungutan suara dibuka"),
        ("suara", "berhak"): tr("yang berhak memberikan suara saat pemungutan suara dibuka"),
        ("suara", "memilih_tanpa_hadir"): tr("pemilih yang tidak hadir saat pemungutan suara"),
        ("suara", "suara_melebihi_hadir"): tr("suara melebihi yang berhak dan hadir"),
        ("suara", "hasil"): tr("hasil menurut aturan"),
        ("rekap", "hadir"): tr("rekapitulasi: hadir saat dibuka"),
        ("rekap", "berhak"): tr("rekapitulasi: berhak memberikan suara"),
        ("rekap", "memilih"): tr("rekapitulasi: yang memberikan suara"),
    }
    text = words.get((head, last))
    if text is None:
        text = {
            "hadir": tr("anggota hadir"),
            "daftar": tr("Daftar Hadir"),
            "lain": tr("hadir di luar kuorum"),
            "suara": tr("perolehan suara"),
        }.get(head, head)
    return f"{text} ({key})"


def _minutes(ctx: ServiceContext) -> MinutesService:
    """The berita acara's service, loaded when a check is made: it brings ReportLab and
    pyHanko, which the window's start (where this check's dialog is built) does not need."""
    from assembly.services.minutes import MinutesService

    return MinutesService(ctx)
