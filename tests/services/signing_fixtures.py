"""A closed meeting with its berita acara exported, and officers' keys, for the signing tests.

Keys are made once per session with the tests' fixed clock (so they are valid at FIXED_NOW);
the meeting is the voting fixtures' hall, closed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.conftest import FIXED_NOW
from tests.services.voting_fixtures import opened_hall

PASSPHRASE = "rahasia-rapat-2026"


@dataclass(frozen=True)
class Keys:
    """Key files by role, all with :data:`PASSPHRASE`."""

    chair: Path
    secretary: Path


def make_keys(folder: Path) -> Keys:
    """Two officers' keys as Kuorum makes them, dated from the tests' clock."""
    from assembly.pdf.keys import create_key

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for role, name in (("ketua", "Anggota Nomor 1"), ("sekretaris", "Anggota Nomor 2")):
        path = folder / f"{role}.p12"
        path.write_bytes(create_key(name, "Koperasi Uji", PASSPHRASE.encode(), FIXED_NOW))
        paths.append(path)
    return Keys(*paths)


def closed_meeting(services: Any, db_path: Path, folder: Path) -> tuple[int, Path]:
    """A closed meeting and its berita acara exported to ``folder``: (id, pdf path)."""
    hall = opened_hall(services, db_path)
    services.meetings.close(hall.meeting_id)
    pdf = folder / "berita-acara.pdf"
    services.minutes.export(hall.meeting_id, pdf)
    return hall.meeting_id, pdf
