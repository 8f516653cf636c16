"""Qt's bindings keep Python's own singletons alive. On Python 3.11, None, True and False are
ordinary reference-counted objects (immortal only from 3.12): a binding that returns None from a
method without taking a reference to it lowers None's count on every call, and when it reaches
zero the interpreter aborts ("Fatal Python error: none_dealloc"): the whole app, in the middle of
a meeting. shiboken6 6.12.0 did exactly that for every method returning nothing (setVisible,
setEnabled, update...); the pin in pyproject.toml keeps a release that does not.

Each call below runs many times and the singleton's count must come back where it was."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QStandardItemModel
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget

CALLS = 2_000


class _Emitter(QObject):
    flag = Signal(bool)


def _calls(parent: QWidget) -> dict[str, Callable[[], object]]:
    label = QLabel("Hadir", parent)
    box = QCheckBox("Setuju", parent)
    box.toggled.connect(lambda _checked: None)
    emitter = _Emitter(parent)
    emitter.flag.connect(lambda _value: None)
    model = QStandardItemModel(parent)
    pdf = QPdfDocument(parent)
    return {
        "QWidget.setVisible": lambda: label.setVisible(True),
        "QWidget.setEnabled": lambda: label.setEnabled(False),
        "QWidget.update": label.update,
        "QWidget.setToolTip": lambda: label.setToolTip("Kuorum"),
        "QLabel.setText": lambda: label.setText("Hadir berhak suara: 25"),
        "QAbstractButton.toggle": box.toggle,
        "QAbstractButton.isChecked": box.isChecked,
        "Signal(bool).emit": lambda: emitter.flag.emit(True),
        "QStandardItemModel.clear": model.clear,
        "QPdfDocument.close": pdf.close,
    }


@pytest.mark.parametrize("singleton", [None, True, False], ids=["None", "True", "False"])
def test_qt_calls_keep_the_singletons_counted(qtbot, singleton: object) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    for name, call in _calls(parent).items():
        call()  # first call: caches, lazy type set-up
        before = sys.getrefcount(singleton)
        for _ in range(CALLS):
            call()
        lost = before - sys.getrefcount(singleton)
        assert lost < CALLS // 10, (
            f"{name} lost {lost} references to {singleton!r} in {CALLS} calls"
        )
