"""The Verifikasi part of the signing page, given the open database, says what ``verify
FILE --db`` says: an untouched file and database match; after five attendance rows are deleted
behind the dropped lock triggers, the page names it and the verdict turns red."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from assembly.services.bundle import Services
from assembly.ui.operation import Operations
from assembly.ui.pages.signing_page import SigningPage
from tests.robustness.anchor_fixtures import Locked, drop_lock_triggers, locked_meeting, raw
from tests.services.signing_fixtures import Keys, make_keys
from tests.ui.test_signing_page import answer_file_dialogs

SHOTS = Path("/tmp/anchor-shots")


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def locked(
    cooperative: Any, db_path: Path, tmp_path: Path, keys: Keys, monkeypatch: pytest.MonkeyPatch
) -> Locked:
    return locked_meeting(cooperative, db_path, tmp_path, keys, monkeypatch)


@pytest.fixture
def opened(locked: Locked) -> Iterator[Services]:
    services = Services.open(locked.db, create=False)
    yield services
    services.close()


def show(qtbot: QtBot, services: Services) -> SigningPage:
    page = SigningPage(services, Operations())
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def verify(qtbot: QtBot, page: SigningPage, pdf: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answer_file_dialogs(monkeypatch, pdf)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.verdict is not None)


def test_the_page_shows_the_database_matching_then_what_changed(
    qtbot: QtBot, locked: Locked, opened: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = show(qtbot, opened)
    verify(qtbot, page, locked.pdf, monkeypatch)
    assert "Basis data cocok" in page.anchor_label.text()
    assert page.summary.text().endswith("HASIL: SAH dan basis data cocok")
    if SHOTS.is_dir():
        qtbot.wait(50)
        page.grab().save(str(SHOTS / "verify-matching.png"))

    conn = raw(locked.db)
    drop_lock_triggers(conn)
    conn.execute(
        "DELETE FROM attendance WHERE id IN (SELECT id FROM attendance ORDER BY id LIMIT 5)"
    )
    conn.close()
    page.verification.verdict = None
    verify(qtbot, page, locked.pdf, monkeypatch)
    text = page.anchor_label.text()
    assert "Basis data TIDAK cocok dengan berkas ini:" in text
    assert "kehadiran berubah: 5 anggota dihapus" in text
    assert page.summary.text().endswith("HASIL: TIDAK SAH")
    # The signatures themselves still hold: the table says so, the verdict does not.
    assert [page.model.row(i).verdict for i in range(2)] == ["SAH", "SAH"]
    if SHOTS.is_dir():
        qtbot.wait(50)
        page.grab().save(str(SHOTS / "verify-changed.png"))
