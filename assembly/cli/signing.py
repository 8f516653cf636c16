"""``keys new``, ``sign`` and ``verify``: officers' keys and signed PDFs, without a database.

The passphrase comes from ``KUORUM_PASSPHRASE`` or a prompt that does not echo; it is never
written anywhere.
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import os
import sys
from pathlib import Path

from assembly.cli.numbers import add_numbers_option, numbers_exit
from assembly.cli.options import add_db_option, open_existing
from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.services.anchor_check import AnchorService
from assembly.services.bundle import Services
from assembly.services.locations import database_target
from assembly.services.signing import Placement, SigningService, parse_box

PASSPHRASE_VARIABLE = "KUORUM_PASSPHRASE"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``keys new``, ``sign`` and ``verify``."""
    keys = commands.add_parser("keys", help=tr("kunci tanda tangan pengurus"))
    actions = keys.add_subparsers(dest="action", required=True)
    new = actions.add_parser("new", help=tr("buat kunci tanda tangan baru (berkas PKCS#12)"))
    new.add_argument("--name", required=True, help=tr("nama pemegang kunci, seperti di KTP"))
    new.add_argument("--out", required=True, type=Path, help=tr("berkas kunci baru (.p12)"))
    new.add_argument("--org", default="", help=tr("nama koperasi di sertifikat"))
    new.set_defaults(run=_new_key)

    sign = commands.add_parser("sign", help=tr("tandatangani PDF pada kolom peran"))
    sign.add_argument("file", type=Path, help=tr("berkas PDF"))
    sign.add_argument("--key", required=True, type=Path, help=tr("berkas kunci (.p12)"))
    sign.add_argument(
        "--role", required=True, help=tr("ketua, sekretaris, saksi1 … saksi4, mengetahui")
    )
    sign.add_argument("--out", type=Path, help=tr("berkas hasil (bawaan: berkas PDF itu sendiri)"))
    sign.add_argument(
        "--page", type=int, help=tr("halaman kolom baru, mulai 1 (-1 halaman terakhir)")
    )
    sign.add_argument("--box", help=tr("kotak kolom baru dalam poin: x1,y1,x2,y2 dari kiri bawah"))
    sign.add_argument(
        "--meeting",
        type=int,
        help=tr(
            "nomor rapat: periksa bahwa PDF ini berita acaranya (atau adendumnya) dan kunci "
            "rapat setelah tanda tangan terakhir yang wajib"
        ),
    )
    add_db_option(sign)
    sign.set_defaults(run=_sign)

    verify = commands.add_parser("verify", help=tr("periksa tanda tangan elektronik pada PDF"))
    verify.add_argument("file", type=Path, help=tr("berkas PDF"))
    add_verify_options(verify)
    add_numbers_option(verify)
    verify.set_defaults(run=_verify)


def add_verify_options(verify: argparse.ArgumentParser) -> None:
    """The options of ``verify`` beside the file (more checks add theirs here)."""
    verify.add_argument(
        "--db",
        type=database_target,
        default=None,
        help=tr(
            "berkas basis data: cocokkan juga catatan rapat dan log audit dengan jangkar "
            "di dalam PDF"
        ),
    )


def _new_key(args: argparse.Namespace) -> int:
    passphrase = _passphrase(confirm=True)
    created = SigningService().new_key(args.name, args.out, passphrase, organisation=args.org)
    cert = created.certificate
    print(tr("Kunci dibuat: {path}", path=created.path))
    print(tr("Pemegang: {name}", name=cert.name))
    print(tr("Berlaku sampai: {date}", date=cert.not_after.date().isoformat()))
    print(tr("Sidik jari sertifikat: {fingerprint}", fingerprint=cert.fingerprint))
    print(
        tr(
            "Simpan kata sandinya baik-baik: Kuorum tidak menyimpannya dan tidak dapat memulihkannya."
        )
    )
    return 0


def _sign(args: argparse.Namespace) -> int:
    if args.meeting is not None:
        return _sign_minutes(args)
    placement = _placement(args)
    passphrase = _passphrase(confirm=False)
    signed = SigningService().sign(
        args.file, args.key, passphrase, args.role, out_path=args.out, placement=placement
    )
    print(
        tr(
            "Ditandatangani sebagai {role} oleh {name} ({label}): {path}",
            role=signed.role_title,
            name=signed.certificate.name,
            label=signed.certificate.label.value,
            path=signed.path,
        )
    )
    print(tr("SHA-256: {hash}", hash=signed.sha256))
    return 0


def _sign_minutes(args: argparse.Namespace) -> int:
    """``sign --meeting ID``: the meeting's own document, verified, and the lock."""
    if args.box is not None or args.page is not None:
        raise DomainError(tr("--page dan --box tidak dipakai dengan --meeting."))
    passphrase = _passphrase(confirm=False)
    services = open_existing(args)
    try:
        if _finish_interrupted(services, args):
            return 0
        result = services.minutes_signing.sign_minutes(
            args.meeting, args.file, args.key, passphrase, args.role, out_path=args.out
        ).value
    finally:
        services.close()
    if result.backup is not None and result.backup.warning:
        print(result.backup.warning, file=sys.stderr)
    signed = result.signed
    print(
        tr(
            "Ditandatangani sebagai {role} oleh {name} ({label}): {path}",
            role=signed.role_title,
            name=signed.certificate.name,
            label=signed.certificate.label.value,
            path=signed.path,
        )
    )
    print(tr("SHA-256: {hash}", hash=signed.sha256))
    if result.missing:
        print(tr("Belum ditandatangani: {fields}", fields=", ".join(result.missing)))
    elif result.kind == "berita_acara":
        print(
            tr(
                "Semua tanda tangan wajib lengkap dan sah: rapat {id} kini dikunci.",
                id=args.meeting,
            )
        )
    else:
        print(tr("Adendum lengkap ditandatangani dan dicatat."))
    return 0


def _finish_interrupted(services: Services, args: argparse.Namespace) -> bool:
    """Finish a lock a kill interrupted (from the file noted before the last signature, or
    from ``args.file`` when that is already complete); True when the meeting is now locked
    with the very file this command would have signed (nothing left to do)."""
    recovery = services.lock_recovery
    for found in recovery.finish_pending():
        print(found.message, file=sys.stdout if found.locked else sys.stderr)
        if found.backup is not None and found.backup.warning:
            print(found.backup.warning, file=sys.stderr)
    target = args.out if args.out is not None else args.file
    found = recovery.finish_from_file(args.meeting, target)
    if found.locked:
        print(found.message)
    status = services.minutes_signing.status(args.meeting)
    recorded = status.minutes.sha256 if status.locked and status.minutes else None
    if recorded is None or not target.is_file():
        return False
    if hashlib.sha256(target.read_bytes()).hexdigest() != recorded:
        return False
    print(
        tr(
            "Rapat {id} sudah dikunci dengan berkas ini ({path}); tidak ada yang perlu "
            "ditandatangani lagi.",
            id=args.meeting,
            path=target,
        )
    )
    return True


def _verify(args: argparse.Namespace) -> int:
    """Strict: every signature sound, every required signer there, and with ``--db`` the
    database still matching the file's anchor; exit 1 otherwise."""
    if args.db is None:
        verdict = AnchorService(None).verify_file(args.file)
    else:
        services = open_existing(args)
        try:
            verdict = services.anchors.verify_file(args.file)
        finally:
            services.close()
    for line in verdict.lines():
        print(line)
    return numbers_exit(args, 0 if verdict.ok else 1)


def _placement(args: argparse.Namespace) -> Placement | None:
    if args.box is None and args.page is None:
        return None
    if args.box is None:
        raise DomainError(tr("--page perlu --box x1,y1,x2,y2."))
    return Placement(args.page if args.page is not None else -1, parse_box(args.box))


def _passphrase(*, confirm: bool) -> str:
    """From the environment, or asked at the terminal (twice for a new key)."""
    value = os.environ.get(PASSPHRASE_VARIABLE)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise DomainError(
            tr(
                "Kata sandi kunci tidak diberikan: isi {variable} atau jalankan di terminal.",
                variable=PASSPHRASE_VARIABLE,
            )
        )
    value = getpass.getpass(tr("Kata sandi kunci: "))
    if confirm and getpass.getpass(tr("Ulangi kata sandi: ")) != value:
        raise DomainError(tr("Kedua kata sandi tidak sama; tidak ada yang diubah."))
    return value
