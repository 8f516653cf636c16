"""Quorum and majority thresholds as exact integer arithmetic.

The law sets no number: UU 25/1992 Pasal 22(2) leaves the conduct of the Rapat Anggota to the
AD, so every rule here is data from the cooperative's AD profile. A threshold is always shown
as a minimum ("minimal 626 dari 1.250").
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from assembly.i18n import tr


class Comparison(StrEnum):
    """How the AD words a threshold."""

    MORE_THAN = "gt"  # "lebih dari 1/2"
    AT_LEAST = "ge"  # "sekurang-kurangnya 1/2"
    PLUS_ONE = "plus_one"  # "1/2 + 1": the fraction, rounded, plus one


class Rounding(StrEnum):
    """How "1/2 + 1" treats a fraction of a person (only for ``Comparison.PLUS_ONE``)."""

    DOWN = "down"
    UP = "up"


class QuorumBase(StrEnum):
    """What the quorum fraction is taken of."""

    VOTING_MEMBERS = "voting"  # anggota yang memiliki hak suara at the cut-off date
    ALL_MEMBERS = "all"  # every active entry of the register


@dataclass(frozen=True)
class Threshold:
    """A fraction with its comparison: the smallest whole count that satisfies it."""

    numerator: int = 1
    denominator: int = 2
    comparison: Comparison = Comparison.MORE_THAN
    rounding: Rounding = Rounding.DOWN

    def __post_init__(self) -> None:
        if self.denominator <= 0 or not 0 < self.numerator <= self.denominator:
            raise ValueError(f"fraction {self.numerator}/{self.denominator} is not in (0, 1]")

    def minimum(self, base: int) -> int:
        """The smallest count out of ``base`` that meets the threshold."""
        whole, rest = divmod(base * self.numerator, self.denominator)
        if self.comparison is Comparison.MORE_THAN:
            return whole + 1
        if self.comparison is Comparison.AT_LEAST:
            return whole + (1 if rest else 0)
        rounded = whole + (1 if rest and self.rounding is Rounding.UP else 0)
        return rounded + 1

    def is_met(self, count: int, base: int) -> bool:
        """Whether ``count`` out of ``base`` meets the threshold."""
        return count >= self.minimum(base)

    @property
    def fraction(self) -> str:
        """The fraction as digits, e.g. "1/2"."""
        return f"{self.numerator}/{self.denominator}"

    def describe(self) -> str:
        """The threshold in words, e.g. "lebih dari 1/2"."""
        if self.comparison is Comparison.MORE_THAN:
            return tr("lebih dari {fraction}", fraction=self.fraction)
        if self.comparison is Comparison.AT_LEAST:
            return tr("sekurang-kurangnya {fraction}", fraction=self.fraction)
        if self.rounding is Rounding.UP:
            return tr(
                "{fraction} ditambah satu (pecahan dibulatkan ke atas)", fraction=self.fraction
            )
        return tr("{fraction} ditambah satu (pecahan dibulatkan ke bawah)", fraction=self.fraction)


@dataclass(frozen=True)
class QuorumRule:
    """The attendance a Rapat Anggota needs to be valid."""

    threshold: Threshold = Threshold()
    base: QuorumBase = QuorumBase.VOTING_MEMBERS

    def minimum(self, base_count: int) -> int:
        """The minimum number present out of ``base_count``."""
        return self.threshold.minimum(base_count)

    def describe(self) -> str:
        """The rule in words, e.g. "lebih dari 1/2 jumlah anggota yang memiliki hak suara"."""
        of = (
            tr("jumlah anggota yang memiliki hak suara")
            if self.base is QuorumBase.VOTING_MEMBERS
            else tr("jumlah seluruh anggota")
        )
        return f"{self.threshold.describe()} {of}"


def minimum_text(minimum: int, base: int) -> str:
    """The minimum as the hall reads it: "minimal 626 dari 1.250"."""
    return tr("minimal {minimum} dari {base}", minimum=thousands(minimum), base=thousands(base))


def thousands(number: int) -> str:
    """A whole number with "." between thousands, as Indonesian documents write it."""
    return f"{number:,}".replace(",", ".")
