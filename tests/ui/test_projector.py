"""The projector, read from its widgets: progress and never a tally while a ballot is open
(named or secret), and after closing the result as bars with the statement and the rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from assembly.domain.ballots import BallotMode, Choice
from assembly.ui.operation import Operations
from assembly.ui.projector import ProjectorWindow, open_projector
from assembly.ui.projector.look import (
    ALERT,
    BACKGROUND,
    MUTED,
    PROGRESS,
    ROLE_COLOURS,
    TEXT,
    TRACK,
    contrast_ratio,
)
from tests.services.voting_fixtures import Hall, no_consensus, opened_hall
from tests.ui.live_fixtures import watching

TALLY_WORDS = ("Setuju", "Tidak setuju", "Abstain", "Tidak sah", "terpilih", "disetujui")


@pytest.fixture
def hall(cooperative: Any, db_path: Path) -> Hall:
    return opened_hall(cooperative, db_path)


def projector(qtbot: QtBot, hall: Hall, operations: Operations | None = None) -> ProjectorWindow:
    window = ProjectorWindow(hall.services, operations or Operations(), hall.meeting_id)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    return window


def label(window: ProjectorWindow, name: str) -> str:
    found = window.findChild(QLabel, name)
    assert found is not None and found.isVisibleTo(window), name
    return found.text()


def test_an_open_named_ballot_shows_progress_and_no_tally(qtbot: QtBot, hall: Hall) -> None:
    s = hall.services
    item = no_consensus(hall, 2)
    s.agenda.take_up(hall.meeting_id, item)
    ballot, _ = s.ballots.open_motion(hall.meeting_id, item, BallotMode.NAMED, "Usul SHU")
    for number, choice in (("0001", Choice.YES), ("0002", Choice.YES), ("0003", Choice.NO)):
        s.ballots.cast(ballot.id, number, choice)
    operations = Operations()
    window = projector(qtbot, hall, operations)
    assert label(window, "header") == (
        "Koperasi Simpan Pinjam Sejahtera Bersama \u2014 Rapat Anggota Tahunan Tahun Buku 2025"
    )
    assert label(window, "item") == "Acara 2: Pembagian SHU"
    assert label(window, "quorum") == "Hadir 6 dari 8 \u2014 kuorum 5 tercapai"
    assert label(window, "ballot_title") == "Usul SHU"
    assert label(window, "mode") == "Pemungutan suara terbuka"
    assert label(window, "progress") == "3 dari 6 sudah memberikan suara"
    assert window.progress_bar.isVisibleTo(window) and window.progress_bar.fraction == 0.5
    assert not window.bars.isVisibleTo(window)
    shown = " | ".join(window.shown_texts())
    assert not any(word in shown for word in TALLY_WORDS), shown
    # A vote at another desk reaches the projector through the door, without a timer.
    with watching(s, operations):
        hall.reopen().ballots.cast(ballot.id, "0004", Choice.ABSTAIN)
        qtbot.waitUntil(lambda: label(window, "progress").startswith("4 dari 6"), timeout=1000)


def test_a_secret_election_shows_only_who_has_voted(qtbot: QtBot, hall: Hall) -> None:
    s = hall.services
    item = no_consensus(hall, 4)
    s.agenda.take_up(hall.meeting_id, item)
    ballot, _ = s.elections.open_election(
        hall.meeting_id, item, "Pengawas 2026-2029", 1, ["0001", "0002"]
    )
    assert ballot.mode is BallotMode.SECRET
    s.ballots.cast(ballot.id, "0003", ["0001"])
    s.ballots.cast(ballot.id, "0004", ["0001"])
    window = projector(qtbot, hall)
    assert label(window, "mode") == "Pemungutan suara rahasia"
    assert label(window, "progress") == "2 dari 6 sudah memberikan suara"
    shown = " | ".join(window.shown_texts())
    assert "Anggota Nomor 1" not in shown and "Anggota Nomor 2" not in shown
    assert not any(word in shown for word in TALLY_WORDS), shown


def test_after_closing_the_result_shows_as_bars(qtbot: QtBot, hall: Hall) -> None:
    s = hall.services
    item = no_consensus(hall, 2)
    s.agenda.take_up(hall.meeting_id, item)
    ballot, _ = s.ballots.open_motion(hall.meeting_id, item, BallotMode.SECRET, "Usul SHU")
    votes = (Choice.YES, Choice.YES, Choice.YES, Choice.NO, Choice.ABSTAIN)
    for number, choice in zip(("0001", "0002", "0003", "0005", "0006"), votes, strict=True):
        s.ballots.cast(ballot.id, number, choice)
    window = projector(qtbot, hall)
    result, _ = s.ballots.close(ballot.id)
    window.refresh()
    assert window.bars.isVisibleTo(window)
    assert window.bars.texts() == ["Setuju 3", "Tidak setuju 1", "Abstain 1", "Tidak sah 0"]
    assert label(window, "statement") == "disetujui: 3 dari 4 suara sah, lebih dari 1/2"
    assert label(window, "statement") == result.statement
    assert label(window, "rule") == "Aturan: lebih dari 1/2 suara sah"
    assert label(window, "result_title") == "Usul SHU"
    # A re-vote hides the earlier result again: only progress while it is open.
    s.ballots.revote(ballot.id, "Ada keberatan atas cara penghitungan")
    window.refresh()
    assert not window.bars.isVisibleTo(window)
    assert label(window, "progress") == "0 dari 6 sudah memberikan suara"
    assert not any(word in " ".join(window.shown_texts()) for word in TALLY_WORDS)


def test_an_election_result_is_ranked(qtbot: QtBot, hall: Hall) -> None:
    s = hall.services
    item = no_consensus(hall, 4)
    ballot, _ = s.elections.open_election(
        hall.meeting_id, item, "Pengawas", 2, ["0001", "0002", "0003"]
    )
    votes = (("0001", ["0003"]), ("0002", ["0003", "0002"]), ("0004", ["0001", "0002"]))
    for number, picks in votes:
        s.ballots.cast(ballot.id, number, picks)
    s.ballots.close(ballot.id)
    window = projector(qtbot, hall)
    assert window.bars.texts() == ["Anggota Nomor 2 2", "Anggota Nomor 3 2", "Anggota Nomor 1 1"]
    assert [r.role for r in window.bars.rows] == ["elected", "elected", "candidate"]
    assert label(window, "statement") == "terpilih: Anggota Nomor 2 (2), Anggota Nomor 3 (2)"
    assert label(window, "rule") == "Aturan: suara terbanyak, 2 kursi"


def test_readable_from_the_back_of_the_hall(qtbot: QtBot, hall: Hall) -> None:
    window = projector(qtbot, hall)
    for colour in (TEXT, MUTED, ALERT):
        assert contrast_ratio(colour, BACKGROUND) >= 7  # WCAG AAA for text
    for colour in (*ROLE_COLOURS.values(), PROGRESS):
        assert contrast_ratio(colour, BACKGROUND) >= 3  # WCAG non-text contrast
        assert contrast_ratio(colour, TRACK) >= 2
    sizes = [lab.font().pixelSize() for lab in window.findChildren(QLabel)]
    assert min(sizes) >= 36  # at 1080 lines: at least 1/30 of the screen's height
    window.resize(1280, 720)
    assert min(lab.font().pixelSize() for lab in window.findChildren(QLabel)) >= 24


def test_open_projector_makes_a_large_window_with_full_screen_keys(
    qtbot: QtBot, hall: Hall
) -> None:
    window = open_projector(hall.services, Operations(), hall.meeting_id)
    qtbot.addWidget(window)
    assert window.isWindow() and window.isVisible()
    assert not window.isFullScreen()  # one screen here: a normal window
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.isFullScreen()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isFullScreen()
