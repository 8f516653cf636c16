"""Member numbers as people say them, and the next one to give out.

A register numbered "KSP-012345" is spoken of as "12345" or "012345": the *key* of a number is
its digits without the zeros in front, so each way of saying it finds it. The next free number
follows the register's own pattern (prefix and zero padding).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_DIGIT_RUNS = re.compile(r"[0-9]+")
_LAST_RUN = re.compile(r"^(.*?)([0-9]+)([^0-9]*)$")


def digits(number: str) -> str:
    """Every digit of ``number``, zeros kept: "KSP-012345" -> "012345"."""
    return "".join(_DIGIT_RUNS.findall(number))


def number_key(number: str) -> str:
    """The digits of ``number`` without leading zeros: "KSP-012345" -> "12345", "0007" ->
    "7", "000" -> "0"; "" when it holds no digit."""
    found = digits(number)
    if not found:
        return ""
    return found.lstrip("0") or "0"


def typed_key(text: str) -> str:
    """The key to look a typed number up by, when the text is only digits (spaces, dots and
    dashes allowed) and not only zeros: "012345" -> "12345"; else ""."""
    compact = "".join(c for c in text if c not in " .-")
    if not compact.isascii() or not compact.isdigit():
        return ""
    key = compact.lstrip("0")
    return key


def next_number(numbers: Iterable[str]) -> str:
    """The number after the highest of the register's most common pattern (prefix and
    suffix around the last run of digits, zero padding as the register pads): after
    "KSP-000123" comes "KSP-000124", after "99" comes "100"; an empty register starts at
    "0001"."""
    counts: dict[tuple[str, str], int] = {}
    highest: dict[tuple[str, str], int] = {}
    widths: dict[tuple[str, str], int] = {}
    for number in numbers:
        found = _LAST_RUN.match(number.strip())
        if found is None:
            continue
        prefix, digits, suffix = found.groups()
        pattern = (prefix, suffix)
        counts[pattern] = counts.get(pattern, 0) + 1
        highest[pattern] = max(highest.get(pattern, 0), int(digits))
        if digits.startswith("0"):  # padded: the register writes numbers this wide
            widths[pattern] = max(widths.get(pattern, 0), len(digits))
    if not counts:
        return "0001"
    pattern = max(counts, key=lambda p: (counts[p], highest[p]))
    prefix, suffix = pattern
    return f"{prefix}{highest[pattern] + 1:0{widths.get(pattern, 0)}d}{suffix}"


def following(number: str) -> str:
    """The number after ``number`` in its own pattern ("KSP-0009" -> "KSP-0010")."""
    return next_number([number])


def letters(number: str) -> str:
    """What a number holds besides its digits, compared loosely: "KSP-012345" -> "ksp"."""
    return "".join(c for c in number.casefold() if c.isalpha())


def spoken_matches(entered: str, candidates: list[str]) -> list[str]:
    """Which of ``candidates`` (numbers sharing the key of ``entered``) the user meant: all
    of them for bare digits ("12345"), those with the same letters when letters were typed
    ("ksp 12345")."""
    typed = letters(entered)
    found = [c for c in candidates if letters(c) == typed] if typed else list(candidates)
    if len(found) > 1:
        # "012345" means KSP-012345 rather than 12345: the zeros as typed decide.
        typed_digits = digits(entered)
        same = [c for c in found if digits(c) == typed_digits]
        if len(same) == 1:
            return same
    return found
