"""The reporting pack on real files: unsigned and signed packs with the README's hashes
matching the files; a tampered signed PDF, a folder with files in it, a missing meeting are
refused and leave nothing behind."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from assembly.domain.errors import DomainError
from assembly.services.bundle import Services
from assembly.services.signing import SigningService

PASSPHRASE = "rahasia-rapat-2026"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    services = Services.open(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    services.demo.create(members=300)
    yield services
    services.close()


@pytest.fixture(scope="module")
def signed(demo: Services, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("signed")
    path = folder / "ba.pdf"
    demo.minutes.export(1, path)
    service = SigningService(None)
    service.new_key("Umi Salamah Mufidah", folder / "k.p12", PASSPHRASE)
    service.sign(path, folder / "k.p12", PASSPHRASE, "ketua")
    return path


def readme_hashes(folder: Path) -> dict[str, str]:
    lines = (folder / "README.txt").read_text(encoding="utf-8").splitlines()
    out = {}
    for i, line in enumerate(lines):
        if line.strip().startswith("SHA-256:"):
            name = lines[i - 2].split(". ", 1)[1].split(" (")[0]
            out[name] = line.split(":", 1)[1].strip()
    return out


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_unsigned_pack(demo: Services, tmp_path: Path) -> None:
    folder = tmp_path / "paket"
    pack = demo.reporting.write(1, folder)
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(["berita_acara_BELUM_DITANDATANGANI.pdf", "daftar_hadir.pdf",
                            "keputusan.csv", "README.txt"])  # fmt: skip
    assert not pack.signed
    hashes = readme_hashes(folder)
    assert set(hashes) == set(names) - {"README.txt"}
    for name, digest in hashes.items():
        assert sha(folder / name) == digest
    assert {f.name: f.sha256 for f in pack.files}["README.txt"] == sha(folder / "README.txt")
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    assert "BELUM ditandatangani" in readme and "001/BA-RAT/" in readme
    decisions = list(csv.DictReader(io.StringIO((folder / "keputusan.csv").read_text("utf-8-sig"))))
    assert [d["hasil"] for d in decisions] == [d["result"] for d in demo.status.report(1).decisions]
    attendance = PdfReader(folder / "daftar_hadir.pdf").pages[0].extract_text()
    assert "DAFTAR HADIR" in attendance
    assert [p.name for p in tmp_path.iterdir()] == ["paket"]  # no temporary folder left


def test_a_signed_pack_copies_the_verified_file(
    demo: Services, signed: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "kosong"
    folder.mkdir()  # an empty folder is fine
    pack = demo.reporting.write(1, folder, signed)
    assert pack.signed
    copied = folder / "berita_acara_ditandatangani.pdf"
    assert copied.read_bytes() == signed.read_bytes()
    assert readme_hashes(folder)[copied.name] == sha(signed)
    assert "tanda tangan diperiksa" in (folder / "README.txt").read_text(encoding="utf-8")


def test_refusals_leave_nothing(demo: Services, signed: Path, tmp_path: Path) -> None:
    broken = tmp_path / "rusak.pdf"
    data = bytearray(signed.read_bytes())
    at = data.index(b"/Title")  # inside the signed range
    data[at + 8] ^= 0x01
    broken.write_bytes(bytes(data))
    with pytest.raises(DomainError, match="tidak lolos pemeriksaan tanda tangan"):
        demo.reporting.write(1, tmp_path / "a", broken)
    unsigned = tmp_path / "polos.pdf"
    demo.minutes.export(1, unsigned)
    with pytest.raises(DomainError, match="tidak memuat tanda tangan"):
        demo.reporting.write(1, tmp_path / "b", unsigned)
    full = tmp_path / "isi"
    full.mkdir()
    (full / "lain.txt").write_text("x")
    with pytest.raises(DomainError, match="sudah berisi berkas"):
        demo.reporting.write(1, full)
    with pytest.raises(DomainError, match="Rapat nomor 99 tidak ditemukan"):
        demo.reporting.write(99, tmp_path / "c")
    with pytest.raises(DomainError, match="tidak ada"):
        demo.reporting.write(1, tmp_path / "tidak" / "ada")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["isi", "polos.pdf", "rusak.pdf"]


def test_a_locked_meeting_takes_only_its_recorded_signed_file(
    cooperative: Services, db_path: Path, tmp_path: Path
) -> None:
    from tests.services.signing_fixtures import PASSPHRASE as KEY_PASSPHRASE
    from tests.services.signing_fixtures import closed_meeting, make_keys

    keys = make_keys(tmp_path / "keys")
    meeting_id, pdf = closed_meeting(cooperative, db_path, tmp_path)
    other = tmp_path / "salinan-lain.pdf"
    cooperative.minutes.export(meeting_id, other)
    for role, key in (("ketua", keys.chair), ("sekretaris", keys.secretary)):
        cooperative.minutes_signing.sign_minutes(meeting_id, pdf, key, KEY_PASSPHRASE, role)
        SigningService(None).sign(other, key, KEY_PASSPHRASE, role)
    with pytest.raises(DomainError, match="bukan berita acara bertanda tangan yang tercatat"):
        cooperative.reporting.write(meeting_id, tmp_path / "paket-salah", other)
    assert not (tmp_path / "paket-salah").exists()
    cooperative.reporting.write(meeting_id, tmp_path / "paket", pdf)
    assert (tmp_path / "paket" / "README.txt").exists()
