"""``audit verify``: check the audit log's hash chain."""

from __future__ import annotations

import argparse
from pathlib import Path

from assembly.cli.options import add_db_option, open_existing
from assembly.i18n import tr


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``audit verify``."""
    audit = commands.add_parser("audit", help=tr("log audit"))
    actions = audit.add_subparsers(dest="action", required=True)
    verify = actions.add_parser("verify", help=tr("periksa rantai hash log audit"))
    add_db_option(verify)
    verify.add_argument(
        "--anchor",
        type=Path,
        action="append",
        default=[],
        help=tr("berita acara yang ditandatangani: periksa log audit terhadap jangkarnya"),
    )
    verify.set_defaults(run=_verify)


def _verify(args: argparse.Namespace) -> int:
    services = open_existing(args)
    try:
        report = services.audit.verify(args.anchor)
    finally:
        services.close()
    for note in report.notes:
        print(tr("Catatan: {note}", note=note))
    if report.intact:
        print(report.summary)
        return 0
    print(tr("Log audit RUSAK:"))
    for problem in report.problems:
        print(f"  - {problem}")
    return 1
