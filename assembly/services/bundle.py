"""All services of one open database, built once by the composition root.

Each service is made on first use: the register page should not wait for ReportLab, openpyxl
or pyHanko to load before the window is usable (DESIGN.md section 6: start ≤ 2 s).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from assembly.persistence.database import open_database
from assembly.services.context import ServiceContext

if TYPE_CHECKING:
    from assembly.services.addendum import AddendumService
    from assembly.services.agenda_progress import AgendaProgressService
    from assembly.services.anchor_check import AnchorService
    from assembly.services.attendance_import import AttendanceImportService
    from assembly.services.audit import AuditService
    from assembly.services.backups import BackupService
    from assembly.services.ballots import BallotService
    from assembly.services.checkin import CheckInService
    from assembly.services.console import ConsoleService
    from assembly.services.cooperative import CooperativeService
    from assembly.services.decisions import DecisionService
    from assembly.services.demo import DemoService
    from assembly.services.documents import DocumentService
    from assembly.services.elections import ElectionService
    from assembly.services.host_link import HostLinkService
    from assembly.services.live import LiveService
    from assembly.services.lock_recovery import LockRecovery
    from assembly.services.meetings import MeetingService
    from assembly.services.member_export import ExportService
    from assembly.services.member_import import ImportService
    from assembly.services.minutes import MinutesService
    from assembly.services.minutes_check import MinutesCheckService
    from assembly.services.minutes_notes import MinutesNotesService
    from assembly.services.minutes_signing import MinutesSigningService
    from assembly.services.proxies import ProxyService
    from assembly.services.register import RegisterService
    from assembly.services.register_search import RegisterSearchService
    from assembly.services.reporting_pack import ReportingPackService
    from assembly.services.signing import SigningService
    from assembly.services.status import StatusService
    from assembly.services.vote_correction import VoteCorrectionService


class Services:
    """The use cases the screens and the command line call, over one :class:`ServiceContext`."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @classmethod
    def create(cls, ctx: ServiceContext) -> Services:
        """Every service over ``ctx``."""
        return cls(ctx)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Services:
        """Open (or create) the database at ``path`` and every service over it.

        Raises ``StorageError`` with a message for the user when the file cannot be used."""
        return cls(ServiceContext(open_database(path, create=create)))

    @property
    def path(self) -> Path:
        """The database file."""
        return self.ctx.db.path

    @property
    def location(self) -> str:
        """Where the database is, as the user may see it: the file, or the PostgreSQL URL of
        the host laptop without its password."""
        from assembly.services.locations import shown_target

        return shown_target(self.ctx.db.url) if self.ctx.db.url else str(self.ctx.db.path)

    def checkpoint_in_background(self) -> None:
        """For the window: the database's write-ahead log is copied back into the file by a
        thread of its own, never by a commit the desk waits for (nothing on PostgreSQL)."""
        self.ctx.db.checkpoint_in_background()

    def close(self) -> None:
        """Release the database file."""
        self.ctx.db.close()

    @cached_property
    def cooperative(self) -> CooperativeService:
        """The cooperative's profile and AD profile."""
        from assembly.services.cooperative import CooperativeService

        return CooperativeService(self.ctx)

    @cached_property
    def register(self) -> RegisterService:
        """Adding, editing and ending memberships."""
        from assembly.services.register import RegisterService

        return RegisterService(self.ctx)

    @cached_property
    def search(self) -> RegisterSearchService:
        """The register search behind the member table."""
        from assembly.services.register_search import RegisterSearchService

        return RegisterSearchService(self.ctx)

    @cached_property
    def anchors(self) -> AnchorService:
        """Checking signed berita acara files against this database."""
        from assembly.services.anchor_check import AnchorService

        return AnchorService(self.ctx)

    @cached_property
    def audit(self) -> AuditService:
        """Checking the audit chain."""
        from assembly.services.audit import AuditService

        return AuditService(self.ctx)

    @cached_property
    def exporter(self) -> ExportService:
        """The register to CSV, XLSX and the Buku Daftar Anggota PDF."""
        from assembly.services.member_export import ExportService

        return ExportService(self.ctx)

    @cached_property
    def demo(self) -> DemoService:
        """The demo cooperative."""
        from assembly.services.demo import DemoService

        return DemoService(self.ctx)

    @cached_property
    def importer(self) -> ImportService:
        """The register from CSV and XLSX."""
        from assembly.services.member_import import ImportService

        return ImportService(self.ctx)

    @cached_property
    def signing(self) -> SigningService:
        """Officers' keys, signing and verifying PDFs."""
        from assembly.services.signing import SigningService

        return SigningService(self.ctx)

    @cached_property
    def documents(self) -> DocumentService:
        """Daftar hadir, member cards and invitations as PDFs."""
        from assembly.services.documents import DocumentService

        return DocumentService(self.ctx)

    @cached_property
    def meetings(self) -> MeetingService:
        """Meetings, their agenda, officers and lifecycle."""
        from assembly.services.meetings import MeetingService

        return MeetingService(self.ctx)

    @cached_property
    def checkin(self) -> CheckInService:
        """The check-in desk and the live quorum."""
        from assembly.services.checkin import CheckInService

        return CheckInService(self.ctx)

    @cached_property
    def attendance_import(self) -> AttendanceImportService:
        """Online attendees of hybrid meetings from a CSV."""
        from assembly.services.attendance_import import AttendanceImportService

        return AttendanceImportService(self.ctx)

    @cached_property
    def proxies(self) -> ProxyService:
        """Surat kuasa, when the AD allows proxies."""
        from assembly.services.proxies import ProxyService

        return ProxyService(self.ctx)

    @cached_property
    def host_link(self) -> HostLinkService:
        """The link to the host laptop (a desk on PostgreSQL): reachable now or not."""
        from assembly.services.host_link import HostLinkService

        return HostLinkService(self.ctx)

    @cached_property
    def status(self) -> StatusService:
        """The register and a meeting at a glance."""
        from assembly.services.status import StatusService

        return StatusService(self.ctx)

    @cached_property
    def decisions(self) -> DecisionService:
        """Consensus decisions, and the record that consensus failed."""
        from assembly.services.decisions import DecisionService

        return DecisionService(self.ctx)

    @cached_property
    def ballots(self) -> BallotService:
        """Ballots: open with the quorum snapshot, votes, close, cancel, re-vote."""
        from assembly.services.ballots import BallotService

        return BallotService(self.ctx)

    @cached_property
    def vote_corrections(self) -> VoteCorrectionService:
        """Correcting a mis-keyed named vote while its ballot is open."""
        from assembly.services.vote_correction import VoteCorrectionService

        return VoteCorrectionService(self.ctx)

    @cached_property
    def elections(self) -> ElectionService:
        """Elections of pengurus and pengawas, and their run-offs."""
        from assembly.services.elections import ElectionService

        return ElectionService(self.ctx)

    @cached_property
    def minutes(self) -> MinutesService:
        """The berita acara: its content and its PDF."""
        from assembly.services.minutes import MinutesService

        return MinutesService(self.ctx)

    @cached_property
    def minutes_check(self) -> MinutesCheckService:
        """Whether every figure of the berita acara reconciles; closing after that check."""
        from assembly.services.minutes_check import MinutesCheckService

        return MinutesCheckService(self.ctx)

    @cached_property
    def agenda(self) -> AgendaProgressService:
        """Which agenda item the meeting is on."""
        from assembly.services.agenda_progress import AgendaProgressService

        return AgendaProgressService(self.ctx)

    @cached_property
    def console(self) -> ConsoleService:
        """What the chair's console and the projector show."""
        from assembly.services.console import ConsoleService

        return ConsoleService(self.ctx)

    @cached_property
    def backups(self) -> BackupService:
        """Backups to a second folder, their list, and restoring one."""
        from assembly.services.backups import BackupService

        return BackupService(self.ctx)

    @cached_property
    def minutes_signing(self) -> MinutesSigningService:
        """Signing a meeting's berita acara and addenda; the lock once it is complete."""
        from assembly.services.minutes_signing import MinutesSigningService

        return MinutesSigningService(self.ctx, self.backups)

    @cached_property
    def lock_recovery(self) -> LockRecovery:
        """Finishing a lock a kill interrupted, from the signed file."""
        from assembly.services.lock_recovery import LockRecovery

        return LockRecovery(self.ctx, self.minutes_signing)

    @cached_property
    def addenda(self) -> AddendumService:
        """Addenda to locked meetings' berita acara."""
        from assembly.services.addendum import AddendumService

        return AddendumService(self.ctx)

    @cached_property
    def reporting(self) -> ReportingPackService:
        """The reporting pack for the ministry: signed berita acara, daftar hadir, decisions."""
        from assembly.services.reporting_pack import ReportingPackService

        return ReportingPackService(self.ctx)

    @cached_property
    def notes(self) -> MinutesNotesService:
        """The secretary's notes per agenda item, and the events placed under each."""
        from assembly.services.minutes_notes import MinutesNotesService

        return MinutesNotesService(self.ctx)

    @cached_property
    def live(self) -> LiveService:
        """What other windows and desks commit, heard as :class:`Changes`."""
        from assembly.services.live import LiveService

        return LiveService(self.ctx)
