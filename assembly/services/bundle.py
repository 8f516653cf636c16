"""All services of one open database, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assembly.persistence.database import open_database
from assembly.services.attendance_import import AttendanceImportService
from assembly.services.audit import AuditService
from assembly.services.checkin import CheckInService
from assembly.services.context import ServiceContext
from assembly.services.cooperative import CooperativeService
from assembly.services.demo import DemoService
from assembly.services.documents import DocumentService
from assembly.services.meetings import MeetingService
from assembly.services.member_export import ExportService
from assembly.services.member_import import ImportService
from assembly.services.proxies import ProxyService
from assembly.services.register import RegisterService
from assembly.services.register_search import RegisterSearchService
from assembly.services.signing import SigningService
from assembly.services.status import StatusService


@dataclass
class Services:
    """The use cases the screens and the command line call."""

    ctx: ServiceContext
    cooperative: CooperativeService
    register: RegisterService
    search: RegisterSearchService
    audit: AuditService
    exporter: ExportService
    demo: DemoService
    importer: ImportService
    signing: SigningService
    documents: DocumentService
    meetings: MeetingService
    checkin: CheckInService
    attendance_import: AttendanceImportService
    proxies: ProxyService
    status: StatusService

    @classmethod
    def create(cls, ctx: ServiceContext) -> Services:
        """Every service over ``ctx``."""
        return cls(
            ctx=ctx,
            cooperative=CooperativeService(ctx),
            register=RegisterService(ctx),
            search=RegisterSearchService(ctx),
            audit=AuditService(ctx),
            exporter=ExportService(ctx),
            demo=DemoService(ctx),
            importer=ImportService(ctx),
            signing=SigningService(ctx),
            documents=DocumentService(ctx),
            meetings=MeetingService(ctx),
            checkin=CheckInService(ctx),
            attendance_import=AttendanceImportService(ctx),
            proxies=ProxyService(ctx),
            status=StatusService(ctx),
        )

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Services:
        """Open (or create) the database at ``path`` and every service over it.

        Raises ``StorageError`` with a message for the user when the file cannot be used."""
        return cls.create(ServiceContext(open_database(path, create=create)))

    @property
    def path(self) -> Path:
        """The database file."""
        return self.ctx.db.path

    def close(self) -> None:
        """Release the database file."""
        self.ctx.db.close()
