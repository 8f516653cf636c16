"""The one definition of "present" (DESIGN.md section 3): stays replayed from the attendance
history, head counts at a moment, and the movements the body of the berita acara reports."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from assembly.domain.attendance import AttendanceEvent, Channel, EventKind
from assembly.domain.members import Category
from assembly.domain.presence import (
    ARRIVALS,
    Attendee,
    CountedTimeline,
    Stay,
    movements,
    present_at,
    stays_of,
)

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
T0 = dt.datetime(2026, 3, 14, 9, 0, tzinfo=WIB)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def ev(n: int, member: int, kind: EventKind, minutes: float, **kw: object) -> AttendanceEvent:
    return AttendanceEvent(member, kind, at(minutes), "sekretariat", id=n, **kw)  # type: ignore[arg-type]


def person(member: int, stays: tuple[Stay, ...], counted: bool = True) -> Attendee:
    category = Category.MEMBER if counted else Category.CANDIDATE
    return Attendee(member, counted, counted, category, stays)


def test_present_means_arrived_at_or_before_and_not_yet_gone() -> None:
    stay = Stay(at(10), Channel.IN_PERSON, at(20))
    assert not stay.covers(at(9.99))
    assert stay.covers(at(10))  # arriving at the very moment of the snapshot counts
    assert stay.covers(at(19.99))
    assert not stay.covers(at(20))  # gone at the moment of leaving


def test_leave_and_return_make_two_stays_and_an_undone_departure_none() -> None:
    events = [
        ev(1, 7, EventKind.CHECK_IN, 0, channel=Channel.IN_PERSON),
        ev(2, 7, EventKind.CHECK_OUT, 30),
        ev(3, 7, EventKind.RETURN, 45, channel=Channel.IN_PERSON),
        ev(4, 8, EventKind.CHECK_IN, 5, channel=Channel.ONLINE),
        ev(5, 8, EventKind.CHECK_OUT, 10),
        ev(6, 8, EventKind.UNDO, 11, undoes=5),
        ev(7, 9, EventKind.CHECK_IN, 5, channel=Channel.IN_PERSON),
        ev(8, 9, EventKind.UNDO, 6, undoes=7),
    ]
    stays = stays_of(events)
    assert stays[7] == (
        Stay(at(0), Channel.IN_PERSON, at(30), left=True),
        Stay(at(45), Channel.IN_PERSON, returned=True),
    )
    assert stays[8] == (Stay(at(5), Channel.ONLINE),)
    assert 9 not in stays  # a check-in taken back as a mistake: never came
    people = [person(m, s) for m, s in stays.items()]
    assert present_at(people, at(35)).counted == 1
    assert present_at(people, at(35)).by_channel[Channel.ONLINE] == 1
    assert present_at(people, at(50)).counted == 2


def test_a_proxy_ends_when_the_grantor_arrives_and_withdrawal_is_not_leaving() -> None:
    events = [
        ev(1, 3, EventKind.PROXY_GRANTED, 0, proxy_id=1),
        ev(2, 3, EventKind.CHECK_IN, 20, channel=Channel.IN_PERSON),
        ev(3, 4, EventKind.PROXY_GRANTED, 0, proxy_id=2),
        ev(4, 4, EventKind.PROXY_WITHDRAWN, 10, proxy_id=2),
    ]
    stays = stays_of(events)
    assert [s.channel for s in stays[3]] == [Channel.PROXY, Channel.IN_PERSON]
    assert stays[3][0].end == at(20) and not stays[3][0].left
    assert stays[4] == (Stay(at(0), Channel.PROXY, at(10)),)
    people = [person(m, s) for m, s in stays.items()]
    # Represented and then in person: one member, never counted twice.
    assert present_at(people, at(20)).counted == 1
    assert movements(people, at(-1), None, WIB) == []  # neither is a departure from the hall


def test_others_are_counted_apart_by_category() -> None:
    people = [
        person(1, (Stay(at(0), Channel.IN_PERSON),)),
        person(2, (Stay(at(0), Channel.IN_PERSON),), counted=False),
        Attendee(3, False, False, Category.EXTRAORDINARY, (Stay(at(0), Channel.ONLINE),)),
    ]
    count = present_at(people, at(1))
    assert count.counted == 1
    assert count.others == {Category.CANDIDATE: 1, Category.EXTRAORDINARY: 1}
    assert count.everyone == 3
    assert count.voters == frozenset({1})


def test_movements_are_grouped_by_minute_with_the_count_after() -> None:
    people = [person(m, (Stay(at(0), Channel.IN_PERSON),)) for m in range(1, 11)]
    people[0] = person(1, (Stay(at(0), Channel.IN_PERSON, at(125.1), left=True),))
    people[1] = person(2, (Stay(at(0), Channel.IN_PERSON, at(125.8), left=True),))
    people[2] = person(
        3,
        (
            Stay(at(0), Channel.IN_PERSON, at(126.5), left=True),
            Stay(at(140.2), Channel.IN_PERSON, returned=True),
        ),
    )
    moves = movements(people, at(15), None, WIB)
    assert [(m.at.strftime("%H.%M"), m.left, m.returned, m.present_after) for m in moves] == [
        ("11.05", 2, 0, 8),
        ("11.06", 1, 0, 7),
        ("11.20", 0, 1, 8),
    ]
    assert movements(people, at(15), at(126), WIB)[-1].present_after == 8


# --- property: the stays agree with a plain replay of the door, at every moment --------------

_KINDS = [EventKind.CHECK_IN, EventKind.CHECK_OUT, EventKind.RETURN, EventKind.UNDO]


@st.composite
def histories(draw: st.DrawFn) -> list[AttendanceEvent]:
    """A plausible history: per member, alternating arrivals and departures at rising times,
    now and then the member's latest move undone (as the door allows)."""
    events: list[tuple[float, int, EventKind, int | None]] = []
    for member in range(1, draw(st.integers(1, 6)) + 1):
        t = draw(st.floats(0, 60))
        inside = False
        moves: list[int] = []  # indexes into events of this member's effective moves
        for _ in range(draw(st.integers(0, 6))):
            t += draw(st.floats(0, 40))
            if moves and draw(st.booleans()) and draw(st.booleans()):
                undone = moves.pop()
                events.append((t, member, EventKind.UNDO, undone))
                inside = events[undone][2] not in ARRIVALS
                continue
            if inside:
                kind = EventKind.CHECK_OUT
            else:
                kind = EventKind.RETURN if moves else EventKind.CHECK_IN
            moves.append(len(events))
            events.append((t, member, kind, None))
            inside = not inside
    return [
        AttendanceEvent(
            m,
            k,
            at(t),
            "x",
            Channel.IN_PERSON if k in ARRIVALS else None,
            undoes=(u + 1) if u is not None else None,
            id=n + 1,
        )
        for n, (t, m, k, u) in enumerate(events)
    ]


def brute_force_present(events: list[AttendanceEvent], moment: dt.datetime) -> int:
    """Walk the door's log up to ``moment``, a member in when their latest move that stood
    (was not taken back as a mistake) is an arrival."""
    undone = {e.undoes for e in events if e.kind is EventKind.UNDO}
    inside: dict[int, bool] = {}
    for e in events:
        if e.at <= moment and e.kind is not EventKind.UNDO and e.id not in undone:
            inside[e.member_id] = e.kind in ARRIVALS
    return sum(inside.values())


@settings(max_examples=300, deadline=None)
@given(histories(), st.lists(st.floats(-10, 400), min_size=1, max_size=8))
def test_present_from_stays_equals_a_brute_force_replay(
    events: list[AttendanceEvent], moments: list[float]
) -> None:
    people = [person(m, s) for m, s in stays_of(events).items()]
    timeline = CountedTimeline(people)
    for minute in [*moments, *(((e.at - T0).total_seconds() / 60) for e in events)]:
        moment = at(minute)
        assert present_at(people, moment).counted == brute_force_present(events, moment)
        assert timeline.at(moment) == brute_force_present(events, moment)
