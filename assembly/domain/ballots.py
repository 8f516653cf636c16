"""Tallies and majorities: how a vote becomes a decision.

Consensus first (UU 25/1992 Pasal 24(1)); when it fails, the majority decides (Pasal 24(2)),
one member one vote (Pasal 24(3)). What the majority is counted out of is the AD's choice
(``MajorityRule``); abstentions and invalid ballots are recorded apart and, by default, not
counted as votes cast (law.md rule 16); a tie rejects a motion (rule 17).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from assembly.domain.ad_profile import MajorityBase, MajorityRule
from assembly.domain.quorum import thousands
from assembly.i18n import tr


class Choice(StrEnum):
    """A voter's answer to a motion."""

    YES = "setuju"
    NO = "tidak_setuju"
    ABSTAIN = "abstain"
    INVALID = "tidak_sah"

    @property
    def label(self) -> str:
        """The answer as the hall hears it."""
        return {
            Choice.YES: tr("Setuju"),
            Choice.NO: tr("Tidak setuju"),
            Choice.ABSTAIN: tr("Abstain"),
            Choice.INVALID: tr("Tidak sah"),
        }[self]


@dataclass(frozen=True)
class MotionTally:
    """The count of a motion's ballots."""

    yes: int = 0
    no: int = 0
    abstain: int = 0
    invalid: int = 0

    @classmethod
    def of(cls, choices: Iterable[Choice]) -> MotionTally:
        """Count ``choices`` (their order never matters)."""
        counts = Counter(choices)
        return cls(
            counts[Choice.YES], counts[Choice.NO], counts[Choice.ABSTAIN], counts[Choice.INVALID]
        )

    @property
    def total(self) -> int:
        """Every ballot, valid or not."""
        return self.yes + self.no + self.abstain + self.invalid

    def as_dict(self) -> dict[str, int]:
        """The tally under the names of the status JSON."""
        return {
            "setuju": self.yes,
            "tidak_setuju": self.no,
            "abstain": self.abstain,
            "tidak_sah": self.invalid,
        }


@dataclass(frozen=True)
class CountingRules:
    """How abstentions and invalid ballots count (AD profile; default: neither is cast)."""

    abstain_counts_as_cast: bool = False
    invalid_counts_as_cast: bool = False


@dataclass(frozen=True)
class MotionResult:
    """A decided motion: adopted or not, and the figures the minutes state."""

    adopted: bool
    yes: int
    base: int
    needed: int
    rule: MajorityRule
    statement: str


def decide_motion(
    tally: MotionTally,
    rule: MajorityRule,
    *,
    present: int,
    members: int,
    counting: CountingRules = CountingRules(),
) -> MotionResult:
    """Whether ``tally`` adopts the motion under ``rule``.

    ``present`` is the entitled present at the ballot's snapshot, ``members`` all entitled
    members; the base the rule uses is stated in the result ("disetujui: 412 dari 700 suara
    sah, lebih dari 1/2"). A tie is never adopted."""
    if rule.base is MajorityBase.VALID_VOTES:
        base = tally.yes + tally.no
        base += tally.abstain if counting.abstain_counts_as_cast else 0
        base += tally.invalid if counting.invalid_counts_as_cast else 0
    elif rule.base is MajorityBase.PRESENT:
        base = present
    else:
        base = members
    needed = rule.threshold.minimum(base)
    adopted = base > 0 and tally.yes >= needed and tally.yes > tally.no
    of = {
        MajorityBase.VALID_VOTES: tr("suara sah"),
        MajorityBase.PRESENT: tr("anggota yang hadir"),
        MajorityBase.ALL_MEMBERS: tr("seluruh anggota"),
    }[rule.base]
    verdict = tr("disetujui") if adopted else tr("tidak disetujui")
    statement = tr(
        "{verdict}: {yes} dari {base} {of}, {rule}",
        verdict=verdict,
        yes=thousands(tally.yes),
        base=thousands(base),
        of=of,
        rule=rule.threshold.describe(),
    )
    return MotionResult(adopted, tally.yes, base, needed, rule, statement)


@dataclass(frozen=True)
class ElectionResult:
    """An election's outcome: votes per candidate in rank order, those elected, and, when the
    last seat is tied, the candidates of the run-off (law.md rule 17)."""

    ranking: tuple[tuple[str, int], ...]
    elected: tuple[str, ...]
    runoff: tuple[str, ...]
    seats: int

    @property
    def decided(self) -> bool:
        """Whether every seat is filled without a run-off."""
        return not self.runoff


def decide_election(votes: Mapping[str, int], seats: int) -> ElectionResult:
    """Rank candidates by votes; the first ``seats`` are elected unless candidates tie across
    the last seat, in which case the tied ones go to a run-off for the seats left."""
    if seats < 1:
        raise ValueError("an election needs at least one seat")
    ranking = tuple(sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])))
    if len(ranking) <= seats:
        return ElectionResult(ranking, tuple(c for c, _ in ranking), (), seats)
    cut = ranking[seats - 1][1]
    above = tuple(c for c, v in ranking if v > cut)
    at_cut = tuple(c for c, v in ranking if v == cut)
    if len(above) + len(at_cut) == seats:
        return ElectionResult(ranking, above + at_cut, (), seats)
    return ElectionResult(ranking, above, at_cut, seats)


def validate_election_ballot(choices: Iterable[str], candidates: Iterable[str], seats: int) -> bool:
    """Whether a ballot is valid: at most ``seats`` different known candidates."""
    chosen = list(choices)
    known = set(candidates)
    return len(chosen) <= seats and len(set(chosen)) == len(chosen) and set(chosen) <= known
