"""A second computer on a LAN, for a test: a network namespace joined to this one by a virtual
Ethernet cable (veth), each end with its own address in a /24 of 10.0.0.0/8. A process run
with :meth:`OtherComputer.run` has only the namespace's network: it reaches the host laptop's
server at :attr:`host_address` as a desk on another computer does, and the server sees it
come from :attr:`desk_address`, not from one of its own addresses.

Making one needs root (as CI runs) and a kernel that allows namespaces; where either is
missing the test is skipped saying so. The names and the subnet are the test process's own
(several runs share the machine); the namespace and the cable are always removed, by a
watchdog (:mod:`tests.watchdog`) even when the test run is killed.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.watchdog import watch

_NUMBERS = itertools.count(1)


@dataclass(frozen=True)
class OtherComputer:
    """The namespace ``name``; ``host_address`` is this computer's end of the cable,
    ``desk_address`` the other's."""

    name: str
    host_link: str
    host_address: str
    desk_address: str
    subnet: str

    def command(self, args: Sequence[str]) -> list[str]:
        """``args`` run inside the namespace (as its root: the namespace is the computer)."""
        return ["ip", "netns", "exec", self.name, *args]

    def run(
        self, args: Sequence[str], *, cwd: Path, env: dict[str, str], timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.command(args),
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def _ip(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["ip", *args], capture_output=True, text=True, check=False)


def _must(*args: str) -> None:
    result = _ip(*args)
    if result.returncode != 0:
        raise RuntimeError(f"ip {' '.join(args)}: {result.stderr.strip()}")


@contextmanager
def other_computer() -> Iterator[OtherComputer]:
    """A namespace and its cable, up; removed at the end whatever happens. Skips the test
    when this machine cannot make one (not root, no ``ip``, namespaces not allowed)."""
    if os.geteuid() != 0:
        pytest.skip("a second computer (network namespace) needs root; CI runs as root")
    if shutil.which("ip") is None:
        pytest.skip("a second computer needs the ip command (iproute2)")
    pid = os.getpid()
    number = next(_NUMBERS)
    tag = f"{pid % 100000}{number}"
    name = f"kuorum-desk-{tag}"
    host_link, desk_link = f"kh{tag}"[:15], f"kd{tag}"[:15]
    # A /24 of this process's own in 10.0.0.0/8 (never 10.0.0.0/24, often a real LAN).
    second, third = 100 + (pid >> 8) % 150, (pid + number) % 256
    prefix = f"10.{second}.{third}"
    made = _ip("netns", "add", name)
    if made.returncode != 0:
        pytest.skip(f"this machine cannot make a network namespace: {made.stderr.strip()}")
    remove = [["ip", "link", "del", host_link], ["ip", "netns", "del", name]]
    line = watch(remove)  # removes them even when the test run is killed
    try:
        _must("link", "add", host_link, "type", "veth", "peer", "name", desk_link)
        _must("link", "set", desk_link, "netns", name)
        _must("addr", "add", f"{prefix}.1/24", "dev", host_link)
        _must("link", "set", host_link, "up")
        inside = ("netns", "exec", name, "ip")
        _must(*inside, "addr", "add", f"{prefix}.2/24", "dev", desk_link)
        _must(*inside, "link", "set", desk_link, "up")
        _must(*inside, "link", "set", "lo", "up")
        yield OtherComputer(name, host_link, f"{prefix}.1", f"{prefix}.2", f"{prefix}.0/24")
    finally:
        line.release()  # the cable (its peer in the namespace goes with it), the namespace
