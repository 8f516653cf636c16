"""Proxies (kuasa): a member who cannot come lets a present member represent them, when the
AD allows it.

UU 25/1992 is silent on proxies, so they are off unless the AD profile enables them
(law.md section 4 and rule 13): the holder must be a present member entitled to vote, holds
at most ``proxy_cap`` proxies, each surat kuasa is recorded, and a proxy lapses the moment its
grantor attends in person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance import AttendanceRecord, AttendanceState, Channel
from assembly.domain.errors import DomainError
from assembly.domain.members import Member, eligibility
from assembly.i18n import N_, tr

REFERENCE_MAX = 100


class ProxyState(StrEnum):
    """Whether a proxy still represents its grantor."""

    ACTIVE = "aktif"
    LAPSED = "gugur"  # the grantor came in person
    WITHDRAWN = "dicabut"

    @property
    def key(self) -> str:
        """The state as the proxy list shows it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            ProxyState.ACTIVE: N_("Berlaku"),
            ProxyState.LAPSED: N_("Gugur (pemberi kuasa hadir sendiri)"),
            ProxyState.WITHDRAWN: N_("Dicabut"),
        }[self]


@dataclass(frozen=True)
class Proxy:
    """A surat kuasa for one meeting: ``grantor`` is represented by ``holder``."""

    meeting_id: int
    grantor_id: int
    holder_id: int
    reference: str  # the surat kuasa's number or description
    recorded_at: dt.datetime
    granted_on: dt.date | None = None
    state: ProxyState = ProxyState.ACTIVE
    ended_at: dt.datetime | None = None
    id: int | None = None


def check_proxy(
    profile: ADProfile,
    cutoff: dt.date,
    grantor: Member,
    holder: Member,
    reference: str,
    *,
    grantor_attendance: AttendanceRecord | None,
    holder_attendance: AttendanceRecord | None,
    holder_proxies: int,
) -> None:
    """Refuse a proxy the AD profile does not allow, with the reason; return when it may be
    recorded."""
    if not profile.proxies_enabled:
        raise DomainError(tr("Profil AD tidak mengizinkan kuasa."))
    if grantor.id == holder.id:
        raise DomainError(tr("Pemberi dan penerima kuasa tidak boleh orang yang sama."))
    if not reference.strip():
        raise DomainError(tr("Nomor atau keterangan surat kuasa wajib diisi."))
    if len(reference) > REFERENCE_MAX:
        raise DomainError(tr("Keterangan surat kuasa paling banyak {n} karakter.", n=REFERENCE_MAX))
    granted = eligibility(grantor, cutoff, profile)
    if not granted.may_vote:
        reason = granted.reason or tr("tidak memiliki hak suara")
        raise DomainError(
            tr("{name} tidak dapat memberi kuasa: {reason}.", name=grantor.name, reason=reason)
        )
    if grantor_attendance is not None and grantor_attendance.state is not AttendanceState.CANCELLED:
        if grantor_attendance.channel is Channel.PROXY:
            raise DomainError(tr("{name} sudah diwakili kuasa lain.", name=grantor.name))
        if grantor_attendance.present:
            raise DomainError(
                tr("{name} hadir sendiri; kuasa tidak diperlukan.", name=grantor.name)
            )
    holding = eligibility(holder, cutoff, profile)
    if not holding.may_vote:
        reason = holding.reason or tr("tidak memiliki hak suara")
        raise DomainError(
            tr("{name} tidak dapat menerima kuasa: {reason}.", name=holder.name, reason=reason)
        )
    if (
        holder_attendance is None
        or not holder_attendance.present
        or holder_attendance.channel is Channel.PROXY
    ):
        raise DomainError(
            tr("Penerima kuasa {name} harus hadir sendiri di rapat.", name=holder.name)
        )
    if holder_proxies >= profile.proxy_cap:
        raise DomainError(
            tr(
                "{name} sudah memegang {n} kuasa; batas menurut AD {cap} kuasa per penerima.",
                name=holder.name,
                n=holder_proxies,
                cap=profile.proxy_cap,
            )
        )
