"""The Rapat page: the cooperative's meetings (finished ones read-only), a new meeting from its
template, the meeting form, the lifecycle moves the secretary makes (open the door, close),
the documents (invitation, member cards, Daftar Hadir), and the live quorum of the chosen
meeting."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.meeting import MeetingState, MeetingType, OfficerRole, signer_label
from assembly.domain.signers import required_signers
from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.services.changes import Area, Changes
from assembly.services.progress import Progress
from assembly.ui.background import Background, progress_window
from assembly.ui.dialogs.close_check import close_meeting_checked
from assembly.ui.dialogs.meeting_dialog import MeetingDialog
from assembly.ui.models.meeting_list_model import MeetingListModel
from assembly.ui.operation import Operations, show_refusal
from assembly.ui.widgets.inline_problems import ERROR_STYLE, WARNING_STYLE
from assembly.ui.widgets.quorum_panel import QuorumPanel


class MeetingsPage(QWidget):
    """The meetings of the cooperative and what the secretary does with them."""

    def __init__(self, services: Services, operations: Operations) -> None:
        super().__init__()
        self.services = services
        self.operations = operations
        self._stale = False

        self.new_kind = QComboBox()
        self.new_kind.setObjectName("new_meeting_kind")
        self.new_kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.new_kind.setMinimumContentsLength(24)
        for kind in MeetingType:
            self.new_kind.addItem(tr(kind.key), kind.value)
        self.new_button = QPushButton(tr("&Rapat baru…"))
        self.edit_button = QPushButton(tr("&Ubah…"))
        self.delete_button = QPushButton(tr("&Hapus draf"))
        self.check_in_button = QPushButton(tr("&Buka pendaftaran hadir"))
        self.close_button = QPushButton(tr("&Tutup rapat"))
        self.invitation_button = QPushButton(tr("Undangan PDF…"))
        self.cards_button = QPushButton(tr("Kartu anggota PDF…"))
        self.attendance_button = QPushButton(tr("Daftar Hadir PDF…"))
        self.pack_button = QPushButton(tr("Paket laporan…"))
        self.pack_button.setObjectName("reporting_pack_button")

        self.model = MeetingListModel(self)
        self.table = QTableView()
        self.table.setObjectName("meetings_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # The chosen meeting stays plainly marked when the focus is elsewhere (after saving
        # in the dialog, on a button): the inactive selection looks like the active one.
        palette = self.table.palette()
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            palette.setColor(
                QPalette.ColorGroup.Inactive, role, palette.color(QPalette.ColorGroup.Active, role)
            )
        self.table.setPalette(palette)
        header = self.table.horizontalHeader()
        self.table.setWordWrap(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.warnings = QLabel()
        self.warnings.setObjectName("meeting_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.quorum = QuorumPanel(services, operations)
        self.signers = QLabel()
        self.signers.setObjectName("meeting_signers")
        self.signers.setWordWrap(True)
        # The days left to the RAT deadline: a calm notice in the page's own colour (a late
        # RAT, or one too near for the AD's notice period, is among the warnings instead).
        self.deadline = QLabel()
        self.deadline.setObjectName("meeting_deadline")
        self.deadline.setWordWrap(True)

        actions = QHBoxLayout()
        actions.addWidget(self.new_kind)
        for button in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.check_in_button,
            self.close_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        documents = QHBoxLayout()
        documents.addWidget(QLabel(tr("Dokumen:")))
        for button in (
            self.invitation_button,
            self.cards_button,
            self.attendance_button,
            self.pack_button,
        ):
            documents.addWidget(button)
        documents.addStretch(1)
        # The list takes the full width; the chosen meeting's quorum and warnings sit below.
        below = QWidget()
        below_layout = QHBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.quorum, 3)
        side = QVBoxLayout()
        side.addWidget(self.signers)
        side.addWidget(self.deadline)
        side.addWidget(self.warnings, 1)
        below_layout.addLayout(side, 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(documents)
        layout.addWidget(splitter, 1)

        self.new_button.clicked.connect(self.new_meeting)
        self.edit_button.clicked.connect(self.edit_meeting)
        self.delete_button.clicked.connect(self.delete_draft)
        self.check_in_button.clicked.connect(self.open_check_in)
        self.close_button.clicked.connect(self.close_meeting)
        self.invitation_button.clicked.connect(lambda: self.write_invitation())
        self.cards_button.clicked.connect(lambda: self.write_member_cards())
        self.attendance_button.clicked.connect(lambda: self.write_attendance_list())
        self.pack_button.clicked.connect(lambda: self.reporting_pack())
        self.table.activated.connect(lambda _index: self.edit_meeting())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._chosen())
        operations.changed.connect(self._changed)
        self.load()
        latest = services.meetings.latest_id()
        if latest is not None:
            self.select(latest)

    # --- the list ----------------------------------------------------------------------------

    @property
    def meeting_id(self) -> int | None:
        """The chosen meeting."""
        summary = self.model.summary(self.table.currentIndex().row())
        return summary.id if summary else None

    def load(self) -> None:
        """Read the meetings again, keeping the chosen one."""
        keep = self.meeting_id
        self.model.set_rows(self.services.meetings.list())
        if keep is not None:
            self.select(keep)
        self._chosen()

    def select(self, meeting_id: int) -> None:
        """Choose ``meeting_id`` in the list."""
        row = self.model.row_of(meeting_id)
        if row is not None:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _chosen(self) -> None:
        meeting_id = self.meeting_id
        summary = self.model.summary(self.table.currentIndex().row())
        state = summary.state if summary else None
        self.edit_button.setEnabled(summary is not None)
        self.edit_button.setText(
            tr("&Lihat…") if summary is not None and summary.read_only else tr("&Ubah…")
        )
        self.delete_button.setEnabled(state is MeetingState.DRAFT)
        self.check_in_button.setEnabled(state is MeetingState.DRAFT)
        self.close_button.setEnabled(state is MeetingState.OPENED)
        self.invitation_button.setEnabled(summary is not None)
        # In draft it is the blank form the secretary prints to take to the door.
        self.attendance_button.setEnabled(summary is not None)
        self.pack_button.setEnabled(state is not None and state is not MeetingState.DRAFT)
        draft = state is MeetingState.DRAFT
        self.quorum.set_meeting(
            meeting_id if state is not None and not draft else None,
            tr("Kuorum dihitung setelah pendaftaran hadir dibuka.") if draft else None,
        )
        self._show_warnings(meeting_id)
        self._show_signers(meeting_id)

    def _show_signers(self, meeting_id: int | None) -> None:
        if meeting_id is None:
            self.signers.clear()
            self.deadline.clear()
            self.deadline.hide()
            return
        meeting = self.services.meetings.get(meeting_id)
        witnesses = [o.name for o in meeting.officers if o.role is OfficerRole.WITNESS]
        named = {
            "ketua": [o.name for o in meeting.officers if o.role is OfficerRole.CHAIR][:1],
            "sekretaris": [o.name for o in meeting.officers if o.role is OfficerRole.SECRETARY][:1],
            **{f"saksi{n}": witnesses[n - 1 : n] for n in range(1, 5)},
            "mengetahui": [o.name for o in meeting.officers
                           if o.role is OfficerRole.ACKNOWLEDGER][:1],
        }  # fmt: skip
        keys = required_signers(meeting)  # the one list the documents and the lock use
        roles = [
            tr("{role} ({name})", role=signer_label(k), name=named[k][0])
            if named.get(k)
            else signer_label(k)
            for k in keys
        ]
        self.signers.setText(
            tr("Wajib menandatangani berita acara: {roles}", roles=", ".join(roles))
        )
        notice = self.services.meetings.deadline_notice(meeting_id)
        self.deadline.setText(notice)
        self.deadline.setVisible(bool(notice))

    def _show_warnings(self, meeting_id: int | None) -> None:
        if meeting_id is None:
            self.warnings.clear()
            return
        problems = self.services.meetings.warnings(meeting_id)
        lines = [
            f'<div style="{WARNING_STYLE if p.warning else ERROR_STYLE}">⚠ '
            f"{p.located().replace('&', '&amp;').replace('<', '&lt;')}</div>"
            for p in problems
        ]
        self.warnings.setText("".join(lines) or tr("Tidak ada peringatan."))

    # --- creating and editing ----------------------------------------------------------------

    def new_meeting(self) -> MeetingDialog | None:
        """Open the form on a new meeting of the chosen type, from its template."""
        kind = MeetingType(self.new_kind.currentData())
        draft = self.operations.run(self, lambda: self.services.meetings.new_meeting(kind))
        if draft is None:
            return None
        return self._open_dialog(MeetingDialog(self.services, self.operations, draft, self))

    def edit_meeting(self) -> MeetingDialog | None:
        """Open the form on the chosen meeting (read-only when it is over)."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return None
        meeting = self.services.meetings.get(meeting_id)
        return self._open_dialog(MeetingDialog(self.services, self.operations, meeting, self))

    def _open_dialog(self, dialog: MeetingDialog) -> MeetingDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._dialog_done(dialog))
        dialog.open()
        return dialog

    def _dialog_done(self, dialog: MeetingDialog) -> None:
        if dialog.saved is not None and dialog.saved.id is not None:
            self.load()
            self.select(dialog.saved.id)

    def delete_draft(self) -> None:
        """Remove the chosen draft after asking."""
        meeting_id = self.meeting_id
        if meeting_id is None or not self._confirm(tr("Hapus rapat draf ini?")):
            return
        self.operations.run(self, lambda: self.services.meetings.delete_draft(meeting_id))

    # --- lifecycle -----------------------------------------------------------------------------

    def open_check_in(self) -> None:
        """Open the door: the register's figures at the cut-off are fixed from now."""
        meeting_id = self.meeting_id
        if meeting_id is not None:
            self.operations.run(self, lambda: self.services.meetings.open_check_in(meeting_id))

    def close_meeting(self) -> None:
        """Close the chosen opened meeting after asking; it is read-only from then on."""
        meeting_id = self.meeting_id
        if meeting_id is None or not self._confirm(
            tr("Tutup rapat ini? Setelah ditutup rapat hanya dapat dibaca.")
        ):
            return
        close_meeting_checked(self, self.services, self.operations, meeting_id)

    # --- documents -----------------------------------------------------------------------------

    def write_invitation(self, path: Path | None = None) -> Background | None:
        """Write the invitation letter of the chosen meeting (asks where when ``path`` is
        None); the page count."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return None
        path = path or self._target(tr("Simpan surat undangan"), tr("undangan-rapat.pdf"))
        if path is None:
            return None
        target = path
        return self._write(
            target, lambda p: self.services.documents.invitation(meeting_id, target, progress=p)
        )

    def write_member_cards(self, path: Path | None = None) -> Background | None:
        """Write cards for every active member, with a progress bar and cancel; how many."""
        path = path or self._target(tr("Simpan kartu anggota"), tr("kartu-anggota.pdf"))
        if path is None:
            return None
        target = path
        return self._write(
            target, lambda p: self.services.documents.member_cards(target, progress=p)
        )

    def write_attendance_list(self, path: Path | None = None) -> Background | None:
        """Write the Daftar Hadir of the chosen meeting; the page count."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return None
        path = path or self._target(tr("Simpan daftar hadir"), tr("daftar-hadir.pdf"))
        if path is None:
            return None
        target = path
        return self._write(
            target, lambda _p: self.services.documents.attendance_list(meeting_id, target)
        )

    def reporting_pack(self) -> QDialog | None:
        """Open the reporting pack dialog for the chosen meeting (not modal: returned)."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return None
        # Loaded when first used: it brings ReportLab, which the start of the app need not wait for.
        from assembly.ui.dialogs.reporting_pack_dialog import ReportingPackDialog

        dialog = ReportingPackDialog(self.services, self.operations, meeting_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _target(self, title: str, name: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, title, str(Path.home() / name), tr("PDF (*.pdf)")
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def _write(self, path: Path, call: Callable[[Progress], int]) -> Background:
        """Write ``path`` on the door's worker thread with a progress bar and Batal; the
        status says where once it is written. The work is returned (``result``: pages)."""
        work = self.operations.start(call)
        progress_window(self, work, tr("Menulis {name}…", name=path.name))
        work.succeeded.connect(lambda _n: self._tell(tr("Tersimpan: {path}", path=path)))
        work.failed.connect(lambda message, cancelled: cancelled or show_refusal(self, message))
        return work

    # --- small things ----------------------------------------------------------------------------

    def _confirm(self, question: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Rapat"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        return box.exec() == QMessageBox.StandardButton.Yes

    def _tell(self, message: str) -> None:
        window = self.window()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(message, 8000)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.load()

    def _changed(self, changes: Changes) -> None:
        if not self.isVisible():
            # The desk checks people in while this page is hidden: read again when shown.
            self._stale = self._stale or bool(changes.areas & {Area.MEETINGS, Area.ATTENDANCE})
            return
        if changes.touches(Area.MEETINGS):
            self.load()
        elif changes.touches(Area.ATTENDANCE):
            keep = self.meeting_id
            self.model.set_rows(self.services.meetings.list())
            if keep is not None:
                self.select(keep)
