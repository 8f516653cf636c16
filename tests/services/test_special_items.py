"""Special items (law.md rule 15): a vote on an AD amendment, merger, division or dissolution
applies the AD's special quorum at the snapshot and its special majority, and the result states
both with their AD articles; a consensus on such an item records the special quorum at that
moment; a meeting with such an item cannot be closed while the values are unset. With 9 members
(the smallest primary cooperative) and with 1,250."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from assembly.domain.ad_profile import ADProfile, ItemKind, MajorityRule
from assembly.domain.ballots import BallotMode, Choice, Outcome
from assembly.domain.errors import DomainError
from assembly.domain.meeting import AgendaItem, MeetingState
from assembly.domain.members import Member
from assembly.domain.quorum import Comparison, QuorumRule, Threshold
from assembly.services.bundle import Services
from tests.behind_the_back import rows
from tests.meeting_fixtures import draft_meeting, use_profile

AT_LEAST_TWO_THIRDS = Threshold(2, 3, Comparison.AT_LEAST)
MORE_THAN_TWO_THIRDS = Threshold(2, 3, Comparison.MORE_THAN)


def _profile(quorum: Threshold = AT_LEAST_TWO_THIRDS) -> ADProfile:
    kinds = sorted(k for k in ItemKind if k.is_special)
    return replace(
        ADProfile(),
        special_quorum=dict.fromkeys(kinds, QuorumRule(quorum)),
        special_majority=dict.fromkeys(kinds, MajorityRule(AT_LEAST_TWO_THIRDS)),
        articles={"special_quorum": "Pasal 34 ayat (1)", "special_majority": "Pasal 34 ayat (2)"},
    )


def _register(services: Services, n: int) -> None:
    for i in range(1, n + 1):
        services.register.save(Member(f"{i:05d}", f"Anggota {i}", joined_on=dt.date(2001, 1, 1)))


def _meeting(
    services: Services, present: int, kind: ItemKind = ItemKind.AD_AMENDMENT
) -> tuple[int, int]:
    """An opened meeting with one special item and the first ``present`` members in."""
    meeting = draft_meeting(
        services, agenda=(AgendaItem("Pembahasan", ItemKind.ORDINARY), AgendaItem("Khusus", kind))
    )
    assert meeting.id is not None
    services.meetings.open_check_in(meeting.id)
    for i in range(1, present + 1):
        services.checkin.check_in(meeting.id, f"{i:05d}")
    services.checkin.record_quorum_check(meeting.id)
    services.checkin.open_meeting(meeting.id)
    item = services.meetings.get(meeting.id).agenda[1].id
    assert item is not None
    return meeting.id, item


def test_nine_members_the_special_quorum_is_applied_at_the_snapshot(
    cooperative: Services, db_path: Path
) -> None:
    s = cooperative
    _register(s, 9)
    use_profile(s, _profile())
    meeting_id, item = _meeting(s, 5)  # the ordinary quorum (more than 1/2 of 9) is 5
    s.decisions.record_no_consensus(meeting_id, item, "pendapat terbagi")
    with pytest.raises(DomainError) as refused:
        s.ballots.open_motion(meeting_id, item, BallotMode.NAMED, "Perubahan AD Pasal 5")
    assert refused.value.message.startswith(
        "Kuorum khusus untuk acara Perubahan Anggaran Dasar tidak tercapai: 5 hadir, "
        "minimal 6 dari 9 (sekurang-kurangnya 2/3 jumlah anggota yang memiliki hak suara "
        "(AD Pasal 34 ayat (1)))"
    )
    assert s.ballots.ballots(meeting_id) == []
    s.checkin.check_in(meeting_id, "00006")
    ballot, _ = s.ballots.open_motion(meeting_id, item, BallotMode.NAMED, "Perubahan AD Pasal 5")
    assert (ballot.present, ballot.minimum, ballot.reached) == (6, 6, True)
    assert "AD Pasal 34 ayat (1)" in ballot.rule_text
    for number, choice in (
        ("00001", Choice.YES),
        ("00002", Choice.YES),
        ("00003", Choice.YES),
        ("00004", Choice.YES),
        ("00005", Choice.NO),
        ("00006", Choice.NO),
    ):
        s.ballots.cast(ballot.id, number, choice)  # fmt: skip
    result, _ = s.ballots.close(ballot.id)
    assert result.outcome is Outcome.ADOPTED  # 4 of 6 valid: at least 2/3
    assert result.statement == (
        "disetujui: 4 dari 6 suara sah, sekurang-kurangnya 2/3 (keputusan khusus, AD Pasal 34 "
        "ayat (2)); kuorum khusus: 6 hadir, minimal 6 (sekurang-kurangnya 2/3 jumlah anggota "
        "yang memiliki hak suara (AD Pasal 34 ayat (1)))"
    )
    assert result.rule == "sekurang-kurangnya 2/3 suara sah (AD Pasal 34 ayat (2))"
    # The snapshot and the check before the vote are on file as the minutes will cite them.
    stored = rows(db_path, "SELECT present, minimum FROM ballots")
    notes = [r[0] for r in rows(db_path, "SELECT note FROM quorum_checks")]
    assert stored == [(6, 6)]
    assert "kuorum khusus sebelum pemungutan suara: Perubahan AD Pasal 5" in notes


def test_nine_members_the_special_majority_rejects_what_a_simple_one_would_adopt(
    cooperative: Services,
) -> None:
    s = cooperative
    _register(s, 9)
    use_profile(s, _profile())
    meeting_id, item = _meeting(s, 9, ItemKind.DISSOLUTION)
    s.decisions.record_no_consensus(meeting_id, item)
    ballot, _ = s.ballots.open_motion(meeting_id, item, BallotMode.NAMED, "Pembubaran koperasi")
    for i in range(1, 10):
        s.ballots.cast(ballot.id, f"{i:05d}", Choice.YES if i <= 5 else Choice.NO)
    result, _ = s.ballots.close(ballot.id)
    # 5 of 9 is more than half, but not 2/3 (6).
    assert result.outcome is Outcome.REJECTED
    assert result.statement.startswith("tidak disetujui: 5 dari 9 suara sah, sekurang-kurangnya")


def test_a_consensus_on_a_special_item_records_the_special_quorum(
    cooperative: Services, db_path: Path
) -> None:
    s = cooperative
    _register(s, 9)
    use_profile(s, _profile())
    meeting_id, item = _meeting(s, 5, ItemKind.MERGER)
    head = s.audit.head_hash()
    with pytest.raises(DomainError, match="Kuorum khusus untuk acara Penggabungan tidak tercapai"):
        s.decisions.record_consensus(meeting_id, item, "Bergabung dengan KSP Maju")
    assert s.decisions.decisions(meeting_id) == [] and s.audit.head_hash() == head
    s.checkin.check_in(meeting_id, "00006")
    row, _ = s.decisions.record_consensus(meeting_id, item, "Bergabung dengan KSP Maju")
    assert row.result == (
        "disepakati secara musyawarah untuk mufakat; kuorum khusus: 6 hadir, minimal 6 "
        "(sekurang-kurangnya 2/3 jumlah anggota yang memiliki hak suara (AD Pasal 34 ayat (1)))"
    )
    check = rows(db_path, "SELECT present, minimum, note FROM quorum_checks ORDER BY id DESC")[0]
    assert check == (6, 6, "kuorum khusus sebelum mufakat: Khusus")


def test_a_meeting_with_an_unset_special_item_cannot_be_closed(cooperative: Services) -> None:
    s = cooperative
    _register(s, 9)
    use_profile(s, ADProfile())  # special values "belum diatur"
    meeting_id, item = _meeting(s, 9, ItemKind.DIVISION)
    with pytest.raises(DomainError, match="belum menetapkan kuorum khusus untuk acara jenis"):
        s.decisions.record_consensus(meeting_id, item, "Koperasi dibagi dua")
    with pytest.raises(DomainError, match="tidak ada keputusan yang dapat diambil"):
        s.decisions.record_no_consensus(meeting_id, item)
    with pytest.raises(DomainError, match="musyawarah untuk mufakat tidak tercapai"):
        s.ballots.open_motion(meeting_id, item, BallotMode.NAMED, "Pembagian")
    assert s.decisions.decisions(meeting_id) == []
    head = s.audit.head_hash()
    with pytest.raises(DomainError) as refused:
        s.meetings.close(meeting_id)
    assert refused.value.message.startswith(
        "Rapat tidak dapat ditutup: kuorum dan keputusan khusus untuk acara Pembagian belum "
        "diatur di profil AD yang berlaku untuk rapat ini"
    )
    assert s.meetings.get(meeting_id).state is MeetingState.OPENED
    assert s.audit.head_hash() == head
    # Taken off the agenda (for the next meeting), the meeting closes.
    s.meetings.remove_item(meeting_id, item)
    closed, _ = s.meetings.close(meeting_id)
    assert closed.state is MeetingState.CLOSED


def test_1250_members_the_special_quorum_needs_834(cooperative: Services) -> None:
    s = cooperative
    _register(s, 1250)
    use_profile(s, _profile(MORE_THAN_TWO_THIRDS))
    meeting_id, item = _meeting(s, 833)  # ordinary quorum: 626
    s.decisions.record_no_consensus(meeting_id, item)
    with pytest.raises(DomainError, match=r"833 hadir, minimal 834 dari 1\.250"):
        s.ballots.open_motion(meeting_id, item, BallotMode.COUNTED, "Perubahan AD")
    with pytest.raises(DomainError, match=r"833 hadir, minimal 834 dari 1\.250"):
        s.decisions.record_consensus(meeting_id, item, "Perubahan AD disepakati")
    s.checkin.check_in(meeting_id, "00834")
    ballot, _ = s.ballots.open_motion(meeting_id, item, BallotMode.COUNTED, "Perubahan AD")
    assert (ballot.present, ballot.minimum, ballot.eligible) == (834, 834, 834)
    from assembly.domain.ballots import CountedTotals

    s.ballots.enter_counted(ballot.id, CountedTotals(yes=556, no=278, tellers=("Saksi A",)))
    result, _ = s.ballots.close(ballot.id)
    assert result.outcome is Outcome.ADOPTED  # 556 of 834 valid = exactly 2/3
    assert "556 dari 834 suara sah" in result.statement
    assert "kuorum khusus: 834 hadir, minimal 834 (lebih dari 2/3" in result.statement
    s.ballots.revote(ballot.id, "Penghitungan ulang")
    (_, second) = s.ballots.ballots(meeting_id)
    s.ballots.enter_counted(second.id, CountedTotals(yes=555, no=279, tellers=("Saksi A",)))
    result, _ = s.ballots.close(second.id)
    assert result.outcome is Outcome.REJECTED  # one short of 2/3


def test_a_special_quorum_on_another_base_than_the_meetings_is_refused() -> None:
    from assembly.domain.ad_profile import validate_profile
    from assembly.domain.quorum import QuorumBase

    kinds = sorted(k for k in ItemKind if k.is_special)
    other = QuorumRule(AT_LEAST_TWO_THIRDS, QuorumBase.ALL_MEMBERS)
    problems = validate_profile(replace(ADProfile(), special_quorum=dict.fromkeys(kinds, other)))
    assert len(problems) == len(kinds)
    assert problems[0].message == "Kuorum khusus dihitung dari dasar yang sama dengan kuorum rapat"
