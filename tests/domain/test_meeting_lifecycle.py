"""The meeting lifecycle (DESIGN.md section 3): every legal move works, every illegal move is
refused with a reason, and a meeting never opens without quorum (law.md rule 14)."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

import pytest

from assembly.domain.errors import DomainError
from assembly.domain.meeting import (
    Meeting,
    MeetingMode,
    MeetingState,
    MeetingType,
    Move,
    Officer,
    OfficerRole,
    allowed_moves,
    roman_month,
    suggest_document_number,
    transition,
)
from assembly.domain.meeting_rules import LOCKED_AFTER_DRAFT, check_edit, validate_meeting
from assembly.i18n import translator

LEGAL = {
    (MeetingState.DRAFT, Move.OPEN_CHECK_IN): MeetingState.CHECK_IN,
    (MeetingState.CHECK_IN, Move.OPEN): MeetingState.OPENED,
    (MeetingState.SUSPENDED, Move.OPEN): MeetingState.OPENED,
    (MeetingState.CHECK_IN, Move.SUSPEND): MeetingState.SUSPENDED,
    (MeetingState.SUSPENDED, Move.SUSPEND): MeetingState.SUSPENDED,
    (MeetingState.CHECK_IN, Move.POSTPONE): MeetingState.POSTPONED,
    (MeetingState.SUSPENDED, Move.POSTPONE): MeetingState.POSTPONED,
    (MeetingState.OPENED, Move.CLOSE): MeetingState.CLOSED,
}

RAT = Meeting(
    kind=MeetingType.RAT,
    date=dt.date(2026, 3, 14),
    start=dt.time(9, 0),
    cutoff_date=dt.date(2026, 2, 28),
    profile_version=1,
    financial_year=2025,
    venue="Aula",
)


@pytest.mark.parametrize(("state", "move"), sorted(LEGAL))
def test_every_legal_move_lands_where_the_design_says(state: MeetingState, move: Move) -> None:
    assert transition(state, move, quorate=True) is LEGAL[(state, move)]
    assert move in allowed_moves(state)


@pytest.mark.parametrize(
    ("state", "move"),
    [pair for pair in itertools.product(MeetingState, Move) if pair not in LEGAL],
)
def test_every_illegal_move_is_refused_with_a_reason(state: MeetingState, move: Move) -> None:
    with pytest.raises(DomainError) as refused:
        transition(state, move, quorate=True)
    assert refused.value.message.strip()
    assert move not in allowed_moves(state)


@pytest.mark.parametrize("state", [MeetingState.CHECK_IN, MeetingState.SUSPENDED])
def test_a_meeting_never_opens_without_quorum(state: MeetingState) -> None:
    with pytest.raises(DomainError, match="tanpa kuorum"):
        transition(state, Move.OPEN, quorate=False)


def test_refusals_name_the_state() -> None:
    with pytest.raises(DomainError, match="sudah ditutup"):
        transition(MeetingState.CLOSED, Move.OPEN_CHECK_IN)
    with pytest.raises(DomainError, match="ditunda karena kuorum"):
        transition(MeetingState.POSTPONED, Move.OPEN, quorate=True)
    with pytest.raises(DomainError, match="masih draf"):
        transition(MeetingState.DRAFT, Move.CLOSE)
    with pytest.raises(DomainError, match="sudah dibuka"):
        transition(MeetingState.OPENED, Move.OPEN_CHECK_IN)


@pytest.mark.parametrize("name", LOCKED_AFTER_DRAFT)
def test_who_counts_and_when_are_fixed_once_check_in_opens(name: str) -> None:
    changed = {
        "kind": MeetingType.EXTRAORDINARY,
        "financial_year": 2024,
        "date": dt.date(2026, 3, 21),
        "start": dt.time(10, 0),
        "time_zone": "WITA",
        "mode": MeetingMode.HYBRID,
        "cutoff_date": dt.date(2026, 3, 1),
        "invitation_date": dt.date(2026, 2, 20),
        "profile_version": 2,
    }[name]
    check_edit(RAT, replace(RAT, **{name: changed}))  # a draft may change anything
    opened = replace(RAT, state=MeetingState.CHECK_IN)
    with pytest.raises(DomainError, match="tidak dapat diubah lagi"):
        check_edit(opened, replace(opened, **{name: changed}))


def test_venue_and_leaders_stay_editable_until_the_meeting_is_over() -> None:
    opened = replace(RAT, state=MeetingState.OPENED)
    check_edit(opened, replace(opened, venue="Aula Baru", document_number="002/BA-RAT/X/III/2026"))
    for state in (MeetingState.CLOSED, MeetingState.POSTPONED):
        over = replace(RAT, state=state)
        with pytest.raises(DomainError, match="hanya dapat dibaca"):
            check_edit(over, replace(over, venue="Aula Baru"))


def test_validation_names_each_field() -> None:
    bad = replace(
        RAT,
        financial_year=None,
        cutoff_date=dt.date(2026, 3, 15),
        mode=MeetingMode.HYBRID,
        venue="",
        officers=(Officer(OfficerRole.CHAIR, "A"), Officer(OfficerRole.CHAIR, "B")),
    )
    columns = {p.column for p in validate_meeting(bad)}
    assert columns == {
        "Tahun buku",
        "Tanggal batas daftar anggota",
        "Tempat",
        "Platform daring",
        "Pimpinan rapat",
    }
    assert validate_meeting(RAT) == []


def test_document_number_uses_the_roman_month() -> None:
    day = dt.date(2026, 3, 14)
    assert (
        suggest_document_number(1, MeetingType.RAT, "KSP-SB", day) == "001/BA-RAT/KSP-SB/III/2026"
    )
    assert suggest_document_number(12, MeetingType.EXTRAORDINARY, "", dt.date(2026, 12, 1)) == (
        "012/BA-RALB/KOP/XII/2026"
    )
    assert [roman_month(m) for m in (1, 4, 9, 11)] == ["I", "IV", "IX", "XI"]


def test_title_and_time_zone() -> None:
    indonesian, english = translator("id"), translator("en")
    assert RAT.title_in(indonesian) == "Rapat Anggota Tahunan Tahun Buku 2025"
    assert RAT.title_in(english) == english.tr(
        "{meeting} Tahun Buku {year}", meeting="Annual Members' Meeting", year=2025
    )
    special = replace(RAT, kind=MeetingType.SPECIAL, financial_year=None, subject="Perubahan AD")
    assert special.title_in(indonesian) == "Rapat Anggota Khusus — Perubahan AD"
    assert RAT.starts_at.isoformat() == "2026-03-14T09:00:00+07:00"
