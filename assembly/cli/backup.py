"""``backup now|auto|list|restore|folder``: backups of the database from the command line."""

from __future__ import annotations

import argparse
import sys

from assembly.cli.options import add_db_option, open_existing
from assembly.domain.local_time import shown
from assembly.domain.quorum import thousands
from assembly.i18n import tr
from assembly.services.backups import BackupResult, meeting_line, reason_label


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``backup`` and its actions."""
    parser = commands.add_parser("backup", help=tr("cadangan basis data"))
    actions = parser.add_subparsers(dest="action", required=True)
    now = actions.add_parser("now", help=tr("buat cadangan sekarang"))
    now.set_defaults(run=_now)
    auto = actions.add_parser(
        "auto",
        help=tr("buat cadangan bila ada keputusan atau rapat ditutup sejak cadangan terakhir"),
    )
    auto.set_defaults(run=_auto)
    listing = actions.add_parser("list", help=tr("daftar cadangan dan isinya"))
    listing.set_defaults(run=_list)
    restore = actions.add_parser("restore", help=tr("pulihkan basis data dari cadangan"))
    restore.add_argument("file", help=tr("berkas cadangan"))
    restore.add_argument(
        "--confirm-meeting",
        action="append",
        metavar="NAMA",
        help=tr(
            'nama rapat yang dikunci sesudah cadangan ini dibuat (mis. "RAT 2025"): '
            "konfirmasi bahwa kuncinya boleh dibatalkan"
        ),
    )
    restore.set_defaults(run=_restore)
    folder = actions.add_parser("folder", help=tr("pilih folder cadangan (mis. flashdisk)"))
    folder.add_argument("path", help=tr("folder yang sudah ada"))
    folder.add_argument("--keep", type=int, help=tr("jumlah cadangan yang disimpan"))
    folder.set_defaults(run=_folder)
    for action in (now, auto, listing, restore, folder):
        add_db_option(action)


def _report(result: BackupResult | None) -> int:
    if result is None:
        print(tr("Tidak ada keputusan baru sejak cadangan terakhir; tidak ada cadangan dibuat."))
        return 0
    if result.warning:
        print(result.warning, file=sys.stderr)
    if result.note:
        print(result.note)
    if result.path is None:
        return 0 if result.note else 1
    print(tr("Cadangan dibuat: {path}", path=result.path))
    for path in result.removed:
        print(tr("Cadangan lama dihapus: {name}", name=path.name))
    return 0


def _now(args: argparse.Namespace) -> int:
    services = open_existing(args)
    try:
        return _report(services.backups.backup_now())
    finally:
        services.close()


def _auto(args: argparse.Namespace) -> int:
    services = open_existing(args)
    try:
        return _report(services.backups.backup_if_due())
    finally:
        services.close()


def _list(args: argparse.Namespace) -> int:
    services = open_existing(args)
    try:
        settings = services.backups.settings()
        found = services.backups.backups()
        zone = services.backups.zone()
    finally:
        services.close()
    print(
        tr(
            "Folder cadangan: {folder} (disimpan {keep})",
            folder=settings.folder,
            keep=settings.keep,
        )
    )
    if not found:
        print(tr("Belum ada cadangan."))
    for info in found:
        when = shown(info.taken_at, zone, seconds=True)
        print(f"{info.path.name}  {when}  {reason_label(info.reason)}")
        if info.problem:
            print("    " + tr("tidak dapat dibaca: {problem}", problem=info.problem))
            continue
        print(
            "    "
            + tr(
                "{cooperative}: {members} anggota, peristiwa audit terakhir #{seq}",
                cooperative=info.cooperative,
                members=thousands(info.members),
                seq=info.last_seq,
            )
        )
        for brief in info.meetings:
            print("    " + meeting_line(brief))
    return 0


def _restore(args: argparse.Namespace) -> int:
    services = open_existing(args)
    try:
        result = services.backups.restore(args.file, args.confirm_meeting)
    finally:
        services.close()
    for undone in result.locks_undone:
        print(
            tr(
                "Kunci {meeting} dibatalkan atas konfirmasi; dicatat di log audit.",
                meeting=undone.title,
            ),
            file=sys.stderr,
        )
    print(
        tr(
            "Basis data {path} dipulihkan dari {backup}. Berkas sebelumnya disimpan sebagai "
            "{aside}.",
            path=result.restored,
            backup=args.file,
            aside=result.aside,
        )
    )
    return 0


def _folder(args: argparse.Namespace) -> int:
    services = open_existing(args)
    try:
        services.backups.choose_folder(args.path)
        if args.keep is not None:
            services.backups.set_keep(args.keep)
        settings = services.backups.settings()
    finally:
        services.close()
    print(
        tr(
            "Folder cadangan: {folder} (disimpan {keep})",
            folder=settings.folder,
            keep=settings.keep,
        )
    )
    return 0
