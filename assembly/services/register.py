"""Keeping the member register: add, edit, and record how a membership ended."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from assembly.domain.errors import DomainError, Problem, ValidationError
from assembly.domain.member_numbers import following, next_number
from assembly.domain.members import Member, Status, validate_member
from assembly.i18n import tr
from assembly.persistence import audit_log, member_store
from assembly.persistence.member_store import to_row
from assembly.services.changes import Area, Changes, Done
from assembly.services.context import ServiceContext
from assembly.services.identity import check_nik, normalise_nik


class RegisterService:
    """Adds, edits and ends memberships, one audited transaction each."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def member(self, member_id: int) -> Member:
        """The member with ``member_id``."""
        with self._ctx.db.read() as conn:
            found = member_store.get(conn, member_id)
        if found is None:
            raise DomainError(tr("Anggota tidak ditemukan"))
        return found

    def member_by_number(self, number: str) -> Member | None:
        """The member with exactly this member number."""
        with self._ctx.db.read() as conn:
            return member_store.by_number(conn, number.strip())

    def count(self) -> int:
        """How many entries the register holds."""
        with self._ctx.db.read() as conn:
            return member_store.count(conn)

    def next_free_number(self) -> str:
        """The number to propose for a new member: the one after the highest in the
        register's own pattern (prefix and zero padding), skipping any already taken."""
        with self._ctx.db.read() as conn:
            proposed = next_number(member_store.recent_numbers(conn))
            for _ in range(1000):  # a gap-free run is short; never loop on a full pattern
                if member_store.by_number(conn, proposed) is None:
                    break
                proposed = following(proposed)
        return proposed

    def check(self, member: Member) -> list[Problem]:
        """Every problem with ``member`` as a form would show it, warnings included, without
        saving. Duplicates of number and NIK are checked against the register."""
        member = self._normalised(member)
        problems = validate_member(member, self._ctx.today())
        if member.nik:
            problems += check_nik(member.nik)
        with self._ctx.db.read() as conn:
            same_number = member_store.by_number(conn, member.number)
            if same_number is not None and same_number.id != member.id:
                problems.append(
                    Problem(
                        tr(
                            "Nomor {number} sudah dipakai oleh {name}",
                            number=member.number,
                            name=same_number.name,
                        ),
                        tr("Nomor anggota"),
                    )
                )
            others = member_store.with_nik(conn, member.nik) if member.nik else []
            for holder in others:
                if holder.number == member.number:
                    continue
                # One member, one vote (UU 25/1992 Pasal 24(3)): the same person may not be an
                # active member twice; an ended entry only warns.
                both_active = holder.status is Status.ACTIVE and member.status is Status.ACTIVE
                problems.append(
                    Problem(
                        tr("NIK ini sudah tercatat pada anggota {number}", number=holder.number),
                        tr("NIK"),
                        warning=not both_active,
                    )
                )
        return problems

    def save(self, member: Member) -> Done[Member]:
        """Add ``member`` (no id) or store changes to it. Refused with every blocking problem
        listed; warnings do not block."""
        member = self._normalised(member)
        blocking = [p for p in self.check(member) if not p.warning]
        if blocking:
            raise ValidationError(blocking)
        with self._ctx.db.write() as conn:
            if member.id is None:
                member = replace(member, id=member_store.insert(conn, member))
                audit_log.append(conn, self._ctx.actor, "member.added", _audit(member))
            else:
                before = member_store.get(conn, member.id)
                if before is None:
                    raise DomainError(tr("Anggota tidak ditemukan"))
                member_store.update(conn, member)
                audit_log.append(
                    conn,
                    self._ctx.actor,
                    "member.edited",
                    {"id": member.id, "before": _audit(before), "after": _audit(member)},
                )
        assert member.id is not None
        return Done(member, Changes.of(Area.MEMBERS, ids=(member.id,)))

    def record_exit(self, member_id: int, status: Status, on: dt.date, reason: str) -> Done[Member]:
        """Record that a membership ended (resigned, died, expelled) on ``on`` for ``reason``.

        The entry stays in the register: a member who took part in a meeting is never
        deleted."""
        if status is Status.ACTIVE:
            raise DomainError(tr("Pilih keluar, meninggal dunia, atau diberhentikan"))
        if not reason.strip() and status is not Status.DECEASED:
            raise ValidationError([Problem(tr("Alasan wajib diisi"), tr("Alasan"))])
        member = self.member(member_id)
        if member.status is not Status.ACTIVE:
            raise DomainError(
                tr(
                    "{name} sudah berstatus {status}",
                    name=member.name,
                    status=tr(member.status.key),
                )
            )
        return self.save(member.with_exit(status, on, reason.strip()))

    def _normalised(self, member: Member) -> Member:
        return replace(
            member,
            number=member.number.strip(),
            name=" ".join(member.name.split()),
            nik=normalise_nik(member.nik) if member.nik and member.nik.strip() else None,
            address=member.address.strip(),
            phone=member.phone.strip(),
        )


def _audit(member: Member) -> dict[str, object]:
    return {"id": member.id, **to_row(member)}
