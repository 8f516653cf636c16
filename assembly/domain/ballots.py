"""Tallies and majorities: how a vote becomes a decision.

Consensus first (UU 25/1992 Pasal 24(1)); when it fails, the majority decides (Pasal 24(2)),
one member one vote (Pasal 24(3)). What the majority is counted out of is the AD's choice
(``MajorityRule``); abstentions and invalid ballots are recorded apart and, by default, not
counted as votes cast (law.md rule 16); a tie rejects a motion (rule 17).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from assembly.domain.ad_profile import MajorityBase, MajorityRule
from assembly.domain.quorum import thousands
from assembly.i18n import N_, tr


class Choice(StrEnum):
    """A voter's answer to a motion."""

    YES = "setuju"
    NO = "tidak_setuju"
    ABSTAIN = "abstain"
    INVALID = "tidak_sah"

    @property
    def key(self) -> str:
        """The answer as the hall hears it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            Choice.YES: N_("Setuju"),
            Choice.NO: N_("Tidak setuju"),
            Choice.ABSTAIN: N_("Abstain"),
            Choice.INVALID: N_("Tidak sah"),
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


def special_statement(
    result: MotionResult, majority_article: str, *, present: int, minimum: int, quorum_rule: str
) -> str:
    """The result of a special item (AD amendment, merger, division, dissolution; law.md
    rule 15) stating both special values with their AD articles: "disetujui: 10 dari 12
    anggota yang hadir, sekurang-kurangnya 2/3 (keputusan khusus, AD Pasal 34 ayat (2));
    kuorum khusus: 12 hadir, minimal 9 (sekurang-kurangnya 2/3 ..., AD Pasal 34 ayat (1))".
    ``quorum_rule`` is the snapshot's rule text, its article already in it."""
    majority = (
        tr("keputusan khusus, AD {article}", article=majority_article)
        if majority_article
        else tr("keputusan khusus")
    )
    return tr(
        "{statement} ({majority}); kuorum khusus: {present} hadir, minimal {minimum} ({rule})",
        statement=result.statement,
        majority=majority,
        present=thousands(present),
        minimum=thousands(minimum),
        rule=quorum_rule,
    )


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


# --- ballots as the meeting runs them (DESIGN.md section 3) ------------------------------------


class DecisionMethod(StrEnum):
    """How an agenda item was decided (law.md rule 6)."""

    CONSENSUS = "mufakat"  # musyawarah untuk mufakat, UU 25/1992 Pasal 24(1)
    VOTING = "voting"  # pemungutan suara, Pasal 24(2)


class Outcome(StrEnum):
    """What a recorded decision says."""

    AGREED = "mufakat"  # consensus reached
    NO_CONSENSUS = "tidak_mufakat"  # consensus failed: a vote may be opened
    ADOPTED = "disetujui"
    REJECTED = "tidak_disetujui"
    ELECTED = "terpilih"
    RUNOFF = "pemilihan_ulang"  # a tie for the last seat, run off (law.md rule 17 default)
    TIE = "suara_sama"  # a tie for the last seat, to be settled by lot or by the chair

    @property
    def settles(self) -> bool:
        """Whether a decision with this outcome settles its agenda item (agreed, adopted,
        rejected, elected); consensus failed, a run-off or a tie still waits for one."""
        return self in (Outcome.AGREED, Outcome.ADOPTED, Outcome.REJECTED, Outcome.ELECTED)


def decided_items(outcomes: Iterable[tuple[int, Outcome]]) -> frozenset[int]:
    """The agenda items settled, from (item id, outcome) in the order recorded: those whose
    latest decision settles them (a re-vote's result replaces the one before)."""
    latest = dict(outcomes)
    return frozenset(item for item, outcome in latest.items() if outcome.settles)


class BallotKind(StrEnum):
    """A vote on a motion or on persons."""

    MOTION = "motion"
    ELECTION = "election"


class BallotMode(StrEnum):
    """How the votes are taken."""

    NAMED = "named"  # each voter's choice recorded by name
    COUNTED = "counted"  # show of hands or paper, totals entered with tellers
    SECRET = "secret"  # kiosk: who voted is recorded, the choice is not linked to them

    @property
    def key(self) -> str:
        """The mode as the chair reads it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            BallotMode.NAMED: N_("Terbuka (per nama)"),
            BallotMode.COUNTED: N_("Dihitung (angkat tangan/kertas)"),
            BallotMode.SECRET: N_("Rahasia"),
        }[self]


class Office(StrEnum):
    """What an election fills (Koperasi Merah Putih: the kepala desa is ex-officio ketua
    pengawas, SE Menkop 1/2025)."""

    PENGURUS = "pengurus"
    PENGAWAS = "pengawas"
    KETUA_PENGAWAS = "ketua_pengawas"

    @property
    def key(self) -> str:
        """The office as the election names it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            Office.PENGURUS: N_("Pengurus"),
            Office.PENGAWAS: N_("Pengawas"),
            Office.KETUA_PENGAWAS: N_("Ketua Pengawas"),
        }[self]


class BallotState(StrEnum):
    """Where a ballot stands."""

    OPEN = "open"
    CLOSED = "closed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Ballot:
    """One ballot with the quorum snapshot taken when it opened (law.md rule 19).

    ``present``/``minimum``/``reached`` are the quorum re-check; ``eligible`` how many present
    were entitled to vote at that moment (the base "of those present"); ``members`` every
    entitled member of the meeting (the base "of all members")."""

    meeting_id: int
    item_id: int
    kind: BallotKind
    mode: BallotMode
    title: str
    opened_at: dt.datetime
    present: int
    minimum: int
    reached: bool
    rule_text: str
    article: str
    eligible: int
    members: int
    state: BallotState = BallotState.OPEN
    closed_at: dt.datetime | None = None
    cancel_reason: str = ""
    seats: int | None = None
    revote_reason: str = ""
    revote_of: int | None = None
    runoff_of: int | None = None
    office: Office | None = None  # an election's office, when given
    id: int | None = None


@dataclass(frozen=True)
class CountedTotals:
    """A counted motion's totals, entered with the tellers (saksi) named. ``issued`` and
    ``returned`` are the paper ballots, None for a show of hands. Blank papers are void, so
    the tally counts them as tidak sah."""

    yes: int = 0
    no: int = 0
    abstain: int = 0
    invalid: int = 0
    blank: int = 0
    issued: int | None = None
    returned: int | None = None
    tellers: tuple[str, ...] = ()

    @property
    def total(self) -> int:
        """Every ballot counted, valid or not."""
        return self.yes + self.no + self.abstain + self.invalid + self.blank

    def tally(self) -> MotionTally:
        """The motion tally (blank papers as tidak sah)."""
        return MotionTally(self.yes, self.no, self.abstain, self.invalid + self.blank)


def reconcile(totals: CountedTotals, entitled_present: int) -> list[str]:
    """What is wrong with ``totals``: tellers named, no negative figure, never more than the
    entitled present at the snapshot, and for paper ballots issued = returned + not returned,
    returned = valid + invalid + blank (DESIGN.md section 3)."""
    problems = []
    figures = [totals.yes, totals.no, totals.abstain, totals.invalid, totals.blank]
    figures += [n for n in (totals.issued, totals.returned) if n is not None]
    if any(n < 0 for n in figures):
        problems.append(tr("Jumlah suara tidak boleh negatif."))
    if not [t for t in totals.tellers if t.strip()]:
        problems.append(tr("Sebutkan paling sedikit satu saksi penghitung suara."))
    if totals.total > entitled_present:
        problems.append(
            tr(
                "Jumlah suara {total} melebihi {present} anggota berhak suara yang hadir saat "
                "pemungutan suara dibuka.",
                total=thousands(totals.total),
                present=thousands(entitled_present),
            )
        )
    if (totals.issued is None) != (totals.returned is None):
        problems.append(tr("Isi jumlah surat suara dibagikan dan kembali, atau keduanya kosong."))
    elif totals.issued is not None and totals.returned is not None:
        if totals.issued > entitled_present:
            problems.append(
                tr(
                    "Surat suara dibagikan ({issued}) melebihi {present} anggota berhak suara "
                    "yang hadir.",
                    issued=thousands(totals.issued),
                    present=thousands(entitled_present),
                )
            )
        if totals.returned > totals.issued:
            problems.append(
                tr(
                    "Surat suara kembali ({returned}) melebihi yang dibagikan ({issued}).",
                    returned=thousands(totals.returned),
                    issued=thousands(totals.issued),
                )
            )
        if totals.returned != totals.total:
            problems.append(
                tr(
                    "Surat suara kembali ({returned}) harus sama dengan suara sah, tidak sah "
                    "dan kosong ({total}).",
                    returned=thousands(totals.returned),
                    total=thousands(totals.total),
                )
            )
    return problems


def progress_text(voted: int, eligible: int) -> str:
    """Voting progress as the hall reads it: "412 dari 700 sudah memberikan suara"."""
    return tr(
        "{voted} dari {eligible} sudah memberikan suara",
        voted=thousands(voted),
        eligible=thousands(eligible),
    )
