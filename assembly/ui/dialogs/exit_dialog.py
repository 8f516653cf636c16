"""Recording how a membership ended: resignation, death or expulsion, with date and reason.
The member stays in the register."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.errors import Problem
from assembly.domain.members import Member, Status
from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.ui.operation import Operations
from assembly.ui.widgets.date_field import DateField
from assembly.ui.widgets.inline_problems import with_problem

ENDINGS = (Status.RESIGNED, Status.DECEASED, Status.EXPELLED)


def ending_text(status: Status) -> str:
    """The choice as the dialog words it."""
    return {
        Status.RESIGNED: tr("Keluar atas permintaan sendiri"),
        Status.DECEASED: tr("Meninggal dunia"),
        Status.EXPELLED: tr("Diberhentikan oleh koperasi"),
    }[status]


class ExitDialog(QDialog):
    """Ask how, when and why ``member``'s membership ended, and record it."""

    def __init__(
        self,
        services: Services,
        operations: Operations,
        member: Member,
        status: Status = Status.RESIGNED,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._operations = operations
        self._member = member
        self.saved: Member | None = None
        self.setWindowTitle(tr("Catat berakhirnya keanggotaan"))
        self.setMinimumWidth(480)

        who = QLabel(tr("{number} — {name}", number=member.number, name=member.name))
        who.setStyleSheet("font-weight: bold;")
        self.choices = QButtonGroup(self)
        choice_box = QWidget()
        choice_layout = QVBoxLayout(choice_box)
        choice_layout.setContentsMargins(0, 0, 0, 0)
        for ending in ENDINGS:
            button = QRadioButton(ending_text(ending))
            button.setChecked(ending is status)
            self.choices.addButton(button, ENDINGS.index(ending))
            choice_layout.addWidget(button)
        self.date = DateField()
        self.date.set_date(services.ctx.today())
        self.reason = QLineEdit()
        date_box, self.date_problem = with_problem(self.date)
        reason_box, self.reason_problem = with_problem(self.reason)

        form = QFormLayout()
        form.addRow(tr("Anggota"), who)
        form.addRow(tr("Cara berakhir"), choice_box)
        date_label = QLabel(tr("&Tanggal"))
        date_label.setBuddy(self.date)
        form.addRow(date_label, date_box)
        reason_label = QLabel(tr("&Alasan"))
        reason_label.setBuddy(self.reason)
        form.addRow(reason_label, reason_box)
        note = QLabel(tr("Anggota tetap tercatat di buku daftar anggota dengan status barunya."))
        note.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.choices.idToggled.connect(lambda _id, _on: self._update_reason_hint())
        self._update_reason_hint()
        self.date.setFocus()

    @property
    def status(self) -> Status:
        """The ending chosen."""
        return ENDINGS[max(0, self.choices.checkedId())]

    def _update_reason_hint(self) -> None:
        self.reason.setPlaceholderText(
            tr("boleh kosong") if self.status is Status.DECEASED else tr("wajib diisi")
        )

    def save(self) -> None:
        """Record the ending when the form is complete; otherwise say what is missing."""
        date_problem = self.date.problem() or (
            "" if self.date.date() else tr("Tanggal wajib diisi")
        )
        self.date_problem.show_problems(_as_problem(date_problem))
        reason_missing = self.status is not Status.DECEASED and not self.reason.text().strip()
        self.reason_problem.show_problems(
            _as_problem(tr("Alasan wajib diisi") if reason_missing else "")
        )
        if date_problem:
            self.date.setFocus()
            return
        if reason_missing:
            self.reason.setFocus()
            return
        day = self.date.date()
        assert day is not None and self._member.id is not None
        member_id, status, reason = self._member.id, self.status, self.reason.text()
        result = self._operations.run(
            self, lambda: self._services.register.record_exit(member_id, status, day, reason)
        )
        if result is not None:
            self.saved = result.value
            self.accept()


def _as_problem(message: str) -> list[Problem]:
    return [Problem(message)] if message else []
