"""A desk joining the host laptop (DESIGN.md section 9): the connection string from what the
secretary typed or pasted, and the cooperative this desk found there before, so that a host
now holding another cooperative (another RAT's laptop on the same network, a restored folder)
is not written to by mistake."""

from __future__ import annotations

import ipaddress
import json
import os
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

from assembly.domain.cooperative import Cooperative
from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.persistence.pg_cluster import DATABASE, DEFAULT_PORT, DESK_ROLE
from assembly.services.bundle import Services
from assembly.services.locations import data_folder

URL_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
_HOST_NAME = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?$")


class OtherCooperative(DomainError):
    """The host holds another cooperative than the one this desk joined there before."""


def is_host_url(target: object) -> bool:
    """Whether ``target`` (a path or what follows ``--db``) names a host laptop's database."""
    return isinstance(target, str) and target.strip().startswith(URL_SCHEMES)


def join_url(address: str, password: str, pasted: str = "") -> str:
    """The connection string of the host at ``address`` (``192.168.1.10`` or
    ``192.168.1.10:54329``) with the desks' ``password``; or ``pasted``, a whole connection
    string copied from the host's screen, when given."""
    pasted = pasted.strip()
    if pasted:
        if not pasted.startswith(URL_SCHEMES) or not urlsplit(pasted).hostname:
            raise DomainError(
                tr(
                    "String koneksi harus berbentuk postgresql://kuorum_meja:KATA-SANDI@ALAMAT:"
                    "PORT/kuorum, seperti yang ditunjukkan laptop induk."
                )
            )
        return pasted
    address = address.strip()
    host, _, port_text = address.partition(":")
    if not host:
        raise DomainError(tr("Isi alamat laptop induk (mis. 192.168.1.10)."))
    if not _valid_host(host):
        raise DomainError(
            tr(
                "Alamat laptop induk {address} tidak dikenali; tulis seperti 192.168.1.10 "
                "atau 192.168.1.10:54329.",
                address=address,
            )
        )
    port = DEFAULT_PORT
    if port_text:
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise DomainError(
                tr(
                    "Port {port} pada alamat laptop induk bukan angka 1–65535.",
                    port=port_text,
                )
            )
        port = int(port_text)
    if not password.strip():
        raise DomainError(tr("Isi kata sandi meja yang ditunjukkan laptop induk."))
    return f"postgresql://{DESK_ROLE}:{quote(password.strip(), safe='')}@{host}:{port}/{DATABASE}"


def _valid_host(host: str) -> bool:
    try:
        ipaddress.IPv4Address(host)
    except ValueError:
        # Four parts mostly of digits is an IPv4 address with a typo (192.168.1.l0), not a
        # computer's name.
        parts = host.split(".")
        meant_as_ipv4 = len(parts) == 4 and sum(part.isdigit() for part in parts) >= 2
        return bool(_HOST_NAME.match(host)) and not meant_as_ipv4
    return True


def host_key(url: str) -> str:
    """The host and database ``url`` names, without user and password."""
    parts = urlsplit(url.strip())
    return f"{parts.hostname}:{parts.port or DEFAULT_PORT}/{parts.path.lstrip('/')}"


def _identity(coop: Cooperative) -> dict[str, str]:
    return {
        "name": coop.name,
        "legal_entity_number": coop.legal_entity_number,
        "registration_number": coop.registration_number,
    }


def _same(known: dict[str, str], found: dict[str, str]) -> bool:
    for field in ("registration_number", "legal_entity_number"):
        if known.get(field) and found.get(field):
            return known[field] == found[field]
    return known.get("name", "").casefold().strip() == found.get("name", "").casefold().strip()


class JoinedHosts:
    """The cooperative found at each host this desk joined (``joined-hosts.json`` in the
    user's data folder)."""

    def __init__(self, file: Path | None = None) -> None:
        self.file = file or data_folder() / "joined-hosts.json"

    def _load(self) -> dict[str, dict[str, str]]:
        try:
            values = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return values if isinstance(values, dict) else {}

    def check(self, url: str, coop: Cooperative) -> None:
        """Refuse when the host at ``url`` held another cooperative when this desk joined it
        before."""
        known = self._load().get(host_key(url))
        if known is None or _same(known, _identity(coop)):
            return
        raise OtherCooperative(
            tr(
                "Laptop induk {host} sekarang berisi koperasi {found}, bukan {known} yang "
                "digabungi meja ini sebelumnya. Periksa alamatnya: mungkin itu laptop induk "
                "rapat lain. Tidak ada yang diubah.",
                host=host_key(url),
                found=coop.name,
                known=known.get("name", "?"),
            )
        )

    def remember(self, url: str, coop: Cooperative) -> None:
        """Note the cooperative found at ``url``."""
        values = self._load()
        values[host_key(url)] = _identity(coop)
        self.file.parent.mkdir(parents=True, exist_ok=True)
        part = self.file.with_name(self.file.name + ".part")
        part.write_text(json.dumps(values, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(part, self.file)


def open_desk(
    url: str, *, joined: JoinedHosts | None = None, accept_other: bool = False
) -> Services:
    """Open the host's database at ``url`` as a desk: refused, saying why, when the host is
    unreachable, the password wrong, its schema newer than this Kuorum, it holds no
    cooperative yet, or another cooperative than the one this desk joined there before
    (unless ``accept_other``: the secretary confirmed it)."""
    joined = joined or JoinedHosts()
    services = Services.open(url.strip(), create=False)
    try:
        services.host_link.watch()
        coop = services.cooperative.cooperative()
        if coop is None:
            raise DomainError(
                tr(
                    "Laptop induk {host} belum berisi koperasi. Di laptop induk, salin koperasi "
                    "ke dalamnya (python main.py host copy-in BERKAS.sqlite) atau buat "
                    "koperasinya di sana dulu.",
                    host=host_key(url),
                )
            )
        if not accept_other:
            joined.check(url, coop)
        joined.remember(url, coop)
    except BaseException:
        services.close()
        raise
    return services
