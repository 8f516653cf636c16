"""``status``: the register and a meeting at a glance, as text or JSON."""

from __future__ import annotations

import argparse
import json

from assembly.cli.options import add_db_option, open_existing
from assembly.i18n import tr


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``status``."""
    status = commands.add_parser("status", help=tr("ringkasan buku daftar anggota dan rapat"))
    add_db_option(status)
    status.add_argument("--meeting", type=int, help=tr("nomor rapat (bawaan: rapat terakhir)"))
    status.add_argument("--json", action="store_true", help=tr("keluaran JSON untuk skrip"))
    status.set_defaults(run=_status)


def _status(args: argparse.Namespace) -> int:
    services = open_existing(args)
    try:
        report = services.status.report(args.meeting)
    finally:
        services.close()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(report.lines()))
    return 0
