"""A secret ballot's choices, kept as totals only (DESIGN.md section 3; issue 10).

Who took part is public, and so is the order
(the participation rows and the audit log follow it). Any per-vote record of a choice, even with
no member, no time and a random key, can be paired with that order: SQLite writes each new cell
lower in its page, the WAL appends each commit's pages in turn, a backup copies pages as they
are. So a choice is never stored as a row: each secret ballot has one counter per option (a
motion's answers, each candidate, a blank ballot) and one of the ballots cast, all created in a
fixed order when it opens (:func:`prepare`), and a vote raises them in the transaction
that records the participation (committed before the booth thanks the voter; nothing waits in
memory). What remains is a total per option, and a total says nothing about who chose it: any
assignment of voters to choices that adds up to it is equally likely.

Three details keep the totals from telling the order of the votes:

- the counters are stored offset by :data:`FIXED_WIDTH`, so every value takes SQLite's 8-byte
  integer form and each update keeps the record's size: SQLite then overwrites the cell in
  place, and the cells never move within their page (a growing record would be moved, and the
  order of the moves would hint at the order of the votes);
- ``PRAGMA secure_delete`` (set in :mod:`assembly.persistence.database`) zeroes any cell or
  page SQLite frees, so no earlier total lingers in a page's free space;
- the WAL still holds one copy of the counters' page per vote until it is checkpointed: when a
  secret ballot closes or is cancelled the service truncates it
  (:func:`assembly.persistence.database.truncate_wal`), and every start does the same, for a
  run that stopped between the close and the truncation.

On PostgreSQL an UPDATE writes a new row version stamped with the voter's transaction and
leaves the old one until vacuumed, and the WAL keeps every change: at the close the counters are
rewritten in one transaction, the table rewritten in key order (``CLUSTER``) and the WAL
segments of the votes ended and removed (:func:`assembly.persistence.pg_database.
scrub_after_secret_ballot`; the host cluster's settings are in docs/security.md). While the
ballot is open the history is in the cluster's files: the promise holds from the close on.

A recount reconciles: the ballots counted must equal the members who took part
(:func:`mismatch`), and closing refuses otherwise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import sqlalchemy as sa

from assembly.domain.ballots import Ballot, BallotKind, Choice
from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.persistence import dialect
from assembly.persistence.tables import candidates, secret_participation, secret_totals

# Stored counters are this plus the count: SQLite's 8-byte integer form for every count below
# 2**63 - 2**48, so updating a counter never changes its record's size (see above).
FIXED_WIDTH = 1 << 48
CAST = "#"  # the counter of ballots cast (a blank election ballot counts under "")


def already_voted() -> DomainError:
    """The refusal of a second vote (the UNIQUE(ballot_id, member_id) constraint failed)."""
    return DomainError(
        tr("Anggota ini sudah memberikan suara pada pemungutan suara ini; satu anggota satu suara.")
    )


def options(conn: sa.Connection, ballot: Ballot) -> list[str]:
    """The counters of a secret ballot, in the fixed order they are made: a motion's answers,
    or each candidate's member id and "" for a blank ballot; then the ballots cast."""
    if ballot.kind is BallotKind.MOTION:
        answers = [c.value for c in Choice if c is not Choice.INVALID]
    else:
        people = conn.execute(
            sa.select(candidates.c.member_id)
            .where(candidates.c.ballot_id == ballot.id)
            .order_by(candidates.c.id)
        ).scalars()
        answers = [*(str(m) for m in people), ""]
    return [*answers, CAST]


def prepare(conn: sa.Connection, ballot: Ballot) -> None:
    """Make the ballot's counters, at zero, before any vote (those already there are kept).
    Made together and in a fixed order, so no counter's place says which choice came first."""
    rows = [
        {"ballot_id": ballot.id, "option": option, "votes": FIXED_WIDTH}
        for option in options(conn, ballot)
    ]
    conn.execute(dialect.insert_ignoring_existing(conn, secret_totals), rows)


def _raise(conn: sa.Connection, ballot_id: int, counts: Counter[str]) -> None:
    by_amount: dict[int, list[str]] = {}
    for option, n in sorted(counts.items()):
        by_amount.setdefault(n, []).append(option)
    for amount, chosen in by_amount.items():
        result = conn.execute(
            sa.update(secret_totals)
            .where(secret_totals.c.ballot_id == ballot_id, secret_totals.c.option.in_(chosen))
            .values(votes=secret_totals.c.votes + amount)
        )
        if result.rowcount != len(chosen):
            # A choice without a counter: not among the options made when the ballot opened.
            raise DomainError(tr("Pilihan ini tidak ada pada surat suara."))


def _chosen(choice: str) -> set[str]:
    # "setuju"; "12,40" (an election's candidates); "" (a blank election ballot).
    return set(choice.split(","))


def add(conn: sa.Connection, ballot_id: int, member_id: int, via_proxy: bool, choice: str) -> None:
    """Record that the member voted and raise the totals of their choice and of the ballots
    cast. Both in the caller's one transaction: either both are stored or neither; refused
    (DomainError) when the member has voted already."""
    try:
        with conn.begin_nested():
            conn.execute(
                sa.insert(secret_participation).values(
                    ballot_id=ballot_id, member_id=member_id, via_proxy=via_proxy
                )
            )
    except sa.exc.IntegrityError as exc:
        raise already_voted() from exc
    _raise(conn, ballot_id, Counter([*_chosen(choice), CAST]))


def add_many(conn: sa.Connection, ballot: Ballot, votes: Iterable[tuple[int, bool, str]]) -> None:
    """Record many secret votes (member id, via proxy, choice) at once, as the demo's held
    meeting does: the participation by member, and the choices only as the totals they add up
    to, one update per counter."""
    assert ballot.id is not None
    people, counts = [], Counter[str]()
    for member_id, via_proxy, choice in votes:
        people.append({"ballot_id": ballot.id, "member_id": member_id, "via_proxy": via_proxy})
        counts.update(_chosen(choice))
        counts[CAST] += 1
    prepare(conn, ballot)
    if people:
        conn.execute(sa.insert(secret_participation), people)
        _raise(conn, ballot.id, counts)


def totals(conn: sa.Connection, ballot_id: int) -> dict[str, int]:
    """Every counter of a secret ballot, the ballots cast under :data:`CAST`."""
    rows = conn.execute(
        sa.select(secret_totals.c.option, secret_totals.c.votes - FIXED_WIDTH).where(
            secret_totals.c.ballot_id == ballot_id
        )
    )
    return {r[0]: int(r[1]) for r in rows}


def choice_counts(conn: sa.Connection, ballot_id: int) -> dict[str, int]:
    """The totals per choice (a motion's answer; a candidate's member id, "" for blank)."""
    counts = totals(conn, ballot_id)
    counts.pop(CAST, None)
    return counts


def took_part(conn: sa.Connection, ballot_id: int) -> int:
    """How many members took part (their participation rows)."""
    return int(
        conn.execute(
            sa.select(sa.func.count())
            .select_from(secret_participation)
            .where(secret_participation.c.ballot_id == ballot_id)
        ).scalar_one()
    )


def mismatch(conn: sa.Connection, ballot: Ballot) -> tuple[int, int] | None:
    """(ballots counted, members who took part) when the recount does not reconcile: the
    counter of ballots cast differs from the participation rows, a motion's answers do not add
    up to the ballots cast, or an election's votes exceed the seats of the ballots cast.
    None when it reconciles."""
    counts = totals(conn, ballot.id or 0)
    cast = counts.pop(CAST, 0)
    people = took_part(conn, ballot.id or 0)
    answers = sum(counts.values())
    if ballot.kind is BallotKind.MOTION and answers != cast:
        return answers, people
    if ballot.kind is BallotKind.ELECTION and answers > cast * (ballot.seats or 1):
        return answers, people
    return None if cast == people else (cast, people)
