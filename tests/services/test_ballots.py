"""Ballots on a real database file: the quorum snapshot, named votes (one per member, also when
two processes race), proxy votes apart, counted totals reconciled, the secret kiosk, closing
with the result statement, cancelling and re-voting with a reason."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from assembly.domain.ad_profile import ADProfile, NoQuorumAtVote
from assembly.domain.ballots import BallotMode, BallotState, Choice, CountedTotals, Outcome
from assembly.domain.errors import DomainError
from assembly.persistence import audit_log, secret_store
from assembly.persistence.tables import named_votes, quorum_checks, secret_totals
from assembly.services.bundle import Services
from tests.services.voting_fixtures import no_consensus, opened_hall


def test_named_votes_close_into_a_stated_result(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    item = no_consensus(hall, 2)
    ballot, _ = cooperative.ballots.open_motion(
        hall.meeting_id, item, BallotMode.NAMED, "SHU dibagi 40% menurut jasa"
    )
    assert (ballot.present, ballot.minimum, ballot.reached, ballot.eligible) == (6, 5, True, 6)
    assert ballot.rule_text == "lebih dari 1/2 jumlah anggota yang memiliki hak suara"
    with cooperative.ctx.db.read() as conn:
        note = conn.execute(sa.select(quorum_checks.c.note)).scalars().all()[-1]
    assert note == "sebelum pemungutan suara: SHU dibagi 40% menurut jasa"
    votes = {"0001": Choice.YES, "0002": Choice.YES, "0003": Choice.YES, "0004": Choice.NO,
             "0005": Choice.ABSTAIN}  # fmt: skip
    for number, choice in votes.items():
        progress, _ = hall.reopen().ballots.cast(ballot.id, number, choice)
    assert progress.text == "5 dari 6 sudah memberikan suara"
    s = hall.reopen()
    with pytest.raises(DomainError, match=r"sudah memberikan suara.*satu anggota satu suara"):
        s.ballots.cast(ballot.id, "0001", Choice.NO)
    with pytest.raises(DomainError, match="Calon Sembilan tidak berhak"):
        s.ballots.cast(ballot.id, "0009", Choice.YES)
    with pytest.raises(DomainError, match="Anggota Nomor 7 tidak berhak"):
        s.ballots.cast(ballot.id, "0007", Choice.YES)
    with pytest.raises(DomainError, match="tidak ditemukan"):
        s.ballots.cast(ballot.id, "9999", Choice.YES)
    with pytest.raises(DomainError, match="Pilih setuju"):
        s.ballots.cast(ballot.id, "0006", Choice.INVALID)
    assert s.ballots.progress(ballot.id).voted == 5
    result, _ = s.ballots.close(ballot.id)
    assert result.tally == {"setuju": 3, "tidak_setuju": 1, "abstain": 1, "tidak_sah": 0}
    assert result.statement == "disetujui: 3 dari 4 suara sah, lebih dari 1/2"
    assert result.outcome is Outcome.ADOPTED and result.decision.ballot_id == ballot.id
    with pytest.raises(DomainError, match="sudah ditutup"):
        s.ballots.cast(ballot.id, "0006", Choice.YES)
    assert s.ballots.get(ballot.id).state is BallotState.CLOSED
    s.close()


def test_a_tie_rejects_the_motion(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    ballot, _ = cooperative.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 3), BallotMode.NAMED, "Rencana kerja"
    )
    for number, choice in (("0001", Choice.YES), ("0002", Choice.NO)):
        cooperative.ballots.cast(ballot.id, number, choice)
    result, _ = cooperative.ballots.close(ballot.id)
    assert result.outcome is Outcome.REJECTED
    assert result.statement == "tidak disetujui: 1 dari 2 suara sah, lebih dari 1/2"


def _race(path: str, ballot_id: int, choice: str, start: Any, out: Any) -> None:
    from assembly.persistence.database import open_database
    from assembly.services.context import ServiceContext

    services = Services.create(ServiceContext(open_database(path), "meja"))
    start.wait()
    try:
        services.ballots.cast(ballot_id, "0003", Choice(choice))
        out.put("ok")
    except DomainError as exc:
        out.put(exc.message)
    finally:
        services.close()


def test_two_processes_racing_record_exactly_one_vote(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    ballot, _ = cooperative.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 2), BallotMode.NAMED, "SHU"
    )
    cooperative.close()
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Barrier(2), ctx.Queue()
    procs = [
        ctx.Process(target=_race, args=(str(db_path), ballot.id, c, start, out))
        for c in ("setuju", "tidak_setuju")
    ]
    for p in procs:
        p.start()
    results = sorted(out.get(timeout=60) for _ in procs)
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert results[1] == "ok"
    assert "sudah memberikan suara" in results[0]
    s = hall.reopen()
    with s.ctx.db.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(named_votes)).scalar() == 1
    s.close()


def test_the_proxy_holder_votes_for_the_grantor_apart(cooperative: Services, db_path: Path) -> None:
    profile = ADProfile(proxies_enabled=True)
    hall = opened_hall(cooperative, db_path, ("0001", "0002", "0003", "0004", "0006"), profile)
    s = cooperative
    s.proxies.grant(hall.meeting_id, "0005", "0006", "Surat kuasa 01/2026")
    ballot, _ = s.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 2), BallotMode.NAMED, "SHU"
    )
    assert ballot.eligible == 6
    with pytest.raises(DomainError, match="diwakili oleh pemegang surat kuasa"):
        s.ballots.cast(ballot.id, "0005", Choice.YES)
    with pytest.raises(DomainError, match="Anggota Nomor 1 tidak memegang surat kuasa"):
        s.ballots.cast(ballot.id, "0001", Choice.YES, for_grantor="0005")
    s.ballots.cast(ballot.id, "0006", Choice.NO)
    progress, _ = s.ballots.cast(ballot.id, "0006", Choice.YES, for_grantor="0005")
    assert (progress.voted, progress.by_proxy) == (2, 1)
    with pytest.raises(DomainError, match="sudah memberikan suara"):
        s.ballots.cast(ballot.id, "0006", Choice.YES, for_grantor="0005")
    result, _ = s.ballots.close(ballot.id)
    assert result.by_proxy == 1 and result.tally["setuju"] == 1


def test_no_quorum_at_the_vote_blocks(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    for number in ("0001", "0002"):
        cooperative.checkin.check_out(hall.meeting_id, hall.ids[number])
    item = no_consensus(hall, 2)
    with pytest.raises(DomainError, match="Kuorum tidak tercapai saat pemungutan suara"):
        cooperative.ballots.open_motion(hall.meeting_id, item, BallotMode.NAMED, "SHU")
    assert cooperative.ballots.ballots(hall.meeting_id) == []


def test_no_quorum_at_the_vote_is_flagged_when_the_ad_says_so(
    cooperative: Services, db_path: Path
) -> None:
    profile = ADProfile(no_quorum_at_vote=NoQuorumAtVote.FLAG)
    hall = opened_hall(cooperative, db_path, profile=profile)
    for number in ("0001", "0002"):
        cooperative.checkin.check_out(hall.meeting_id, hall.ids[number])
    item = no_consensus(hall, 2)
    ballot, _ = cooperative.ballots.open_motion(hall.meeting_id, item, BallotMode.NAMED, "SHU")
    assert (ballot.reached, ballot.present, ballot.minimum, ballot.eligible) == (False, 4, 5, 4)
    with pytest.raises(DomainError, match="Anggota Nomor 1 tidak berhak"):
        cooperative.ballots.cast(ballot.id, "0001", Choice.YES)


def test_counted_totals_are_reconciled(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    ballot, _ = cooperative.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 2), BallotMode.COUNTED, "SHU"
    )
    b = cooperative.ballots
    with pytest.raises(DomainError, match="jumlah suara yang dihitung"):
        b.close(ballot.id)
    with pytest.raises(DomainError, match="melebihi 6 anggota berhak suara"):
        b.enter_counted(ballot.id, CountedTotals(5, 2, tellers=("Budi",)))
    with pytest.raises(DomainError, match="saksi"):
        b.enter_counted(ballot.id, CountedTotals(3, 2))
    with pytest.raises(DomainError, match=r"kembali \(5\) harus sama"):
        b.enter_counted(ballot.id, CountedTotals(3, 2, blank=1, issued=6, returned=5,
                                                 tellers=("Budi",)))  # fmt: skip
    with pytest.raises(DomainError, match="melebihi yang dibagikan"):
        b.enter_counted(ballot.id, CountedTotals(3, 2, issued=4, returned=5, tellers=("Budi",)))
    with pytest.raises(DomainError, match="dibagikan dan kembali"):
        b.enter_counted(ballot.id, CountedTotals(3, 2, issued=6, tellers=("Budi",)))
    with pytest.raises(DomainError, match="dihitung; masukkan jumlahnya"):
        b.cast(ballot.id, "0001", Choice.YES)
    b.enter_counted(
        ballot.id, CountedTotals(3, 1, 0, 1, 1, issued=6, returned=6, tellers=("Budi", "Sari"))
    )
    assert b.progress(ballot.id).text == "6 dari 6 sudah memberikan suara"
    result, _ = b.close(ballot.id)
    assert result.tally == {"setuju": 3, "tidak_setuju": 1, "abstain": 0, "tidak_sah": 2}
    assert result.statement == "disetujui: 3 dari 4 suara sah, lebih dari 1/2"


def test_the_secret_kiosk_stores_totals_only(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    ballot, _ = cooperative.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 2), BallotMode.SECRET, "SHU"
    )
    for number, choice in (("0001", Choice.NO), ("0002", Choice.NO), ("0003", Choice.YES)):
        cooperative.ballots.cast(ballot.id, number, choice)
    with pytest.raises(DomainError, match="sudah memberikan suara"):
        cooperative.ballots.cast(ballot.id, "0002", Choice.YES)
    with cooperative.ctx.db.read() as conn:
        assert {c.name for c in secret_totals.columns} == {"id", "ballot_id", "option", "votes"}
        totals = secret_store.totals(conn, ballot.id)
        assert totals == {"setuju": 1, "tidak_setuju": 2, "abstain": 0, secret_store.CAST: 3}
        logged = [e.payload for e in audit_log.events(conn) if e.kind == "ballot.participated"]
    assert len(logged) == 3 and all("choice" not in str(p) for p in logged)
    result, _ = cooperative.ballots.close(ballot.id)
    assert result.tally["tidak_setuju"] == 2 and result.outcome is Outcome.REJECTED


def test_cancel_and_revote_need_a_reason(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    b = cooperative.ballots
    ballot, _ = b.open_motion(hall.meeting_id, no_consensus(hall, 2), BallotMode.NAMED, "SHU")
    b.cast(ballot.id, "0001", Choice.YES)
    with pytest.raises(DomainError, match="Masih ada pemungutan suara yang terbuka"):
        b.open_motion(hall.meeting_id, hall.items[1], BallotMode.NAMED, "Lain")
    with pytest.raises(DomainError, match="alasan pembatalan"):
        b.cancel(ballot.id, " ")
    with pytest.raises(DomainError, match="Tutup atau batalkan"):
        b.revote(ballot.id, "salah hitung")
    cancelled, _ = b.cancel(ballot.id, "Usul diubah sebelum dipungut")
    assert cancelled.state is BallotState.CANCELLED
    with pytest.raises(DomainError, match="alasan pemungutan suara ulang"):
        b.revote(ballot.id, "")
    again, _ = b.revote(ballot.id, "Usul yang sudah diubah")
    assert (again.revote_of, again.revote_reason, again.state) == (
        ballot.id,
        "Usul yang sudah diubah",
        BallotState.OPEN,
    )
    assert b.progress(again.id).voted == 0
    b.cast(again.id, "0001", Choice.NO)


def test_a_meeting_with_an_open_ballot_cannot_be_closed(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path)
    item = no_consensus(hall, 1)
    ballot, _ = cooperative.ballots.open_motion(hall.meeting_id, item, BallotMode.NAMED, "LPJ")
    with pytest.raises(DomainError, match="pemungutan suara yang terbuka"):
        cooperative.meetings.close(hall.meeting_id)
    cooperative.ballots.cancel(ballot.id, "salah buka")
    closed, _ = cooperative.meetings.close(hall.meeting_id)
    assert closed.read_only


def test_a_revote_follows_its_item_and_no_consensus_goes_over_a_vote(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path)
    b, d = cooperative.ballots, cooperative.decisions
    shu, plan = no_consensus(hall, 2), hall.items[2]
    ballot, _ = b.open_motion(hall.meeting_id, shu, BallotMode.NAMED, "SHU dibagi rata")
    for number in ("0001", "0002", "0003"):
        b.cast(ballot.id, number, Choice.YES)
    b.close(ballot.id)
    d.record_consensus(hall.meeting_id, plan, "Rencana kerja 2026 disahkan")
    # The consensus on item 3 leaves item 2's vote repeatable: the rule follows the item.
    assert b.repeatable(hall.meeting_id, shu).ballot == b.get(ballot.id)
    none_yet = b.repeatable(hall.meeting_id, plan)
    assert none_yet.ballot is None
    assert none_yet.refusal == (
        "Belum ada pemungutan suara atas acara 3. Rencana kerja 2026; tidak ada yang dapat diulang."
    )
    # A consensus over item 2, decided by its vote, is refused by the service (not only by
    # the console's greyed button), naming the item; nothing is recorded and the vote may
    # still be run again.
    decisions_before = d.decisions(hall.meeting_id)
    with pytest.raises(DomainError, match=r"Acara 2 sudah diputuskan; mufakat"):
        d.record_consensus(hall.meeting_id, shu, "SHU dibagi menurut jasa")
    assert d.decisions(hall.meeting_id) == decisions_before
    assert b.repeatable(hall.meeting_id, shu).ballot == b.get(ballot.id)
    # A consensus twice over one item is refused the same way.
    with pytest.raises(DomainError, match=r"Acara 3 sudah diputuskan; mufakat"):
        d.record_consensus(hall.meeting_id, plan, "Rencana kerja 2026 disahkan lagi")


def test_only_the_items_newest_ballot_is_run_again(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    b = cooperative.ballots
    item = no_consensus(hall, 2)
    first, _ = b.open_motion(hall.meeting_id, item, BallotMode.NAMED, "SHU")
    b.cancel(first.id, "judul salah")
    second, _ = b.revote(first.id, "judul diperbaiki")
    b.cast(second.id, "0001", Choice.NO)
    b.close(second.id)
    with pytest.raises(DomainError, match=r"bukan yang terakhir atas acara 2\. Pembagian SHU"):
        b.revote(first.id, "lagi")
    assert b.repeatable(hall.meeting_id, item).ballot == b.get(second.id)
    # A failed consensus recorded after the vote closed: a new ballot, not the old one again.
    cooperative.decisions.record_no_consensus(hall.meeting_id, item, "usul baru")
    refused = b.repeatable(hall.meeting_id, item)
    assert refused.ballot is None and "buka pemungutan suara baru" in refused.refusal
    with pytest.raises(DomainError, match="buka pemungutan suara baru"):
        b.revote(second.id, "lagi")
