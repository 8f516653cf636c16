"""Signing a PDF in an officer's visible field: PAdES B-B, SHA-256, as an incremental update.

Each role signs in its own field (``TTD_Ketua``, ``TTD_Sekretaris``, ``TTD_Saksi1`` …). The
berita acara creates these fields empty inside its printed signature blocks, so a signature
lands there; a document without the field gets one at an explicit :class:`Placement` or, as a
last resort, at the foot of the last page. Earlier revisions are never rewritten: a second
signature is appended after the first, which keeps the first one verifiable (UU ITE Pasal 11:
any change after signing must be detectable).

pyHanko's sync entry points call ``asyncio.run``: call these from a worker thread, never from
inside a running event loop (stack.md section 5, pitfall 5).
"""

from __future__ import annotations

import datetime as dt
import io
import textwrap
from dataclasses import dataclass
from typing import Any

from asn1crypto import keys as asn1_keys  # type: ignore[import-untyped]
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from pyhanko.pdf_utils import text
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import SigFieldSpec, SigSeedSubFilter
from pyhanko.sign.general import SigningError
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash

from assembly.domain.cooperative import TimeZone
from assembly.domain.errors import DomainError
from assembly.i18n import tr, translator
from assembly.pdf.keys import OfficerKey
from assembly.pdf.signature_fields import Placement, Role, default_placement, role_of, stamp_time
from assembly.pdf.signed_pdf import open_pdf
from assembly.pdf.stamp_font import stamp_font

STAMP_FONT_SIZE = 8
_STAMP_WIDTH_CHARS = 40  # at 8 pt, what fits in a 200 pt wide block without shrinking


@dataclass(frozen=True)
class SignatureRequest:
    """Everything about one signing except the document and the key."""

    role: str
    signing_time: dt.datetime
    zone: TimeZone | None = None
    placement: Placement | None = None
    reason: str = ""
    location: str = ""
    language: str = "id"


def sign_pdf(pdf: bytes, key: OfficerKey, request: SignatureRequest) -> bytes:
    """``pdf`` with one more signature, by ``key`` in the field of ``request.role``.

    Raises DomainError (nothing written) for a file that is not a PDF, an encrypted one, or
    one already signed in that role."""
    role = role_of(request.role)
    reader_writer = IncrementalPdfFileWriter.from_reader(open_pdf(pdf))
    words = translator(request.language)
    new_field = _field_spec(reader_writer, role, request.placement)
    meta = signers.PdfSignatureMetadata(
        field_name=role.field,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=request.reason
        or words.tr("Menyetujui isi dokumen ini sebagai {role}", role=role.title(words)),
        location=request.location or None,
        name=key.info.name,
    )
    signer = _TimedPdfSigner(
        meta,
        signer=_simple_signer(key),
        stamp_style=_stamp_style(),
        new_field_spec=new_field,
        signing_time=request.signing_time,
    )
    params = {
        "heading": words.tr("Ditandatangani secara elektronik oleh:"),
        "signer": _wrap(key.info.name),
        "role": _wrap(words.tr("sebagai {role}", role=role.title(words))),
        "label": key.info.label.value,
        "time": words.tr(
            "Waktu: {time}",
            time=stamp_time(request.signing_time, request.zone or zone_of(request.signing_time)),
        ),
    }
    out = io.BytesIO()
    try:
        signer.sign_pdf(
            reader_writer,
            output=out,
            appearance_text_params=params,
            bytes_reserved=_reserved_bytes(key),
        )
    except (SigningError, PdfError) as exc:  # e.g. a certification that forbids more changes
        raise DomainError(
            tr(
                "PDF ini tidak dapat ditandatangani: {reason}. Tidak ada yang diubah.",
                reason=exc,
            )
        ) from None
    return out.getvalue()


def zone_of(moment: dt.datetime) -> TimeZone:
    """The Indonesian zone of ``moment``'s own offset, else WIB: a stamp never shows UTC.

    Used only when the cooperative's zone is unknown (``sign`` without a database), on a
    computer whose clock may well run in UTC; WIB is where most cooperatives are."""
    offset = moment.utcoffset()
    for zone in TimeZone:
        if offset == dt.timedelta(hours=zone.utc_offset_hours):
            return zone
    return TimeZone.WIB


@dataclass(frozen=True)
class DocumentMeta:
    """What a PDF says about itself in its document information dictionary."""

    title: str
    subject: str
    keywords: str


def document_meta(pdf: bytes) -> DocumentMeta:
    """The title, subject and keywords of ``pdf`` (empty when absent); DomainError for a
    file that is not a readable PDF."""
    reader = open_pdf(pdf)
    try:
        info = reader.trailer_view["/Info"]
    except KeyError:
        return DocumentMeta("", "", "")
    return DocumentMeta(*(str(info.get(key, "")) for key in ("/Title", "/Subject", "/Keywords")))


def page_count(pdf: bytes) -> int:
    """The number of pages of ``pdf``; DomainError for a file that is not a readable PDF."""
    return int(open_pdf(pdf).root["/Pages"]["/Count"])


def _field_spec(
    writer: IncrementalPdfFileWriter, role: Role, placement: Placement | None
) -> SigFieldSpec | None:
    """None to sign the existing empty field of ``role``; else where to make it."""
    for name, value, _ref in fields.enumerate_sig_fields(writer.prev, filled_status=None):
        if name != role.field:
            continue
        if value is not None:
            raise DomainError(
                tr(
                    "Dokumen ini sudah ditandatangani sebagai {role}; tidak ada yang diubah.",
                    role=role.title(translator()),
                )
            )
        return None
    pages = int(writer.root["/Pages"]["/Count"])
    if placement is None:
        placement = default_placement(role, _page_width(writer, pages - 1))
    index = placement.page - 1 if placement.page > 0 else pages + placement.page
    if not 0 <= index < pages:
        raise DomainError(
            tr(
                "Halaman {page} tidak ada; dokumen ini {pages} halaman. Tidak ada yang diubah.",
                page=placement.page,
                pages=pages,
            )
        )
    x1, y1, x2, y2 = placement.box
    box = (int(min(x1, x2)), int(min(y1, y2)), int(max(x1, x2)), int(max(y1, y2)))
    return SigFieldSpec(role.field, on_page=index, box=box)


def _page_width(writer: IncrementalPdfFileWriter, index: int) -> float:
    page = writer.prev.find_page_for_modification(index)[0].get_object()  # type: ignore[no-untyped-call]
    x1, _y1, x2, _y2 = (float(v) for v in page["/MediaBox"])
    return abs(x2 - x1)


def _stamp_style() -> TextStampStyle:
    # The same size in the font engine and the text box, or lines after the first drift
    # sideways (pyHanko issue #733, stack.md section 5 pitfall 3).
    font = stamp_font(STAMP_FONT_SIZE)
    return TextStampStyle(
        stamp_text="%(heading)s\n%(signer)s\n%(role)s\n%(label)s\n%(time)s",
        text_box_style=text.TextBoxStyle(
            font=font, font_size=STAMP_FONT_SIZE, leading=STAMP_FONT_SIZE + 2
        ),
        border_width=1,
    )


def _wrap(value: str) -> str:
    return "\n".join(textwrap.wrap(value, _STAMP_WIDTH_CHARS)) or value


def _reserved_bytes(key: OfficerKey) -> int:
    """Room for the CMS container: the certificates it carries, the RSA signature and the
    signed attributes, with a generous margin. Given up front, pyHanko skips its trial
    signature (a second RSA operation) that only measures the size."""
    der = serialization.Encoding.DER
    certificates = sum(len(c.public_bytes(der)) for c in (key.certificate, *key.chain))
    needed = 8192 + certificates + key.private_key.key_size // 8
    return needed + needed % 2  # pyHanko wants an even number


def _simple_signer(key: OfficerKey) -> signers.SimpleSigner:
    der = serialization.Encoding.DER
    private = key.private_key.private_bytes(
        der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    chain = [asn1_x509.Certificate.load(c.public_bytes(der)) for c in key.chain]
    return _OfficerSigner(
        key.private_key,
        signing_cert=asn1_x509.Certificate.load(key.certificate.public_bytes(der)),
        signing_key=asn1_keys.PrivateKeyInfo.load(private),
        cert_registry=SimpleCertificateStore.from_certs(chain),  # type: ignore[no-untyped-call]
    )


class _OfficerSigner(signers.SimpleSigner):
    """pyHanko's SimpleSigner re-parses the private key for every signature, and parsing an
    RSA 3072 key checks it at a cost of about 0.13 s; this one signs with the key already
    opened (PKCS#1 v1.5, pyHanko's default for RSA)."""

    def __init__(self, private_key: rsa.RSAPrivateKey, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._private_key = private_key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
        if mechanism.signature_algo != "rsassa_pkcs1v15":
            return super().sign_raw(data, digest_algorithm)
        digest = get_pyca_cryptography_hash(digest_algorithm)
        return self._private_key.sign(data, padding.PKCS1v15(), digest)


class _TimedPdfSigner(signers.PdfSigner):
    """A PdfSigner whose signing time is the one given (the service's clock), so the stamp,
    the signature dictionary's /M and the CMS signing-time attribute agree."""

    def __init__(
        self,
        signature_meta: signers.PdfSignatureMetadata,
        signer: signers.Signer,
        *,
        stamp_style: TextStampStyle,
        new_field_spec: SigFieldSpec | None,
        signing_time: dt.datetime,
    ) -> None:
        super().__init__(
            signature_meta, signer, stamp_style=stamp_style, new_field_spec=new_field_spec
        )
        self._signing_time = signing_time

    def init_signing_session(self, pdf_out, existing_fields_only=False):  # type: ignore[no-untyped-def]
        session = super().init_signing_session(pdf_out, existing_fields_only)
        session.system_time = self._signing_time
        return session
