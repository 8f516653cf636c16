"""Where Kuorum keeps its files on this computer."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Kuorum"


def data_folder() -> Path:
    """The user's data folder for Kuorum (e.g. ~/.local/share/Kuorum)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database() -> Path:
    """The database the app opens when no ``--db`` is given."""
    return data_folder() / "kuorum.sqlite"


def demo_database() -> Path:
    """The database that holds the demo cooperative, apart from the user's own."""
    return data_folder() / "kuorum-demo.sqlite"


def host_folder() -> Path:
    """Where the host laptop keeps its PostgreSQL cluster: in the user's data folder. Run as
    root (a test machine), the server belongs to the ``postgres`` system user, which cannot
    enter root's home; there it lives in /var/lib/kuorum/host."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return Path("/var/lib/kuorum/host")
    return data_folder() / "host"


def database_target(text: str) -> Path | str:
    """A ``--db`` value: a PostgreSQL URL (``postgresql://user:password@host:port/db``, a
    desk joining the host laptop) as given, else a database file's path."""
    from assembly.persistence.pg_database import is_postgresql_url

    return text if is_postgresql_url(text) else Path(text).expanduser()


def shown_target(target: Path | str) -> str:
    """``target`` as the user may see it: a URL without its password."""
    from assembly.persistence.pg_database import is_postgresql_url, shown

    return shown(target) if isinstance(target, str) and is_postgresql_url(target) else str(target)
