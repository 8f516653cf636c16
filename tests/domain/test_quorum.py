"""Quorum arithmetic: DESIGN.md section 3's examples and properties over every base."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assembly.domain.quorum import Comparison, QuorumRule, Rounding, Threshold, minimum_text


@pytest.mark.parametrize(
    ("threshold", "base", "expected"),
    [
        (Threshold(1, 2, Comparison.MORE_THAN), 1250, 626),
        (Threshold(1, 2, Comparison.AT_LEAST), 1250, 625),
        (Threshold(1, 2, Comparison.MORE_THAN), 9, 5),
        (Threshold(1, 5, Comparison.AT_LEAST), 1250, 250),
        (Threshold(1, 2, Comparison.PLUS_ONE, Rounding.DOWN), 9, 5),
        (Threshold(1, 2, Comparison.PLUS_ONE, Rounding.UP), 9, 6),
        (Threshold(2, 3, Comparison.AT_LEAST), 300, 200),
        (Threshold(3, 4, Comparison.AT_LEAST), 10, 8),
    ],
)
def test_minimum_examples(threshold: Threshold, base: int, expected: int) -> None:
    assert threshold.minimum(base) == expected


def test_minimum_is_shown_with_thousands_dots() -> None:
    rule = QuorumRule()
    assert minimum_text(rule.minimum(1250), 1250) == "minimal 626 dari 1.250"


fractions = st.integers(1, 12).flatmap(lambda d: st.tuples(st.integers(1, d), st.just(d)))


@given(
    fractions,
    st.integers(0, 400_000),
    st.sampled_from(list(Comparison)),
    st.sampled_from(list(Rounding)),
)
def test_minimum_is_the_smallest_count_that_meets_the_rule(
    fraction: tuple[int, int], base: int, comparison: Comparison, rounding: Rounding
) -> None:
    num, den = fraction
    rule = Threshold(num, den, comparison, rounding)
    m = rule.minimum(base)
    exact = base * num / den
    if comparison is Comparison.MORE_THAN:
        assert m > exact and m - 1 <= exact
    elif comparison is Comparison.AT_LEAST:
        assert m >= exact and m - 1 < exact
    else:
        assert m - 1 in {base * num // den, -(-base * num // den)}


@given(st.integers(0, 400_000), st.integers(0, 400_000))
def test_more_present_never_loses_quorum(base: int, extra: int) -> None:
    rule = Threshold()
    m = rule.minimum(base)
    assert rule.is_met(m, base) and rule.is_met(m + extra, base)
    assert not rule.is_met(m - 1, base)


def test_a_fraction_outside_zero_to_one_is_refused() -> None:
    with pytest.raises(ValueError):
        Threshold(3, 2)
