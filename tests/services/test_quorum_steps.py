"""Recorded quorum checks and the failed-quorum procedure (law.md rule 14) on a real database:
opening with quorum, suspension with its countdown, re-check, second call, postponement, and
closing; each step a row of ``quorum_checks`` and an audit event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from assembly.domain.ad_profile import ADProfile
from assembly.domain.errors import DomainError
from assembly.domain.meeting import MeetingState
from assembly.domain.quorum import Comparison, QuorumRule, Threshold
from assembly.domain.quorum_check import CheckStep, Stage
from assembly.persistence import audit_log
from assembly.persistence.database import open_database
from assembly.services.bundle import Services
from assembly.services.context import ServiceContext
from tests.conftest import FIXED_NOW
from tests.meeting_fixtures import open_meeting, register_members, use_profile


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = FIXED_NOW

    def __call__(self) -> dt.datetime:
        return self.now

    def wait(self, minutes: int) -> None:
        self.now += dt.timedelta(minutes=minutes)


@pytest.fixture
def chair(db_path: Path) -> Iterator[tuple[Services, Clock]]:
    clock = Clock()
    services = Services.create(ServiceContext(open_database(db_path), "ketua", clock))
    from assembly.domain.cooperative import Cooperative

    services.cooperative.save_cooperative(Cooperative("Koperasi Uji", code="KU"))
    register_members(services)
    yield services, clock
    services.close()


def _arrive(services: Services, meeting_id: int, *numbers: str) -> None:
    for number in numbers:
        services.checkin.check_in(meeting_id, number)


def test_a_quorate_meeting_opens_and_closes(chair) -> None:  # type: ignore[no-untyped-def]
    s, _clock = chair
    meeting_id = open_meeting(s)
    with pytest.raises(DomainError, match="tanpa kuorum"):
        s.checkin.open_meeting(meeting_id)
    _arrive(s, meeting_id, "0001", "0002", "0003", "0004", "0005", "0009")
    check, proc, _ = s.checkin.record_quorum_check(meeting_id)
    assert (check.step, check.present, check.minimum, check.base, check.reached) == (
        CheckStep.OPENING,
        5,
        5,
        8,
        True,
    )
    assert check.rule_text == "lebih dari 1/2 jumlah anggota yang memiliki hak suara"
    assert proc.may_open
    opened, _ = s.checkin.open_meeting(meeting_id)
    assert opened.state is MeetingState.OPENED and opened.opened_at == FIXED_NOW
    later, _proc, _ = s.checkin.record_quorum_check(meeting_id, "sebelum pemungutan suara")
    assert later.step is CheckStep.ON_REQUEST and later.note == "sebelum pemungutan suara"
    closed, _ = s.meetings.close(meeting_id)
    assert closed.read_only
    with pytest.raises(DomainError, match="sebelum rapat selesai"):
        s.checkin.check_in(meeting_id, "0006")
    with s.ctx.db.read() as conn:
        kinds = [e.kind for e in audit_log.events(conn)]
    assert kinds[-4:] == ["quorum.checked", "meeting.opened", "quorum.checked", "meeting.closed"]


def test_suspension_recheck_and_postponement(chair) -> None:  # type: ignore[no-untyped-def]
    s, clock = chair
    use_profile(
        s,
        ADProfile(
            suspension_minutes=30, rechecks=1, articles={"suspension_minutes": "Pasal 20 ayat (3)"}
        ),
    )
    meeting_id = open_meeting(s)
    _arrive(s, meeting_id, "0001", "0002")
    check, proc, _ = s.checkin.record_quorum_check(meeting_id)
    assert not check.reached and proc.stage is Stage.FAILED and proc.may_suspend
    with pytest.raises(DomainError, match="tanpa kuorum"):
        s.checkin.open_meeting(meeting_id)
    suspension, _ = s.checkin.suspend(meeting_id)
    assert suspension.until == FIXED_NOW + dt.timedelta(minutes=30)
    assert suspension.article == "Pasal 20 ayat (3)"
    assert s.meetings.get(meeting_id).state is MeetingState.SUSPENDED
    proc = s.checkin.quorum_procedure(meeting_id)
    assert proc.explain(s.meetings.get(meeting_id).zone) == (
        "Rapat diskors sampai pukul 09.30; lalu pemeriksaan ulang (1 dari 1)."
    )
    clock.wait(10)
    early, proc, _ = s.checkin.record_quorum_check(meeting_id)  # an early look: still waiting
    assert early.step is CheckStep.RECHECK and proc.stage is Stage.SUSPENDED
    clock.wait(25)
    _arrive(s, meeting_id, "0003")
    recheck, proc, _ = s.checkin.record_quorum_check(meeting_id)
    assert not recheck.reached and proc.stage is Stage.EXHAUSTED
    with pytest.raises(DomainError, match="harus ditunda"):
        s.checkin.suspend(meeting_id)
    postponed, _ = s.checkin.postpone(meeting_id)
    assert postponed.step is CheckStep.POSTPONEMENT
    meeting = s.meetings.get(meeting_id)
    assert meeting.state is MeetingState.POSTPONED and meeting.read_only
    steps = [c.step for c in s.checkin.quorum_checks(meeting_id)]
    assert steps == [
        CheckStep.OPENING,
        CheckStep.SUSPENSION,
        CheckStep.RECHECK,
        CheckStep.RECHECK,
        CheckStep.POSTPONEMENT,
    ]
    with pytest.raises(DomainError, match="ditunda karena kuorum"):
        s.checkin.open_meeting(meeting_id)
    assert s.audit.verify().intact


def test_a_second_call_opens_with_its_own_quorum(chair) -> None:  # type: ignore[no-untyped-def]
    s, clock = chair
    second = QuorumRule(Threshold(1, 4, Comparison.AT_LEAST))
    use_profile(s, ADProfile(suspension_minutes=15, rechecks=0, second_call_quorum=second))
    meeting_id = open_meeting(s)
    _arrive(s, meeting_id, "0001", "0002")
    s.checkin.record_quorum_check(meeting_id)
    s.checkin.suspend(meeting_id)
    clock.wait(15)
    assert s.checkin.quorum_procedure(meeting_id).next_check is CheckStep.SECOND_CALL
    assert s.checkin.quorum(meeting_id).minimum == 2  # the second call's 1/4 of 8
    call, _proc, _ = s.checkin.record_quorum_check(meeting_id)
    assert (call.step, call.minimum, call.reached) == (CheckStep.SECOND_CALL, 2, True)
    assert call.rule_text == "sekurang-kurangnya 1/4 jumlah anggota yang memiliki hak suara"
    s.checkin.open_meeting(meeting_id)
    assert s.meetings.get(meeting_id).state is MeetingState.OPENED


def test_a_recorded_check_counts_the_register_again(chair) -> None:  # type: ignore[no-untyped-def]
    s, _clock = chair
    meeting_id = open_meeting(s)
    _arrive(s, meeting_id, "0001", "0002", "0003", "0004", "0005")
    assert s.checkin.quorum(meeting_id).reached
    # The register is corrected during the meeting: 0005 had in fact resigned in 2025.
    from assembly.domain.members import Status

    s.register.record_exit(
        s.register.member_by_number("0005").id,
        Status.RESIGNED,
        dt.date(2025, 12, 1),
        "Koreksi buku daftar",
    )
    check, _proc, _ = s.checkin.record_quorum_check(meeting_id)
    assert (check.base, check.present, check.minimum, check.reached) == (7, 4, 4, True)
