"""A desk's link to the host laptop: whether the host answers now (the banner on every desk
asks this each second)."""

from __future__ import annotations

from assembly.persistence import host_link
from assembly.services.context import ServiceContext


class HostLinkService:
    """The link of the open database to its host; a SQLite file has none and is always
    reachable."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def watch(self) -> None:
        """From now on, an action that finds the host gone is refused saying so (a
        ``StorageError`` the screens show), never left half-done or shown as saved."""
        host_link.refuse_when_lost(self._ctx.db)

    @property
    def remote(self) -> bool:
        """Whether the database lives on a host laptop."""
        return self._ctx.db.url is not None

    def shown(self) -> str:
        """The host and database, without user or password (``192.168.1.10:54329/kuorum``)."""
        from assembly.services.joining import host_key

        return host_key(self._ctx.db.url or "")

    def reachable(self) -> bool:
        """Whether the host answers now (may take up to two seconds when it does not: call
        it off the screen's thread)."""
        return host_link.reachable(self._ctx.db)
