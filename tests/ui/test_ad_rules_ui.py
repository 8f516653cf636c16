"""The AD rules on screen: the AD profile form shows and saves the tie-break, the RAT deadline
(the ministry's calendar by default) and the Merah Putih warnings; the first-start wizard
offers the Koperasi Desa/Kelurahan Merah Putih template and the cooperative starts from it."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from assembly.domain.ad_profile import ADProfile, TieBreak
from assembly.domain.ad_templates import ProfileTemplate
from assembly.ui.dialogs.first_start import FirstStartDialog
from assembly.ui.operation import Operations
from assembly.ui.pages.cooperative_page import CooperativePage
from assembly.ui.widgets.ad_profile_form import ADProfileForm

SHOTS = Path("/tmp/adrules-shots")


def test_the_form_holds_every_profile_field(qtbot: QtBot) -> None:
    form = ADProfileForm()
    qtbot.addWidget(form)
    keys = {k.partition(".")[0] for k in form.articles}
    assert keys | {"articles"} == {f.name for f in fields(ADProfile)}
    profile = ProfileTemplate.MERAH_PUTIH.profile()
    form.set_profile(profile)
    assert form.profile() == profile


def test_the_ad_rules_are_edited_and_saved(qtbot: QtBot, cooperative: Any) -> None:
    page = CooperativePage(cooperative, Operations())
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.show_ad_tab()
    form = page.ad_form
    assert form.deadline.text() == "ketentuan Kemenkop: primer akhir Maret, sekunder 6 bulan"
    assert form.tie_break.currentData() == TieBreak.RUNOFF
    assert form.women.text() == "tidak diperiksa"
    form.tie_break.setFocus()
    qtbot.keyClick(form.tie_break, Qt.Key.Key_Down)  # to "diundi di hadapan rapat"
    form.deadline.setFocus()
    qtbot.keyClick(form.deadline, Qt.Key.Key_Up)
    qtbot.keyClick(form.deadline, Qt.Key.Key_Up)
    form.women.setFocus()
    form.women.selectAll()
    qtbot.keyClicks(form.women, "30")
    qtbot.mouseClick(form.related, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.articles["tie_break"], "Pasal 25 ayat (5)")
    qtbot.mouseClick(page.confirm, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.ad_save, Qt.MouseButton.LeftButton)
    saved = cooperative.cooperative.ad_profile()
    assert saved.version == 2 and saved.confirmed
    p = saved.profile
    assert (p.tie_break, p.rat_deadline_months, p.women_pengurus_min_percent) == (
        TieBreak.LOT,
        2,
        30,
    )
    assert p.warn_related_pengurus and not p.warn_village_head_seat
    assert p.article("tie_break") == "Pasal 25 ayat (5)"


def test_the_wizard_starts_a_village_cooperative_from_the_merah_putih_template(
    qtbot: QtBot, services: Any
) -> None:
    dialog = FirstStartDialog(services.cooperative)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen_template() is ProfileTemplate.GENERAL
    qtbot.keyClicks(dialog.form.name, "Koperasi Desa Merah Putih Sukamaju")
    qtbot.keyClicks(dialog.form.city, "Kabupaten Garut")
    dialog.template.setFocus()
    qtbot.keyClick(dialog.template, Qt.Key.Key_Down)
    assert dialog.chosen_template() is ProfileTemplate.MERAH_PUTIH
    assert "SE Menkop 1/2025" in dialog.template_hint.text()
    assert "30% pengurus perempuan" in dialog.template_hint.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    version = services.cooperative.ad_profile()
    assert version.version == 1 and not version.confirmed  # still to be checked against the AD
    assert version.profile == ProfileTemplate.MERAH_PUTIH.profile()
    assert version.profile.article("women_pengurus_min_percent") == "SE Menkop 1/2025"


def test_the_ballot_dialog_takes_the_office_and_declarations_and_warns(
    qtbot: QtBot, cooperative: Any, db_path: Path
) -> None:
    from assembly.domain.ballots import BallotMode, Office
    from assembly.ui.dialogs.ballot_dialog import BallotDialog
    from tests.services.voting_fixtures import no_consensus, opened_hall

    hall = opened_hall(cooperative, db_path, profile=ProfileTemplate.MERAH_PUTIH.profile())
    item_id = no_consensus(hall, 4)
    item = next(i for i in cooperative.meetings.get(hall.meeting_id).agenda if i.id == item_id)
    dialog = BallotDialog(cooperative, Operations(), hall.meeting_id, item)
    qtbot.addWidget(dialog)
    dialog.resize(700, 640)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.mode.setCurrentIndex(dialog.mode.findData(BallotMode.NAMED.value))
    dialog.title.setText("Pemilihan pengurus 2026-2031")
    dialog.seats.setValue(2)
    for number in ("0001", "0002", "0003"):
        qtbot.keyClicks(dialog.candidate_number, number)
        qtbot.keyClick(dialog.candidate_number, Qt.Key.Key_Return)
    rules = dialog.rules
    assert rules.warnings.isHidden()  # no office chosen yet
    rules.office.setCurrentIndex(rules.office.findData(Office.PENGURUS))
    # No sex recorded for these members: no woman among the candidates.
    assert "Hanya 0 calon perempuan untuk 2 kursi pengurus" in rules.warnings.text()
    assert (
        "Jenis kelamin Anggota Nomor 1, Anggota Nomor 2, Anggota Nomor 3 belum tercatat di buku "
        "daftar anggota." in rules.warnings.text()
    )
    qtbot.keyClicks(rules.village_head, "0001")
    qtbot.keyClick(rules.village_head, Qt.Key.Key_Tab)
    qtbot.keyClicks(rules.related, "0002+0003")
    qtbot.keyClick(rules.related, Qt.Key.Key_Tab)
    text = rules.warnings.text()
    assert "Anggota Nomor 1 adalah kepala desa/lurah" in text
    assert "Anggota Nomor 2, Anggota Nomor 3 dinyatakan memiliki hubungan keluarga" in text
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "ballot_dialog_merah_putih.png"))
    dialog.accept()
    assert dialog.ballot is not None and dialog.ballot.office is Office.PENGURUS
    assert len(cooperative.elections.warnings(dialog.ballot.id)) == 3  # stored with the ballot


def test_the_tie_dialog_records_the_lot_drawn(
    qtbot: QtBot, cooperative: Any, db_path: Path
) -> None:
    from dataclasses import replace

    from assembly.domain.ballots import BallotMode, Outcome
    from assembly.ui.dialogs.tie_dialog import TieDialog
    from tests.services.voting_fixtures import no_consensus, opened_hall

    profile = replace(ADProfile(), tie_break=TieBreak.LOT)
    hall = opened_hall(cooperative, db_path, profile=profile)
    item = no_consensus(hall, 4)
    s = cooperative
    ballot, _ = s.elections.open_election(
        hall.meeting_id, item, "Pengawas", 1, ["0001", "0002", "0003"], BallotMode.NAMED
    )
    s.ballots.cast(ballot.id, "0004", ["0001"])
    s.ballots.cast(ballot.id, "0005", ["0002"])
    result, _ = s.ballots.close(ballot.id)
    assert result.outcome is Outcome.TIE
    dialog = TieDialog(s, Operations(), ballot.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert [n for n, _ in dialog.boxes] == ["0001", "0002"]
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # nothing ticked
    assert dialog.isVisible() and "Pilih 1 calon dari yang suaranya sama" in dialog.problem.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "tie_dialog.png"))
    dialog.boxes[1][1].click()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.decision is not None and not dialog.isVisible()
    assert dialog.decision.result == "diundi di hadapan rapat: terpilih Anggota Nomor 2"


def test_a_dismissal_is_voted_in_secret_by_default(
    qtbot: QtBot, cooperative: Any, db_path: Path
) -> None:
    from assembly.domain.ad_profile import ItemKind
    from assembly.domain.ballots import BallotMode
    from assembly.ui.dialogs.ballot_dialog import BallotDialog
    from tests.services.voting_fixtures import opened_hall

    hall = opened_hall(cooperative, db_path)
    item, _ = cooperative.meetings.add_item(
        hall.meeting_id, "Pemberhentian Bendahara", ItemKind.DISMISSAL
    )
    cooperative.decisions.record_no_consensus(hall.meeting_id, item.id or 0)
    dialog = BallotDialog(cooperative, Operations(), hall.meeting_id, item)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.motion_radio.isChecked()
    assert dialog.mode.currentData() == BallotMode.SECRET.value  # law.md rule 18
    dialog.accept()
    assert dialog.ballot is not None and dialog.ballot.mode is BallotMode.SECRET
    ordinary = cooperative.meetings.get(hall.meeting_id).agenda[1]
    other = BallotDialog(cooperative, Operations(), hall.meeting_id, ordinary)
    qtbot.addWidget(other)
    assert other.mode.currentData() == BallotMode.NAMED.value  # matters are voted openly
