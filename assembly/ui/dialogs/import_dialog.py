"""Importing the member register from a CSV or XLSX file: choose the file, check the
detected title row and columns (and change them by hand), read every problem with its row and
column, see what a re-import changes, then import every row or none.

Reading, checking and writing run on the door's asynchronous path (``Operations.start``) with a
progress bar; Cancel (or Esc) stops the work and leaves the register as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.quorum import thousands
from assembly.i18n import tr, trn
from assembly.services.bundle import Services
from assembly.services.changes import Done
from assembly.services.import_preview import ImportOutcome, ImportPreview, exit_unknown_summary
from assembly.services.progress import Progress
from assembly.ui.background import Background
from assembly.ui.models.import_preview_model import ImportPreviewModel
from assembly.ui.models.import_problem_model import ROW_ROLE, ImportProblemModel
from assembly.ui.operation import Operations, show_refusal
from assembly.ui.widgets.import_changes import ImportChanges
from assembly.ui.widgets.import_mapping import ColumnMapping

FILE_FILTER = "*.csv *.xlsx *.xlsm *.txt"
_ERROR_STYLE = "color: #a4262c; font-weight: bold;"
_DONE_STYLE = "color: #0b6a0b; font-weight: bold;"


class ImportDialog(QDialog):
    """The import, from file to register. ``preview`` holds the last preview, ``outcome``
    what the import wrote once it did."""

    def __init__(
        self, services: Services, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._operations = operations
        self.preview: ImportPreview | None = None
        self.outcome: ImportOutcome | None = None
        self._work: Background | None = None
        self._generation = 0
        self.setObjectName("ImportDialog")
        self.setWindowTitle(tr("Impor anggota dari CSV atau XLSX"))
        self._build()
        self.resize(1200, 760)
        self._update()

    # ---- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(tr("Ketik jalur berkas lalu Enter, atau pilih berkas"))
        self.path_edit.returnPressed.connect(self._path_entered)
        path_label = QLabel(tr("&Berkas:"))
        path_label.setBuddy(self.path_edit)
        self.browse_button = QPushButton(tr("&Pilih berkas…"))
        self.browse_button.setAutoDefault(False)
        self.browse_button.setToolTip(QKeySequence(QKeySequence.StandardKey.Open).toString())
        self.browse_button.clicked.connect(self._browse)
        QShortcut(QKeySequence.StandardKey.Open, self, self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(path_label)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.file_info = QLabel()
        self.file_info.setObjectName("fileInfo")
        self.file_info.setWordWrap(True)

        self.header_spin = QSpinBox()
        self.header_spin.setRange(0, 0)
        self.header_spin.setSpecialValueText("—")
        self.header_spin.setKeyboardTracking(False)
        self.header_spin.valueChanged.connect(self._header_row_changed)
        header_label = QLabel(tr("Baris &judul kolom:"))
        header_label.setBuddy(self.header_spin)
        header_row = QHBoxLayout()
        header_row.addWidget(header_label)
        header_row.addWidget(self.header_spin)
        header_row.addStretch(1)
        self.mapping = ColumnMapping()
        self.mapping.changed.connect(self._mapping_changed)
        hint = QLabel(
            tr("* wajib. Sel kosong tidak menghapus isi yang sudah ada di buku daftar anggota.")
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        group = QGroupBox(tr("Kolom berkas untuk tiap isian"))
        group_layout = QVBoxLayout(group)
        group_layout.addLayout(header_row)
        group_layout.addWidget(self.mapping)
        group_layout.addWidget(hint)
        group_layout.addStretch(1)

        self.table_model = ImportPreviewModel(self)
        self.table = QTableView()
        self.table.setObjectName("previewTable")
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setResizeContentsPrecision(200)
        self.only_problems = QCheckBox(tr("Hanya baris &bermasalah"))
        self.only_problems.toggled.connect(self.table_model.set_only_problems)
        table_page = QWidget()
        table_layout = QVBoxLayout(table_page)
        table_layout.addWidget(self.only_problems)
        table_layout.addWidget(self.table, 1)

        self.problem_model = ImportProblemModel(self)
        self.problem_list = QListView()
        self.problem_list.setObjectName("problemList")
        self.problem_list.setModel(self.problem_model)
        self.problem_list.setUniformItemSizes(True)
        self.problem_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem_list.activated.connect(self._show_problem_row)
        self.changes = ImportChanges()

        self.tabs = QTabWidget()
        self.tabs.addTab(table_page, tr("&Pratinjau"))
        self.tabs.addTab(self.problem_list, tr("&Masalah"))
        self.tabs.addTab(self.changes, tr("P&erubahan"))
        splitter = QSplitter()
        splitter.addWidget(group)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 860])

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        # Its lines (the counts, what blocks the import) never give way to the table above.
        self.summary.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setVisible(False)
        self.cancel_button = QPushButton(tr("Batal&kan"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_work)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = self.buttons.addButton(
            tr("&Impor"), QDialogButtonBox.ButtonRole.ActionRole
        )
        for button in self.buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter never imports by surprise
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress_bar, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.file_info)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        self.path_edit.setFocus()

    # ---- what the user does ----------------------------------------------------------------

    def load(self, path: Path | str) -> None:
        """Read ``path`` and show its preview (what choosing the file does)."""
        self.path_edit.setText(str(path))
        self.outcome = None
        self._check(Path(path), None, None)

    def start_import(self) -> None:
        """Write the previewed rows to the register, all or none."""
        preview = self.preview
        if preview is None or not self.import_button.isEnabled():
            return
        self._status(tr("Menyimpan ke buku daftar anggota…"))
        self._run(
            lambda progress: self._services.importer.commit(preview, progress),
            self._committed,
            self._commit_failed,
        )

    def cancel_work(self) -> None:
        """Stop the running work; the service rolls back whatever it began."""
        if self._work is not None:
            self._work.cancel()
            self._status(tr("Membatalkan…"))

    def busy(self) -> bool:
        """Whether a file is being read or written."""
        return self._work is not None

    def reject(self) -> None:
        """Esc and Close: first stop the running work, then close."""
        if self.busy():
            self.cancel_work()
            return
        if self.outcome is not None:
            self.accept()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The window's close button does what Esc does: first stop the running work (it
        # rolls back), and stay open until it has, so nothing is left half-written.
        if self.busy():
            self.cancel_work()
            event.ignore()
            return
        super().closeEvent(event)

    def _browse(self) -> None:
        if self.busy():
            return
        start = str(Path(self.path_edit.text()).parent) if self.path_edit.text() else ""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            tr("Pilih berkas daftar anggota"),
            start,
            tr("Daftar anggota ({patterns});;Semua berkas (*)", patterns=FILE_FILTER),
        )
        if path:
            self.load(path)

    def _path_entered(self) -> None:
        text = self.path_edit.text().strip()
        if text and not self.busy():
            self.load(Path(text).expanduser())

    def _header_row_changed(self, row: int) -> None:
        if self.preview is not None and row and row != self.preview.header_row:
            self._check(self.preview.path, None, row)

    def _mapping_changed(self, mapping: dict[str, str]) -> None:
        if self.preview is not None:
            self._check(self.preview.path, mapping, self.preview.header_row)

    def _show_problem_row(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        shown = self.table_model.row_of(row) if isinstance(row, int) else None
        if shown is None:
            self.mapping.setFocus()
            return
        self.tabs.setCurrentIndex(0)
        self.table.selectRow(shown)
        self.table.scrollTo(self.table_model.index(shown, 0))
        self.table.setFocus()

    # ---- work on the door's asynchronous path ------------------------------------------------

    def _check(self, path: Path, mapping: Mapping[str, str] | None, header_row: int | None) -> None:
        if self._work is not None:
            self._work.cancel()  # its late answer is ignored (older generation)
        self._status(tr("Membaca {name}…", name=path.name))
        importer = self._services.importer
        self._run(
            lambda progress: importer.preview(path, mapping, progress, header_row=header_row),
            self._previewed,
            self._preview_failed,
        )

    def _run(
        self,
        call: Callable[[Progress], object],
        done: Callable[[object], None],
        failed: Callable[[str, bool], None],
    ) -> None:
        """Start ``call`` through the door: a commit's changes reach every page and a refusal
        is announced there; this dialog shows the progress and the outcome."""
        self._generation += 1
        generation = self._generation
        work = self._operations.start(call)
        work.progressed.connect(lambda count, total: self._progressed(generation, count, total))
        work.succeeded.connect(lambda result: self._ended(generation, done, result))
        work.failed.connect(
            lambda message, cancelled: self._ended(generation, failed, message, cancelled)
        )
        self._work = work
        self.progress_bar.setRange(0, 0)
        self._update()

    def _ended(self, generation: int, handler: Callable[..., None], *args: object) -> None:
        if generation != self._generation:
            return  # a superseded preview, or the dialog closed meanwhile
        self._work = None
        handler(*args)
        self._update()

    def _progressed(self, generation: int, done: int, total: int) -> None:
        if generation != self._generation:
            return
        self.progress_bar.setRange(0, max(total, 0))
        self.progress_bar.setValue(done)

    # ---- results --------------------------------------------------------------------------

    def _previewed(self, result: object) -> None:
        assert isinstance(result, ImportPreview)
        preview = self.preview = result
        self.header_spin.blockSignals(True)
        self.header_spin.setRange(0, max(1, min(len(preview.rows) + (preview.header_row or 0), 50)))
        self.header_spin.setValue(preview.header_row or 0)
        self.header_spin.blockSignals(False)
        self.mapping.set_columns(preview.columns, preview.mapping)
        self.table_model.set_rows(
            preview.columns, preview.rows, preview.mapping, preview.problems_by_row()
        )
        self.table.resizeColumnsToContents()
        for column in range(self.table_model.columnCount()):
            width = self.table.columnWidth(column)
            self.table.setColumnWidth(column, max(64, min(width, 260)))
        self.problem_model.set_problems(preview.problems)
        self.changes.show_preview(preview)
        self.file_info.setText(_describe(preview))
        self._status("")

    def _preview_failed(self, message: str, cancelled: bool) -> None:
        if cancelled:
            self._status(message)
            return
        self.preview = None
        self.mapping.set_columns([], {})
        self.table_model.set_rows([], [], {}, {})
        self.problem_model.set_problems([])
        self.changes.show_preview(None)
        self.file_info.setText("")
        self._status(message, error=True)

    def _committed(self, result: object) -> None:
        assert isinstance(result, Done)
        self.outcome = result.value  # its changes went out through the door already
        self._status(result.value.summary, done=True)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()

    def _commit_failed(self, message: str, cancelled: bool) -> None:
        self._status(message, error=not cancelled)
        if not cancelled:  # the door announced the refusal; the dialog shows it
            show_refusal(self, message)

    # ---- state ----------------------------------------------------------------------------

    def _status(self, text: str, *, error: bool = False, done: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(_ERROR_STYLE if error else _DONE_STYLE if done else "")

    def _update(self) -> None:
        busy = self.busy()
        preview = self.preview
        finished = self.outcome is not None
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        # While a file is read or written the choices stay as they are (Esc cancels first).
        for widget in (self.path_edit, self.browse_button, self.header_spin):
            widget.setEnabled(not busy and not finished)
        self.header_spin.setEnabled(self.header_spin.isEnabled() and preview is not None)
        self.mapping.setEnabled(
            not busy and not finished and preview is not None and bool(preview.columns)
        )
        self.import_button.setEnabled(
            not busy
            and not finished
            and preview is not None
            and not preview.blocking
            and bool(preview.new or preview.changed)
        )
        blocking = sum(1 for p in preview.problems if not p.warning) if preview else 0
        warnings = len(preview.problems) - blocking if preview else 0
        self.tabs.setTabText(1, tr("&Masalah ({n})", n=thousands(blocking + warnings)))
        self.tabs.setTabText(
            2, tr("P&erubahan ({n})", n=thousands(len(preview.changed) if preview else 0))
        )
        if preview is None or finished:
            self.summary.setText("")
            return
        lines = [preview.summary()]
        if blocking:
            lines.append(
                trn(
                    "{n} masalah harus diperbaiki di berkas sebelum impor; tidak ada yang "
                    "disimpan sampai semuanya beres.",
                    "{n} masalah harus diperbaiki di berkas sebelum impor; tidak ada yang "
                    "disimpan sampai semuanya beres.",
                    blocking,
                    n=thousands(blocking),
                )
            )
        if preview.exit_unknown:
            lines.append(exit_unknown_summary(preview.exit_unknown))
        if warnings:
            lines.append(
                trn(
                    "{n} peringatan (tidak menghalangi impor).",
                    "{n} peringatan (tidak menghalangi impor).",
                    warnings,
                    n=thousands(warnings),
                )
            )
        self.summary.setText("\n".join(lines))
        self.summary.setStyleSheet(_ERROR_STYLE if blocking else "")


def _describe(preview: ImportPreview) -> str:
    """ "anggota.csv · CSV, pemisah titik koma, UTF-8 · judul kolom di baris 4 · 1.234 baris"."""
    parts = [preview.path.name]
    if preview.kind == "xlsx":
        parts.append(tr("XLSX, lembar {sheet}", sheet=preview.sheet))
    else:
        names = {",": tr("koma"), ";": tr("titik koma"), "\t": tr("tab"), "|": "|"}
        parts.append(
            tr(
                "CSV, pemisah {delimiter}, {encoding}",
                delimiter=names.get(preview.delimiter, preview.delimiter),
                encoding=preview.encoding,
            )
        )
    if preview.header_row:
        parts.append(tr("judul kolom di baris {row}", row=preview.header_row))
    parts.append(tr("{n} baris data", n=thousands(len(preview.rows))))
    return " · ".join(parts)
