"""Closing a meeting after the berita acara's figures are checked (issue 11, point 2).

When every figure reconciles the meeting closes at once. When some do not, the secretary sees
which, and may either go back and look (Tinjau berita acara) or close anyway with a reason:
the reason is recorded with the closing and stated in the berita acara."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.services.minutes_check import CheckReport, mismatch_line
from assembly.ui.dialogs.reason_dialog import ReasonDialog
from assembly.ui.operation import Operations

SHOWN = 8  # mismatches listed in the question; the review screen lists them all


def close_meeting_checked(
    parent: QWidget | None, services: Services, operations: Operations, meeting_id: int
) -> bool:
    """Close the meeting, asking for a reason when its figures do not reconcile; whether
    it was closed."""
    report = operations.run(parent, lambda: services.minutes_check.quick_check(meeting_id))
    if report is None:
        return False
    if report.ok:
        return operations.run(parent, lambda: services.minutes_check.close(meeting_id)) is not None
    closed: list[bool] = []

    def submit(reason: str) -> bool:
        done = operations.run(parent, lambda: services.minutes_check.close(meeting_id, reason))
        closed.append(done is not None)
        return done is not None

    dialog = ReasonDialog(tr("Tutup rapat dengan alasan"), question(report), submit, parent)
    dialog.setObjectName("close_reason_dialog")
    dialog.exec()
    return any(closed)


def question(report: CheckReport) -> str:
    """What the secretary is asked: which figures do not reconcile, and what to do."""
    lines = [mismatch_line(m) for m in report.mismatches[:SHOWN]]
    if len(report.mismatches) > SHOWN:
        lines.append(tr("… dan {count} lagi.", count=len(report.mismatches) - SHOWN))
    return tr(
        "{count} angka berita acara tidak sesuai dengan catatan rapat:\n\n{lines}\n\nPeriksa "
        "dahulu (Tinjau berita acara), atau tuliskan alasan menutup rapat sekarang. Alasan "
        "itu dicatat dan dimuat dalam berita acara.",
        count=len(report.mismatches),
        lines="\n".join("• " + line for line in lines),
    )
