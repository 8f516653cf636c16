"""The last required signature as its own Kuorum process, for the lock-holds test: signs the
berita acara as the secretary through the real service, and stops at a named moment (an audit
hook watches the real file operations) to print ``STOP`` and wait to be killed:

- ``before_pdf``: the signed PDF is complete in its ``.part`` file, not yet renamed into place;
- ``before_lock``: the signed PDF is in place, the lock's transaction not yet run;
- ``after_lock``: the lock is committed, the backup at the lock not yet written;
- ``export``: (with ``--export``) a berita acara export about to rename its ``.part`` file.

``python -m tests.robustness.lock_signer DB PDF KEY MOMENT [MEETING]``
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Any

from tests.conftest import FIXED_NOW
from tests.services.signing_fixtures import PASSPHRASE


class Stopper:
    """The audit hook: stops the process for good at ``moment``."""

    def __init__(self, moment: str, target: Path) -> None:
        self.moment = moment
        self.target = str(target)
        self.renamed = False
        self.stopped = False

    def __call__(self, event: str, args: tuple[Any, ...]) -> None:
        if self.stopped:
            return
        reached = ""
        if event == "os.rename" and str(args[1]) == self.target:
            reached = "before_pdf export"
            self.renamed = True
        elif event == "open" and self.renamed and str(args[0]) == self.target:
            reached = "before_lock"
        elif event == "tempfile.mkstemp" and Path(str(args[0])).parent.name == "cadangan":
            reached = "after_lock"
        if self.moment in reached.split():
            self.stop()

    def stop(self) -> None:
        self.stopped = True
        os.write(1, b"STOP\n")
        threading.Event().wait()  # until the SIGKILL


def main(db: str, pdf: str, key: str, moment: str, meeting: str = "1") -> int:
    from assembly.persistence.database import open_database
    from assembly.services.bundle import Services
    from assembly.services.context import ServiceContext

    services = Services.create(
        ServiceContext(open_database(Path(db), create=False), "sekretaris", lambda: FIXED_NOW)
    )
    sys.addaudithook(Stopper(moment, Path(pdf).absolute()))
    if moment == "export":
        services.minutes.export(int(meeting), Path(pdf).absolute())
    else:
        services.minutes_signing.sign_minutes(
            int(meeting), Path(pdf).absolute(), Path(key), PASSPHRASE, "sekretaris"
        )
    os.write(1, b"DONE\n")
    services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
