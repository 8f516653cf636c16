"""Online attendance of a daring or hibrida meeting, from the platform's participant list: a
CSV of member numbers with the time each joined.

All or nothing: unknown numbers, unreadable times and members who may not attend are listed
with their rows and nothing is recorded; otherwise every new attendee is recorded in one
transaction. A member listed several times (left and rejoined) counts once, from the earliest
time; members already in are skipped and reported.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from assembly.domain.attendance import Channel, EventKind, Outcome, admitted_record, decide_check_in
from assembly.domain.errors import DomainError, Problem, ValidationError
from assembly.domain.meeting import Meeting
from assembly.domain.members import Member
from assembly.domain.proxies import ProxyState
from assembly.i18n import tr
from assembly.persistence import attendance_store, member_store, proxy_store
from assembly.persistence.meeting_store import Connection
from assembly.services.attendance_moves import write_move
from assembly.services.changes import Area, Changes, Done
from assembly.services.context import ServiceContext
from assembly.services.meeting_lookup import ProfileCache, require_attendance_open, require_header
from assembly.services.online_list import JoinRow, read_join_list


@dataclass(frozen=True)
class OnlineImportResult:
    """What an import recorded: ``imported`` new online attendees, ``skipped`` lines for
    members already in (row, number, why)."""

    imported: int
    skipped: tuple[tuple[int, str, str], ...]

    @property
    def summary(self) -> str:
        """One line for the screen or the terminal."""
        return tr(
            "{n} peserta daring dicatat hadir; {skipped} dilewati karena sudah tercatat.",
            n=self.imported,
            skipped=len(self.skipped),
        )


class AttendanceImportService:
    """Records online attendees of a daring or hibrida meeting from a CSV file."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._profiles = ProfileCache()

    def import_file(self, meeting_id: int, path: Path | str) -> Done[OnlineImportResult]:
        """Read ``path`` and record everyone on it as attending online, in one transaction.

        Refused (ValidationError listing every problem with its row; nothing recorded) when a
        number is unknown, a time cannot be read or falls outside the meeting's day, or a
        member may not attend; refused outright unless the meeting is daring or hibrida and
        open for check-in."""
        path = Path(path)
        with self._ctx.db.read() as conn:
            meeting = require_header(conn, meeting_id)
        try:
            rows, problems = read_join_list(path, meeting.date, meeting.zone)
        except csv.Error as exc:  # binary junk, a NUL, a cell of megabytes
            raise DomainError(
                tr(
                    "Berkas {name} bukan daftar CSV yang dapat dibaca ({detail}); tidak ada "
                    "yang dicatat.",
                    name=path.name,
                    detail=exc,
                )
            ) from exc
        with self._ctx.db.write() as conn:
            meeting = require_header(conn, meeting_id)
            _require_online(meeting)
            now = self._ctx.now()
            members = member_store.by_numbers(conn, {r.number for r in rows})
            problems += _unknown(rows, members, now, meeting)
            problems.sort(key=lambda p: p.row or 0)
            if problems:
                raise ValidationError(
                    problems,
                    tr("Impor kehadiran daring dibatalkan; tidak ada yang dicatat:")
                    + "\n"
                    + "\n".join(p.located() for p in problems),
                )
            imported, skipped = self._record(conn, meeting, _earliest(rows), members, problems)
            if problems:
                raise ValidationError(
                    problems,
                    tr("Impor kehadiran daring dibatalkan; tidak ada yang dicatat:")
                    + "\n"
                    + "\n".join(p.located() for p in problems),
                )
        result = OnlineImportResult(imported, tuple(skipped))
        return Done(
            result, Changes.of(Area.ATTENDANCE, ids=(meeting_id,)) if imported else Changes()
        )

    def _record(
        self,
        conn: Connection,
        meeting: Meeting,
        rows: list[JoinRow],
        members: dict[str, Member],
        problems: list[Problem],
    ) -> tuple[int, list[tuple[int, str, str]]]:
        assert meeting.id is not None
        profile = self._profiles.get(conn, meeting.profile_version)
        imported, skipped = 0, []
        number_column = tr("Nomor anggota")
        for row in rows:
            member = members[row.number]
            assert member.id is not None
            current = attendance_store.record(conn, meeting.id, member.id)
            decision = decide_check_in(
                member,
                cutoff=meeting.cutoff_date,
                profile=profile,
                mode=meeting.mode,
                channel=Channel.ONLINE,
                current=current,
            )
            if decision.outcome is Outcome.REFUSED:
                problems.append(
                    Problem(
                        f"{member.number} {member.name}: {decision.reason}", number_column, row.row
                    )
                )
                continue
            if not decision.records:
                skipped.append((row.row, row.number, tr("sudah tercatat hadir")))
                continue
            after = admitted_record(member.id, decision, Channel.ONLINE, row.joined_at, current)
            kind = EventKind.RETURN if decision.outcome is Outcome.RETURNED else EventKind.IMPORT
            write_move(
                conn,
                self._ctx.actor,
                meeting.id,
                member,
                kind,
                after,
                current,
                row.joined_at,
                proxy_id=decision.lapses_proxy,
            )
            if decision.lapses_proxy is not None:
                proxy_store.set_state(conn, decision.lapses_proxy, ProxyState.LAPSED, row.joined_at)
            imported += 1
        return imported, skipped


def _require_online(meeting: Meeting) -> None:
    if not meeting.mode.has_platform:
        raise DomainError(
            tr(
                "Rapat ini {mode}; kehadiran daring hanya untuk rapat daring atau hibrida.",
                mode=tr(meeting.mode.key).lower(),
            )
        )
    require_attendance_open(meeting)


def _unknown(
    rows: list[JoinRow], members: dict[str, Member], now: dt.datetime, meeting: Meeting
) -> list[Problem]:
    problems = []
    for row in rows:
        if row.number not in members:
            problems.append(
                Problem(
                    tr("Nomor {number} tidak terdaftar", number=row.number),
                    tr("Nomor anggota"),
                    row.row,
                )
            )
        if row.joined_at > now:
            problems.append(
                Problem(
                    tr(
                        "Waktu {time} belum terjadi",
                        time=row.joined_at.astimezone(meeting.zone).strftime("%H.%M"),
                    ),
                    tr("Waktu bergabung"),
                    row.row,
                )
            )
    return problems


def _earliest(rows: list[JoinRow]) -> list[JoinRow]:
    """One row per member number: the earliest join, keeping the row it came from."""
    first: dict[str, JoinRow] = {}
    for row in rows:
        if row.number not in first or row.joined_at < first[row.number].joined_at:
            first[row.number] = row
    return sorted(first.values(), key=lambda r: (r.joined_at, r.row))
