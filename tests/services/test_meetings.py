"""Preparing meetings: a new RAT from the template, create, edit within what the state
allows, agenda and leaders, warnings, the list, and every change in the audit log."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from assembly.domain.ad_profile import ItemKind
from assembly.domain.errors import DomainError, ValidationError
from assembly.domain.meeting import MeetingMode, MeetingState, MeetingType, Officer, OfficerRole
from assembly.persistence import audit_log
from tests.meeting_fixtures import MEETING_DAY, draft_meeting, register_members


def test_a_new_rat_comes_with_the_template_and_suggestions(cooperative: object) -> None:
    s = cooperative  # type: ignore[assignment]
    meeting = s.meetings.new_meeting()
    # 14 March 2026 + 14 days' notice: the first Saturday from 28 March.
    assert meeting.date == dt.date(2026, 3, 28) and meeting.date.weekday() == 5
    assert meeting.financial_year == 2025 and meeting.start == dt.time(9, 0)
    assert meeting.cutoff_date == dt.date(2026, 3, 14)
    assert meeting.document_number == "001/BA-RAT/KSP-SB/III/2026"
    assert meeting.agenda[1].title == "Laporan pertanggungjawaban Pengurus tahun buku 2025"
    assert meeting.id is None and s.meetings.list() == []


def test_create_refuses_problems_and_records_a_valid_draft(cooperative: object) -> None:
    s = cooperative  # type: ignore[assignment]
    head = s.audit.head_hash()
    bad = replace(s.meetings.new_meeting(), mode=MeetingMode.HYBRID)
    with pytest.raises(ValidationError) as refused:
        s.meetings.create(bad)
    assert {p.column for p in refused.value.problems} == {"Tempat", "Platform daring"}
    assert s.audit.head_hash() == head and s.meetings.list() == []
    saved, changes = s.meetings.create(replace(bad, venue="  Aula   Koperasi ", platform="Zoom"))
    assert saved.venue == "Aula Koperasi" and saved.state is MeetingState.DRAFT
    assert "meetings" in {a.value for a in changes.areas} and saved.id in changes.ids
    (summary,) = s.meetings.list()
    assert (summary.id, summary.state, summary.present) == (saved.id, MeetingState.DRAFT, 0)
    assert s.meetings.get(saved.id) == saved
    assert s.audit.verify().intact


def test_check_lists_warnings_beside_problems(cooperative: object) -> None:
    s = cooperative  # type: ignore[assignment]
    late = replace(s.meetings.new_meeting(day=dt.date(2026, 7, 4)), venue="Aula")
    messages = [(p.warning, p.message) for p in s.meetings.check(late)]
    assert (True, "Ketua Rapat belum ditetapkan") in messages
    # A primary cooperative holds its RAT by the end of March (ministry, February 2026).
    assert any(w and "lebih dari 3 bulan" in m and "31/03/2026" in m for w, m in messages)


def test_edits_are_limited_once_check_in_opens_and_closed_meetings_are_read_only(
    cooperative: object,
) -> None:
    s = cooperative  # type: ignore[assignment]
    register_members(s)
    meeting = draft_meeting(s)
    edited, _ = s.meetings.edit(replace(meeting, date=dt.date(2026, 3, 21), venue="Aula Baru"))
    assert edited.date == dt.date(2026, 3, 21)
    opened, _ = s.meetings.open_check_in(meeting.id)
    assert (opened.state, opened.registered, opened.entitled) == (MeetingState.CHECK_IN, 10, 8)
    with pytest.raises(DomainError, match="Tanggal batas daftar anggota tidak dapat diubah"):
        s.meetings.edit(replace(opened, cutoff_date=dt.date(2026, 3, 2)))
    renamed, _ = s.meetings.edit(replace(opened, venue="Gedung Serbaguna"))
    assert renamed.venue == "Gedung Serbaguna" and renamed.state is MeetingState.CHECK_IN
    with pytest.raises(DomainError, match="Hanya rapat yang sudah dibuka"):
        s.meetings.close(meeting.id)
    with pytest.raises(DomainError, match="Hanya rapat berstatus draf"):
        s.meetings.delete_draft(meeting.id)


def test_agenda_items_are_added_edited_moved_and_removed(cooperative: object) -> None:
    s = cooperative  # type: ignore[assignment]
    meeting = draft_meeting(s)
    count = len(meeting.agenda)
    item, _ = s.meetings.add_item(meeting.id, "Perubahan Anggaran Dasar", ItemKind.AD_AMENDMENT, 2)
    agenda = s.meetings.get(meeting.id).agenda
    assert agenda[1] == item and len(agenda) == count + 1
    assert [i.position for i in agenda] == list(range(1, count + 2))
    assert any("Perubahan Anggaran Dasar" in w.message for w in s.meetings.warnings(meeting.id))
    s.meetings.edit_item(meeting.id, replace(item, title="Perubahan AD Pasal 5"))
    s.meetings.move_item(meeting.id, item.id, count + 1)
    agenda = s.meetings.get(meeting.id).agenda
    assert agenda[-1].title == "Perubahan AD Pasal 5" and agenda[-1].position == count + 1
    s.meetings.remove_item(meeting.id, agenda[0].id)
    agenda = s.meetings.get(meeting.id).agenda
    assert [i.position for i in agenda] == list(range(1, count + 1))
    with pytest.raises(DomainError, match="tepat sekali"):
        s.meetings.reorder(meeting.id, [agenda[0].id])
    with pytest.raises(ValidationError, match="Judul acara wajib diisi"):
        s.meetings.add_item(meeting.id, "   ")
    with s.ctx.db.read() as conn:
        kinds = [e.kind for e in audit_log.events(conn)]
    assert kinds[-4:] == [
        "agenda.item_added",
        "agenda.item_edited",
        "agenda.reordered",
        "agenda.item_removed",
    ]
    assert s.audit.verify().intact


def test_leaders_are_set_and_checked(cooperative: object) -> None:
    s = cooperative  # type: ignore[assignment]
    meeting = draft_meeting(s)
    leaders = (
        Officer(OfficerRole.CHAIR, "Ketua Baru"),
        Officer(OfficerRole.SECRETARY, "Sekretaris Baru"),
        Officer(OfficerRole.WITNESS, "Saksi Satu"),
    )
    s.meetings.set_officers(meeting.id, leaders)
    assert s.meetings.get(meeting.id).officers == leaders
    with pytest.raises(ValidationError, match="Hanya satu Ketua Rapat"):
        s.meetings.set_officers(meeting.id, (*leaders, Officer(OfficerRole.CHAIR, "Lagi")))


def test_a_draft_can_be_deleted_and_the_next_number_follows(cooperative: object) -> None:
    s = cooperative  # type: ignore[assignment]
    first = draft_meeting(s)
    second = s.meetings.new_meeting(MeetingType.EXTRAORDINARY, MEETING_DAY)
    assert second.document_number == "002/BA-RALB/KSP-SB/III/2026"
    s.meetings.delete_draft(first.id)
    assert s.meetings.list() == []
    with pytest.raises(DomainError, match="tidak ditemukan"):
        s.meetings.get(first.id)


def test_an_edit_with_a_bad_agenda_item_changes_nothing(cooperative: object) -> None:
    """The fields and the agenda are saved together or not at all."""
    from assembly.domain.meeting import AgendaItem

    s = cooperative  # type: ignore[assignment]
    meeting = s.meetings.create(replace(s.meetings.new_meeting(), venue="Aula Koperasi"))[0]
    head = s.audit.head_hash()
    edited = replace(
        meeting, venue="Balai Desa Sukamaju", agenda=(*meeting.agenda[1:], AgendaItem("   "))
    )
    with pytest.raises(ValidationError):
        s.meetings.edit(edited)
    assert s.meetings.get(meeting.id) == meeting and s.audit.head_hash() == head
    good = replace(edited, agenda=(*meeting.agenda[1:], AgendaItem("Ramah tamah")))
    saved, _ = s.meetings.edit(good)
    assert [i.title for i in saved.agenda] == [i.title for i in good.agenda]
    assert saved.venue == "Balai Desa Sukamaju" and s.audit.verify().intact
