"""The berita acara as it will print, before closing and signing.

The PDF is written by the same service call as ``minutes export`` into a temporary folder and
shown page by page (QtPdf): what the secretary reads here is what the chair will sign. Above it,
the reconciliation check of that very file: every figure recounted from the records and from
the file's own data, and each one that does not reconcile, with its page. The
language and the paper can be switched and the document made again after the notes change.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assembly.i18n import tr, trn
from assembly.services.bundle import Services
from assembly.services.minutes_check import CheckReport
from assembly.ui.operation import Operations
from assembly.ui.widgets.inline_problems import ERROR_STYLE

OK_STYLE = "color: #1b6e20;"


class MinutesReviewDialog(QDialog):
    """Shows the whole berita acara of one meeting, in the chosen language and paper."""

    def __init__(
        self,
        services: Services,
        operations: Operations,
        meeting_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.operations = operations
        self.meeting_id = meeting_id
        self.pages = 0
        self._folder = tempfile.TemporaryDirectory(prefix="kuorum-tinjau-")
        self._renders = 0
        self.setWindowTitle(tr("Tinjau berita acara"))
        self.resize(900, 1000)

        self.language = QComboBox()
        self.language.setObjectName("review_language")
        self.language.addItem(tr("Bahasa Indonesia"), "id")
        self.language.addItem(tr("English"), "en")
        self.paper = QComboBox()
        self.paper.setObjectName("review_paper")
        self.paper.addItem(tr("A4"), "A4")
        self.paper.addItem(tr("F4 (folio)"), "F4")
        self.again = QPushButton(tr("Buat ulang (F5)"))
        self.again.setObjectName("review_render")
        self.count = QLabel()
        self.count.setObjectName("review_pages")
        # The reconciliation of every figure, shown with the pages it concerns.
        self.check = QLabel()
        self.check.setObjectName("review_check")
        self.check.setWordWrap(True)
        self.mismatches = QListWidget()
        self.mismatches.setObjectName("review_mismatches")
        self.mismatches.setWordWrap(True)
        self.mismatches.setMaximumHeight(140)
        self.mismatches.hide()
        self.report: CheckReport | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("review_view")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Bahasa:")))
        bar.addWidget(self.language)
        bar.addWidget(QLabel(tr("Kertas:")))
        bar.addWidget(self.paper)
        bar.addWidget(self.again)
        bar.addStretch(1)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.check)
        layout.addWidget(self.mismatches)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)

        self.language.currentIndexChanged.connect(lambda _i: self.rebuild())
        self.paper.currentIndexChanged.connect(lambda _i: self.rebuild())
        self.again.clicked.connect(self.rebuild)
        QShortcut(QKeySequence("F5"), self).activated.connect(self.rebuild)
        buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _r: self._release())

    def rebuild(self) -> int:
        """Write the berita acara again and show it; the page count (0 when refused)."""
        self._renders += 1
        # A new name each time: the view may still hold the previous file.
        target = Path(self._folder.name) / f"berita-acara-{self._renders}.pdf"
        lang, paper = self.language.currentData(), self.paper.currentData()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = self.operations.run(
                self,
                lambda: self.services.minutes_check.check(
                    self.meeting_id, lang, keep=target, paper=paper
                ),
            )
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.report = report
        if report is None:
            self.count.setText(tr("Berita acara tidak dapat dibuat."))
            self.check.clear()
            self.mismatches.hide()
            self.pages = 0
            return 0
        self._show_check(report)
        self.document.close()
        self.document.load(str(target))
        self.pages = self.document.pageCount()
        self.count.setText(trn("{n} halaman", "{n} halaman", self.pages))
        return self.pages

    def _show_check(self, report: CheckReport) -> None:
        """The check's verdict over the pages; what does not reconcile, page by page."""
        self.check.setText(("✔ " if report.ok else "✖ ") + report.summary)
        self.check.setStyleSheet(OK_STYLE if report.ok else ERROR_STYLE)
        self.mismatches.clear()
        self.mismatches.addItems(report.lines())
        self.mismatches.setVisible(not report.ok)

    def _release(self) -> None:
        self.document.close()
        self._folder.cleanup()
