"""Member numbers as people say them: a register numbered "KSP-012345" is searched and checked in
by typing "12345", "012345" or "KSP-012345"; a scanned card still matches exactly, first; a
number that fits two members checks nobody in. An older file gets the keys by migration."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from assembly.domain.attendance import Outcome
from assembly.domain.members import Member
from assembly.domain.register_query import RegisterQuery
from assembly.persistence import database
from assembly.persistence.database import open_database
from assembly.services.bundle import Services
from tests.behind_the_back import rows
from tests.meeting_fixtures import open_meeting


def _register(services: Services) -> None:
    for number, name in (
        ("KSP-012345", "Siti Aminah"),
        ("KSP-123450", "Budi Santoso"),
        ("KSP-000777", "Made Wirawan"),
        ("A-0042", "Ani Lestari"),
        ("B-042", "Bambang Wijaya"),
        ("12345", "Dua Belas Ribu"),
    ):
        services.register.save(Member(number, name, joined_on=dt.date(2001, 1, 1)))


def _present(db_path: Path) -> list[str]:
    found = rows(
        db_path,
        "SELECT m.number FROM attendance a JOIN members m ON m.id = a.member_id "
        "WHERE a.state = 'hadir' ORDER BY m.number",
    )
    return [r[0] for r in found]


def test_typing_the_number_as_people_say_it_checks_in(cooperative: Services, db_path: Path) -> None:
    _register(cooperative)
    meeting_id = open_meeting(cooperative)
    # A scanned card: the exact number, even where another number has the same digits.
    result, _ = cooperative.checkin.check_in(meeting_id, "12345")
    assert result.outcome is Outcome.ADMITTED and result.number == "12345"
    assert _present(db_path) == ["12345"]
    for typed in ("012345", "ksp-012345", "KSP 12345"):
        result, _ = cooperative.checkin.check_in(meeting_id, typed)
        assert result.number == "KSP-012345", typed
    assert _present(db_path) == ["12345", "KSP-012345"]
    result, _ = cooperative.checkin.check_in(meeting_id, "777")
    assert result.outcome is Outcome.ADMITTED and result.number == "KSP-000777"


def test_a_number_that_fits_two_members_checks_nobody_in(
    cooperative: Services, db_path: Path
) -> None:
    _register(cooperative)
    meeting_id = open_meeting(cooperative)
    result, changes = cooperative.checkin.check_in(meeting_id, "42")
    assert result.outcome is Outcome.NOT_FOUND
    assert "A-0042, B-042" in result.message and "nomor lengkapnya" in result.message
    assert _present(db_path) == [] and not changes.areas
    result, _ = cooperative.checkin.check_in(meeting_id, "b42")
    assert result.number == "B-042"
    result, _ = cooperative.checkin.check_in(meeting_id, "99999")
    assert result.outcome is Outcome.NOT_FOUND and "tidak terdaftar" in result.message


def test_the_desk_and_the_register_find_the_spoken_number(cooperative: Services) -> None:
    _register(cooperative)
    meeting_id = open_meeting(cooperative)
    found = [m.number for m in cooperative.checkin.find(meeting_id, "12345")]
    # The number typed as stored first, then the one it names, then those it begins.
    assert found == ["12345", "KSP-012345", "KSP-123450"]
    assert [m.number for m in cooperative.checkin.find(meeting_id, "012345")][:1] == ["KSP-012345"]
    (total, _more), rows = cooperative.search.search(RegisterQuery("12345"), 10)
    assert {r.number for r in rows} == {"12345", "KSP-012345", "KSP-123450"} and total == 3
    # Typed zeros name one number: 012345 is KSP-012345 (and 12345), not KSP-123450.
    (total, _more), rows = cooperative.search.search(RegisterQuery("012345"), 10)
    assert {r.number for r in rows} == {"12345", "KSP-012345"} and total == 2
    (total, _more), rows = cooperative.search.search(RegisterQuery("777"), 10)
    assert [r.number for r in rows] == ["KSP-000777"]
    (total, _more), rows = cooperative.search.search(RegisterQuery("KSP-012345"), 10)
    assert [r.number for r in rows] == ["KSP-012345"]


def test_an_older_file_gets_the_keys_by_migration(tmp_path: Path) -> None:
    path = tmp_path / "lama.sqlite"
    engine = sa.create_engine(f"sqlite:///{path}")
    config = Config()
    config.set_main_option("script_location", str(database._MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "r0005")
        conn.exec_driver_sql(
            "INSERT INTO members (number, name, category, status) VALUES "
            "('KSP-012345', 'Siti', 'anggota', 'aktif'), ('0007', 'Budi', 'anggota', 'aktif'), "
            "('TANPA', 'Eka', 'anggota', 'aktif')"
        )
        conn.exec_driver_sql(f"PRAGMA application_id={database.APPLICATION_ID}")
    engine.dispose()
    db = open_database(path)
    with db.read() as conn:
        keys = conn.exec_driver_sql("SELECT number, number_key FROM members ORDER BY id").all()
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM members WHERE number_key = '7'"
        ).all()
    db.close()
    assert [tuple(k) for k in keys] == [("KSP-012345", "12345"), ("0007", "7"), ("TANPA", "")]
    assert "ix_members_number_key" in str(plan)
