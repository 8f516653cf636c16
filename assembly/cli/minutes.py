"""``minutes export``: write the berita acara of a meeting as a PDF (DESIGN.md section 5);
``minutes pack``: write the reporting pack for the ministry's systems (issue 5, item 7)."""

from __future__ import annotations

import argparse
from pathlib import Path

from assembly.cli.addendum import register_addendum
from assembly.cli.options import add_db_option, open_existing
from assembly.i18n import current_language, tr, trn


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``minutes export`` and ``minutes pack``."""
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
    pack = actions.add_parser(
        "pack",
        help=tr("tulis paket laporan: berita acara, daftar hadir dan ringkasan keputusan"),
    )
    pack.add_argument("meeting", type=int, metavar="MEETING_ID", help=tr("nomor rapat"))
    add_db_option(pack)
    pack.add_argument(
        "--out", type=Path, required=True, help=tr("folder paket (baru atau masih kosong)")
    )
    pack.add_argument(
        "--signed",
        type=Path,
        default=None,
        help=tr("berita acara yang sudah ditandatangani (PDF); tanpa ini dibuat yang belum"),
    )
    pack.add_argument(
        "--paper", choices=("A4", "F4"), default="A4", help=tr("ukuran kertas (bawaan: A4)")
    )
    pack.set_defaults(run=_pack)
    register_addendum(actions)
    check = actions.add_parser(
        "check",
        help=tr("periksa bahwa setiap angka berita acara sesuai dengan catatan rapat"),
    )
    add_db_option(check)
    check.add_argument("--meeting", type=int, required=True, help=tr("nomor rapat"))
    check.set_defaults(run=_check)


def _export(args: argparse.Namespace) -> int:
    services = open_existing(args)
    try:
        pages = services.minutes.export(
            args.meeting, args.out, paper=args.paper, lang=current_language()
        )
    finally:
        services.close()
    print(
        trn(
            "Berita acara ditulis ke {path} ({n} halaman).",
            "Berita acara ditulis ke {path} ({n} halaman).",
            pages,
            path=args.out,
        )
    )
    return 0


def _check(args: argparse.Namespace) -> int:
    services = open_existing(args)
    try:
        from assembly.services.minutes_check import MinutesCheckService  # loads the PDF stack

        report = MinutesCheckService(services.ctx).check(args.meeting, lang=current_language())
    finally:
        services.close()
    print(report.summary)
    for line in report.lines():
        print("  " + line)
    return 0 if report.ok else 1


def _pack(args: argparse.Namespace) -> int:
    services = open_existing(args)
    try:
        pack = services.reporting.write(args.meeting, args.out, args.signed, paper=args.paper)
    finally:
        services.close()
    print(tr("Paket laporan ditulis ke {path}:", path=pack.folder))
    for f in pack.files:
        print(f"  {f.name}  {f.sha256}")
    if not pack.signed:
        print(tr("Catatan: berita acara dalam paket ini belum ditandatangani."))
    return 0
