"""Finding a meeting and the AD profile version it is held under, inside a transaction."""

from __future__ import annotations

import datetime as dt

from assembly.domain.ad_profile import ADProfile
from assembly.domain.errors import DomainError
from assembly.domain.meeting import Meeting
from assembly.i18n import tr
from assembly.persistence import cooperative_store, meeting_store
from assembly.persistence.meeting_store import Connection


class ProfileCache:
    """AD profile versions by number. A saved version never changes, so it is read once."""

    def __init__(self) -> None:
        self._versions: dict[int, ADProfile] = {}

    def get(self, conn: Connection, version: int) -> ADProfile:
        """The profile of ``version``; refused when no such version is saved."""
        profile = self._versions.get(version)
        if profile is None:
            saved = cooperative_store.profile_version(conn, version)
            if saved is None:
                raise DomainError(tr("Versi profil AD {version} tidak ada.", version=version))
            profile = self._versions[version] = saved.profile
        return profile


def require_header(conn: Connection, meeting_id: int) -> Meeting:
    """The meeting without agenda and leaders; refused when there is none."""
    meeting = meeting_store.header(conn, meeting_id)
    if meeting is None:
        raise DomainError(tr("Rapat nomor {id} tidak ditemukan.", id=meeting_id))
    return meeting


def require_meeting(conn: Connection, meeting_id: int) -> Meeting:
    """The meeting with agenda and leaders; refused when there is none."""
    meeting = meeting_store.get(conn, meeting_id)
    if meeting is None:
        raise DomainError(tr("Rapat nomor {id} tidak ditemukan.", id=meeting_id))
    return meeting


def require_attendance_open(meeting: Meeting) -> None:
    """Refuse attendance changes unless the door is open."""
    if not meeting.state.takes_attendance:
        raise DomainError(
            tr(
                "Kehadiran hanya dapat dicatat setelah pendaftaran hadir dibuka dan sebelum rapat "
                "selesai (status sekarang: {state}).",
                state=tr(meeting.state.key),
            )
        )


def moment(at: dt.datetime | None, meeting: Meeting, now: dt.datetime) -> dt.datetime:
    """``at`` (or now) as an aware moment; a naive time is read in the meeting's time zone."""
    chosen = now if at is None else at
    return chosen if chosen.tzinfo is not None else chosen.replace(tzinfo=meeting.zone)
