"""Shared fixtures: a real SQLite file per test (copied from a migrated template), services
over it with a fixed clock, and an offscreen Qt with settings kept out of the user's home."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
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


# The test folders whose tests run on both engines (tests reaching ``db_path``): the service
# suite, the persistence layer and the command line. The screens run on SQLite; the attacks on
# files (tests/robustness) name their engine (the PostgreSQL ones their own).
BOTH_ENGINES = ("services", "persistence", "cli")
PG_TEMPLATE = "kuorum_template"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test reaching ``db_path`` (directly or through ``services``) runs on SQLite, and
    in the folders of :data:`BOTH_ENGINES` on PostgreSQL too, unless marked ``sqlite_only``
    (it reads or attacks the SQLite file itself; the marker says why)."""
    if "engine_kind" not in metafunc.fixturenames:
        return
    for mark in metafunc.definition.iter_markers("parametrize"):
        if "engine_kind" in str(mark.args[0]):
            return  # the test names its engine itself
    folder = metafunc.definition.path.parent.name
    if folder in BOTH_ENGINES and metafunc.definition.get_closest_marker("sqlite_only") is None:
        metafunc.parametrize("engine_kind", ["sqlite", "postgresql"])


@pytest.fixture
def engine_kind() -> str:
    """The engine of ``db_path`` where a test is not run on both (see above): SQLite."""
    return "sqlite"


@pytest.fixture(scope="session")
def pg_template(pg_server: object) -> str:
    """A database on the session's server migrated to head, copied for each test."""
    from assembly.persistence.database import open_database

    _admin(pg_server, f"CREATE DATABASE {PG_TEMPLATE}")
    open_database(pg_server.url(PG_TEMPLATE)).close()  # type: ignore[attr-defined]
    return PG_TEMPLATE


def _admin(server: object, *statements: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(server.url(), isolation_level="AUTOCOMMIT")  # type: ignore[attr-defined]
    try:
        with engine.connect() as conn:
            for statement in statements:
                conn.exec_driver_sql(statement)
    finally:
        engine.dispose()


@pytest.fixture
def db_path(
    engine_kind: str, template_db: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Path]:
    """A fresh, migrated, empty database for this test: a SQLite file, or (``engine_kind``
    postgresql) the URL of a new database on the session's PostgreSQL server, made from the
    migrated template (typed Path for the tests' sake: every opener takes either)."""
    with _fresh_database(engine_kind, template_db, tmp_path / "kuorum.sqlite", request) as db:
        yield db


@pytest.fixture
def other_db_path(
    engine_kind: str, template_db: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Path]:
    """A second fresh database on the engine of ``db_path`` (another file, or another
    database on the same server)."""
    with _fresh_database(engine_kind, template_db, tmp_path / "other.sqlite", request) as db:
        yield db


@contextlib.contextmanager
def _fresh_database(
    engine_kind: str, template_db: Path, path: Path, request: pytest.FixtureRequest
) -> Iterator[Path]:
    if engine_kind == "sqlite":
        shutil.copyfile(template_db, path)
        yield path
        return
    server = request.getfixturevalue("pg_server")
    template = request.getfixturevalue("pg_template")
    # Files beside a PostgreSQL database (its default backup folder) go in the user's home,
    # and the hosts a desk joined in its data folder: here, a home of this test's own.
    home = path.parent / "home"
    home.mkdir(exist_ok=True)
    monkeypatch = request.getfixturevalue("monkeypatch")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    name = f"t{next(_DATABASE_NUMBERS)}"
    _admin(server, f"CREATE DATABASE {name} TEMPLATE {template}")
    try:
        yield server.url(name)  # type: ignore[attr-defined]
    finally:
        _admin(server, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


_DATABASE_NUMBERS = itertools.count(1)


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
    from assembly.ui.collector import MainThreadCollector
    from assembly.ui.qt_translator import install_qt_translator

    install_qt_translator("id")
    qapp._kuorum_collector = MainThreadCollector(qapp)  # type: ignore[attr-defined]
    return qapp


@pytest.fixture(autouse=True)
def _collect_on_this_thread() -> Iterator[None]:
    """Once the window's collector owns Python's cycle collector (see assembly.ui.collector),
    it also runs between tests, on the GUI thread, as its timer would."""
    yield
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError:
        return
    collector = getattr(QApplication.instance(), "_kuorum_collector", None)
    if collector is not None:
        collector.check()


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
