"""The host laptop after a power cut, and a desk whose host died and came back (issue 13
point 4).

- Opening Kuorum on the host laptop starts its server again when it stopped without the user
  asking (SIGKILL here, as a power cut), says so, and opens the meeting; a server the user
  stopped stays stopped, and ``host status`` says which.
- A desk window's change feed loses the killed server, the banner shows at once, and once the
  server is back the feed reconnects by itself, every page refreshes, and a check-in made at
  another desk reaches this window again."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from assembly.app import Kuorum, start_host_with_app
from assembly.cli import main
from assembly.domain.cooperative import Cooperative
from assembly.services.bundle import Services
from assembly.services.changes import Area, Changes
from assembly.services.host import HostService
from tests.host_fixtures import running_host


@pytest.fixture
def host(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[HostService]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # joined-hosts.json
    with running_host() as service:
        owner = Services.open(service.state().host_url)
        try:
            owner.cooperative.save_cooperative(Cooperative(name="Kopdit Pintu Air", city="Maumere"))
        finally:
            owner.close()
        yield service


def _power_cut(host: HostService, qtbot: QtBot) -> None:
    pid = host.cluster.status().pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    qtbot.wait_until(lambda: not host.cluster.status().running, timeout=10_000)


def test_the_host_starts_with_the_app_after_a_power_cut(
    qtbot: QtBot, host: HostService, capsys: pytest.CaptureFixture[str]
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    _power_cut(host, qtbot)
    folder = str(host.cluster.folder)
    assert main(["host", "status", "--folder", folder]) == 1  # stopped: exit 1
    out = capsys.readouterr().out
    assert "Server laptop induk: berhenti" in out
    assert "Dijalankan lagi otomatis saat Kuorum dibuka di laptop ini." in out

    url, note = start_host_with_app(host)
    assert host.cluster.status().running
    assert url == host.state().desk_url
    assert f"dijalankan lagi di 127.0.0.1:{host.state().port}" in note
    kuorum = Kuorum(app)
    kuorum.start_notes.append(note)
    try:
        assert kuorum.open(url)
        assert kuorum.notice is not None and note in kuorum.notice.text()
        assert kuorum.window is not None
        assert kuorum.window.statusBar().currentMessage().startswith("Laptop induk: 127.0.0.1")
    finally:
        kuorum.close()
    assert start_host_with_app(host) == (url, "")  # running: nothing to say

    host.stop()  # the user stops it: it stays stopped
    assert start_host_with_app(host) == (None, "")
    assert not host.cluster.status().running
    assert main(["host", "status", "--folder", folder]) == 1
    out = capsys.readouterr().out
    assert "Dihentikan pengguna; jalankan lagi: python main.py host start" in out
    host.start()
    assert host.cluster.status().running and not host.stopped_on_purpose()


def test_a_desk_window_hears_again_after_the_host_came_back(
    qtbot: QtBot, host: HostService
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    kuorum = Kuorum(app)
    try:
        assert kuorum.open(host.state().desk_url)
        watcher, window = kuorum.watcher, kuorum.window
        assert watcher is not None and window is not None and window.host_banner is not None
        banner = window.host_banner
        links: list[bool] = []
        heard: list[Changes] = []
        watcher.link_lost.connect(links.append)
        watcher.heard.connect(heard.append)

        _power_cut(host, qtbot)
        qtbot.wait_until(lambda: links == [True], timeout=15_000)
        assert banner.isVisible() and "Laptop induk tidak terhubung" in banner.text()

        host.cluster.start()
        qtbot.wait_until(lambda: links == [True, False], timeout=30_000)
        qtbot.wait_until(lambda: bool(heard), timeout=5_000)
        assert heard[0].areas == frozenset(Area)  # every page refreshes
        qtbot.wait_until(lambda: not banner.isVisible(), timeout=5_000)

        heard.clear()
        other = Services.open(host.state().desk_url, create=False)  # another desk
        try:
            coop = other.cooperative.cooperative()
            assert coop is not None
            other.cooperative.save_cooperative(Cooperative(name=coop.name, city="Ende"))
        finally:
            other.close()
        qtbot.wait_until(lambda: bool(heard), timeout=2_000)
        assert heard[0].touches(Area.COOPERATIVE)
    finally:
        kuorum.close()
