"""Migrations from day one: an empty database upgraded to head matches the tables exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from assembly.persistence.database import open_database
from assembly.persistence.tables import metadata


def _ours(name: str | None, type_: str, _parent: object) -> bool:
    # FTS5 tables and their shadow tables are created by hand in the migration.
    return not (
        type_ == "table"
        and name is not None
        and name.endswith(
            ("_fts", "_fts_data", "_fts_idx", "_fts_content", "_fts_docsize", "_fts_config")
        )
    )


def test_head_matches_the_tables(tmp_path: Path) -> None:
    db = open_database(tmp_path / "kosong.sqlite")
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_name": _ours, "compare_type": True}
        )
        diff = compare_metadata(context, metadata)
    db.close()
    assert diff == []


def test_the_audit_log_refuses_update_and_delete(tmp_path: Path) -> None:
    from assembly.persistence import audit_log

    db = open_database(tmp_path / "a.sqlite")
    with db.write() as conn:
        audit_log.append(conn, "sekretaris", "test", {"x": 1})
    for statement in ("UPDATE audit_events SET actor = 'x'", "DELETE FROM audit_events"):
        try:
            with db.write() as conn:
                conn.exec_driver_sql(statement)
        except sa.exc.DatabaseError as exc:
            assert "append-only" in str(exc)
        else:
            raise AssertionError(f"{statement} was allowed")
    db.close()


def test_a_bulk_insert_indexes_names_and_restores_the_trigger(tmp_path: Path) -> None:
    from assembly.domain.members import Member
    from assembly.persistence import member_store

    db = open_database(tmp_path / "b.sqlite")
    with db.write() as conn:
        member_store.insert(conn, Member("A-1", "Siti Aminah"))
        with member_store.bulk_insert(conn):
            member_store.insert_many(
                conn, [Member(f"B-{i}", f"Budi Santoso {i}") for i in range(5)]
            )
    with db.write() as conn:
        member_store.insert(conn, Member("C-1", "Citra Lestari"))
    with db.read() as conn:
        found = conn.exec_driver_sql(
            "SELECT count(*) FROM members_fts WHERE name LIKE '%santoso%'"
        ).scalar()
        later = conn.exec_driver_sql("SELECT count(*) FROM members_fts WHERE name LIKE '%lestari%'")
        assert found == 5 and later.scalar() == 1
    with pytest.raises(RuntimeError), db.write() as conn, member_store.bulk_insert(conn):
        member_store.insert(conn, Member("D-1", "Dewi"))
        raise RuntimeError("cancel")
    with db.read() as conn:
        triggers = conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'members_fts_insert'"
        ).scalar()
        assert triggers == 1 and member_store.count(conn) == 7
    db.close()
