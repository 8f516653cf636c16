"""Indonesian (or English) texts on Qt's standard buttons: Qt ships no Indonesian catalogue."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from assembly.i18n import tr

_Std = QDialogButtonBox.StandardButton


def standard_texts() -> dict[QDialogButtonBox.StandardButton, str]:
    """The text of each standard button in the active language."""
    return {
        _Std.Ok: tr("OK"),
        _Std.Save: tr("Simpan"),
        _Std.Cancel: tr("Batal"),
        _Std.Close: tr("Tutup"),
        _Std.Yes: tr("Ya"),
        _Std.No: tr("Tidak"),
        _Std.Apply: tr("Terapkan"),
        _Std.Discard: tr("Buang"),
        _Std.Open: tr("Buka"),
        _Std.Reset: tr("Kembalikan"),
        _Std.Help: tr("Bantuan"),
    }


def localize_buttons(box: QDialogButtonBox) -> QDialogButtonBox:
    """Give ``box``'s standard buttons their texts in the active language."""
    for which, text in standard_texts().items():
        button = box.button(which)
        if button is not None:
            button.setText(text)
    return box


def localize_message_box(box: QMessageBox) -> QMessageBox:
    """Give a message box's standard buttons their texts in the active language."""
    for which, text in standard_texts().items():
        button = box.button(QMessageBox.StandardButton(which.value))
        if button is not None:
            button.setText(text)
    return box
