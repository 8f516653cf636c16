"""'Gabung ke laptop induk' in the first-start dialog, driven by the keyboard against a real host:
a typo in the address and a wrong password are told under the fields and the dialog stays;
the right password joins; the host dialog shows the address, password, string and QR code."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from assembly.domain.cooperative import Cooperative
from assembly.services.bundle import Services
from assembly.services.host import HostService
from assembly.services.joining import JoinedHosts, open_desk
from assembly.ui.dialogs.first_start import FirstStartDialog
from assembly.ui.dialogs.host_dialog import HostDialog
from tests.host_fixtures import host_folder, running_host
from tests.pg_server import free_port
from tests.robustness.test_cooperative_copy import every_row


@pytest.fixture(scope="module")
def host() -> Iterator[HostService]:
    with running_host() as service:
        owner = Services.open(service.state().host_url)
        try:
            owner.cooperative.save_cooperative(Cooperative(name="Kopdit Pintu Air"))
        finally:
            owner.close()
        yield service


def _wizard(qtbot: QtBot, services: Any, joined_file: Path) -> FirstStartDialog:
    dialog = FirstStartDialog(
        services.cooperative,
        join=lambda url, other: open_desk(url, joined=JoinedHosts(joined_file), accept_other=other),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_join_by_address_and_password(
    qtbot: QtBot, services: Any, host: HostService, tmp_path: Path
) -> None:
    state = host.state()
    dialog = _wizard(qtbot, services, tmp_path / "joined.json")
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 2 and dialog.focusWidget() is dialog.host_address
    qtbot.keyClicks(dialog.host_address, "127.0.0.l")  # a letter l for the digit 1
    qtbot.keyClicks(dialog.host_password, "salah")
    qtbot.keyClick(dialog.host_password, Qt.Key.Key_Return)
    assert dialog.isVisible() and "tidak dikenali" in dialog.join_error.text()

    dialog.host_address.clear()
    qtbot.keyClicks(dialog.host_address, f"{state.address}:{state.port}")
    qtbot.keyClick(dialog.host_password, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "Kata sandi atau nama pengguna" in dialog.join_error.text()
    assert dialog.joined is None

    dialog.host_password.clear()
    qtbot.keyClicks(dialog.host_password, state.desk_password)
    qtbot.keyClick(dialog.host_password, Qt.Key.Key_Return)
    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    assert dialog.choice == "join" and dialog.joined is not None
    try:
        coop = dialog.joined.cooperative.cooperative()
        assert coop is not None and coop.name == "Kopdit Pintu Air"
    finally:
        dialog.joined.close()
    assert QSettings().value("join/address") == f"{state.address}:{state.port}"
    assert services.cooperative.cooperative() is None  # the local file is left as it was


def test_pasted_string_joins_and_another_cooperative_asks_first(
    qtbot: QtBot, services: Any, host: HostService, tmp_path: Path
) -> None:
    joined_file = tmp_path / "joined.json"
    key = f"127.0.0.1:{host.state().port}/kuorum"
    joined_file.write_text(json.dumps({key: {"name": "KUD Tani Makmur"}}))
    dialog = _wizard(qtbot, services, joined_file)
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.host_url, host.state().desk_url)
    qtbot.keyClick(dialog.host_url, Qt.Key.Key_Return)
    assert "Kopdit Pintu Air, bukan KUD Tani Makmur" in dialog.join_error.text()
    box = dialog.question
    assert box is not None and box.isVisible() and dialog.joined is None
    # No is the default: Enter leaves it.
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert dialog.joined is None and dialog.isVisible()
    qtbot.keyClick(dialog.host_url, Qt.Key.Key_Return)
    box = dialog.question
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert dialog.choice == "join" and dialog.joined is not None
    dialog.joined.close()
    assert "Kopdit Pintu Air" in joined_file.read_text()


def test_host_dialog_starts_and_shows_how_to_join(qtbot: QtBot) -> None:
    service = HostService(host_folder(), port=free_port())
    dialog = HostDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.join_box.isVisible() and dialog.start_button.isEnabled()
    index = dialog.address.findData("127.0.0.1")
    assert index >= 0
    dialog.address.setCurrentIndex(index)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    try:
        state = service.state()
        assert state.running, dialog.error.text()
        assert dialog.join_box.isVisible()
        assert dialog.shown_address.text() == f"127.0.0.1:{state.port}"
        assert dialog.shown_password.text() == state.desk_password
        assert dialog.url.text() == state.desk_url
        assert dialog.qr.pixmap() is not None and not dialog.qr.pixmap().isNull()
        assert dialog.focusWidget() is dialog.copy_button
        qtbot.keyClick(dialog.copy_button, Qt.Key.Key_Space)
        assert QApplication.clipboard().text() == state.desk_url
    finally:
        qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    assert not service.state().running and not dialog.join_box.isVisible()


def test_host_dialog_copies_the_open_cooperative_in_and_all_of_it_out(
    qtbot: QtBot, cooperative: Any, db_path: Path, tmp_path: Path
) -> None:
    service = HostService(host_folder(), port=free_port())
    service.start("127.0.0.1")
    dialog = HostDialog(service, source=db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        assert dialog.copy_box.isVisible() and dialog.copy_in_button.isVisible()
        qtbot.mouseClick(dialog.copy_in_button, Qt.MouseButton.LeftButton)
        assert not dialog.copy_in_button.isEnabled()  # one copy at a time
        qtbot.wait_until(lambda: dialog.task is None, timeout=60000)
        assert "Disalin ke postgresql://" in dialog.copy_note.text()
        password = service.cluster.settings().host_password
        assert password not in dialog.copy_note.text()  # the URL is shown without it
        # Again: the host is no longer empty, refused saying so.
        qtbot.mouseClick(dialog.copy_in_button, Qt.MouseButton.LeftButton)
        qtbot.wait_until(lambda: dialog.task is None, timeout=60000)
        assert "sudah berisi data" in dialog.copy_note.text()
        final = tmp_path / "rat-akhir.sqlite"
        dialog.run_copy(service.state().host_url, final)
        qtbot.wait_until(lambda: dialog.task is None, timeout=60000)
        assert str(final) in dialog.copy_note.text()
        assert every_row(final) == every_row(db_path)
    finally:
        dialog.close()
        service.stop()
