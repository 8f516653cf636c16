"""``attendance import``: online attendees of a hybrid meeting from the platform's list."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assembly.cli.options import add_db_option, open_existing
from assembly.i18n import tr


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``attendance import``."""
    attendance = commands.add_parser("attendance", help=tr("kehadiran rapat"))
    actions = attendance.add_subparsers(dest="action", required=True)
    importing = actions.add_parser(
        "import", help=tr("catat peserta daring dari CSV nomor anggota dan waktu bergabung")
    )
    importing.add_argument("file", type=Path, help=tr("berkas CSV"))
    add_db_option(importing)
    importing.add_argument("--meeting", type=int, required=True, help=tr("nomor rapat"))
    importing.set_defaults(run=_import)


def _import(args: argparse.Namespace) -> int:
    services = open_existing(args)
    try:
        result = services.attendance_import.import_file(args.meeting, args.file).value
        quorum = services.checkin.quorum(args.meeting)
    finally:
        services.close()
    for row, number, why in result.skipped:
        print(tr("baris {row}: {number} {why}", row=row, number=number, why=why), file=sys.stderr)
    print(result.summary)
    print(quorum.summary)
    return 0
