"""The ballot store: secret choices carry no member link, no time and no order; a second vote
is refused by the UNIQUE constraint; the snapshot holds those present and entitled."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from assembly.domain.ballots import BallotMode
from assembly.domain.errors import DomainError
from assembly.persistence import ballot_store
from assembly.persistence.tables import ballot_eligible, secret_choices, secret_participation
from assembly.services.bundle import Services
from tests.services.voting_fixtures import no_consensus, opened_hall


def test_secret_choices_carry_no_member_link(cooperative: Services, db_path: Path) -> None:
    assert {c.name for c in secret_choices.columns} == {"id", "ballot_id", "choice"}
    assert not [fk for fk in secret_choices.foreign_keys if fk.column.table.name == "members"]
    hall = opened_hall(cooperative, db_path)
    ballot, _ = cooperative.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 2), BallotMode.SECRET, "SHU"
    )
    assert ballot.id is not None
    with cooperative.ctx.db.write() as conn:
        for number in ("0001", "0002", "0003", "0004", "0005", "0006"):
            ballot_store.add_secret(conn, ballot.id, hall.ids[number], False, "setuju")
        keys = conn.execute(sa.select(secret_choices.c.id)).scalars().all()
        voters = (
            conn.execute(
                sa.select(secret_participation.c.member_id).order_by(secret_participation.c.id)
            )
            .scalars()
            .all()
        )
    assert len(set(keys)) == 6 and all(0 < k < 2**63 for k in keys)
    assert max(keys) > 2**40  # random 63-bit keys, not a counter
    assert voters == [hall.ids[n] for n in ("0001", "0002", "0003", "0004", "0005", "0006")]


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
        with pytest.raises(DomainError, match="satu anggota satu suara"):
            ballot_store.add_secret(conn, ballot.id, hall.ids["0002"], False, "setuju")
            ballot_store.add_secret(conn, ballot.id, hall.ids["0002"], False, "setuju")
        # The refused inserts rolled back to their savepoints: one choice per participation.
        assert conn.execute(sa.select(sa.func.count()).select_from(secret_choices)).scalar() == 1


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
