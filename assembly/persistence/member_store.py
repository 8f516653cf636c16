"""The member register table: rows to :class:`Member` values and back, and the register
search that the screens page through."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from assembly.domain.member_numbers import number_key
from assembly.domain.members import Category, Member, Sex, Status
from assembly.persistence import dialect
from assembly.persistence.tables import members

_COLUMNS = (
    "number",
    "name",
    "nik",
    "sex",
    "birth_date",
    "address",
    "phone",
    "joined_on",
    "category",
    "status",
    "exit_date",
    "exit_reason",
    "arrears",
)


def to_row(member: Member) -> dict[str, Any]:
    """A member as column values (without ``id``)."""
    row = {c: getattr(member, c) for c in _COLUMNS}
    row["category"] = member.category.value
    row["status"] = member.status.value
    row["sex"] = member.sex.value if member.sex else None
    row["number_key"] = number_key(member.number)
    return row


def _day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


# Each category, status and sex as the text stored: a look-up, not an enum property, per row.
_STORED = {word: word.value for kind in (Category, Status, Sex) for word in kind}


def _values(m: Member) -> tuple[object, ...]:
    """A member as the driver's parameters, in ``_COLUMNS`` order then the number key (the
    text SQLAlchemy's Date and Boolean store in SQLite)."""
    return (
        m.number,
        m.name,
        m.nik,
        _STORED[m.sex] if m.sex else None,
        _day(m.birth_date),
        m.address,
        m.phone,
        _day(m.joined_on),
        _STORED[m.category],
        _STORED[m.status],
        _day(m.exit_date),
        m.exit_reason,
        bool(m.arrears),
        number_key(m.number),
    )


_INSERT = (
    f"INSERT INTO members ({', '.join(_COLUMNS)}, number_key) "
    f"VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})"
)
_SELECT = f"SELECT id, {', '.join(_COLUMNS)} FROM members"


def _from_driver(row: Sequence[Any]) -> Member:
    """A member from a driver row of ``_SELECT`` (dates as ISO text)."""
    (member_id, number, name, nik, sex, birth, address, phone, joined, category, status,
     exit_on, reason, arrears) = row  # fmt: skip
    return Member(
        id=member_id,
        number=number,
        name=name,
        nik=nik,
        sex=Sex(sex) if sex else None,
        birth_date=_date(birth),
        address=address,
        phone=phone,
        joined_on=_date(joined),
        category=Category(category),
        status=Status(status),
        exit_date=_date(exit_on),
        exit_reason=reason,
        arrears=bool(arrears),
    )


def _date(value: str | dt.date | None) -> dt.date | None:
    # ISO text from SQLite, a date from PostgreSQL.
    if isinstance(value, str):
        return dt.date.fromisoformat(value) if value else None
    return value


def _chunks(values: Sequence[str], size: int = 900) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), size):  # SQLite's bound-parameter limit
        yield values[start : start + size]


def from_row(row: Mapping[Any, Any]) -> Member:
    """A member from column values."""
    return Member(
        id=row["id"],
        number=row["number"],
        name=row["name"],
        nik=row["nik"],
        sex=Sex(row["sex"]) if row["sex"] else None,
        birth_date=row["birth_date"],
        address=row["address"],
        phone=row["phone"],
        joined_on=row["joined_on"],
        category=Category(row["category"]),
        status=Status(row["status"]),
        exit_date=row["exit_date"],
        exit_reason=row["exit_reason"],
        arrears=bool(row["arrears"]),
    )


def get(conn: sa.Connection, member_id: int) -> Member | None:
    """The member with ``member_id``."""
    row = conn.execute(sa.select(members).where(members.c.id == member_id)).first()
    return from_row(row._mapping) if row else None


def by_number(conn: sa.Connection, number: str) -> Member | None:
    """The member with this member number (exact)."""
    row = conn.execute(sa.select(members).where(members.c.number == number)).first()
    return from_row(row._mapping) if row else None


def id_by_number(conn: sa.Connection, number: str) -> int | None:
    """The id of the member with this member number (exact)."""
    found = conn.execute(sa.select(members.c.id).where(members.c.number == number)).scalar()
    return int(found) if found is not None else None


def recent_numbers(conn: sa.Connection, limit: int = 500) -> list[str]:
    """The numbers of the last ``limit`` members added, and of the ``limit`` highest
    numbers: enough to see the register's pattern and where it has got to."""
    recent = conn.execute(sa.select(members.c.number).order_by(members.c.id.desc()).limit(limit))
    top = conn.execute(sa.select(members.c.number).order_by(members.c.number.desc()).limit(limit))
    return [*recent.scalars(), *top.scalars()]


def by_key(conn: sa.Connection, key: str, limit: int = 10) -> list[Member]:
    """The members whose number has this key (its digits without leading zeros), by
    number; at most ``limit``."""
    rows = conn.execute(
        sa.select(members)
        .where(members.c.number_key == key)
        .order_by(members.c.number)
        .limit(limit)
    )
    return [from_row(row._mapping) for row in rows]


def by_numbers(conn: sa.Connection, numbers: Iterable[str]) -> dict[str, Member]:
    """The members with these numbers, by number."""
    found: dict[str, Member] = {}
    for chunk in _chunks(list(numbers)):
        sql = f"{_SELECT} WHERE number IN ({', '.join('?' * len(chunk))})"
        for row in dialect.driver_rows(conn, sql, tuple(chunk)):
            member = _from_driver(row)
            found[member.number] = member
    return found


def nik_owners(conn: sa.Connection, niks: Iterable[str]) -> dict[str, str]:
    """For each NIK already in the register, the member number that holds it."""
    owners: dict[str, str] = {}
    for chunk in _chunks([n for n in niks if n]):
        sql = f"SELECT nik, number FROM members WHERE nik IN ({', '.join('?' * len(chunk))})"
        owners.update(dialect.driver_rows(conn, sql, tuple(chunk)))
    return owners


def with_nik(conn: sa.Connection, nik: str) -> list[Member]:
    """Every register entry that holds this NIK."""
    rows = conn.execute(sa.select(members).where(members.c.nik == nik).order_by(members.c.id))
    return [from_row(row._mapping) for row in rows]


def insert(conn: sa.Connection, member: Member) -> int:
    """Add ``member``; its new id."""
    result = conn.execute(sa.insert(members).values(**to_row(member)))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def update(conn: sa.Connection, member: Member) -> None:
    """Store ``member`` over the row with its id."""
    conn.execute(sa.update(members).where(members.c.id == member.id).values(**to_row(member)))


def insert_many(conn: sa.Connection, batch: Iterable[Member]) -> None:
    """Add many members in one executemany, through the driver."""
    dialect.driver_executemany(conn, _INSERT, map(_values, batch))


def count(conn: sa.Connection) -> int:
    """How many entries the register holds."""
    return int(conn.execute(sa.select(sa.func.count()).select_from(members)).scalar_one())


_FTS_INSERT_TRIGGER = (
    "CREATE TRIGGER members_fts_insert AFTER INSERT ON members BEGIN "
    "INSERT INTO members_fts(rowid, name) VALUES (new.id, new.name); END"
)


# Below this many new rows the register's indexes are kept up row by row.
_REINDEX_FROM = 10_000


@contextlib.contextmanager
def bulk_insert(conn: sa.Connection, adding: int = 0) -> Iterator[None]:
    """Many inserts inside the caller's write transaction, with the name index filled once at
    the end instead of row by row (the trigram trigger costs about 100 µs a row). When
    ``adding`` rows at least double the register (a first import), its other indexes are
    also built once at the end, by sorting, instead of row by row.

    Triggers and indexes are dropped and made again within the same transaction, so a
    failure or a cancel rolls all of it back together."""
    if dialect.is_postgresql(conn):
        yield  # the trigram GIN index is kept up by the server itself
        return
    before = conn.execute(sa.select(sa.func.coalesce(sa.func.max(members.c.id), 0))).scalar_one()
    rebuilt = [
        index for index in members.indexes if adding >= _REINDEX_FROM and adding >= count(conn)
    ]
    for index in rebuilt:
        index.drop(conn)
    conn.exec_driver_sql("DROP TRIGGER members_fts_insert")
    yield
    for index in rebuilt:
        index.create(conn)
    conn.exec_driver_sql(
        "INSERT INTO members_fts(rowid, name) SELECT id, name FROM members WHERE id > ?",
        (before,),
    )
    conn.exec_driver_sql(_FTS_INSERT_TRIGGER)
