"""Migrations from day one: an empty database upgraded to head matches the tables exactly."""

from __future__ import annotations

from pathlib import Path

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
