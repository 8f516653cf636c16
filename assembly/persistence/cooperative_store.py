"""The cooperative's profile and the versions of its AD profile."""

from __future__ import annotations

import datetime as dt
import json

import sqlalchemy as sa

from assembly.domain.ad_profile import (
    ADProfile,
    ADProfileVersion,
    profile_from_data,
    profile_to_data,
)
from assembly.domain.cooperative import Cooperative, Level, TimeZone
from assembly.persistence.tables import ad_profile_versions, cooperative

_FIELDS = (
    "name",
    "legal_entity_number",
    "registration_number",
    "address",
    "city",
    "code",
    "fiscal_year_end_month",
    "fiscal_year_end_day",
)


def load(conn: sa.Connection) -> Cooperative | None:
    """The cooperative, or None before the first-start wizard has made one."""
    row = conn.execute(sa.select(cooperative)).first()
    if row is None:
        return None
    m = row._mapping
    return Cooperative(
        **{f: m[f] for f in _FIELDS}, level=Level(m["level"]), time_zone=TimeZone(m["time_zone"])
    )


def is_demo(conn: sa.Connection) -> bool:
    """Whether this database holds the demo cooperative."""
    return bool(conn.execute(sa.select(cooperative.c.is_demo)).scalar())


def save(conn: sa.Connection, coop: Cooperative, *, demo: bool | None = None) -> None:
    """Create or replace the cooperative's profile."""
    values = {f: getattr(coop, f) for f in _FIELDS}
    values.update(level=coop.level.value, time_zone=coop.time_zone.value)
    if demo is not None:
        values["is_demo"] = demo
    if conn.execute(sa.select(cooperative.c.id)).first() is None:
        conn.execute(sa.insert(cooperative).values(id=1, **values))
    else:
        conn.execute(sa.update(cooperative).values(**values))


def latest_profile(conn: sa.Connection) -> ADProfileVersion | None:
    """The AD profile in force: the newest saved version."""
    row = conn.execute(
        sa.select(ad_profile_versions).order_by(ad_profile_versions.c.version.desc()).limit(1)
    ).first()
    return _version(row) if row else None


def profile_version(conn: sa.Connection, version: int) -> ADProfileVersion | None:
    """One saved version of the AD profile."""
    row = conn.execute(
        sa.select(ad_profile_versions).where(ad_profile_versions.c.version == version)
    ).first()
    return _version(row) if row else None


def add_profile_version(
    conn: sa.Connection, profile: ADProfile, *, confirmed: bool, note: str = ""
) -> ADProfileVersion:
    """Save ``profile`` as the next version; earlier versions stay as they were."""
    current = conn.execute(sa.select(sa.func.max(ad_profile_versions.c.version))).scalar() or 0
    saved_at = dt.datetime.now(dt.UTC)
    conn.execute(
        sa.insert(ad_profile_versions).values(
            version=current + 1,
            saved_at=saved_at.isoformat(timespec="seconds"),
            confirmed=confirmed,
            note=note,
            data=json.dumps(profile_to_data(profile), sort_keys=True),
        )
    )
    return ADProfileVersion(current + 1, profile, saved_at, confirmed, note)


def _version(row: sa.Row[object]) -> ADProfileVersion:
    m = row._mapping
    return ADProfileVersion(
        version=m["version"],
        profile=profile_from_data(json.loads(m["data"])),
        saved_at=dt.datetime.fromisoformat(m["saved_at"]),
        confirmed=bool(m["confirmed"]),
        note=m["note"],
    )
