"""The investigator's attack on a secret ballot (issue 10, point 1; DESIGN.md section 3).

Forty members vote in a known order with a known sequence of choices through the real service;
the ballot closes. Then, with the public order of participation in hand, the investigator reads
what the laptop holds: the raw database pages (cells in physical order, what lingers in the
free space), the WAL file, a backup taken through the real backup service, the rowids, the audit
log and the attachments of the berita acara. None of it may tie a voter to a choice better than
chance; where the design leaves no per-vote artefact at all, the test says that none exists.
"""

from __future__ import annotations

import csv
import io
import json
import math
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from assembly.domain.ballots import BallotMode, Choice
from assembly.domain.errors import DomainError
from assembly.domain.members import Member
from assembly.persistence import secret_store
from assembly.persistence.database import open_database
from assembly.services.bundle import Services
from assembly.services.context import ServiceContext
from tests.conftest import FIXED_NOW
from tests.meeting_fixtures import draft_meeting
from tests.robustness.sqlite_pages import Cell, Pages, commits, wal_frames

VOTERS = 40
OPTIONS = (Choice.YES.value, Choice.NO.value, Choice.ABSTAIN.value)


@dataclass
class Voted:
    """A closed secret ballot: the services still running on the file, what each voter chose
    (member number -> choice, in the order they voted), and the files the investigator has."""

    services: Services
    path: Path
    ballot_id: int
    meeting_id: int
    truth: dict[str, str]
    minutes: Path


def _choices(n: int) -> list[str]:
    """A known sequence: blocks of one choice, then shuffled ones (a fixed seed)."""
    rng = random.Random(20260314)
    fixed = [OPTIONS[(i // 5) % 3] for i in range(n // 2)]
    return fixed + [rng.choice(OPTIONS) for _ in range(n - n // 2)]


def _cast(services: Services, path: Path, tmp: Path) -> Voted:
    for n in range(1, VOTERS + 1):
        services.register.save(Member(f"{n:04d}", f"Pemilih {n}"))
    meeting = draft_meeting(services)
    assert meeting.id is not None
    services.meetings.open_check_in(meeting.id)
    for n in range(1, VOTERS + 1):
        services.checkin.check_in(meeting.id, f"{n:04d}")
    services.checkin.record_quorum_check(meeting.id)
    services.checkin.open_meeting(meeting.id)
    item = services.meetings.get(meeting.id).agenda[0].id
    assert item is not None
    services.decisions.record_no_consensus(meeting.id, item, "pendapat terbagi")
    ballot, _ = services.ballots.open_motion(meeting.id, item, BallotMode.SECRET, "Usul SHU")
    assert ballot.id is not None
    truth = {}
    for n, choice in enumerate(_choices(VOTERS), start=1):
        services.ballots.cast(ballot.id, f"{n:04d}", Choice(choice))
        truth[f"{n:04d}"] = choice
    services.ballots.close(ballot.id)
    minutes = tmp / "berita-acara.pdf"
    services.minutes.export(meeting.id, minutes)
    return Voted(services, path, ballot.id, meeting.id, truth, minutes)


@pytest.fixture
def voted(cooperative: Services, db_path: Path, tmp_path: Path) -> Iterator[Voted]:
    yield _cast(cooperative, db_path, tmp_path)


def _public_order(path: Path, ballot_id: int) -> list[str]:
    """Who voted, in the order they voted: what anyone may know (participation is public)."""
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT payload FROM audit_events WHERE kind = 'ballot.participated' ORDER BY seq"
        ).fetchall()
    finally:
        conn.close()
    return [json.loads(r[0])["member"] for r in rows if json.loads(r[0])["ballot"] == ballot_id]


def _chance_bound(truth: list[str]) -> float:
    """The share of voters a guess without information gets right, plus three standard
    deviations: the most a recovery "no better than chance" may score."""
    counts = Counter(truth)
    p = sum(c * c for c in counts.values()) / len(truth) ** 2
    return p + 3 * math.sqrt(p * (1 - p) / len(truth))


def _score(recovered: list[str], order: list[str], truth: dict[str, str]) -> float:
    """The share of voters whose choice the recovered sequence, paired with the public order,
    gets right."""
    hits = sum(1 for member, c in zip(order, recovered, strict=False) if truth[member] == c)
    return hits / len(order)


def _carries_choice(cell: Cell, ballot_id: int | None = None) -> str | None:
    """The choice a record holds as a value (of ``ballot_id``: the value just before it)."""
    for at, value in enumerate(cell.values):
        ours = ballot_id is None or (at > 0 and cell.values[at - 1] == ballot_id)
        if isinstance(value, str) and value in OPTIONS and ours:
            return value
    return None


def _choice_cells(pages: Pages, ballot_id: int) -> dict[str, list[Cell]]:
    """Per table or index of the file: the live cells whose record holds one of the ballot's
    choices as a value."""
    out: dict[str, list[Cell]] = {}
    for name, (_kind, root) in pages.schema().items():
        if not root:
            continue
        found = [
            c for p in pages.tree(root) for c in pages.cells(p) if _carries_choice(c, ballot_id)
        ]
        if found:
            out[name] = found
    return out


def _per_vote(pages: Pages, ballot_id: int) -> dict[str, list[Cell]]:
    """The tables holding more records with one of the ballot's choices than there are
    choices: a record per vote."""
    return {
        n: cells
        for n, cells in _choice_cells(pages, ballot_id).items()
        if len(cells) > len(OPTIONS)
    }


def _physical_order(pages: Pages, cells: list[Cell]) -> list[str]:
    """The choices in the order SQLite wrote the cells: within a page each new cell lies
    below the ones before it, so descending byte offsets give the order of insertion."""
    order = {p: i for i, p in enumerate(sorted({c.page for c in cells}))}
    ranked = sorted(cells, key=lambda c: (order[c.page], -c.offset))
    return [_carries_choice(c) or "" for c in ranked]


def _page_attack(pages: Pages, v: Voted) -> None:
    order = _public_order(v.path, v.ballot_id)
    truth = [v.truth[m] for m in order]
    per_vote = _per_vote(pages, v.ballot_id)
    for name, cells in per_vote.items():
        score = _score(_physical_order(pages, cells), order, v.truth)
        assert score <= _chance_bound(truth), f"{name}: {score:.0%} of the voters recovered"
    assert per_vote == {}, f"a record per vote is stored in {sorted(per_vote)}"
    # Each choice's value is held once per table or index: as a total (and its index key).
    for name, cells in _choice_cells(pages, v.ballot_id).items():
        assert sorted(_carries_choice(c) or "" for c in cells) == sorted(OPTIONS), name
        # The totals never moved in their page: laid out in the order they were made at
        # opening, whatever order the votes came in.
        rows = [c for c in cells if c.rowid is not None]
        by_place = sorted(rows, key=lambda c: (c.page, -c.offset))
        assert [c.rowid for c in by_place] == sorted(c.rowid or 0 for c in rows), name
    # Nothing of an earlier total lingers in the free parts of any page (secure_delete).
    for number in range(1, pages.count() + 1):
        left = pages.unallocated(number)
        assert not [o for o in OPTIONS if o.encode() in left], f"page {number}"
    # Every occurrence of a choice's word in the file's bytes is one a live record holds.
    for word in OPTIONS:
        raw = pages.image.count(word.encode())
        roots = [1, *(root for _k, root in pages.schema().values() if root)]  # 1: the schema
        live = sum(
            str(value).count(word)
            for root in roots
            for p in pages.tree(root)
            for c in pages.cells(p)
            for value in c.values
            if isinstance(value, str)
        )
        assert raw <= live, f"{word!r}: {raw - live} copies outside any live record"


def test_the_database_pages_do_not_tell_whose_choice_is_whose(voted: Voted) -> None:
    _page_attack(Pages.of_file(voted.path), voted)


def _tallies(pages: Pages, page: bytes, number: int) -> Counter[str]:
    """The votes a page holds per choice: one per record, or the count a total carries."""
    out: Counter[str] = Counter()
    for cell in pages.cells(number, page):
        choice = _carries_choice(cell)
        if choice is None:
            continue
        after = cell.values[cell.values.index(choice) + 1 :]
        out[choice] += after[0] if after and isinstance(after[0], int) else 1
    return out


def test_the_wal_holds_no_history_of_the_votes(voted: Voted) -> None:
    """Each commit appends the pages it changed to the WAL: diffing the choice pages from one
    commit to the next would give each vote's choice in the order cast."""
    wal = voted.path.with_name(voted.path.name + "-wal")
    frames = wal_frames(wal)
    pages = Pages.of_file(voted.path)
    seen: dict[int, Counter[str]] = {}
    recovered: list[str] = []
    for group in commits(frames):
        before = sum(seen.values(), Counter())
        for frame in group:
            seen[frame.page] = _tallies(pages, frame.data, frame.page)
        grown = sum(seen.values(), Counter()) - before
        if sum(grown.values()) == 1:
            recovered.extend(grown)
    order = _public_order(voted.path, voted.ballot_id)
    truth = [voted.truth[m] for m in order]
    score = _score(recovered, order, voted.truth)
    assert score <= _chance_bound(truth), f"the WAL gave {score:.0%} of the voters' choices"
    assert frames == [], f"{len(frames)} WAL frames left after the ballot closed"


def test_a_backup_after_the_ballot_does_not_tell_either(voted: Voted) -> None:
    result = voted.services.backups.backup_now()
    assert result.path is not None
    _page_attack(Pages.of_file(result.path), replace(voted, path=voted.path))


def test_rowids_and_columns_do_not_tell(voted: Voted) -> None:
    """Any table with a row per vote: its rows in rowid order, and any time column."""
    order = _public_order(voted.path, voted.ballot_id)
    truth = [voted.truth[m] for m in order]
    conn = sqlite3.connect(f"{voted.path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        per_vote = []
        for table in tables:
            try:
                rows = conn.execute(f'SELECT rowid, * FROM "{table}" ORDER BY rowid').fetchall()
            except sqlite3.OperationalError:  # a table WITHOUT ROWID
                rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
            carrying = [r for r in rows if any(v in OPTIONS for v in r)]
            if len(carrying) <= len(OPTIONS):
                continue
            per_vote.append(table)
            recovered = [next(v for v in r if v in OPTIONS) for r in carrying]
            score = _score(recovered, order, voted.truth)
            assert score <= _chance_bound(truth), f"{table} by rowid: {score:.0%}"
    finally:
        conn.close()
    assert per_vote == [], f"a row per vote in {per_vote}"


def test_the_audit_log_holds_participation_only(voted: Voted) -> None:
    conn = sqlite3.connect(f"{voted.path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        events = conn.execute("SELECT kind, payload FROM audit_events ORDER BY seq").fetchall()
    finally:
        conn.close()
    taking = [json.loads(p) for k, p in events if k == "ballot.participated"]
    assert [e["member"] for e in taking] == list(voted.truth)  # the public order, as cast
    for event in taking:
        assert set(event) <= {"ballot", "member", "proxy_holder"}
    # Nothing in the log, in any order, names a choice per vote; the close names the totals.
    mentioned = [(k, p) for k, p in events if any(o in p for o in OPTIONS) and k != "ballot.closed"]
    assert len(mentioned) < VOTERS // 4, mentioned[:3]
    closed = [json.loads(p) for k, p in events if k == "ballot.closed"]
    tally = Counter(voted.truth.values())
    assert closed[-1]["tally"] == {**{o: tally[o] for o in OPTIONS}, "tidak_sah": 0}


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


def test_the_berita_acara_attachments_carry_totals_only(voted: Voted) -> None:
    files = {name: b"".join(data) for name, data in PdfReader(voted.minutes).attachments.items()}
    assert files
    numbers = set(voted.truth)
    for name, data in files.items():
        text = data.decode("utf-8")
        if name.endswith(".json"):
            records = list(_objects(json.loads(text)))
            flat = [{str(v) for v in r.values() if not isinstance(v, dict | list)} for r in records]
        else:
            flat = [set(row) for row in csv.reader(io.StringIO(text))]
        linked = [r for r in flat if r & numbers and r & set(OPTIONS)]
        assert linked == [], f"{name} ties a member to a choice: {linked[:2]}"
    ballots = json.loads(files["hasil_suara.json"])["pemungutan_suara"]
    secret = next(b for b in ballots if b["mode"] == "rahasia")
    assert "suara_terbuka" not in secret
    tally = Counter(voted.truth.values())
    assert secret["perolehan"] == {**{o: tally[o] for o in OPTIONS}, "tidak_sah": 0}
    assert secret["partisipasi"]["memberi_suara"] == VOTERS


def test_every_confirmed_vote_survives_a_power_cut(
    cooperative: Services, db_path: Path, tmp_path: Path
) -> None:
    """The totals are written in each vote's own transaction, nothing waits in memory: a copy
    of the file and its WAL taken mid-ballot (the power cut) holds every vote confirmed."""
    s = cooperative
    for n in range(1, 11):
        s.register.save(Member(f"{n:04d}", f"Pemilih {n}"))
    meeting = draft_meeting(s)
    assert meeting.id is not None
    s.meetings.open_check_in(meeting.id)
    for n in range(1, 11):
        s.checkin.check_in(meeting.id, f"{n:04d}")
    s.checkin.record_quorum_check(meeting.id)
    s.checkin.open_meeting(meeting.id)
    item = s.meetings.get(meeting.id).agenda[0].id
    assert item is not None
    s.decisions.record_no_consensus(meeting.id, item, "")
    ballot, _ = s.ballots.open_motion(meeting.id, item, BallotMode.SECRET, "Usul")
    assert ballot.id is not None
    for n in range(1, 8):
        s.ballots.cast(ballot.id, f"{n:04d}", Choice.YES if n % 2 else Choice.NO)
    cut = tmp_path / "cut"
    cut.mkdir()
    for suffix in ("", "-wal"):
        source = db_path.with_name(db_path.name + suffix)
        if source.exists():
            shutil.copyfile(source, cut / (db_path.name + suffix))
    after = Services.create(
        ServiceContext(open_database(cut / db_path.name), "ketua", lambda: FIXED_NOW)
    )
    try:
        assert after.ballots.progress(ballot.id).voted == 7
        outcome, _ = after.ballots.close(ballot.id)
        assert outcome.tally == {"setuju": 4, "tidak_setuju": 3, "abstain": 0, "tidak_sah": 0}
    finally:
        after.close()


def test_closing_refuses_totals_that_do_not_match_who_took_part(voted: Voted) -> None:
    """A recount reconciles: an extra vote slipped into the stored totals (or a participation
    row removed) is found when the ballot closes, and the ballot stays open."""
    s = voted.services
    meeting = s.meetings.get(voted.meeting_id)
    item = meeting.agenda[1].id
    assert item is not None
    s.decisions.record_no_consensus(voted.meeting_id, item, "")
    ballot, _ = s.ballots.open_motion(voted.meeting_id, item, BallotMode.SECRET, "Usul kedua")
    assert ballot.id is not None
    for n in range(1, 6):
        s.ballots.cast(ballot.id, f"{n:04d}", Choice.YES)
    conn = sqlite3.connect(voted.path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if "secret_choices" in tables:  # the storage before issue 10: one row per vote
            conn.execute(
                "INSERT INTO secret_choices (id, ballot_id, choice) VALUES (7, ?, 'setuju')",
                (ballot.id,),
            )
        else:
            conn.execute(
                "UPDATE secret_totals SET votes = votes + 1 WHERE ballot_id = ? "
                "AND option = 'setuju'",
                (ballot.id,),
            )
        conn.commit()
    finally:
        conn.close()
    with pytest.raises(DomainError, match="tidak sama dengan"):
        s.ballots.close(ballot.id)
    assert s.ballots.get(ballot.id).state.value == "open"


def test_a_start_after_a_crash_empties_the_wal(voted: Voted, tmp_path: Path) -> None:
    """A run stopped after a vote (or between a close and its truncation) leaves the WAL's
    frames, each a copy of the totals' page as one vote left it: the next start empties it."""
    s = voted.services
    item = s.meetings.get(voted.meeting_id).agenda[2].id
    assert item is not None
    s.decisions.record_no_consensus(voted.meeting_id, item, "")
    ballot, _ = s.ballots.open_motion(voted.meeting_id, item, BallotMode.SECRET, "Usul ketiga")
    assert ballot.id is not None
    for n in range(1, 4):
        s.ballots.cast(ballot.id, f"{n:04d}", Choice.NO)
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal"):
        shutil.copyfile(
            voted.path.with_name(voted.path.name + suffix), crashed / ("k.sqlite" + suffix)
        )
    assert len(wal_frames(crashed / "k.sqlite-wal")) >= 3  # what the crash left
    db = open_database(crashed / "k.sqlite")
    try:
        assert wal_frames(crashed / "k.sqlite-wal") == []
        with db.read() as conn:  # nothing confirmed was lost on the way
            assert secret_store.totals(conn, ballot.id)["tidak_setuju"] == 3
    finally:
        db.close()


def test_a_cancelled_secret_ballot_leaves_no_wal_either(voted: Voted) -> None:
    s = voted.services
    item = s.meetings.get(voted.meeting_id).agenda[1].id
    assert item is not None
    s.decisions.record_no_consensus(voted.meeting_id, item, "")
    ballot, _ = s.ballots.open_motion(voted.meeting_id, item, BallotMode.SECRET, "Usul batal")
    assert ballot.id is not None
    for n in range(1, 6):
        s.ballots.cast(ballot.id, f"{n:04d}", Choice.NO if n % 2 else Choice.YES)
    wal = voted.path.with_name(voted.path.name + "-wal")
    assert wal_frames(wal)  # each vote's commit is there while the ballot is open
    s.ballots.cancel(ballot.id, "surat suara salah cetak")
    assert wal_frames(wal) == []
    _page_attack(Pages.of_file(voted.path), voted)


_VOTER = """
import sys
from assembly.domain.ballots import Choice
from assembly.services.bundle import Services

services = Services.open(sys.argv[1], create=False)
for n in range(int(sys.argv[3]), int(sys.argv[4]) + 1):
    services.ballots.cast(int(sys.argv[2]), f"{n:04d}", Choice.YES if n % 3 else Choice.NO)
    print(n, flush=True)
"""


def test_a_kill_mid_ballot_loses_no_confirmed_vote(voted: Voted) -> None:
    """A real process casting secret votes is killed (SIGKILL) after twelve confirmations:
    the totals hold every confirmed vote, match the participation, and the ballot closes."""
    s = voted.services
    item = s.meetings.get(voted.meeting_id).agenda[1].id
    assert item is not None
    s.decisions.record_no_consensus(voted.meeting_id, item, "")
    ballot, _ = s.ballots.open_motion(voted.meeting_id, item, BallotMode.SECRET, "Usul")
    assert ballot.id is not None
    with subprocess.Popen(
        [sys.executable, "-c", _VOTER, str(voted.path), str(ballot.id), "1", str(VOTERS)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parents[2],
    ) as child:
        assert child.stdout is not None
        confirmed = [int(child.stdout.readline()) for _ in range(12)]
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert confirmed == list(range(1, 13))
    after = Services.create(ServiceContext(open_database(voted.path), "ketua", lambda: FIXED_NOW))
    try:
        with after.ctx.db.read() as conn:
            totals = secret_store.totals(conn, ballot.id)
            took_part = secret_store.took_part(conn, ballot.id)
        assert took_part >= 12  # every confirmed vote (one more may have committed unseen)
        assert totals[secret_store.CAST] == took_part
        assert totals["setuju"] + totals["tidak_setuju"] == took_part
        outcome, _ = after.ballots.close(ballot.id)
        assert sum(outcome.tally.values()) == took_part
    finally:
        after.close()
