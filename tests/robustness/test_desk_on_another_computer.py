"""A desk truly on another computer (DESIGN.md section 9; issue 13): the host laptop's server
started by the README's command (``host start --address``) on one end of a virtual cable, the
desk's processes run in a network namespace at the other end, reaching the host over that
LAN only. "Only the host laptop makes backups" rests on the server seeing where a connection
comes from (``host_link.on_this_computer``); here it really is another address:

- at the desk, ``on_this_computer`` is False; on the host (its own 127.0.0.1, or its LAN
  address as a desk would use it) True;
- ``backup now --db URL`` at the desk is refused saying backups are made on the host, and
  makes nothing; a decision recorded at the desk (and ``backup auto``) writes no backup in
  the desk's data folder;
- the host's app then backs up what the desk did: a ``…-keputusan.sqlite`` holding the
  desk's decision, whose audit chain verifies.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assembly.cli import main
from assembly.domain.cooperative import Cooperative, TimeZone
from assembly.persistence import host_link
from assembly.persistence.database import open_database
from assembly.services.bundle import Services
from assembly.services.context import ServiceContext
from assembly.services.host import HostService
from tests.conftest import FIXED_NOW
from tests.host_fixtures import host_folder, watch_host
from tests.lan import OtherComputer, other_computer
from tests.pg_server import free_port
from tests.services.voting_fixtures import opened_hall

ROOT = Path(__file__).resolve().parents[2]
DECISION = "Laporan pertanggungjawaban pengurus disahkan"

# The desk's own program: the services over the host's database, as the app at a desk opens
# them, recording a decision and then doing what the app does after each decision.
_DESK = """
import json, sys
from assembly.persistence import host_link
from assembly.services.bundle import Services
url, meeting_id, item, text = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
desk = Services.open(url, create=False)
try:
    here = host_link.on_this_computer(desk.ctx.db)
    desk.decisions.record_consensus(meeting_id, item, text)
    due = desk.backups.backup_if_due()
    print(json.dumps({"on_this_computer": here, "backup": None if due is None else str(due)}))
finally:
    desk.close()
"""


@dataclass(frozen=True)
class Host:
    folder: Path
    desk_url: str
    host_url: str


@pytest.fixture
def lan() -> Iterator[OtherComputer]:
    with other_computer() as computer:
        yield computer


def _python(home: Path) -> dict[str, str]:
    """The environment of a Kuorum process with ``home`` as the user's home and data."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "COV_"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        PYTHONPATH=str(ROOT),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


@pytest.fixture
def host(lan: OtherComputer, tmp_path: Path) -> Iterator[Host]:
    """The host laptop's server, started by the README's command on the cable's host end."""
    folder = host_folder()
    line = watch_host(folder)  # stops it and removes it even when the test run is killed
    home = tmp_path / "host-home"
    home.mkdir()
    command = [sys.executable, "main.py", "host", "start", "--address", lan.host_address]
    command += ["--port", str(free_port()), "--folder", str(folder)]
    started = subprocess.run(
        command, cwd=ROOT, env=_python(home), capture_output=True, text=True, check=False
    )
    try:
        assert started.returncode == 0, started.stderr
        state = HostService(folder).state()
        assert state.subnet == lan.subnet
        assert f"python main.py --db {state.desk_url}" in started.stdout  # how a desk joins
        assert f"@{lan.host_address}:" in state.desk_url
        yield Host(folder, state.desk_url, state.host_url)
    finally:
        HostService(folder).stop()
        line.release()


def _host_services(url: str) -> Services:
    return Services.create(ServiceContext(open_database(url), "sekretaris", lambda: FIXED_NOW))


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_a_desk_on_another_computer_makes_no_backup_and_the_host_backs_up_its_decision(
    lan: OtherComputer, host: Host, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    services = _host_services(host.host_url)
    try:
        services.cooperative.save_cooperative(
            Cooperative(
                name="Koperasi Simpan Pinjam Sejahtera Bersama",
                legal_entity_number="518/BH/XIII.12/2001",
                registration_number="3273010010001",
                address="Jl. Merdeka No. 10, Bandung",
                city="Bandung",
                time_zone=TimeZone.WIB,
                code="KSP-SB",
            )
        )
        hall = opened_hall(services, Path(host.host_url))
        services.backups.choose_folder(usb)
        services.backups.backup_if_due()  # whatever the setting up made due
        before = _files(usb)
        assert host_link.on_this_computer(services.ctx.db)  # the host's app, on 127.0.0.1
    finally:
        services.close()
    # The host laptop joining its own server over its LAN address, as a desk's URL does:
    # still this computer.
    own = Services.open(host.desk_url, create=False)
    try:
        assert host_link.on_this_computer(own.ctx.db)
    finally:
        own.close()

    desk_home = tmp_path / "desk-home"
    desk_home.mkdir()
    env = _python(desk_home)
    refused = lan.run(
        [sys.executable, "main.py", "backup", "now", "--db", host.desk_url], cwd=ROOT, env=env
    )
    assert refused.returncode != 0
    assert "cadangan dibuat di laptop induk" in refused.stderr
    assert "Tidak ada yang dibuat di meja ini" in refused.stderr
    assert "Traceback" not in refused.stderr

    meeting, item = str(hall.meeting_id), str(hall.items[0])
    desk = lan.run(
        [sys.executable, "-c", _DESK, host.desk_url, meeting, item, DECISION],
        cwd=ROOT,
        env=env,
    )
    assert desk.returncode == 0, desk.stderr
    seen = json.loads(desk.stdout.strip().splitlines()[-1])
    assert seen == {"on_this_computer": False, "backup": None}
    auto = lan.run(
        [sys.executable, "main.py", "backup", "auto", "--db", host.desk_url], cwd=ROOT, env=env
    )
    assert auto.returncode == 0, auto.stderr
    assert not [name for name in _files(desk_home) if name.endswith((".sqlite", ".part"))]
    assert not (desk_home / "cadangan").exists()  # the default folder beside a database
    assert _files(usb) == before  # nothing written for the desk either: the host's app does

    # The host laptop's app hears of the decision and backs it up.
    services = _host_services(host.host_url)
    try:
        made = services.backups.backup_if_due()
    finally:
        services.close()
    assert made is not None and made.ok and made.path is not None, made
    assert made.path.parent == usb and made.path.name.endswith("-keputusan.sqlite")
    conn = sqlite3.connect(f"{made.path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        texts = [row[0] for row in conn.execute("SELECT text FROM decisions")]
    finally:
        conn.close()
    assert texts == [DECISION]
    assert main(["audit", "verify", "--db", str(made.path)]) == 0
    assert "utuh" in capsys.readouterr().out


_KILLED = """
import sys
import time
from tests.lan import other_computer
with other_computer() as computer:
    print(computer.name, computer.host_link, flush=True)
    sys.stdin.read()  # until the test kills this process
"""


def _namespaces() -> str:
    listed = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True, check=True)
    return listed.stdout


def test_a_killed_run_leaves_no_second_computer_behind(lan: OtherComputer) -> None:
    """The process that made a namespace SIGKILLed: its watchdog removes the namespace and
    the cable (``lan`` only makes sure this machine can make one, else skips)."""
    with subprocess.Popen(
        [sys.executable, "-c", _KILLED],
        cwd=ROOT,
        env=_python(Path(os.environ.get("HOME", "/root"))),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        name, link = child.stdout.readline().split()
        assert name in _namespaces()
        child.kill()
        child.wait()
    deadline = time.monotonic() + 30
    while name in _namespaces():
        assert time.monotonic() < deadline, f"namespace {name} left behind"
        time.sleep(0.05)
    assert subprocess.run(["ip", "link", "show", link], capture_output=True).returncode != 0
