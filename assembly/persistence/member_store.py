"""The member register table: rows to :class:`Member` values and back, and the register
search that the screens page through."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from assembly.domain.members import Category, Member, Sex, Status
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
    return row


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


def by_numbers(conn: sa.Connection, numbers: Iterable[str]) -> dict[str, Member]:
    """The members with these numbers, by number."""
    found: dict[str, Member] = {}
    wanted = list(numbers)
    for start in range(0, len(wanted), 900):  # SQLite's bound-parameter limit
        chunk = wanted[start : start + 900]
        for row in conn.execute(sa.select(members).where(members.c.number.in_(chunk))):
            found[row.number] = from_row(row._mapping)
    return found


def nik_owners(conn: sa.Connection, niks: Iterable[str]) -> dict[str, str]:
    """For each NIK already in the register, the member number that holds it."""
    owners: dict[str, str] = {}
    wanted = [n for n in niks if n]
    for start in range(0, len(wanted), 900):
        chunk = wanted[start : start + 900]
        rows = conn.execute(
            sa.select(members.c.nik, members.c.number).where(members.c.nik.in_(chunk))
        )
        owners.update({r.nik: r.number for r in rows})
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


def insert_many(conn: sa.Connection, batch: Sequence[Member]) -> None:
    """Add many members in one executemany."""
    if batch:
        conn.execute(sa.insert(members), [to_row(m) for m in batch])


def count(conn: sa.Connection) -> int:
    """How many entries the register holds."""
    return int(conn.execute(sa.select(sa.func.count()).select_from(members)).scalar_one())


_FTS_INSERT_TRIGGER = (
    "CREATE TRIGGER members_fts_insert AFTER INSERT ON members BEGIN "
    "INSERT INTO members_fts(rowid, name) VALUES (new.id, new.name); END"
)


@contextlib.contextmanager
def bulk_insert(conn: sa.Connection) -> Iterator[None]:
    """Many inserts inside the caller's write transaction, with the name index filled once at
    the end instead of row by row (the trigram trigger costs about 100 µs a row).

    The trigger is dropped and made again within the same transaction, so a failure or a
    cancel rolls all of it back together."""
    before = conn.execute(sa.select(sa.func.coalesce(sa.func.max(members.c.id), 0))).scalar_one()
    conn.exec_driver_sql("DROP TRIGGER members_fts_insert")
    yield
    conn.exec_driver_sql(
        "INSERT INTO members_fts(rowid, name) SELECT id, name FROM members WHERE id > ?",
        (before,),
    )
    conn.exec_driver_sql(_FTS_INSERT_TRIGGER)
