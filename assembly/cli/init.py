"""``init``: a new cooperative file from the command line, as the first-start wizard makes it
(the profile through the same service, the AD profile at its defaults, unconfirmed), so a
script can run ``init`` and then ``members import`` without a screen."""

from __future__ import annotations

import argparse
from pathlib import Path

from assembly.domain.ad_profile import ADProfile
from assembly.domain.ad_templates import ProfileTemplate
from assembly.domain.cooperative import Cooperative, TimeZone, validate_cooperative
from assembly.domain.errors import DomainError, ValidationError
from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.services.locations import database_target, shown_target


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``init``."""
    init = commands.add_parser("init", help=tr("buat berkas koperasi baru"))
    init.add_argument(
        "--db", type=database_target, required=True, help=tr("berkas basis data baru")
    )
    init.add_argument("--name", required=True, help=tr("nama koperasi"))
    init.add_argument("--legal-entity", default="", help=tr("nomor badan hukum"))
    init.add_argument("--city", default="", help=tr("kota/kabupaten"))
    init.add_argument(
        "--time-zone",
        choices=[z.value for z in TimeZone],
        default=TimeZone.WIB.value,
        help=tr("zona waktu (bawaan: WIB)"),
    )
    init.add_argument(
        "--template",
        help=tr(
            "profil AD awal: {names}, atau berkas Kuorum lain yang profil AD-nya dipakai",
            names=", ".join(t.value for t in ProfileTemplate),
        ),
    )
    init.set_defaults(run=_init)


def _init(args: argparse.Namespace) -> int:
    path: Path | str = args.db
    if isinstance(path, Path) and path.exists():
        raise DomainError(
            tr(
                "Berkas {path} sudah ada; init tidak pernah menimpa berkas. Pilih nama berkas "
                "baru.",
                path=path,
            )
        )
    coop = Cooperative(
        name=args.name.strip(),
        legal_entity_number=args.legal_entity.strip(),
        city=args.city.strip(),
        time_zone=TimeZone(args.time_zone),
    )
    problems = [p for p in validate_cooperative(coop) if not p.warning]
    if problems:
        raise ValidationError(problems)
    profile = _template_profile(args.template) if args.template else None
    services = Services.open(path)
    if isinstance(path, str) and services.cooperative.cooperative() is not None:
        services.close()  # a PostgreSQL database that holds a cooperative already
        raise DomainError(
            tr(
                "Basis data {path} sudah berisi koperasi; init tidak pernah menimpanya.",
                path=shown_target(path),
            )
        )
    try:
        services.cooperative.save_cooperative(coop, profile=profile)
    except BaseException:
        services.close()
        if isinstance(path, Path):
            _remove(path)
        raise
    services.close()
    path = shown_target(path)
    print(tr("Koperasi {name} dibuat di {path}.", name=coop.name, path=path))
    print(
        tr(
            "Profil AD memakai nilai {source} dan belum dikonfirmasi: periksa terhadap AD "
            "koperasi di halaman Profil Koperasi & AD sebelum rapat pertama.",
            source=tr("dari {path}", path=args.template) if profile else tr("bawaan"),
        )
    )
    print(tr("Lanjutkan: python main.py members import BERKAS --db {path}", path=path))
    return 0


def _template_profile(name: str) -> ADProfile:
    """The AD profile of a named template (``merah_putih``, the wizard's choice), or the one
    in force in another cooperative's file."""
    if name in {t.value for t in ProfileTemplate}:
        return ProfileTemplate(name).profile()
    template = database_target(name)
    services = Services.open(template, create=False)
    try:
        if services.cooperative.cooperative() is None:
            raise DomainError(
                tr("Berkas templat {path} belum berisi koperasi.", path=shown_target(template))
            )
        return services.cooperative.ad_profile().profile
    finally:
        services.close()


def _remove(path: Path) -> None:
    """Take away a file ``init`` began and could not finish (with SQLite's side files)."""
    for part in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        part.unlink(missing_ok=True)
