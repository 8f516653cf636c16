"""MinutesService: the berita acara's content agrees with the demo's records, and a missing
or draft meeting is refused without writing anything."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from num2words import num2words

from assembly.domain.errors import DomainError
from assembly.domain.meeting import OfficerRole
from assembly.services.bundle import Services
from tests.meeting_fixtures import open_meeting, register_members


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The demo cooperative of 300 members; its closed sample RAT is meeting 1."""
    services = Services.open(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    services.demo.create(members=300)
    yield services
    services.close()


def words(n: int) -> str:
    return str(num2words(n, lang="id"))


def test_the_content_agrees_with_the_records(demo: Services) -> None:
    meeting = demo.meetings.get(1)
    content = demo.minutes.content(1)
    assert content.opening.startswith(
        "Pada hari ini, Sabtu, tanggal 14 (empat belas) Maret 2026 (dua ribu dua puluh enam), "
        "pukul 09.15 WIB (dalam undangan pukul 09.00 WIB), bertempat di "
    )
    assert meeting.venue in content.opening and meeting.platform in content.opening
    first = content.sections[0].clauses
    assert meeting.registered is not None
    assert f"{meeting.registered} ({words(meeting.registered)}) orang" in first[0].text
    attended = [e for e in demo.checkin.attendance_entries(1) if e.counted]
    assert f"rapat: {len(attended)} ({words(len(attended))}) orang" in first[1].text
    check = demo.checkin.quorum_checks(1)[0]
    quorum = next(c.text for c in first if c.text.startswith("Pemeriksaan kuorum"))
    assert f"hadir {check.present} ({words(check.present)}) orang" in quorum
    assert f"minimal {check.minimum} ({words(check.minimum)}) orang" in quorum
    assert f"Sesuai {check.article} Anggaran Dasar" in quorum
    titles = [c.text for c in content.sections[2].clauses]
    # The election item is headed by what it elected: the demo elects only the Pengawas.
    expected = [item.title for item in meeting.agenda]
    expected[expected.index("Pemilihan Pengurus dan Pengawas")] = "Pemilihan Pengawas"
    assert titles == expected
    chair = meeting.officer(OfficerRole.CHAIR)
    assert chair is not None and content.signers[0].name == chair.name
    assert content.audit_hash == demo.audit.head_hash()


def test_the_recorded_decisions_appear_under_their_items(demo: Services) -> None:
    content = demo.minutes.content(1)
    agenda = sorted(demo.meetings.get(1).agenda, key=lambda i: i.position)
    points = {
        item.id: " ".join(c.points)
        for item, c in zip(agenda, content.sections[2].clauses, strict=True)
    }
    for decision in demo.decisions.decisions(1):
        said = points[decision.item_id]
        if decision.text and not decision.text.startswith("Pemilihan"):
            assert decision.text in said
        if decision.ballot_id is not None and "disetujui" in decision.result:
            assert "Perolehan suara: setuju" in said


def test_a_missing_or_draft_meeting_is_refused(demo: Services, tmp_path: Path) -> None:
    target = tmp_path / "ba.pdf"
    with pytest.raises(DomainError, match="Rapat nomor 99 tidak ditemukan"):
        demo.minutes.export(99, target)
    draft = next(m.id for m in demo.meetings.list() if m.state.value == "draft")
    with pytest.raises(DomainError, match="masih draf"):
        demo.minutes.export(draft, target)
    with pytest.raises(DomainError, match="Ukuran kertas B5"):
        demo.minutes.export(1, target, paper="B5")
    assert list(tmp_path.iterdir()) == []


def test_a_meeting_without_decisions_says_so(cooperative: Services) -> None:
    register_members(cooperative)
    meeting_id = open_meeting(cooperative)
    content = cooperative.minutes.content(meeting_id)
    for clause in content.sections[2].clauses:
        assert clause.points == ("Tidak ada keputusan yang dicatat.",)
    assert content.closing_time == "Rapat belum ditutup."


def test_export_writes_atomically_and_replaces(demo: Services, tmp_path: Path) -> None:
    target = tmp_path / "ba.pdf"
    target.write_bytes(b"versi lama")
    pages = demo.minutes.export(1, target, paper="F4")
    assert pages >= 2
    assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ba.pdf"]


def test_the_acknowledger_signs_under_mengetahui(demo: Services, tmp_path: Path) -> None:
    from pypdf import PdfReader

    meeting = demo.meetings.get(1)
    acknowledger = meeting.officer(OfficerRole.ACKNOWLEDGER)
    assert acknowledger is not None
    content = demo.minutes.content(1)
    assert content.acknowledger is not None
    assert content.acknowledger.name == acknowledger.name
    pdf = tmp_path / "ba.pdf"
    demo.minutes.export(1, pdf)
    reader = PdfReader(pdf)
    assert "TTD_Mengetahui" in (reader.get_fields() or {})
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Mengetahui," in text and acknowledger.name in text
