"""Register search on a real SQLite file and on a real PostgreSQL database: every plan gives
what a plain reading of the query says, page after page, in every order."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from assembly.domain.member_numbers import number_key, typed_key
from assembly.domain.members import Category, Member, Status
from assembly.domain.register_query import RegisterQuery, SortColumn
from assembly.persistence import member_store, pg_member_search
from assembly.persistence.database import Database, open_database
from assembly.persistence.member_search import (
    SPOKEN_PREFIX_MIN,
    MemberSearch,
    RegisterRow,
    count_entitled,
)
from tests.conftest import _admin

FIRST = ["Siti", "Agus", "Budi", "Dewi", "Nur", "Wayan", "Maria", "Ahmad", "Sri", "Putu"]
LAST = ["Aminah", "Santoso", "Kurniawan", "Lestari", "Sitompul", "Harahap", "Wijaya", "Ani"]


def _members(count: int) -> list[Member]:
    rng = random.Random(11)
    members = []
    for n in range(1, count + 1):
        status = rng.choice([Status.ACTIVE] * 6 + list(Status))
        joined = dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(0, 12000))
        members.append(
            Member(
                number=rng.choice(["KSP-", "ksp-", ""]) + f"{n:05d}",
                name=" ".join([*rng.sample(FIRST, rng.randint(1, 2)), rng.choice(LAST)]),
                category=rng.choice([Category.MEMBER] * 5 + list(Category)),
                status=status,
                nik=f"3273{rng.randrange(10**11, 10**12)}" if rng.random() < 0.8 else None,
                joined_on=joined if rng.random() < 0.95 else None,
                exit_date=None if status is Status.ACTIVE else dt.date(2025, 1, 1),
                arrears=rng.random() < 0.1,
            )
        )
    return members


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def register(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[tuple[Database, list[RegisterRow]]]:
    """The register on each engine; on PostgreSQL the page sorts what it found up to a
    threshold lowered to 200 matches, so that both of its plans (sort the few matches, or
    let the planner walk the sort index) are held to the plain reading."""
    if request.param == "sqlite":
        db = open_database(tmp_path_factory.mktemp("search") / "register.sqlite")
    else:
        server = request.getfixturevalue("pg_server")
        template = request.getfixturevalue("pg_template")
        _admin(server, f"CREATE DATABASE search_register TEMPLATE {template}")
        db = open_database(server.url("search_register"))
        patch = pytest.MonkeyPatch()
        patch.setattr(pg_member_search, "SORT_MAX", 200)
    with db.write() as conn:
        member_store.insert_many(conn, _members(3000))
    with db.read() as conn:
        rows = [
            RegisterRow(
                m.id or 0, m.number, m.name, m.nik, m.category, m.status, m.joined_on, m.arrears
            )
            for m in (member_store.get(conn, i) for i in range(1, 3001))
            if m is not None
        ]
    yield db, rows
    db.close()
    if request.param == "postgresql":
        patch.undo()
        _admin(server, "DROP DATABASE search_register WITH (FORCE)")


def _expected(rows: list[RegisterRow], query: RegisterQuery) -> list[RegisterRow]:
    """The query read plainly, in Python."""
    needle = query.needle

    def matches(row: RegisterRow) -> bool:
        if query.categories and row.category not in query.categories:
            return False
        if query.statuses and row.status not in query.statuses:
            return False
        if not needle:
            return True
        if any(row.number.startswith(v) for v in (needle, needle.upper(), needle.lower())):
            return True
        key = typed_key(needle)
        if key:  # digits only: the number as people say it ("42" for KSP-00042)
            spoken = number_key(row.number)
            if needle.startswith("0"):
                if len(needle) > SPOKEN_PREFIX_MIN and spoken == key:
                    return True
            elif len(key) < SPOKEN_PREFIX_MIN:
                if spoken == key:
                    return True
            elif spoken.startswith(key):
                return True
        if query.may_be_nik and (row.nik or "").startswith(query.digits):
            return True
        if query.name_phrases:
            return all(p.lower() in row.name.lower() for p in query.name_phrases)
        return row.name.lower().startswith(needle.lower())

    keys = {
        SortColumn.NUMBER: lambda r: (r.number,),
        SortColumn.NAME: lambda r: (r.name.lower(), r.id),
        SortColumn.JOINED: lambda r: (r.joined_on or dt.date.min, r.id),
        SortColumn.STATUS: lambda r: (r.status.value, r.number),
    }
    found = [r for r in rows if matches(r)]
    return sorted(found, key=keys[query.sort], reverse=query.descending)


QUERIES = [
    RegisterQuery(),
    RegisterQuery("KSP-0012"),
    RegisterQuery("ksp-0012"),
    RegisterQuery("00042"),
    RegisterQuery("42"),
    RegisterQuery("420"),
    RegisterQuery("004"),
    RegisterQuery("0042"),
    RegisterQuery("1"),
    RegisterQuery("ksp 00042"),
    RegisterQuery("3273"),
    RegisterQuery("s"),
    RegisterQuery("Si"),
    RegisterQuery("sit"),
    RegisterQuery("siti a"),
    RegisterQuery("  nur   aminah "),
    RegisterQuery("aminah siti"),
    RegisterQuery("ani", sort=SortColumn.NAME),
    RegisterQuery("wan", sort=SortColumn.NAME, descending=True),
    RegisterQuery("", sort=SortColumn.JOINED),
    RegisterQuery("", sort=SortColumn.STATUS, descending=True),
    RegisterQuery(statuses=frozenset({Status.DECEASED})),
    RegisterQuery(statuses=frozenset({Status.ACTIVE}), sort=SortColumn.NAME),
    RegisterQuery(categories=frozenset({Category.CANDIDATE, Category.EXTRAORDINARY})),
    RegisterQuery("ari", statuses=frozenset({Status.ACTIVE})),
    RegisterQuery("sri", categories=frozenset({Category.MEMBER}), sort=SortColumn.JOINED),
    RegisterQuery("a%_\\", statuses=frozenset({Status.RESIGNED})),
    RegisterQuery("a", statuses=frozenset({Status.DECEASED})),
    RegisterQuery("s", statuses=frozenset({Status.EXPELLED}), sort=SortColumn.NAME),
    RegisterQuery('"wa'),
    RegisterQuery("zzz"),
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: repr(q.text) + q.sort.value)
def test_every_page_is_what_the_query_says(
    register: tuple[Database, list[RegisterRow]], query: RegisterQuery
) -> None:
    db, rows = register
    expected = _expected(rows, query)
    search = MemberSearch()
    with db.read() as conn:
        assert search.count(conn, query) == len(expected)
        got: list[RegisterRow] = []
        # Shallow pages walk the sort index, deep ones sort the matches: both must agree.
        for offset in range(0, len(expected) + 1, 250):
            got += search.page(conn, query, offset, 250)
        assert got == expected
        tail = search.page(conn, query, max(0, len(expected) - 7), 50)
        assert tail == expected[-7:]


def test_a_member_added_after_a_search_is_found_by_the_next(tmp_path: Path) -> None:
    db = open_database(tmp_path / "r.sqlite")
    search = MemberSearch()
    query = RegisterQuery("Theresia")
    with db.read() as conn:
        assert search.count(conn, query) == 0
    with db.write() as conn:
        member_store.insert(conn, Member("A-1", "Maria Theresia Kleden"))
    with db.read() as conn:
        assert search.count(conn, query) == 1
        assert [r.name for r in search.page(conn, query, 0, 10)] == ["Maria Theresia Kleden"]
    db.close()


def test_entitled_members_are_active_members_who_had_joined(tmp_path: Path) -> None:
    db = open_database(tmp_path / "r.sqlite")
    day = dt.date(2026, 3, 14)
    with db.write() as conn:
        member_store.insert_many(
            conn,
            [
                Member("1", "Ani", joined_on=dt.date(2000, 1, 1)),
                Member("2", "Budi", arrears=True),
                Member("3", "Citra", category=Category.CANDIDATE),
                Member("4", "Dedi", joined_on=dt.date(2026, 3, 15)),
                Member("5", "Eka", status=Status.DECEASED, exit_date=dt.date(2020, 1, 1)),
            ],
        )
    with db.read() as conn:
        members = frozenset({Category.MEMBER})
        assert count_entitled(conn, members, without_arrears=False, on=day) == 2
        assert count_entitled(conn, members, without_arrears=True, on=day) == 1
        assert count_entitled(conn, frozenset(Category), without_arrears=False, on=day) == 3
    db.close()


CAPPED = [
    RegisterQuery("s"),  # the beginning of a name: 1-2 characters
    RegisterQuery("ani", sort=SortColumn.NAME),  # a part of a name (trigrams)
    RegisterQuery("KSP", sort=SortColumn.JOINED, descending=True),  # a number prefix
    RegisterQuery("siti a"),
    RegisterQuery("wan", statuses=frozenset({Status.ACTIVE}), sort=SortColumn.STATUS),
    RegisterQuery("zzz"),
]


@pytest.mark.parametrize("query", CAPPED, ids=lambda q: repr(q.text) + q.sort.value)
def test_a_keystroke_count_stops_past_the_cap_and_hides_no_row(
    register: tuple[Database, list[RegisterRow]], query: RegisterQuery
) -> None:
    """The count of a keystroke stops at cap + 1 (more than the cap), never below the truth
    and never above it; the first page is the query's first page; and reading on past the
    cap, page after page as the table does when scrolled, gives every match once."""
    db, rows = register
    expected = _expected(rows, query)
    cap = 200  # the PostgreSQL fixture lowered SORT_MAX to 200 too (the cap is never below)
    search = MemberSearch()
    with db.read() as conn:
        counted, first = search.first_page(conn, query, 50, cap)
        assert counted == min(len(expected), cap + 1)
        assert first == expected[:50]
        assert search.count(conn, query, cap) == min(len(expected), cap + 1)
        assert search.count(conn, query) == len(expected)  # uncapped: exact
    read_on: list[RegisterRow] = []
    while True:  # each page in its own read, as the table's scrolling reads them
        with db.read() as conn:
            page = MemberSearch().page(conn, query, len(read_on), 201)
        read_on += page[:200]
        if len(page) <= 200:
            break
    assert read_on == expected
    assert len({r.id for r in read_on}) == len(expected)


def test_a_common_fragment_is_counted_as_more_than_the_cap(
    register: tuple[Database, list[RegisterRow]],
) -> None:
    """Half the register begins with "KSP" or "ksp": counted to 201, not to 1,000 and more."""
    db, rows = register
    many = RegisterQuery("ksp")
    assert len(_expected(rows, many)) > 1000
    with db.read() as conn:
        assert MemberSearch().first_page(conn, many, 10, 200)[0] == 201
        assert MemberSearch().count(conn, many, 200) == 201
