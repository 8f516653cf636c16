"""Options several sub-commands share."""

from __future__ import annotations

import argparse
from pathlib import Path

from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.services.locations import database_target, default_database, shown_target


def add_db_option(parser: argparse.ArgumentParser, default: Path | None = None) -> None:
    """``--db PATH``: the database file."""
    parser.add_argument(
        "--db",
        type=database_target,
        default=default or default_database(),
        help=tr("berkas basis data (bawaan: {path})", path=default or default_database()),
    )


def open_existing(args: argparse.Namespace) -> Services:
    """The services over the existing database ``--db``; a missing file is refused rather
    than created."""
    return Services.open(args.db, create=False)


def open_cooperative(args: argparse.Namespace) -> Services:
    """The services over the existing cooperative file ``--db``: a missing file, or one
    without a cooperative, is refused with how to make one (``init`` or the wizard)."""
    target = args.db
    if isinstance(target, str):  # a PostgreSQL URL: an empty database is refused at open
        services = Services.open(target, create=False)
        if services.cooperative.cooperative() is None:
            services.close()
            raise DomainError(_make_one_first(shown_target(target)))
        return services
    path = Path(target).expanduser()
    if not path.exists() or path.stat().st_size == 0:
        raise DomainError(_make_one_first(path))
    services = Services.open(path, create=False)
    if services.cooperative.cooperative() is None:
        services.close()
        raise DomainError(_make_one_first(path))
    return services


def _make_one_first(path: Path | str) -> str:
    return tr(
        "Berkas koperasi {path} tidak ada atau belum berisi koperasi. Buat dulu: python "
        'main.py init --db {path} --name "Nama Koperasi" (atau buka aplikasinya dan isi '
        "wizard awal). Tidak ada yang dibuat.",
        path=path,
    )
