"""The secret voting booth driven by keys, as a voter would: identify, choose, confirm, thank
you; a second attempt refused on screen; the stored choice not linked to the voter."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from assembly.domain.ad_profile import ADProfile
from assembly.domain.ballots import BallotMode
from assembly.ui.kiosk import KioskWindow, open_kiosk
from assembly.ui.kiosk import window as kiosk_module
from assembly.ui.operation import Operations
from tests.services.voting_fixtures import Hall, no_consensus, opened_hall


@pytest.fixture
def hall(cooperative: Any, db_path: Path) -> Hall:
    return opened_hall(cooperative, db_path)


def booth(qtbot: QtBot, hall: Hall, ballot_id: int) -> KioskWindow:
    window = KioskWindow(hall.services, Operations(), ballot_id)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def secret_motion(hall: Hall) -> int:
    item = no_consensus(hall, 2)
    ballot, _ = hall.services.ballots.open_motion(
        hall.meeting_id, item, BallotMode.SECRET, "Usul pembagian SHU"
    )
    assert ballot.id is not None
    return ballot.id


def identify(qtbot: QtBot, window: KioskWindow, number: str) -> None:
    qtbot.keyClicks(window.number, number)
    qtbot.keyClick(window.number, Qt.Key.Key_Return)


def vote(qtbot: QtBot, window: KioskWindow, number: str, key: Qt.Key) -> None:
    identify(qtbot, window, number)
    qtbot.keyClick(window, key)
    qtbot.keyClick(window, Qt.Key.Key_Return)


def shown(window: KioskWindow) -> str:
    return " | ".join(lab.text() for lab in window.findChildren(QLabel) if lab.isVisibleTo(window))


def test_a_voter_identifies_chooses_confirms_and_is_thanked(
    qtbot: QtBot, hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert kiosk_module.THANKS_MS == 3000
    monkeypatch.setattr(kiosk_module, "THANKS_MS", 200)
    ballot_id = secret_motion(hall)
    window = booth(qtbot, hall, ballot_id)
    assert window.pages.currentWidget() is window.identify_page
    assert window.instruction.text() == "Pindai kartu atau ketik nomor anggota"
    identify(qtbot, window, "0001")
    assert window.pages.currentWidget() is window.choose_page
    assert window.voter.text() == "Surat suara untuk Anggota Nomor 1 (0001)"
    qtbot.keyClick(window, Qt.Key.Key_Return)  # nothing chosen yet: nothing cast
    assert window.selection.text() == "Pilih dahulu: tekan 1, 2 atau 3."
    assert hall.services.ballots.progress(ballot_id).voted == 0
    qtbot.keyClick(window, Qt.Key.Key_2)
    assert window.selection.text() == "Pilihan Anda: Tidak setuju"
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.thanks_page
    assert window.thanks.text() == "Terima kasih, suara Anda sudah tercatat"
    assert hall.services.ballots.progress(ballot_id).voted == 1
    # Nothing of that voter's choice is left on the booth, nor any tally.
    assert not any(b.isChecked() for b in window.choices.buttons)
    assert "Tidak setuju" not in shown(window) and "Anggota Nomor 1" not in shown(window)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.identify_page, timeout=2000)
    assert window.number.text() == ""


def test_a_second_attempt_is_refused_on_screen(
    qtbot: QtBot, hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kiosk_module, "REFUSAL_MS", 200)
    ballot_id = secret_motion(hall)
    window = booth(qtbot, hall, ballot_id)
    vote(qtbot, window, "0003", Qt.Key.Key_1)
    qtbot.keyClick(window, Qt.Key.Key_Space)  # any key: the next voter
    assert window.pages.currentWidget() is window.identify_page
    identify(qtbot, window, "0003")  # refused at the scan: no choice is shown
    assert window.pages.currentWidget() is window.refused_page
    assert window.refused_title.text() == "Tidak dapat memberikan suara"
    assert "sudah memberikan suara" in window.refusal.text()
    assert not [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert hall.services.ballots.progress(ballot_id).voted == 1
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.identify_page, timeout=2000)


def test_who_may_not_vote_is_refused(qtbot: QtBot, hall: Hall) -> None:
    ballot_id = secret_motion(hall)
    window = booth(qtbot, hall, ballot_id)
    identify(qtbot, window, "9999")
    assert window.pages.currentWidget() is window.identify_page
    assert window.message.text() == "Nomor anggota 9999 tidak ditemukan."
    qtbot.keyClick(window.number, Qt.Key.Key_Escape)
    assert window.number.text() == "" and window.message.text() == ""
    identify(qtbot, window, "0009")  # a calon anggota: present, no vote; refused at the scan
    assert window.pages.currentWidget() is window.refused_page
    assert "tidak berhak memberikan suara" in window.refusal.text()
    qtbot.keyClick(window, Qt.Key.Key_A)
    identify(qtbot, window, "0007")  # not present
    assert window.pages.currentWidget() is window.refused_page
    assert "tidak berhak memberikan suara" in window.refusal.text()
    assert hall.services.ballots.progress(ballot_id).voted == 0


def test_esc_goes_back_and_forgets_the_choice(qtbot: QtBot, hall: Hall) -> None:
    ballot_id = secret_motion(hall)
    window = booth(qtbot, hall, ballot_id)
    identify(qtbot, window, "0001")
    qtbot.keyClick(window, Qt.Key.Key_1)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.pages.currentWidget() is window.identify_page
    identify(qtbot, window, "0002")
    assert window.choices.motion_choice() is None and window.selection.text() == ""
    assert hall.services.ballots.progress(ballot_id).voted == 0


def test_the_stored_choice_is_not_linked_to_the_voter(qtbot: QtBot, hall: Hall) -> None:
    ballot_id = secret_motion(hall)
    window = booth(qtbot, hall, ballot_id)
    for number, key in (("0001", Qt.Key.Key_1), ("0002", Qt.Key.Key_2), ("0005", Qt.Key.Key_1)):
        vote(qtbot, window, number, key)
        qtbot.keyClick(window, Qt.Key.Key_Space)
    result, _ = hall.services.ballots.close(ballot_id)
    assert result.tally == {"setuju": 2, "tidak_setuju": 1, "abstain": 0, "tidak_sah": 0}
    with sqlite3.connect(hall.path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(secret_totals)")}
        voted = {row[0] for row in conn.execute("SELECT member_id FROM secret_participation")}
        logged = [
            json.loads(p)
            for (p,) in conn.execute(
                "SELECT payload FROM audit_events WHERE kind = 'ballot.participated'"
            )
        ]
    assert columns == {"id", "ballot_id", "option", "votes"}  # totals only: no row per vote
    assert voted == {hall.ids["0001"], hall.ids["0002"], hall.ids["0005"]}
    assert len(logged) == 3 and not any("choice" in p or "setuju" in str(p) for p in logged)


def test_an_election_takes_up_to_the_seats(qtbot: QtBot, hall: Hall) -> None:
    s = hall.services
    item = no_consensus(hall, 4)
    ballot, _ = s.elections.open_election(
        hall.meeting_id, item, "Pengawas", 2, ["0001", "0002", "0003"]
    )
    window = booth(qtbot, hall, ballot.id)
    identify(qtbot, window, "0004")
    for key in (Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_2):
        qtbot.keyClick(window, key)
    assert window.selection.text() == "Pilih paling banyak 2 calon."
    assert window.choices.chosen_numbers() == ["0001", "0003"]
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.thanks_page
    qtbot.keyClick(window, Qt.Key.Key_Space)
    identify(qtbot, window, "0005")
    qtbot.keyClick(window, Qt.Key.Key_Return)  # nothing chosen: asked once more
    assert "surat suara kosong" in window.selection.text()
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.thanks_page
    s.ballots.close(ballot.id)
    assert s.elections.ranking(ballot.id) == [
        ("Anggota Nomor 1", 1),
        ("Anggota Nomor 3", 1),
        ("Anggota Nomor 2", 0),
    ]


def test_a_proxy_holder_votes_for_the_grantor(
    qtbot: QtBot, cooperative: Any, db_path: Path
) -> None:
    present = ("0001", "0002", "0003", "0004", "0006")
    hall = opened_hall(cooperative, db_path, present, ADProfile(proxies_enabled=True))
    hall.services.proxies.grant(hall.meeting_id, "0005", "0006", "Surat kuasa 01/2026")
    ballot_id = secret_motion(hall)
    window = booth(qtbot, hall, ballot_id)
    assert window.proxy_toggle.isVisibleTo(window)
    assert not window.grantor.isVisibleTo(window)
    qtbot.mouseClick(window.proxy_toggle, Qt.MouseButton.LeftButton)
    assert window.grantor.isVisibleTo(window)
    identify(qtbot, window, "0006")
    assert window.pages.currentWidget() is window.identify_page  # the grantor is asked for
    qtbot.keyClicks(window.grantor, "0005")
    qtbot.keyClick(window.grantor, Qt.Key.Key_Return)
    assert window.voter.text() == (
        "Anggota Nomor 6 (0006) memberikan suara untuk Anggota Nomor 5 (0005)"
    )
    qtbot.keyClick(window, Qt.Key.Key_1)
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.thanks_page
    progress = hall.services.ballots.progress(ballot_id)
    assert (progress.voted, progress.by_proxy) == (1, 1)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not window.proxy_toggle.isChecked()  # the next voter starts plain


def test_a_closed_ballot_takes_no_more_votes(qtbot: QtBot, hall: Hall) -> None:
    ballot_id = secret_motion(hall)
    window = open_kiosk(hall.services, Operations(), ballot_id)
    qtbot.addWidget(window)
    assert isinstance(window, KioskWindow) and window.isWindow() and window.isVisible()
    hall.services.ballots.cancel(ballot_id, "Salah judul")
    identify(qtbot, window, "0001")
    assert window.pages.currentWidget() is window.refused_page
    assert window.refusal.text() == "Pemungutan suara ini sudah ditutup atau dibatalkan."
