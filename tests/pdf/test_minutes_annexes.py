"""The berita acara's vote annexes parsed back: the recapitulation states each ballot's
snapshot, tally, rule and result as recorded; the named list has one line per named vote; a
secret ballot never gets a list; a proxy vote shows its holder; the proxy list names both
sides. Also the chunked tables stay fast at 5,000 rows."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from assembly.domain.ad_profile import ADProfile
from assembly.domain.ballots import BallotMode, Choice
from assembly.i18n import translator
from assembly.pdf.fixed_tables import fixed_tables
from assembly.pdf.layout import PageSetup
from assembly.pdf.minutes_annexes import (
    BallotLine,
    NamedVoteLine,
    NamedVoteList,
    VoteAnnexes,
    annex_story,
)
from assembly.services.bundle import Services
from tests.services.voting_fixtures import no_consensus, opened_hall


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    services = Services.open(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    services.demo.create(members=300)
    yield services
    services.close()


@pytest.fixture(scope="module")
def pages(demo: Services, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    path = tmp_path_factory.mktemp("ba") / "ba.pdf"
    demo.minutes.export(1, path, invariant=True)
    return [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(path).pages]


def annex(pages: list[str], title: str) -> str:
    start = next(i for i, p in enumerate(pages) if title in p)
    return " ".join(pages[start:])


def recap_words(stored: str) -> str:
    """The recorded statement as the recapitulation words it from the tally (issue 11,
    points 8 and 9): "disetujui, 108 dari 148 suara sah (lebih dari 1/2)", "Terpilih: A (318
    suara).", or the tie for the last seat."""
    stored = re.sub(r"\s+", " ", stored)
    motion = re.fullmatch(r"((?:tidak )?disetujui): (\d+) dari (\d+) (.+?), (.+)", stored)
    if motion:
        verdict, yes, base, of, rule = motion.groups()
        return f"{verdict}, {yes} dari {base} {of} ({rule})"
    if stored.startswith("terpilih: "):
        names = re.findall(r"([^,]+?) \((\d+)\)", stored.removeprefix("terpilih: "))
        return " dan ".join(f"{n.strip()} ({v} suara)" for n, v in names)
    return "Suara sama untuk kursi terakhir antara"


def test_the_recapitulation_agrees_with_the_ballots(demo: Services, pages: list[str]) -> None:
    recap = annex(pages, "REKAPITULASI HASIL PEMUNGUTAN SUARA")
    assert "LAMPIRAN II" in recap
    ballots = demo.ballots.ballots(1)
    assert {b.mode for b in ballots} == set(BallotMode)
    decisions = {d.ballot_id: d for d in demo.decisions.decisions(1) if d.ballot_id}
    for ballot in ballots:
        assert f"hadir: {ballot.present}" in recap
        assert f"berhak: {ballot.eligible}" in recap
        assert recap_words(decisions[ballot.id].result) in recap
    voted = [d for d in demo.status.report(1).decisions if d["tally"]]
    assert len(voted) == len(ballots)
    for decision in voted:
        t = decision["tally"]
        if "setuju" in t:
            assert f"Setuju: {t['setuju']} Tidak setuju: {t['tidak_setuju']}" in recap
            assert f"Abstain: {t['abstain']} Tidak sah: {t['tidak_sah']}" in recap
        else:
            for name, votes in t.items():
                assert f"{name}: {votes}" in recap
    assert "Rahasia" in recap and "Terbuka (per nama)" in recap and "Dihitung" in recap


def test_named_votes_are_listed_and_secret_ones_never(demo: Services, pages: list[str]) -> None:
    listed = annex(pages, "DAFTAR SUARA TERBUKA")
    assert "LAMPIRAN III" in listed
    named = [b for b in demo.ballots.ballots(1) if b.mode is BallotMode.NAMED]
    secret = [b for b in demo.ballots.ballots(1) if b.mode is BallotMode.SECRET]
    assert len(named) == 1 and secret
    progress = demo.ballots.progress(named[0].id)
    # One numbered line per vote: the last number is the count of named votes.
    assert re.search(rf"\b{progress.voted} KSP-\d{{6}} ", listed)
    assert not re.search(rf"\b{progress.voted + 1} KSP-\d{{6}} ", listed)
    assert "Pemungutan suara No. 1:" in listed
    for ballot in secret:
        assert ballot.title not in listed.split("tidak tercatat atas nama siapa pun.")[1]


def test_a_proxy_vote_shows_its_holder_and_the_proxy_list_both_sides(
    cooperative: Services, db_path: Path, tmp_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path, ("0001", "0002", "0003", "0004", "0006"),
                       ADProfile(proxies_enabled=True))  # fmt: skip
    s = cooperative
    s.proxies.grant(hall.meeting_id, "0005", "0006", "SK-01/2026")
    ballot, _ = s.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 2), BallotMode.NAMED, "SHU dibagi rata"
    )
    s.ballots.cast(ballot.id, "0001", Choice.YES)
    s.ballots.cast(ballot.id, "0006", Choice.NO)
    s.ballots.cast(ballot.id, "0006", Choice.YES, for_grantor="0005")
    s.ballots.close(ballot.id)
    secret, _ = s.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 3), BallotMode.SECRET, "Rencana kerja rahasia"
    )
    s.ballots.cast(secret.id, "0002", Choice.NO)
    s.ballots.cancel(secret.id, "kotak suara rusak")
    path = tmp_path / "ba.pdf"
    s.minutes.export(hall.meeting_id, path, invariant=True)
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))
    assert "melalui kuasa: 0006" in text
    assert "3 suara, 1 di antaranya melalui kuasa." in text
    assert "Dibatalkan: kotak suara rusak" in text
    proxies = annex(text.split("LAMPIRAN"), "DAFTAR SURAT KUASA")
    assert "0005 · " in proxies and "0006 · " in proxies and "SK-01/2026" in proxies
    assert "Berlaku" in proxies
    # the cancelled secret ballot: no list, its one participant counted only
    assert "Rencana kerja rahasia" in text
    named_part = annex(text.split("LAMPIRAN"), "DAFTAR SUARA TERBUKA")
    assert "Rencana kerja rahasia" not in named_part


def test_five_thousand_named_votes_lay_out_fast() -> None:
    t = translator("id")
    line = BallotLine(1, "2. SHU", "SHU dibagi", "Terbuka", 5000, 5000, 5000,
                      (("Setuju", 5000),), "lebih dari 1/2", "disetujui")  # fmt: skip
    rows = [NamedVoteLine(f"{i:06d}", f"Anggota Nomor {i}", "Setuju") for i in range(5000)]
    story = annex_story(VoteAnnexes("RAT", [line], [NamedVoteList(line, rows)]), PageSetup(), t)
    from io import BytesIO

    from reportlab.platypus import SimpleDocTemplate

    started = time.perf_counter()
    SimpleDocTemplate(BytesIO(), initialFontName="DejaVuSans").build(story)
    assert time.perf_counter() - started < 15  # generous: a shared 2-core machine
    tables = fixed_tables(["No."], [[str(i)] for i in range(1000)], [50.0], chunk=300)
    assert [len(t._cellvalues) for t in tables] == [301, 301, 301, 101]
