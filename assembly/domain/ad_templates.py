"""AD-profile templates a new cooperative starts from; the secretary still confirms every value
against its own Anggaran Dasar.

"Koperasi Desa/Kelurahan Merah Putih" (Inpres 9/2025; about 82,000 new village cooperatives)
carries the election guidance of SE Menkop 1/2025 (law.md section 1 update) as warnings: the
kepala desa is ex-officio ketua pengawas, at least 30 % of the pengurus are women, pengurus are
not related to each other. Its RAT deadline is the primary cooperatives' end of March.
"""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from assembly.domain.ad_profile import ADProfile
from assembly.domain.election_checks import SOURCE
from assembly.i18n import N_, tr

MERAH_PUTIH_WOMEN_PERCENT = 30


class ProfileTemplate(StrEnum):
    """The AD-profile templates the first-start wizard offers."""

    GENERAL = "umum"
    MERAH_PUTIH = "merah_putih"

    @property
    def key(self) -> str:
        """The template as the wizard names it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            ProfileTemplate.GENERAL: N_("Umum (nilai yang lazim, sesuaikan dengan AD)"),
            ProfileTemplate.MERAH_PUTIH: N_("Koperasi Desa/Kelurahan Merah Putih"),
        }[self]

    @property
    def explanation(self) -> str:
        """What choosing the template sets, in one sentence."""
        return {
            ProfileTemplate.GENERAL: tr(
                "Kuorum lebih dari 1/2 anggota berhak suara, keputusan lebih dari 1/2 suara sah, "
                "RAT koperasi primer paling lambat akhir Maret."
            ),
            ProfileTemplate.MERAH_PUTIH: tr(
                "Seperti umum, ditambah peringatan dalam pemilihan menurut {source}: kepala desa "
                "hanya ketua pengawas ex officio, sekurang-kurangnya {percent}% pengurus "
                "perempuan, pengurus tanpa hubungan keluarga.",
                source=SOURCE,
                percent=MERAH_PUTIH_WOMEN_PERCENT,
            ),
        }[self]

    def profile(self) -> ADProfile:
        """The AD profile this template starts from."""
        if self is ProfileTemplate.GENERAL:
            return ADProfile()
        return replace(
            ADProfile(),
            warn_village_head_seat=True,
            women_pengurus_min_percent=MERAH_PUTIH_WOMEN_PERCENT,
            warn_related_pengurus=True,
            articles={
                "warn_village_head_seat": SOURCE,
                "women_pengurus_min_percent": SOURCE,
                "warn_related_pengurus": SOURCE,
            },
        )
