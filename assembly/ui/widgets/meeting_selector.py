"""The meeting selector every page shares: it names each meeting fully (type, title, date,
time and zone, number: two meetings of one day are told apart) yet never widens the window
past 1200 px; the full text is in the open list and the tooltip."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

MIN_CHARACTERS = 40  # the selector's width when the page is narrow; it stretches beyond


def meeting_selector(name: str) -> QComboBox:
    """An empty selector named ``name`` (the object name tests and screenshots find it by)."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(MIN_CHARACTERS)
    combo.currentTextChanged.connect(combo.setToolTip)
    return combo
