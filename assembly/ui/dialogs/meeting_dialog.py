"""The meeting form: every field of a Rapat Anggota, its leaders, who signs, and its agenda
(:class:`~assembly.ui.widgets.agenda_editor.AgendaEditor`), with the secretary's warnings
shown as the form changes. A finished meeting opens read-only."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt, QTime, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.agenda_template import retitled_for_year
from assembly.domain.cooperative import TimeZone
from assembly.domain.errors import DomainError, Problem
from assembly.domain.meeting import (
    ALWAYS_SIGNERS,
    OPTIONAL_SIGNERS,
    AgendaItem,
    Meeting,
    MeetingMode,
    MeetingType,
    Officer,
    OfficerRole,
    signer_label,
)
from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.ui.operation import Operations
from assembly.ui.widgets.agenda_editor import AgendaEditor
from assembly.ui.widgets.date_field import DateField
from assembly.ui.widgets.inline_problems import ERROR_STYLE, WARNING_STYLE

CHECK_DELAY_MS = 250


class MeetingDialog(QDialog):
    """Edits ``meeting`` (a new one from the template when its id is None). After Save,
    ``saved`` holds the stored meeting."""

    def __init__(
        self, services: Services, operations: Operations, meeting: Meeting, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.operations = operations
        self.original = meeting
        self.saved: Meeting | None = None
        self.setWindowTitle(tr("Rapat baru") if meeting.id is None else tr("Ubah rapat"))

        self.kind = QComboBox()
        for kind in MeetingType:
            self.kind.addItem(tr(kind.key), kind.value)
        self.financial_year = QSpinBox()
        self.financial_year.setRange(0, 2200)
        self.financial_year.setSpecialValueText(tr("—"))
        self.subject = QLineEdit()
        self.date = DateField()
        self.start = QTimeEdit()
        self.start.setDisplayFormat("HH.mm")
        self.time_zone = QComboBox()
        for zone in TimeZone:
            self.time_zone.addItem(zone.value, zone.value)
        self.venue = QLineEdit()
        self.mode = QComboBox()
        for mode in MeetingMode:
            self.mode.addItem(tr(mode.key), mode.value)
        self.platform = QLineEdit()
        self.platform.setPlaceholderText(tr("mis. Zoom, Google Meet"))
        self.document_number = QLineEdit()
        self.cutoff = DateField()
        self.invitation = DateField()
        self.chair = QLineEdit()
        self.secretary = QLineEdit()
        self.witnesses = QLineEdit()
        self.witnesses.setPlaceholderText(tr("nama saksi, dipisah koma (paling banyak lima)"))
        self.acknowledger = QLineEdit()
        self.acknowledger.setObjectName("acknowledger")
        self.acknowledger.setPlaceholderText(tr("mis. Ketua Pengurus; kosongkan bila tidak ada"))

        # Who must sign the berita acara before the meeting locks: the chair and the
        # secretary always (shown ticked, fixed), the witnesses and "Mengetahui" when chosen.
        self.signer_boxes: dict[str, QCheckBox] = {}
        for key in ALWAYS_SIGNERS + OPTIONAL_SIGNERS:
            box = QCheckBox(signer_label(key))
            box.setObjectName(f"signer_{key}")
            if key in ALWAYS_SIGNERS:
                box.setChecked(True)
                box.setEnabled(False)
                box.setToolTip(tr("Selalu wajib menandatangani berita acara"))
            self.signer_boxes[key] = box

        self.agenda_editor = AgendaEditor(meeting.agenda, read_only=meeting.read_only)
        self.items, self.item_title = self.agenda_editor.items, self.agenda_editor.item_title
        self.item_kind = self.agenda_editor.item_kind
        self.add_button = self.agenda_editor.add_button
        self.remove_button = self.agenda_editor.remove_button
        self.up_button, self.down_button = (
            self.agenda_editor.up_button,
            self.agenda_editor.down_button,
        )
        self.problems = QLabel()
        self.problems.setObjectName("meeting_problems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )

        form = QFormLayout()
        form.addRow(tr("Jenis rapat:"), self.kind)
        form.addRow(tr("Tahun buku:"), self.financial_year)
        form.addRow(tr("Pokok rapat:"), self.subject)
        when = QHBoxLayout()
        when.addWidget(self.date)
        when.addWidget(QLabel(tr("pukul")))
        when.addWidget(self.start)
        when.addWidget(self.time_zone)
        when.addStretch(1)
        form.addRow(tr("Tanggal:"), when)
        form.addRow(tr("Tempat:"), self.venue)
        form.addRow(tr("Cara rapat:"), self.mode)
        form.addRow(tr("Platform daring:"), self.platform)
        form.addRow(tr("Nomor dokumen:"), self.document_number)
        form.addRow(tr("Batas daftar anggota:"), self.cutoff)
        form.addRow(tr("Tanggal undangan:"), self.invitation)
        leaders = QGroupBox(tr("Pimpinan rapat"))
        leaders_form = QFormLayout(leaders)
        leaders_form.addRow(tr("Ketua rapat:"), self.chair)
        leaders_form.addRow(tr("Sekretaris/notulis:"), self.secretary)
        leaders_form.addRow(tr("Saksi:"), self.witnesses)
        leaders_form.addRow(tr("Mengetahui:"), self.acknowledger)
        signers = QGroupBox(tr("Wajib menandatangani berita acara"))
        signers.setObjectName("signers_box")
        signer_row = QHBoxLayout(signers)
        for box in self.signer_boxes.values():
            signer_row.addWidget(box)
        signer_row.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(leaders)
        left.addWidget(signers)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(self.agenda_editor, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.show_problems)
        self._shown: list[Problem] = []  # the problems the form shows now
        self._year = meeting.financial_year
        self._cutoff_follows = meeting.id is None or meeting.cutoff_date == self._suggested_cutoff(
            meeting.date
        )
        self._fill(meeting)
        for line in (
            self.subject,
            self.venue,
            self.platform,
            self.document_number,
            self.date,
            self.cutoff,
            self.invitation,
            self.chair,
            self.secretary,
            self.witnesses,
            self.acknowledger,
        ):
            line.textChanged.connect(lambda _t: self._edited())
        for combo in (self.kind, self.time_zone, self.mode):
            combo.currentIndexChanged.connect(lambda _i: self._form_changed())
        for box in self.signer_boxes.values():
            box.toggled.connect(lambda _on: self._edited())
        self.financial_year.valueChanged.connect(self._year_changed)
        self.date.textChanged.connect(lambda _t: self._date_changed())
        self.cutoff.textEdited.connect(lambda _t: self._cutoff_set())
        self.start.timeChanged.connect(lambda _t: self._edited())
        self.agenda_editor.edited.connect(self._edited)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        if meeting.read_only:
            self._make_read_only()
        self.resize(1100, 680)
        self.show_problems()

    # --- the form and the meeting -----------------------------------------------------------

    def _fill(self, meeting: Meeting) -> None:
        self.kind.setCurrentIndex(self.kind.findData(meeting.kind.value))
        self.financial_year.setValue(meeting.financial_year or 0)
        self.subject.setText(meeting.subject)
        self.date.set_date(meeting.date)
        self.start.setTime(QTime(meeting.start.hour, meeting.start.minute))
        self.time_zone.setCurrentIndex(self.time_zone.findData(meeting.time_zone.value))
        self.venue.setText(meeting.venue)
        self.mode.setCurrentIndex(self.mode.findData(meeting.mode.value))
        self.platform.setText(meeting.platform)
        self.document_number.setText(meeting.document_number)
        self.cutoff.set_date(meeting.cutoff_date)
        self.invitation.set_date(meeting.invitation_date)
        chair = meeting.officer(OfficerRole.CHAIR)
        secretary = meeting.officer(OfficerRole.SECRETARY)
        self.chair.setText(chair.name if chair else "")
        self.secretary.setText(secretary.name if secretary else "")
        self.witnesses.setText(
            ", ".join(o.name for o in meeting.officers if o.role is OfficerRole.WITNESS)
        )
        acknowledger = meeting.officer(OfficerRole.ACKNOWLEDGER)
        self.acknowledger.setText(acknowledger.name if acknowledger else "")
        for key in OPTIONAL_SIGNERS:
            self.signer_boxes[key].setChecked(key in (meeting.signers or ()))
        self.agenda_editor.show_agenda(0)
        self._form_changed()

    @property
    def agenda(self) -> list[AgendaItem]:
        """The agenda as edited, in order."""
        return self.agenda_editor.agenda

    def meeting(self) -> Meeting:
        """The meeting as the form describes it now (not saved)."""
        officers = [
            Officer(OfficerRole.CHAIR, self.chair.text()),
            Officer(OfficerRole.SECRETARY, self.secretary.text()),
        ]
        officers += [
            Officer(OfficerRole.WITNESS, name.strip())
            for name in self.witnesses.text().split(",")
            if name.strip()
        ]
        if self.acknowledger.text().strip():
            officers.append(Officer(OfficerRole.ACKNOWLEDGER, self.acknowledger.text().strip()))
        start = self.start.time()
        return replace(
            self.original,
            kind=MeetingType(self.kind.currentData()),
            financial_year=self.financial_year.value() or None,
            subject=self.subject.text(),
            date=self.date.date() or self.original.date,
            start=dt.time(start.hour(), start.minute()),
            time_zone=TimeZone(self.time_zone.currentData()),
            venue=self.venue.text(),
            mode=MeetingMode(self.mode.currentData()),
            platform=self.platform.text() if self._online() else "",
            document_number=self.document_number.text(),
            cutoff_date=self.cutoff.date() or self.original.cutoff_date,
            invitation_date=self.invitation.date(),
            officers=tuple(o for o in officers if o.name.strip()),
            agenda=tuple(replace(item, position=i) for i, item in enumerate(self.agenda, start=1)),
            signers=tuple(k for k in OPTIONAL_SIGNERS if self.signer_boxes[k].isChecked()),
        )

    def _year_changed(self, value: int) -> None:
        """The template's titles that still name the old financial year follow the new one."""
        year = value or None
        kind = MeetingType(self.kind.currentData())
        self.agenda_editor.replace_agenda(retitled_for_year(self.agenda, kind, self._year, year))
        self._year = year
        self._edited()

    def _suggested_cutoff(self, day: dt.date) -> dt.date | None:
        try:
            return self.services.meetings.suggested_cutoff(self.original, day)
        except DomainError:
            return None

    def _date_changed(self) -> None:
        """A new date moves the register cut-off with it, until the secretary sets it."""
        day = self.date.date()
        if day is None or self.date.problem() or not self._cutoff_follows:
            return
        cutoff = self._suggested_cutoff(day)
        if cutoff is not None:
            self.cutoff.set_date(cutoff)

    def _cutoff_set(self) -> None:
        self._cutoff_follows = False

    def _online(self) -> bool:
        return MeetingMode(self.mode.currentData()).has_platform

    def _form_changed(self) -> None:
        self.platform.setEnabled(self._online() and not self.original.read_only)
        self._edited()

    def form_problems(self) -> list[Problem]:
        """The form's own problems (dates that are not dates), then the service's."""
        problems = [
            Problem(field.problem(), label)
            for field, label in (
                (self.date, tr("Tanggal")),
                (self.cutoff, tr("Tanggal batas daftar anggota")),
                (self.invitation, tr("Tanggal undangan")),
            )
            if field.problem()
        ]
        if not self.date.text().strip():
            problems.append(Problem(tr("Isi tanggal rapat"), tr("Tanggal")))
        if not self.cutoff.text().strip():
            problems.append(Problem(tr("Isi tanggal batas"), tr("Tanggal batas daftar anggota")))
        try:
            problems += self.services.meetings.check(self.meeting())
        except DomainError as exc:
            problems.append(Problem(exc.message))
        return problems

    def _edited(self) -> None:
        """The form changed: a problem the change put right leaves the list at once (never an
        error shown beside a field already right, nor one from before the form was filled);
        a new one waits for the pause in typing (no error flashing at each keystroke)."""
        if self._shown:
            current = self.form_problems()
            kept = [p for p in self._shown if p in current]
            if kept != self._shown:
                self._render(kept)
        self._check_timer.start()

    def show_problems(self) -> list[Problem]:
        """Show every problem: errors in red, warnings in amber."""
        self._check_timer.stop()
        problems = self.form_problems()
        self._render(problems)
        return problems

    def _render(self, problems: list[Problem]) -> None:
        self._shown = problems
        lines = [
            f'<div style="{WARNING_STYLE if p.warning else ERROR_STYLE}">'
            f"{'⚠' if p.warning else '✖'} {_escape(p.located())}</div>"
            for p in problems
        ]
        self.problems.setText("".join(lines))
        self.problems.setVisible(bool(lines))

    # --- saving ------------------------------------------------------------------------------

    def save(self) -> None:
        """Store the meeting with its agenda in one transaction (a new one as a draft)."""
        if any(not p.warning for p in self.show_problems()):
            return
        meeting = self.meeting()
        if meeting.id is None:
            done = self.operations.run(self, lambda: self.services.meetings.create(meeting))
            if done is None:
                return
            self.saved = done.value
            self.accept()
            return
        edited = self.operations.run(self, lambda: self.services.meetings.edit(meeting))
        if edited is None:
            return
        self.saved = edited.value
        self.accept()

    def _make_read_only(self) -> None:
        for widget in self.findChildren(QWidget):
            editor = isinstance(widget, (QLineEdit, QComboBox, QSpinBox, QTimeEdit, QPushButton))
            if editor and widget.parent() is not self.buttons:
                widget.setEnabled(False)
        self.items.setEnabled(True)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.setWindowTitle(tr("Rapat (hanya baca)"))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
