"""``keys new``, ``sign`` and ``verify`` on the command line, without a database."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from assembly.cli import main


def plain_pdf(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), invariant=True)
    pdf.drawString(72, 780, "Berita Acara Rapat Anggota Tahunan 2026")
    pdf.showPage()
    pdf.save()
    return path


def test_two_officers_sign_then_verify_then_tampering_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = plain_pdf(tmp_path / "berita-acara.pdf")
    for role, name in (("ketua", "Ahmad Suryadi"), ("sekretaris", "Siti Aminah")):
        monkeypatch.setenv("KUORUM_PASSPHRASE", f"sandi-{role}-2026")
        key = tmp_path / f"{role}.p12"
        assert main(["keys", "new", "--name", name, "--out", str(key)]) == 0
        assert f"Kunci dibuat: {key}" in capsys.readouterr().out
        assert main(["sign", str(pdf), "--key", str(key), "--role", role]) == 0
        assert "TTE tidak tersertifikasi" in capsys.readouterr().out

    assert main(["verify", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "Penanda tangan: Ahmad Suryadi" in out and "Penanda tangan: Siti Aminah" in out
    assert (
        "kolom TTD_Ketua (Ketua Rapat)" in out and "kolom TTD_Sekretaris (Sekretaris Rapat)" in out
    )
    assert "Sesudahnya: hanya ditambah tanda tangan atau isian formulir" in out
    assert out.count("Hasil: SAH") == 2 and "SAH: 2 tanda tangan" in out

    # One character of the first revision's Info dictionary changed by hand.
    data = bytearray(pdf.read_bytes())
    at = re.search(rb"/Producer \((.)", bytes(data)).start(1)  # type: ignore[union-attr]
    data[at] ^= 0x20
    pdf.write_bytes(bytes(data))
    assert main(["verify", str(pdf)]) == 1
    out = capsys.readouterr().out
    assert "Keutuhan: RUSAK" in out and "TIDAK SAH: 2 dari 2 tanda tangan" in out


def test_unreadable_input_and_missing_passphrase_are_bad_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fake = tmp_path / "bukan.pdf"
    fake.write_bytes(b"PK\x03\x04 this is a zip")
    assert main(["verify", str(fake)]) == 2
    assert "bukan.pdf: Berkas ini bukan PDF." in capsys.readouterr().err
    assert main(["verify", str(tmp_path / "tidak-ada.pdf")]) == 2

    unsigned = plain_pdf(tmp_path / "polos.pdf")
    assert main(["verify", str(unsigned)]) == 1
    assert "tidak memuat tanda tangan elektronik" in capsys.readouterr().out

    monkeypatch.delenv("KUORUM_PASSPHRASE", raising=False)
    assert main(["keys", "new", "--name", "Siti", "--out", str(tmp_path / "s.p12")]) == 2
    assert "KUORUM_PASSPHRASE" in capsys.readouterr().err
    assert not (tmp_path / "s.p12").exists()
