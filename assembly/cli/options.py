"""Options several sub-commands share."""

from __future__ import annotations

import argparse
from pathlib import Path

from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.services.locations import database_target, default_database


def add_db_option(parser: argparse.ArgumentParser, default: Path | None = None) -> None:
    """``--db PATH``: the database file."""
    parser.add_argument(
        "--db",
        type=database_target,
        default=default or default_database(),
        help=tr("berkas basis data (bawaan: {path})", path=default or default_database()),
    )


def open_existing(args: argparse.Namespace) -> Services:
    """The services over the existing database ``--db``; a missing file is refused rather
    than created. A host's connection string is opened as a desk opens it (see
    :func:`open_host`)."""
    if isinstance(args.db, str):
        return open_host(args.db)
    return Services.open(args.db, create=False)


def open_host(url: str) -> Services:
    """The services over the host laptop's database at ``url``, as the app's desks open it
    (:func:`~assembly.services.joining.open_desk`): refused with one message saying what and
    where when the host is unreachable, the password wrong, its schema newer, it holds no
    cooperative, or another cooperative than this computer found there before; a connection
    lost during the command is refused the same way (never a traceback)."""
    from assembly.services.joining import OtherCooperative, open_desk

    try:
        return open_desk(url)
    except OtherCooperative as exc:
        raise DomainError(
            exc.message
            + " "
            + tr(
                "Bila koperasi itu memang yang benar, gabung sekali lewat aplikasinya (Gabung "
                "ke laptop induk) dan terima koperasi itu; sesudahnya perintah ini berjalan."
            )
        ) from exc


def open_cooperative(args: argparse.Namespace) -> Services:
    """The services over the existing cooperative file ``--db``: a missing file, or one
    without a cooperative, is refused with how to make one (``init`` or the wizard)."""
    target = args.db
    if isinstance(target, str):  # a host's URL: one without a cooperative is refused
        return open_host(target)
    path = Path(target).expanduser()
    if not path.exists() or path.stat().st_size == 0:
        raise DomainError(_make_one_first(path))
    services = Services.open(path, create=False)
    if services.cooperative.cooperative() is None:
        services.close()
        raise DomainError(_make_one_first(path))
    return services


def _make_one_first(path: Path | str) -> str:
    return tr(
        "Berkas koperasi {path} tidak ada atau belum berisi koperasi. Buat dulu: python "
        'main.py init --db {path} --name "Nama Koperasi" (atau buka aplikasinya dan isi '
        "wizard awal). Tidak ada yang dibuat.",
        path=path,
    )
