"""AddendumService: only for a locked meeting; the addendum cites the signed berita acara's
SHA-256, file name and date, is recorded with its audit event, and verifies once signed."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from assembly.domain.errors import DomainError
from tests.services.signing_fixtures import PASSPHRASE, Keys, closed_meeting, make_keys


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"))


def test_an_addendum_cites_the_signed_minutes_and_verifies_when_signed(
    cooperative: Any, db_path: Path, tmp_path: Path, keys: Keys
) -> None:
    services = cooperative
    meeting_id, pdf = closed_meeting(services, db_path, tmp_path)
    target = tmp_path / "adendum.pdf"
    with pytest.raises(DomainError, match="sudah ditandatangani dan dikunci; rapat ini Ditutup"):
        services.addenda.create(meeting_id, "Perbaikan", target)
    assert not target.exists()
    for key, role in ((keys.chair, "ketua"), (keys.secretary, "sekretaris")):
        services.minutes_signing.sign_minutes(meeting_id, pdf, key, PASSPHRASE, role)
    signed_sha = hashlib.sha256(pdf.read_bytes()).hexdigest()
    with pytest.raises(DomainError, match="wajib diisi"):
        services.addenda.create(meeting_id, "   ", target)

    written, _changes = services.addenda.create(
        meeting_id, "Jam penutupan yang benar adalah pukul 13.15 WIB.", target
    )
    assert written.cites_sha256 == signed_sha and written.sequence == 1
    assert written.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(target).pages)
    assert "ADENDUM BERITA ACARA" in text
    assert signed_sha[:32] in text and signed_sha[32:] in text
    assert "berita-acara.pdf" in text and "14 Maret 2026" in text
    assert "Jam penutupan yang benar adalah pukul 13.15 WIB." in text
    status = services.minutes_signing.status(meeting_id)
    assert [(a.kind, a.cites_sha256) for a in status.addenda] == [("addendum", signed_sha)]

    for key, role in ((keys.chair, "ketua"), (keys.secretary, "sekretaris")):
        result, _c = services.minutes_signing.sign_minutes(
            meeting_id, target, key, PASSPHRASE, role
        )
    assert result.kind == "addendum" and result.completed
    report = services.signing.verify(target)
    assert report.all_valid and len(report.checks) == 2
    kinds = [a.kind for a in services.minutes_signing.status(meeting_id).addenda]
    assert kinds == ["addendum", "addendum_signed"]

    # A byte changed in the signed range fails verification.
    data = bytearray(target.read_bytes())
    at = data.index(b"Mengutip SHA-256") if b"Mengutip SHA-256" in data else len(data) // 3
    data[at] ^= 0x01
    target.write_bytes(bytes(data))
    assert not services.signing.verify(target).all_valid
