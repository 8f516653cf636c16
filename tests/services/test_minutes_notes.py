"""MinutesNotesService: notes saved per item with an audit entry, refused before the opening
and after the lock; the meeting's events placed under the item that was on at their time, in
the service's view and in the berita acara's PDF text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from assembly.domain.errors import DomainError
from assembly.persistence import audit_log
from assembly.persistence.database import open_database
from assembly.services.bundle import Services
from assembly.services.context import ServiceContext
from tests.conftest import FIXED_NOW
from tests.meeting_fixtures import draft_meeting
from tests.services.signing_fixtures import PASSPHRASE, make_keys
from tests.services.voting_fixtures import Hall, opened_hall


@dataclass
class Clock:
    """A clock the test moves: minutes after 09.00 WIB."""

    minutes: int = 0

    def __call__(self) -> dt.datetime:
        return FIXED_NOW + dt.timedelta(minutes=self.minutes)


def timed_hall(db_path: Path, clock: Clock) -> Hall:
    """An opened meeting whose chair takes items 1 and 2 up with time passing: consensus on
    item 1 at 09.20, item 2 taken up at 09.30, member 0007 arrives at 09.35 and the chair asks
    for a quorum check at 09.40; the meeting closes at 10.00."""
    services = Services.create(ServiceContext(open_database(db_path), "sekretaris", clock))
    hall = opened_hall(services, db_path)
    clock.minutes = 10
    services.agenda.take_up(hall.meeting_id, hall.items[0])
    clock.minutes = 20
    services.decisions.record_consensus(hall.meeting_id, hall.items[0], "Laporan diterima")
    clock.minutes = 30
    services.agenda.take_up(hall.meeting_id, hall.items[1])
    clock.minutes = 35
    services.checkin.check_in(hall.meeting_id, "0007")
    clock.minutes = 40
    services.checkin.record_quorum_check(hall.meeting_id)
    clock.minutes = 60
    services.meetings.close(hall.meeting_id)
    return hall


@pytest.fixture
def hall(cooperative: Any, db_path: Path) -> Hall:
    return timed_hall(db_path, Clock())


def test_notes_are_saved_once_with_an_audit_entry(hall: Hall) -> None:
    services, item = hall.services, hall.items[1]
    changes = services.notes.save_notes(hall.meeting_id, item, "Pengurus menjelaskan SHU.\n")
    assert changes.areas
    assert (
        services.notes.save_notes(hall.meeting_id, item, "Pengurus menjelaskan SHU.").areas
        == frozenset()
    )
    again = hall.reopen()
    agenda = again.meetings.get(hall.meeting_id).agenda
    assert agenda[1].notes == "Pengurus menjelaskan SHU."
    with again.ctx.db.read() as conn:
        kinds = [e.kind for e in audit_log.events(conn)]
    assert kinds.count("minutes.notes_saved") == 1
    again.close()


def test_notes_before_the_opening_are_refused(cooperative: Any) -> None:
    meeting = draft_meeting(cooperative)
    assert meeting.id is not None
    item = meeting.agenda[0].id
    assert item is not None
    with pytest.raises(DomainError, match="setelah rapat dibuka"):
        cooperative.notes.save_notes(meeting.id, item, "terlalu awal")
    assert cooperative.meetings.get(meeting.id).agenda[0].notes == ""


def test_an_item_of_another_meeting_is_refused(hall: Hall) -> None:
    with pytest.raises(DomainError, match="tidak ada pada rapat"):
        hall.services.notes.save_notes(hall.meeting_id, 9999, "salah acara")


def test_a_locked_meeting_refuses_notes(hall: Hall, tmp_path: Path) -> None:
    services, meeting_id = hall.services, hall.meeting_id
    keys = make_keys(tmp_path / "keys")
    pdf = tmp_path / "ba.pdf"
    services.minutes.export(meeting_id, pdf)
    services.minutes_signing.sign_minutes(meeting_id, pdf, keys.chair, PASSPHRASE, "ketua")
    services.minutes_signing.sign_minutes(meeting_id, pdf, keys.secretary, PASSPHRASE, "sekretaris")
    with pytest.raises(DomainError, match="sudah ditandatangani"):
        services.notes.save_notes(meeting_id, hall.items[0], "sesudah tanda tangan")
    assert services.meetings.get(meeting_id).agenda[0].notes == ""


def test_events_sit_under_the_item_that_was_on(hall: Hall) -> None:
    events = hall.services.notes.events(hall.meeting_id)
    first = events.of_item(hall.items[0])
    assert [line.time for line in first] == ["pukul 09.20 WIB"]
    assert first[0].text.startswith("Keputusan (musyawarah untuk mufakat, pukul 09.20 WIB)")
    second = events.of_item(hall.items[1])
    assert second[0].time == "pukul 09.40 WIB"
    assert second[0].text.startswith(
        "Pemeriksaan kuorum atas permintaan pimpinan rapat pukul 09.40"
    )
    assert second[-1].text == "Selama pembahasan acara ini hadir 1 (satu) anggota lagi."
    assert any(line.text.startswith("Pemeriksaan kuorum pada pembukaan") for line in events.opening)
    assert events.of_item(hall.items[2]) == ()


def test_the_pdf_prints_each_event_under_its_item(hall: Hall, tmp_path: Path) -> None:
    pdf = tmp_path / "ba.pdf"
    hall.services.minutes.export(hall.meeting_id, pdf)
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    text = re.sub(r"\s+", " ", text)
    first = text.index("Pengesahan laporan pertanggungjawaban pengurus")
    second = text.index("Pembagian SHU", first)
    third = text.index("Rencana kerja 2026", second)
    check = text.index("Pemeriksaan kuorum atas permintaan pimpinan rapat pukul 09.40 WIB")
    arrival = text.index("Selama pembahasan acara ini hadir 1 (satu) anggota lagi.")
    assert second < check < third and second < arrival < third
    assert first < text.index("Dibahas pukul 09.10 WIB sampai dengan pukul 09.30 WIB.") < second
    assert first < text.index("Keputusan (musyawarah untuk mufakat, pukul 09.20 WIB)") < second
