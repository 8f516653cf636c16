"""The cooperative's profile and its AD profile: first start, editing, versions."""

from __future__ import annotations

from dataclasses import asdict

from assembly.domain.ad_profile import (
    ADProfile,
    ADProfileVersion,
    profile_to_data,
    validate_profile,
)
from assembly.domain.cooperative import Cooperative, validate_cooperative
from assembly.domain.errors import ValidationError
from assembly.persistence import audit_log, cooperative_store
from assembly.services.changes import Area, Changes
from assembly.services.context import ServiceContext


class CooperativeService:
    """Reads and changes the cooperative's profile and AD profile."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def cooperative(self) -> Cooperative | None:
        """The cooperative, or None before the first-start wizard."""
        with self._ctx.db.read() as conn:
            return cooperative_store.load(conn)

    def is_demo(self) -> bool:
        """Whether this database holds the demo cooperative."""
        with self._ctx.db.read() as conn:
            return cooperative_store.is_demo(conn)

    def save_cooperative(
        self,
        coop: Cooperative,
        *,
        demo: bool | None = None,
        first_profile: ADProfile | None = None,
    ) -> Changes:
        """Create or update the cooperative's profile. Warnings do not block. A new
        cooperative starts with ``first_profile`` (the defaults when None) as its AD profile,
        unconfirmed until the secretary checks it against the AD."""
        problems = [p for p in validate_cooperative(coop) if not p.warning]
        if problems:
            raise ValidationError(problems)
        with self._ctx.db.write() as conn:
            cooperative_store.save(conn, coop, demo=demo)
            if cooperative_store.latest_profile(conn) is None:
                cooperative_store.add_profile_version(
                    conn, first_profile or ADProfile(), confirmed=False
                )
            audit_log.append(conn, self._ctx.actor, "cooperative.saved", asdict(coop))
        return Changes.of(Area.COOPERATIVE, Area.AD_PROFILE)

    def ad_profile(self) -> ADProfileVersion:
        """The AD profile in force (the defaults, unconfirmed, before any is saved)."""
        with self._ctx.db.read() as conn:
            version = cooperative_store.latest_profile(conn)
        if version is None:
            return ADProfileVersion(0, ADProfile(), self._ctx.now(), confirmed=False)
        return version

    def save_ad_profile(self, profile: ADProfile, *, confirmed: bool, note: str = "") -> Changes:
        """Save ``profile`` as a new version. Earlier versions stay for the meetings held
        under them."""
        problems = validate_profile(profile)
        if problems:
            raise ValidationError(problems)
        with self._ctx.db.write() as conn:
            saved = cooperative_store.add_profile_version(
                conn, profile, confirmed=confirmed, note=note
            )
            audit_log.append(
                conn,
                self._ctx.actor,
                "ad_profile.saved",
                {
                    "version": saved.version,
                    "confirmed": confirmed,
                    "profile": profile_to_data(profile),
                },
            )
        return Changes.of(Area.AD_PROFILE)
