"""Fixtures the attacks share: the officers' keys and a locked meeting (anchor and audit-chain
attacks), and a PostgreSQL server a test may kill."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import pg_server
from tests.robustness.anchor_fixtures import Locked, locked_meeting
from tests.services.signing_fixtures import Keys, make_keys


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    """The chair's and the secretary's keys, made once per module."""
    return make_keys(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def locked(
    cooperative: Any, db_path: Path, tmp_path: Path, keys: Keys, monkeypatch: pytest.MonkeyPatch
) -> Locked:
    """A locked meeting (see :func:`locked_meeting`)."""
    return locked_meeting(cooperative, db_path, tmp_path, keys, monkeypatch)


@pytest.fixture
def own_server() -> Iterator[pg_server.TestServer]:
    """A PostgreSQL server of this test alone: killing it leaves the session's server alone."""
    server = pg_server.start_server()
    yield server
    server.stop()
