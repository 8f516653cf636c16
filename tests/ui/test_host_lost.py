"""A desk window on the host laptop's database when the host's server dies (SIGKILL) and comes
back: the banner shows at once, an action meanwhile is refused saying so and leaves nothing
behind, and the desk reconnects by itself once the server is started again."""

from __future__ import annotations

import dataclasses
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from assembly.app import pages
from assembly.domain.cooperative import Cooperative, TimeZone
from assembly.domain.local_time import in_zone
from assembly.services.bundle import Services
from assembly.services.host import HostService
from assembly.services.joining import JoinedHosts, open_desk
from assembly.ui.main_window import MainWindow
from assembly.ui.operation import Operations, Refused
from tests.host_fixtures import running_host


@pytest.fixture
def host() -> Iterator[HostService]:
    with running_host() as service:
        owner = Services.open(service.state().host_url)
        try:
            owner.cooperative.save_cooperative(
                Cooperative(name="Kopdit Pintu Air", city="Maumere", time_zone=TimeZone.WITA)
            )
        finally:
            owner.close()
        yield service


def _city(host: HostService) -> str:
    fresh = Services.open(host.state().desk_url, create=False)
    try:
        coop = fresh.cooperative.cooperative()
        assert coop is not None
        return coop.city
    finally:
        fresh.close()


def test_banner_on_sigkill_nothing_confirmed_and_reconnects(
    qtbot: QtBot, host: HostService, tmp_path: Path
) -> None:
    desk = open_desk(host.state().desk_url, joined=JoinedHosts(tmp_path / "joined.json"))
    operations = Operations()
    window = MainWindow(desk, operations, pages)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    port = host.state().port
    assert window.statusBar().currentMessage() == f"Laptop induk: 127.0.0.1:{port}/kuorum"
    banner = window.host_banner
    assert banner is not None
    banner.check()
    qtbot.wait_until(lambda: not banner._asking)
    assert not banner.isVisible()

    pid = host.cluster.status().pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    qtbot.wait_until(banner.isVisible, timeout=5000)
    assert "Laptop induk tidak terhubung" in banner.text()
    # Since when, in the cooperative's zone (Maumere: WITA), as every time at the desk is shown.
    assert banner.lost_since is not None
    since = f"sejak {in_zone(banner.lost_since, TimeZone.WITA):%H.%M.%S} WITA."
    assert since in banner.text()

    coop = desk.cooperative.cooperative
    result = operations.run_inline(
        lambda: desk.cooperative.save_cooperative(
            dataclasses.replace(Cooperative(name="Kopdit Pintu Air"), city="Ende")
        )
    )
    assert isinstance(result, Refused)
    assert "TIDAK dikonfirmasi" in result.message

    host.cluster.start()
    qtbot.wait_until(lambda: not banner.isVisible(), timeout=15000)
    assert _city(host) == "Maumere"  # the refused change left nothing behind
    # The desk's own connections were dropped with the server; it works again by itself.
    current = coop()
    assert current is not None
    operations.run_inline(
        lambda: desk.cooperative.save_cooperative(dataclasses.replace(current, city="Ende"))
    )
    assert _city(host) == "Ende"
    window.close()
    desk.close()
