"""Read-only lists for the berita acara's annexes: the named votes of a ballot and the
proxies of a meeting, each with member numbers and names in one joined query (thousands of
rows, never one query per row). Secret ballots have no such list: their choices are stored
without a member (DESIGN.md section 3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa

from assembly.domain.proxies import ProxyState
from assembly.persistence.tables import members, named_votes, proxies

_holder = members.alias("vote_holder")
CHUNK = 2_000  # rows fetched at a time from a long list


@dataclass(frozen=True)
class NamedVoteRecord:
    """One named vote: the voter, the stored choice, and the proxy holder who cast it."""

    number: str
    name: str
    choice: str
    holder_number: str = ""
    holder_name: str = ""


@dataclass(frozen=True)
class ProxyRecord:
    """One surat kuasa of the meeting with both members named."""

    grantor_number: str
    grantor_name: str
    holder_number: str
    holder_name: str
    reference: str
    granted_on: dt.date | None
    state: ProxyState


def named_votes_of(conn: sa.Connection, ballot_id: int) -> Iterator[NamedVoteRecord]:
    """The named votes of the ballot, by member number, read ``CHUNK`` rows at a time
    (``yield_per``): a list of 150,000 votes is written out as it is read, never held
    (issue 11, point 10)."""
    statement = (
        sa.select(
            members.c.number,
            members.c.name,
            named_votes.c.choice,
            _holder.c.number,
            _holder.c.name,
        )
        .select_from(
            named_votes.join(members, members.c.id == named_votes.c.member_id).outerjoin(
                _holder, _holder.c.id == named_votes.c.proxy_holder_id
            )
        )
        .where(named_votes.c.ballot_id == ballot_id)
        .order_by(members.c.number)
    )
    for r in conn.execute(statement, execution_options={"yield_per": CHUNK}):
        yield NamedVoteRecord(r[0], r[1], r[2], r[3] or "", r[4] or "")


def proxies_of(conn: sa.Connection, meeting_id: int) -> list[ProxyRecord]:
    """Every proxy of the meeting in the order recorded."""
    grantor = members.alias("grantor")
    statement = (
        sa.select(
            grantor.c.number,
            grantor.c.name,
            _holder.c.number,
            _holder.c.name,
            proxies.c.reference,
            proxies.c.granted_on,
            proxies.c.state,
        )
        .select_from(
            proxies.join(grantor, grantor.c.id == proxies.c.grantor_id).join(
                _holder, _holder.c.id == proxies.c.holder_id
            )
        )
        .where(proxies.c.meeting_id == meeting_id)
        .order_by(proxies.c.id)
    )
    return [
        ProxyRecord(r[0], r[1], r[2], r[3], r[4], r[5], ProxyState(r[6]))
        for r in conn.execute(statement)
    ]
