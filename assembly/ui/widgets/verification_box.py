"""The signing page's "Verifikasi PDF": the file checked and its SHA-256, each signature in a
table (who, when, valid, what was added after it), the required signers still missing and
whether the open database still matches the file, the one-line verdict, and the backup taken
after the last signature."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from assembly.domain.cooperative import TimeZone
from assembly.i18n import tr
from assembly.services.anchor_check import FileVerdict
from assembly.services.backups import BackupResult
from assembly.ui.models.signature_table_model import SignatureTableModel
from assembly.ui.widgets.inline_problems import ERROR_STYLE

if TYPE_CHECKING:  # pyHanko comes with it: loaded when a PDF is first checked
    from assembly.services.signature_report import VerificationReport

GOOD_STYLE = "color: #1b6e20; font-weight: bold;"  # a signature, a file, a meeting in order


class VerificationBox(QGroupBox):
    """A verified PDF's signatures and verdict; the page asks for the file."""

    def __init__(self) -> None:
        super().__init__(tr("Verifikasi PDF"))
        self.verify_button = QPushButton(tr("&Periksa PDF…"))
        self.model = SignatureTableModel()
        self.table = QTableView()
        self.table.setObjectName("signature_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(True)
        # At 1200 px every column is on screen: "Sesudahnya" (what was added after each
        # signature, the longest words) takes the rest and wraps; no sideways scroll.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Fixed)  # see _fit_signatures
        self.table.setWordWrap(True)
        # Once the other columns have measured the new rows.
        self.model.modelReset.connect(lambda: QTimer.singleShot(0, self._fit_signatures))
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.checked_label = QLabel()
        self.checked_label.setObjectName("verified_file")
        self.checked_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary = QLabel()
        self.summary.setObjectName("verification_summary")
        self.summary.setWordWrap(True)
        # The signers still missing, the file's anchor and what in this database no longer
        # matches it (issue 10): the same lines ``verify FILE --db`` prints.
        self.anchor_label = QLabel()
        self.anchor_label.setObjectName("verification_anchor")
        self.anchor_label.setWordWrap(True)
        self.anchor_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.verdict: FileVerdict | None = None
        self.backup_label = QLabel()  # the backup after each signature, or why it failed
        self.backup_label.setObjectName("signing_backup")
        self.backup_label.setWordWrap(True)
        self.backup_label.hide()

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.verify_button)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.checked_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.anchor_label)
        layout.addWidget(self.summary)
        layout.addWidget(self.backup_label)

    def _fit_signatures(self) -> None:
        """Give "Sesudahnya" the room the other columns leave, and wrap its words (a
        stretched column would not: Qt measures the rows before stretching it)."""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != 5)
        header.resizeSection(5, max(80, self.table.viewport().width() - others))
        self.table.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_signatures()

    def show_report(
        self, report: VerificationReport, verdict: FileVerdict | None, zone: TimeZone | None
    ) -> None:
        """Show each signature of ``report`` (times in ``zone``) and the one-line verdict;
        with ``verdict``, also the required signers missing and whether the open database
        still matches the file."""
        self.model.set_report(report, zone)
        self.checked_label.setText(
            tr("Berkas: {path}\nSHA-256: {hash}", path=report.path, hash=report.sha256)
        )
        self.verdict = verdict
        self.anchor_label.setText("\n".join(verdict.anchor_lines()) if verdict else "")
        self.anchor_label.setStyleSheet(ERROR_STYLE if verdict and not verdict.ok else "")
        good = report.all_valid and (verdict is None or verdict.ok)
        summary = report.summary()
        if verdict is not None:
            summary += "\n" + verdict.verdict()
        self.summary.setText(summary)
        self.summary.setStyleSheet(GOOD_STYLE if good else ERROR_STYLE)

    def show_backup(self, result: BackupResult | None) -> None:
        """The backup taken after the signature: its name, or the warning (signing went on)."""
        if result is None:
            return
        if result.ok and result.path is not None:
            self.backup_label.setText(tr("Cadangan dibuat: {path}", path=result.path))
            self.backup_label.setStyleSheet("")
        if result.note:  # a desk: the host laptop backs up
            self.backup_label.setText(result.note)
            self.backup_label.setStyleSheet("")
        if result.warning:
            self.backup_label.setText(result.warning)
            self.backup_label.setStyleSheet(ERROR_STYLE)
        self.backup_label.show()
