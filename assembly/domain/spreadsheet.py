"""Text a spreadsheet would run, made inert: the one rule every CSV and XLSX Kuorum writes
follows (DESIGN.md section 7; OWASP "CSV injection").

Excel, LibreOffice and Google Sheets start a formula (or a DDE call, ``=cmd|' /C calc'!A0``)
when a cell begins with ``=``, ``+``, ``-`` or ``@``; a leading tab or carriage return hides
such a start from a naive check but the spreadsheet strips it and runs what follows; and
Excel with an East-Asian input method takes the full-width forms (``＝ ＋ － ＠``) as the
ASCII ones. Such text gets a leading apostrophe: every spreadsheet then shows it as text and
never runs it, and a reader sees that it was neutralised. Member names and decision titles
are the user's words, so the rule applies to every text cell, not only to suspicious ones.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def inert(text: str) -> str:
    """``text`` as a spreadsheet shows it and never runs it: a leading apostrophe before
    anything that could start a formula; other text unchanged."""
    return "'" + text if text.startswith(FORMULA_START) else text


def inert_cell(value: object) -> object:
    """A cell's value with text made inert (numbers and dates stay what they are)."""
    return inert(value) if isinstance(value, str) else value
