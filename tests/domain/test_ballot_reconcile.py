"""Counted totals as pure functions (Hypothesis): totals never exceed the entitled present at
the snapshot, papers reconcile, and the tally never depends on the order of entry."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from assembly.domain.ballots import Choice, CountedTotals, MotionTally, progress_text, reconcile

counts = st.integers(min_value=0, max_value=2_000)


@given(counts, counts, counts, counts, counts, st.integers(min_value=0, max_value=5_000))
def test_totals_above_the_snapshot_are_always_refused(
    yes: int, no: int, abstain: int, invalid: int, blank: int, present: int
) -> None:
    totals = CountedTotals(yes, no, abstain, invalid, blank, tellers=("Budi",))
    problems = reconcile(totals, present)
    assert (totals.total > present) == any("melebihi" in p for p in problems)
    assert not problems or totals.total > present


@given(counts, counts, counts, counts, counts)
def test_paper_ballots_reconcile_only_when_returned_matches(
    yes: int, no: int, abstain: int, blank: int, returned: int
) -> None:
    totals = CountedTotals(yes, no, abstain, 0, blank, issued=returned, returned=returned,
                           tellers=("Sari",))  # fmt: skip
    problems = reconcile(totals, 10_000)
    assert (returned == totals.total) == (problems == [])


@given(st.lists(st.sampled_from([Choice.YES, Choice.NO, Choice.ABSTAIN]), max_size=300),
       st.randoms())  # fmt: skip
def test_the_tally_never_depends_on_the_order(choices: list[Choice], rng: random.Random) -> None:
    shuffled = list(choices)
    rng.shuffle(shuffled)
    assert MotionTally.of(choices) == MotionTally.of(shuffled)


def test_progress_reads_as_the_hall_hears_it() -> None:
    assert progress_text(412, 700) == "412 dari 700 sudah memberikan suara"
    assert progress_text(1_250, 3_000) == "1.250 dari 3.000 sudah memberikan suara"
    assert reconcile(CountedTotals(1, 0), 5) == [
        "Sebutkan paling sedikit satu saksi penghitung suara."
    ]
