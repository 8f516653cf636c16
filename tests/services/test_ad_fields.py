"""Every AD-profile field means what it says: for each field of :class:`ADProfile`, a scenario
whose outcome differs between two values of that field (issue 11 point 6). A field added
without a scenario fails here, as does a field the product no longer reads."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import pytest

from assembly.domain.ad_profile import (
    ADProfile,
    ItemKind,
    MajorityBase,
    MajorityRule,
    NoQuorumAtVote,
    TieBreak,
    unset_special_refusal,
)
from assembly.domain.attendance import AttendanceRecord, AttendanceState, Channel
from assembly.domain.ballots import Ballot, BallotKind, BallotMode, Office
from assembly.domain.election_checks import Candidate, candidacy_warnings
from assembly.domain.errors import DomainError
from assembly.domain.meeting import AgendaItem
from assembly.domain.meeting_warnings import meeting_warnings, rat_deadline
from assembly.domain.members import Category, Member, Sex, eligibility
from assembly.domain.proxies import check_proxy
from assembly.domain.quorum import Comparison, QuorumRule, Threshold
from assembly.domain.quorum_check import CheckStep, QuorumCheck, procedure, suspension_end
from assembly.persistence.database import open_database
from assembly.services.ballot_results import motion_result
from assembly.services.bundle import Services
from assembly.services.context import ServiceContext
from tests.conftest import FIXED_NOW
from tests.domain.test_meeting_plan import RAT
from tests.meeting_fixtures import open_meeting, register_members, use_profile
from tests.services.voting_fixtures import no_consensus, opened_hall

CUTOFF = dt.date(2026, 3, 1)
HALF = QuorumRule(Threshold(1, 2, Comparison.MORE_THAN))
TWO_THIRDS = QuorumRule(Threshold(2, 3, Comparison.AT_LEAST))


@dataclass
class Env:
    """A fresh database with a cooperative per call, for the scenarios that need services."""

    template: Path
    tmp: Path
    opened: list[Services]

    def services(self) -> tuple[Services, Path]:
        from assembly.domain.cooperative import Cooperative

        path = self.tmp / f"db{len(self.opened)}.sqlite"
        shutil.copyfile(self.template, path)
        s = Services.create(ServiceContext(open_database(path), "sekretaris", lambda: FIXED_NOW))
        self.opened.append(s)
        s.cooperative.save_cooperative(Cooperative(name="Koperasi Uji", city="Bandung"))
        return s, path


@pytest.fixture
def env(template_db: Path, tmp_path: Path) -> Iterator[Env]:
    e = Env(template_db, tmp_path, [])
    yield e
    for s in e.opened:
        s.close()


# --- scenarios: each returns an outcome of the product under ``profile`` -----------------------


def _failed_opening(at: dt.datetime = FIXED_NOW) -> QuorumCheck:
    return QuorumCheck(at, CheckStep.OPENING, 9, 3, 5, False, "lebih dari 1/2")


def _motion(profile: ADProfile, kind: ItemKind = ItemKind.ORDINARY, **tally: int) -> str:
    counts = {"setuju": 0, "tidak_setuju": 0, "abstain": 0, "tidak_sah": 0, **tally}
    ballot = Ballot(1, 1, BallotKind.MOTION, BallotMode.NAMED, "Usul", FIXED_NOW, 9, 6, True,
                    "sekurang-kurangnya 2/3 (AD Pasal 34)", "", 9, 9)  # fmt: skip
    return motion_result(counts, ballot, AgendaItem("Acara", kind), profile)[0]


def _may_vote(member: Member) -> Callable[[ADProfile, Env], Any]:
    return lambda p, _e: eligibility(member, CUTOFF, p).may_vote


def _proxy(profile: ADProfile, _env: Env) -> str:
    grantor = Member("0001", "Pemberi", id=1)
    holder = Member("0002", "Penerima", id=2)
    here = AttendanceRecord(2, Channel.IN_PERSON, AttendanceState.PRESENT, FIXED_NOW, True, True)
    try:
        check_proxy(profile, CUTOFF, grantor, holder, "SK-1", grantor_attendance=None,
                    holder_attendance=here, holder_proxies=1)  # fmt: skip
    except DomainError as refused:
        return refused.message
    return "diterima"


def _postponed_note(profile: ADProfile, env: Env) -> str:
    s, _path = env.services()
    register_members(s)
    use_profile(s, replace(profile, rechecks=0, second_call_quorum=None))
    meeting_id = open_meeting(s)
    s.checkin.record_quorum_check(meeting_id)  # nobody came
    check, _changes = s.checkin.postpone(meeting_id)
    return check.note


def _vote_without_quorum(profile: ADProfile, env: Env) -> str:
    s, path = env.services()
    hall = opened_hall(s, path, profile=profile)
    for number in ("0001", "0002"):
        s.checkin.check_out(hall.meeting_id, hall.ids[number])
    item = no_consensus(hall, 2)
    try:
        ballot, _ = s.ballots.open_motion(hall.meeting_id, item, BallotMode.NAMED, "SHU")
    except DomainError:
        return "ditolak"
    return f"dibuka, kuorum {ballot.reached}"


def _election_mode(profile: ADProfile, env: Env) -> BallotMode:
    s, path = env.services()
    hall = opened_hall(s, path, profile=profile)
    item = no_consensus(hall, 4)
    ballot, _ = s.elections.open_election(hall.meeting_id, item, "Pengawas", 1, ["0001", "0002"])
    return ballot.mode


def _tie(profile: ADProfile, env: Env) -> tuple[str, bool]:
    s, path = env.services()
    hall = opened_hall(s, path, profile=replace(profile, secret_ballot_for_persons=False))
    item = no_consensus(hall, 4)
    ballot, _ = s.elections.open_election(hall.meeting_id, item, "Pengawas", 1, ["0001", "0002"])
    s.ballots.cast(ballot.id, "0003", ["0001"])
    s.ballots.cast(ballot.id, "0004", ["0002"])
    result, _ = s.ballots.close(ballot.id)
    try:  # the chair opens the run-off after the hall has seen the tie
        s.elections.open_runoff(ballot.id)
    except DomainError:
        return result.outcome.value, False
    return result.outcome.value, True


HEAD = Candidate("Pak Kades", Sex.MALE, village_head=True, kin_group="Keluarga A")
BROTHER = Candidate("Adik Kades", Sex.MALE, kin_group="keluarga a")
THREE = [HEAD, BROTHER, Candidate("Budi", Sex.MALE)]

# field -> (value a, value b, scenario); the outcomes under a and b must differ.
SCENARIOS: dict[str, tuple[Any, Any, Callable[[ADProfile, Env], Any]]] = {
    "quorum": (HALF, TWO_THIRDS, lambda p, _e: procedure(p, []).rule.minimum(9)),
    "suspension_minutes": (30, 60, lambda p, _e: suspension_end(p, FIXED_NOW)),
    "rechecks": (0, 1, lambda p, _e: procedure(p, [_failed_opening()]).stage),
    "second_call_quorum": (
        None,
        QuorumRule(Threshold(1, 3, Comparison.AT_LEAST)),
        lambda p, _e: procedure(replace(p, rechecks=0), [_failed_opening()]).stage,
    ),
    "reconvene_within_days": (None, 14, _postponed_note),
    "reconvene_needs_invitation": (
        True,
        False,
        lambda p, e: _postponed_note(replace(p, reconvene_within_days=14), e),
    ),
    "notice_days": (
        7,
        30,
        lambda p, _e: len(meeting_warnings(RAT, p, dt.date(2026, 2, 1))),
    ),
    "rat_deadline_months": (None, 6, lambda p, _e: rat_deadline(p, 2025, 12, 31)),
    "candidates_may_vote": (
        False,
        True,
        _may_vote(Member("0009", "Calon", Category.CANDIDATE, joined_on=dt.date(2025, 1, 1))),
    ),
    "extraordinary_may_vote": (
        False,
        True,
        _may_vote(Member("0011", "Luar Biasa", Category.EXTRAORDINARY)),
    ),
    "arrears_suspend_vote": (False, True, _may_vote(Member("0004", "Menunggak", arrears=True))),
    "proxies_enabled": (False, True, lambda p, e: _proxy(replace(p, proxy_cap=2), e)),
    "proxy_cap": (1, 2, lambda p, e: _proxy(replace(p, proxies_enabled=True), e)),
    "majority": (
        MajorityRule(),
        MajorityRule(Threshold(2, 3, Comparison.AT_LEAST)),
        lambda p, _e: _motion(p, setuju=5, tidak_setuju=4),
    ),
    "abstain_counts_as_cast": (
        False,
        True,
        lambda p, _e: _motion(p, setuju=4, tidak_setuju=3, abstain=2),
    ),
    "invalid_counts_as_cast": (
        False,
        True,
        lambda p, _e: _motion(p, setuju=4, tidak_setuju=3, tidak_sah=2),
    ),
    "special_quorum": (
        dict.fromkeys(sorted(k for k in ItemKind if k.is_special), None),
        dict.fromkeys(sorted(k for k in ItemKind if k.is_special), TWO_THIRDS),
        lambda p, _e: unset_special_refusal(p, {ItemKind.DISSOLUTION}),
    ),
    "special_majority": (
        dict.fromkeys(sorted(k for k in ItemKind if k.is_special), None),
        {
            k: MajorityRule(Threshold(3, 4, Comparison.AT_LEAST), MajorityBase.PRESENT)
            for k in sorted(k for k in ItemKind if k.is_special)
        },
        lambda p, _e: unset_special_refusal(p, {ItemKind.DISSOLUTION}),
    ),
    "no_quorum_at_vote": (NoQuorumAtVote.BLOCK, NoQuorumAtVote.FLAG, _vote_without_quorum),
    "secret_ballot_for_persons": (True, False, _election_mode),
    "tie_break": (TieBreak.RUNOFF, TieBreak.CHAIR, _tie),
    "warn_village_head_seat": (
        False,
        True,
        lambda p, _e: candidacy_warnings(p, Office.PENGAWAS, 1, [HEAD]),
    ),
    "women_pengurus_min_percent": (
        0,
        30,
        lambda p, _e: candidacy_warnings(p, Office.PENGURUS, 3, THREE),
    ),
    # The berita acara's "Pengawas terpilih periode 2026–2028 …" (issue 11, point 3).
    "term_years": (None, 3, lambda p, _e: p.term_period(2026)),
    "warn_related_pengurus": (
        False,
        True,
        lambda p, _e: candidacy_warnings(p, Office.PENGURUS, 3, THREE),
    ),
    "articles": (
        {},
        {"special_majority": "Pasal 34 ayat (2)"},
        lambda p, _e: _motion(p, ItemKind.AD_AMENDMENT, setuju=7, tidak_setuju=1),
    ),
}

# The profile the scenarios start from: every special value set, so each scenario isolates
# its own field.
BASE = replace(
    ADProfile(),
    special_quorum=dict.fromkeys(sorted(k for k in ItemKind if k.is_special), TWO_THIRDS),
    special_majority=dict.fromkeys(
        sorted(k for k in ItemKind if k.is_special),
        MajorityRule(Threshold(2, 3, Comparison.AT_LEAST), MajorityBase.PRESENT),
    ),
)


def test_every_field_has_a_scenario_and_every_scenario_a_field() -> None:
    names = [f.name for f in fields(ADProfile)]
    assert sorted(SCENARIOS) == sorted(names)


@pytest.mark.parametrize("name", [f.name for f in fields(ADProfile)])
def test_the_field_changes_an_outcome(name: str, env: Env) -> None:
    assert name in SCENARIOS, f"AD field {name!r} has no scenario proving it changes an outcome"
    a, b, scenario = SCENARIOS[name]
    assert a != b
    under_a = scenario(replace(BASE, **{name: a}), env)
    under_b = scenario(replace(BASE, **{name: b}), env)
    assert under_a != under_b, f"{name}: {a!r} and {b!r} give the same outcome {under_a!r}"
