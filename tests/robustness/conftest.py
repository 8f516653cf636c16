"""Fixtures the anchor and audit-chain attacks share: the officers' keys and a locked meeting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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
