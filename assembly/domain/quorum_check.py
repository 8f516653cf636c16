"""The live quorum figure and the procedure when quorum fails.

The figure: members of the quorum base present (in the hall, online, or represented by proxy;
law.md rule 12) against the minimum the AD's rule gives for the base (DESIGN.md section 3).

The procedure (law.md section 2 and rule 14): a failed check suspends the meeting for the AD
profile's ``suspension_minutes``, then the quorum is checked again (``rechecks`` times), then,
when the AD sets one, a second call with its own quorum; when nothing is left the meeting is
postponed. The meeting is never valid without a check that reached quorum. Every step is a
recorded :class:`QuorumCheck`; :func:`procedure` replays them into where things stand.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance import Channel
from assembly.domain.errors import DomainError
from assembly.domain.quorum import QuorumBase, QuorumRule, minimum_text, thousands
from assembly.i18n import N_, tr


@dataclass(frozen=True)
class QuorumStatus:
    """The quorum at one moment. ``present`` counts members of the base who are in
    (``by_channel`` splits it); ``attending`` counts everyone in, those without a vote too."""

    rule: QuorumRule
    base: int
    present: int
    by_channel: Mapping[Channel, int]
    attending: int
    article: str = ""

    @property
    def minimum(self) -> int:
        """The fewest present members that make the meeting quorate."""
        return self.rule.minimum(self.base)

    @property
    def reached(self) -> bool:
        """Whether quorum is reached."""
        return self.base > 0 and self.present >= self.minimum

    @property
    def missing(self) -> int:
        """How many more must come for quorum (0 when reached)."""
        return max(0, self.minimum - self.present)

    @property
    def text(self) -> str:
        """ "minimal 626 dari 1.250"."""
        return minimum_text(self.minimum, self.base)

    @property
    def rule_text(self) -> str:
        """The rule in words, with its AD article when known."""
        text = self.rule.describe()
        return (
            tr("{rule} (AD {article})", rule=text, article=self.article) if self.article else text
        )

    @property
    def summary(self) -> str:
        """One line for the hall: "700 hadir, minimal 626 dari 1.250: kuorum tercapai"."""
        verdict = tr("kuorum tercapai") if self.reached else tr("kuorum belum tercapai")
        return tr(
            "{present} hadir, {minimum}: {verdict}",
            present=thousands(self.present),
            minimum=self.text,
            verdict=verdict,
        )


def quorum_status(
    rule: QuorumRule,
    *,
    registered: int,
    entitled: int,
    present_by_channel: Mapping[Channel, int],
    attending: int,
    article: str = "",
) -> QuorumStatus:
    """The quorum under ``rule``. ``registered`` is every member on the register at the
    cut-off, ``entitled`` those with a vote; the rule's base picks one. ``present_by_channel``
    counts present members of that base."""
    base = registered if rule.base is QuorumBase.ALL_MEMBERS else entitled
    by_channel = {c: int(present_by_channel.get(c, 0)) for c in Channel}
    return QuorumStatus(rule, base, sum(by_channel.values()), by_channel, attending, article)


class CheckStep(StrEnum):
    """A recorded step of the quorum procedure."""

    OPENING = "pembukaan"  # the check at opening
    RECHECK = "pemeriksaan_ulang"  # after a suspension
    SECOND_CALL = "panggilan_kedua"  # with the AD's second-call quorum
    ON_REQUEST = "permintaan"  # whenever the chair asks, once the meeting is open
    # Counted by Kuorum itself, not asked for by the chair: as a vote opens, and before a
    # consensus on an item that needs the special quorum (law.md rule 15). The minutes say so.
    # (Meetings recorded before this step existed keep ON_REQUEST for these checks.)
    BEFORE_DECISION = "sebelum_keputusan"
    SUSPENSION = "skorsing"
    POSTPONEMENT = "penundaan"

    @property
    def key(self) -> str:
        """The step as the minutes name it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            CheckStep.OPENING: N_("Pemeriksaan kuorum pada pembukaan"),
            CheckStep.RECHECK: N_("Pemeriksaan ulang kuorum"),
            CheckStep.SECOND_CALL: N_("Panggilan kedua"),
            CheckStep.ON_REQUEST: N_("Pemeriksaan kuorum atas permintaan pimpinan rapat"),
            CheckStep.BEFORE_DECISION: N_("Pemeriksaan kuorum sebelum pengambilan keputusan"),
            CheckStep.SUSPENSION: N_("Skorsing karena kuorum belum tercapai"),
            CheckStep.POSTPONEMENT: N_("Rapat ditunda karena kuorum tidak tercapai"),
        }[self]

    @property
    def is_check(self) -> bool:
        """Whether the step counts heads (rather than suspending or postponing)."""
        return self in (
            CheckStep.OPENING,
            CheckStep.RECHECK,
            CheckStep.SECOND_CALL,
            CheckStep.ON_REQUEST,
            CheckStep.BEFORE_DECISION,
        )


@dataclass(frozen=True)
class QuorumCheck:
    """One recorded step: the figures at ``at``, the rule with its AD article, the result.
    ``until`` is the end of a suspension."""

    at: dt.datetime
    step: CheckStep
    base: int
    present: int
    minimum: int
    reached: bool
    rule_text: str
    article: str = ""
    until: dt.datetime | None = None
    note: str = ""
    id: int | None = None


class Stage(StrEnum):
    """Where the procedure stands before the meeting is opened."""

    CHECK_DUE = "check_due"  # no check yet: check at opening
    FAILED = "failed"  # the last check failed: suspend, or postpone
    SUSPENDED = "suspended"  # wait until ``suspended_until``, then check again
    QUORATE = "quorate"  # the last check reached quorum: the meeting may be opened
    EXHAUSTED = "exhausted"  # nothing left but to postpone
    POSTPONED = "postponed"


@dataclass(frozen=True)
class Procedure:
    """The failed-quorum procedure replayed from the recorded steps."""

    stage: Stage
    next_check: CheckStep | None  # the check to record next (None: suspend, postpone or open)
    rule: QuorumRule  # the rule the next check uses
    article: str
    suspended_until: dt.datetime | None
    rechecks_done: int
    rechecks_allowed: int
    second_call_done: bool
    second_call_available: bool

    @property
    def may_open(self) -> bool:
        """Whether the meeting may be opened now."""
        return self.stage is Stage.QUORATE

    @property
    def may_suspend(self) -> bool:
        """Whether the AD's procedure calls for a suspension now."""
        return self.stage is Stage.FAILED

    @property
    def may_postpone(self) -> bool:
        """Whether the meeting may be postponed now (any time quorum is not reached)."""
        return self.stage in (Stage.FAILED, Stage.EXHAUSTED, Stage.SUSPENDED)

    def explain(self, zone: dt.tzinfo) -> str:
        """What happens next, in a sentence for the chair."""
        if self.stage is Stage.CHECK_DUE:
            return tr("Periksa kuorum untuk membuka rapat.")
        if self.stage is Stage.QUORATE:
            return tr("Kuorum tercapai; rapat dapat dibuka.")
        if self.stage is Stage.POSTPONED:
            return tr("Rapat ditunda karena kuorum tidak tercapai.")
        if self.stage is Stage.EXHAUSTED:
            return tr(
                "Kuorum tidak tercapai dan tidak ada langkah lagi menurut AD; rapat harus ditunda."
            )
        if self.stage is Stage.FAILED:
            return tr("Kuorum belum tercapai; skors rapat sesuai AD lalu periksa ulang.")
        until = (
            self.suspended_until.astimezone(zone).strftime("%H.%M") if self.suspended_until else ""
        )
        if self.next_check is CheckStep.SECOND_CALL:
            return tr("Rapat diskors sampai pukul {time}; lalu panggilan kedua.", time=until)
        return tr(
            "Rapat diskors sampai pukul {time}; lalu pemeriksaan ulang ({n} dari {total}).",
            time=until,
            n=self.rechecks_done + 1,
            total=self.rechecks_allowed,
        )


def procedure(profile: ADProfile, steps: Sequence[QuorumCheck]) -> Procedure:
    """Replay the recorded ``steps`` (oldest first) under ``profile``.

    A re-check made before the suspension ends that does not reach quorum does not use up a
    re-check: the suspension simply goes on. Checks on request (after opening) are ignored."""
    stage, until = Stage.CHECK_DUE, None
    rechecks, second_done = 0, False
    last_check = CheckStep.OPENING
    second_available = profile.second_call_quorum is not None

    def steps_left() -> bool:
        return rechecks < profile.rechecks or (second_available and not second_done)

    for step in steps:
        if step.step in (CheckStep.ON_REQUEST, CheckStep.BEFORE_DECISION):
            continue
        if step.step is CheckStep.POSTPONEMENT:
            stage = Stage.POSTPONED
        elif step.step is CheckStep.SUSPENSION:
            stage, until = Stage.SUSPENDED, step.until
        elif step.reached:
            stage, last_check = Stage.QUORATE, step.step
        elif stage is Stage.SUSPENDED and until is not None and step.at < until:
            continue  # an early look during the suspension
        else:
            if step.step is CheckStep.RECHECK:
                rechecks += 1
            if step.step is CheckStep.SECOND_CALL:
                second_done = True
            stage = Stage.FAILED if steps_left() else Stage.EXHAUSTED
    next_check: CheckStep | None = None
    if stage is Stage.CHECK_DUE:
        next_check = CheckStep.OPENING
    elif stage is Stage.SUSPENDED:
        next_check = CheckStep.RECHECK if rechecks < profile.rechecks else CheckStep.SECOND_CALL
    elif stage is Stage.QUORATE:
        next_check = last_check
    rule, article = profile.quorum, profile.article("quorum")
    if next_check is CheckStep.SECOND_CALL and profile.second_call_quorum is not None:
        rule, article = profile.second_call_quorum, profile.article("second_call_quorum")
    return Procedure(
        stage,
        next_check,
        rule,
        article,
        until if stage is Stage.SUSPENDED else None,
        rechecks,
        profile.rechecks,
        second_done,
        second_available,
    )


def suspension_end(profile: ADProfile, at: dt.datetime) -> dt.datetime:
    """When a suspension that starts at ``at`` ends."""
    return at + dt.timedelta(minutes=profile.suspension_minutes)


def require_step(proc: Procedure, step: CheckStep) -> None:
    """Refuse a suspension or postponement the procedure does not call for now."""
    if step is CheckStep.SUSPENSION and not proc.may_suspend:
        if proc.stage is Stage.EXHAUSTED:
            raise DomainError(tr("AD tidak memberi skorsing lagi; rapat harus ditunda."))
        raise DomainError(tr("Skorsing hanya setelah pemeriksaan kuorum yang tidak tercapai."))
    if step is CheckStep.POSTPONEMENT and not proc.may_postpone:
        if proc.stage is Stage.QUORATE:
            raise DomainError(tr("Kuorum tercapai; rapat tidak perlu ditunda."))
        raise DomainError(tr("Penundaan hanya setelah pemeriksaan kuorum yang tidak tercapai."))
