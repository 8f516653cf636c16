"""The figures a berita acara states, and their reconciliation with an independent recount
(issue 11, point 2).

Every number the minutes write (attendance by channel and category, each quorum step, each
ballot's snapshot and tally, each result under its rule) is also carried as a
:class:`Figure`: a stable key, the value, where it stands (section, clause and point, then the
page once laid out) and, for a head count, the moment it counts. The reconciliation check
recounts the same keys from the records (or from the PDF's own attachments) and
:func:`compare` lists every key where the two differ, or that one side lacks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

Value = int | str


@dataclass(frozen=True)
class Figure:
    """One stated figure. ``key`` names it the same way in the minutes and in any recount
    ("hadir.langsung", "suara.3.setuju", "kuorum.1.hadir"); ``place`` is where the minutes
    state it ("I.2", "III.4", or "LAMPIRAN I"); ``point`` the sub-point within the clause
    (0: the clause itself); ``page`` the page it landed on (0: not laid out); ``at`` the
    moment a head count counts."""

    key: str
    value: Value
    place: str = ""
    point: int = 0
    page: int = 0
    at: dt.datetime | None = None

    @property
    def anchor(self) -> str:
        """The clause and point as a label for the page map: "I.2" or "III.4.c"."""
        return anchor(self.place, self.point)


def anchor(place: str, point: int) -> str:
    """ "III.4" for a clause, "III.4.c" for its third point."""
    return f"{place}.{_letter(point)}" if point else place


def _letter(point: int) -> str:
    return "abcdefghijklmnopqrstuvwxyz"[(point - 1) % 26]


def placed(figures: Iterable[Figure], place: str, point: int = 0) -> tuple[Figure, ...]:
    """The figures with their place set."""
    return tuple(replace(f, place=place, point=point) for f in figures)


def on_pages(figures: Iterable[Figure], pages: Mapping[str, int]) -> tuple[Figure, ...]:
    """The figures with the page each one's clause or point landed on."""
    return tuple(replace(f, page=pages.get(f.anchor, pages.get(f.place, 0))) for f in figures)


@dataclass(frozen=True)
class Mismatch:
    """A figure the minutes state that the recount does not confirm. ``recounted`` is None
    when the recount has no such figure; ``stated`` is None when the minutes leave out a
    figure the records hold."""

    key: str
    stated: Value | None
    recounted: Value | None
    place: str = ""
    page: int = 0


def compare(stated: Sequence[Figure], recounted: Mapping[str, Value]) -> list[Mismatch]:
    """Every stated figure whose recount differs or is missing, then every recounted figure
    the minutes do not state; in the order the minutes state them."""
    out: list[Mismatch] = []
    seen: set[str] = set()
    for f in stated:
        seen.add(f.key)
        other = recounted.get(f.key)
        if other != f.value:
            out.append(Mismatch(f.key, f.value, other, f.anchor, f.page))
    out += [Mismatch(k, None, v) for k, v in recounted.items() if k not in seen]
    return out


_NUMBER = re.compile(r"\d+(?:[.,]\d{3})*")
_NAME = re.compile(r"\b[A-Z][\w'.-]*")


def result_key(outcome: str, statement: str) -> str:
    """A result as compared: the outcome, every name (capitalised words: the elected, those
    in a run-off) and every number its statement gives, whatever the language it was worded
    in ("disetujui 390 569 1 2" for "disetujui: 390 dari 569 suara sah, lebih dari 1/2";
    "terpilih Nining Nurhayati 318" for "terpilih: Nining Nurhayati (318)")."""
    names = _NAME.findall(statement)
    numbers = [n.replace(".", "").replace(",", "") for n in _NUMBER.findall(statement)]
    return " ".join([outcome, *names, *numbers])
