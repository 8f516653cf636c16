"""``verify FILE.pdf --numbers``: the figures of a berita acara checked against its own data
files (issue 11, point 2). Kept apart from the signature check so that each can change on
its own; ``verify`` calls :func:`add_numbers_option` and :func:`numbers_exit`."""

from __future__ import annotations

import argparse

from assembly.domain.errors import DomainError
from assembly.i18n import tr


def add_numbers_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--numbers`` to ``verify``."""
    parser.add_argument(
        "--numbers",
        action="store_true",
        help=tr("periksa juga angka berita acara terhadap lampiran datanya sendiri"),
    )


def numbers_exit(args: argparse.Namespace, code: int) -> int:
    """With ``--numbers``: check and print the figures; the exit code, 1 when the signature
    check (``code``) or the figures fail."""
    if not getattr(args, "numbers", False):
        return code
    # Loaded only here: the PDF stack is not for every command (members import starts lean).
    from assembly.services.minutes_check import mismatch_line
    from assembly.services.numbers_check import check_file

    try:
        report = check_file(args.file)
    except DomainError as exc:
        print(tr("Angka: {error}", error=exc))
        return 1
    if report.ok:
        print(
            tr(
                "Angka: {checked} angka sesuai dengan lampiran data berkas ini ({other} angka "
                "lain hanya dapat diperiksa dengan basis data: minutes check).",
                checked=report.checked,
                other=report.not_checkable,
            )
        )
        return code
    print(tr("Angka: {count} tidak sesuai dengan lampiran data berkas ini:",
             count=len(report.mismatches)))  # fmt: skip
    for m in report.mismatches:
        print("  " + mismatch_line(m))
    return 1
