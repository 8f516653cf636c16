"""The register's search on PostgreSQL: the same matches as :mod:`member_search` (number as
typed or as people say it, NIK prefix, any part of the name in any case, the beginning of the
name for 1-2 characters), category/status filters and sort, as one statement that
PostgreSQL's own planner runs. Parts of names go through the ``pg_trgm`` GIN index on
``lower(name)`` (migration r0001), the beginning of a name through a B-tree on
``lower(name)`` in code-point order (r0016), numbers through their B-tree indexes (the
cluster's collation is C, see docs/security.md, so a prefix is an index range).

A search text's count stops past a cap (:func:`count`, :func:`first_page`): a part of a name
is rechecked in the table match by match, so an exact count of a common fragment costs
tens of milliseconds a keystroke."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from assembly.domain.member_numbers import typed_key
from assembly.domain.register_query import RegisterQuery, SortColumn
from assembly.persistence.tables import members

_COLUMNS = (
    members.c.id,
    members.c.number,
    members.c.name,
    members.c.nik,
    members.c.category,
    members.c.status,
    members.c.joined_on,
    members.c.arrears,
)

_TOP = "\U0010ffff"
SPOKEN_PREFIX_MIN = 3  # as member_search
# Matches few enough to collect and sort for a page, and the count a keystroke stops at
# (member_search.KEYSTROKE_CAP). Measured at 300,000 members (bench pgsearch, the same 300
# texts sorted by number, join date and status): 1,000 against 3,000, p50 11.3 against 13.0
# ms, p95 36 against 43 ms on the loaded 2-core machine; each match collected is read from
# the table (about 5 µs). More matches than this: each way of matching reads its own first
# rows and they are merged (see page).
SORT_MAX = 1000
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


def _ways(query: RegisterQuery) -> list[sa.ColumnElement[bool]]:
    """Each way the search text matches rows, as member_search._matches matches them (none:
    no text)."""
    needle = query.needle
    if not needle:
        return []
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
        # Too short for trigrams: the beginning of the name, a range of the B-tree
        # ix_members_name_prefix (r0016); the trigram index would find every name with a
        # word that begins so, each rechecked in the table.
        ways.append(_prefix(_name_lower().collate("C"), needle.lower()))
    return ways


def _filters(query: RegisterQuery) -> list[sa.ColumnElement[bool]]:
    where: list[sa.ColumnElement[bool]] = []
    if query.categories:
        where.append(members.c.category.in_(sorted(c.value for c in query.categories)))
    if query.statuses:
        where.append(members.c.status.in_(sorted(s.value for s in query.statuses)))
    if query.exit_unknown:
        where.append(members.c.exit_date.is_(None))
    return where


def _where(query: RegisterQuery) -> list[sa.ColumnElement[bool]]:
    where = _filters(query)
    ways = _ways(query)
    if ways:
        where.append(sa.or_(*ways))
    return where


def count(conn: sa.Connection, query: RegisterQuery, cap: int | None = None) -> int:
    """How many members match ``query``: one statement, the ways' indexes OR-ed into one
    bitmap. With ``cap``, counting stops at ``cap + 1``: a match of a part of a name is
    rechecked in the table row by row (the trigram index is lossy), about 5 µs a match, so
    an exact count of "a" (41,507 of 300,000) took 28-47 ms a keystroke."""
    selected = sa.select(sa.literal(1)).select_from(members).where(*_where(query))
    if cap is not None:
        selected = selected.limit(cap + 1)
    statement = sa.select(sa.func.count()).select_from(selected.subquery())
    return int(conn.execute(statement).scalar_one())


def first_page(
    conn: sa.Connection, query: RegisterQuery, limit: int, cap: int
) -> tuple[int, list[tuple[Any, ...]]]:
    """The count of matches, stopped at ``cap + 1``, and the first ``limit`` rows of
    :func:`page`, for a keystroke. Up to ``cap`` matches (``cap`` >= :data:`SORT_MAX`) are
    read from the table once: collected, counted and sorted in one statement, instead of
    once to count and once to sort. More: the first page as :func:`page` reads many."""
    collected = sa.select(*_COLUMNS).where(*_where(query)).limit(cap + 1)
    found = collected.cte("found").prefix_with("MATERIALIZED")
    sort = [_in_order(found.c[name], query.descending) for name in _ORDER[query.sort]]
    statement = sa.select(sa.func.count().over(), *(found.c[c.name] for c in _COLUMNS))
    rows = conn.execute(statement.order_by(*sort).limit(max(0, limit))).all()
    counted = int(rows[0][0]) if rows else 0 if limit > 0 else count(conn, query, cap)
    if counted <= cap:
        return counted, [tuple(row)[1:] for row in rows]
    return counted, page(conn, query, 0, limit, counted)


def page(
    conn: sa.Connection, query: RegisterQuery, offset: int, limit: int, found: int | None = None
) -> list[tuple[Any, ...]]:
    """Rows ``offset``… of the register matching ``query``, in its sort order: (id, number,
    name, nik, category, status, joined_on, arrears). ``found``: the count of the same
    query in the same transaction (:func:`count`, exact or stopped past ``SORT_MAX``;
    counted here up to ``SORT_MAX + 1`` when not given), which chooses the plan:

    * few matches (up to :data:`SORT_MAX`): all of them are collected through their indexes
      and sorted, in a materialised CTE, so that PostgreSQL cannot walk the sort column's
      index instead, testing row after row until it has a page: its estimate of the
      matches is often far off, and the few matches may sit at the index's far end ("0227"
      sorted by number: 227,000 rows tested, 0.15-0.6 s; "dwi fit": 157,000);
    * many, found more than one way: each way's first rows by the planner's own plan,
      merged; a number prefix sorted by number is then a range of the number's index;
    * many, one way: the planner's own plan (a walk of the sort column's index finds a
      page soon).
    """
    if found is None:
        found = count(conn, query, SORT_MAX)
    selected = sa.select(*_COLUMNS).where(*_where(query))
    ways = _ways(query)
    if query.needle and found <= SORT_MAX:
        matches = selected.cte("found").prefix_with("MATERIALIZED")
        sort = [matches.c[name] for name in _ORDER[query.sort]]
        statement = sa.select(*(matches.c[c.name] for c in _COLUMNS))
    elif len(ways) > 1:
        # Each way its own first rows, merged: one simple condition each, whose index and
        # estimate the planner knows ("0227": its 1,000 numbers a range of the number's
        # index, where the OR of all ways walked 227,000 rows to reach them).
        reach = max(0, offset) + limit
        parts = [
            sa.select(*_COLUMNS)
            .where(*_filters(query), way)
            .order_by(*(_in_order(members.c[n], query.descending) for n in _ORDER[query.sort]))
            .limit(reach)
            for way in ways
        ]
        merged = sa.union(*parts).subquery("found")
        sort = [merged.c[name] for name in _ORDER[query.sort]]
        statement = sa.select(*(merged.c[c.name] for c in _COLUMNS))
    else:
        sort = [members.c[name] for name in _ORDER[query.sort]]
        statement = selected
    order = [_in_order(c, query.descending) for c in sort]
    rows = conn.execute(statement.order_by(*order).limit(limit).offset(max(0, offset)))
    return [tuple(row) for row in rows]


def _in_order(column: sa.ColumnElement[Any], descending: bool) -> sa.ColumnElement[Any]:
    """``column`` in the register's order. A join date not known (NULL) sorts lowest, as on
    SQLite: first, or last descending (index ``ix_members_joined_on_first``, r0015). Only
    there: NULLS FIRST on a column that has no NULL would still keep PostgreSQL from walking
    its index (the whole register sorted for one page)."""
    if column.key != "joined_on":
        return column.desc() if descending else column.asc()
    return column.desc().nulls_last() if descending else column.asc().nulls_first()
