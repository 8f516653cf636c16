"""Tallies and majorities as pure functions (law.md rules 3, 16, 17)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assembly.domain.ad_profile import MajorityBase, MajorityRule
from assembly.domain.ballots import (
    Choice,
    CountingRules,
    MotionTally,
    decide_election,
    decide_motion,
    validate_election_ballot,
)
from assembly.domain.quorum import Comparison, Threshold

SIMPLE = MajorityRule()
TWO_THIRDS_PRESENT = MajorityRule(Threshold(2, 3, Comparison.AT_LEAST), MajorityBase.PRESENT)


def test_the_result_states_its_rule_and_base() -> None:
    result = decide_motion(MotionTally(412, 288, 30, 5), SIMPLE, present=735, members=1250)
    assert result.adopted
    assert result.statement == "disetujui: 412 dari 700 suara sah, lebih dari 1/2"


def test_a_tie_rejects_the_motion() -> None:
    assert not decide_motion(MotionTally(50, 50), SIMPLE, present=100, members=100).adopted
    at_least_half = MajorityRule(Threshold(1, 2, Comparison.AT_LEAST))
    assert not decide_motion(MotionTally(50, 50), at_least_half, present=100, members=100).adopted


def test_abstentions_count_only_when_the_ad_says_so() -> None:
    tally = MotionTally(yes=40, no=30, abstain=20)
    assert decide_motion(tally, SIMPLE, present=90, members=90).adopted
    strict = CountingRules(abstain_counts_as_cast=True)
    assert not decide_motion(tally, SIMPLE, present=90, members=90, counting=strict).adopted


def test_two_thirds_of_those_present() -> None:
    assert decide_motion(MotionTally(200, 10), TWO_THIRDS_PRESENT, present=300, members=900).adopted
    assert not decide_motion(
        MotionTally(199, 0), TWO_THIRDS_PRESENT, present=300, members=900
    ).adopted


choices = st.lists(st.sampled_from(list(Choice)), max_size=300)


@given(choices, st.randoms())
def test_a_result_never_depends_on_the_order_of_votes(votes: list[Choice], rnd: object) -> None:
    shuffled = list(votes)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    a = decide_motion(MotionTally.of(votes), SIMPLE, present=300, members=500)
    b = decide_motion(MotionTally.of(shuffled), SIMPLE, present=300, members=500)
    assert a == b and MotionTally.of(votes).total == len(votes)


@given(choices)
def test_an_adopted_motion_has_more_yes_than_no(votes: list[Choice]) -> None:
    for rule in (SIMPLE, TWO_THIRDS_PRESENT):
        result = decide_motion(MotionTally.of(votes), rule, present=300, members=500)
        tally = MotionTally.of(votes)
        if result.adopted:
            assert tally.yes > tally.no and tally.yes >= result.needed


def test_an_election_fills_the_seats_by_rank() -> None:
    result = decide_election({"Ani": 120, "Budi": 90, "Citra": 150, "Dedi": 30}, seats=2)
    assert result.elected == ("Citra", "Ani") and result.decided


def test_a_tie_for_the_last_seat_calls_a_runoff_between_the_tied() -> None:
    result = decide_election({"Ani": 120, "Budi": 90, "Citra": 150, "Dedi": 90}, seats=2)
    assert result.elected == ("Citra", "Ani") and result.decided
    result = decide_election({"Ani": 90, "Budi": 90, "Citra": 150, "Dedi": 90}, seats=2)
    assert result.elected == ("Citra",) and result.runoff == ("Ani", "Budi", "Dedi")


@given(
    st.dictionaries(st.text(min_size=1, max_size=5), st.integers(0, 50), min_size=1, max_size=8),
    st.integers(1, 4),
)
def test_never_more_elected_than_seats(votes: dict[str, int], seats: int) -> None:
    result = decide_election(votes, seats)
    assert len(result.elected) <= seats
    if result.runoff:
        assert len(result.elected) + len(result.runoff) > seats
        assert len({votes[c] for c in result.runoff}) == 1


def test_a_ballot_with_too_many_or_unknown_names_is_invalid() -> None:
    assert validate_election_ballot(["Ani"], ["Ani", "Budi"], 1)
    assert not validate_election_ballot(["Ani", "Budi"], ["Ani", "Budi"], 1)
    assert not validate_election_ballot(["Zed"], ["Ani", "Budi"], 1)
    assert not validate_election_ballot(["Ani", "Ani"], ["Ani", "Budi"], 2)


def test_an_election_needs_a_seat() -> None:
    with pytest.raises(ValueError):
        decide_election({"Ani": 1}, 0)
