"""A real Kuorum process for the crash harness: it opens a database with
:class:`~assembly.services.bundle.Services` and runs a scripted meeting, one service call per
action, printing ``OK <action-id> <json>`` (and flushing) only after the call has returned.

The script is a fixed list (:func:`script`), and the clock is a function of the action's place
in it, so two runs write the same rows. With ``--reference ref.json`` (the OK lines of one
uninterrupted run) the driver resumes: it reads how far the audit log has got and starts at the
first action not yet in the database, skipping one that committed just before a kill.

``python -m bench.crash_driver DB [--reference REF]``, DB a SQLite file or a PostgreSQL URL (a
desk of the host laptop); exit 0 when the script is done, 3 when the database matches no point
of the reference.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# 09.00 WIB on the meeting day; action i happens at START + i × STEP.
START = dt.datetime(2026, 3, 14, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
STEP = dt.timedelta(seconds=20)
MEMBERS = 40
COUNTED_TABLES = (
    "attendance",
    "attendance_events",
    "quorum_checks",
    "decisions",
    "ballots",
    "named_votes",
)

ITEM_ACTIONS = (
    "take_up",
    "consensus",
    "no_consensus",
    "open_ballot",
    "notes",
)  # arg: agenda position


@dataclass(frozen=True)
class Action:
    """One step of the scripted meeting: a service call and its arguments."""

    id: str
    kind: str
    arg: str = ""
    extra: str = ""


def number(n: int) -> str:
    """The member number of the n-th member of the crash register."""
    return f"{n:04d}"


def script() -> list[Action]:
    """The scripted meeting, in order (the ids are the positions, ``a000``...)."""
    steps: list[tuple[str, str, str]] = [("open_check_in", "", "")]
    steps += [("check_in", number(n), "") for n in range(1, 33)]
    steps += [("check_out", number(n), "") for n in (5, 6, 7)]
    steps += [("return", number(5), ""), ("quorum", "", ""), ("record_quorum", "", "")]
    steps += [("open_meeting", "", ""), ("take_up", "1", ""), ("notes", "1", "Laporan dibacakan")]
    steps += [("notes", "1", "Laporan dibacakan; dua pertanyaan anggota dijawab Bendahara")]
    steps += [("consensus", "1", "")]
    steps += [("take_up", "2", ""), ("notes", "2", "Usul 40% dan 35% jasa usaha")]
    steps += [("no_consensus", "2", ""), ("open_ballot", "2", "")]
    choices = ("setuju", "setuju", "tidak_setuju", "setuju", "abstain")
    voters = [n for n in range(1, 33) if n not in (6, 7)]
    steps += [("vote", number(n), choices[n % len(choices)]) for n in voters]
    steps += [("close_ballot", "", ""), ("quorum", "", "")]
    steps += [("check_in", number(n), "") for n in range(33, 37)]
    steps += [("check_out", number(10), ""), ("record_quorum", "", "")]
    steps += [("take_up", "3", ""), ("consensus", "3", ""), ("close_meeting", "", "")]
    return [Action(f"a{i:03d}", kind, arg, extra) for i, (kind, arg, extra) in enumerate(steps)]


def progress(db: Path | str) -> dict[str, Any]:
    """How far the database has got: the last audit sequence number and the row counts (read
    on a connection of its own: only what was committed)."""
    if isinstance(db, str):
        return _pg_progress(db)
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=10)
    try:
        seq = conn.execute("SELECT coalesce(max(seq), 0) FROM audit_events").fetchone()[0]
        counts = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES
        }
    finally:
        conn.close()
    return {"seq": seq, "counts": counts}


def _pg_progress(url: str) -> dict[str, Any]:
    import sqlalchemy as sa

    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            seq = conn.exec_driver_sql("SELECT coalesce(max(seq), 0) FROM audit_events").scalar()
            counts = {
                t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
                for t in COUNTED_TABLES
            }
    finally:
        engine.dispose()
    return {"seq": seq, "counts": counts}


class Meeting:
    """The services over the database and the ids the script refers to by number/position."""

    def __init__(self, path: Path | str) -> None:
        from assembly.persistence.database import open_database
        from assembly.services.bundle import Services
        from assembly.services.context import ServiceContext

        self.path = path
        self.index = 0
        ctx = ServiceContext(open_database(path, create=False), "sekretaris", self._now)
        self.services = Services.create(ctx)
        meeting_id = self.services.meetings.latest_id()
        assert meeting_id is not None, "the harness prepares the meeting"
        self.meeting_id = meeting_id
        self.items = [i.id for i in self.services.agenda.items(meeting_id)]
        self._ids: dict[str, int] = {}

    def _now(self) -> dt.datetime:
        return START + self.index * STEP

    def member_id(self, num: str) -> int:
        """The member id of ``num``."""
        if num not in self._ids:
            found = self.services.checkin.find(self.meeting_id, num, 5)
            self._ids[num] = next(m.member_id for m in found if m.number == num)
        return self._ids[num]

    def open_ballot_id(self) -> int:
        """The meeting's open ballot."""
        ballots = self.services.ballots.ballots(self.meeting_id)
        return next(b.id for b in ballots if b.state.value == "open" and b.id is not None)

    def run(self, action: Action) -> dict[str, Any]:
        """Do ``action`` with one service call; what it returned, briefly."""
        from assembly.domain.ballots import BallotMode, Choice

        s, m = self.services, self.meeting_id
        if action.kind == "open_check_in":
            return {"state": s.meetings.open_check_in(m).value.state.value}
        if action.kind in ("check_in", "return"):
            if action.kind == "return":
                update = s.checkin.record_return(m, self.member_id(action.arg)).value
                return {"state": update.state.value if update.state else None}
            result = s.checkin.check_in(m, action.arg).value
            return {"outcome": result.outcome.value, "present": result.quorum.present}
        if action.kind == "check_out":
            update = s.checkin.check_out(m, self.member_id(action.arg)).value
            return {"state": update.state.value if update.state else None}
        if action.kind == "quorum":
            status = s.checkin.quorum(m)
            return {"present": status.present, "reached": status.reached}
        if action.kind == "record_quorum":
            check = s.checkin.record_quorum_check(m).check
            return {"present": check.present, "reached": check.reached}
        if action.kind == "open_meeting":
            return {"state": s.checkin.open_meeting(m).value.state.value}
        if action.kind == "close_meeting":
            return {"state": s.meetings.close(m).value.state.value}
        item = self.items[int(action.arg) - 1] if action.kind in ITEM_ACTIONS else 0
        if action.kind == "take_up":
            return {"item": s.agenda.take_up(m, item).value.id}
        if action.kind == "notes":
            s.notes.save_notes(m, item, action.extra)
            return {"notes": len(action.extra)}
        if action.kind == "consensus":
            return {"decision": s.decisions.record_consensus(m, item, "Disetujui").value.id}
        if action.kind == "no_consensus":
            return {"decision": s.decisions.record_no_consensus(m, item, "terbagi").value.id}
        if action.kind == "open_ballot":
            ballot = s.ballots.open_motion(m, item, BallotMode.NAMED, "Pembagian SHU").value
            return {"ballot": ballot.id, "eligible": ballot.eligible}
        if action.kind == "vote":
            done = s.ballots.cast(self.open_ballot_id(), action.arg, Choice(action.extra)).value
            return {"voted": done.voted}
        if action.kind == "close_ballot":
            outcome = s.ballots.close(self.open_ballot_id()).value
            return {"outcome": outcome.outcome.value}
        raise ValueError(action.kind)


def resume_at(path: Path | str, reference: list[dict[str, Any]], base_seq: int) -> int:
    """The index of the first action the database does not hold yet (by the audit log's
    length, which grows by a fixed amount per action because each action is one
    transaction); -1 when it matches no point of the reference."""
    seq = progress(path)["seq"]
    marks = [base_seq, *(r["seq"] for r in reference)]
    return marks.index(seq) if seq in marks else -1


def main(argv: Sequence[str] | None = None) -> int:
    """Run the script (from where the database stands) and print one OK line per action."""
    parser = argparse.ArgumentParser(prog="python -m bench.crash_driver")
    parser.add_argument("database", help="a SQLite file or a PostgreSQL URL")
    parser.add_argument("--reference", type=Path, help="OK lines of an uninterrupted run (JSON)")
    args = parser.parse_args(argv)
    database = args.database if args.database.startswith("postgresql") else Path(args.database)
    actions = script()
    start = 0
    if args.reference is not None:
        ref = json.loads(args.reference.read_text())
        start = resume_at(database, ref["actions"], ref["base_seq"])
        if start < 0:
            print("MISMATCH the database matches no point of the reference", flush=True)
            return 3
    meeting = Meeting(database)
    print(f"READY {start}", flush=True)
    for index in range(start, len(actions)):
        action = actions[index]
        meeting.index = index
        result = meeting.run(action)
        line = {"kind": action.kind, "arg": action.arg, "result": result}
        line.update(progress(database))
        sys.stdout.write(f"OK {action.id} {json.dumps(line, sort_keys=True)}\n")
        sys.stdout.flush()
    print("DONE", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
