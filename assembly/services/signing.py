"""Officers' keys, signing the berita acara, and verifying signed PDFs.

Works with or without an open database: ``keys new``, ``sign`` and ``verify`` on the command
line take no ``--db``, and then nothing is audited; inside the app every key made, signature
placed and verification run is an audit event. Every refusal changes nothing: output goes to a
temporary file beside the target and replaces it in one ``os.replace``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assembly.domain.cooperative import Cooperative
from assembly.domain.errors import DomainError
from assembly.i18n import tr, translator
from assembly.pdf.signature_fields import Placement, role_of
from assembly.persistence import audit_log, cooperative_store
from assembly.services.context import ServiceContext
from assembly.services.files import write_atomically

if TYPE_CHECKING:
    from assembly.pdf.keys import CertificateInfo
    from assembly.services.signature_report import VerificationReport

# pyHanko and the crypto stack take over a second to import: the modules that need them are
# imported when a key is made, a PDF signed or verified, not when the app starts.

__all__ = ["KeyCreated", "Placement", "Signed", "SigningService", "VerificationReport", "parse_box"]

MIN_PASSPHRASE = 8
MAX_NAME = 64  # X.509 upper bound for a common name (RFC 5280)


@dataclass(frozen=True)
class KeyCreated:
    """A new key file and the certificate inside it."""

    path: Path
    certificate: CertificateInfo


@dataclass(frozen=True)
class Signed:
    """A PDF signed in one role: where it is now and its new SHA-256."""

    path: Path
    role: str
    role_title: str
    certificate: CertificateInfo
    signing_time: dt.datetime
    sha256: str


class SigningService:
    """Makes officers' keys, signs PDFs in a role's field, verifies signed PDFs.

    ``ctx`` is None on the command line without a database: the clock is then the computer's
    and nothing is audited."""

    def __init__(self, ctx: ServiceContext | None = None) -> None:
        self._ctx = ctx

    def new_key(
        self,
        name: str,
        out_path: Path,
        passphrase: str,
        role: str | None = None,
        organisation: str | None = None,
    ) -> KeyCreated:
        """Create an officer's key in ``out_path`` (never over an existing file). The
        certificate names ``name`` and the cooperative; the passphrase is not kept."""
        name = " ".join(name.split())
        if not name:
            raise DomainError(tr("Nama pemegang kunci wajib diisi."))
        if len(name) > MAX_NAME:
            raise DomainError(tr("Nama pemegang kunci paling banyak {n} karakter.", n=MAX_NAME))
        if len(passphrase) < MIN_PASSPHRASE:
            raise DomainError(tr("Kata sandi kunci minimal {n} karakter.", n=MIN_PASSPHRASE))
        if role is not None:
            role = role_of(role).key
        out_path = Path(out_path)
        if out_path.exists():
            raise DomainError(
                tr("Berkas {path} sudah ada; kunci yang ada tidak ditimpa.", path=out_path)
            )
        from assembly.pdf.keys import create_key, describe, load_key

        coop = self._cooperative()
        if organisation is None:
            organisation = coop.name if coop else ""
        data = create_key(name, organisation.strip(), passphrase.encode("utf-8"), self._now())
        _write_atomically(out_path, data, private=True)
        info = describe(load_key(data, passphrase.encode("utf-8"), self._now()).certificate)
        self._audit(
            "signing.key_created",
            {
                "name": info.name,
                "organisation": info.organisation,
                "role": role,
                "fingerprint": info.fingerprint,
                "not_after": info.not_after.isoformat(),
                "file": out_path.name,
            },
        )
        return KeyCreated(out_path, info)

    def sign(
        self,
        pdf_path: Path,
        key_path: Path,
        passphrase: str,
        role: str,
        out_path: Path | None = None,
        placement: Placement | None = None,
        language: str = "id",
    ) -> Signed:
        """Sign ``pdf_path`` as ``role`` with the key in ``key_path``; the result goes to
        ``out_path`` (default: the same file, replaced atomically). The role's empty field
        is used when the document has one, else ``placement``, else the foot of the last
        page. The stamp is written in ``language``, the document's language."""
        from assembly.pdf.keys import load_key
        from assembly.pdf.signing import SignatureRequest, sign_pdf

        pdf_path, key_path = Path(pdf_path), Path(key_path)
        target = Path(out_path) if out_path is not None else pdf_path
        officer = role_of(role)
        role_key = officer.key
        key_data = _read(
            key_path, tr("Berkas kunci {path} tidak ditemukan; tidak ada yang diubah.")
        )
        document = _read(pdf_path, tr("Berkas {path} tidak ditemukan; tidak ada yang diubah."))
        now = self._now()
        key = load_key(key_data, passphrase.encode("utf-8"), now)
        coop = self._cooperative()
        request = SignatureRequest(
            role=role_key,
            signing_time=now,
            zone=coop.time_zone if coop else None,
            placement=placement,
            location=coop.city if coop else "",
            language=language,
        )
        try:
            signed = sign_pdf(document, key, request)
        except DomainError as exc:
            raise DomainError(f"{pdf_path}: {exc.message}") from None
        _write_atomically(target, signed)
        digest = hashlib.sha256(signed).hexdigest()
        self._audit(
            "signing.signed",
            {
                "file": target.name,
                "role": role_key,
                "signer": key.info.name,
                "label": key.info.label.value,
                "fingerprint": key.info.fingerprint,
                "sha256_before": hashlib.sha256(document).hexdigest(),
                "sha256": digest,
            },
        )
        return Signed(target, role_key, officer.title(translator()), key.info, now, digest)

    def inspect_key(self, key_path: Path, passphrase: str) -> CertificateInfo:
        """Open a key file (made here or issued by a CA) to show who holds it, its label and
        its validity; refused with the reason when it cannot sign now. Nothing is kept."""
        from assembly.pdf.keys import load_key

        key_path = Path(key_path)
        data = _read(key_path, tr("Berkas kunci {path} tidak ditemukan; tidak ada yang diubah."))
        return load_key(data, passphrase.encode("utf-8"), self._now()).info

    def verify(self, pdf_path: Path) -> VerificationReport:
        """Check every signature in ``pdf_path``; see :class:`VerificationReport`."""
        from assembly.pdf.verification import empty_signature_fields, verify_pdf
        from assembly.services.signature_report import VerificationReport

        pdf_path = Path(pdf_path)
        data = _read(pdf_path, tr("Berkas {path} tidak ditemukan."))
        try:
            checks = verify_pdf(data)
        except DomainError as exc:
            raise DomainError(f"{pdf_path}: {exc.message}") from None
        report = VerificationReport(
            pdf_path,
            hashlib.sha256(data).hexdigest(),
            tuple(checks),
            tuple(empty_signature_fields(data)),
            coop.time_zone if (coop := self._cooperative()) else None,
        )
        self._audit(
            "signing.verified",
            {
                "file": pdf_path.name,
                "sha256": report.sha256,
                "signatures": len(checks),
                "all_valid": report.all_valid,
                "unsigned_fields": list(report.unsigned_fields),
            },
        )
        return report

    def _now(self) -> dt.datetime:
        return self._ctx.now() if self._ctx else dt.datetime.now().astimezone()

    def _cooperative(self) -> Cooperative | None:
        if self._ctx is None:
            return None
        with self._ctx.db.read() as conn:
            return cooperative_store.load(conn)

    def _audit(self, kind: str, payload: Mapping[str, Any]) -> None:
        if self._ctx is None:
            return
        with self._ctx.db.write() as conn:
            audit_log.append(conn, self._ctx.actor, kind, payload)


def parse_box(text: str) -> tuple[float, float, float, float]:
    """``"60,490,270,570"`` as a field box in points; DomainError for anything else."""
    try:
        x1, y1, x2, y2 = (float(part) for part in text.replace(" ", "").split(","))
    except ValueError:
        raise DomainError(
            tr("Kotak {box} tidak dapat dibaca; tulis x1,y1,x2,y2 dalam poin.", box=text)
        ) from None
    if abs(x2 - x1) < 20 or abs(y2 - y1) < 20:
        raise DomainError(tr("Kotak {box} terlalu kecil untuk tanda tangan.", box=text))
    return x1, y1, x2, y2


def _read(path: Path, missing: str) -> bytes:
    """The bytes of ``path``; DomainError naming it when it is missing or unreadable.
    ``missing`` is the already-translated message, with ``{path}`` still to fill in."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise DomainError(missing.replace("{path}", str(path))) from None
    except IsADirectoryError:
        raise DomainError(tr("{path} adalah folder, bukan berkas.", path=path)) from None
    except OSError as exc:
        raise DomainError(
            tr("Berkas {path} tidak dapat dibaca: {reason}", path=path, reason=exc.strerror)
        ) from None


def _write_atomically(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``data`` to ``path`` whole or not at all. A key stays private (0600); a PDF
    keeps the mode it had, or gets 0644."""
    if not path.parent.is_dir():
        raise DomainError(
            tr("Folder {folder} tidak ada; tidak ada yang diubah.", folder=path.parent)
        )
    mode = None if private else (path.stat().st_mode & 0o777 if path.exists() else 0o644)
    write_atomically(path, lambda out: out.write(data), mode=mode)
