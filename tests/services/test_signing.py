"""SigningService: refusals that change nothing, the label by the key's origin, and audit
events when a database is open."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from reportlab.pdfgen import canvas

from assembly.domain.errors import DomainError
from assembly.services.signing import SigningService
from tests.conftest import FIXED_NOW

PASSPHRASE = "rahasia-ketua-2026"
# SigningService without a database reads the computer's clock, so certificates made here
# are dated from it (and the tests do not rot as the calendar moves on).
NOW = dt.datetime.now(dt.UTC)


def plain_pdf(path: Path) -> Path:
    pdf = canvas.Canvas(str(path), invariant=True)
    pdf.drawString(72, 780, "Berita Acara Rapat Anggota Tahunan")
    pdf.showPage()
    pdf.save()
    return path


def _usage(signing: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signing,
        content_commitment=signing,
        key_encipherment=not signing,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def foreign_p12(
    path: Path,
    *,
    name: str = "Budi Santoso",
    key: object | None = None,
    start: dt.datetime = NOW - dt.timedelta(days=30),
    end: dt.datetime = NOW + dt.timedelta(days=365),
    signing: bool = True,
    issued_by_ca: bool = True,
) -> Path:
    """A PKCS#12 made outside Kuorum: by default issued by a test CA, as a PSrE would."""
    leaf_key = key or rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    issuer_key, issuer = leaf_key, subject
    extra: list[x509.Certificate] = []
    if issued_by_ca:
        issuer_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        issuer = x509.Name(
            [
                x509.NameAttribute(NameOID.COMMON_NAME, "PSrE Uji Coba Root CA"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Balai Sertifikasi Uji"),
            ]
        )
        extra.append(
            x509.CertificateBuilder()
            .subject_name(issuer)
            .issuer_name(issuer)
            .public_key(issuer_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(NOW - dt.timedelta(days=3650))
            .not_valid_after(NOW + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(issuer_key, hashes.SHA256())  # type: ignore[arg-type]
        )
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(leaf_key.public_key())  # type: ignore[attr-defined]
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(_usage(signing), critical=True)
        .sign(issuer_key, hashes.SHA256())  # type: ignore[arg-type]
    )
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            name.encode(),
            leaf_key,  # type: ignore[arg-type]
            cert,
            extra,
            serialization.BestAvailableEncryption(PASSPHRASE.encode()),
        )
    )
    return path


@pytest.fixture(scope="module")
def app_key(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A key made by Kuorum, once for this module."""
    path = tmp_path_factory.mktemp("keys") / "ketua.p12"
    SigningService().new_key("Ahmad Suryadi", path, PASSPHRASE, organisation="KSP Sejahtera")
    return path


def test_wrong_passphrase_is_refused_and_the_pdf_is_untouched(
    app_key: Path, tmp_path: Path
) -> None:
    pdf = plain_pdf(tmp_path / "ba.pdf")
    before = pdf.read_bytes()
    with pytest.raises(DomainError) as refused:
        SigningService().sign(pdf, app_key, "bukan-kata-sandinya", "ketua")
    assert refused.value.message == "Kata sandi kunci salah; tidak ada yang diubah."
    assert pdf.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ba.pdf"]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda p: foreign_p12(
                p, start=NOW - dt.timedelta(days=800), end=NOW - dt.timedelta(days=1)
            ),
            f"sudah kedaluwarsa sejak {(NOW - dt.timedelta(days=1)).date().isoformat()}",
        ),
        (
            lambda p: foreign_p12(p, start=NOW + dt.timedelta(days=2)),
            f"baru berlaku mulai {(NOW + dt.timedelta(days=2)).date().isoformat()}",
        ),
        (lambda p: foreign_p12(p, signing=False), "bukan untuk tanda tangan"),
        (lambda p: foreign_p12(p, key=ec.generate_private_key(ec.SECP256R1())), "bukan kunci RSA"),
        (lambda p: p.write_bytes(b"\x00garbage, not a key" * 20) and p, "Berkas kunci rusak"),
        (lambda p: p, "tidak ditemukan"),
    ],
    ids=["expired", "not-yet-valid", "not-for-signing", "ec-key", "garbage", "missing"],
)
def test_unusable_keys_are_refused_with_a_clear_message(
    make: object, message: str, tmp_path: Path
) -> None:
    pdf = plain_pdf(tmp_path / "ba.pdf")
    before = pdf.read_bytes()
    key = tmp_path / "kunci.p12"
    make(key)  # type: ignore[operator]
    with pytest.raises(DomainError, match=message) as refused:
        SigningService(None).sign(pdf, key, PASSPHRASE, "ketua")
    assert "tidak ada yang diubah" in refused.value.message.lower()
    assert pdf.read_bytes() == before


def test_the_label_follows_the_origin_of_the_key(app_key: Path, tmp_path: Path) -> None:
    service = SigningService()
    pdf = plain_pdf(tmp_path / "ba.pdf")
    mine = service.sign(pdf, app_key, PASSPHRASE, "ketua")
    assert mine.certificate.label.value == "TTE tidak tersertifikasi"

    certified = foreign_p12(tmp_path / "psre.p12")
    theirs = service.sign(pdf, certified, PASSPHRASE, "sekretaris")
    assert theirs.certificate.label.value == "TTE tersertifikasi"
    assert theirs.certificate.issuer == "PSrE Uji Coba Root CA"

    self_made = foreign_p12(tmp_path / "sendiri.p12", name="Rina", issued_by_ca=False)
    own = service.sign(pdf, self_made, PASSPHRASE, "saksi")
    assert own.certificate.label.value == "TTE tidak tersertifikasi"

    report = service.verify(pdf)
    assert [c.certificate.label.value for c in report.checks if c.certificate] == [
        "TTE tidak tersertifikasi",
        "TTE tersertifikasi",
        "TTE tidak tersertifikasi",
    ]
    assert report.all_valid, "\n".join(report.lines())
    text = "\n".join(report.lines())
    assert "tidak terhadap daftar PSrE" in text
    assert "identitas pemegang kunci tidak dijamin pihak ketiga" in text


def test_signing_elsewhere_leaves_the_original_and_a_not_pdf_is_refused(
    app_key: Path, tmp_path: Path
) -> None:
    pdf = plain_pdf(tmp_path / "ba.pdf")
    before = pdf.read_bytes()
    signed = SigningService().sign(pdf, app_key, PASSPHRASE, "ketua", out_path=tmp_path / "ttd.pdf")
    assert pdf.read_bytes() == before
    assert signed.path.read_bytes().startswith(before)

    fake = tmp_path / "laporan.pdf"
    fake.write_text("Ini dokumen Word yang diganti namanya.")
    with pytest.raises(DomainError, match=r"laporan\.pdf: Berkas ini bukan PDF"):
        SigningService().sign(fake, app_key, PASSPHRASE, "ketua")
    with pytest.raises(DomainError, match="Peran bendahara tidak dikenal"):
        SigningService().sign(pdf, app_key, PASSPHRASE, "bendahara")


def test_new_key_never_overwrites_and_wants_a_real_passphrase(
    app_key: Path, tmp_path: Path
) -> None:
    before = app_key.read_bytes()
    with pytest.raises(DomainError, match="sudah ada"):
        SigningService().new_key("Orang Lain", app_key, PASSPHRASE)
    assert app_key.read_bytes() == before
    with pytest.raises(DomainError, match="minimal 8 karakter"):
        SigningService().new_key("Siti", tmp_path / "siti.p12", "1234")
    assert not (tmp_path / "siti.p12").exists()
    assert app_key.stat().st_mode & 0o077 == 0, "a key file is readable by its owner only"


def test_with_a_database_the_cooperative_and_the_audit_log_take_part(
    cooperative: object, tmp_path: Path
) -> None:
    services = cooperative
    key = tmp_path / "sekretaris.p12"
    created = services.signing.new_key("Siti Aminah", key, PASSPHRASE, role="sekretaris")  # type: ignore[attr-defined]
    assert created.certificate.organisation == "Koperasi Simpan Pinjam Sejahtera Bersama"
    assert created.certificate.not_before <= FIXED_NOW

    pdf = plain_pdf(tmp_path / "ba.pdf")
    events_before = services.audit.verify().events  # type: ignore[attr-defined]
    signed = services.signing.sign(pdf, key, PASSPHRASE, "sekretaris")  # type: ignore[attr-defined]
    assert signed.signing_time == FIXED_NOW
    report = services.signing.verify(pdf)  # type: ignore[attr-defined]
    assert report.all_valid
    assert "  Waktu (menurut penanda tangan): 14-03-2026 09:00 WIB" in report.lines()
    audit = services.audit.verify()  # type: ignore[attr-defined]
    assert audit.intact and audit.events == events_before + 2
