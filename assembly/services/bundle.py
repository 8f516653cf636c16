"""All services of one open database, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assembly.persistence.database import open_database
from assembly.services.audit import AuditService
from assembly.services.context import ServiceContext
from assembly.services.cooperative import CooperativeService
from assembly.services.register import RegisterService


@dataclass
class Services:
    """The use cases the screens and the command line call."""

    ctx: ServiceContext
    cooperative: CooperativeService
    register: RegisterService
    audit: AuditService

    @classmethod
    def create(cls, ctx: ServiceContext) -> Services:
        """Every service over ``ctx``."""
        return cls(
            ctx=ctx,
            cooperative=CooperativeService(ctx),
            register=RegisterService(ctx),
            audit=AuditService(ctx),
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
