"""The record of a signed document (``meeting_documents``: the SHA-256, file name and signers
of a signed berita acara or addendum) under guard, on both engines (r0016). Each
promise is held by the attack: a locked meeting's document row edited, removed, or a second
berita acara slipped in, by someone holding the file or the server's password, with the
triggers in place (refused), and with them dropped behind the app's back (``audit verify``
names the missing trigger; ``verify --db`` names the changed record)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from assembly.persistence.migrations import guards
from assembly.persistence.migrations.versions.r0016_documents_guarded import document_guards
from assembly.services.bundle import Services
from tests.services.signing_fixtures import Keys, make_keys
from tests.services.test_minutes_signing import sign_both
from tests.services.test_trust_kept_once import behind_the_app, reopened
from tests.services.voting_fixtures import opened_hall

LOCKED = "kuorum:meeting-locked"


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def locked(cooperative: Any, db_path: Path, tmp_path: Path, keys: Keys) -> tuple[int, Path]:
    """A meeting closed and its berita acara signed by the chair and the secretary (locked),
    then an addendum written after the lock, as a correction is made. (meeting id, PDF)."""
    hall = opened_hall(cooperative, db_path)
    cooperative.meetings.close(hall.meeting_id)
    pdf = tmp_path / "berita-acara.pdf"
    cooperative.minutes.export(hall.meeting_id, pdf)
    result, _changes = sign_both(cooperative, hall.meeting_id, pdf, keys)
    assert result.completed
    # Rows are still added after the lock: a correction is an addendum (DESIGN.md section 4).
    cooperative.addenda.create(
        hall.meeting_id, "Jam penutupan pukul 13.15 WIB.", tmp_path / "a.pdf"
    )
    cooperative.close()
    return hall.meeting_id, pdf


def _documents(db_path: Path, meeting_id: int) -> list[tuple[Any, ...]]:
    with behind_the_app(db_path) as conn:
        rows = conn.execute(
            sa.text(
                "SELECT id, kind, sha256, file_name, signers, cites_sha256 FROM meeting_documents"
                " WHERE meeting_id = :m ORDER BY id"
            ),
            {"m": meeting_id},
        ).all()
    return [tuple(row) for row in rows]


@contextmanager
def _refused() -> Iterator[None]:
    with pytest.raises(sa.exc.DBAPIError) as caught:
        yield
    assert LOCKED in str(caught.value.orig)


ATTACKS = (
    # The recorded hash pointed at another file (the one a forger holds).
    "UPDATE meeting_documents SET sha256 = '{forged}' WHERE meeting_id = {m} AND kind = 'berita_acara'",
    # A signer added to the record, the file renamed.
    "UPDATE meeting_documents SET signers = signers || '\nBendahara' WHERE meeting_id = {m}",
    "UPDATE meeting_documents SET file_name = 'lain.pdf' WHERE meeting_id = {m}",
    # The addendum made to cite nothing, or moved to another meeting.
    "UPDATE meeting_documents SET cites_sha256 = NULL WHERE meeting_id = {m} AND kind = 'addendum'",
    "UPDATE meeting_documents SET meeting_id = meeting_id + 1 WHERE meeting_id = {m}",
    # The addendum removed (the correction disappears), the berita acara's record too.
    "DELETE FROM meeting_documents WHERE meeting_id = {m} AND kind = 'addendum'",
    # A second berita acara for the locked meeting (whoever reads "the first" is safe; whoever
    # lists them is not).
    "INSERT INTO meeting_documents (meeting_id, kind, sha256, file_name, signers, recorded_at,"
    " actor) VALUES ({m}, 'berita_acara', '{forged}', 'palsu.pdf', '', '2026-03-14', 'x')",
)


@pytest.mark.parametrize("attack", ATTACKS)
def test_a_locked_meetings_document_record_refuses_every_change(
    locked: tuple[int, Path], db_path: Path, attack: str
) -> None:
    meeting_id, pdf = locked
    before = _documents(db_path, meeting_id)
    assert [row[1] for row in before] == ["berita_acara", "addendum"]
    with _refused(), behind_the_app(db_path) as conn:
        conn.execute(sa.text(attack.format(m=meeting_id, forged="f" * 64)))
    assert _documents(db_path, meeting_id) == before
    with reopened(db_path) as services:
        report = services.audit.verify()
        assert report.intact, report.problems
        assert services.anchors.verify_file(pdf).ok


def _drop_and(db_path: Path, name: str, statement: str) -> None:
    """Drop the guard ``name`` behind the app's back, then run ``statement``."""
    with behind_the_app(db_path) as conn:
        guards.drop(conn, [g for g in document_guards() if g.name == name])
        assert conn.execute(sa.text(statement)).rowcount >= 1


def _verify(services: Services) -> list[str]:
    report = services.audit.verify()
    assert not report.intact
    return list(report.problems)


def test_an_edited_record_behind_a_dropped_trigger_is_named(
    locked: tuple[int, Path], db_path: Path
) -> None:
    """The berita acara's recorded hash changed with its trigger dropped: ``audit verify``
    names the missing trigger and the record that no longer matches the kept file;
    ``verify FILE.pdf --db`` names the record too."""
    meeting_id, pdf = locked
    forged = "f" * 64
    _drop_and(
        db_path,
        "meeting_documents_no_update",
        f"UPDATE meeting_documents SET sha256 = '{forged}' WHERE kind = 'berita_acara'",
    )
    with reopened(db_path) as services:
        problems = _verify(services)
        assert any("meeting_documents_no_update" in p for p in problems)
        named = [p for p in problems if f"rapat {meeting_id} yang tersimpan" in p]
        assert named and forged in named[0]
        verdict = services.anchors.verify_file(pdf)  # verify FILE.pdf --db
        assert not verdict.ok
        assert any(
            f"rapat {meeting_id} yang tersimpan" in d and forged in d for d in verdict.differences
        )
    signed = hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert signed != forged


@pytest.mark.parametrize(
    ("name", "statement"),
    [
        ("meeting_documents_no_update", "UPDATE meeting_documents SET signers = 'Orang lain'"),
        ("meeting_documents_no_delete", "DELETE FROM meeting_documents WHERE kind = 'addendum'"),
        (
            "lock_meeting_documents_insert",
            "INSERT INTO meeting_documents (meeting_id, kind, sha256, file_name, signers,"
            " recorded_at, actor) SELECT id, 'berita_acara', 'ab', 'palsu.pdf', '',"
            " '2026-03-14', 'x' FROM meetings WHERE state = 'locked'",
        ),
    ],
)
def test_each_dropped_document_guard_is_named_by_audit_verify(
    locked: tuple[int, Path], db_path: Path, name: str, statement: str
) -> None:
    _drop_and(db_path, name, statement)
    with reopened(db_path) as services:
        problems = _verify(services)
    assert any("pemicu penguncian hilang (1)" in p and name in p for p in problems)


def test_audit_verify_requires_the_document_guards() -> None:
    from assembly.persistence import anchor_store

    required = set(anchor_store.required_triggers())
    assert {g.name for g in document_guards()} <= required


@pytest.mark.parametrize(
    ("statement", "named"),
    [
        (
            "UPDATE meeting_documents SET signers = 'Orang lain' WHERE kind = 'berita_acara'",
            "penanda tangan",
        ),
        (
            "UPDATE meeting_documents SET file_name = 'lain.pdf' WHERE kind = 'berita_acara'",
            "nama berkas",
        ),
        ("UPDATE meeting_documents SET sha256 = 'ab' WHERE kind = 'addendum'", "(SHA-256)"),
        (
            "UPDATE meeting_documents SET cites_sha256 = NULL WHERE kind = 'addendum'",
            "SHA-256 berita acara yang dirujuk",
        ),
        (
            "UPDATE meeting_documents SET kind = 'addendum_signed' WHERE kind = 'addendum'",
            "jenis dokumen",
        ),
        ("DELETE FROM meeting_documents WHERE kind = 'addendum'", "tidak lagi tersimpan"),
    ],
)
def test_an_edit_behind_the_triggers_put_back_is_still_named(
    locked: tuple[int, Path], db_path: Path, statement: str, named: str
) -> None:
    """Triggers dropped, the record edited, the triggers put back: no trigger is missing, yet
    ``audit verify`` and ``verify --db`` name the record that no longer matches the audit
    event that recorded it, and the field."""
    meeting_id, pdf = locked
    with behind_the_app(db_path) as conn:
        guards.drop(conn, document_guards())
        assert conn.execute(sa.text(statement)).rowcount == 1
        guards.create(conn, document_guards())
    with reopened(db_path) as services:
        problems = _verify(services)
        assert not any("pemicu" in p for p in problems)
        lines = [p for p in problems if f"rapat {meeting_id}: catatan dokumen" in p]
        assert len(lines) == 1 and named in lines[0], problems
        verdict = services.anchors.verify_file(pdf)  # verify FILE.pdf --db
        assert not verdict.ok
        assert any(named in d and "catatan dokumen" in d for d in verdict.differences)


def test_the_records_as_written_match_their_audit_events(
    locked: tuple[int, Path], db_path: Path, keys: Keys
) -> None:
    """The addendum signed too (a third row, its own event): everything agrees."""
    from tests.services.signing_fixtures import PASSPHRASE

    meeting_id, pdf = locked
    target = pdf.parent / "a.pdf"  # the addendum the fixture wrote after the lock
    with reopened(db_path) as services:
        for key, role in ((keys.chair, "ketua"), (keys.secretary, "sekretaris")):
            services.minutes_signing.sign_minutes(meeting_id, target, key, PASSPHRASE, role)
        assert [row[1] for row in _documents(db_path, meeting_id)] == [
            "berita_acara",
            "addendum",
            "addendum_signed",
        ]
        report = services.audit.verify()
        assert report.intact, report.problems
