"""The AD's election rules: a tie for the last seat broken as the AD says (law.md rule 17:
run-off by default, or a lot, or the chair), and the Koperasi Merah Putih warnings (SE Menkop
1/2025) about the kepala desa, women among the pengurus and related candidates."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from assembly.domain.ad_profile import ADProfile, TieBreak
from assembly.domain.ad_templates import ProfileTemplate
from assembly.domain.ballots import BallotMode, Office, Outcome
from assembly.domain.errors import DomainError
from assembly.domain.members import Sex
from assembly.services.bundle import Services
from assembly.services.elections import Declaration
from tests.services.voting_fixtures import Hall, no_consensus, opened_hall


def _tied(hall: Hall, seats: int = 2) -> int:
    """A named election for ``seats`` among 0001-0003 where 0002 and 0003 tie for the last."""
    item = no_consensus(hall, 4)
    s = hall.services
    ballot, _ = s.elections.open_election(
        hall.meeting_id, item, "Pengawas", seats, ["0001", "0002", "0003"], BallotMode.NAMED
    )
    for voter, chosen in (
        ("0001", ["0001", "0002"]),
        ("0002", ["0001", "0003"]),
        ("0003", ["0001"]),
    ):
        s.ballots.cast(ballot.id, voter, chosen)  # fmt: skip
    return int(ballot.id or 0)


@pytest.mark.parametrize(
    ("how", "words"),
    [(TieBreak.LOT, "diundi di hadapan rapat"), (TieBreak.CHAIR, "diputuskan oleh pimpinan rapat")],
)
def test_a_tie_is_settled_by_lot_or_by_the_chair_when_the_ad_says_so(
    cooperative: Services, db_path: Path, how: TieBreak, words: str
) -> None:
    profile = replace(ADProfile(), tie_break=how, articles={"tie_break": "Pasal 25 ayat (5)"})
    hall = opened_hall(cooperative, db_path, profile=profile)
    ballot_id = _tied(hall)
    s = cooperative
    result, _ = s.ballots.close(ballot_id)
    assert result.outcome is Outcome.TIE
    assert result.statement == (
        "terpilih: Anggota Nomor 1 (3); suara sama untuk kursi terakhir antara Anggota Nomor 2, "
        f"Anggota Nomor 3: {words} (AD Pasal 25 ayat (5))"
    )
    assert len(s.ballots.ballots(hall.meeting_id)) == 1  # no run-off opened
    with pytest.raises(DomainError, match="bukan dengan pemilihan ulang"):
        s.elections.open_runoff(ballot_id)
    head = s.audit.head_hash()
    for wrong in (["0001"], ["0002", "0003"], ["0009"], []):
        with pytest.raises(DomainError, match="Pilih 1 calon dari yang suaranya sama"):
            s.elections.settle_tie(ballot_id, wrong)
    assert s.audit.head_hash() == head
    row, _ = s.elections.settle_tie(ballot_id, ["0003"])
    assert (row.outcome, row.result) == (Outcome.ELECTED, f"{words}: terpilih Anggota Nomor 3")
    assert s.decisions.decisions(hall.meeting_id)[-1] == row
    with pytest.raises(DomainError, match="tidak berakhir dengan suara sama"):
        s.elections.settle_tie(ballot_id, ["0002"])


def test_the_default_runs_the_tie_off_and_settling_is_refused(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path)
    ballot_id = _tied(hall)
    s = cooperative
    result, _ = s.ballots.close(ballot_id)
    assert result.outcome is Outcome.RUNOFF
    assert len(s.ballots.ballots(hall.meeting_id)) == 1  # the tie stays in view for the chair
    with pytest.raises(DomainError, match="tidak berakhir dengan suara sama"):
        s.elections.settle_tie(ballot_id, ["0002"])
    runoff, _ = s.elections.open_runoff(ballot_id)
    assert (runoff.runoff_of, runoff.seats) == (ballot_id, 1)
    assert [b.id for b in s.ballots.ballots(hall.meeting_id)] == [ballot_id, runoff.id]
    with pytest.raises(DomainError, match="tidak berakhir dengan suara sama"):
        s.elections.settle_tie(ballot_id, ["0002"])


def _with_sexes(s: Services, women: tuple[str, ...]) -> None:
    for number in ("0001", "0002", "0003", "0005", "0006"):
        member = s.register.member_by_number(number)
        assert member is not None
        s.register.save(replace(member, sex=Sex.FEMALE if number in women else Sex.MALE))


def test_merah_putih_warns_about_the_kepala_desa_women_and_relatives(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path, profile=ProfileTemplate.MERAH_PUTIH.profile())
    s = cooperative
    _with_sexes(s, women=("0006",))
    item = no_consensus(hall, 4)
    ballot, _ = s.elections.open_election(
        hall.meeting_id, item, "Pengurus 2026-2031", 3, ["0001", "0002", "0003", "0006"],
        BallotMode.NAMED, office=Office.PENGURUS,
        declared={"0001": Declaration(village_head=True),
                  "0002": Declaration(kin_group="Keluarga Siregar"),
                  "0003": Declaration(kin_group=" keluarga siregar ")},
    )  # fmt: skip
    assert ballot.office is Office.PENGURUS
    assert s.elections.warnings(ballot.id) == [
        "Anggota Nomor 1 adalah kepala desa/lurah: menurut SE Menkop 1/2025 kepala desa menjabat "
        "ketua pengawas secara ex officio dan tidak dicalonkan untuk jabatan Pengurus.",
        "Calon pengurus Anggota Nomor 2, Anggota Nomor 3 dinyatakan memiliki hubungan keluarga: "
        "menurut SE Menkop 1/2025 pengurus tidak memiliki hubungan darah atau perkawinan satu "
        "sama lain.",
    ]  # one woman of four candidates covers 30 % of 3 seats (1)
    for voter in ("0001", "0002", "0003", "0004"):
        s.ballots.cast(ballot.id, voter, ["0001", "0002", "0003"])
    s.ballots.cast(ballot.id, "0005", ["0006"])
    result, _ = s.ballots.close(ballot.id)
    assert result.outcome is Outcome.ELECTED  # warnings never refuse
    warnings = s.elections.warnings(ballot.id)
    assert (
        "Pengurus terpilih: 0 perempuan dari 3 kursi, kurang dari 30% (1 orang) yang diminta "
        "SE Menkop 1/2025." in warnings
    )
    assert any(w.startswith("Pengurus terpilih Anggota Nomor 2, Anggota Nomor 3") for w in warnings)


def test_the_kepala_desa_for_ketua_pengawas_warns_of_nothing_and_strangers_are_refused(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path, profile=ProfileTemplate.MERAH_PUTIH.profile())
    s = cooperative
    item = no_consensus(hall, 4)
    ballot, _ = s.elections.open_election(
        hall.meeting_id, item, "Ketua Pengawas", 1, ["0001", "0002"], BallotMode.NAMED,
        office=Office.KETUA_PENGAWAS, declared={"0001": Declaration(village_head=True)},
    )  # fmt: skip
    assert s.elections.warnings(ballot.id) == []
    s.ballots.cancel(ballot.id, "Salah jabatan")
    with pytest.raises(DomainError, match="0404 bukan calon pada pemilihan ini"):
        s.elections.open_election(
            hall.meeting_id, item, "Pengurus", 1, ["0001", "0002"], BallotMode.NAMED,
            office=Office.PENGURUS, declared={"0404": Declaration(village_head=True)},
        )  # fmt: skip
    assert len(s.ballots.ballots(hall.meeting_id)) == 1  # the refused one was not stored


def test_a_runoff_keeps_the_office_and_what_the_candidates_declared(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path, profile=ProfileTemplate.MERAH_PUTIH.profile())
    s = cooperative
    item = no_consensus(hall, 4)
    ballot, _ = s.elections.open_election(
        hall.meeting_id, item, "Pengawas", 1, ["0001", "0002"], BallotMode.NAMED,
        office=Office.PENGAWAS, declared={"0001": Declaration(village_head=True)},
    )  # fmt: skip
    s.ballots.cast(ballot.id, "0003", ["0001"])
    s.ballots.cast(ballot.id, "0004", ["0002"])
    result, _ = s.ballots.close(ballot.id)
    assert result.outcome is Outcome.RUNOFF
    runoff, _ = s.elections.open_runoff(ballot.id)
    assert s.ballots.get(runoff.id).office is Office.PENGAWAS
    assert runoff.office is Office.PENGAWAS
    (warning,) = s.elections.warnings(runoff.id)
    assert warning.startswith("Anggota Nomor 1 adalah kepala desa/lurah")
