"""Shared fixtures: a real SQLite file per test (copied from a migrated template), services
over it with a fixed clock, and an offscreen Qt with settings kept out of the user's home."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_configure(config: pytest.Config) -> None:
    """The .mo files the app reads, compiled from the .po sources as scripts/setup.sh does:
    a test sees the catalogues as they are in the repository now."""
    from assembly.i18n.compile import compile_all

    compile_all()


# 09.00 WIB on a Saturday: the demo RAT's morning.
FIXED_NOW = dt.datetime(2026, 3, 14, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database migrated to head, made once per test session."""
    from assembly.persistence.database import open_database

    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    open_database(path).close()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """A fresh, migrated, empty database file for this test."""
    path = tmp_path / "kuorum.sqlite"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def services(db_path: Path) -> Iterator[object]:
    """Every service over this test's database, acting as "sekretaris" at ``FIXED_NOW``."""
    from assembly.persistence.database import open_database
    from assembly.services.bundle import Services
    from assembly.services.context import ServiceContext

    bundle = Services.create(
        ServiceContext(open_database(db_path), "sekretaris", lambda: FIXED_NOW)
    )
    yield bundle
    bundle.close()


@pytest.fixture
def cooperative(services: object) -> object:
    """``services`` with a cooperative saved (its AD profile at the defaults)."""
    from assembly.domain.cooperative import Cooperative, TimeZone

    services.cooperative.save_cooperative(  # type: ignore[attr-defined]
        Cooperative(
            name="Koperasi Simpan Pinjam Sejahtera Bersama",
            legal_entity_number="518/BH/XIII.12/2001",
            registration_number="3273010010001",
            address="Jl. Merdeka No. 10, Bandung",
            city="Bandung",
            time_zone=TimeZone.WIB,
            code="KSP-SB",
        )
    )
    return services


@pytest.fixture(autouse=True)
def _indonesian() -> Iterator[None]:
    """Every test starts in Indonesian and leaves it so (Qt's own texts too, once Qt runs)."""
    import sys

    from assembly.i18n import set_language

    set_language("id")
    yield
    set_language("id")
    qt_texts = sys.modules.get("assembly.ui.qt_translator")
    if qt_texts is not None:
        qt_texts.install_qt_translator("id")


@pytest.fixture(scope="session")
def qapp(qapp: object) -> object:
    """pytest-qt's application, with Qt's own texts in Indonesian as the app installs them
    (assembly.app.run_app): message-box buttons, file dialogs, context menus."""
    from assembly.ui.qt_translator import install_qt_translator

    install_qt_translator("id")
    return qapp


@pytest.fixture(autouse=True)
def _qt_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """QSettings in a temporary folder, when Qt is installed (the domain run has none)."""
    try:
        from PySide6.QtCore import QCoreApplication, QSettings
    except ImportError:
        yield
        return
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName("KuorumTest")
    QCoreApplication.setApplicationName("KuorumTest")
    yield


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """A PostgreSQL server of this test session (see :mod:`tests.pg_server`)."""
    from tests.pg_server import start_server

    server = start_server()
    yield server
    server.stop()
