"""Editors for the AD profile's rules: a threshold ("lebih dari 1/2"), a quorum rule, a
majority rule, and an optional rule the AD may leave unset ("belum diatur")."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from assembly.domain.ad_profile import MajorityBase, MajorityRule
from assembly.domain.quorum import Comparison, QuorumBase, QuorumRule, Rounding, Threshold
from assembly.i18n import tr


def _row(*widgets: QWidget) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return layout


class ThresholdEditor(QWidget):
    """A fraction with how the AD words it: "lebih dari", "sekurang-kurangnya", "+ 1"."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison = QComboBox()
        for text, value in (
            (tr("lebih dari"), (Comparison.MORE_THAN, Rounding.DOWN)),
            (tr("sekurang-kurangnya"), (Comparison.AT_LEAST, Rounding.DOWN)),
            (
                tr("pecahan dibulatkan ke bawah + 1"),
                (Comparison.PLUS_ONE, Rounding.DOWN),
            ),
            (tr("pecahan dibulatkan ke atas + 1"), (Comparison.PLUS_ONE, Rounding.UP)),
        ):
            # Stored as text: a Python tuple does not survive Qt's item data.
            self.comparison.addItem(text, f"{value[0].value}|{value[1].value}")
        self.numerator = QSpinBox()
        self.numerator.setRange(1, 100)
        self.denominator = QSpinBox()
        self.denominator.setRange(1, 100)
        # Keep the fraction at most 1 whichever number is typed first: 3 then 4 gives 3/4.
        self.numerator.valueChanged.connect(
            lambda n: self.denominator.setValue(max(n, self.denominator.value()))
        )
        self.denominator.valueChanged.connect(
            lambda d: self.numerator.setValue(min(d, self.numerator.value()))
        )
        slash = QLabel("/")
        self.setLayout(_row(self.comparison, self.numerator, slash, self.denominator))
        for spin in (self.numerator, self.denominator):
            spin.valueChanged.connect(lambda _v: self.changed.emit())
        self.comparison.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.set_threshold(Threshold())

    def threshold(self) -> Threshold:
        """The threshold shown."""
        comparison, rounding = str(self.comparison.currentData()).split("|")
        return Threshold(
            self.numerator.value(),
            self.denominator.value(),
            Comparison(comparison),
            Rounding(rounding),
        )

    def set_threshold(self, threshold: Threshold) -> None:
        """Show ``threshold``."""
        rounding = (
            threshold.rounding if threshold.comparison is Comparison.PLUS_ONE else Rounding.DOWN
        )
        key = f"{threshold.comparison.value}|{rounding.value}"
        self.comparison.setCurrentIndex(self.comparison.findData(key))
        self.denominator.setValue(threshold.denominator)
        self.numerator.setValue(threshold.numerator)


class QuorumEditor(QWidget):
    """A quorum rule: a threshold of the members who may vote, or of all members."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.threshold = ThresholdEditor()
        self.base = QComboBox()
        self.base.addItem(tr("dari anggota berhak suara"), QuorumBase.VOTING_MEMBERS)
        self.base.addItem(tr("dari seluruh anggota"), QuorumBase.ALL_MEMBERS)
        self.setLayout(_row(self.threshold, self.base))
        self.threshold.changed.connect(self.changed)
        self.base.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def rule(self) -> QuorumRule:
        """The rule shown."""
        return QuorumRule(self.threshold.threshold(), QuorumBase(self.base.currentData()))

    def set_rule(self, rule: QuorumRule) -> None:
        """Show ``rule``."""
        self.threshold.set_threshold(rule.threshold)
        self.base.setCurrentIndex(self.base.findData(rule.base))


class MajorityEditor(QWidget):
    """A majority rule: a threshold of valid votes, of those present, or of all members."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.threshold = ThresholdEditor()
        self.base = QComboBox()
        self.base.addItem(tr("dari suara sah"), MajorityBase.VALID_VOTES)
        self.base.addItem(tr("dari anggota yang hadir"), MajorityBase.PRESENT)
        self.base.addItem(tr("dari seluruh anggota"), MajorityBase.ALL_MEMBERS)
        self.setLayout(_row(self.threshold, self.base))
        self.threshold.changed.connect(self.changed)
        self.base.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def rule(self) -> MajorityRule:
        """The rule shown."""
        return MajorityRule(self.threshold.threshold(), MajorityBase(self.base.currentData()))

    def set_rule(self, rule: MajorityRule) -> None:
        """Show ``rule``."""
        self.threshold.set_threshold(rule.threshold)
        self.base.setCurrentIndex(self.base.findData(rule.base))


class OptionalRule(QWidget):
    """A rule the AD may leave unset: a "diatur" box, and the editor while it is ticked."""

    changed = Signal()

    def __init__(self, editor: QuorumEditor | MajorityEditor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.enabled = QCheckBox(tr("diatur:"))
        self.unset = QLabel(tr("belum diatur"))
        self.unset.setStyleSheet("color: #8a5a00; font-style: italic;")
        self.setLayout(_row(self.enabled, self.editor, self.unset))
        self.enabled.toggled.connect(self._follow)
        self.enabled.toggled.connect(lambda _c: self.changed.emit())
        editor.changed.connect(self.changed)
        self._follow(False)

    def rule(self) -> QuorumRule | MajorityRule | None:
        """The rule, or None while it is not set."""
        return self.editor.rule() if self.enabled.isChecked() else None

    def set_rule(self, rule: QuorumRule | MajorityRule | None) -> None:
        """Show ``rule`` (None: not set)."""
        if rule is not None:
            self.editor.set_rule(rule)  # type: ignore[arg-type]
        self.enabled.setChecked(rule is not None)
        self._follow(rule is not None)

    def _follow(self, on: bool) -> None:
        self.editor.setVisible(on)
        self.unset.setVisible(not on)
