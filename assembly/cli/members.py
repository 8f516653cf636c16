"""``members import`` and ``members export``: the register from and to CSV/XLSX (and the
Buku Daftar Anggota as PDF)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assembly.cli.options import add_db_option, open_cooperative, open_existing
from assembly.domain.quorum import thousands
from assembly.i18n import tr, trn
from assembly.services.progress import Progress


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``members import`` and ``members export``."""
    members = commands.add_parser("members", help=tr("buku daftar anggota"))
    actions = members.add_subparsers(dest="action", required=True)

    importing = actions.add_parser("import", help=tr("impor anggota dari CSV atau XLSX"))
    importing.add_argument("file", type=Path, help=tr("berkas CSV atau XLSX"))
    add_db_option(importing)
    importing.add_argument(
        "--dry-run",
        action="store_true",
        help=tr("hanya periksa dan tampilkan pratinjau, tanpa menyimpan"),
    )
    importing.set_defaults(run=_import)

    exporting = actions.add_parser("export", help=tr("ekspor buku daftar anggota"))
    exporting.add_argument("file", type=Path, help=tr("berkas .csv, .xlsx, atau .pdf"))
    add_db_option(exporting)
    exporting.set_defaults(run=_export)


def _counter(label: str) -> Progress:
    def report(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{label}: {thousands(done)}/{thousands(total)}", end="", file=sys.stderr)

    return Progress(report)


def _import(args: argparse.Namespace) -> int:
    services = open_cooperative(args)
    try:
        preview = services.importer.preview(args.file, progress=_counter(tr("Memeriksa")))
        if sys.stderr.isatty():
            print(file=sys.stderr)
        for problem in preview.problems:
            prefix = tr("Peringatan") if problem.warning else tr("Kesalahan")
            print(f"{prefix}: {problem.located()}", file=sys.stderr)
        if preview.blocking:
            print(
                trn(
                    "Impor dibatalkan: {n} masalah harus diperbaiki. Buku daftar anggota tidak "
                    "diubah.",
                    "Impor dibatalkan: {n} masalah harus diperbaiki. Buku daftar anggota tidak "
                    "diubah.",
                    sum(1 for p in preview.problems if not p.warning),
                ),
                file=sys.stderr,
            )
            return 2
        print(preview.summary())
        if args.dry_run:
            return 0
        outcome = services.importer.commit(preview, progress=_counter(tr("Menyimpan"))).value
        print(outcome.summary)
    finally:
        services.close()
    return 0


def _export(args: argparse.Namespace) -> int:
    services = open_existing(args)
    try:
        count = services.exporter.export(args.file, progress=_counter(tr("Mengekspor")))
    finally:
        services.close()
    print(
        trn(
            "{n} anggota diekspor ke {path}",
            "{n} anggota diekspor ke {path}",
            count,
            n=thousands(count),
            path=args.file,
        )
    )
    return 0
