"""A secret ballot on PostgreSQL cannot be linked to its voters from the cluster's files once it
has closed (DESIGN.md section 7; docs/security.md, "PostgreSQL").

The attacker has the public order in which members voted (the participation rows, the audit
log) and every file of the cluster's data folder: the table files, the WAL, everything. The
counters are stored as 2**48 + n (8 bytes, little-endian in the heap and in the WAL): a counter's
intermediate value (the ballots cast after the 2nd, 3rd, 4th vote) is the history that pairs
each raise with a voter. Before the close the files hold it (the attack works); after the close
they do not, and pageinspect shows one row version per counter, all stamped with one
transaction and laid out in the key's order, not in the order of the last votes.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
import sqlalchemy as sa

from assembly.domain.ballots import BallotMode, Choice
from assembly.services.bundle import Services
from tests.services.voting_fixtures import no_consensus, opened_hall

FIXED_WIDTH = 1 << 48
# 0001 setuju, 0002 tidak setuju, 0003 setuju, 0004 abstain, 0005 setuju: the counter of
# ballots cast passes 2, 3 and 4 (and setuju 2) on the way; no counter ends at those values.
VOTES = (
    ("0001", Choice.YES),
    ("0002", Choice.NO),
    ("0003", Choice.YES),
    ("0004", Choice.ABSTAIN),
    ("0005", Choice.YES),
)


def _counter(option: str, n: int) -> bytes:
    """The bytes of a counter's row version as the heap and the WAL hold them: the option (a
    short varlena: 1-byte header), zeros up to the 8-byte alignment, then 2**48 + n."""
    text = option.encode()
    head = bytes([((len(text) + 1) << 1) | 1]) + text
    pad = (8 - (8 + len(head)) % 8) % 8  # after id and ballot_id (4 bytes each)
    return head + b"\0" * pad + struct.pack("<q", FIXED_WIDTH + n)


INTERMEDIATE = (*(_counter("#", n) for n in (2, 3, 4)), _counter("setuju", 2))
FINAL = (_counter("#", 5), _counter("setuju", 3))


def _files_holding(folder: Path, needles: tuple[bytes, ...]) -> list[str]:
    """The files of the cluster (relative names) holding any of ``needles``."""
    found = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue  # postmaster.pid and the like vanish or are locked
        if any(needle in data for needle in needles):
            found.append(str(path.relative_to(folder)))
    return found


@pytest.mark.parametrize("engine_kind", ["postgresql"])
def test_after_the_close_the_cluster_files_do_not_tell_who_chose_what(
    cooperative: Services, db_path: str, pg_server: object
) -> None:
    data: Path = pg_server.data  # type: ignore[attr-defined]
    hall = opened_hall(cooperative, db_path)
    ballot, _ = cooperative.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 2), BallotMode.SECRET, "SHU"
    )
    for number, choice in VOTES:
        cooperative.ballots.cast(ballot.id, number, choice)
    engine = sa.create_engine(db_path, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("CHECKPOINT")  # the pages on disk, as a pulled plug leaves them
        # The attack works while the ballot is open: the history is in the files.
        assert _files_holding(data, INTERMEDIATE)

        result, _ = cooperative.ballots.close(ballot.id)
        assert result.tally["setuju"] == 3

        assert _files_holding(data, INTERMEDIATE) == []
        assert _files_holding(data, FINAL)  # the totals themselves are there, readable
        with engine.connect() as conn:
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pageinspect")
            pages = conn.execute(
                sa.text(
                    "SELECT pg_relation_size('secret_totals') / current_setting('block_size')::int"
                )
            ).scalar_one()
            items = []
            for page in range(int(pages)):
                items += conn.execute(
                    sa.text(
                        "SELECT lp, t_xmin, t_xmax, t_data FROM heap_page_items("
                        "get_raw_page('secret_totals', :page)) WHERE t_data IS NOT NULL"
                    ),
                    {"page": page},
                ).all()
            rows = (
                conn.execute(
                    sa.text("SELECT option FROM secret_totals WHERE ballot_id = :b ORDER BY ctid"),
                    {"b": ballot.id},
                )
                .scalars()
                .all()
            )
    finally:
        engine.dispose()
    # One version per counter (no dead ones), all written by one transaction (the close's
    # rewrite, not the last vote of each), none deleted.
    assert len(items) == len(rows) == 4
    assert len({xmin for _lp, xmin, _xmax, _d in items}) == 1
    assert all(int(xmax) == 0 for _lp, _xmin, xmax, _d in items)
    # Laid out in the key's order (ballot, option), the same whatever the order of the votes.
    assert rows == sorted(rows)
