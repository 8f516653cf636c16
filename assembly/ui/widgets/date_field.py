"""A date typed the Indonesian way (dd/mm/yyyy), which may also be left empty."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtWidgets import QLineEdit, QWidget

from assembly.i18n import tr

_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_COMPACT = re.compile(r"^(\d{2})(\d{2})(\d{4})$")


def parse_date(text: str) -> dt.date | None:
    """The date in ``text`` (dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, ddmmyyyy or yyyy-mm-dd).

    Raises ValueError with a message for the user when the text is not a date."""
    text = text.strip()
    if not text:
        return None
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DAY_FIRST.match(text) or _COMPACT.match(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise ValueError(tr("Tulis tanggal sebagai dd/mm/yyyy, misalnya 23/11/1985"))
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(tr("Tanggal {text} tidak ada di kalender", text=text)) from None


def format_date(day: dt.date | None) -> str:
    """``day`` as dd/mm/yyyy, or "" for none."""
    return day.strftime("%d/%m/%Y") if day else ""


class DateField(QLineEdit):
    """A text field for a date as dd/mm/yyyy; empty means "no date"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(tr("dd/mm/yyyy"))
        self.setMaxLength(10)
        self.setMaximumWidth(150)
        self.setToolTip(tr("Tanggal sebagai dd/mm/yyyy; kosongkan bila tidak diketahui"))

    def date(self) -> dt.date | None:
        """The date typed, or None when empty or not a date."""
        try:
            return parse_date(self.text())
        except ValueError:
            return None

    def problem(self) -> str:
        """Why the text is not a date, or "" when it is one (or empty)."""
        try:
            parse_date(self.text())
        except ValueError as exc:
            return str(exc)
        return ""

    def set_date(self, day: dt.date | None) -> None:
        """Show ``day`` (or nothing)."""
        self.setText(format_date(day))
