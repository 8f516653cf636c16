"""``minutes addendum``: a correction to a locked meeting's signed berita acara."""

from __future__ import annotations

import argparse
from pathlib import Path

from assembly.cli.options import add_db_option, open_existing
from assembly.i18n import current_language, tr


def register_addendum(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``minutes addendum MEETING_ID --text … --out FILE.pdf`` under ``minutes``."""
    addendum = actions.add_parser(
        "addendum",
        help=tr("buat adendum berita acara untuk rapat yang sudah dikunci"),
    )
    add_db_option(addendum)
    addendum.add_argument("meeting", type=int, help=tr("nomor rapat"))
    addendum.add_argument("--text", required=True, help=tr("isi perbaikan"))
    addendum.add_argument("--out", type=Path, required=True, help=tr("berkas PDF yang ditulis"))
    addendum.add_argument(
        "--paper", choices=("A4", "F4"), default="A4", help=tr("ukuran kertas (bawaan: A4)")
    )
    addendum.set_defaults(run=_addendum)


def _addendum(args: argparse.Namespace) -> int:
    services = open_existing(args)
    try:
        written = services.addenda.create(
            args.meeting, args.text, args.out, paper=args.paper, lang=current_language()
        ).value
    finally:
        services.close()
    print(
        tr(
            "Adendum ke-{n} ditulis ke {path}; mengutip SHA-256 {hash}.",
            n=written.sequence,
            path=written.path,
            hash=written.cites_sha256,
        )
    )
    print(
        tr(
            "Tandatangani dengan: sign {path} --meeting {id} --role ketua …",
            path=written.path,
            id=args.meeting,
        )
    )
    return 0
