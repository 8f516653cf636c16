"""The meetings tables: a meeting round-trips with its agenda and leaders, the register's
figures in SQL agree with the domain's eligibility, one attendance row per member, and the
histories are append-only."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
import sqlalchemy as sa

from assembly.domain.ad_profile import ADProfile, ItemKind
from assembly.domain.attendance import (
    AttendanceEvent,
    AttendanceRecord,
    AttendanceState,
    Channel,
    EventKind,
    counts_for_quorum,
)
from assembly.domain.cooperative import TimeZone
from assembly.domain.meeting import (
    AgendaItem,
    Meeting,
    MeetingMode,
    MeetingType,
    Officer,
    OfficerRole,
)
from assembly.domain.members import Category, Member, Status, eligibility
from assembly.domain.quorum import QuorumBase, QuorumRule
from assembly.domain.quorum_check import CheckStep, QuorumCheck
from assembly.i18n import translator
from assembly.persistence import (
    attendance_store,
    cooperative_store,
    meeting_store,
    member_store,
    quorum_check_store,
)
from assembly.persistence.database import open_database

WIB = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2026, 3, 14, 9, 0, tzinfo=WIB)


def _meeting() -> Meeting:
    return Meeting(
        kind=MeetingType.RAT,
        date=dt.date(2026, 3, 14),
        start=dt.time(9, 0),
        cutoff_date=dt.date(2026, 3, 1),
        profile_version=1,
        time_zone=TimeZone.WITA,
        financial_year=2025,
        venue="Aula",
        mode=MeetingMode.HYBRID,
        platform="Zoom",
        document_number="001/BA-RAT/KU/III/2026",
        invitation_date=dt.date(2026, 2, 20),
        agenda=(AgendaItem("Tata tertib"), AgendaItem("Perubahan AD", ItemKind.AD_AMENDMENT)),
        officers=(Officer(OfficerRole.CHAIR, "Ketua", None), Officer(OfficerRole.WITNESS, "Saksi")),
    )


@pytest.fixture
def db(db_path: Path):  # type: ignore[no-untyped-def]
    database = open_database(db_path)
    with database.write() as conn:
        cooperative_store.add_profile_version(conn, ADProfile(), confirmed=True)
    yield database
    database.close()


def test_a_meeting_round_trips(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as conn:
        meeting_id = meeting_store.insert(conn, _meeting(), NOW)
    with db.read() as conn:
        saved = meeting_store.get(conn, meeting_id)
        summaries = meeting_store.summaries(conn)
    assert saved is not None
    assert [(i.title, i.kind, i.position) for i in saved.agenda] == [
        ("Tata tertib", ItemKind.ORDINARY, 1),
        ("Perubahan AD", ItemKind.AD_AMENDMENT, 2),
    ]
    expected = _meeting()
    assert saved.officers == expected.officers
    for name in (
        "kind",
        "date",
        "start",
        "time_zone",
        "mode",
        "platform",
        "cutoff_date",
        "invitation_date",
        "document_number",
        "financial_year",
        "state",
    ):
        assert getattr(saved, name) == getattr(expected, name), name
    assert [s.title_in(translator("id")) for s in summaries] == [
        "Rapat Anggota Tahunan Tahun Buku 2025"
    ]


def _random_register(rng: random.Random, n: int) -> list[Member]:
    out = []
    for i in range(n):
        status = rng.choice(list(Status))
        out.append(
            Member(
                f"{i:05d}",
                f"Anggota {i}",
                rng.choice(list(Category)),
                status,
                joined_on=rng.choice(
                    [None, dt.date(2000, 1, 1), dt.date(2026, 3, 1), dt.date(2026, 3, 2)]
                ),
                exit_date=None
                if status is Status.ACTIVE
                else rng.choice([dt.date(2025, 1, 1), dt.date(2026, 3, 1), dt.date(2026, 3, 2)]),
                arrears=rng.random() < 0.3,
            )
        )
    return out


@pytest.mark.parametrize(
    "profile",
    [
        ADProfile(),
        ADProfile(candidates_may_vote=True, extraordinary_may_vote=True),
        ADProfile(arrears_suspend_vote=True),
        ADProfile(quorum=QuorumRule(base=QuorumBase.ALL_MEMBERS)),
    ],
)
def test_the_register_figures_in_sql_match_the_domain(db, profile: ADProfile) -> None:  # type: ignore[no-untyped-def]
    register = _random_register(random.Random(3), 400)
    with db.write() as conn:
        member_store.insert_many(conn, register)
    cutoff = dt.date(2026, 3, 1)
    registered = sum(1 for m in register if eligibility(m, cutoff, profile).may_attend)
    entitled = sum(1 for m in register if eligibility(m, cutoff, profile).may_vote)
    with db.read() as conn:
        assert quorum_check_store.roll_counts(conn, cutoff, profile) == (registered, entitled)
        voting, others = quorum_check_store.roll_ids(conn, cutoff, profile)
    assert len(voting) == entitled and len(voting) + len(others) == registered
    in_base = sum(1 for m in register if counts_for_quorum(m, cutoff, profile))
    expected = registered if profile.quorum.base is QuorumBase.ALL_MEMBERS else entitled
    assert in_base == expected


def test_one_attendance_row_per_member_per_meeting(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as conn:
        member_id = member_store.insert(conn, Member("0001", "Siti"))
        meeting_id = meeting_store.insert(conn, _meeting(), NOW)
        record = AttendanceRecord(
            member_id, Channel.IN_PERSON, AttendanceState.PRESENT, NOW, True, True
        )
        attendance_store.save(conn, meeting_id, record)
        attendance_store.save(conn, meeting_id, record)  # an upsert, not a second row
    with pytest.raises(sa.exc.IntegrityError), db.write() as conn:
        attendance_store.insert_many(conn, meeting_id, [record])
    with db.read() as conn:
        assert attendance_store.present_counts(conn, meeting_id) == {(Channel.IN_PERSON, True): 1}
        assert attendance_store.record(conn, meeting_id, member_id) == record


def test_histories_are_append_only(db) -> None:  # type: ignore[no-untyped-def]
    with db.write() as conn:
        meeting_id = meeting_store.insert(conn, _meeting(), NOW)
        quorum_check_store.add(
            conn, meeting_id, QuorumCheck(NOW, CheckStep.OPENING, 9, 5, 5, True, "r"), "s"
        )
        member_id = member_store.insert(conn, Member("0001", "Siti"))
        attendance_store.add_event(
            conn, meeting_id, AttendanceEvent(member_id, EventKind.CHECK_IN, NOW, "s")
        )
    for statement in (
        "UPDATE quorum_checks SET present = 9",
        "DELETE FROM quorum_checks",
        "UPDATE attendance_events SET actor = 'x'",
        "DELETE FROM attendance_events",
    ):
        with pytest.raises(sa.exc.DatabaseError, match="append-only"), db.write() as conn:
            conn.exec_driver_sql(statement)
    with db.read() as conn:
        (check,) = quorum_check_store.checks(conn, meeting_id)
    assert check.present == 5 and check.at == NOW


@pytest.mark.sqlite_only(
    "reads SQLite's query plan; PostgreSQL chooses by cost and statistics (a test table is "
    "too small to prefer the index), its quorum speed is measured in bench/"
)
def test_the_desk_quorum_count_uses_only_the_index(db) -> None:  # type: ignore[no-untyped-def]
    with db.read() as conn:
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT channel, counted, count(*) FROM attendance "
            "WHERE meeting_id = 1 AND state = 'hadir' GROUP BY channel, counted"
        ).all()
    assert "COVERING INDEX ix_attendance_meeting_id" in " ".join(str(r[-1]) for r in plan)
