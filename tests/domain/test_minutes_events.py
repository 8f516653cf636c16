"""Placing a meeting's events under the agenda items: none lost, order kept, each under the
item that was being discussed at its time (Hypothesis), and the berita acara's wording."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from assembly.domain.meeting import AgendaItem
from assembly.domain.minutes_events import (
    CLOSING,
    OPENING,
    EventKind,
    EventPlacement,
    MeetingEvent,
    place_events,
    place_of_moment,
)
from assembly.i18n import translator

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
BASE = dt.datetime(2026, 3, 14, 2, 0, tzinfo=dt.UTC)  # 09.00 WIB
T = translator("id")


def at(minute: int) -> dt.datetime:
    return BASE + dt.timedelta(minutes=minute)


@st.composite
def agendas(draw: st.DrawFn) -> tuple[list[AgendaItem], list[tuple[int, int]], int | None]:
    """An agenda of 1-8 items, the chair's take-ups (distinct items, rising minutes; a take-up
    leaves the item before) and, maybe, the minute the last item was left."""
    count = draw(st.integers(1, 8))
    order = draw(st.permutations(range(1, count + 1)))
    taken = order[: draw(st.integers(0, count))]
    gaps = draw(st.lists(st.integers(1, 40), min_size=len(taken), max_size=len(taken)))
    minutes = [10 + sum(gaps[: k + 1]) for k in range(len(taken))]
    end = minutes[-1] + draw(st.integers(1, 30)) if taken and draw(st.booleans()) else None
    starts = dict(zip(taken, minutes, strict=True))
    ends = {taken[k]: minutes[k + 1] for k in range(len(taken) - 1)}
    if end is not None:
        ends[taken[-1]] = end
    items = [
        AgendaItem(
            f"Acara {i}",
            position=i,
            id=i,
            started_at=at(starts[i]) if i in starts else None,
            ended_at=at(ends[i]) if i in ends else None,
        )
        for i in range(1, count + 1)
    ]
    return items, list(zip(minutes, taken, strict=True)), end


def current_by_timeline(minute: int, takeups: list[tuple[int, int]], end: int | None) -> int:
    """The oracle: the item of the last take-up at or before ``minute``."""
    if not takeups or minute < takeups[0][0]:
        return OPENING
    if end is not None and minute >= end:
        return CLOSING
    return [item for start, item in takeups if start <= minute][-1]


events_strategy = st.lists(
    st.tuples(st.integers(0, 400), st.one_of(st.none(), st.integers(1, 9))), max_size=30
)


def placed_lists(placement: EventPlacement) -> dict[int, list[MeetingEvent]]:
    out = {OPENING: [p.event for p in placement.opening]}
    out |= {k: [p.event for p in v] for k, v in placement.items.items()}
    out[CLOSING] = [p.event for p in placement.closing]
    return out


@given(agendas(), events_strategy)
def test_no_event_is_lost_and_each_sits_under_the_item_current_at_its_time(
    agenda: tuple[list[AgendaItem], list[tuple[int, int]], int | None],
    raw: list[tuple[int, int | None]],
) -> None:
    items, takeups, end = agenda
    events = [
        MeetingEvent(at(m), EventKind.QUORUM, f"peristiwa {n}", anchor)
        for n, (m, anchor) in enumerate(raw)
    ]
    placement = place_events(events, items, WIB, "WIB", T)
    assert Counter(p.event for p in placement.all()) == Counter(events)
    ids = {i.id for i in items}
    for place, placed in placed_lists(placement).items():
        for event in placed:
            minute = int((event.at - BASE).total_seconds() // 60)  # type: ignore[operator]
            if event.item_id in ids:
                assert place == event.item_id
            else:
                assert place == current_by_timeline(minute, takeups, end)


@given(agendas(), events_strategy)
def test_within_each_place_events_keep_time_order_and_ties_their_given_order(
    agenda: tuple[list[AgendaItem], list[tuple[int, int]], int | None],
    raw: list[tuple[int, int | None]],
) -> None:
    items = agenda[0]
    events = [MeetingEvent(at(m), EventKind.DECISION, f"e{n}", a) for n, (m, a) in enumerate(raw)]
    placement = place_events(events, items, WIB, "WIB", T)
    for placed in placed_lists(placement).values():
        positions = [events.index(e) for e in placed]
        keys = [(e.at, events.index(e)) for e in placed]
        assert keys == sorted(keys)
        assert len(set(positions)) == len(positions)


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_placed_event_carries_its_time_in_the_meeting_zone(hour: int, minute: int) -> None:
    moment = dt.datetime(2026, 3, 14, hour, minute, tzinfo=WIB)
    placement = place_events([MeetingEvent(moment, EventKind.QUORUM, "x")], [], WIB, "WIB", T)
    assert placement.opening[0].time == f"pukul {hour:02d}.{minute:02d} WIB"


def test_events_without_a_time_follow_the_timed_ones_of_their_item() -> None:
    items = [AgendaItem("A", position=1, id=1, started_at=at(10), ended_at=at(20))]
    untimed = MeetingEvent(None, EventKind.DECISION, "tanpa waktu", 1)
    timed = MeetingEvent(at(15), EventKind.QUORUM, "pukul 09.15")
    placement = place_events([untimed, timed], items, WIB, "WIB", T)
    assert [p.event for p in placement.of_item(1)] == [timed, untimed]
    assert placement.of_item(1)[1].time == ""


def test_between_two_items_an_event_stays_with_the_item_just_left() -> None:
    items = [
        AgendaItem("A", position=1, id=1, started_at=at(10), ended_at=at(20)),
        AgendaItem("B", position=2, id=2, started_at=at(30), ended_at=at(40)),
    ]
    assert place_of_moment(at(5), items) == OPENING
    assert place_of_moment(at(20), items) == 1  # suspended after A, before B was taken up
    assert place_of_moment(at(30), items) == 2
    assert place_of_moment(at(40), items) == CLOSING
    # A return to A keeps its first start and clears its end: the later start wins.
    back = [replace(items[0], ended_at=None), replace(items[1], ended_at=at(50))]
    assert place_of_moment(at(45), back) == 2
    assert place_of_moment(at(55), back) == 1


def test_a_cancelled_ballot_and_its_revote_are_worded_with_the_quorum_snapshot() -> None:
    from assembly.domain.ad_profile import ADProfile
    from assembly.domain.ballots import Ballot, BallotKind, BallotMode, BallotState
    from assembly.domain.minutes_events import EventFacts, meeting_events

    first = Ballot(1, 2, BallotKind.MOTION, BallotMode.COUNTED, "SHU dibagi 40%", at(30), 633,
                   567, True, "lebih dari 1/2", "", 633, 1133, BallotState.CANCELLED, at(35),
                   "salah hitung", id=1)  # fmt: skip
    again = replace(first, opened_at=at(40), state=BallotState.CLOSED, closed_at=at(50),
                    cancel_reason="", revote_of=1, revote_reason="salah hitung", id=2)  # fmt: skip
    events = meeting_events(
        EventFacts(ballots=[first, again]), ADProfile(), WIB, "WIB", lambda n: f"k{n}", T
    )
    texts = [e.text for e in events]
    assert texts == [
        "Pukul 09.30 WIB dibuka pemungutan suara (terbuka dengan penghitungan suara) atas usul: "
        "SHU dibagi 40%; saat itu hadir 633 (k633) orang, kuorum minimal 567 (k567) orang, "
        "kuorum terpenuhi.",
        "Pukul 09.35 WIB pemungutan suara SHU dibagi 40% dibatalkan karena salah hitung.",
        "Pukul 09.40 WIB dibuka pemungutan suara (terbuka dengan penghitungan suara) atas usul: "
        "SHU dibagi 40% (pemungutan suara ulang, karena salah hitung); saat itu hadir 633 (k633) "
        "orang, kuorum minimal 567 (k567) orang, kuorum terpenuhi.",
    ]
    assert {e.item_id for e in events} == {2}
