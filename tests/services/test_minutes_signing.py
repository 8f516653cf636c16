"""MinutesSigningService: the chair and the secretary sign the berita acara, the meeting locks,
and from then on every change is refused with nothing changed; refusals before that change
nothing either."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from assembly.domain.ballots import BallotMode
from assembly.domain.errors import DomainError
from assembly.domain.meeting import MeetingState
from assembly.persistence import audit_log, meeting_store
from tests.services.signing_fixtures import PASSPHRASE, Keys, closed_meeting, make_keys

LOCKED = "sudah ditandatangani dan dikunci"


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def closed(cooperative: Any, db_path: Path, tmp_path: Path) -> tuple[Any, int, Path]:
    meeting_id, pdf = closed_meeting(cooperative, db_path, tmp_path)
    return cooperative, meeting_id, pdf


def sign_both(services: Any, meeting_id: int, pdf: Path, keys: Keys) -> Any:
    first, _c = services.minutes_signing.sign_minutes(
        meeting_id, pdf, keys.chair, PASSPHRASE, "ketua"
    )
    assert first.missing == ("TTD_Sekretaris",) and not first.completed
    assert services.meetings.get(meeting_id).state is MeetingState.CLOSED
    second, changes = services.minutes_signing.sign_minutes(
        meeting_id, pdf, keys.secretary, PASSPHRASE, "sekretaris"
    )
    return second, changes


def test_two_signatures_lock_the_meeting_and_record_the_hash(
    closed: tuple[Any, int, Path], keys: Keys, engine_kind: str
) -> None:
    services, meeting_id, pdf = closed
    result, changes = sign_both(services, meeting_id, pdf, keys)
    assert result.completed and result.missing == ()
    assert [c.field for c in result.report.checks] == ["TTD_Ketua", "TTD_Sekretaris"]
    assert all(c.ok for c in result.report.checks)
    assert services.meetings.get(meeting_id).state is MeetingState.LOCKED
    status = services.minutes_signing.status(meeting_id)
    assert status.locked and status.missing == ()
    assert status.signed == ("TTD_Ketua", "TTD_Sekretaris")
    assert status.minutes is not None
    assert status.minutes.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert status.minutes.signers == (
        "ketua: Anggota Nomor 1 (TTE tidak tersertifikasi)",
        "sekretaris: Anggota Nomor 2 (TTE tidak tersertifikasi)",
    )
    with services.ctx.db.read() as conn:
        kinds = [e.kind for e in audit_log.events(conn)][-3:]
    # The backup at the lock comes after it (issue 12 point 7), on a PostgreSQL host too
    # (a copy-out of the cooperative into one SQLite file).
    assert kinds == ["signing.signed", "minutes.locked", "backup.made"]
    assert changes.areas >= {"meetings", "minutes"}
    with_file = services.minutes_signing.status(meeting_id, pdf)
    assert with_file.report is not None and with_file.report.all_valid


def test_after_the_lock_every_change_is_refused_and_nothing_changes(
    closed: tuple[Any, int, Path], keys: Keys
) -> None:
    services, meeting_id, pdf = closed
    sign_both(services, meeting_id, pdf, keys)
    head = services.audit.head_hash()
    meeting = services.meetings.get(meeting_id)
    present = len(services.checkin.attendance_entries(meeting_id))
    ballots = len(services.ballots.ballots(meeting_id))

    with pytest.raises(DomainError, match="dikunci"):
        services.checkin.check_in(meeting_id, "0007")
    # What a notes editor meets: the trigger.
    with pytest.raises(DomainError, match=LOCKED), services.ctx.db.write() as conn:
        meeting_store.set_item_notes(conn, meeting.agenda[0].id, "catatan sesudah dikunci")
    with pytest.raises(DomainError, match="dikunci"):
        services.ballots.open_motion(
            meeting_id, meeting.agenda[0].id, BallotMode.COUNTED, "Pemungutan suara ulang"
        )
    with pytest.raises(DomainError, match=r"dikunci|selesai|ditutup"):
        services.meetings.edit(replace(meeting, venue="Gedung lain"))
    # Under the service checks, the trigger.
    with pytest.raises(DomainError, match=LOCKED), services.ctx.db.write() as conn:
        meeting_store.update(conn, replace(meeting, venue="Gedung lain"))
    with pytest.raises(DomainError, match="adendum"):
        services.minutes_signing.sign_minutes(meeting_id, pdf, keys.chair, PASSPHRASE, "saksi1")

    assert services.audit.head_hash() == head
    after = services.meetings.get(meeting_id)
    assert after == meeting
    assert len(services.checkin.attendance_entries(meeting_id)) == present
    assert len(services.ballots.ballots(meeting_id)) == ballots


def test_a_wrong_passphrase_changes_nothing(closed: tuple[Any, int, Path], keys: Keys) -> None:
    services, meeting_id, pdf = closed
    before, head = pdf.read_bytes(), services.audit.head_hash()
    with pytest.raises(DomainError, match="Kata sandi kunci salah"):
        services.minutes_signing.sign_minutes(meeting_id, pdf, keys.chair, "bukan-sandi", "ketua")
    with pytest.raises(DomainError, match="tidak ditemukan"):
        services.minutes_signing.sign_minutes(
            meeting_id, pdf, pdf.with_name("hilang.p12"), PASSPHRASE, "ketua"
        )
    assert pdf.read_bytes() == before and services.audit.head_hash() == head
    assert services.minutes_signing.status(meeting_id).missing == ("TTD_Ketua", "TTD_Sekretaris")


def test_another_document_or_an_open_meeting_is_refused(
    cooperative: Any, db_path: Path, tmp_path: Path, keys: Keys
) -> None:
    from tests.meeting_fixtures import draft_meeting
    from tests.services.voting_fixtures import opened_hall

    services = cooperative
    hall = opened_hall(services, db_path)
    pdf = tmp_path / "ba.pdf"
    services.minutes.export(hall.meeting_id, pdf)
    with pytest.raises(DomainError, match="setelah rapat ditutup"):
        services.minutes_signing.sign_minutes(hall.meeting_id, pdf, keys.chair, PASSPHRASE, "ketua")
    services.meetings.close(hall.meeting_id)
    other = draft_meeting(services)
    with pytest.raises(DomainError, match="bukan berita acara rapat ini"):
        services.minutes_signing.sign_minutes(other.id, pdf, keys.chair, PASSPHRASE, "ketua")
    with pytest.raises(DomainError, match="tidak memiliki kolom tanda tangan untuk Saksi Rapat 1"):
        services.minutes_signing.sign_minutes(
            hall.meeting_id, pdf, keys.chair, PASSPHRASE, "saksi1"
        )


def test_a_byte_changed_after_the_chair_signed_stops_the_secretary(
    closed: tuple[Any, int, Path], keys: Keys
) -> None:
    services, meeting_id, pdf = closed
    services.minutes_signing.sign_minutes(meeting_id, pdf, keys.chair, PASSPHRASE, "ketua")
    data = bytearray(pdf.read_bytes())
    at = data.index(b"/Producer")  # inside the first revision, which the chair signed
    data[at + 12] ^= 0x01
    pdf.write_bytes(bytes(data))
    with pytest.raises(DomainError, match="tidak lagi sah"):
        services.minutes_signing.sign_minutes(
            meeting_id, pdf, keys.secretary, PASSPHRASE, "sekretaris"
        )
    assert pdf.read_bytes() == bytes(data)
    assert services.meetings.get(meeting_id).state is MeetingState.CLOSED
