"""The ballot store: secret choices exist only as totals, with no member link, no time and no
order; a second vote
is refused by the UNIQUE constraint; the snapshot holds those present and entitled."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from assembly.domain.ballots import BallotMode
from assembly.domain.errors import DomainError
from assembly.persistence import ballot_store, secret_store
from assembly.persistence.tables import ballot_eligible, secret_participation, secret_totals
from assembly.services.bundle import Services
from tests.services.voting_fixtures import no_consensus, opened_hall


def test_secret_choices_are_totals_without_a_member_link(
    cooperative: Services, db_path: Path
) -> None:
    assert {c.name for c in secret_totals.columns} == {"id", "ballot_id", "option", "votes"}
    assert not [fk for fk in secret_totals.foreign_keys if fk.column.table.name == "members"]
    hall = opened_hall(cooperative, db_path)
    ballot, _ = cooperative.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 2), BallotMode.SECRET, "SHU"
    )
    assert ballot.id is not None
    with cooperative.ctx.db.read() as conn:
        made = conn.execute(sa.select(secret_totals.c.option).order_by(secret_totals.c.id))
        # Every counter made at opening, in a fixed order, before any vote.
        assert made.scalars().all() == ["setuju", "tidak_setuju", "abstain", secret_store.CAST]
    with cooperative.ctx.db.write() as conn:
        for number, choice in (("0001", "setuju"), ("0002", "abstain"), ("0003", "setuju")):
            secret_store.add(conn, ballot.id, hall.ids[number], False, choice)
        with pytest.raises(DomainError, match="satu anggota satu suara"):
            secret_store.add(conn, ballot.id, hall.ids["0001"], False, "tidak_setuju")
        with pytest.raises(DomainError, match="tidak ada pada surat suara"), conn.begin_nested():
            secret_store.add(conn, ballot.id, hall.ids["0004"], False, "tidak_sah")
        rows = conn.execute(sa.select(sa.func.count()).select_from(secret_totals)).scalar()
        voters = (
            conn.execute(
                sa.select(secret_participation.c.member_id).order_by(secret_participation.c.id)
            )
            .scalars()
            .all()
        )
        totals = secret_store.totals(conn, ballot.id)
        stored = conn.execute(sa.select(secret_totals.c.votes)).scalars().all()
    assert rows == 4  # no row was added by a vote; the refused ones changed nothing
    assert totals == {"setuju": 2, "tidak_setuju": 0, "abstain": 1, secret_store.CAST: 3}
    assert all(v >= secret_store.FIXED_WIDTH for v in stored)  # one record size, always
    assert voters == [hall.ids[n] for n in ("0001", "0002", "0003")]


def test_a_second_vote_is_refused_by_the_database(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    ballot, _ = cooperative.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 2), BallotMode.NAMED, "SHU"
    )
    assert ballot.id is not None
    with cooperative.ctx.db.write() as conn:
        ballot_store.add_named(conn, ballot.id, hall.ids["0001"], "setuju", None, "t")
        with pytest.raises(DomainError, match="satu anggota satu suara"):
            ballot_store.add_named(conn, ballot.id, hall.ids["0001"], "setuju", None, "t")


def test_the_snapshot_holds_those_present_and_entitled(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path, ("0001", "0002", "0003", "0004", "0005"))
    ballot, _ = cooperative.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 2), BallotMode.NAMED, "SHU"
    )
    with cooperative.ctx.db.read() as conn:
        members = (
            conn.execute(
                sa.select(ballot_eligible.c.member_id).where(
                    ballot_eligible.c.ballot_id == ballot.id
                )
            )
            .scalars()
            .all()
        )
        assert ballot_store.eligibility(conn, ballot.id or 0, hall.ids["0009"]) == (False, None)
    assert sorted(members) == sorted(hall.ids[n] for n in ("0001", "0002", "0003", "0004", "0005"))
