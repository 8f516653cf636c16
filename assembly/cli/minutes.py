"""``minutes export``: write the berita acara of a meeting as a PDF (DESIGN.md section 5)."""

from __future__ import annotations

import argparse
from pathlib import Path

from assembly.cli.options import add_db_option, open_existing
from assembly.i18n import current_language, tr


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``minutes export``."""
    minutes = commands.add_parser("minutes", help=tr("berita acara rapat"))
    actions = minutes.add_subparsers(dest="action", required=True)
    export = actions.add_parser(
        "export", help=tr("tulis berita acara rapat beserta daftar hadirnya sebagai PDF")
    )
    add_db_option(export)
    export.add_argument("--meeting", type=int, required=True, help=tr("nomor rapat"))
    export.add_argument("--out", type=Path, required=True, help=tr("berkas PDF yang ditulis"))
    export.add_argument(
        "--paper", choices=("A4", "F4"), default="A4", help=tr("ukuran kertas (bawaan: A4)")
    )
    export.set_defaults(run=_export)


def _export(args: argparse.Namespace) -> int:
    services = open_existing(args)
    try:
        pages = services.minutes.export(
            args.meeting, args.out, paper=args.paper, lang=current_language()
        )
    finally:
        services.close()
    print(tr("Berita acara ditulis ke {path} ({pages} halaman).", path=args.out, pages=pages))
    return 0
