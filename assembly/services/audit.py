"""Checking the audit log: anyone can verify that no recorded change was altered or removed."""

from __future__ import annotations

from dataclasses import dataclass

from assembly.domain.audit import check_chain
from assembly.i18n import tr
from assembly.persistence import audit_log
from assembly.services.context import ServiceContext


@dataclass(frozen=True)
class AuditReport:
    """The result of checking the chain: ``head_hash`` is what the minutes print."""

    intact: bool
    events: int
    head_hash: str
    summary: str


class AuditService:
    """Verifies the hash chain of the audit log."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def head_hash(self) -> str:
        """The hash of the newest event ("" for an empty log)."""
        with self._ctx.db.read() as conn:
            head = audit_log.head(conn)
        return head.hash if head else ""

    def verify(self) -> AuditReport:
        """Walk the whole chain and say whether it is unbroken, and where it breaks."""
        with self._ctx.db.read() as conn:
            check = check_chain(audit_log.events(conn))
        if check.intact:
            return AuditReport(
                True,
                check.events,
                check.head_hash,
                tr(
                    "Log audit utuh: {n} peristiwa, hash terakhir {hash}",
                    n=check.events,
                    hash=check.head_hash,
                ),
            )
        reasons = {
            "missing": tr("peristiwa nomor {seq} hilang"),
            "link": tr("peristiwa nomor {seq} tidak tersambung ke peristiwa sebelumnya"),
            "altered": tr("peristiwa nomor {seq} telah diubah"),
        }
        return AuditReport(
            False,
            check.events,
            check.head_hash,
            tr(
                "Log audit RUSAK: {reason}.",
                reason=reasons[check.reason].format(seq=check.broken_at),
            ),
        )
