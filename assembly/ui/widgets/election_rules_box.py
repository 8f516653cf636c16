"""What an election fills and what its candidates declare, with the AD profile's warnings
(Koperasi Merah Putih, SE Menkop 1/2025) shown while the chair lists the candidates. Warnings
inform; they never stop the election from opening.

Family ties are typed as groups of member numbers: "0002+0003; 0007+0008" says 0002 and 0003
are related, and so are 0007 and 0008.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from assembly.domain.ad_profile import ADProfile
from assembly.domain.ballots import Office
from assembly.i18n import tr
from assembly.services.elections import Declaration

WARNING_STYLE = "color: #8a5a00;"


def parse_groups(text: str) -> list[list[str]]:
    """Groups of member numbers from "0002+0003; 0007, 0008" (";" or a new line between
    groups, "+" or "," inside one)."""
    groups = []
    for part in text.replace("\n", ";").split(";"):
        numbers = [n.strip() for n in part.replace(",", "+").split("+") if n.strip()]
        if numbers:
            groups.append(numbers)
    return groups


class ElectionRulesBox(QWidget):
    """The office of an election and the candidates' declarations. ``check`` is called with
    (office, declarations) and returns the warnings to show."""

    def __init__(
        self,
        profile: ADProfile,
        check: Callable[[Office | None, dict[str, Declaration]], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check
        self.office = QComboBox()
        self.office.setObjectName("election_office")
        self.office.addItem(tr("(tidak disebut)"), None)
        for office in Office:
            self.office.addItem(tr(office.key), office)
        self.village_head = QLineEdit()
        self.village_head.setObjectName("election_village_head")
        self.village_head.setPlaceholderText(tr("nomor anggota, bila kepala desa/lurah dicalonkan"))
        self.related = QLineEdit()
        self.related.setObjectName("election_related")
        self.related.setPlaceholderText(tr("mis. 0002+0003; 0007+0008"))
        self.warnings = QLabel()
        self.warnings.setObjectName("election_warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.hide()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        outer.addLayout(form)
        form.addRow(tr("Jabata&n:"), self.office)
        if profile.warn_village_head_seat:
            form.addRow(tr("Kepala &desa:"), self.village_head)
        else:
            self.village_head.hide()
        if profile.warn_related_pengurus:
            form.addRow(tr("&Hubungan keluarga:"), self.related)
        else:
            self.related.hide()
        outer.addWidget(self.warnings)
        self.office.currentIndexChanged.connect(lambda _i: self.refresh())
        self.village_head.textChanged.connect(lambda _t: self.refresh())
        self.related.textChanged.connect(lambda _t: self.refresh())

    def chosen_office(self) -> Office | None:
        """The office chosen, or None when not given."""
        value = self.office.currentData()
        return Office(value) if value is not None else None

    def declarations(self) -> dict[str, Declaration]:
        """What the candidates declare, by member number."""
        declared: dict[str, Declaration] = {}
        for i, group in enumerate(parse_groups(self.related.text()), start=1):
            for number in group:
                declared[number] = Declaration(kin_group=tr("keluarga {n}", n=i))
        head = self.village_head.text().strip()
        if head:
            declared[head] = Declaration(True, declared.get(head, Declaration()).kin_group)
        return declared

    def refresh(self) -> None:
        """Ask again for the warnings and show them."""
        found = self._check(self.chosen_office(), self.declarations())
        self.warnings.setText("\n".join("⚠ " + w for w in found))
        self.warnings.setVisible(bool(found))
        self.updateGeometry()
