"""The host laptop (DESIGN.md section 9): its PostgreSQL server, started, stopped and shown to
the desks that join it (the address, the password and the connection string)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.persistence.database import open_database
from assembly.persistence.lan_addresses import LanAddress, lan_addresses
from assembly.persistence.pg_cluster import DEFAULT_PORT, DESK_ROLE, PgCluster
from assembly.persistence.pg_host_setup import hand_secret_tables_to_desks
from assembly.services.locations import host_folder

# Left in the host's folder by ``host stop``: the server stays stopped when Kuorum opens.
STOPPED_MARK = "dihentikan-pengguna"


@dataclass(frozen=True)
class HostState:
    """What the host screen and ``host status`` show."""

    folder: Path
    created: bool
    running: bool
    address: str = ""
    port: int = 0
    subnet: str = ""
    desk_role: str = DESK_ROLE
    desk_password: str = ""
    desk_url: str = ""
    host_url: str = ""
    stopped_on_purpose: bool = False

    def lines(self) -> list[str]:
        """The state as lines for a terminal."""
        if not self.created:
            return [
                tr("Server laptop induk belum dibuat ({folder}).", folder=self.folder),
                tr("Buat dan jalankan: python main.py host start --address ALAMAT-IP"),
            ]
        state = tr("berjalan") if self.running else tr("berhenti")
        lines = [tr("Server laptop induk: {state} ({folder})", state=state, folder=self.folder)]
        if not self.running:
            lines.append(
                tr("Dihentikan pengguna; jalankan lagi: python main.py host start")
                if self.stopped_on_purpose
                else tr("Dijalankan lagi otomatis saat Kuorum dibuka di laptop ini.")
            )
        return [
            *lines,
            tr("Alamat: {address}, port {port}", address=self.address, port=self.port),
            tr("Jaringan yang boleh masuk: {subnet}", subnet=self.subnet),
            tr("Pengguna meja: {role}", role=self.desk_role),
            tr("Kata sandi meja: {password}", password=self.desk_password),
            tr("Meja bergabung dengan: python main.py --db {url}", url=self.desk_url),
        ]


@dataclass(frozen=True)
class HostStart:
    """The host's server as Kuorum found it when opening: ``started`` when it was stopped
    and Kuorum started it."""

    state: HostState
    started: bool

    @property
    def message(self) -> str:
        """What the secretary is told (empty when the server was running already)."""
        if not self.started:
            return ""
        return tr(
            "Server laptop induk berhenti (listrik padam atau laptop dinyalakan ulang) dan kini "
            "dijalankan lagi di {address}:{port}. Semua yang sudah dikonfirmasi tetap ada; "
            "meja-meja tersambung lagi sendiri.",
            address=self.state.address,
            port=self.state.port,
        )


class HostService:
    """The host laptop's server in ``folder`` (bawaan: the user's data folder)."""

    def __init__(
        self, folder: Path | None = None, *, owner: str | None = "", port: int = DEFAULT_PORT
    ) -> None:
        self.cluster = PgCluster(folder or host_folder(), owner=owner)
        self.port = port  # the port a new server listens on

    @staticmethod
    def addresses() -> list[LanAddress]:
        """This computer's IPv4 addresses, the LAN ones first."""
        return lan_addresses()

    def state(self) -> HostState:
        """Whether the server exists and runs, and how desks join it."""
        status = self.cluster.status()
        if not status.created or not self.cluster.exists():
            return HostState(self.cluster.folder, created=False, running=False)
        settings = self.cluster.settings()
        return HostState(
            folder=self.cluster.folder,
            created=True,
            running=status.running,
            address=settings.address,
            port=settings.port,
            subnet=settings.subnet,
            desk_password=settings.desk_password,
            desk_url=settings.desk_url(),
            host_url=settings.host_url(),
            stopped_on_purpose=self.stopped_on_purpose(),
        )

    def start(
        self, address: str | None = None, *, subnet: str | None = None, port: int | None = None
    ) -> HostState:
        """Create the server on ``address`` the first time, or start it again (on ``address``
        when given and different from the stored one)."""
        if not self.cluster.exists():
            if not address:
                raise DomainError(
                    tr(
                        "Pilih alamat laptop induk di jaringan (--address). Alamat komputer "
                        "ini: {addresses}",
                        addresses=", ".join(a.address for a in self.addresses()) or "-",
                    )
                )
            self.cluster.create(address, subnet=subnet, port=port or self.port)
        else:
            settings = self.cluster.settings()
            mine = [found.address for found in self.addresses()]
            if not address and settings.address not in mine:
                raise DomainError(
                    tr(
                        "Laptop ini tidak lagi memakai alamat {old} (jaringannya berganti). "
                        "Pilih alamatnya sekarang dengan --address: {addresses}",
                        old=settings.address,
                        addresses=", ".join(mine) or "-",
                    )
                )
            if address and (address, subnet or settings.subnet) != (
                settings.address,
                settings.subnet,
            ):
                self.cluster.move(address, subnet=subnet)
            self.cluster.start()
        (self.cluster.folder / STOPPED_MARK).unlink(missing_ok=True)
        self._prepare_schema()
        return self.state()

    def start_with_app(self) -> HostStart | None:
        """On the host laptop, when Kuorum opens: start the server again if it is stopped
        (a power cut, a restart) unless the user stopped it (``host stop``, the dialog's
        button). None on a laptop that is no host, or whose host was stopped on purpose.
        A server that cannot start (the laptop's address changed) is refused saying so."""
        if not self.cluster.exists() or self.stopped_on_purpose():
            return None
        if self.cluster.status().running:
            return HostStart(self.state(), started=False)
        return HostStart(self.start(), started=True)

    def stopped_on_purpose(self) -> bool:
        """Whether the server was stopped by the user (it then stays stopped until started)."""
        return (self.cluster.folder / STOPPED_MARK).exists()

    def _prepare_schema(self) -> None:
        """Create or upgrade the Kuorum schema as the host's superuser (the desks' role may
        not change the schema)."""
        settings = self.cluster.settings()
        open_database(settings.host_url(), create=True).close()
        hand_secret_tables_to_desks(settings)

    def stop(self) -> HostState:
        """Stop the server; what the desks committed stays. It stays stopped when Kuorum is
        opened again, until started."""
        self.cluster.stop()
        if self.cluster.exists():
            (self.cluster.folder / STOPPED_MARK).write_text(
                "host stop: not started with the app\n", encoding="utf-8"
            )
        return self.state()


def qr_png(text: str, scale: int = 6) -> bytes:
    """A QR code of ``text`` as PNG bytes (segno), for a desk's camera or phone to read."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()
