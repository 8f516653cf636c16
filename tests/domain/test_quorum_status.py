"""The live quorum and the failed-quorum procedure: DESIGN.md section 3's examples, Hypothesis
properties over whole registers and orders of arrival, and every step of law.md rule 14."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance import Channel, admitted_record, counts_for_quorum, decide_check_in
from assembly.domain.errors import DomainError
from assembly.domain.meeting import MeetingMode
from assembly.domain.members import Category, Member, Status
from assembly.domain.quorum import Comparison, QuorumBase, QuorumRule, Threshold
from assembly.domain.quorum_check import (
    CheckStep,
    QuorumCheck,
    Stage,
    procedure,
    quorum_status,
    require_step,
    suspension_end,
)

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
NINE = dt.datetime(2026, 3, 14, 9, 0, tzinfo=WIB)
CUTOFF = dt.date(2026, 3, 1)


@pytest.mark.parametrize(
    ("rule", "base", "minimum", "text"),
    [
        (Threshold(1, 2, Comparison.MORE_THAN), 1250, 626, "minimal 626 dari 1.250"),
        (Threshold(1, 2, Comparison.AT_LEAST), 1250, 625, "minimal 625 dari 1.250"),
        (Threshold(1, 2, Comparison.MORE_THAN), 9, 5, "minimal 5 dari 9"),
        (Threshold(1, 5, Comparison.AT_LEAST), 1250, 250, "minimal 250 dari 1.250"),
    ],
)
def test_design_examples(rule: Threshold, base: int, minimum: int, text: str) -> None:
    status = quorum_status(
        QuorumRule(rule),
        registered=base + 40,
        entitled=base,
        present_by_channel={Channel.IN_PERSON: minimum - 3, Channel.ONLINE: 2, Channel.PROXY: 1},
        attending=minimum + 10,
    )
    assert (status.minimum, status.text, status.present) == (minimum, text, minimum)
    assert status.reached and status.missing == 0
    short = quorum_status(
        QuorumRule(rule),
        registered=base,
        entitled=base,
        present_by_channel={Channel.IN_PERSON: minimum - 1},
        attending=minimum,
    )
    assert not short.reached and short.missing == 1
    assert short.summary.endswith("kuorum belum tercapai")


def test_the_base_follows_the_rule() -> None:
    rule = QuorumRule(base=QuorumBase.ALL_MEMBERS)
    status = quorum_status(rule, registered=1300, entitled=1250, present_by_channel={}, attending=0)
    assert status.base == 1300 and status.text == "minimal 651 dari 1.300"
    empty = quorum_status(
        QuorumRule(Threshold(1, 2, Comparison.AT_LEAST)),
        registered=0,
        entitled=0,
        present_by_channel={},
        attending=0,
    )
    assert not empty.reached


def test_the_rule_text_cites_the_article() -> None:
    status = quorum_status(
        QuorumRule(),
        registered=9,
        entitled=9,
        present_by_channel={},
        attending=0,
        article="Pasal 20 ayat (2)",
    )
    assert status.rule_text == (
        "lebih dari 1/2 jumlah anggota yang memiliki hak suara (AD Pasal 20 ayat (2))"
    )


members = st.lists(
    st.builds(
        lambda cat, status, arrears, joined: (cat, status, arrears, joined),
        st.sampled_from(list(Category)),
        st.sampled_from(list(Status)),
        st.booleans(),
        st.sampled_from([dt.date(2000, 1, 1), dt.date(2026, 3, 10), None]),
    ),
    min_size=1,
    max_size=60,
)
profiles = st.builds(
    ADProfile,
    quorum=st.builds(QuorumRule, base=st.sampled_from(list(QuorumBase))),
    candidates_may_vote=st.booleans(),
    arrears_suspend_vote=st.booleans(),
)


def _register(spec: list[tuple[Category, Status, bool, dt.date | None]]) -> list[Member]:
    out = []
    for n, (category, status, arrears, joined) in enumerate(spec, start=1):
        gone = None if status is Status.ACTIVE else dt.date(2025, 1, 1)
        out.append(
            Member(
                f"{n:04d}",
                f"M {n}",
                category,
                status,
                joined_on=joined,
                exit_date=gone,
                arrears=arrears,
                id=n,
            )
        )
    return out


def _arrive(register: list[Member], order: list[int], profile: ADProfile) -> tuple[int, int, int]:
    """Check in members in ``order`` (repeats included); (present, base, minimum)."""
    rows = {}
    channels = list(Channel)[:2]
    for step, index in enumerate(order):
        member = register[index % len(register)]
        decision = decide_check_in(
            member,
            cutoff=CUTOFF,
            profile=profile,
            mode=MeetingMode.HYBRID,
            channel=channels[step % 2],
            current=rows.get(member.id),
        )
        if decision.records:
            assert member.id is not None
            rows[member.id] = admitted_record(
                member.id, decision, channels[step % 2], NINE, rows.get(member.id)
            )
    entitled = sum(1 for m in register if counts_for_quorum(m, CUTOFF, profile))
    registered = sum(1 for m in register if m.is_member_on(CUTOFF))
    counted: dict[Channel, int] = {}
    for row in rows.values():
        if row.counted and row.present:
            counted[row.channel] = counted.get(row.channel, 0) + 1
    status = quorum_status(
        profile.quorum,
        registered=registered,
        entitled=entitled,
        present_by_channel=counted,
        attending=len(rows),
    )
    return status.present, status.base, status.minimum


@settings(max_examples=150, deadline=None)
@given(members, profiles, st.lists(st.integers(0, 200), max_size=120))
def test_present_never_exceeds_the_base(spec: list, profile: ADProfile, order: list[int]) -> None:  # type: ignore[type-arg]
    present, base, _minimum = _arrive(_register(spec), order, profile)
    assert 0 <= present <= base


@settings(max_examples=150, deadline=None)
@given(members, profiles, st.lists(st.integers(0, 200), max_size=120), st.randoms())
def test_the_figures_do_not_depend_on_the_order_of_arrival(
    spec: list,
    profile: ADProfile,
    order: list[int],
    rng: object,  # type: ignore[type-arg]
) -> None:
    register = _register(spec)
    shuffled = list(order)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    assert _arrive(register, order, profile) == _arrive(register, shuffled, profile)


# --- the failed-quorum procedure ---------------------------------------------------------------

SECOND = QuorumRule(Threshold(1, 3, Comparison.AT_LEAST))


def step(
    kind: CheckStep, minutes: int, reached: bool = False, until: int | None = None
) -> QuorumCheck:
    at = NINE + dt.timedelta(minutes=minutes)
    end = NINE + dt.timedelta(minutes=until) if until is not None else None
    return QuorumCheck(at, kind, 100, 40, 51, reached, "rule", until=end)


def test_a_quorate_opening_may_open_at_once() -> None:
    proc = procedure(ADProfile(), [step(CheckStep.OPENING, 0, reached=True)])
    assert proc.stage is Stage.QUORATE and proc.may_open
    assert procedure(ADProfile(), []).next_check is CheckStep.OPENING


def test_suspend_recheck_then_postpone_without_a_second_call() -> None:
    profile = ADProfile(suspension_minutes=30, rechecks=1)
    steps = [step(CheckStep.OPENING, 0)]
    assert procedure(profile, steps).stage is Stage.FAILED
    assert suspension_end(profile, NINE) == NINE + dt.timedelta(minutes=30)
    steps.append(step(CheckStep.SUSPENSION, 1, until=31))
    proc = procedure(profile, steps)
    assert proc.stage is Stage.SUSPENDED and proc.next_check is CheckStep.RECHECK
    assert (
        proc.explain(WIB) == "Rapat diskors sampai pukul 09.31; lalu pemeriksaan ulang (1 dari 1)."
    )
    steps.append(step(CheckStep.RECHECK, 31))
    proc = procedure(profile, steps)
    assert proc.stage is Stage.EXHAUSTED and not proc.may_suspend and proc.may_postpone
    with pytest.raises(DomainError, match="harus ditunda"):
        require_step(proc, CheckStep.SUSPENSION)
    steps.append(step(CheckStep.POSTPONEMENT, 32))
    assert procedure(profile, steps).stage is Stage.POSTPONED


def test_a_second_call_uses_its_own_quorum_and_may_open() -> None:
    profile = ADProfile(
        rechecks=1, second_call_quorum=SECOND, articles={"second_call_quorum": "Pasal 20 ayat (4)"}
    )
    steps = [
        step(CheckStep.OPENING, 0),
        step(CheckStep.SUSPENSION, 0, until=30),
        step(CheckStep.RECHECK, 30),
    ]
    proc = procedure(profile, steps)
    assert proc.stage is Stage.FAILED and proc.rule == profile.quorum
    steps.append(step(CheckStep.SUSPENSION, 30, until=60))
    proc = procedure(profile, steps)
    assert proc.next_check is CheckStep.SECOND_CALL and proc.rule == SECOND
    assert proc.article == "Pasal 20 ayat (4)"
    steps.append(step(CheckStep.SECOND_CALL, 60, reached=True))
    proc = procedure(profile, steps)
    assert proc.may_open and proc.rule == SECOND  # the meeting runs under the second call


def test_an_early_failed_look_does_not_use_up_the_recheck() -> None:
    profile = ADProfile(rechecks=1)
    steps = [
        step(CheckStep.OPENING, 0),
        step(CheckStep.SUSPENSION, 0, until=30),
        step(CheckStep.RECHECK, 10),
    ]
    proc = procedure(profile, steps)
    assert proc.stage is Stage.SUSPENDED and proc.rechecks_done == 0
    steps.append(step(CheckStep.RECHECK, 20, reached=True))
    assert procedure(profile, steps).may_open


def test_nothing_is_valid_without_a_reached_check() -> None:
    profile = ADProfile(rechecks=0, suspension_minutes=0)
    proc = procedure(profile, [step(CheckStep.OPENING, 0)])
    assert proc.stage is Stage.EXHAUSTED and not proc.may_open
    with pytest.raises(DomainError, match="tidak perlu ditunda"):
        require_step(procedure(profile, [step(CheckStep.OPENING, 0, True)]), CheckStep.POSTPONEMENT)
    with pytest.raises(DomainError, match="Skorsing hanya"):
        require_step(procedure(profile, []), CheckStep.SUSPENSION)
