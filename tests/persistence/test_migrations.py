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


def test_secret_choices_become_totals_and_their_rows_are_gone(tmp_path: Path) -> None:
    """r0006_secret: a file from before issue 10 keeps every secret vote, as totals; the row
    per vote is dropped and its bytes zeroed (secure_delete), so the file no longer holds
    them in the order they were cast."""
    import sqlite3

    from alembic import command

    from assembly.persistence import database, secret_store
    from assembly.persistence.tables import ballots

    path = tmp_path / "lama.sqlite"
    engine = database._engine(path)
    with engine.connect() as conn:
        config = database._alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "r0005")
        conn.exec_driver_sql(f"PRAGMA application_id={database.APPLICATION_ID}")
        conn.commit()
    engine.dispose()
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA foreign_keys=OFF")
    for ballot_id, kind in ((1, "motion"), (2, "election")):
        raw.execute(
            "INSERT INTO ballots (id, meeting_id, item_id, kind, mode, state, title, opened_at,"
            " present, minimum, reached, rule_text, eligible, members, seats) VALUES"
            " (?, 1, 1, ?, 'secret', 'closed', 'x', 't', 9, 5, 1, 'r', 9, 9, 2)",
            (ballot_id, kind),
        )
    raw.executemany(
        "INSERT INTO candidates (ballot_id, member_id, name) VALUES (2, ?, ?)",
        [(7, "Tujuh"), (5, "Lima"), (8, "Delapan")],
    )
    cast = [(1, c) for c in ("setuju", "tidak_setuju", "setuju", "setuju", "tidak_setuju")]
    cast += [(2, c) for c in ("5,7", "5", "", "5,7")]
    raw.executemany(
        "INSERT INTO secret_choices (id, ballot_id, choice) VALUES (?, ?, ?)",
        [(1000 + n, b, c) for n, (b, c) in enumerate(cast)],
    )
    raw.executemany(
        "INSERT INTO secret_participation (ballot_id, member_id, via_proxy) VALUES (?, ?, 0)",
        [(b, 100 + n) for n, (b, _c) in enumerate(cast)],
    )
    raw.commit()
    raw.close()

    db = open_database(path)
    with db.read() as conn:
        first = secret_store.totals(conn, 1)
        second = secret_store.totals(conn, 2)
        motion, election = (
            conn.execute(sa.select(ballots).where(ballots.c.id == i)).one() for i in (1, 2)
        )
        tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    db.close()
    assert first == {"setuju": 3, "tidak_setuju": 2, "abstain": 0, secret_store.CAST: 5}
    assert second == {"7": 2, "5": 3, "8": 0, "": 1, secret_store.CAST: 4}
    assert motion.mode == election.mode == "secret"
    assert "secret_choices" not in tables
    assert "lock_secret_totals_update" in tables  # the lock covers the totals too
    # "5,7" was only ever a per-vote choice: no copy of one is left in the file.
    assert path.read_bytes().count(b"5,7") == 0
    assert (
        not path.with_name(path.name + "-wal").exists()
        or not path.with_name(path.name + "-wal").stat().st_size
    )


def test_audit_verify_knows_every_trigger_the_schema_has(tmp_path: Path) -> None:
    """The triggers ``audit verify`` requires are exactly those a new file has: a migration that
    adds a guard without telling the check (or drops one the check still wants) fails here."""
    from assembly.persistence import anchor_store

    db = open_database(tmp_path / "fresh.sqlite")
    try:
        with db.read() as conn:
            present = set(
                conn.execute(
                    sa.text("SELECT name FROM sqlite_master WHERE type = 'trigger'")
                ).scalars()
            )
    finally:
        db.close()
    # The search index's triggers keep it in step with the register; they guard nothing.
    guards = {name for name in present if not name.startswith("members_fts_")}
    assert set(anchor_store.required_triggers()) == guards
