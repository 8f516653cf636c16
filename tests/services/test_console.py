"""The current agenda item and the console's snapshot: progress while a ballot is open, the
tally only once it is closed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from assembly.domain.ballots import BallotMode, Choice, Outcome
from assembly.domain.errors import DomainError
from tests.services.voting_fixtures import no_consensus, opened_hall


def test_taking_up_an_item_leaves_the_one_before(cooperative: Any, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    first, second = hall.items[0], hall.items[1]
    hall.services.agenda.take_up(hall.meeting_id, first)
    later = hall.reopen(minutes=20)
    item, _changes = later.agenda.take_up(hall.meeting_id, second)
    assert item.id == second
    items = {i.id: i for i in later.agenda.items(hall.meeting_id)}
    assert items[first].ended_at == items[second].started_at
    assert items[first].started_at is not None
    assert items[first].ended_at - items[first].started_at == dt.timedelta(minutes=20)
    assert later.agenda.current(hall.meeting_id).id == second


def test_after_the_close_no_item_is_under_discussion(cooperative: Any, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    last = hall.items[-1]
    hall.services.agenda.take_up(hall.meeting_id, last)
    assert hall.services.agenda.current(hall.meeting_id).id == last
    hall.services.meetings.close(hall.meeting_id)
    assert hall.services.agenda.current(hall.meeting_id) is None
    item = {i.id: i for i in hall.services.agenda.items(hall.meeting_id)}[last]
    assert item.started_at is not None  # its times as recorded


def test_an_item_is_taken_up_only_while_the_meeting_is_open(cooperative: Any) -> None:
    from tests.meeting_fixtures import open_meeting

    meeting_id = open_meeting(cooperative)
    item = cooperative.meetings.get(meeting_id).agenda[0].id
    with pytest.raises(DomainError, match="selama rapat dibuka"):
        cooperative.agenda.take_up(meeting_id, item)
    assert cooperative.agenda.current(meeting_id) is None


def test_the_snapshot_shows_progress_then_the_tally(cooperative: Any, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    services = hall.services
    item = no_consensus(hall, 2)
    services.agenda.take_up(hall.meeting_id, item)
    ballot, _c = services.ballots.open_motion(hall.meeting_id, item, BallotMode.NAMED, "SHU")
    for number, choice in (("0001", Choice.YES), ("0002", Choice.YES), ("0003", Choice.NO)):
        services.ballots.cast(ballot.id, number, choice)
    snap = services.console.snapshot(hall.meeting_id)
    assert snap.item is not None and snap.item.id == item
    assert snap.ballot is not None and snap.ballot.id == ballot.id
    assert snap.progress is not None
    assert (snap.progress.voted, snap.progress.eligible) == (3, 6)
    assert snap.last is None
    assert snap.quorum.reached
    services.ballots.close(ballot.id)
    snap = services.console.snapshot(hall.meeting_id)
    assert snap.ballot is None
    assert snap.last is not None
    assert snap.last.tally["setuju"] == 2 and snap.last.tally["tidak_setuju"] == 1
    assert snap.last.outcome is Outcome.ADOPTED
    assert snap.last.rule


def test_may_vote_answers_before_the_choice(cooperative: Any, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    services = hall.services
    item = no_consensus(hall, 1)
    ballot, _c = services.ballots.open_motion(hall.meeting_id, item, BallotMode.SECRET, "LPJ")
    name = services.ballots.may_vote(ballot.id, "0001")
    services.ballots.cast(ballot.id, "0001", Choice.YES)
    with pytest.raises(DomainError, match="sudah memberikan suara"):
        services.ballots.may_vote(ballot.id, "0001")
    with pytest.raises(DomainError, match="tidak berhak"):
        services.ballots.may_vote(ballot.id, "0008")
    assert name
