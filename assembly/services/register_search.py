"""Searching the member register for the register page: counts, pages of plain rows, and one
member's detail with whether they may vote today."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from assembly.domain.ad_profile import ADProfile
from assembly.domain.errors import DomainError
from assembly.domain.members import Category, Eligibility, Member, Status, eligibility
from assembly.domain.quorum import QuorumBase
from assembly.domain.register_query import RegisterQuery
from assembly.i18n import tr
from assembly.persistence import cooperative_store, member_store
from assembly.persistence.member_search import (
    KEYSTROKE_CAP,
    MemberSearch,
    RegisterRow,
    count_entitled,
)
from assembly.services.context import ServiceContext


@dataclass(frozen=True)
class MemberRow:
    """One line of the register table, ready to show."""

    id: int
    number: str
    name: str
    nik: str
    category: Category
    category_label: str
    status: Status
    status_label: str
    joined_on: dt.date | None
    arrears: bool


class Counted(NamedTuple):
    """How many members a search found: ``members``, or, with ``more``, more than
    ``members`` (a search text stops counting at :data:`KEYSTROKE_CAP`; scrolling reads
    on)."""

    members: int
    more: bool


class Found(NamedTuple):
    """A keystroke's answer: how many members match and the first rows, read together."""

    counted: Counted
    rows: list[MemberRow]


@dataclass(frozen=True)
class MemberDetail:
    """Everything the register knows of one member, and what they may do at a meeting today
    under the AD profile in force."""

    member: Member
    eligibility: Eligibility
    on: dt.date


class RegisterSearchService:
    """Read-only searches of the register; every call is one consistent read."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._search = MemberSearch()

    def count(self, query: RegisterQuery) -> int:
        """How many members match ``query``, exactly (the whole register, a filter)."""
        with self._ctx.db.read() as conn:
            return self._search.count(conn, query)

    def counted(self, query: RegisterQuery) -> Counted:
        """How many members match ``query`` as the register shows it: exactly, but for a
        search text only up to :data:`KEYSTROKE_CAP`."""
        cap = KEYSTROKE_CAP if query.needle else None
        with self._ctx.db.read() as conn:
            return _counted(self._search.count(conn, query, cap), cap)

    def page(self, query: RegisterQuery, offset: int, limit: int) -> list[MemberRow]:
        """Rows ``offset`` to ``offset + limit`` of the members matching ``query``."""
        with self._ctx.db.read() as conn:
            rows = self._search.page(conn, query, offset, limit)
        return _shown_rows(rows)

    def search(self, query: RegisterQuery, limit: int) -> Found:
        """The count of matches (as :meth:`counted`) and the first ``limit`` rows, read
        together."""
        with self._ctx.db.read() as conn:
            if query.needle:
                total, rows = self._search.first_page(conn, query, limit, KEYSTROKE_CAP)
                return Found(_counted(total, KEYSTROKE_CAP), _shown_rows(rows))
            total = self._search.count(conn, query)
            rows = self._search.page(conn, query, 0, limit) if total else []
        return Found(Counted(total, more=False), _shown_rows(rows))

    def member(self, member_id: int) -> MemberDetail:
        """One member with whether they may attend and vote today, and why not."""
        with self._ctx.db.read() as conn:
            member = member_store.get(conn, member_id)
            version = cooperative_store.latest_profile(conn)
        if member is None:
            raise DomainError(tr("Anggota tidak ditemukan"))
        profile = version.profile if version else ADProfile()
        today = self._ctx.today()
        return MemberDetail(member, eligibility(member, today, profile), today)

    def quorum_base(self, profile: ADProfile, on: dt.date | None = None) -> int:
        """The count a quorum under ``profile`` is a fraction of, for a meeting on ``on``
        (today by default): the members who may vote, or every active member."""
        day = on or self._ctx.today()
        categories = {Category.MEMBER}
        if profile.quorum.base is QuorumBase.ALL_MEMBERS:
            categories = set(Category)
        else:
            if profile.candidates_may_vote:
                categories.add(Category.CANDIDATE)
            if profile.extraordinary_may_vote:
                categories.add(Category.EXTRAORDINARY)
        without_arrears = (
            profile.arrears_suspend_vote and profile.quorum.base is QuorumBase.VOTING_MEMBERS
        )
        with self._ctx.db.read() as conn:
            return count_entitled(
                conn, frozenset(categories), without_arrears=without_arrears, on=day
            )


def _counted(total: int, cap: int | None) -> Counted:
    if cap is not None and total > cap:
        return Counted(cap, more=True)
    return Counted(total, more=False)


def _shown_rows(rows: list[RegisterRow]) -> list[MemberRow]:
    # The labels once per page, not per row: at 100 rows a keystroke this was a fifth of a
    # search's time (DESIGN.md section 6: p95 <= 10 ms at 300,000 members).
    categories = {c: tr(c.key) for c in Category}
    statuses = {s: tr(s.key) for s in Status}
    return [
        MemberRow(
            id=row.id,
            number=row.number,
            name=row.name,
            nik=row.nik or "",
            category=row.category,
            category_label=categories[row.category],
            status=row.status,
            status_label=statuses[row.status],
            joined_on=row.joined_on,
            arrears=row.arrears,
        )
        for row in rows
    ]
