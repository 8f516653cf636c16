"""Adding a member to the register, or changing one: a keyboard-first form.

Tab moves through the fields in reading order, Enter saves, Esc cancels; "Simpan & tambah"
(Ctrl+Enter) saves and opens a fresh form with the next free number, for typing in a paper
register. As the user types,
each field shows its own problem under it, in Indonesian: errors (in red) block the save,
warnings (in amber, e.g. an unknown NIK region) do not.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.errors import Problem
from assembly.domain.members import MEMBER_NUMBER_MAX, NAME_MAX, Category, Member, Sex, Status
from assembly.i18n import tr, trn
from assembly.services.bundle import Services
from assembly.ui.operation import Operations
from assembly.ui.widgets.date_field import DateField
from assembly.ui.widgets.inline_problems import InlineProblem, with_problem

CHECK_DELAY_MS = 120


class MemberDialog(QDialog):
    """Add a member (``member`` None) or edit ``member``. After ``exec()`` is accepted,
    ``saved`` holds the member as stored."""

    def __init__(
        self,
        services: Services,
        operations: Operations,
        member: Member | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._operations = operations
        self._original = member
        self.saved: Member | None = None
        self._touched: set[str] = set()
        self._shown_all = False
        self.setWindowTitle(tr("Ubah anggota") if member else tr("Tambah anggota"))

        self.number = QLineEdit()
        self.number.setMaxLength(MEMBER_NUMBER_MAX)
        self.name = QLineEdit()
        self.name.setMaxLength(NAME_MAX)
        self.nik = QLineEdit()
        self.nik.setMaxLength(24)
        self.nik.setPlaceholderText(tr("16 angka sesuai KTP (boleh kosong)"))
        self.sex = QComboBox()
        self.sex.addItem(tr("— belum diisi —"), None)
        for sex in Sex:
            self.sex.addItem(tr(sex.key), sex)
        self.birth_date = DateField()
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.joined_on = DateField()
        self.category = QComboBox()
        for category in Category:
            self.category.addItem(tr(category.key), category)
        self.status = QComboBox()
        for status in Status:
            self.status.addItem(tr(status.key), status)
        self.exit_date = DateField()
        self.exit_reason = QLineEdit()
        self.arrears = QCheckBox(tr("Ada tunggakan simpanan pokok/wajib"))

        self._problems: dict[str, InlineProblem] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, QWidget, str]] = [
            (tr("Nomor anggota"), self.number, "number"),
            (tr("Nama lengkap"), self.name, "name"),
            (tr("NIK"), self.nik, "nik"),
            (tr("Jenis kelamin"), self.sex, "sex"),
            (tr("Tanggal lahir"), self.birth_date, "birth_date"),
            (tr("Alamat"), self.address, "address"),
            (tr("Telepon"), self.phone, "phone"),
            (tr("Tanggal masuk"), self.joined_on, "joined_on"),
            (tr("Kategori"), self.category, "category"),
            (tr("Status"), self.status, "status"),
            (tr("Tanggal keluar"), self.exit_date, "exit_date"),
            (tr("Alasan keluar"), self.exit_reason, "exit_reason"),
            ("", self.arrears, "arrears"),
        ]
        self._fields: dict[str, QWidget] = {}
        for text, field, key in rows:
            box, problem = with_problem(field)
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, box)
            self._problems[key] = problem
            self._fields[key] = field
        # Problems name their field as the user sees it (Problem.column).
        self._column_keys = {
            tr("Nomor anggota"): "number",
            tr("Nama"): "name",
            tr("NIK"): "nik",
            tr("Tanggal lahir"): "birth_date",
            tr("Tanggal masuk"): "joined_on",
            tr("Tanggal keluar"): "exit_date",
        }

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Quick entry of a paper register: save, and a fresh form with the next number.
        self.save_and_add_button = QPushButton(tr("Simpan && &tambah"))
        self.save_and_add_button.setToolTip(tr("Simpan, lalu isi anggota berikutnya (Ctrl+Enter)"))
        self.save_and_add_button.setAutoDefault(False)
        self.save_and_add_button.clicked.connect(self.save_and_add)
        if member is None:
            self.buttons.addButton(self.save_and_add_button, QDialogButtonBox.ButtonRole.ActionRole)
        else:
            self.save_and_add_button.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.added = QLabel()
        self.added.setObjectName("added")
        self.added.setStyleSheet("color: #0b6a0b;")
        layout = QVBoxLayout(self)
        # The window grows when a problem shows under a field, never squeezing the fields.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        fields = QWidget()
        fields.setLayout(form)
        # On the fields, not the window: a window minimum would stop it growing in height.
        fields.setMinimumWidth(560)
        layout.addWidget(fields)
        layout.addWidget(self.summary)
        layout.addWidget(self.added)
        layout.addWidget(self.buttons)

        self.added_count = 0
        if member is not None:
            self._show(member)
        else:
            self._propose_number()
        self._exit_fields_follow_status()
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check)
        self._watch()
        if member is not None and member.status is not Status.ACTIVE:
            self.check()  # a leaver without an exit date: say so at once
        self.number.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Ctrl+Enter: "Simpan & tambah" (Enter alone saves and closes, as in every form).
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._original is None:
                self.save_and_add()
            event.accept()
            return
        super().keyPressEvent(event)

    # --- reading and writing the form ------------------------------------------------------

    def member(self) -> Member:
        """The member as the form holds it now (dates that are not dates count as empty)."""
        base = self._original or Member("", "")
        return replace(
            base,
            number=self.number.text(),
            name=self.name.text(),
            nik=self.nik.text() or None,
            sex=Sex(self.sex.currentData()) if self.sex.currentData() else None,
            birth_date=self.birth_date.date(),
            address=self.address.text(),
            phone=self.phone.text(),
            joined_on=self.joined_on.date(),
            category=Category(self.category.currentData()),
            status=Status(self.status.currentData()),
            exit_date=self.exit_date.date() if self.exit_date.isEnabled() else None,
            exit_reason=self.exit_reason.text() if self.exit_reason.isEnabled() else "",
            arrears=self.arrears.isChecked(),
        )

    def _show(self, member: Member) -> None:
        self.number.setText(member.number)
        self.name.setText(member.name)
        self.nik.setText(member.nik or "")
        self.sex.setCurrentIndex(max(0, self.sex.findData(member.sex)))
        self.birth_date.set_date(member.birth_date)
        self.address.setText(member.address)
        self.phone.setText(member.phone)
        self.joined_on.set_date(member.joined_on)
        self.category.setCurrentIndex(self.category.findData(member.category))
        self.status.setCurrentIndex(self.status.findData(member.status))
        self.exit_date.set_date(member.exit_date)
        self.exit_reason.setText(member.exit_reason)
        self.arrears.setChecked(member.arrears)

    def _watch(self) -> None:
        for key, field in self._fields.items():
            if isinstance(field, QLineEdit):
                field.textEdited.connect(lambda _t, k=key: self._edited(k))
            elif isinstance(field, QComboBox):
                field.currentIndexChanged.connect(lambda _i, k=key: self._edited(k))
            elif isinstance(field, QCheckBox):
                field.toggled.connect(lambda _c, k=key: self._edited(k))
        self.status.currentIndexChanged.connect(self._exit_fields_follow_status)

    def _edited(self, key: str) -> None:
        self._touched.add(key)
        self._check_timer.start()

    def _exit_fields_follow_status(self) -> None:
        ended = self.status.currentData() != Status.ACTIVE.value
        self.exit_date.setEnabled(ended)
        self.exit_reason.setEnabled(ended)
        if ended:
            self._touched.add("exit_date")  # say at once what the date is for

    # --- checking and saving ---------------------------------------------------------------

    def check(self) -> list[Problem]:
        """Check the form now; show each problem beside its field (only fields the user has
        touched, until a save was tried). Returns every problem."""
        self._check_timer.stop()
        found: dict[str, list[Problem]] = {key: [] for key in self._problems}
        problems: list[Problem] = []
        for key in ("birth_date", "joined_on", "exit_date"):
            field = self._fields[key]
            assert isinstance(field, DateField)
            if field.isEnabled() and field.problem():
                problem = Problem(field.problem(), key)
                found[key].append(problem)
                problems.append(problem)
        for problem in self._services.register.check(self.member()):
            key = self._column_keys.get(problem.column, "number")
            found[key].append(problem)
            problems.append(problem)
        for key, widget in self._problems.items():
            shown = self._shown_all or key in self._touched
            widget.show_problems(found[key] if shown else [])
        blocking = [p for p in problems if not p.warning]
        self.summary.setText(
            trn(
                "Periksa {n} isian yang ditandai merah.",
                "Periksa {n} isian yang ditandai merah.",
                len(blocking),
            )
            if blocking and self._shown_all
            else ""
        )
        self.summary.setStyleSheet("color: #b3261e;")
        return problems

    def save(self) -> None:
        """Save when nothing blocks it; otherwise show every problem and go to the first."""
        if self._store():
            self.accept()

    def save_and_add(self) -> None:
        """Save, then empty the form for the next member: the next free number proposed,
        the category and join date kept (a paper register is typed in page by page)."""
        if self._original is not None or not self._store():
            return
        saved = self.saved
        assert saved is not None
        self.added_count += 1
        self.added.setText(
            tr(
                "{number} {name} tersimpan ({n} anggota ditambahkan). Isi anggota berikutnya.",
                number=saved.number,
                name=saved.name,
                n=self.added_count,
            )
        )
        for field in (self.name, self.nik, self.birth_date, self.address, self.phone):
            field.clear()
        self.sex.setCurrentIndex(0)
        self.status.setCurrentIndex(self.status.findData(Status.ACTIVE))
        self.exit_date.clear()
        self.exit_reason.clear()
        self.arrears.setChecked(False)
        self._touched.clear()
        self._shown_all = False
        self.check()
        self._propose_number()
        self.name.setFocus()

    def _propose_number(self) -> None:
        self.number.setText(self._services.register.next_free_number())
        self.number.selectAll()  # typing another number replaces it

    def _store(self) -> bool:
        """Save the form when nothing blocks it (True); else show every problem and go to
        the first."""
        self._shown_all = True
        problems = self.check()
        if any(not p.warning for p in problems):
            for key, widget in self._problems.items():
                if widget.is_error:
                    self._fields[key].setFocus()
                    break
            return False
        member = self.member()
        result = self._operations.run(self, lambda: self._services.register.save(member))
        if result is None:
            return False
        self.saved = result.value
        return True
