"""Who was present when, kept in step with the attendance history (r0012): whatever
the history holds and however it was written (move by move at the door, in one batch as the
demo and the online import do, a batch added to a history already there), the stays the
berita acara reads equal the replay of the whole history (``stays_of``, held against a
brute-force walk of the door's log in tests/domain/test_presence.py), on a real SQLite file.
A file from before the stays were kept gets them at its migration; a stay edited behind the
app's back is found by ``minutes check``, which recounts from the history alone."""

from __future__ import annotations

import datetime as dt
import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance import (
    AttendanceEvent,
    AttendanceRecord,
    AttendanceState,
    Channel,
    EventKind,
)
from assembly.domain.members import Category, Member
from assembly.domain.presence import Attendee, Stay, stays_of
from assembly.persistence import (
    attendance_store,
    cooperative_store,
    history_stays,
    meeting_store,
    member_store,
)
from assembly.persistence.database import Database, open_database
from assembly.services import presence
from assembly.services.bundle import Services
from assembly.services.minutes_check import MinutesCheckService
from tests.behind_the_back import tamper
from tests.persistence.test_meeting_store import NOW, _meeting
from tests.services.test_minutes_check import PRESENT, _run
from tests.services.voting_fixtures import opened_hall

MEMBERS = 5
CATEGORIES = (Category.MEMBER, Category.MEMBER, Category.CANDIDATE, Category.EXTRAORDINARY)


@pytest.fixture
def db(db_path: Path) -> Iterator[tuple[Database, dict[int, int]]]:
    """The database and the ids of members 1..MEMBERS (member n of category n % 4)."""
    database = open_database(db_path)
    with database.write() as conn:
        cooperative_store.add_profile_version(conn, ADProfile(), confirmed=True)
        ids = {
            n: member_store.insert(
                conn, Member(f"{n:04d}", f"Anggota {n}", category=CATEGORIES[n % 4])
            )
            for n in range(1, MEMBERS + 1)
        }
    yield database, ids
    database.close()


# One move of the history: (member 1..MEMBERS, kind, channel or None, minutes after 09.00,
# for an undo the index of the earlier move it takes back).
Move = tuple[int, EventKind, Channel | None, int, int | None]


@st.composite
def histories(draw: st.DrawFn) -> list[Move]:
    """Any history the table can hold, not only the ones the door writes: every kind in any
    order, a channel or none, times that go back as well as forth, an undo of any earlier
    move of the same member (an arrival, a departure, another undo)."""
    moves: list[Move] = []
    for _ in range(draw(st.integers(0, 24))):
        member = draw(st.integers(1, MEMBERS))
        kind = draw(st.sampled_from(list(EventKind)))
        minutes = draw(st.integers(-30, 240))
        undoes = None
        if kind is EventKind.UNDO:
            earlier = [i for i, m in enumerate(moves) if m[0] == member]
            if not earlier:
                kind = EventKind.CHECK_IN
            else:
                undoes = draw(st.sampled_from(earlier))
        channel = draw(st.sampled_from([None, *Channel]))
        moves.append((member, kind, channel, minutes, undoes))
    return moves


def _write(
    conn: sa.Connection, meeting_id: int, ids: dict[int, int], moves: list[Move], batches: int
) -> None:
    """Write ``moves`` as the app does: the first ones in up to two batches (the ids of a
    batch are not known before it is written, so a batch holds no undo), the rest one by
    one at the door."""
    first_undo = next((i for i, m in enumerate(moves) if m[4] is not None), len(moves))
    cuts = sorted({0, *(min(first_undo, batches * k) for k in (1, 2))})
    written: list[int] = []

    def event(move: Move) -> AttendanceEvent:
        member, kind, channel, minutes, undoes = move
        return AttendanceEvent(
            ids[member],
            kind,
            NOW + dt.timedelta(minutes=minutes),
            "sekretariat",
            channel,
            undoes=written[undoes] if undoes is not None else None,
        )

    for start, end in itertools.pairwise(cuts):
        attendance_store.add_events(conn, meeting_id, [event(m) for m in moves[start:end]])
        newest = conn.execute(
            sa.text("SELECT id FROM attendance_events WHERE meeting_id = :m ORDER BY id"),
            {"m": meeting_id},
        ).scalars()
        written = list(newest)
    for move in moves[cuts[-1] :]:
        written.append(attendance_store.add_event(conn, meeting_id, event(move)))


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    histories(),
    st.sets(st.integers(1, MEMBERS)),
    st.integers(0, 8),
    st.lists(st.booleans(), min_size=MEMBERS, max_size=MEMBERS),
)
def test_the_kept_stays_equal_the_replay_of_the_whole_history(
    db: tuple[Database, dict[int, int]],
    moves: list[Move],
    with_row: set[int],
    batches: int,
    rights: list[bool],
) -> None:
    database, ids = db
    with database.write() as conn:
        meeting_id = meeting_store.insert(conn, _meeting(), NOW)
        _write(conn, meeting_id, ids, moves, batches)
        for member in sorted(with_row):  # rows for some, whether the history names them or not
            may_vote = rights[member - 1]
            row = AttendanceRecord(
                ids[member], Channel.ONLINE, AttendanceState.PRESENT, NOW, may_vote, not may_vote
            )
            attendance_store.save(conn, meeting_id, row)
    with database.read() as conn:
        replayed = stays_of(attendance_store.history(conn, meeting_id))
        kept = presence.attendees(conn, meeting_id)
    assert kept == [
        Attendee(
            ids[m],
            not rights[m - 1],
            rights[m - 1],
            CATEGORIES[m % 4],
            replayed.get(ids[m], ()),
        )
        for m in sorted(with_row)
    ]


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(histories(), st.integers(0, 8))
def test_the_databases_replay_of_the_history_equals_the_apps(
    db: tuple[Database, dict[int, int]], moves: list[Move], batches: int
) -> None:
    """The recount's replay (one SQL statement over the history, history_stays) and the
    app's (stays_of in Python, which keeps attendance_stays) are two writings of one rule:
    on any history they give the same stays, for every member the history names (none for
    one whose every move was taken back), on both engines."""
    database, ids = db
    with database.write() as conn:
        meeting_id = meeting_store.insert(conn, _meeting(), NOW)
        other = meeting_store.insert(conn, _meeting(), NOW)
        _write(conn, meeting_id, ids, moves, batches)
        # Another meeting's history is not this one's: one member in, never undone.
        attendance_store.add_event(
            conn,
            other,
            AttendanceEvent(ids[1], EventKind.CHECK_IN, NOW, "sekretariat", Channel.ONLINE),
        )
    with database.read() as conn:
        history = attendance_store.history(conn, meeting_id)
        by_app = stays_of(history)
        by_database = history_stays.replayed(conn, meeting_id)
    named = sorted({e.member_id for e in history})
    assert list(by_database) == named
    assert by_database == {m: by_app.get(m, ()) for m in named}


def test_a_file_from_before_gets_its_stays_at_migration(tmp_path: Path) -> None:
    """r0012 replays each meeting's history of an older file into its stays, exactly
    as the app replays it (undos, a surat kuasa lapsing on arrival, a channel carried over)."""
    from alembic import command

    from assembly.persistence import database

    path = tmp_path / "lama.sqlite"
    engine = database._engine(path)
    with engine.connect() as conn:
        config = database._alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "r0011")
        conn.exec_driver_sql(f"PRAGMA application_id={database.APPLICATION_ID}")
        cooperative_store.add_profile_version(conn, ADProfile(), confirmed=True)
        for _ in range(2):
            meeting_store.insert(conn, _meeting(), NOW)
        for n in range(1, 11):
            member_store.insert(conn, Member(f"{n:04d}", f"Anggota {n}"))
        conn.commit()
    engine.dispose()
    t = [(NOW + dt.timedelta(minutes=m)).astimezone(dt.UTC).isoformat() for m in range(12)]
    history = [  # id, meeting, member, kind, channel, at, undoes
        (1, 1, 7, "check_in", "langsung", t[0], None),
        (2, 1, 8, "proxy_granted", None, t[0], None),
        (3, 1, 7, "check_out", None, t[2], None),
        (4, 2, 7, "import", "daring", t[1], None),
        (5, 1, 8, "check_in", None, t[3], None),  # the proxy lapses: a new stay, channel kept
        (6, 1, 9, "check_in", "langsung", t[3], None),
        (7, 1, 7, "return", "langsung", t[5], None),
        (8, 1, 9, "check_out", None, t[6], None),
        (9, 1, 9, "undo", "langsung", t[7], 8),  # the departure was a mistake
        (10, 1, 8, "holder_left", None, t[8], None),
        (11, 1, 10, "check_in", "daring", t[8], None),
        (12, 1, 10, "undo", "daring", t[9], 11),  # never came
    ]
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA foreign_keys=OFF")
    raw.executemany(
        "INSERT INTO attendance_events (id, meeting_id, member_id, kind, channel, at, actor,"
        " undoes) VALUES (?, ?, ?, ?, ?, ?, 'sekretariat', ?)",
        history,
    )
    raw.commit()
    raw.close()

    db = open_database(path)
    try:
        with db.read() as conn:
            for meeting_id in (1, 2):
                replayed = stays_of(attendance_store.history(conn, meeting_id))
                assert _kept(conn, meeting_id) == replayed
                assert replayed  # the file's history is not empty
    finally:
        db.close()
    assert replayed == {7: (Stay(dt.datetime.fromisoformat(t[1]), Channel.ONLINE),)}


def _kept(conn: sa.Connection, meeting_id: int) -> dict[int, tuple[Stay, ...]]:
    """The stays as stored, read plainly."""
    out: dict[int, tuple[Stay, ...]] = {}
    rows = conn.exec_driver_sql(
        "SELECT member_id, started_at, channel, ended_at, returned, left_meeting"
        " FROM attendance_stays WHERE meeting_id = ? ORDER BY member_id, seq",
        (meeting_id,),
    )
    for member_id, start, channel, end, returned, left in rows:
        stay = Stay(
            dt.datetime.fromisoformat(start),
            Channel(channel),
            dt.datetime.fromisoformat(end) if end else None,
            bool(returned),
            bool(left),
        )
        out[member_id] = (*out.get(member_id, ()), stay)
    return out


def test_a_stay_edited_behind_the_apps_back_is_found_by_minutes_check(
    cooperative: Services, db_path: Path
) -> None:
    """The stays are read for the berita acara, never trusted by the check: 0006's departure
    wiped from them (as someone with the file and sqlite3, or the server's superuser, could)
    changes what the berita acara would state, and the recount from the history says so."""
    hall = opened_hall(cooperative, db_path, PRESENT)
    _run(hall).close()
    s = hall.reopen(30)
    assert MinutesCheckService(s.ctx).check(hall.meeting_id).ok
    s.close()
    tamper(
        db_path,
        "UPDATE attendance_stays SET ended_at = NULL, left_meeting = false"
        f" WHERE member_id = {hall.ids['0006']}",
    )
    report = MinutesCheckService(hall.reopen(31).ctx).check(hall.meeting_id)
    assert not report.ok
    found = {m.key: (m.stated, m.recounted) for m in report.mismatches}
    # The body, written from the edited stays, has one member leave at 09.05; the history two.
    assert found["gerak.09.05.keluar"] == (1, 2)
    assert found["gerak.09.05.hadir"] == (6, 5)
