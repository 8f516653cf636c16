"""The IPv4 addresses of this computer, to pick the one the host's server listens on."""

from __future__ import annotations

import ipaddress
import socket
import struct
import sys
from dataclasses import dataclass

_SIOCGIFADDR = 0x8915
_SIOCGIFNETMASK = 0x891B


@dataclass(frozen=True)
class LanAddress:
    """One IPv4 address of a network interface, with the subnet it reaches."""

    interface: str
    address: str
    subnet: str

    @property
    def loopback(self) -> bool:
        return ipaddress.IPv4Address(self.address).is_loopback


def lan_addresses() -> list[LanAddress]:
    """Every IPv4 address of this computer's interfaces, the LAN ones first and the loopback
    last (Linux: each interface asked with ``ioctl``; elsewhere: the host name's addresses)."""
    found = _linux() if sys.platform.startswith("linux") else _by_host_name()
    unique = {(a.interface, a.address): a for a in found}
    return sorted(unique.values(), key=lambda a: (a.loopback, a.interface, a.address))


def _linux() -> list[LanAddress]:
    import fcntl

    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for _index, name in socket.if_nameindex():
            request = struct.pack("256s", name.encode()[:15])
            try:
                address = fcntl.ioctl(sock.fileno(), _SIOCGIFADDR, request)[20:24]
                netmask = fcntl.ioctl(sock.fileno(), _SIOCGIFNETMASK, request)[20:24]
            except OSError:
                continue  # no IPv4 address on this interface (down, or IPv6 only)
            text = socket.inet_ntoa(address)
            mask = socket.inet_ntoa(netmask)
            subnet = str(ipaddress.ip_interface(f"{text}/{mask}").network)
            found.append(LanAddress(name, text, subnet))
    return found


def _by_host_name() -> list[LanAddress]:
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    found = [LanAddress("", str(info[4][0]), "") for info in infos]
    found = [
        LanAddress(a.interface, a.address, str(ipaddress.ip_interface(f"{a.address}/24").network))
        for a in found
    ]
    found.append(LanAddress("lo", "127.0.0.1", "127.0.0.0/8"))
    return found
