"""The door's decisions as pure functions: who comes in and with what rights, second scans,
leaving and returning, undo, and proxies (law.md sections 4-5)."""

from __future__ import annotations

import datetime as dt

import pytest

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance import (
    AttendanceEvent,
    AttendanceRecord,
    AttendanceState,
    Channel,
    CheckInDecision,
    EventKind,
    Outcome,
    admitted_record,
    check_out,
    check_undo,
    clock,
    counts_for_quorum,
    decide_check_in,
)
from assembly.domain.errors import DomainError
from assembly.domain.meeting import MeetingMode
from assembly.domain.members import Category, Member, Status
from assembly.domain.proxies import check_proxy
from assembly.domain.quorum import QuorumBase, QuorumRule

CUTOFF = dt.date(2026, 3, 1)
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
AT = dt.datetime(2026, 3, 14, 9, 12, tzinfo=WIB)
SITI = Member("0001", "Siti Aminah", joined_on=dt.date(2001, 5, 2), id=1)
BUDI = Member("0002", "Budi Santoso", joined_on=dt.date(2003, 1, 1), id=2)


def decide(
    member: Member, current: AttendanceRecord | None = None, **kw: object
) -> CheckInDecision:
    options = {
        "cutoff": CUTOFF,
        "profile": ADProfile(),
        "mode": MeetingMode.HYBRID,
        "channel": Channel.IN_PERSON,
        "current": current,
    }
    options.update(kw)
    return decide_check_in(member, **options)  # type: ignore[arg-type]


def present(member: Member, channel: Channel = Channel.IN_PERSON, **kw: object) -> AttendanceRecord:
    assert member.id is not None
    values = {"state": AttendanceState.PRESENT, "may_vote": True, "counted": True}
    values.update(kw)
    return AttendanceRecord(member.id, channel, arrived_at=AT, **values)  # type: ignore[arg-type]


def test_an_active_member_comes_in_with_a_vote() -> None:
    decision = decide(SITI)
    assert decision.outcome is Outcome.ADMITTED and decision.may_vote and decision.counted
    record = admitted_record(1, decision, Channel.IN_PERSON, AT, None)
    assert record.present and record.arrived_at == AT


def test_a_calon_attends_without_vote_and_does_not_count() -> None:
    calon = Member("0009", "Calon", Category.CANDIDATE, id=9)
    decision = decide(calon)
    assert decision.outcome is Outcome.ADMITTED
    assert not decision.may_vote and not decision.counted
    assert "boleh hadir, tidak memiliki hak suara" in decision.reason
    assert decide(calon, profile=ADProfile(candidates_may_vote=True)).may_vote


def test_arrears_are_shown_and_block_only_when_the_ad_says_so() -> None:
    owing = Member("0004", "Berutang", arrears=True, id=4)
    shown = decide(owing)
    assert shown.may_vote and "tunggakan" in shown.reason.lower()
    blocked = decide(owing, profile=ADProfile(arrears_suspend_vote=True))
    assert blocked.outcome is Outcome.ADMITTED and not blocked.may_vote


def test_resigned_and_not_yet_members_are_refused_with_the_reason() -> None:
    gone = Member("0010", "Keluar", status=Status.RESIGNED, exit_date=dt.date(2025, 6, 30), id=10)
    refused = decide(gone)
    assert refused.outcome is Outcome.REFUSED and "Telah keluar pada 30/06/2025" in refused.reason
    late = Member("0012", "Baru", joined_on=dt.date(2026, 3, 10), id=12)
    assert decide(late).outcome is Outcome.REFUSED
    # Resigned after the cut-off: still a member on the day that counts.
    after = Member(
        "0013", "Keluar Baru", status=Status.RESIGNED, exit_date=dt.date(2026, 3, 5), id=13
    )
    assert decide(after).may_vote


def test_a_second_scan_is_harmless_and_says_since_when() -> None:
    again = decide(SITI, present(SITI))
    assert again.outcome is Outcome.ALREADY_PRESENT and again.since == AT
    assert not again.records and clock(AT, WIB) == "09.12 WIB"


def test_leaving_and_returning_keep_the_first_arrival() -> None:
    later = AT + dt.timedelta(hours=2)
    gone = check_out(present(SITI), later, "Siti")
    assert gone.state is AttendanceState.LEFT and gone.left_at == later
    back = decide(SITI, gone)
    assert back.outcome is Outcome.RETURNED
    record = admitted_record(1, back, Channel.ONLINE, later, gone)
    assert record.present and record.arrived_at == AT and record.channel is Channel.IN_PERSON
    with pytest.raises(DomainError, match="sudah tercatat meninggalkan"):
        check_out(gone, later, "Siti")
    with pytest.raises(DomainError, match="belum tercatat hadir"):
        check_out(None, later, "Siti")


def test_channels_follow_the_meeting_mode() -> None:
    with pytest.raises(DomainError, match="luring"):
        decide(SITI, mode=MeetingMode.OFFLINE, channel=Channel.ONLINE)
    with pytest.raises(DomainError, match="daring"):
        decide(SITI, mode=MeetingMode.ONLINE, channel=Channel.IN_PERSON)
    with pytest.raises(DomainError, match="surat kuasa"):
        decide(SITI, channel=Channel.PROXY)
    assert decide(SITI, mode=MeetingMode.ONLINE, channel=Channel.ONLINE).records


def test_a_proxy_lapses_when_its_grantor_arrives() -> None:
    represented = present(SITI, Channel.PROXY, proxy_id=7)
    decision = decide(SITI, represented)
    assert decision.outcome is Outcome.ADMITTED and decision.lapses_proxy == 7


def test_undo_takes_back_the_members_own_last_move_only() -> None:
    check_in = AttendanceEvent(1, EventKind.CHECK_IN, AT, "s", Channel.IN_PERSON, id=5)
    assert check_undo(check_in, "Siti") is check_in
    with pytest.raises(DomainError, match="Tidak ada kehadiran"):
        check_undo(None, "Siti")
    with pytest.raises(DomainError, match="sudah diurungkan"):
        check_undo(AttendanceEvent(1, EventKind.UNDO, AT, "s", undoes=5), "Siti")
    with pytest.raises(DomainError, match="tidak dapat diurungkan"):
        check_undo(AttendanceEvent(1, EventKind.PROXY_GRANTED, AT, "s"), "Siti")


def test_all_members_base_counts_calon_too() -> None:
    calon = Member("0009", "Calon", Category.CANDIDATE, id=9)
    everyone = ADProfile(quorum=QuorumRule(base=QuorumBase.ALL_MEMBERS))
    assert counts_for_quorum(calon, CUTOFF, everyone)
    assert not counts_for_quorum(calon, CUTOFF, ADProfile())


ENABLED = ADProfile(proxies_enabled=True, proxy_cap=1)


def proxy(profile: ADProfile = ENABLED, **kw: object) -> None:
    options: dict[str, object] = {
        "grantor_attendance": None,
        "holder_attendance": present(BUDI),
        "holder_proxies": 0,
    }
    options.update(kw)
    grantor = options.pop("grantor", SITI)
    holder = options.pop("holder", BUDI)
    reference = options.pop("reference", "SK-001")
    check_proxy(profile, CUTOFF, grantor, holder, reference, **options)  # type: ignore[arg-type]


def test_a_proxy_with_a_present_holder_under_the_cap_is_allowed() -> None:
    proxy()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"profile": ADProfile()}, "tidak mengizinkan kuasa"),
        ({"holder": SITI}, "tidak boleh orang yang sama"),
        ({"reference": "  "}, "surat kuasa wajib diisi"),
        ({"holder_attendance": None}, "harus hadir sendiri"),
        ({"holder_proxies": 1}, "batas menurut AD 1 kuasa"),
        ({"grantor_attendance": present(SITI)}, "hadir sendiri; kuasa tidak diperlukan"),
        ({"grantor": Member("0009", "Calon", Category.CANDIDATE, id=9)}, "tidak dapat memberi"),
        ({"holder": Member("0009", "Calon", Category.CANDIDATE, id=9)}, "tidak dapat menerima"),
    ],
)
def test_proxy_refusals(changes: dict[str, object], message: str) -> None:
    with pytest.raises(DomainError, match=message):
        proxy(**changes)
