"""What the register page asks of the member register: search text, filters and sort order.

Pure values; the persistence layer turns a query into SQL, the screens build it from what the
user typed and chose.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from assembly.domain.members import Category, Status

# The trigram index behind "any part of the name" only matches runs of 3 characters or more.
TRIGRAM = 3
# A run of digits this long may be the start of a NIK (province and regency code).
NIK_PREFIX_MIN = 4


class SortColumn(StrEnum):
    """The columns the register can be sorted by."""

    NUMBER = "number"
    NAME = "name"
    JOINED = "joined_on"
    STATUS = "status"


@dataclass(frozen=True)
class RegisterQuery:
    """A search of the register. Empty ``categories`` or ``statuses`` mean "any"."""

    text: str = ""
    categories: frozenset[Category] = frozenset()
    statuses: frozenset[Status] = frozenset()
    sort: SortColumn = SortColumn.NUMBER
    descending: bool = False
    # Only leavers whose exit date the register does not know yet (to complete them).
    exit_unknown: bool = False

    @property
    def words(self) -> tuple[str, ...]:
        """The search text split into words, blanks dropped."""
        return tuple(self.text.split())

    @property
    def needle(self) -> str:
        """The search text with runs of blanks made single: what a name or number must hold."""
        return " ".join(self.words)

    @property
    def digits(self) -> str:
        """The text as NIK digits when it is only digits (spaces, dots and dashes allowed),
        else ""."""
        compact = "".join(c for c in self.needle if c not in " .-")
        return compact if compact.isdigit() else ""

    @property
    def may_be_nik(self) -> bool:
        """Whether the text can be (the start of) a NIK."""
        return len(self.digits) >= NIK_PREFIX_MIN

    @property
    def name_phrases(self) -> tuple[str, ...]:
        """What a name must contain, each anywhere in it: the words of the text, except that
        a word of 1-2 characters stays joined to the word before it (or after it) as typed,
        since the trigram index cannot find it alone. "siti am" -> ("siti am",);
        "siti aminah" -> ("siti", "aminah"). Empty when the whole text is too short."""
        if len(self.needle) < TRIGRAM:
            return ()
        phrases: list[list[str]] = []
        for word in self.words:
            if phrases and (len(word) < TRIGRAM or len(" ".join(phrases[-1])) < TRIGRAM):
                phrases[-1].append(word)
            else:
                phrases.append([word])
        if len(phrases) > 1 and len(" ".join(phrases[0])) < TRIGRAM:
            phrases[1] = phrases[0] + phrases[1]
            del phrases[0]
        return tuple(" ".join(p) for p in phrases)

    @property
    def is_filtered(self) -> bool:
        """Whether the query narrows the register at all."""
        return bool(self.needle or self.categories or self.statuses or self.exit_unknown)

    def with_text(self, text: str) -> RegisterQuery:
        """This query with other search text."""
        return replace(self, text=text)

    def with_filters(
        self,
        categories: frozenset[Category],
        statuses: frozenset[Status],
        *,
        exit_unknown: bool = False,
    ) -> RegisterQuery:
        """This query with other category and status filters (``exit_unknown``: only
        leavers without an exit date)."""
        if exit_unknown:
            statuses = (statuses or frozenset(Status)) - {Status.ACTIVE}
        return replace(self, categories=categories, statuses=statuses, exit_unknown=exit_unknown)

    def sorted_by(self, column: SortColumn, descending: bool = False) -> RegisterQuery:
        """This query in another order."""
        return replace(self, sort=column, descending=descending)
