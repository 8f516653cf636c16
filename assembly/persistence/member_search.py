"""Paged search of the member register, fast at 300,000 members (DESIGN.md section 6).

The search text matches the member number (exact or prefix, through its unique index; text of
digits only through the number's key, so "12345" finds KSP-012345), the
NIK (prefix, from 4 digits on) and any part of the name through the FTS5 trigram table
``members_fts``; text of 1-2 characters matches the beginning of the name instead. Category
and status filters narrow it; the result is sorted by number, name, join date or status.

A page has two plans and a small cost model picks one:

* *sort*: collect the matching rows (through the trigram table or the category/status index)
  and sort them; its cost grows with the number of matches;
* *walk*: walk the index of the sort column in order, testing each row as it passes; its cost
  grows with the offset divided by the share of rows that match.

Counting a filtered register has the same choice: count the chosen category/status pairs, or
count the others and subtract, whichever covers fewer rows. A unary ``+`` before a column
keeps SQLite from using that column's index: it is how a plan is chosen. All of this is
SQLite-specific and stays in this module; on PostgreSQL :mod:`pg_member_search` builds one
statement and the server's planner chooses.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any, NamedTuple

import sqlalchemy as sa

from assembly.domain.member_numbers import typed_key
from assembly.domain.members import Category, Status
from assembly.domain.register_query import RegisterQuery, SortColumn
from assembly.persistence import pg_member_search
from assembly.persistence.dialect import is_postgresql

# Rough costs in microseconds per row, measured on the 2-core reference machine.
_SORT_PER_MATCH = 1.2  # look a match up in the table and put it through the sorter
_SEEK_PER_MATCH = 1.6  # look a match up in the table to test its category and status
_WALK_PER_STEP = 0.3  # test one row as a walk of the sort index passes it
_PROBE_PER_ENTRY = 0.5  # pass one category/status index entry, test it against a set of ids
_SET_PER_MATCH = 0.3  # put one matching id into SQLite's temporary set
_CLUSTERING = 30.0  # matches on the sort column bunch up in its order: a walk finds them late
_INDEXED_SORTS = frozenset({SortColumn.NUMBER, SortColumn.NAME})
_TOP = "\U0010ffff"  # sorts after every character: the open end of a prefix range
_TEXTS_KEPT = 256
_FEW = 1000  # matches few enough to test one by one against another way's range
SPOKEN_PREFIX_MIN = 3  # from 3 digits on, "123" also finds KSP-012345 (a third of a register at 1)
_STALE = 0.2  # re-estimate the category/status sizes when the register grew or shrank 20%
# A keystroke counts at most this many matches (more: "lebih dari 1.000 cocok"). On
# PostgreSQL each match of a part of a name is rechecked in the table, so an exact count of
# "a" (41,507 of 300,000) cost 28-47 ms; the count up to pg_member_search.SORT_MAX also
# chooses how a page is read there, so the cap is that number (measured, see there).
# SQLite counts from indexes alone and stays exact inside; it shows the same cap.
KEYSTROKE_CAP = pg_member_search.SORT_MAX

_ORDER = {
    SortColumn.NUMBER: ("number",),
    SortColumn.NAME: ("name", "id"),
    SortColumn.JOINED: ("joined_on", "id"),
    SortColumn.STATUS: ("status", "number"),
}
_COLUMNS = "id, number, name, nik, category, status, joined_on, arrears"
_PAIRS = tuple(itertools.product(Category, Status))
_EXIT_UNKNOWN = "exit_date IS NULL"  # with the pairs of leavers only (RegisterQuery)

Pair = tuple[Category, Status]


class RegisterRow(NamedTuple):
    """One line of the register table."""

    id: int
    number: str
    name: str
    nik: str | None
    category: Category
    status: Status
    joined_on: dt.date | None
    arrears: bool


@dataclass(frozen=True)
class _Sql:
    """A piece of SQL with its parameters."""

    text: str
    params: dict[str, Any]


@dataclass(frozen=True)
class _Match:
    """One way the search text can match: ``ids`` selects the matching ids through an index;
    ``row`` tests a single row as a walk passes it (None: test membership in ``ids``)."""

    ids: _Sql
    row: _Sql | None
    column: str
    prefix: _Sql | None = None  # the same range, usable as an index range (prefix matches)


class MemberSearch:
    """Counts and pages through the register for a :class:`RegisterQuery`.

    It keeps estimates of the size of each category/status pair and of the text matches of
    recent queries, to choose plans; an estimate that is out of date costs speed, never
    correctness."""

    def __init__(self) -> None:
        self._pairs: dict[Pair, int] = {}
        self._pairs_at = -1  # the highest member id when the pair sizes were taken
        # search text -> (members matched, how many each way of matching found)
        self._text_sizes: dict[str, tuple[int, tuple[int, ...]]] = {}
        # PostgreSQL: the last count, with its connection (valid in its transaction only).
        self._pg_found: tuple[sa.Connection, RegisterQuery, int] | None = None

    def count(self, conn: sa.Connection, query: RegisterQuery, cap: int | None = None) -> int:
        """How many members match ``query``; with ``cap``, at most ``cap + 1`` (more than
        ``cap``). On SQLite the count comes from indexes alone and stays exact inside (the
        plans need it); PostgreSQL stops counting past the cap."""
        if is_postgresql(conn):
            counted = pg_member_search.count(conn, query, cap)
            self._pg_found = (conn, query, counted)
            return counted
        exact = self._count(conn, query)
        return exact if cap is None else min(exact, cap + 1)

    def first_page(
        self, conn: sa.Connection, query: RegisterQuery, limit: int, cap: int
    ) -> tuple[int, list[RegisterRow]]:
        """:meth:`count` with ``cap`` and the first ``limit`` rows, as a keystroke asks them
        (``cap`` at least :data:`pg_member_search.SORT_MAX`)."""
        if is_postgresql(conn):
            counted, rows = pg_member_search.first_page(conn, query, limit, cap)
            self._pg_found = (conn, query, counted)
            return counted, [_row(r) for r in rows]
        counted = self.count(conn, query, cap)
        return counted, self.page(conn, query, 0, limit) if counted else []

    def _count(self, conn: sa.Connection, query: RegisterQuery) -> int:
        matches = _matches(query)
        chosen = _chosen_pairs(query)
        if query.exit_unknown:
            return self._count_exit_unknown(conn, matches, chosen)
        if not matches:
            if chosen is None:
                return _scalar(conn, "SELECT count(*) FROM members", {})
            return self._count_pairs(conn, chosen)
        text_total = self._count_text(conn, query, matches)
        if chosen is None or text_total == 0:
            return text_total
        ids = _union(matches)
        sizes = self._pair_sizes(conn)
        inside = sum(sizes[p] for p in chosen)
        outside = sum(sizes[p] for p in _PAIRS if p not in chosen)
        by_seek = text_total * _SEEK_PER_MATCH
        by_inside = inside * _PROBE_PER_ENTRY + text_total * _SET_PER_MATCH
        by_outside = outside * _PROBE_PER_ENTRY + text_total * _SET_PER_MATCH
        if by_seek <= min(by_inside, by_outside):
            where = _pairs_condition(chosen, indexed=False)
            sql = f"SELECT count(*) FROM members WHERE id IN ({ids.text}) AND {where.text}"
            return _scalar(conn, sql, {**ids.params, **where.params})
        side = chosen if by_inside <= by_outside else [p for p in _PAIRS if p not in chosen]
        where = _pairs_condition(side, indexed=True)
        sql = f"SELECT count(*) FROM members WHERE {where.text} AND +id IN ({ids.text})"
        found = _scalar(conn, sql, {**ids.params, **where.params})
        return found if side is chosen else text_total - found

    def page(
        self, conn: sa.Connection, query: RegisterQuery, offset: int, limit: int
    ) -> list[RegisterRow]:
        """Rows ``offset`` to ``offset + limit`` of the register matching ``query``, in its
        sort order."""
        if limit <= 0:
            return []
        if is_postgresql(conn):
            # The count of the same query in the same transaction chooses the plan.
            known = self._pg_found
            counted = known[2] if known and known[0] is conn and known[1] == query else None
            rows = pg_member_search.page(conn, query, offset, limit, counted)
            return [_row(r) for r in rows]
        offset = max(0, offset)
        matches = _matches(query)
        chosen = _chosen_pairs(query)
        plan = self._plan(conn, query, matches, chosen, offset + limit)
        where: list[str] = []
        params: dict[str, Any] = {"limit": limit, "offset": offset}
        if plan == "range":
            text = _ranges([m for m, n in zip(matches, self._sizes_of(query), strict=True) if n])
            where.append(text.text)
            params.update(text.params)
        elif matches:
            if plan == "walk":
                text = _walk_test(matches)
                where.append(text.text)
            else:
                text = _union(matches)
                where.append(f"{'+id' if plan == 'filters' else 'id'} IN ({text.text})")
            params.update(text.params)
        if chosen is not None:
            filters = _pairs_condition(chosen, indexed=plan == "filters")
            where.append(filters.text)
            params.update(filters.params)
        if query.exit_unknown:
            where.append(_EXIT_UNKNOWN)
        direction = " DESC" if query.descending else ""
        plus = "" if plan in ("walk", "range") else "+"  # "+column": do not walk the index
        order = ", ".join(f"{plus}{c}{direction}" for c in _ORDER[query.sort])
        sql = f"SELECT {_COLUMNS} FROM members"
        if where:
            sql += f" WHERE {' AND '.join(where)}"
        sql += f" ORDER BY {order} LIMIT :limit OFFSET :offset"
        return [_row(r) for r in conn.exec_driver_sql(sql, params).all()]

    def _plan(
        self,
        conn: sa.Connection,
        query: RegisterQuery,
        matches: list[_Match],
        chosen: list[Pair] | None,
        reach: int,
    ) -> str:
        """The cheapest way to reach row ``reach`` of the result: "walk" the sort column's
        index, walk only the "range" of it the text is a prefix of, or sort what the search
        "text" or the "filters" find."""
        if not matches and chosen is None:
            return "walk" if query.sort in _INDEXED_SORTS else "filters"
        sizes = self._pair_sizes(conn)
        register = max(1, sum(sizes.values()))
        text = register
        clustered = False
        if matches:
            if query.needle not in self._text_sizes:
                self._count_text(conn, query, matches)
            text, parts = self._text_sizes[query.needle]
            found_by = [m for m, n in zip(matches, parts, strict=True) if n]
            sort_column = _ORDER[query.sort][0]
            if found_by and all(m.column == sort_column and m.prefix for m in found_by):
                return "range"  # e.g. a number prefix, sorted by number: already in order
            clustered = any(m.column == sort_column for m in found_by)
        filtered = register if chosen is None else sum(sizes[p] for p in chosen)
        found = max(1, round(text * filtered / register))
        costs: dict[str, float] = {}
        if matches:
            costs["text"] = text * _SORT_PER_MATCH
        if chosen is not None:
            costs["filters"] = (
                filtered * _PROBE_PER_ENTRY
                + (text * _SET_PER_MATCH if matches else 0)
                + found * _SORT_PER_MATCH
            )
        if query.sort in _INDEXED_SORTS:
            walk = reach * register / found * _WALK_PER_STEP
            costs["walk"] = walk * (_CLUSTERING if clustered else 1)
        return min(costs, key=lambda plan: costs[plan])

    def _sizes_of(self, query: RegisterQuery) -> tuple[int, ...]:
        return self._text_sizes[query.needle][1]

    def _count_text(self, conn: sa.Connection, query: RegisterQuery, matches: list[_Match]) -> int:
        """How many members the search text matches, any filter aside; remembers how many
        each way of matching found, for the next plan."""
        # One statement counts every way of matching.
        params: dict[str, Any] = {}
        counts = []
        for match in matches:
            counts.append(f"(SELECT count(*) FROM ({match.ids.text}))")
            params.update(match.ids.params)
        row = conn.exec_driver_sql(f"SELECT {', '.join(counts)}", params).one()
        sizes = tuple(int(n) for n in row)
        total = sum(sizes)
        if sum(1 for n in sizes if n) > 1:
            # A member found more than one way is counted once.
            biggest = max(range(len(sizes)), key=lambda i: sizes[i])
            test = matches[biggest].row
            others = [
                m for i, (m, n) in enumerate(zip(matches, sizes, strict=True)) if n and i != biggest
            ]
            if test is not None and total - sizes[biggest] <= _FEW:
                # "001": 10,000 numbers that start so, and the one member called 1: test the
                # few against the big range instead of merging both.
                ids = _union(others)
                sql = f"SELECT count(*) FROM members WHERE id IN ({ids.text}) AND NOT {test.text}"
                total = sizes[biggest] + _scalar(conn, sql, {**ids.params, **test.params})
            else:
                ids = _union([m for m, n in zip(matches, sizes, strict=True) if n])
                total = _scalar(conn, f"SELECT count(*) FROM ({ids.text})", ids.params)
        if len(self._text_sizes) >= _TEXTS_KEPT:
            self._text_sizes.clear()
        self._text_sizes[query.needle] = (total, sizes)
        return total

    def _count_exit_unknown(
        self, conn: sa.Connection, matches: list[_Match], chosen: list[Pair] | None
    ) -> int:
        """How many leavers without an exit date match: few, found through the
        category/status index."""
        where = _pairs_condition(chosen or [], indexed=True)
        sql = f"SELECT count(*) FROM members WHERE {where.text} AND {_EXIT_UNKNOWN}"
        params = dict(where.params)
        if matches:
            ids = _union(matches)
            sql += f" AND +id IN ({ids.text})"
            params.update(ids.params)
        return _scalar(conn, sql, params)

    def _count_pairs(self, conn: sa.Connection, chosen: list[Pair]) -> int:
        """How many members are in the chosen category/status pairs: counted directly, or as
        the register less the other pairs, whichever passes fewer index entries."""
        sizes = self._pair_sizes(conn)
        others = [p for p in _PAIRS if p not in chosen]
        if sum(sizes[p] for p in chosen) <= sum(sizes[p] for p in others):
            return sum(self._count_pair(conn, p) for p in chosen)
        total = _scalar(conn, "SELECT count(*) FROM members", {})
        return total - sum(self._count_pair(conn, p) for p in others)

    def _count_pair(self, conn: sa.Connection, pair: Pair) -> int:
        sql = "SELECT count(*) FROM members WHERE category = :c AND status = :s"
        size = _scalar(conn, sql, {"c": pair[0].value, "s": pair[1].value})
        self._pairs[pair] = size
        return size

    def _pair_sizes(self, conn: sa.Connection) -> dict[Pair, int]:
        """The size of each category/status pair as last taken (taken again once the
        register has grown or shrunk by a fifth)."""
        top = int(conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM members").scalar_one())
        if self._pairs_at < 0 or abs(top - self._pairs_at) > _STALE * max(self._pairs_at, 50):
            rows = conn.exec_driver_sql(
                "SELECT category, status, count(*) FROM members GROUP BY category, status"
            ).all()
            self._pairs = dict.fromkeys(_PAIRS, 0)
            for category, status, size in rows:
                self._pairs[(Category(category), Status(status))] = int(size)
            self._pairs_at = top
        return self._pairs


def _scalar(conn: sa.Connection, sql: str, params: dict[str, Any]) -> int:
    return int(conn.execute(sa.text(sql), params).scalar_one())


def _chosen_pairs(query: RegisterQuery) -> list[Pair] | None:
    """The category/status pairs the filters let through (None: no filter)."""
    if not query.categories and not query.statuses:
        return None
    categories = query.categories or frozenset(Category)
    statuses = query.statuses or frozenset(Status)
    return [p for p in _PAIRS if p[0] in categories and p[1] in statuses]


def _pairs_condition(pairs: list[Pair], *, indexed: bool) -> _Sql:
    """Rows in one of ``pairs``; ``indexed``: through the category/status index."""
    if not pairs:
        return _Sql("0", {})
    plus = "" if indexed else "+"
    tests = []
    params: dict[str, Any] = {}
    for i, (category, status) in enumerate(pairs):
        tests.append(f"({plus}category = :pc{i} AND {plus}status = :ps{i})")
        params[f"pc{i}"], params[f"ps{i}"] = category.value, status.value
    return _Sql(f"({' OR '.join(tests)})", params)


def _matches(query: RegisterQuery) -> list[_Match]:
    """Each way the search text can match (none: no text)."""
    needle = query.needle
    if not needle:
        return []
    found: list[_Match] = []
    # Member numbers are compared as stored; try the text as typed and in either case.
    for i, variant in enumerate(sorted({needle, needle.upper(), needle.lower()})):
        found.append(_prefix_match("number", f"num{i}", variant))
    if key := typed_key(needle):
        # Digits only: the number as people say it, "12345" or "012345" for KSP-012345. Typed
        # zeros or a short text name one number; otherwise the digits may begin it. "001"
        # is the start of a zero-padded number as typed, not a number said (10,000 rows).
        if needle.startswith("0"):
            if len(needle) > SPOKEN_PREFIX_MIN:
                found.append(_exact_match("number_key", "key", key))
        elif len(key) < SPOKEN_PREFIX_MIN:
            found.append(_exact_match("number_key", "key", key))
        else:
            found.append(_prefix_match("number_key", "key", key))
    if query.may_be_nik:
        found.append(_prefix_match("nik", "nik", query.digits))
    if query.name_phrases:
        found.append(_name_match(query.name_phrases))
    else:
        # Too short for trigrams: the beginning of the name, through its NOCASE index.
        found.append(_prefix_match("name", "name", needle))
    return found


def _prefix_match(column: str, name: str, prefix: str) -> _Match:
    params = {name: prefix, f"{name}_end": prefix + _TOP}
    test = f"{{c}} >= :{name} AND {{c}} < :{name}_end"
    return _Match(
        _Sql(f"SELECT id FROM members WHERE {test.format(c=column)}", params),
        _Sql(f"({test.format(c='+' + column)})", params),
        column,
        _Sql(f"({test.format(c=column)})", params),
    )


def _exact_match(column: str, name: str, value: str) -> _Match:
    test = f"{{c}} = :{name}"
    return _Match(
        _Sql(f"SELECT id FROM members WHERE {test.format(c=column)}", {name: value}),
        _Sql(f"({test.format(c='+' + column)})", {name: value}),
        column,
    )


def _name_match(phrases: tuple[str, ...]) -> _Match:
    """Names holding every phrase, anywhere and in any case. The trigram index finds them;
    a walk tests each row with LIKE instead, which folds only ASCII case, so for other text
    a walk tests membership in what the index found."""
    fts = " ".join('"' + p.replace('"', '""') + '"' for p in phrases)
    likes = {f"like{i}": f"%{_escape_like(p)}%" for i, p in enumerate(phrases)}
    test = " AND ".join(f"name LIKE :{name} ESCAPE '\\'" for name in likes)
    row = _Sql(f"({test})", likes) if all(p.isascii() for p in phrases) else None
    return _Match(
        _Sql("SELECT rowid FROM members_fts WHERE members_fts MATCH :fts", {"fts": fts}),
        row,
        "name",
    )


def _union(matches: list[_Match]) -> _Sql:
    params: dict[str, Any] = {}
    for match in matches:
        params.update(match.ids.params)
    return _Sql(" UNION ".join(m.ids.text for m in matches), params)


def _ranges(found: list[_Match]) -> _Sql:
    """Prefix matches as index ranges of the sort column."""
    params: dict[str, Any] = {}
    for match in found:
        assert match.prefix is not None
        params.update(match.prefix.params)
    return _Sql(f"({' OR '.join(m.prefix.text for m in found if m.prefix)})", params)


def _walk_test(matches: list[_Match]) -> _Sql:
    """The search text as a test of each row a walk passes."""
    params: dict[str, Any] = {}
    tests = []
    for match in matches:
        test = match.row or _Sql(f"+id IN ({match.ids.text})", match.ids.params)
        tests.append(test.text)
        params.update(test.params)
    return _Sql(f"({' OR '.join(tests)})", params)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_CATEGORY = {c.value: c for c in Category}
_STATUS = {s.value: s for s in Status}


def _row(row: Any) -> RegisterRow:
    # Unpacked by position, enums by dictionary: at 100 rows a keystroke the attribute and
    # enum look-ups were a tenth of a search's time.
    member_id, number, name, nik, category, status, joined, arrears = row
    return RegisterRow(
        member_id,
        number,
        name,
        nik,
        _CATEGORY[category],
        _STATUS[status],
        dt.date.fromisoformat(joined) if isinstance(joined, str) else joined,
        bool(arrears),
    )


def count_entitled(
    conn: sa.Connection, categories: frozenset[Category], *, without_arrears: bool, on: dt.date
) -> int:
    """How many active members of ``categories`` had joined by ``on`` (and, with
    ``without_arrears``, owe no savings): those who may vote at a meeting held then."""
    if not categories:
        return 0
    names = {f"c{i}": c.value for i, c in enumerate(sorted(categories))}
    sql = (
        "SELECT count(*) FROM members WHERE status = :active "
        f"AND category IN ({', '.join(':' + n for n in names)}) "
        "AND (joined_on IS NULL OR joined_on <= :on)"
    )
    if without_arrears:
        sql += " AND NOT arrears"
    return _scalar(conn, sql, {"active": Status.ACTIVE.value, "on": on.isoformat(), **names})
