"""``host``: start (created the first time, then again on the same folder), status as text and
JSON, stop, and the refusals: no address chosen, an address this laptop no longer has, a copy
while the server is stopped, a copy-out over an existing file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assembly.cli import main
from tests.host_fixtures import host_folder
from tests.pg_server import free_port


def test_host_start_status_stop_and_start_again(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = str(host_folder())
    assert main(["host", "start", "--folder", folder]) == 2
    assert "Pilih alamat laptop induk" in capsys.readouterr().err
    port = str(free_port())
    assert (
        main(["host", "start", "--folder", folder, "--address", "127.0.0.1", "--port", port]) == 0
    )
    shown = capsys.readouterr().out
    assert "Server laptop induk: berjalan" in shown and f"port {port}" in shown
    try:
        assert main(["host", "status", "--folder", folder, "--json"]) == 0
        status = json.loads(capsys.readouterr().out)
        assert status["running"] is True and status["port"] == int(port)
        assert status["desk_url"] == (
            f"postgresql://kuorum_meja:{status['desk_password']}@127.0.0.1:{port}/kuorum"
        )
        existing = tmp_path / "ada.sqlite"
        existing.write_bytes(b"x")
        assert main(["host", "copy-out", str(existing), "--folder", folder]) == 2
        assert "sudah ada" in capsys.readouterr().err and existing.read_bytes() == b"x"
    finally:
        assert main(["host", "stop", "--folder", folder]) == 0
    assert "berhenti" in capsys.readouterr().out
    assert main(["host", "status", "--folder", folder]) == 1
    capsys.readouterr()
    assert main(["host", "copy-out", str(tmp_path / "akhir.sqlite"), "--folder", folder]) == 2
    assert "tidak berjalan" in capsys.readouterr().err
    assert not (tmp_path / "akhir.sqlite").exists()
    # The settings file moved to a laptop whose address changed: told, not started.
    settings = Path(folder) / "kuorum-host.json"
    values = json.loads(settings.read_text())
    settings.write_text(json.dumps({**values, "address": "10.254.254.254"}))
    assert main(["host", "start", "--folder", folder]) == 2
    assert "tidak lagi memakai alamat 10.254.254.254" in capsys.readouterr().err
    settings.write_text(json.dumps(values))
    # Started again on the same folder: the same password, the desks need nothing new.
    assert main(["host", "start", "--folder", folder]) == 0
    try:
        assert status["desk_password"] in capsys.readouterr().out
    finally:
        main(["host", "stop", "--folder", folder])
