"""One list of who must sign (DESIGN.md section 7): the roles decided when the meeting is set
up are the ones the berita acara gives a field and a block, the Daftar Hadir (its annex and on
its own) gives a block, the signing page asks for, the lock waits for, and ``verify`` (alone
and with the database) says are missing. Read back from the real PDFs, signed for real."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from assembly.domain.meeting import MeetingState, Officer, OfficerRole
from assembly.domain.signers import required_signers
from assembly.pdf.keys import create_key
from assembly.services.bundle import Services
from tests.conftest import FIXED_NOW
from tests.meeting_fixtures import draft_meeting, register_members
from tests.services.signing_fixtures import PASSPHRASE, Keys, make_keys
from tests.services.test_trust_kept_once import behind_the_app

# The meeting names two witnesses and an acknowledger; at set-up it requires the first
# witness and "Mengetahui" to sign, not the second witness.
CHOSEN = ("saksi1", "mengetahui")
FIELDS = ("TTD_Ketua", "TTD_Sekretaris", "TTD_Saksi1", "TTD_Mengetahui")
TITLES = ("Ketua Rapat", "Sekretaris Rapat", "Saksi Rapat 1", "Mengetahui")


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Keys, Path, Path]:
    folder = tmp_path_factory.mktemp("keys")
    witness, acknowledger = folder / "saksi.p12", folder / "mengetahui.p12"
    for path, name in ((witness, "Joko Purnomo"), (acknowledger, "Pak Lurah")):
        path.write_bytes(create_key(name, "Koperasi Uji", PASSPHRASE.encode(), FIXED_NOW))
    return make_keys(folder), witness, acknowledger


def _closed(services: Services, tmp_path: Path) -> tuple[int, Path]:
    register_members(services)
    meeting = draft_meeting(services, signers=())
    witnessed = replace(
        meeting,
        officers=(
            *meeting.officers,
            Officer(OfficerRole.WITNESS, "Joko Purnomo"),
            Officer(OfficerRole.WITNESS, "Sari Dewi"),
            Officer(OfficerRole.ACKNOWLEDGER, "Pak Lurah"),
        ),
        signers=CHOSEN,
    )
    saved, _c = services.meetings.edit(witnessed)
    assert saved.id is not None
    services.meetings.open_check_in(saved.id)
    for number in ("0001", "0002", "0003", "0004", "0005"):
        services.checkin.check_in(saved.id, number)
    services.checkin.record_quorum_check(saved.id)
    services.checkin.open_meeting(saved.id)
    services.meetings.close(saved.id)
    pdf = tmp_path / "berita-acara.pdf"
    services.minutes.export(saved.id, pdf)
    return saved.id, pdf


def _text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_the_roles_set_up_are_the_ones_every_place_asks_for(
    cooperative: Services, tmp_path: Path, keys: tuple[Keys, Path, Path]
) -> None:
    services = cooperative
    officers, witness_key, acknowledger_key = keys
    meeting_id, pdf = _closed(services, tmp_path)
    meeting = services.meetings.get(meeting_id)
    assert required_signers(meeting) == ("ketua", "sekretaris", *CHOSEN)
    # The berita acara: a field and a block for exactly those roles, the second witness named
    # among the leaders but given neither.
    assert tuple(PdfReader(pdf).get_fields() or {}) == FIELDS
    text = _text(pdf)
    for title in TITLES:
        assert text.count(f"{title},") == 2  # the signature page and the annexed Daftar Hadir
    assert "Saksi Rapat 2," not in text and "Sari Dewi" in text
    # The Daftar Hadir on its own: the same blocks.
    daftar = tmp_path / "daftar-hadir.pdf"
    services.documents.attendance_list(meeting_id, daftar)
    alone = _text(daftar)
    assert all(f"{title}," in alone for title in TITLES) and "Saksi Rapat 2," not in alone
    assert "Joko Purnomo" in alone and "Pak Lurah" in alone
    # The signing page, without the file and with it.
    assert services.minutes_signing.status(meeting_id).missing == FIELDS
    assert services.minutes_signing.status(meeting_id, pdf).missing == FIELDS
    assert services.anchors.verify_file(pdf).missing == TITLES
    signing = (
        ("ketua", officers.chair),
        ("sekretaris", officers.secretary),
        ("saksi1", witness_key),
    )
    for done, (role, key) in enumerate(signing, start=1):
        result, _c = services.minutes_signing.sign_minutes(meeting_id, pdf, key, PASSPHRASE, role)
        assert result.missing == FIELDS[done:] and not result.completed
        assert services.minutes_signing.status(meeting_id, pdf).missing == FIELDS[done:]
        assert services.anchors.verify_file(pdf).missing == TITLES[done:]
        assert services.anchors.verify_file(pdf, with_database=False).missing == TITLES[done:]
    # The lock waits for the last role chosen, and only for it.
    assert services.meetings.get(meeting_id).state is MeetingState.CLOSED
    result, _c = services.minutes_signing.sign_minutes(
        meeting_id, pdf, acknowledger_key, PASSPHRASE, "mengetahui"
    )
    assert result.completed and result.missing == ()
    assert services.meetings.get(meeting_id).state is MeetingState.LOCKED
    verdict = services.anchors.verify_file(pdf)
    assert verdict.ok and verdict.missing == ()
    assert services.audit.verify(anchor_files=[pdf]).intact


def test_verify_with_the_database_asks_for_the_roles_set_up_not_the_files_fields(
    cooperative: Services, db_path: Path, tmp_path: Path, keys: tuple[Keys, Path, Path]
) -> None:
    """A berita acara made while the meeting required only its first witness carries no field
    for "Mengetahui", who was then added to the signers. Alone, the file looks complete once
    the others sign; with the database, ``verify`` asks for the roles set up, as the lock
    does: it does not lock, and both say who is missing."""
    services = cooperative
    officers, witness_key, _acknowledger_key = keys
    meeting_id, _pdf = _closed(services, tmp_path)
    early = tmp_path / "tanpa-mengetahui.pdf"
    with behind_the_app(db_path) as conn:
        conn.execute(sa.text("UPDATE meetings SET required_signers = 'saksi1'"))
    services.minutes.export(meeting_id, early)
    with behind_the_app(db_path) as conn:
        conn.execute(sa.text("UPDATE meetings SET required_signers = 'saksi1,mengetahui'"))
    assert tuple(PdfReader(early).get_fields() or {}) == FIELDS[:3]
    for role, key in (
        ("ketua", officers.chair),
        ("sekretaris", officers.secretary),
        ("saksi1", witness_key),
    ):
        result, _c = services.minutes_signing.sign_minutes(meeting_id, early, key, PASSPHRASE, role)
    assert result.missing == ("TTD_Mengetahui",) and not result.completed
    assert services.meetings.get(meeting_id).state is MeetingState.CLOSED
    assert services.minutes_signing.status(meeting_id, early).missing == ("TTD_Mengetahui",)
    assert services.anchors.verify_file(early, with_database=False).missing == ()
    verdict = services.anchors.verify_file(early)
    assert verdict.missing == ("Mengetahui",) and not verdict.ok
    assert "TIDAK SAH: belum ditandatangani: Mengetahui" in verdict.lines()
