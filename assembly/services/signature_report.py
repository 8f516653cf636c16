"""The verification report: each signature in words a secretary or a notary can act on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assembly.domain.cooperative import TimeZone
from assembly.i18n import current_language, tr, translator
from assembly.pdf.keys import Label
from assembly.pdf.signature_fields import role_from_field, stamp_time
from assembly.pdf.verification import Coverage, SignatureCheck, Trust


@dataclass(frozen=True)
class VerificationReport:
    """The signatures of one PDF, oldest first, the SHA-256 of the file checked, and the
    signature fields still empty (a signature yet to come, or a block for a wet signature)."""

    path: Path
    sha256: str
    checks: tuple[SignatureCheck, ...]
    unsigned_fields: tuple[str, ...] = ()
    zone: TimeZone | None = None  # the cooperative's, for the signing times; else WIB-like

    @property
    def all_valid(self) -> bool:
        """At least one signature, and every one intact, valid and unchanged since."""
        return bool(self.checks) and all(check.ok for check in self.checks)

    def lines(self) -> list[str]:
        """The report as lines for a terminal or a dialog, in the active language."""
        lines = [tr("Berkas: {path}", path=self.path), tr("SHA-256: {hash}", hash=self.sha256)]
        total = len(self.checks)
        for number, check in enumerate(self.checks, start=1):
            lines.append("")
            lines.extend(_describe(check, number, total, self.zone))
        if self.unsigned_fields:
            lines.append("")
            words = translator(current_language())
            for field in self.unsigned_fields:
                role = role_from_field(field)
                title = role.title(words) if role else tr("peran tidak dikenal")
                lines.append(
                    tr("Kolom {field} ({role}) belum ditandatangani.", field=field, role=title)
                )
        lines.append("")
        lines.append(self.summary())
        return lines

    def summary(self) -> str:
        """One line: the verdict on the whole file."""
        if not self.checks:
            return tr("TIDAK SAH: berkas ini tidak memuat tanda tangan elektronik.")
        failed = sum(1 for check in self.checks if not check.ok)
        if failed:
            return tr(
                "TIDAK SAH: {failed} dari {total} tanda tangan gagal diperiksa; "
                "jangan gunakan berkas ini sebagai dokumen yang ditandatangani.",
                failed=failed,
                total=len(self.checks),
            )
        return tr(
            "SAH: {total} tanda tangan, semuanya utuh dan sah; tidak ada perubahan "
            "selain penambahan tanda tangan.",
            total=len(self.checks),
        )


def _describe(
    check: SignatureCheck, number: int, total: int, zone: TimeZone | None = None
) -> list[str]:
    words = translator(current_language())
    role = check.role.title(words) if check.role else tr("peran tidak dikenal")
    lines = [
        tr(
            "Tanda tangan {number} dari {total}: kolom {field} ({role})",
            number=number,
            total=total,
            field=check.field,
            role=role,
        )
    ]
    cert = check.certificate
    if cert is not None:
        signer = f"{cert.name} — {cert.organisation}" if cert.organisation else cert.name
        lines.append("  " + tr("Penanda tangan: {signer}", signer=signer))
        lines.append("  " + tr("Jenis: {label}", label=cert.label.value))
        lines.append(
            "  " + tr("Sidik jari sertifikat: {fingerprint}", fingerprint=cert.fingerprint)
        )
    if check.signing_time is not None:
        lines.append(
            "  "
            + tr(
                "Waktu (menurut penanda tangan): {time}",
                time=stamp_time(check.signing_time, zone),
            )
        )
    lines.append("  " + _integrity(check))
    lines.append("  " + _trust(check))
    lines.append("  " + _after(check))
    if check.problem and not check.ok:
        lines.append("  " + tr("Keterangan teknis: {problem}", problem=check.problem))
    lines.append("  " + (tr("Hasil: SAH") if check.ok else tr("Hasil: TIDAK SAH")))
    return lines


def _integrity(check: SignatureCheck) -> str:
    if check.intact and check.valid:
        return tr("Keutuhan: UTUH — bagian yang ditandatangani tidak berubah sejak ditandatangani")
    if not check.intact:
        return tr("Keutuhan: RUSAK — bagian yang ditandatangani telah diubah atau tidak terbaca")
    return tr("Keutuhan: RUSAK — tanda tangan tidak cocok dengan sertifikatnya")


def _trust(check: SignatureCheck) -> str:
    if not check.trusted:
        return tr(
            "Sertifikat: TIDAK dapat diterima (kedaluwarsa, bukan untuk tanda tangan, atau rantainya putus)"
        )
    if check.trust is Trust.GIVEN_ROOTS:
        return tr("Sertifikat: berantai ke akar tepercaya yang diberikan")
    if check.certificate is not None and check.certificate.label is Label.CERTIFIED:
        return tr(
            "Sertifikat: diterbitkan oleh {issuer}; rantainya diperiksa terhadap akar yang "
            "dibawa tanda tangan itu sendiri, tidak terhadap daftar PSrE",
            issuer=check.certificate.issuer,
        )
    return tr(
        "Sertifikat: dibuat sendiri (bukan dari PSrE); membuktikan dokumen tidak berubah sejak "
        "kunci ini menandatangani, tetapi identitas pemegang kunci tidak dijamin pihak ketiga — "
        "cocokkan sidik jarinya"
    )


def _after(check: SignatureCheck) -> str:
    if check.changed_after:
        return tr(
            "Sesudahnya: DIUBAH — ada perubahan setelah tanda tangan ini selain tanda tangan atau isian formulir"
        )
    if check.coverage is Coverage.REVISION:
        return tr("Sesudahnya: hanya ditambah tanda tangan atau isian formulir")
    return tr("Sesudahnya: tidak ada tambahan; tanda tangan ini mencakup seluruh berkas")
