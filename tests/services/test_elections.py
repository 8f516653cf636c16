"""Elections: candidates who are entitled members, up to ``seats`` choices per voter, secret by
default, ranking, a run-off between those tied for the last seat, and one secret vote per member
also when two kiosks race."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from assembly.domain.ballots import BallotMode, BallotState, Outcome
from assembly.domain.errors import DomainError
from assembly.persistence import secret_store
from assembly.persistence.tables import secret_participation
from assembly.services.bundle import Services
from tests.services.voting_fixtures import Hall, no_consensus, opened_hall


def _election(hall: Hall, seats: int = 2, mode: BallotMode | None = None) -> int:
    item = no_consensus(hall, 4)
    ballot, _ = hall.services.elections.open_election(
        hall.meeting_id, item, "Pemilihan pengawas 2026-2029", seats, ["0001", "0002", "0003"], mode
    )
    assert ballot.id is not None
    return ballot.id


def test_candidates_must_be_entitled_members(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    item = no_consensus(hall, 4)
    e = cooperative.elections
    with pytest.raises(DomainError, match="Calon Sembilan tidak dapat dicalonkan"):
        e.open_election(hall.meeting_id, item, "Pengawas", 1, ["0001", "0009"])
    with pytest.raises(DomainError, match="Nomor anggota 0404 tidak ditemukan"):
        e.open_election(hall.meeting_id, item, "Pengawas", 1, ["0001", "0404"])
    with pytest.raises(DomainError, match="lebih sedikit dari kursi"):
        e.open_election(hall.meeting_id, item, "Pengawas", 3, ["0001", "0002"])
    with pytest.raises(DomainError, match="satu kali"):
        e.open_election(hall.meeting_id, item, "Pengawas", 1, ["0001", "0001"])
    assert cooperative.ballots.ballots(hall.meeting_id) == []


def test_a_secret_election_ranks_and_runs_off_a_tie(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    ballot_id = _election(hall)
    s = hall.reopen()
    assert s.ballots.get(ballot_id).mode is BallotMode.SECRET  # votes on persons (rule 18)
    assert [n for n, _ in s.elections.candidates(ballot_id)] == ["0001", "0002", "0003"]
    with pytest.raises(DomainError, match="paling banyak 2 calon"):
        s.ballots.cast(ballot_id, "0004", ["0001", "0002", "0003"])
    with pytest.raises(DomainError, match="paling banyak 2 calon"):
        s.ballots.cast(ballot_id, "0004", ["0001", "0006"])
    ballots = {"0001": ["0001", "0002"], "0002": ["0001", "0003"], "0003": ["0002", "0001"],
               "0004": ["0003"], "0005": [], "0006": ["0001"]}  # fmt: skip
    for voter, chosen in ballots.items():
        s.ballots.cast(ballot_id, voter, chosen)
    assert s.elections.ranking(ballot_id) == [
        ("Anggota Nomor 1", 4),
        ("Anggota Nomor 2", 2),
        ("Anggota Nomor 3", 2),
    ]
    result, _ = s.ballots.close(ballot_id)
    assert result.outcome is Outcome.RUNOFF
    assert result.statement == (
        "terpilih: Anggota Nomor 1 (4); suara sama untuk kursi terakhir: pemilihan ulang antara "
        "Anggota Nomor 2, Anggota Nomor 3"
    )
    # The hall sees the tie first: the chair opens the run-off.
    assert [b.state for b in s.ballots.ballots(hall.meeting_id)] == [BallotState.CLOSED]
    runoff, _ = s.elections.open_runoff(ballot_id)
    assert (runoff.seats, runoff.runoff_of, runoff.state) == (1, ballot_id, BallotState.OPEN)
    assert runoff.title == "Pemilihan ulang: Pemilihan pengawas 2026-2029"
    assert [n for n, _ in s.elections.candidates(runoff.id)] == ["0002", "0003"]
    with pytest.raises(DomainError, match="paling banyak 1 calon"):
        s.ballots.cast(runoff.id, "0001", ["0001"])
    for voter, chosen in (("0001", "0002"), ("0002", "0003"), ("0003", "0002")):
        s.ballots.cast(runoff.id, voter, [chosen])
    final, _ = s.ballots.close(runoff.id)
    assert final.outcome is Outcome.ELECTED
    assert final.statement == "terpilih: Anggota Nomor 2 (2)"
    with pytest.raises(DomainError, match="sudah dibuka"):
        s.elections.open_runoff(ballot_id)
    s.close()


def test_a_named_election_is_possible_when_chosen(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    ballot_id = _election(hall, 1, BallotMode.NAMED)
    cooperative.ballots.cast(ballot_id, "0004", ["0003"])
    result, _ = cooperative.ballots.close(ballot_id)
    assert result.tally == {"Anggota Nomor 1": 0, "Anggota Nomor 2": 0, "Anggota Nomor 3": 1}
    assert result.outcome is Outcome.ELECTED


def _kiosk(path: str, ballot_id: int, start: Any, out: Any) -> None:
    from assembly.persistence.database import open_database
    from assembly.services.context import ServiceContext

    services = Services.create(ServiceContext(open_database(path), "kios"))
    start.wait()
    try:
        services.ballots.cast(ballot_id, "0005", ["0002"])
        out.put("ok")
    except DomainError as exc:
        out.put(exc.message)
    finally:
        services.close()


def test_two_kiosks_racing_record_one_secret_vote(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    ballot_id = _election(hall, 1)
    cooperative.close()
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_kiosk, args=(str(db_path), ballot_id, start, out)) for _ in "ab"]
    for p in procs:
        p.start()
    results = sorted(out.get(timeout=60) for _ in procs)
    for p in procs:
        p.join(timeout=60)
    assert results[1] == "ok" and "sudah memberikan suara" in results[0]
    s = hall.reopen()
    with s.ctx.db.read() as conn:
        table = secret_participation
        assert conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() == 1
        assert secret_store.totals(conn, ballot_id)[secret_store.CAST] == 1
    s.close()


def test_a_runoff_blocked_by_quorum_is_opened_later(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    ballot_id = _election(hall, 1)
    s = cooperative
    for voter, chosen in (("0001", "0001"), ("0002", "0002"), ("0003", "0003")):
        s.ballots.cast(ballot_id, voter, [chosen])
    for number in ("0005", "0006"):
        s.checkin.check_out(hall.meeting_id, hall.ids[number])
    result, _ = s.ballots.close(ballot_id)
    assert result.outcome is Outcome.RUNOFF
    assert "pemilihan ulang antara Anggota Nomor 1, Anggota Nomor 2, Anggota Nomor 3" in (
        result.statement
    )
    with pytest.raises(DomainError, match="Kuorum tidak tercapai"):
        s.elections.open_runoff(ballot_id)
    s.checkin.check_in(hall.meeting_id, "0005")
    runoff, _ = s.elections.open_runoff(ballot_id)
    assert (runoff.runoff_of, runoff.seats, runoff.eligible) == (ballot_id, 1, 5)
    assert [n for n, _ in s.elections.candidates(runoff.id)] == ["0001", "0002", "0003"]
    with pytest.raises(DomainError, match="sudah dibuka"):
        s.elections.open_runoff(ballot_id)
