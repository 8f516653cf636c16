"""The demo's held meeting happens in a possible order (issue 11, point 1): members leave and
come back between decisions, every snapshot is the presence at its moment, nobody votes while
absent, and its berita acara reconciles, at any size of register."""

from __future__ import annotations

import random

import pytest

from assembly.domain.ballots import BallotMode
from assembly.domain.presence import present_at
from assembly.persistence import ballot_store
from assembly.services import presence
from assembly.services.bundle import Services
from assembly.services.demo_meeting import add_sample_meetings
from assembly.services.minutes_check import MinutesCheckService
from tests.services.test_demo_meeting import _register


@pytest.mark.parametrize("size", [12, 600])
def test_the_demo_meeting_reconciles(cooperative: Services, size: int) -> None:
    s = cooperative
    _register(s, size)
    with s.ctx.db.write() as conn:
        held = add_sample_meetings(s.ctx, conn, random.Random(7)).held
    assert held is not None
    report = MinutesCheckService(s.ctx).check(held)
    assert report.ok, report.lines()
    with s.ctx.db.read() as conn:
        people = presence.attendees(conn, held)
        for ballot in ballot_store.for_meeting(conn, held):
            now = present_at(people, ballot.opened_at)
            assert ballot.present == now.counted
            entitled = {m for m, _h in ballot_store.eligible_ids(conn, ballot.id or 0)}
            assert entitled == now.voters
            if ballot.mode is BallotMode.NAMED:
                assert set(ballot_store.voter_ids(conn, ballot)) <= entitled
    if size >= 600:
        assert any(a.departures for a in people) and any(a.returns for a in people)
        assert len({b.present for b in s.ballots.ballots(held)}) > 1  # the hall changed
