"""The cooperative's profile as a form, shared by the first-start wizard and the cooperative
page: identity, level, time zone, end of the financial year, and the code in document numbers."""

from __future__ import annotations

import calendar

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from assembly.domain.cooperative import Cooperative, Level, TimeZone, validate_cooperative
from assembly.domain.errors import Problem
from assembly.i18n import tr
from assembly.ui.widgets.inline_problems import InlineProblem, with_problem


def month_names() -> list[str]:
    """January to December in the active language."""
    return [
        tr("Januari"),
        tr("Februari"),
        tr("Maret"),
        tr("April"),
        tr("Mei"),
        tr("Juni"),
        tr("Juli"),
        tr("Agustus"),
        tr("September"),
        tr("Oktober"),
        tr("November"),
        tr("Desember"),
    ]


class CooperativeForm(QWidget):
    """Edits a :class:`Cooperative`; problems show under their field as the user types."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("mis. Koperasi Simpan Pinjam Sejahtera Bersama"))
        self.legal_entity_number = QLineEdit()
        self.legal_entity_number.setPlaceholderText(tr("mis. 518/BH/XIII.12/2001"))
        self.registration_number = QLineEdit()
        self.registration_number.setPlaceholderText(tr("16 angka dari ODS Kementerian"))
        self.address = QLineEdit()
        self.city = QLineEdit()
        self.level = QComboBox()
        for level in Level:
            self.level.addItem(tr(level.key), level)
        self.time_zone = QComboBox()
        for zone in TimeZone:
            self.time_zone.addItem(tr(zone.key), zone)
        self.year_end_day = QComboBox()
        self.year_end_month = QComboBox()
        for number, month in enumerate(month_names(), start=1):
            self.year_end_month.addItem(month, number)
        self.year_end_month.setCurrentIndex(11)  # most financial years end on 31 December
        self.year_end_month.currentIndexChanged.connect(self._fill_days)
        self._fill_days()
        self.code = QLineEdit()
        self.code.setPlaceholderText(tr("mis. KSP-SB"))
        self.code.setMaxLength(40)

        year_end = QWidget()
        year_layout = QHBoxLayout(year_end)
        year_layout.setContentsMargins(0, 0, 0, 0)
        year_layout.addWidget(self.year_end_day)
        year_layout.addWidget(self.year_end_month)
        year_layout.addStretch(1)

        self.problems: dict[str, InlineProblem] = {}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, text, field in (
            ("name", tr("&Nama koperasi"), self.name),
            ("legal", tr("Nomor &badan hukum"), self.legal_entity_number),
            ("registration", tr("Nomor &Induk Koperasi"), self.registration_number),
            ("address", tr("&Alamat"), self.address),
            ("city", tr("&Kota/Kabupaten"), self.city),
            ("level", tr("&Jenis koperasi"), self.level),
            ("zone", tr("&Zona waktu"), self.time_zone),
            ("year_end", tr("Akhir &tahun buku"), year_end),
            ("code", tr("Kode untuk nomor &dokumen"), self.code),
        ):
            box, problem = with_problem(field)
            label = QLabel(text)
            label.setBuddy(self.year_end_day if field is year_end else field)
            form.addRow(label, box)
            self.problems[key] = problem
        self._columns = {
            tr("Nama koperasi"): "name",
            tr("Nomor Induk Koperasi"): "registration",
            tr("Akhir tahun buku"): "year_end",
            tr("Kode untuk nomor dokumen"): "code",
        }
        for edit in (self.name, self.registration_number, self.code):
            edit.textEdited.connect(lambda _t: self.check())
        self.year_end_day.currentIndexChanged.connect(lambda _i: self.check())

    def cooperative(self) -> Cooperative:
        """The profile as the form holds it."""
        return Cooperative(
            name=self.name.text().strip(),
            legal_entity_number=self.legal_entity_number.text().strip(),
            registration_number=self.registration_number.text().strip(),
            address=self.address.text().strip(),
            city=self.city.text().strip(),
            level=Level(self.level.currentData()),
            time_zone=TimeZone(self.time_zone.currentData()),
            fiscal_year_end_month=int(self.year_end_month.currentData()),
            fiscal_year_end_day=int(self.year_end_day.currentData()),
            code=self.code.text().strip(),
        )

    def set_cooperative(self, coop: Cooperative) -> None:
        """Show ``coop``."""
        self.name.setText(coop.name)
        self.legal_entity_number.setText(coop.legal_entity_number)
        self.registration_number.setText(coop.registration_number)
        self.address.setText(coop.address)
        self.city.setText(coop.city)
        self.level.setCurrentIndex(self.level.findData(coop.level))
        self.time_zone.setCurrentIndex(self.time_zone.findData(coop.time_zone))
        self.year_end_month.setCurrentIndex(coop.fiscal_year_end_month - 1)
        self.year_end_day.setCurrentIndex(self.year_end_day.findData(coop.fiscal_year_end_day))
        self.code.setText(coop.code)
        self.check()

    def check(self) -> list[Problem]:
        """Show each problem under its field; returns them all (warnings included)."""
        problems = validate_cooperative(self.cooperative())
        for key, widget in self.problems.items():
            widget.show_problems([p for p in problems if self._columns.get(p.column) == key])
        return problems

    def first_error_field(self) -> QWidget | None:
        """The field of the first blocking problem shown, to put the cursor in."""
        fields = {
            "name": self.name,
            "registration": self.registration_number,
            "year_end": self.year_end_day,
            "code": self.code,
        }
        for key, widget in self.problems.items():
            if widget.is_error:
                return fields.get(key)
        return None

    def _fill_days(self) -> None:
        chosen = self.year_end_day.currentData()
        month = int(self.year_end_month.currentData() or 12)
        last = calendar.monthrange(2001, month)[1]
        self.year_end_day.blockSignals(True)
        self.year_end_day.clear()
        for day in range(1, last + 1):
            self.year_end_day.addItem(str(day), day)
        self.year_end_day.setCurrentIndex(min(int(chosen or last), last) - 1)
        self.year_end_day.blockSignals(False)
