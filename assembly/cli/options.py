"""Options several sub-commands share."""

from __future__ import annotations

import argparse
from pathlib import Path

from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.services.locations import default_database


def add_db_option(parser: argparse.ArgumentParser, default: Path | None = None) -> None:
    """``--db PATH``: the database file."""
    parser.add_argument(
        "--db",
        type=Path,
        default=default or default_database(),
        help=tr("berkas basis data (bawaan: {path})", path=default or default_database()),
    )


def open_existing(args: argparse.Namespace) -> Services:
    """The services over the existing database ``--db``; a missing file is refused rather
    than created."""
    return Services.open(args.db, create=False)
