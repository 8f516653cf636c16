"""``demo``: a demo cooperative with a realistic register and a finished sample RAT."""

from __future__ import annotations

import argparse
import sys

from assembly.cli.options import add_db_option
from assembly.domain.errors import DomainError
from assembly.domain.quorum import thousands
from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.services.locations import demo_database
from assembly.services.progress import Progress

MAX_MEMBERS = 300_000


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``demo``."""
    demo = commands.add_parser("demo", help=tr("buat koperasi demo"))
    add_db_option(demo, default=demo_database())
    demo.add_argument(
        "--members",
        type=int,
        default=1250,
        help=tr("jumlah anggota (1 sampai {n})", n=thousands(MAX_MEMBERS)),
    )
    demo.set_defaults(run=_demo)


def _demo(args: argparse.Namespace) -> int:
    if not 1 <= args.members <= MAX_MEMBERS:
        raise DomainError(tr("Jumlah anggota harus 1 sampai {n}", n=thousands(MAX_MEMBERS)))
    services = Services.open(args.db)
    try:
        if services.cooperative.cooperative() is not None:
            raise DomainError(
                tr(
                    "Berkas {path} sudah berisi koperasi; pilih berkas baru untuk demo.",
                    path=services.location,
                )
            )

        def report(done: int, total: int) -> None:
            if sys.stderr.isatty():
                print(
                    f"\r{tr('Membuat demo')}: {thousands(done)}/{thousands(total)}",
                    end="",
                    file=sys.stderr,
                )

        services.demo.create(members=args.members, progress=Progress(report))
        if sys.stderr.isatty():
            print(file=sys.stderr)
        coop = services.cooperative.cooperative()
        print(
            tr(
                "Koperasi demo {name} dengan {n} anggota dibuat di {path}",
                name=coop.name if coop else "",
                n=services.register.count(),
                path=services.location,
            )
        )
    finally:
        services.close()
    return 0
