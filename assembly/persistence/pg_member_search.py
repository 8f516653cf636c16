"""The register's search on PostgreSQL: the same matches as :mod:`member_search` (number as
typed or as people say it, NIK prefix, any part of the name in any case, the beginning of the
name for 1-2 characters), category/status filters and sort, as one statement that
PostgreSQL's own planner runs. Parts of names go through the ``pg_trgm`` GIN index on
``lower(name)`` (migration r0001), numbers through their B-tree indexes (the cluster's
collation is C, see docs/security.md, so a prefix is an index range)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from assembly.domain.member_numbers import typed_key
from assembly.domain.register_query import RegisterQuery, SortColumn
from assembly.persistence.tables import members

_TOP = "\U0010ffff"
SPOKEN_PREFIX_MIN = 3  # as member_search
_ORDER = {
    SortColumn.NUMBER: ("number",),
    SortColumn.NAME: ("name", "id"),
    SortColumn.JOINED: ("joined_on", "id"),
    SortColumn.STATUS: ("status", "number"),
}


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _prefix(column: sa.ColumnElement[Any], prefix: str) -> sa.ColumnElement[bool]:
    return sa.and_(column >= prefix, column < prefix + _TOP)


def _name_lower() -> sa.ColumnElement[str]:
    return sa.func.lower(members.c.name)


def _text_match(query: RegisterQuery) -> sa.ColumnElement[bool] | None:
    """The rows the search text matches, each way member_search._matches matches them."""
    needle = query.needle
    if not needle:
        return None
    ways: list[sa.ColumnElement[bool]] = [
        _prefix(members.c.number, variant)
        for variant in sorted({needle, needle.upper(), needle.lower()})
    ]
    if key := typed_key(needle):
        if needle.startswith("0"):
            if len(needle) > SPOKEN_PREFIX_MIN:
                ways.append(members.c.number_key == key)
        elif len(key) < SPOKEN_PREFIX_MIN:
            ways.append(members.c.number_key == key)
        else:
            ways.append(_prefix(members.c.number_key, key))
    if query.may_be_nik:
        ways.append(_prefix(members.c.nik, query.digits))
    if query.name_phrases:
        ways.append(
            sa.and_(
                *(
                    _name_lower().like(f"%{_escape(p.lower())}%", escape="\\")
                    for p in query.name_phrases
                )
            )
        )
    else:
        ways.append(_name_lower().like(f"{_escape(needle.lower())}%", escape="\\"))
    return sa.or_(*ways)


def _where(query: RegisterQuery) -> list[sa.ColumnElement[bool]]:
    where = []
    text = _text_match(query)
    if text is not None:
        where.append(text)
    if query.categories:
        where.append(members.c.category.in_(sorted(c.value for c in query.categories)))
    if query.statuses:
        where.append(members.c.status.in_(sorted(s.value for s in query.statuses)))
    if query.exit_unknown:
        where.append(members.c.exit_date.is_(None))
    return where


def count(conn: sa.Connection, query: RegisterQuery) -> int:
    """How many members match ``query``."""
    statement = sa.select(sa.func.count()).select_from(members).where(*_where(query))
    return int(conn.execute(statement).scalar_one())


def page(
    conn: sa.Connection, query: RegisterQuery, offset: int, limit: int
) -> list[tuple[Any, ...]]:
    """Rows ``offset``… of the register matching ``query``, in its sort order: (id, number,
    name, nik, category, status, joined_on, arrears)."""
    order = []
    for name in _ORDER[query.sort]:
        column = members.c[name]
        order.append(column.desc() if query.descending else column.asc())
    statement = (
        sa.select(
            members.c.id,
            members.c.number,
            members.c.name,
            members.c.nik,
            members.c.category,
            members.c.status,
            members.c.joined_on,
            members.c.arrears,
        )
        .where(*_where(query))
        .order_by(*order)
        .limit(limit)
        .offset(max(0, offset))
    )
    return [tuple(row) for row in conn.execute(statement)]


def as_date(value: object) -> dt.date | None:
    """A join date as read back (PostgreSQL gives a date already)."""
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value if isinstance(value, dt.date) else None
