"""Times as a person reads them: in the cooperative's zone (WIB, WITA or WIT), with the zone
named. Stored times stay UTC; whatever shows a time to a person formats it here."""

from __future__ import annotations

import datetime as dt

from assembly.domain.cooperative import TimeZone
from assembly.domain.meeting import zone_of

ZONE_NAMES = tuple(zone.value for zone in TimeZone)


def in_zone(moment: dt.datetime, zone: TimeZone) -> dt.datetime:
    """``moment`` in ``zone`` (a time without zone is taken as UTC, as stored)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(zone_of(zone))


def shown(moment: dt.datetime, zone: TimeZone, *, seconds: bool = False) -> str:
    """ "14/03/2026 10.30 WIB": the date and time in ``zone``, the zone named."""
    local = in_zone(moment, zone)
    clock = "%H.%M.%S" if seconds else "%H.%M"
    return f"{local.strftime('%d/%m/%Y ' + clock)} {zone.value}"
