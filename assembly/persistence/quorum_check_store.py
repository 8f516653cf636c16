"""The recorded quorum checks of a meeting (append-only), and the register's figures at a
cut-off date that the quorum is taken of."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from assembly.domain.ad_profile import ADProfile
from assembly.domain.members import Category, Status
from assembly.domain.quorum_check import CheckStep, QuorumCheck
from assembly.persistence.tables import members, quorum_checks
from assembly.persistence.timestamps import from_text, required, to_text


def add(conn: sa.Connection, meeting_id: int, check: QuorumCheck, actor: str) -> int:
    """Record one step; its id."""
    result = conn.execute(
        sa.insert(quorum_checks).values(
            meeting_id=meeting_id,
            at=to_text(check.at),
            step=check.step.value,
            base=check.base,
            present=check.present,
            minimum=check.minimum,
            reached=check.reached,
            rule_text=check.rule_text,
            article=check.article,
            until=to_text(check.until),
            actor=actor,
            note=check.note,
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def checks(conn: sa.Connection, meeting_id: int) -> list[QuorumCheck]:
    """Every recorded step of the meeting, oldest first."""
    rows = conn.execute(
        sa.select(quorum_checks)
        .where(quorum_checks.c.meeting_id == meeting_id)
        .order_by(quorum_checks.c.id)
    )
    return [
        QuorumCheck(
            at=required(r.at),
            step=CheckStep(r.step),
            base=r.base,
            present=r.present,
            minimum=r.minimum,
            reached=bool(r.reached),
            rule_text=r.rule_text,
            article=r.article,
            until=from_text(r.until),
            note=r.note,
            id=r.id,
        )
        for r in rows
    ]


def _member_on(cutoff: dt.date) -> sa.ColumnElement[bool]:
    # Mirrors Member.is_member_on: joined by the cut-off, and not yet gone on it.
    return sa.and_(
        sa.or_(members.c.joined_on.is_(None), members.c.joined_on <= cutoff),
        sa.or_(
            members.c.status == Status.ACTIVE.value,
            sa.and_(members.c.exit_date.is_not(None), members.c.exit_date > cutoff),
        ),
    )


def _may_vote(cutoff: dt.date, profile: ADProfile) -> sa.ColumnElement[bool]:
    # Mirrors domain.members.eligibility(...).may_vote; a test holds the two together.
    categories = [Category.MEMBER.value]
    if profile.candidates_may_vote:
        categories.append(Category.CANDIDATE.value)
    if profile.extraordinary_may_vote:
        categories.append(Category.EXTRAORDINARY.value)
    condition = sa.and_(_member_on(cutoff), members.c.category.in_(categories))
    if profile.arrears_suspend_vote:
        condition = sa.and_(condition, members.c.arrears == sa.false())
    return condition


def roll_counts(conn: sa.Connection, cutoff: dt.date, profile: ADProfile) -> tuple[int, int]:
    """(registered, entitled) as of ``cutoff``: every member on the register that day, and
    those among them entitled to vote under ``profile``. One pass over the register."""
    row = conn.execute(
        sa.select(
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(sa.case((_may_vote(cutoff, profile), 1), else_=0)), 0),
        ).where(_member_on(cutoff))
    ).one()
    return int(row[0]), int(row[1])


def roll_ids(
    conn: sa.Connection, cutoff: dt.date, profile: ADProfile
) -> tuple[list[int], list[int]]:
    """Ids of the members on the register at ``cutoff``: (entitled to vote, the others who
    may attend), each in id order."""
    rows = conn.execute(
        sa.select(members.c.id, _may_vote(cutoff, profile).label("votes"))
        .where(_member_on(cutoff))
        .order_by(members.c.id)
    )
    entitled: list[int] = []
    others: list[int] = []
    for member_id, votes in rows:
        (entitled if votes else others).append(int(member_id))
    return entitled, others
