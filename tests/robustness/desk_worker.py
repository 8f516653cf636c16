"""One check-in desk as its own Kuorum process, for the two-desk test: opens the shared file,
waits for the start signal, then checks members in (or casts votes) as fast as it can and
prints one JSON line per call (with ``done``, the wall-clock moment it returned, for the
change-to-screen bench). With ``pace`` seconds (the benches' person with a scanner) it starts
one call every ``pace`` seconds instead."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from assembly.domain.ballots import Choice
from assembly.domain.errors import DomainError
from assembly.services.bundle import Services
from assembly.services.locations import database_target


def main(db: str, go: str, action: str, target: int, numbers: str, pace: float = 0.0) -> int:
    services = Services.open(database_target(db), create=False)
    Path(f"{go}.siap-{os.getpid()}").touch()  # opened: the test may give the signal
    while not Path(go).exists():
        time.sleep(0.002)
    began = time.perf_counter()
    for i, number in enumerate(numbers.split(",")):
        if pace:  # the next scan comes when the person gets to it, not sooner
            time.sleep(max(0.0, began + i * pace - time.perf_counter()))
        started = time.perf_counter()
        try:
            if action == "check_in":
                result, _ = services.checkin.check_in(target, number)
                outcome = result.outcome.value
            else:
                services.ballots.cast(target, number, Choice.YES)
                outcome = "voted"
        except DomainError as exc:
            outcome = "refused: " + exc.message
        ms = (time.perf_counter() - started) * 1000
        done = time.time()
        print(
            json.dumps({"number": number, "outcome": outcome, "ms": ms, "done": done}), flush=True
        )
    services.close()
    return 0


def ready(go: Path, desks: int, timeout_s: float = 120) -> None:
    """Wait until ``desks`` workers have opened the database (each leaves a mark beside
    ``go``), so the signal starts them together."""
    deadline = time.monotonic() + timeout_s
    while len(list(go.parent.glob(go.name + ".siap-*"))) < desks:
        if time.monotonic() > deadline:
            raise TimeoutError(f"only some of the {desks} desks opened the database")
        time.sleep(0.01)


if __name__ == "__main__":
    pace = float(sys.argv[6]) if len(sys.argv) > 6 else 0.0
    raise SystemExit(main(*sys.argv[1:4], int(sys.argv[4]), sys.argv[5], pace))
