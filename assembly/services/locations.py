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
