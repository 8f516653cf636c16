"""The cooperative's AD profile: every number the Anggaran Dasar sets for its Rapat Anggota.

UU 25/1992 Pasal 22(2) and Pasal 8 huruf e leave the conduct of the meeting to the AD, so
quorum, notice, proxies and special majorities are data here, each with the AD article it comes
from, versioned, and shown in the minutes. The defaults are common practice
(``reference/law.md``); the secretary confirms them against the AD before the first meeting.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any

from assembly.domain.errors import Problem
from assembly.domain.quorum import Comparison, QuorumBase, QuorumRule, Rounding, Threshold
from assembly.i18n import N_, tr, trc


class ItemKind(StrEnum):
    """Kind of agenda item, for the rules that apply to its decision."""

    ORDINARY = "biasa"
    AD_AMENDMENT = "perubahan_ad"  # UU 25/1992 Pasal 23 huruf a, Pasal 12
    MERGER = "penggabungan"  # Pasal 23 huruf g
    CONSOLIDATION = "peleburan"  # Pasal 23 huruf g
    DIVISION = "pembagian"  # Pasal 23 huruf g
    DISSOLUTION = "pembubaran"  # Pasal 23 huruf g
    ELECTION = "pemilihan"  # Pasal 23 huruf c
    DISMISSAL = "pemberhentian"  # Pasal 23 huruf c: pemberhentian pengurus/pengawas

    @property
    def is_special(self) -> bool:
        """Whether the AD must set its own quorum and majority for this kind."""
        return self in SPECIAL_KINDS

    @property
    def key(self) -> str:
        """The kind as the agenda shows it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            ItemKind.ORDINARY: N_("Biasa"),
            ItemKind.AD_AMENDMENT: N_("Perubahan Anggaran Dasar"),
            ItemKind.MERGER: N_("Penggabungan"),
            ItemKind.CONSOLIDATION: N_("Peleburan"),
            ItemKind.DIVISION: N_("Pembagian"),
            ItemKind.DISSOLUTION: N_("Pembubaran"),
            ItemKind.ELECTION: N_("Pemilihan pengurus/pengawas"),
            ItemKind.DISMISSAL: N_("Pemberhentian pengurus/pengawas"),
        }[self]

    @property
    def is_about_persons(self) -> bool:
        """Whether the vote is on persons, secret by default (law.md rule 18)."""
        return self in (ItemKind.ELECTION, ItemKind.DISMISSAL)


PRIMARY_RAT_MONTHS = 3  # Kemenkop, 10 Feb 2026: koperasi primer "maksimal akhir Maret"
SECONDARY_RAT_MONTHS = 6  # UU 25/1992 Pasal 26 ayat (2)

SPECIAL_KINDS = frozenset(
    {
        ItemKind.AD_AMENDMENT,
        ItemKind.MERGER,
        ItemKind.CONSOLIDATION,
        ItemKind.DIVISION,
        ItemKind.DISSOLUTION,
    }
)


class MajorityBase(StrEnum):
    """What a majority is counted out of; the result always states it."""

    VALID_VOTES = "valid"  # suara sah (setuju + tidak setuju by default)
    PRESENT = "present"  # anggota hadir yang berhak suara at the snapshot
    ALL_MEMBERS = "members"  # seluruh anggota yang berhak suara


@dataclass(frozen=True)
class MajorityRule:
    """How many votes in favour a motion needs."""

    threshold: Threshold = Threshold()
    base: MajorityBase = MajorityBase.VALID_VOTES

    def describe(self) -> str:
        """The rule in words, e.g. "lebih dari 1/2 suara sah"."""
        of = {
            MajorityBase.VALID_VOTES: tr("suara sah"),
            MajorityBase.PRESENT: tr("anggota yang hadir"),
            MajorityBase.ALL_MEMBERS: tr("seluruh anggota"),
        }[self.base]
        return f"{self.threshold.describe()} {of}"


class TieBreak(StrEnum):
    """How a tie for an election's last seat is broken (law.md rule 17; the AD's choice)."""

    RUNOFF = "runoff"  # pemilihan ulang antara calon yang suaranya sama (default)
    LOT = "lot"  # diundi di hadapan rapat
    CHAIR = "chair"  # diputuskan oleh pimpinan rapat

    @property
    def key(self) -> str:
        """The choice as the AD profile form shows it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            TieBreak.RUNOFF: N_("pemilihan ulang antara calon yang suaranya sama"),
            TieBreak.LOT: N_("diundi di hadapan rapat"),
            TieBreak.CHAIR: N_("diputuskan oleh pimpinan rapat"),
        }[self]


class NoQuorumAtVote(StrEnum):
    """What happens when quorum has fallen when a vote opens."""

    BLOCK = "block"
    FLAG = "flag"


@dataclass(frozen=True)
class ADProfile:
    """The Rapat Anggota rules of one cooperative's AD, one version of them.

    ``articles`` maps a field name to the AD article it comes from, e.g.
    ``{"quorum": "Pasal 20 ayat (3)"}``; the minutes cite it. ``None`` for a special quorum or
    majority means "not set": a meeting with such an item cannot be finalised.
    """

    quorum: QuorumRule = QuorumRule()
    # Failed quorum: suspend, re-check, then a second call (law.md rule 14; all UNCONFIRMED).
    suspension_minutes: int = 30
    rechecks: int = 1
    second_call_quorum: QuorumRule | None = None
    reconvene_within_days: int | None = None
    reconvene_needs_invitation: bool = True
    notice_days: int = 14  # law.md rule 24, UNCONFIRMED as law
    # None: the ministry's calendar (Feb 2026): primary cooperatives by the end of the third
    # month (31 March), secondary ones within UU 25/1992 Pasal 26(2)'s six months.
    rat_deadline_months: int | None = None
    candidates_may_vote: bool = False  # law.md rule 7, UNCONFIRMED
    extraordinary_may_vote: bool = False
    arrears_suspend_vote: bool = False  # law.md rule 43, UNCONFIRMED
    proxies_enabled: bool = False  # law.md rule 13, UNCONFIRMED
    proxy_cap: int = 1
    majority: MajorityRule = MajorityRule()  # law.md rule 16 default
    abstain_counts_as_cast: bool = False
    invalid_counts_as_cast: bool = False
    special_quorum: dict[ItemKind, QuorumRule | None] = field(
        default_factory=lambda: dict.fromkeys(sorted(SPECIAL_KINDS), None)
    )
    special_majority: dict[ItemKind, MajorityRule | None] = field(
        default_factory=lambda: dict.fromkeys(sorted(SPECIAL_KINDS), None)
    )
    no_quorum_at_vote: NoQuorumAtVote = NoQuorumAtVote.BLOCK  # law.md rule 19
    secret_ballot_for_persons: bool = True  # law.md rule 18
    tie_break: TieBreak = TieBreak.RUNOFF  # law.md rule 17
    # Koperasi Desa/Kelurahan Merah Putih (SE Menkop 1/2025): warnings, never refusals.
    warn_village_head_seat: bool = False  # kepala desa is ex-officio ketua pengawas only
    women_pengurus_min_percent: int = 0  # 0: no warning; Merah Putih: 30
    warn_related_pengurus: bool = False  # no blood or marriage ties among pengurus
    # Masa jabatan of the Pengurus and Pengawas in years (UU 25/1992 Pasal 29 ayat (2) and
    # Pasal 38 ayat (2): at most five); None: the AD's period is not entered, and the berita
    # acara names the elected without a period.
    term_years: int | None = None
    articles: dict[str, str] = field(default_factory=dict)

    def term_period(self, first_year: int) -> str:
        """ "2026–2028": the years of a term that begins in ``first_year`` (the financial
        year after the one the meeting reports on); "" when the AD's term is not entered."""
        if self.term_years is None:
            return ""
        return f"{first_year}\u2013{first_year + self.term_years - 1}"

    def article(self, name: str) -> str:
        """The AD article behind field ``name``, or "" when none was given."""
        return self.articles.get(name, "")

    def quorum_for(self, kind: ItemKind) -> QuorumRule | None:
        """The quorum an item of ``kind`` needs (None: special and not set)."""
        return self.special_quorum.get(kind) if kind.is_special else self.quorum

    def majority_for(self, kind: ItemKind) -> MajorityRule | None:
        """The majority an item of ``kind`` needs (None: special and not set)."""
        return self.special_majority.get(kind) if kind.is_special else self.majority

    def deadline_months(self, secondary: bool = False) -> int:
        """Months after the financial year within which the RAT is held: the AD's value, else
        3 for a primary cooperative (ministry, Feb 2026) and 6 for a secondary one (Pasal 26)."""
        if self.rat_deadline_months is not None:
            return self.rat_deadline_months
        return SECONDARY_RAT_MONTHS if secondary else PRIMARY_RAT_MONTHS

    def unset_special_rules(self, kinds: set[ItemKind]) -> list[ItemKind]:
        """The special kinds among ``kinds`` whose quorum or majority the AD profile lacks."""
        return sorted(
            k
            for k in kinds
            if k.is_special
            and (self.special_quorum.get(k) is None or self.special_majority.get(k) is None)
        )


@dataclass(frozen=True)
class ADProfileVersion:
    """A saved version of the AD profile. Meetings keep the version they were held under."""

    version: int
    profile: ADProfile
    saved_at: dt.datetime
    confirmed: bool  # the secretary checked these values against the AD
    note: str = ""


def unset_special_refusal(profile: ADProfile, kinds: set[ItemKind]) -> str | None:
    """Why a meeting with items of ``kinds`` cannot be closed (law.md rule 15): the special
    kinds whose quorum or majority the AD profile lacks; None when all are set."""
    missing = profile.unset_special_rules(kinds)
    if not missing:
        return None
    return tr(
        "Rapat tidak dapat ditutup: kuorum dan keputusan khusus untuk acara {kinds} belum "
        "diatur di profil AD yang berlaku untuk rapat ini (UU 25/1992 Pasal 23 huruf a dan g). "
        "Tanpa nilai itu keputusannya tidak sah: keluarkan acara itu dari agenda untuk dibahas "
        "pada rapat berikutnya, atau lengkapi profil AD sebelum pendaftaran hadir dibuka.",
        kinds=", ".join(tr(k.key) for k in missing),
    )


def validate_profile(profile: ADProfile) -> list[Problem]:
    """The problems in an AD profile, each naming its field."""
    problems: list[Problem] = []
    if profile.suspension_minutes < 0 or profile.suspension_minutes > 24 * 60:
        problems.append(Problem(tr("Antara 0 dan 1440 menit"), tr("Lama skorsing")))
    if profile.rechecks < 0 or profile.rechecks > 10:
        problems.append(
            Problem(tr("Antara 0 dan 10 kali"), trc("kolom profil AD", "Pemeriksaan ulang kuorum"))
        )
    if not 0 <= profile.notice_days <= 365:
        problems.append(Problem(tr("Antara 0 dan 365 hari"), tr("Jangka waktu undangan")))
    if profile.rat_deadline_months is not None and not 1 <= profile.rat_deadline_months <= 6:
        # UU 25/1992 Pasal 26 ayat (2): never later than six months after the year ends.
        problems.append(Problem(tr("Antara 1 dan 6 bulan"), tr("Batas waktu RAT")))
    for kind, rule in profile.special_quorum.items():
        if rule is not None and rule.base is not profile.quorum.base:
            # Both are counted on the same members present (attendance keeps one flag).
            problems.append(
                Problem(
                    tr("Kuorum khusus dihitung dari dasar yang sama dengan kuorum rapat"),
                    tr("{kind}: kuorum", kind=tr(kind.key)),
                )
            )
    if not 0 <= profile.women_pengurus_min_percent <= 100:
        problems.append(Problem(tr("Antara 0 dan 100 persen"), tr("Pengurus perempuan")))
    if profile.term_years is not None and not 1 <= profile.term_years <= 5:
        # UU 25/1992 Pasal 29 ayat (2), Pasal 38 ayat (2): paling lama 5 (lima) tahun.
        problems.append(Problem(tr("Antara 1 dan 5 tahun"), tr("Masa jabatan")))
    if profile.proxies_enabled and not 1 <= profile.proxy_cap <= 10:
        problems.append(Problem(tr("Antara 1 dan 10 kuasa"), tr("Batas kuasa per penerima")))
    return problems


# --- storage form: plain JSON-able dicts -------------------------------------------------------


def profile_to_data(profile: ADProfile) -> dict[str, Any]:
    """The profile as plain data for storage."""
    data: dict[str, Any] = {}
    for f in fields(profile):
        value = getattr(profile, f.name)
        if f.name in ("special_quorum", "special_majority"):
            data[f.name] = {k.value: _rule_to_data(v) for k, v in value.items()}
        else:
            data[f.name] = _rule_to_data(value)
    return data


def profile_from_data(data: dict[str, Any]) -> ADProfile:
    """The profile from stored data; fields the data lacks keep their defaults."""
    base = ADProfile()
    changes: dict[str, Any] = {}
    for f in fields(base):
        if f.name not in data:
            continue
        raw = data[f.name]
        if f.name in ("quorum", "second_call_quorum"):
            changes[f.name] = None if raw is None else _quorum_from(raw)
        elif f.name == "majority":
            changes[f.name] = _majority_from(raw)
        elif f.name == "special_quorum":
            changes[f.name] = {
                ItemKind(k): None if v is None else _quorum_from(v) for k, v in raw.items()
            }
        elif f.name == "special_majority":
            changes[f.name] = {
                ItemKind(k): None if v is None else _majority_from(v) for k, v in raw.items()
            }
        elif f.name == "no_quorum_at_vote":
            changes[f.name] = NoQuorumAtVote(raw)
        elif f.name == "tie_break":
            changes[f.name] = TieBreak(raw)
        else:
            changes[f.name] = raw
    return replace(base, **changes)


def _rule_to_data(value: Any) -> Any:
    if isinstance(value, QuorumRule):
        return {"threshold": _rule_to_data(value.threshold), "base": value.base.value}
    if isinstance(value, MajorityRule):
        return {"threshold": _rule_to_data(value.threshold), "base": value.base.value}
    if isinstance(value, Threshold):
        return {
            "numerator": value.numerator,
            "denominator": value.denominator,
            "comparison": value.comparison.value,
            "rounding": value.rounding.value,
        }
    if isinstance(value, StrEnum):
        return value.value
    return value


def _threshold_from(raw: dict[str, Any]) -> Threshold:
    return Threshold(
        int(raw["numerator"]),
        int(raw["denominator"]),
        Comparison(raw["comparison"]),
        Rounding(raw.get("rounding", Rounding.DOWN.value)),
    )


def _quorum_from(raw: dict[str, Any]) -> QuorumRule:
    return QuorumRule(_threshold_from(raw["threshold"]), QuorumBase(raw["base"]))


def _majority_from(raw: dict[str, Any]) -> MajorityRule:
    return MajorityRule(_threshold_from(raw["threshold"]), MajorityBase(raw["base"]))
