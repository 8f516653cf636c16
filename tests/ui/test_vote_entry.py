"""The named-vote desk on its own: a proxy holder votes for the grantor in the grantor field,
the represented member is refused inline, Esc forgets a voter, the mouse buttons work, the
list of last votes stays short; and every model of the console passes qtmodeltester."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from assembly.domain.ad_profile import ADProfile
from assembly.domain.ballots import BallotMode, Choice
from assembly.services.bundle import Services
from assembly.ui.models.agenda_model import AgendaModel
from assembly.ui.models.candidate_model import CandidateModel
from assembly.ui.models.decision_list_model import DecisionListModel
from assembly.ui.models.tally_model import TallyModel, tally_rows
from assembly.ui.models.vote_log_model import KEEP, VoteLogModel
from assembly.ui.operation import Operations
from assembly.ui.widgets.vote_entry import VoteEntry
from tests.services.voting_fixtures import no_consensus, opened_hall


def test_proxy_votes_and_refusals_inline(
    qtbot: QtBot, cooperative: Services, db_path: Path
) -> None:
    present = ("0001", "0002", "0003", "0004", "0006")
    hall = opened_hall(cooperative, db_path, present, ADProfile(proxies_enabled=True))
    s = cooperative
    s.proxies.grant(hall.meeting_id, "0005", "0006", "Surat kuasa 01/2026")
    ballot, _ = s.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 2), BallotMode.NAMED, "SHU"
    )
    operations = Operations()
    refusals: list[str] = []
    operations.refused.connect(refusals.append)
    entry = VoteEntry(s, operations)
    qtbot.addWidget(entry)
    entry.set_ballot(ballot, (), proxies=True)
    entry.show()
    qtbot.waitExposed(entry)
    entry.activateWindow()
    qtbot.waitUntil(entry.isActiveWindow)
    entry.focus_number()
    assert entry.grantor.isVisible()

    # The represented member cannot vote himself: said at the scan, before the choice is
    # asked, and announced.
    qtbot.keyClicks(entry.number, "0005")
    qtbot.keyClick(entry.number, Qt.Key.Key_Return)
    assert entry.voter is None and entry.number.text() == ""
    assert "diwakili oleh pemegang surat kuasa" in entry.message.text()
    assert refusals and "diwakili" in refusals[-1]

    # Esc forgets a voter without recording anything.
    qtbot.keyClicks(entry.number, "0001")
    qtbot.keyClick(entry.number, Qt.Key.Key_Return)
    qtbot.keyClick(entry.number, Qt.Key.Key_Escape)
    assert entry.voter is None and entry.number.text() == ""

    # The holder votes for himself, then for the grantor (Tab to the grantor field).
    qtbot.keyClicks(entry.number, "0006")
    qtbot.keyClick(entry.number, Qt.Key.Key_Return)
    qtbot.keyClick(entry.number, Qt.Key.Key_2)
    qtbot.keyClicks(entry.number, "0006")
    entry.grantor.setFocus()
    qtbot.keyClicks(entry.grantor, "0005")
    qtbot.keyClick(entry.grantor, Qt.Key.Key_Return)
    assert entry.voter_label.text() == "Anggota Nomor 6 (0006), untuk Anggota Nomor 5"
    qtbot.keyClick(entry.grantor, Qt.Key.Key_1)
    assert entry.log.lines() == [
        "0006 Anggota Nomor 6: Setuju (untuk Anggota Nomor 5)",
        "0006 Anggota Nomor 6: Tidak setuju",
    ]
    assert entry.number.hasFocus() and entry.grantor.text() == ""
    progress = s.ballots.progress(ballot.id)
    assert (progress.voted, progress.by_proxy) == (2, 1)

    # With the mouse: type the number, click the choice.
    qtbot.keyClicks(entry.number, "0002")
    qtbot.mouseClick(entry.choice_buttons[Choice.ABSTAIN], Qt.MouseButton.LeftButton)
    assert entry.log.lines()[0] == "0002 Anggota Nomor 2: Abstain"
    assert s.ballots.progress(ballot.id).voted == 3


def test_the_console_models_pass_the_model_tester(
    qtmodeltester: ModelTester, cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path)
    agenda = AgendaModel()
    meeting = cooperative.meetings.get(hall.meeting_id)
    agenda.set_items(meeting.agenda, hall.items[1], meeting.zone)
    qtmodeltester.check(agenda)
    assert agenda.index(1, 3).data() == "sedang dibahas"
    tally = TallyModel()
    tally.set_rows(
        tally_rows({"setuju": 3, "tidak_setuju": 1, "abstain": 0, "tidak_sah": 0}, False)
    )
    qtmodeltester.check(tally)
    decisions = DecisionListModel()
    decisions.set_rows([("Pembagian SHU", "Mufakat", "SHU dibagi", "disepakati")])
    qtmodeltester.check(decisions)
    candidates = CandidateModel(checkable=True)
    candidates.set_rows([("0002", "Anggota Nomor 2"), ("0003", "Anggota Nomor 3")])
    candidates.toggle(1)
    qtmodeltester.check(candidates)
    assert candidates.checked_numbers() == ["0003"]
    assert candidates.index(1).data() == "2. 0003  Anggota Nomor 3"
    listed = CandidateModel()
    listed.set_rows([("0002", "Anggota Nomor 2"), ("0003", "Anggota Nomor 3")])
    qtmodeltester.check(listed)
    listed.remove(0)
    listed.append("0005", "Anggota Nomor 5")
    assert [listed.index(r).data() for r in range(2)] == [
        "0003  Anggota Nomor 3",
        "0005  Anggota Nomor 5",
    ]
    log = VoteLogModel()
    for n in range(KEEP + 3):
        log.add(f"vote {n}")
    qtmodeltester.check(log)
    assert log.rowCount() == KEEP and log.lines()[0] == f"vote {KEEP + 2}"
