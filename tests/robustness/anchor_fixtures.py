"""A locked meeting on a real SQLite file with its berita acara signed by the chair and the
secretary through the command line, and the raw-file tools the attacks use (dropping the lock
triggers, re-hashing the audit chain, cutting a PDF back a revision)."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from assembly.cli import main
from assembly.domain.audit import GENESIS, event_hash
from assembly.domain.ballots import BallotMode, Choice
from assembly.domain.cooperative import TimeZone
from assembly.persistence.anchor_store import required_triggers
from tests.services.signing_fixtures import PASSPHRASE, Keys
from tests.services.voting_fixtures import no_consensus, opened_hall


@dataclass(frozen=True)
class Locked:
    """The locked meeting: the database file, the signed PDF, the meeting and ballot ids."""

    db: Path
    pdf: Path
    meeting_id: int
    ballot_id: int
    anchor_seq: int  # the audit head the signed PDF carries


def locked_meeting(
    services: Any,
    db_path: Path,
    folder: Path,
    keys: Keys,
    monkeypatch: pytest.MonkeyPatch,
    zone: TimeZone | None = None,
) -> Locked:
    """A meeting with a named vote, a note and a decision, closed, its berita acara exported
    and signed by the chair then the secretary with ``sign --meeting``: locked. ``zone``
    moves the cooperative to another time zone first."""
    if zone is not None:
        coop = services.cooperative.cooperative()
        services.cooperative.save_cooperative(replace(coop, time_zone=zone))
    hall = opened_hall(services, db_path)
    item = no_consensus(hall, 2)
    ballot, _ = services.ballots.open_motion(hall.meeting_id, item, BallotMode.NAMED, "SHU dibagi")
    for number, choice in (("0001", Choice.YES), ("0002", Choice.YES), ("0003", Choice.NO)):
        services.ballots.cast(ballot.id, number, choice)
    services.ballots.close(ballot.id)
    services.notes.save_notes(hall.meeting_id, hall.items[0], "Laporan diterima baik.")
    services.meetings.close(hall.meeting_id)
    pdf = folder / "berita-acara.pdf"
    services.minutes.export(hall.meeting_id, pdf)
    seq = services.audit.verify().events
    services.close()
    monkeypatch.setenv("KUORUM_PASSPHRASE", PASSPHRASE)
    for role, key in (("ketua", keys.chair), ("sekretaris", keys.secretary)):
        code = main(
            ["sign", str(pdf), "--key", str(key), "--role", role,
             "--meeting", str(hall.meeting_id), "--db", str(db_path)]
        )  # fmt: skip
        assert code == 0
    return Locked(db_path, pdf, hall.meeting_id, ballot.id, seq)


def raw(db: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection, as an attacker holding the file would open it."""
    return sqlite3.connect(db, isolation_level=None)


def drop_lock_triggers(conn: sqlite3.Connection) -> None:
    """``DROP TRIGGER`` every trigger that guards the locked records and the anchors."""
    for name in required_triggers():
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")


def rehash_chain(conn: sqlite3.Connection) -> None:
    """Renumber the audit events 1..n in order and give each a fresh, valid hash: what
    someone who knows the (public) hashing rule does after deleting or editing events."""
    rows = conn.execute(
        "SELECT seq, at, actor, kind, payload FROM audit_events ORDER BY seq"
    ).fetchall()
    conn.execute("BEGIN")
    conn.execute("DELETE FROM audit_events")
    prev = GENESIS
    for number, (_seq, at, actor, kind, payload) in enumerate(rows, start=1):
        digest = event_hash(prev, number, at, actor, kind, payload)
        conn.execute(
            "INSERT INTO audit_events (seq, at, actor, kind, payload, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (number, at, actor, kind, payload, prev, digest),
        )
        prev = digest
    conn.execute("COMMIT")


def cut_back_one_revision(pdf: Path) -> bytes:
    """The signed file truncated just after its next-to-last ``%%EOF``: the revision before
    the last signature, as a file someone kept or cut back would be."""
    data = pdf.read_bytes()
    ends = [m.start() for m in re.finditer(rb"%%EOF", data)]
    assert len(ends) >= 2
    cut = ends[-2] + len(b"%%EOF")
    while cut < len(data) and data[cut : cut + 1] in (b"\r", b"\n"):
        cut += 1
    return data[:cut]
