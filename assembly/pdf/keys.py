"""Officers' signing keys: PKCS#12 files protected by a passphrase that is never stored.

A key made by Kuorum is RSA 3072 with a certificate issued by a one-off local issuer (its
own private key is thrown away once the certificate is signed, so nothing else can ever be
issued under it). Both certificates carry the organisational unit :data:`APP_MARKER`, which
labels the signatures "TTE tidak tersertifikasi" (PP 71/2019 Pasal 60). A key imported from a
certification authority carries no marker and is labelled "TTE tersertifikasi"; a self-issued
certificate from any other tool cannot come from a CA and is labelled "tidak tersertifikasi".

Keys must be RSA: an EC key makes pyHanko raise the document to PDF 2.0 (stack.md section 5).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from asn1crypto import pkcs12 as asn1_pkcs12  # type: ignore[import-untyped]
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from assembly.domain.errors import DomainError
from assembly.i18n import tr

APP_MARKER = "Kuorum TTE tidak tersertifikasi"
KEY_BITS = 3072
VALIDITY_YEARS = 5
MIN_RSA_BITS = 2048
# Written into certificates, so not translated: a certificate reads the same everywhere.
ISSUER_NAME = "Penerbit lokal Kuorum"
# Clocks of two laptops in one hall differ; a certificate made a minute ago must already work.
_BACKDATE = dt.timedelta(minutes=10)


class Label(StrEnum):
    """The kind of electronic signature (PP 71/2019 Pasal 60), shown on every stamp."""

    CERTIFIED = "TTE tersertifikasi"
    UNCERTIFIED = "TTE tidak tersertifikasi"


@dataclass(frozen=True)
class CertificateInfo:
    """What a person needs to know about a signing certificate."""

    name: str
    organisation: str
    issuer: str
    not_before: dt.datetime
    not_after: dt.datetime
    fingerprint: str
    label: Label


@dataclass(frozen=True)
class OfficerKey:
    """A key opened with its passphrase and checked fit for signing now."""

    private_key: rsa.RSAPrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]
    info: CertificateInfo


def create_key(
    name: str, organisation: str, passphrase: bytes, now: dt.datetime, years: int = VALIDITY_YEARS
) -> bytes:
    """A new officer's key as PKCS#12 bytes encrypted with ``passphrase`` (AES-256)."""
    start = now.astimezone(dt.UTC) - _BACKDATE
    end = _years_later(start, years)
    issuer_key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    issuer_name = _name(ISSUER_NAME, organisation)
    issuer_cert = (
        _builder(issuer_name, issuer_name, issuer_key.public_key(), start, end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_usage(cert_sign=True), critical=True)
        .sign(issuer_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    cert = (
        _builder(_name(name, organisation), issuer_name, key.public_key(), start, end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(cert_sign=False), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
        .sign(issuer_key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"),
        key,
        cert,
        [issuer_cert],
        serialization.BestAvailableEncryption(passphrase),
    )


def load_key(data: bytes, passphrase: bytes, now: dt.datetime) -> OfficerKey:
    """Open a PKCS#12 key and check it can sign now; a refusal says exactly why."""
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, passphrase)
    except ValueError:
        if _looks_like_pkcs12(data):
            raise DomainError(tr("Kata sandi kunci salah; tidak ada yang diubah.")) from None
        raise DomainError(_damaged()) from None
    if key is None or cert is None:
        raise DomainError(_damaged())
    if not isinstance(key, rsa.RSAPrivateKey):
        raise DomainError(
            tr(
                "Kunci ini bukan kunci RSA ({kind}); Kuorum hanya menandatangani dengan RSA "
                "agar berkas tetap PDF 1.7. Tidak ada yang diubah.",
                kind=type(key).__name__.removeprefix("_"),
            )
        )
    if key.key_size < MIN_RSA_BITS:
        raise DomainError(
            tr(
                "Kunci RSA ini terlalu pendek ({bits} bit; minimal {minimum}). "
                "Tidak ada yang diubah.",
                bits=key.key_size,
                minimum=MIN_RSA_BITS,
            )
        )
    if cert.public_key() != key.public_key():
        raise DomainError(_damaged())
    info = describe(cert)
    _check_validity(info, now)
    _check_usage(cert, info)
    return OfficerKey(key, cert, tuple(extra), info)


def describe(cert: x509.Certificate) -> CertificateInfo:
    """The holder, issuer, validity, fingerprint and label of ``cert``."""
    return CertificateInfo(
        name=_attribute(cert.subject, NameOID.COMMON_NAME),
        organisation=_attribute(cert.subject, NameOID.ORGANIZATION_NAME),
        issuer=_attribute(cert.issuer, NameOID.COMMON_NAME)
        or _attribute(cert.issuer, NameOID.ORGANIZATION_NAME),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        fingerprint=fingerprint(cert.fingerprint(hashes.SHA256())),
        label=label_of(cert),
    )


def label_of(cert: x509.Certificate) -> Label:
    """ "TTE tidak tersertifikasi" for a key made by Kuorum or any self-issued certificate;
    "TTE tersertifikasi" for one issued by a certification authority."""
    units = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATIONAL_UNIT_NAME)
    if any(unit.value == APP_MARKER for unit in units) or cert.subject == cert.issuer:
        return Label.UNCERTIFIED
    return Label.CERTIFIED


def fingerprint(digest: bytes) -> str:
    """The first 128 bits of a SHA-256 fingerprint in groups of four, for reading aloud."""
    text = digest.hex().upper()[:32]
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def _check_validity(info: CertificateInfo, now: dt.datetime) -> None:
    moment = now.astimezone(dt.UTC)
    if moment < info.not_before:
        raise DomainError(
            tr(
                "Sertifikat {name} baru berlaku mulai {date}; tidak ada yang diubah.",
                name=info.name,
                date=info.not_before.date().isoformat(),
            )
        )
    if moment > info.not_after:
        raise DomainError(
            tr(
                "Sertifikat {name} sudah kedaluwarsa sejak {date}; tidak ada yang diubah.",
                name=info.name,
                date=info.not_after.date().isoformat(),
            )
        )


def _check_usage(cert: x509.Certificate, info: CertificateInfo) -> None:
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
        fit = usage.digital_signature or usage.content_commitment
    except x509.ExtensionNotFound:
        fit = False
    if not fit:
        raise DomainError(
            tr(
                "Sertifikat {name} bukan untuk tanda tangan: KeyUsage-nya tidak memuat "
                "digitalSignature atau nonRepudiation. Tidak ada yang diubah.",
                name=info.name,
            )
        )


def _years_later(moment: dt.datetime, years: int) -> dt.datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, day=28)


def _looks_like_pkcs12(data: bytes) -> bool:
    """Whether ``data`` parses as a PKCS#12 structure (then a failure to open it is the
    passphrase, not the file)."""
    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        return bool(pfx["auth_safe"]["content"].contents)
    except (ValueError, TypeError, KeyError):
        return False


def _damaged() -> str:
    return tr("Berkas kunci rusak atau bukan berkas kunci PKCS#12; tidak ada yang diubah.")


def _name(common_name: str, organisation: str) -> x509.Name:
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    attributes.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, APP_MARKER))
    return x509.Name(attributes)


def _builder(
    subject: x509.Name,
    issuer: x509.Name,
    public_key: rsa.RSAPublicKey,
    start: dt.datetime,
    end: dt.datetime,
) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
    )


def _usage(*, cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not cert_sign,
        content_commitment=not cert_sign,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""
