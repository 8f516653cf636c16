"""What every service needs: the open database, who acts, and the clock."""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Callable
from dataclasses import dataclass, field

from assembly.persistence.database import Database


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


@dataclass
class ServiceContext:
    """Handed to each service at start-up by the composition root (``app.py`` or ``cli.py``).

    ``actor`` goes into every audit event; ``now`` is injectable so tests can fix the time.
    """

    db: Database
    actor: str = field(default_factory=getpass.getuser)
    now: Callable[[], dt.datetime] = _local_now

    def today(self) -> dt.date:
        """The local date now."""
        return self.now().date()
