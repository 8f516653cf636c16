"""Verifying the signatures in a PDF: who signed, in which role, and whether anything changed.

Judged the way stack.md section 5 warns: ``st.valid`` alone stays True on a tampered file, so
a signature counts only when the signed bytes hash to what was signed (``intact``), the
signature over them checks out (``valid``), its certificate chains to the trust anchor and fits
signing (``trusted``), and whatever was appended after it is no more than filling in fields
and further signatures (``modification_level`` up to FORM_FILLING, ``docmdp_ok``).

Trust, plainly: Kuorum's own keys have no outside authority behind them, so a signature's own
embedded root certificate is its trust anchor. That proves the document was not changed since
that key signed it, not who holds the key; the certificate fingerprint is shown so the
cooperative can compare it with the one its officer announced. Verification happens at the
signing time the signer claims (PAdES B-B has no time-stamp; offline there is no TSA), so
minutes signed years ago still verify after the certificate's five years run out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from asn1crypto import x509 as asn1_x509  # type: ignore[import-untyped]
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.pdf.keys import CertificateInfo, describe
from assembly.pdf.signature_fields import Role, role_from_field
from assembly.pdf.signed_pdf import open_pdf

# What a signing key must be fit for (the same rule keys.load_key applies before signing).
SIGNING_USAGE = KeyUsageConstraints(key_usage={"digital_signature", "non_repudiation"})
_ALLOWED_AFTER = (
    ModificationLevel.NONE,
    ModificationLevel.LTA_UPDATES,
    ModificationLevel.FORM_FILLING,
)


class Coverage(StrEnum):
    """How much of the file a signature's hash covers."""

    FILE = "file"  # the whole file as it is now: nothing was added after it
    REVISION = "revision"  # the file up to this signature; later revisions were appended
    PARTIAL = "partial"  # not even a whole revision: never acceptable


class Trust(StrEnum):
    """What the signer's certificate was checked against."""

    OWN_ROOT = "own_root"  # the root certificate inside the signature itself
    GIVEN_ROOTS = "given_roots"  # roots the caller supplied (e.g. a PSrE's)


@dataclass(frozen=True)
class SignatureCheck:
    """The verdict on one embedded signature, with every fact behind it."""

    field: str
    role: Role | None
    certificate: CertificateInfo | None
    signing_time: dt.datetime | None
    intact: bool
    valid: bool
    trusted: bool
    trust: Trust
    coverage: Coverage
    later_revisions: bool
    changed_after: bool
    problem: str = ""

    @property
    def ok(self) -> bool:
        """Intact, valid, trusted under the stated trust, and nothing but signatures or
        form filling added after it."""
        return (
            self.intact
            and self.valid
            and self.trusted
            and self.coverage is not Coverage.PARTIAL
            and not self.changed_after
        )


def verify_pdf(data: bytes, trust_roots: Sequence[x509.Certificate] = ()) -> list[SignatureCheck]:
    """Every signature in ``data``, oldest first. DomainError for a file that is not a
    readable PDF; a damaged signature is reported, not raised."""
    reader = open_pdf(data)
    roots = [asn1_x509.Certificate.load(c.public_bytes(Encoding.DER)) for c in trust_roots]
    try:
        signatures = list(reader.embedded_regular_signatures)
    except Exception:  # pyHanko raises many kinds on a mangled file; the user needs one
        raise DomainError(
            tr("Berkas PDF ini rusak atau terpotong dan tidak dapat dibaca.")
        ) from None
    return [_check(sig, roots) for sig in signatures]


def empty_signature_fields(data: bytes) -> list[str]:
    """The signature fields still waiting for a signature (e.g. ``TTD_Sekretaris`` after
    only the chair signed), in document order."""
    reader = open_pdf(data)
    try:
        return [str(name) for name, _v, _r in enumerate_sig_fields(reader, filled_status=False)]
    except Exception:  # a mangled form tree: verify_pdf reports the file as unreadable
        return []


def _check(sig: EmbeddedPdfSignature, given_roots: list[asn1_x509.Certificate]) -> SignatureCheck:
    field = str(sig.field_name)
    role = role_from_field(field)
    try:
        certificate: CertificateInfo | None = describe(
            x509.load_der_x509_certificate(sig.signer_cert.dump())
        )
        claimed = sig.self_reported_timestamp
        # The embedded certificates are parsed lazily: a damaged /Contents fails here too.
        roots = given_roots or _own_roots(sig)
    except Exception as exc:  # an unreadable certificate or date: the signature is broken
        return _broken(field, role, str(exc) or type(exc).__name__)
    trust = Trust.GIVEN_ROOTS if given_roots else Trust.OWN_ROOT
    context = ValidationContext(
        trust_roots=roots,
        other_certs=list(sig.other_embedded_certs),
        moment=claimed,
        allow_fetching=False,
        revocation_mode="soft-fail",
    )
    try:
        status = validate_pdf_signature(sig, context, key_usage_settings=SIGNING_USAGE)
    except Exception as exc:  # a damaged file fails in many ways; each is a failed check
        return _broken(field, role, str(exc) or type(exc).__name__, certificate, claimed)
    if status.coverage is SignatureCoverageLevel.ENTIRE_FILE:
        coverage = Coverage.FILE
    elif status.coverage is SignatureCoverageLevel.ENTIRE_REVISION:
        coverage = Coverage.REVISION
    else:
        coverage = Coverage.PARTIAL
    level = status.modification_level
    changed_after = (
        level is None or level not in _ALLOWED_AFTER or status.docmdp_ok is False
    ) and coverage is not Coverage.FILE
    if coverage is Coverage.REVISION and _is_last_revision(sig):
        # Bytes after the newest signed revision that form no revision of their own: nothing
        # the revision analysis can weigh, so the file is simply no longer the one signed.
        changed_after = True
    problem = "" if status.trust_problem_indic is None else str(status.trust_problem_indic)
    return SignatureCheck(
        field=field,
        role=role,
        certificate=certificate,
        signing_time=claimed,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        trust=trust,
        coverage=coverage,
        later_revisions=coverage is Coverage.REVISION,
        changed_after=changed_after,
        problem=problem,
    )


def _is_last_revision(sig: EmbeddedPdfSignature) -> bool:
    """Whether ``sig`` signed the file's newest revision."""
    return bool(sig.signed_revision == sig.reader.xrefs.total_revisions - 1)


def _own_roots(sig: EmbeddedPdfSignature) -> list[asn1_x509.Certificate]:
    """The self-signed certificates the signature carries, or its own certificate when it
    carries none (a bare self-signed key)."""
    roots = [c for c in sig.other_embedded_certs if c.self_signed != "no"]
    return roots or [sig.signer_cert]


def _broken(
    field: str,
    role: Role | None,
    problem: str,
    certificate: CertificateInfo | None = None,
    claimed: dt.datetime | None = None,
) -> SignatureCheck:
    return SignatureCheck(
        field=field,
        role=role,
        certificate=certificate,
        signing_time=claimed,
        intact=False,
        valid=False,
        trusted=False,
        trust=Trust.OWN_ROOT,
        coverage=Coverage.PARTIAL,
        later_revisions=False,
        changed_after=True,
        problem=problem,
    )
