"""What other windows and desks changed, as :class:`Changes` (DESIGN.md section 9, STYLE 14).

The database's listener reports the tables another connection or process committed to; this
turns them into the areas the screens know, so a check-in at another desk reaches the quorum
panel, the chair's console and the projector through the same ``changed`` signal as one's own.
"""

from __future__ import annotations

from assembly.persistence.change_feed import EVERYTHING, Listener
from assembly.services.changes import Area, Changes
from assembly.services.context import ServiceContext

# Which screens' data each table holds. A table not listed (a new one) counts as everything.
TABLE_AREAS: dict[str, frozenset[Area]] = {
    "cooperative": frozenset({Area.COOPERATIVE}),
    "ad_profile_versions": frozenset({Area.AD_PROFILE}),
    "members": frozenset({Area.MEMBERS}),
    "audit_events": frozenset(),
    "settings": frozenset(),
    "meetings": frozenset({Area.MEETINGS}),
    "agenda_items": frozenset({Area.MEETINGS, Area.DECISIONS}),
    "meeting_officers": frozenset({Area.MEETINGS}),
    "proxies": frozenset({Area.ATTENDANCE}),
    "attendance": frozenset({Area.ATTENDANCE}),
    "attendance_events": frozenset({Area.ATTENDANCE}),
    "attendance_stays": frozenset({Area.ATTENDANCE}),
    "quorum_checks": frozenset({Area.ATTENDANCE, Area.MEETINGS}),
    "decisions": frozenset({Area.DECISIONS}),
    "ballots": frozenset({Area.DECISIONS}),
    "ballot_eligible": frozenset({Area.DECISIONS}),
    "named_votes": frozenset({Area.DECISIONS}),
    "secret_participation": frozenset({Area.DECISIONS}),
    "secret_totals": frozenset({Area.DECISIONS}),
    "counted_totals": frozenset({Area.DECISIONS}),
    "candidates": frozenset({Area.DECISIONS}),
    "meeting_documents": frozenset({Area.MINUTES}),
    "signed_files": frozenset({Area.MINUTES}),
    "meeting_anchors": frozenset({Area.MINUTES, Area.MEETINGS}),
}
ALL_AREAS = frozenset(Area)


def changes_of(tables: frozenset[str]) -> Changes:
    """The areas behind ``tables`` (every area for :data:`EVERYTHING` or an unknown table)."""
    areas: set[Area] = set()
    for table in tables:
        areas |= TABLE_AREAS.get(table, ALL_AREAS) if table != EVERYTHING else ALL_AREAS
    return Changes(frozenset(areas))


class LiveChanges:
    """Hears, as :class:`Changes`, what other connections commit to this cooperative."""

    def __init__(self, listener: Listener) -> None:
        self._listener = listener

    def wait(self, timeout: float) -> Changes | None:
        """What others changed, waiting up to ``timeout`` seconds; None when nothing (or only
        tables no screen shows, like the audit chain) changed."""
        tables = self._listener.wait(timeout)
        if not tables:
            return None
        changes = changes_of(tables)
        return changes if changes.areas else None

    @property
    def lost(self) -> bool:
        """Whether the connection to the host broke and is being made again (after it is
        back, :meth:`wait` reports every area: changes made meanwhile were not heard)."""
        return self._listener.lost

    def stop(self) -> None:
        """Make a waiting :meth:`wait` return soon (from any thread)."""
        self._listener.close()

    def release(self) -> None:
        """Close the listener's connection once nobody waits."""
        self._listener.release()


class LiveService:
    """Opens listeners on the database of ``ctx``."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def listen(self) -> LiveChanges:
        """A new listener (each window's door holds one, on its own thread)."""
        return LiveChanges(self.ctx.db.listen())
