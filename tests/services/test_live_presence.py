"""The projector's quorum kept up to date between refreshes: after every move at the door
(arrival, departure, return, undo, rights recounted) it equals the one presence function
counted afresh from the whole history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from assembly.domain.attendance import Channel
from assembly.domain.ballots import BallotMode
from assembly.domain.presence import present_at
from assembly.services import presence
from assembly.services.bundle import Services
from tests.services.voting_fixtures import Hall, no_consensus, opened_hall


def _fresh(services: Services, meeting_id: int) -> tuple[dict[Channel, int], int]:
    with services.ctx.db.read() as conn:
        count = present_at(presence.attendees(conn, meeting_id), services.ctx.now())
    return dict(count.by_channel), count.everyone


def test_the_projector_count_follows_every_move_at_the_door(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path, ("0001", "0002", "0003", "0004", "0005"))
    live = presence.LivePresence()  # one for the whole meeting, as the projector keeps it
    m = hall.meeting_id
    steps = [
        lambda s: s.checkin.check_in(m, "0006"),
        lambda s: s.checkin.check_out(m, hall.ids["0002"]),
        lambda s: s.checkin.check_in(m, "0008"),
        lambda s: s.checkin.record_return(m, hall.ids["0002"]),
        lambda s: s.checkin.check_out(m, hall.ids["0006"]),
        lambda s: s.checkin.undo(m, hall.ids["0006"]),  # the departure was a mistake
        lambda s: s.checkin.undo(m, hall.ids["0008"]),  # and so was this arrival
        lambda s: s.checkin.check_out(m, hall.ids["0009"]),  # the calon leaves
        lambda s: s.ballots.open_motion(  # rights recounted, a quorum step recorded
            m,
            no_consensus(Hall(s, m, hall.items, hall.ids, hall.path), 2),
            BallotMode.NAMED,
            "SHU",
        ),
    ]
    seen = []
    for minute, step in enumerate(steps, start=1):
        s = hall.reopen(minute)
        step(s)
        after = hall.reopen(minute)
        with after.ctx.db.read() as conn:
            by_channel, everyone = live.at(conn, m, after.ctx.now())
        assert (by_channel, everyone) == _fresh(after, m), minute
        seen.append(sum(by_channel.values()))
    assert seen == [6, 5, 6, 7, 6, 7, 6, 6, 6]


def test_the_hall_asked_about_any_moment_counts_as_the_one_presence_function(
    cooperative: Services, db_path: Path
) -> None:
    """The database's count (the console's first show) at moments before, between and after
    arrivals, departures and returns, asked in any order, equals present_at on the stays:
    an arrival at the moment counts, a departure at the moment no longer does."""
    hall = opened_hall(cooperative, db_path, ("0001", "0002", "0003", "0004", "0005"))
    m = hall.meeting_id
    hall.reopen(3).checkin.check_in(m, "0006")
    hall.reopen(5).checkin.check_out(m, hall.ids["0002"])
    hall.reopen(7).checkin.check_out(m, hall.ids["0006"])
    hall.reopen(9).checkin.record_return(m, hall.ids["0002"])
    s = hall.reopen(10)
    with s.ctx.db.read() as conn:
        people = presence.attendees(conn, m)
    live = presence.LivePresence()
    base = s.ctx.now() - dt.timedelta(minutes=10)
    seen = []
    for minutes in (10, 0, 3, 5, 7, 9, 4, 6, 8, 12):  # later, then earlier, then later again
        moment = base + dt.timedelta(minutes=minutes)
        with s.ctx.db.read() as conn:
            by_channel, everyone = live.at(conn, m, moment)
        count = present_at(people, moment)
        assert (by_channel, everyone) == (dict(count.by_channel), count.everyone), minutes
        seen.append(sum(by_channel.values()))
    assert seen == [5, 5, 6, 5, 4, 5, 6, 5, 4, 5]
