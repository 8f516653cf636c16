"""The host laptop's whole round: ``host start`` creates the cluster and the Kuorum schema, a
cooperative with a locked meeting is copied in from its SQLite file, a desk opens it with the
desks' role, and at the end the whole cooperative is copied back out into one SQLite file:
every row of every table equal both ways, the audit chain verifying on each copy, the meeting
still locked and its signed berita acara still verifying against the final file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from assembly.cli import main
from assembly.domain.errors import DomainError
from assembly.services.host import HostService
from assembly.services.host_copy import copy_between
from assembly.services.joining import JoinedHosts, open_desk
from tests.host_fixtures import running_host
from tests.robustness.anchor_fixtures import Locked
from tests.robustness.test_cooperative_copy import every_row

# SQLite only: the source is the cooperative's SQLite file; the host leg is PostgreSQL in every test.
pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def host() -> Iterator[HostService]:
    with running_host() as service:
        yield service


def test_copy_in_then_out_keeps_every_row_the_chain_and_the_lock(
    locked: Locked, host: HostService, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    state = host.state()
    into = copy_between(locked.db, state.host_url)
    assert into.audit_intact
    original = every_row(locked.db)
    assert every_row(state.host_url) == original

    # A desk works on it with the desks' role, and the lock holds there too.
    desk = open_desk(state.desk_url, joined=JoinedHosts(tmp_path / "joined.json"))
    try:
        assert desk.audit.verify().intact
        engine = desk.ctx.db.engine
        with pytest.raises(sa.exc.DBAPIError, match="kuorum:meeting-locked"), engine.begin() as c:
            c.execute(
                sa.text("DELETE FROM named_votes WHERE ballot_id = :b"), {"b": locked.ballot_id}
            )
    finally:
        desk.close()

    back = tmp_path / "rat-2026-akhir.sqlite"
    out = copy_between(state.host_url, back)
    assert out.audit_intact and out.rows == into.rows
    assert every_row(back) == original
    capsys.readouterr()
    assert main(["audit", "verify", "--db", str(back)]) == 0
    assert main(["verify", str(locked.pdf), "--db", str(back)]) == 0
    assert "SAH" in capsys.readouterr().out


def test_ids_continue_after_the_copied_ones_on_the_host(
    locked: Locked, host: HostService, tmp_path: Path
) -> None:
    state = host.state()
    copy_between(locked.db, state.host_url)
    desk = open_desk(state.desk_url, joined=JoinedHosts(tmp_path / "joined.json"))
    try:
        before = desk.audit.verify().events
        coop = desk.cooperative.cooperative()
        assert coop is not None
        # A new audited change from the desk: its rows take ids after the copied ones.
        desk.cooperative.save_cooperative(coop)
        assert desk.audit.verify().intact
        assert desk.audit.verify().events > before
    finally:
        desk.close()


def test_copy_in_refuses_a_host_that_already_holds_a_cooperative(
    locked: Locked, host: HostService
) -> None:
    url = host.state().host_url
    copy_between(locked.db, url)
    before = every_row(url)
    with pytest.raises(DomainError, match="sudah berisi data"):
        copy_between(locked.db, url)
    assert every_row(url) == before
