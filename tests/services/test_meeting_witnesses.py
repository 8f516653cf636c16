"""The berita acara names the meeting's witnesses (saksi rapat, who sign it) as witnesses of
the meeting, not as tellers of a vote (DESIGN.md section 3: tellers are named under their
vote and do not sign). Read back from the real PDF."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from assembly.domain.meeting import Officer, OfficerRole
from assembly.services.bundle import Services
from tests.meeting_fixtures import draft_meeting, register_members


def test_the_meeting_witnesses_are_named_as_such(cooperative: Services, tmp_path: Path) -> None:
    register_members(cooperative)
    meeting = draft_meeting(cooperative, signers=())
    witnessed = replace(
        meeting,
        officers=(*meeting.officers, Officer(OfficerRole.WITNESS, "Joko Purnomo")),
        signers=("saksi1",),
    )
    saved, _c = cooperative.meetings.edit(witnessed)
    assert saved.id is not None
    cooperative.meetings.open_check_in(saved.id)
    for number in ("0001", "0002", "0003", "0004", "0005"):
        cooperative.checkin.check_in(saved.id, number)
    cooperative.checkin.record_quorum_check(saved.id)
    cooperative.checkin.open_meeting(saved.id)
    cooperative.meetings.close(saved.id)
    pdf = tmp_path / "berita-acara.pdf"
    cooperative.minutes.export(saved.id, pdf)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    assert "Saksi Rapat: Joko Purnomo" in text
    assert "Saksi penghitungan suara" not in text
