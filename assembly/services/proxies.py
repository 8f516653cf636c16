"""Proxies (kuasa) at a meeting, when the AD profile enables them (off by default; law.md
section 4 and rule 13): record a surat kuasa, withdraw it, list them for the minutes."""

from __future__ import annotations

import builtins
import datetime as dt
from dataclasses import dataclass, replace

from assembly.domain.attendance import (
    AttendanceRecord,
    AttendanceState,
    Channel,
    EventKind,
    counts_for_quorum,
)
from assembly.domain.errors import DomainError
from assembly.domain.members import Member, eligibility
from assembly.domain.proxies import Proxy, ProxyState, check_proxy
from assembly.i18n import tr
from assembly.persistence import attendance_store, audit_log, member_store, proxy_store
from assembly.persistence.meeting_store import Connection
from assembly.persistence.timestamps import to_text
from assembly.services.attendance_moves import write_move
from assembly.services.changes import Area, Changes, Done
from assembly.services.context import ServiceContext
from assembly.services.meeting_lookup import (
    ProfileCache,
    require_attendance_open,
    require_header,
)


@dataclass(frozen=True)
class ProxyEntry:
    """One line of the proxy list: who is represented by whom, under which surat kuasa."""

    proxy: Proxy
    grantor_number: str
    grantor_name: str
    holder_number: str
    holder_name: str


class ProxyService:
    """Records and withdraws proxies, one audited transaction each."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._profiles = ProfileCache()

    def enabled(self, meeting_id: int) -> bool:
        """Whether the AD profile the meeting is held under allows proxies."""
        with self._ctx.db.read() as conn:
            meeting = require_header(conn, meeting_id)
            return self._profiles.get(conn, meeting.profile_version).proxies_enabled

    def grant(
        self,
        meeting_id: int,
        grantor: str | int,
        holder: str | int,
        reference: str,
        granted_on: dt.date | None = None,
    ) -> Done[Proxy]:
        """Record that ``grantor`` (member number or id) is represented by ``holder``, who
        must be present and entitled to vote and may hold at most the AD's cap. The grantor
        then counts as present by proxy."""
        with self._ctx.db.write() as conn:
            meeting = require_header(conn, meeting_id)
            require_attendance_open(meeting)
            profile = self._profiles.get(conn, meeting.profile_version)
            giver, taker = _member(conn, grantor), _member(conn, holder)
            assert giver.id is not None and taker.id is not None
            current = attendance_store.record(conn, meeting_id, giver.id)
            check_proxy(
                profile,
                meeting.cutoff_date,
                giver,
                taker,
                reference,
                grantor_attendance=current,
                holder_attendance=attendance_store.record(conn, meeting_id, taker.id),
                holder_proxies=proxy_store.held_by(conn, meeting_id, taker.id),
            )
            now = self._ctx.now()
            proxy = Proxy(meeting_id, giver.id, taker.id, reference.strip(), now, granted_on)
            proxy = replace(proxy, id=proxy_store.insert(conn, proxy))
            represented = AttendanceRecord(
                giver.id,
                Channel.PROXY,
                AttendanceState.PRESENT,
                now,
                eligibility(giver, meeting.cutoff_date, profile).may_vote,
                counts_for_quorum(giver, meeting.cutoff_date, profile),
                proxy_id=proxy.id,
            )
            write_move(
                conn,
                self._ctx.actor,
                meeting_id,
                giver,
                EventKind.PROXY_GRANTED,
                represented,
                current,
                now,
                proxy_id=proxy.id,
            )
            audit_log.append(conn, self._ctx.actor, "proxy.granted", _audit(proxy))
        return Done(proxy, Changes.of(Area.ATTENDANCE, ids=(meeting_id,)))

    def withdraw(self, meeting_id: int, proxy_id: int) -> Changes:
        """Withdraw an active proxy: its grantor is no longer represented."""
        with self._ctx.db.write() as conn:
            meeting = require_header(conn, meeting_id)
            require_attendance_open(meeting)
            proxy = proxy_store.get(conn, proxy_id)
            if proxy is None or proxy.meeting_id != meeting_id:
                raise DomainError(tr("Kuasa tersebut tidak ada pada rapat ini."))
            if proxy.state is not ProxyState.ACTIVE:
                raise DomainError(tr("Kuasa ini sudah {state}.", state=tr(proxy.state.key).lower()))
            now = self._ctx.now()
            proxy_store.set_state(conn, proxy_id, ProxyState.WITHDRAWN, now)
            current = attendance_store.record(conn, meeting_id, proxy.grantor_id)
            if current is not None and current.proxy_id == proxy_id:
                giver = member_store.get(conn, proxy.grantor_id)
                assert giver is not None
                gone = replace(current, state=AttendanceState.CANCELLED, left_at=now)
                write_move(
                    conn,
                    self._ctx.actor,
                    meeting_id,
                    giver,
                    EventKind.PROXY_WITHDRAWN,
                    gone,
                    current,
                    now,
                    proxy_id=proxy_id,
                )
            audit_log.append(
                conn,
                self._ctx.actor,
                "proxy.withdrawn",
                {**_audit(proxy), "state": ProxyState.WITHDRAWN.value, "ended_at": to_text(now)},
            )
        return Changes.of(Area.ATTENDANCE, ids=(meeting_id,))

    def list(self, meeting_id: int) -> builtins.list[ProxyEntry]:
        """Every proxy of the meeting in the order recorded, with names (for the screen and
        the minutes' proxy annex)."""
        with self._ctx.db.read() as conn:
            out = []
            for proxy in proxy_store.for_meeting(conn, meeting_id):
                giver = member_store.get(conn, proxy.grantor_id)
                taker = member_store.get(conn, proxy.holder_id)
                assert giver is not None and taker is not None
                out.append(ProxyEntry(proxy, giver.number, giver.name, taker.number, taker.name))
            return out


def _member(conn: Connection, who: str | int) -> Member:
    found = (
        member_store.get(conn, who)
        if isinstance(who, int)
        else member_store.by_number(conn, who.strip())
    )
    if found is None:
        raise DomainError(tr("Nomor {number} tidak terdaftar.", number=who))
    return found


def _audit(proxy: Proxy) -> dict[str, object]:
    return {
        "id": proxy.id,
        "meeting_id": proxy.meeting_id,
        "grantor_id": proxy.grantor_id,
        "holder_id": proxy.holder_id,
        "reference": proxy.reference,
        "granted_on": proxy.granted_on.isoformat() if proxy.granted_on else None,
        "state": proxy.state.value,
        "recorded_at": to_text(proxy.recorded_at),
    }
