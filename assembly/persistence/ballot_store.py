"""Ballots, who was entitled when each opened, and the votes.

One vote per member per ballot is a UNIQUE constraint: a second insert, even from another
process racing this one, fails in the database and becomes a :class:`DomainError`. A secret
ballot's choices are kept as totals only, by :mod:`assembly.persistence.secret_store`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from assembly.domain.ballots import (
    Ballot,
    BallotKind,
    BallotMode,
    BallotState,
    CountedTotals,
    Office,
)
from assembly.persistence import secret_store
from assembly.persistence.tables import (
    ballot_eligible,
    ballots,
    candidates,
    counted_totals,
    named_votes,
    secret_participation,
)
from assembly.persistence.timestamps import from_text, required, to_text


def _values(ballot: Ballot) -> dict[str, Any]:
    return {
        "meeting_id": ballot.meeting_id,
        "item_id": ballot.item_id,
        "kind": ballot.kind.value,
        "mode": ballot.mode.value,
        "state": ballot.state.value,
        "title": ballot.title,
        "cancel_reason": ballot.cancel_reason,
        "opened_at": to_text(ballot.opened_at),
        "closed_at": to_text(ballot.closed_at),
        "present": ballot.present,
        "minimum": ballot.minimum,
        "reached": ballot.reached,
        "rule_text": ballot.rule_text,
        "article": ballot.article,
        "eligible": ballot.eligible,
        "members": ballot.members,
        "seats": ballot.seats,
        "revote_reason": ballot.revote_reason,
        "revote_of": ballot.revote_of,
        "runoff_of": ballot.runoff_of,
        "office": ballot.office.value if ballot.office else None,
    }


def _ballot(r: Mapping[Any, Any]) -> Ballot:
    return Ballot(
        meeting_id=r["meeting_id"],
        item_id=r["item_id"],
        kind=BallotKind(r["kind"]),
        mode=BallotMode(r["mode"]),
        title=r["title"],
        opened_at=required(r["opened_at"]),
        present=r["present"],
        minimum=r["minimum"],
        reached=bool(r["reached"]),
        rule_text=r["rule_text"],
        article=r["article"],
        eligible=r["eligible"],
        members=r["members"],
        state=BallotState(r["state"]),
        closed_at=from_text(r["closed_at"]),
        cancel_reason=r["cancel_reason"],
        seats=r["seats"],
        revote_reason=r["revote_reason"],
        revote_of=r["revote_of"],
        runoff_of=r["runoff_of"],
        office=Office(r["office"]) if r["office"] else None,
        id=r["id"],
    )


def insert(conn: sa.Connection, ballot: Ballot) -> int:
    """Store a new ballot; its id."""
    key = conn.execute(sa.insert(ballots).values(**_values(ballot))).inserted_primary_key
    assert key is not None
    return int(key[0])


def update(conn: sa.Connection, ballot: Ballot) -> None:
    """Store the ballot's state, closing time and the rest as they are now."""
    conn.execute(sa.update(ballots).where(ballots.c.id == ballot.id).values(**_values(ballot)))


def get(conn: sa.Connection, ballot_id: int) -> Ballot | None:
    """The ballot, or None."""
    row = conn.execute(sa.select(ballots).where(ballots.c.id == ballot_id)).first()
    return None if row is None else _ballot(row._mapping)


def for_meeting(conn: sa.Connection, meeting_id: int) -> list[Ballot]:
    """Every ballot of the meeting in the order they were opened."""
    rows = conn.execute(
        sa.select(ballots).where(ballots.c.meeting_id == meeting_id).order_by(ballots.c.id)
    )
    return [_ballot(r._mapping) for r in rows]


def open_ballot_id(conn: sa.Connection, meeting_id: int) -> int | None:
    """The ballot of the meeting that is open now, if any."""
    return conn.execute(
        sa.select(ballots.c.id).where(
            ballots.c.meeting_id == meeting_id, ballots.c.state == BallotState.OPEN.value
        )
    ).scalar()


# --- who may vote ------------------------------------------------------------------------------


def add_eligible(
    conn: sa.Connection, ballot_id: int, people: Sequence[tuple[int, int | None]]
) -> int:
    """Store who was present and entitled at the snapshot as given: (member id, holder of
    their surat kuasa or None); how many they are."""
    if people:
        conn.execute(
            sa.insert(ballot_eligible),
            [{"ballot_id": ballot_id, "member_id": m, "proxy_holder_id": h} for m, h in people],
        )
    return len(people)


def eligible_ids(conn: sa.Connection, ballot_id: int) -> list[tuple[int, int | None]]:
    """(member id, proxy holder id or None) of everyone entitled at the snapshot."""
    rows = conn.execute(
        sa.select(ballot_eligible.c.member_id, ballot_eligible.c.proxy_holder_id)
        .where(ballot_eligible.c.ballot_id == ballot_id)
        .order_by(ballot_eligible.c.member_id)
    )
    return [(int(r[0]), r[1]) for r in rows]


def eligibility(conn: sa.Connection, ballot_id: int, member_id: int) -> tuple[bool, int | None]:
    """(entitled at the snapshot, holder of their surat kuasa or None)."""
    row = conn.execute(
        sa.select(ballot_eligible.c.proxy_holder_id).where(
            ballot_eligible.c.ballot_id == ballot_id, ballot_eligible.c.member_id == member_id
        )
    ).first()
    return (False, None) if row is None else (True, row[0])


# --- votes -------------------------------------------------------------------------------------


def add_named(
    conn: sa.Connection,
    ballot_id: int,
    member_id: int,
    choice: str,
    holder_id: int | None,
    at: str,
) -> None:
    """Record a named vote; refused (DomainError) when the member has voted already."""
    try:
        with conn.begin_nested():
            conn.execute(
                sa.insert(named_votes).values(
                    ballot_id=ballot_id,
                    member_id=member_id,
                    choice=choice,
                    proxy_holder_id=holder_id,
                    cast_at=at,
                )
            )
    except sa.exc.IntegrityError as exc:
        raise secret_store.already_voted() from exc


def add_named_many(
    conn: sa.Connection, ballot_id: int, votes: Iterable[tuple[int, str, int | None]], at: str
) -> None:
    """Record many named votes (member id, choice, proxy holder id) at once: for a ballot
    whose votes are already known, as the demo's held meeting. The UNIQUE constraint still
    holds; a second vote of one member fails the whole call."""
    rows = [
        {"ballot_id": ballot_id, "member_id": m, "choice": c, "proxy_holder_id": h, "cast_at": at}
        for m, c, h in votes
    ]
    if rows:
        conn.execute(sa.insert(named_votes), rows)


def choice_counts(conn: sa.Connection, ballot: Ballot) -> dict[str, int]:
    """How many times each choice was cast in a named ballot (one GROUP BY), or the totals of
    a secret one (by candidate's member id, "" for blank ballots)."""
    if ballot.mode is BallotMode.SECRET:
        return secret_store.choice_counts(conn, ballot.id or 0)
    rows = conn.execute(
        sa.select(named_votes.c.choice, sa.func.count())
        .where(named_votes.c.ballot_id == ballot.id)
        .group_by(named_votes.c.choice)
    )
    return {r[0]: int(r[1]) for r in rows}


def secret_ballots_cast(conn: sa.Connection, ballot: Ballot) -> int:
    """How many ballots are in a secret ballot's box (its counter of ballots cast): one per
    voter however many candidates each marked."""
    return secret_store.totals(conn, ballot.id or 0).get(secret_store.CAST, 0)


def has_voted(conn: sa.Connection, ballot: Ballot, member_id: int) -> bool:
    """Whether the member's vote is in (named) or their participation recorded (secret)."""
    table = secret_participation if ballot.mode is BallotMode.SECRET else named_votes
    found = conn.execute(
        sa.select(table.c.id).where(table.c.ballot_id == ballot.id, table.c.member_id == member_id)
    ).first()
    return found is not None


def voted(conn: sa.Connection, ballot: Ballot) -> tuple[int, int]:
    """(how many have voted, of them by proxy) in a named or secret ballot."""
    if ballot.mode is BallotMode.SECRET:
        proxied = secret_participation.c.via_proxy.is_(True)
        table, ballot_col = secret_participation, secret_participation.c.ballot_id
    else:
        proxied = named_votes.c.proxy_holder_id.is_not(None)
        table, ballot_col = named_votes, named_votes.c.ballot_id
    row = conn.execute(
        sa.select(sa.func.count(), sa.func.count().filter(proxied))
        .select_from(table)
        .where(ballot_col == ballot.id)
    ).one()
    return int(row[0]), int(row[1])


# --- counted totals and candidates ---------------------------------------------------------------


def save_counted(conn: sa.Connection, ballot_id: int, totals: CountedTotals, at: str) -> None:
    """Store (or replace) the totals of a counted ballot."""
    values = {
        "yes": totals.yes,
        "no": totals.no,
        "abstain": totals.abstain,
        "invalid": totals.invalid,
        "blank": totals.blank,
        "issued": totals.issued,
        "returned": totals.returned,
        "tellers": "\n".join(t.strip() for t in totals.tellers if t.strip()),
        "entered_at": at,
    }
    conn.execute(sa.delete(counted_totals).where(counted_totals.c.ballot_id == ballot_id))
    conn.execute(sa.insert(counted_totals).values(ballot_id=ballot_id, **values))


def counted(conn: sa.Connection, ballot_id: int) -> CountedTotals | None:
    """The entered totals, or None."""
    row = conn.execute(
        sa.select(counted_totals).where(counted_totals.c.ballot_id == ballot_id)
    ).first()
    if row is None:
        return None
    r = row._mapping
    return CountedTotals(
        r["yes"],
        r["no"],
        r["abstain"],
        r["invalid"],
        r["blank"],
        r["issued"],
        r["returned"],
        tuple(r["tellers"].split("\n")),
    )


def add_candidates(conn: sa.Connection, ballot_id: int, people: Iterable[tuple[int, str]]) -> None:
    """Store the candidates (member id, name) of an election ballot."""
    rows = [{"ballot_id": ballot_id, "member_id": m, "name": n} for m, n in people]
    if rows:
        conn.execute(sa.insert(candidates), rows)


def declare_candidates(
    conn: sa.Connection, ballot_id: int, declared: Mapping[int, tuple[bool, str]]
) -> None:
    """Store what candidates (by member id) declare: (is the kepala desa, family group)."""
    for member_id, (village_head, kin_group) in declared.items():
        conn.execute(
            sa.update(candidates)
            .where(candidates.c.ballot_id == ballot_id, candidates.c.member_id == member_id)
            .values(village_head=village_head, kin_group=kin_group)
        )


def declarations(conn: sa.Connection, ballot_id: int) -> dict[int, tuple[bool, str]]:
    """(is the kepala desa, family group) of each candidate by member id."""
    rows = conn.execute(
        sa.select(candidates.c.member_id, candidates.c.village_head, candidates.c.kin_group).where(
            candidates.c.ballot_id == ballot_id
        )
    )
    return {int(r[0]): (bool(r[1]), r[2]) for r in rows}


def candidate_list(conn: sa.Connection, ballot_id: int) -> list[tuple[int, str]]:
    """(member id, name) of the ballot's candidates, in the order entered."""
    rows = conn.execute(
        sa.select(candidates.c.member_id, candidates.c.name)
        .where(candidates.c.ballot_id == ballot_id)
        .order_by(candidates.c.id)
    )
    return [(int(r[0]), r[1]) for r in rows]


def voter_ids(conn: sa.Connection, ballot: Ballot) -> list[int]:
    """Who voted in a named ballot, or took part in a secret one (never their choice)."""
    table = secret_participation if ballot.mode is BallotMode.SECRET else named_votes
    rows = conn.execute(sa.select(table.c.member_id).where(table.c.ballot_id == ballot.id))
    return sorted(int(r[0]) for r in rows)
