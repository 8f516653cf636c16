"""The signing page as the secretary uses it: two keys made in the app, the berita acara
exported, signed by the chair then the secretary, the meeting shown locked, a PDF verified with
two intact signatures; a wrong passphrase refused with nothing changed; the table model through
qtmodeltester; and an addendum for the locked meeting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from assembly.ui.dialogs.key_dialog import KeyDialog
from assembly.ui.dialogs.sign_dialog import SignDialog
from assembly.ui.operation import Operations
from assembly.ui.pages.signing_page import SigningPage
from tests.services.signing_fixtures import PASSPHRASE
from tests.services.voting_fixtures import opened_hall

SHOTS = Path("/tmp/shots/signing")


@pytest.fixture
def page(qtbot: QtBot, cooperative: Any, db_path: Path) -> SigningPage:
    hall = opened_hall(cooperative, db_path)
    cooperative.meetings.close(hall.meeting_id)
    widget = SigningPage(cooperative, Operations())
    qtbot.addWidget(widget)
    widget.resize(1200, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def answer_file_dialogs(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The next file dialogs answer ``path`` (the platform dialog cannot be driven)."""
    for name in ("getSaveFileName", "getOpenFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: (str(path), "")))


def ok(qtbot: QtBot, dialog: Any) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def make_key(qtbot: QtBot, page: SigningPage, name: str, role: str, path: Path) -> None:
    qtbot.mouseClick(page.new_key_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, KeyDialog)
    qtbot.keyClicks(dialog.name, name)
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    qtbot.keyClicks(dialog.path, str(path))
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.repeat, PASSPHRASE)
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: path.is_file())
    assert "TTE tidak tersertifikasi" in page.keys_label.text()


LIVE_SHOTS = Path("/tmp/live-shots")


def sign(qtbot: QtBot, page: SigningPage, role: str, passphrase: str) -> SignDialog:
    qtbot.mouseClick(page.sign_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, SignDialog)
    assert dialog.role.currentData() == role  # the next missing role is offered
    qtbot.keyClicks(dialog.passphrase, passphrase)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    signed(qtbot, dialog)
    return dialog


def signed(qtbot: QtBot, dialog: SignDialog) -> None:
    """Wait for the signature being made on the door's worker thread (the dialog says so
    and takes no second click meanwhile)."""
    if dialog.work is not None:
        assert dialog.problem.text() == "Menandatangani…"
        assert not dialog.buttons.isEnabled()
        if LIVE_SHOTS.is_dir():
            dialog.grab().save(str(LIVE_SHOTS / "sign-running.png"))
    qtbot.waitUntil(lambda: dialog.work is None, timeout=30_000)


def test_keys_made_then_two_signatures_lock_and_verify(
    qtbot: QtBot, page: SigningPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_key(qtbot, page, "Anggota Nomor 1", "ketua", tmp_path / "ketua.p12")
    make_key(qtbot, page, "Anggota Nomor 2", "sekretaris", tmp_path / "sekretaris.p12")
    pdf = tmp_path / "berita-acara.pdf"
    answer_file_dialogs(monkeypatch, pdf)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.operations.busy(), timeout=60_000)
    assert pdf.is_file()
    assert "Belum ditandatangani: Ketua Rapat, Sekretaris Rapat" in page.fields_label.text()

    # A wrong passphrase: refused, the file untouched, nothing signed.
    before = pdf.read_bytes()
    dialog = sign(qtbot, page, "ketua", "bukan-sandinya")
    assert pdf.read_bytes() == before
    assert "Sudah ditandatangani: -" in page.fields_label.text()
    # One message, in the dialog, which stays open for another try.
    assert dialog.isVisible() and dialog.problem.text().startswith("Kata sandi kunci salah")
    assert dialog.passphrase.text() == ""
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    signed(qtbot, dialog)
    assert not isValid(dialog) or not dialog.isVisible()  # closed (and deleted)
    assert "Belum ditandatangani: Sekretaris Rapat" in page.fields_label.text()
    assert "belum terkunci" in page.state_label.text()
    sign(qtbot, page, "sekretaris", PASSPHRASE)
    assert "terkunci" in page.state_label.text() and "belum" not in page.state_label.text()
    assert "SHA-256:" in page.hash_label.text()
    assert not page.export_button.isEnabled() and page.addendum_button.isEnabled()
    if SHOTS.is_dir():
        qtbot.wait(50)  # let the layout take the new texts before the picture
        page.grab().save(str(SHOTS / "page-locked.png"))

    page.model.set_report(None, None)
    answer_file_dialogs(monkeypatch, pdf)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    model = page.model
    assert model.rowCount() == 2
    assert [model.row(i).intact for i in range(2)] == ["Utuh", "Utuh"]
    assert [model.row(i).verdict for i in range(2)] == ["SAH", "SAH"]
    assert model.row(0).signer == "Anggota Nomor 1" and model.row(0).time.endswith("WIB")
    assert page.summary.text().startswith("SAH: 2 tanda tangan")
    if SHOTS.is_dir():
        qtbot.wait(50)
        page.grab().save(str(SHOTS / "page-verified.png"))

    addendum = tmp_path / "adendum.pdf"
    qtbot.mouseClick(page.addendum_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.keyClicks(dialog.text, "Jam penutupan yang benar 13.15 WIB.")
    dialog.path.setText(str(addendum))
    ok(qtbot, dialog)
    assert addendum.is_file()
    assert "Adendum tercatat: 1" in page.hash_label.text()


def test_the_signature_model_passes_the_model_tester(
    qtbot: QtBot, page: SigningPage, qtmodeltester: ModelTester, tmp_path: Path
) -> None:
    from tests.services.signing_fixtures import make_keys

    keys = make_keys(tmp_path / "keys")
    meeting_id = page.meeting_id()
    assert meeting_id is not None
    pdf = tmp_path / "ba.pdf"
    page.services.minutes.export(meeting_id, pdf)
    page.services.minutes_signing.sign_minutes(meeting_id, pdf, keys.chair, PASSPHRASE, "ketua")
    page.verify(pdf)
    assert page.model.rowCount() == 1
    qtmodeltester.check(page.model)
