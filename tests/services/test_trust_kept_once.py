"""Trust debts of DESIGN.md section 7, on both engines: the signed berita acara is kept once
(``signed_files``; r0014 moved the anchor's copy there, keeping the one the audit chain
recorded), and a locked meeting's stays are under the lock. Each promise is held by the attack
that breaks it: the kept file swapped with its trigger dropped, the two copies made to
disagree before the migration, a stay edited on a locked meeting."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic import command

from assembly.domain.errors import DomainError
from assembly.persistence import database, document_store, pg_database
from assembly.persistence.database import open_database
from assembly.persistence.migrations import guards
from assembly.persistence.migrations.versions.r0007_anchor import ANCHOR_GUARDS
from assembly.persistence.migrations.versions.r0008_lock import GUARDS as FILE_GUARDS
from assembly.persistence.migrations.versions.r0014_kept_once import stays_guards
from assembly.services.bundle import Services
from assembly.services.context import ServiceContext
from tests.conftest import FIXED_NOW
from tests.robustness.anchor_fixtures import cut_back_one_revision
from tests.services.signing_fixtures import Keys, make_keys
from tests.services.test_minutes_signing import sign_both
from tests.services.voting_fixtures import opened_hall


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def locked(cooperative: Any, db_path: Path, tmp_path: Path, keys: Keys) -> tuple[int, Path]:
    """A meeting closed, its berita acara signed by the chair and the secretary: locked.
    The services are closed; (meeting id, signed PDF)."""
    hall = opened_hall(cooperative, db_path)
    cooperative.meetings.close(hall.meeting_id)
    pdf = tmp_path / "berita-acara.pdf"
    cooperative.minutes.export(hall.meeting_id, pdf)
    result, _changes = sign_both(cooperative, hall.meeting_id, pdf, keys)
    assert result.completed
    cooperative.close()
    return hall.meeting_id, pdf


@contextmanager
def reopened(db_path: Path) -> Iterator[Services]:
    services = Services.create(
        ServiceContext(open_database(db_path), "sekretaris", lambda: FIXED_NOW)
    )
    try:
        yield services
    finally:
        services.close()


@contextmanager
def behind_the_app(db_path: Path) -> Iterator[sa.Connection]:
    """A plain connection to the database, as someone holding the file (or the server's
    password) has one: no Kuorum in between."""
    if pg_database.is_postgresql_url(db_path):
        engine = pg_database.create_engine(str(db_path))
    else:
        engine = database._engine(Path(db_path))
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        engine.dispose()


def migrate(db_path: Path, revision: str) -> None:
    """Alembic up or down to ``revision``, as the app's own migration runs it."""
    if pg_database.is_postgresql_url(db_path):
        engine = pg_database.create_engine(str(db_path))
    else:
        engine = database._engine(Path(db_path))
    try:
        with engine.connect() as conn:
            config = database._alembic_config()
            config.attributes["connection"] = conn
            current = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
            if revision == "head" or current == "r0013":
                command.upgrade(config, revision)
            else:
                command.downgrade(config, revision)
            conn.commit()
    finally:
        engine.dispose()


def _kept(db_path: Path, meeting_id: int) -> bytes | None:
    with reopened(db_path) as services, services.ctx.db.read() as conn:
        return document_store.locked_file(conn, meeting_id)


def test_the_lock_keeps_the_signed_file_once(locked: tuple[int, Path], db_path: Path) -> None:
    meeting_id, pdf = locked
    with behind_the_app(db_path) as conn:
        columns = {c["name"] for c in sa.inspect(conn).get_columns("meeting_anchors")}
        anchored = conn.execute(sa.text("SELECT signed_sha256 FROM meeting_anchors")).scalar()
    assert "signed_pdf" not in columns
    assert _kept(db_path, meeting_id) == pdf.read_bytes()
    assert anchored == hashlib.sha256(pdf.read_bytes()).hexdigest()
    with reopened(db_path) as services:
        assert services.audit.verify().intact
        assert services.anchors.verify_file(pdf).ok


def test_a_swapped_kept_file_is_named_by_audit_verify_and_verify_db_and_never_handed_out(
    locked: tuple[int, Path], db_path: Path, tmp_path: Path
) -> None:
    """The kept file replaced, behind the dropped trigger, by the same document cut back to
    the chair's signature alone (a real, validly signed PDF of this meeting)."""
    meeting_id, pdf = locked
    forged = cut_back_one_revision(pdf)
    with behind_the_app(db_path) as conn:
        guards.drop(conn, FILE_GUARDS)
        conn.execute(sa.text("UPDATE signed_files SET data = :d"), {"d": forged})
    with reopened(db_path) as services:
        report = services.audit.verify()
        assert not report.intact
        named = [p for p in report.problems if f"rapat {meeting_id} yang tersimpan" in p]
        assert named and "telah diubah" in named[0]
        assert hashlib.sha256(forged).hexdigest() in named[0]
        assert any("signed_files_no_update" in p for p in report.problems)
        verdict = services.anchors.verify_file(pdf)  # verify FILE.pdf --db
        assert not verdict.ok
        assert any(f"rapat {meeting_id} yang tersimpan" in d for d in verdict.differences)
        with pytest.raises(DomainError, match=f"rapat {meeting_id} tidak cocok dengan SHA-256"):
            services.minutes.export(meeting_id, tmp_path / "ekspor.pdf")
        with pytest.raises(DomainError, match="tidak cocok dengan SHA-256"):
            services.reporting.write(meeting_id, tmp_path / "paket")
    assert not (tmp_path / "ekspor.pdf").exists() and not (tmp_path / "paket").exists()
    # With the trigger put back the swap is still named: the check reads the bytes.
    with behind_the_app(db_path) as conn:
        guards.create(conn, FILE_GUARDS)
    with reopened(db_path) as services:
        assert any(
            f"rapat {meeting_id} yang tersimpan" in p for p in services.audit.verify().problems
        )


def test_the_migration_keeps_the_copy_the_chain_recorded(
    locked: tuple[int, Path], db_path: Path
) -> None:
    """Back at r0013 the file is kept twice again; made to disagree either way, the migration
    keeps the copy whose SHA-256 the lock's audit event recorded, and drops the other."""
    meeting_id, pdf = locked
    signed = pdf.read_bytes()
    forged = cut_back_one_revision(pdf)
    migrate(db_path, "r0013")
    with behind_the_app(db_path) as conn:
        copy = conn.execute(sa.text("SELECT signed_pdf FROM meeting_anchors")).scalar()
        assert bytes(copy) == signed  # the downgrade gave the anchor its copy back
        # The kept file swapped: the anchor's copy is the one the chain recorded.
        guards.drop(conn, FILE_GUARDS)
        conn.execute(sa.text("UPDATE signed_files SET data = :d"), {"d": forged})
        guards.create(conn, FILE_GUARDS)
    migrate(db_path, "head")
    assert _kept(db_path, meeting_id) == signed
    with reopened(db_path) as services:
        assert services.audit.verify().intact
    migrate(db_path, "r0013")
    with behind_the_app(db_path) as conn:
        # Now the anchor's copy swapped: the kept file is the one the chain recorded.
        guards.drop(conn, ANCHOR_GUARDS)
        conn.execute(sa.text("UPDATE meeting_anchors SET signed_pdf = :d"), {"d": forged})
        guards.create(conn, ANCHOR_GUARDS)
    migrate(db_path, "head")
    assert _kept(db_path, meeting_id) == signed
    with reopened(db_path) as services:
        report = services.audit.verify()
        assert report.intact, report.problems
        assert services.anchors.verify_file(pdf).ok


def _a_stay(db_path: Path, meeting_id: int) -> tuple[int, str]:
    with behind_the_app(db_path) as conn:
        member_id, number = conn.execute(
            sa.text(
                "SELECT s.member_id, m.number FROM attendance_stays s JOIN members m"
                " ON m.id = s.member_id WHERE s.meeting_id = :m ORDER BY m.number LIMIT 1"
            ),
            {"m": meeting_id},
        ).one()
    return int(member_id), str(number)


def test_a_locked_meetings_stays_refuse_every_change(
    locked: tuple[int, Path], db_path: Path
) -> None:
    meeting_id, _pdf = locked
    member_id, _number = _a_stay(db_path, meeting_id)
    key = {"m": meeting_id, "p": member_id}
    changes = [
        "UPDATE attendance_stays SET ended_at = NULL, left_meeting = :f"
        " WHERE meeting_id = :m AND member_id = :p",
        "DELETE FROM attendance_stays WHERE meeting_id = :m AND member_id = :p AND :f = :f",
        "INSERT INTO attendance_stays (meeting_id, member_id, seq, started_at, channel,"
        " ended_at, returned, left_meeting) VALUES (:m, :p, 99, '2026-03-14T01:00:00+00:00',"
        " 'langsung', NULL, :f, :f)",
    ]
    with reopened(db_path) as services:
        for change in changes:
            with (
                pytest.raises(DomainError, match="dikunci") as refused,
                services.ctx.db.write() as conn,
            ):
                conn.execute(sa.text(change), {**key, "f": False})
            assert "kuorum:meeting-locked" in str(refused.value.__cause__)
        assert services.audit.verify().intact
    # The same refusal behind the app's back, with the mark.
    with (
        pytest.raises(sa.exc.DBAPIError, match="kuorum:meeting-locked"),
        behind_the_app(db_path) as conn,
    ):
        conn.execute(sa.text(changes[0]), {**key, "f": False})


def test_a_stay_edited_behind_the_dropped_trigger_is_named(
    locked: tuple[int, Path], db_path: Path
) -> None:
    meeting_id, pdf = locked
    member_id, number = _a_stay(db_path, meeting_id)
    with behind_the_app(db_path) as conn:
        guards.drop(conn, stays_guards())
        conn.execute(
            sa.text(
                "UPDATE attendance_stays SET started_at = '2026-03-14T00:30:00+00:00'"
                " WHERE meeting_id = :m AND member_id = :p"
            ),
            {"m": meeting_id, "p": member_id},
        )
    with reopened(db_path) as services:
        problems = services.audit.verify().problems
        assert any("lock_attendance_stays_update" in p for p in problems)
        edited = [p for p in problems if "masa hadir" in p]
        assert edited == [
            f"rapat {meeting_id}: masa hadir yang tersimpan tidak sesuai dengan riwayat "
            f"kehadiran untuk anggota nomor {number}"
        ]
        verdict = services.anchors.verify_file(pdf)  # verify FILE.pdf --db
        assert not verdict.ok and any(number in d for d in verdict.differences)
    # Triggers back in place: the edit is still named, from the history.
    with behind_the_app(db_path) as conn:
        guards.create(conn, stays_guards())
    with reopened(db_path) as services:
        report = services.audit.verify()
        assert not report.intact
        assert [p for p in report.problems if "masa hadir" in p] == edited
