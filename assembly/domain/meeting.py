"""A Rapat Anggota: its type, when and where it is held, its leaders and agenda, and its
lifecycle as a state machine (DESIGN.md section 3).

The lifecycle: a meeting is prepared as a draft, opened for check-in at the door, opened as a
valid meeting once a recorded quorum check is reached (or suspended while it is not), and
finally closed; a meeting that never reaches quorum is postponed, never held without it
(law.md rule 14). Later issues add signing and locking after closing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from assembly.domain.ad_profile import ItemKind
from assembly.domain.cooperative import TimeZone
from assembly.domain.errors import DomainError
from assembly.i18n import N_, Translator, tr, translator


class MeetingType(StrEnum):
    """Kinds of Rapat Anggota (Permenkop 19/2015; law.md rule 23)."""

    RAT = "rat"  # Rapat Anggota Tahunan, UU 25/1992 Pasal 26
    WORK_PLAN = "ra_rk"  # RA Rencana Kerja dan RAPB
    ELECTION = "ra_pemilihan"  # RA Pemilihan Pengurus dan Pengawas
    SPECIAL = "ra_khusus"  # RA Khusus
    EXTRAORDINARY = "ralb"  # Rapat Anggota Luar Biasa, Permenkop 19/2015 Pasal 1 angka 5

    @property
    def key(self) -> str:
        """The meeting's name as documents write it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            MeetingType.RAT: N_("Rapat Anggota Tahunan"),
            MeetingType.WORK_PLAN: N_("Rapat Anggota Rencana Kerja dan RAPB"),
            MeetingType.ELECTION: N_("Rapat Anggota Pemilihan Pengurus dan Pengawas"),
            MeetingType.SPECIAL: N_("Rapat Anggota Khusus"),
            MeetingType.EXTRAORDINARY: N_("Rapat Anggota Luar Biasa"),
        }[self]

    @property
    def short(self) -> str:
        """The abbreviation used in lists and document numbers: RAT, RALB, …"""
        return {
            MeetingType.RAT: "RAT",
            MeetingType.WORK_PLAN: "RA-RK",
            MeetingType.ELECTION: "RA-PP",
            MeetingType.SPECIAL: "RAK",
            MeetingType.EXTRAORDINARY: "RALB",
        }[self]


class MeetingMode(StrEnum):
    """Where members attend (law.md section 8)."""

    OFFLINE = "luring"  # in a hall
    ONLINE = "daring"  # on an online platform only
    HYBRID = "hibrida"  # both

    @property
    def key(self) -> str:
        """The mode as the form shows it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            MeetingMode.OFFLINE: N_("Luring (tatap muka)"),
            MeetingMode.ONLINE: N_("Daring"),
            MeetingMode.HYBRID: N_("Hibrida (tatap muka dan daring)"),
        }[self]

    @property
    def has_hall(self) -> bool:
        """Whether members can attend in person."""
        return self is not MeetingMode.ONLINE

    @property
    def has_platform(self) -> bool:
        """Whether members can attend online (the platform must then be named)."""
        return self is not MeetingMode.OFFLINE


class MeetingState(StrEnum):
    """Where a meeting stands in its lifecycle."""

    DRAFT = "draft"
    CHECK_IN = "check_in"  # the door is open; the meeting itself is not yet opened
    OPENED = "opened"  # opened with quorum
    SUSPENDED = "suspended"  # quorum not reached at the check: skorsing
    POSTPONED = "postponed"  # quorum never reached: ditunda
    CLOSED = "closed"
    LOCKED = "locked"  # the berita acara carries every required signature: nothing changes

    @property
    def key(self) -> str:
        """The state as lists show it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            MeetingState.DRAFT: N_("Draf"),
            MeetingState.CHECK_IN: N_("Pendaftaran hadir dibuka"),
            MeetingState.OPENED: N_("Rapat dibuka"),
            MeetingState.SUSPENDED: N_("Diskors"),
            MeetingState.POSTPONED: N_("Ditunda"),
            MeetingState.CLOSED: N_("Ditutup"),
            MeetingState.LOCKED: N_("Ditandatangani dan dikunci"),
        }[self]

    @property
    def takes_attendance(self) -> bool:
        """Whether members can check in, leave and return now."""
        return self in (MeetingState.CHECK_IN, MeetingState.OPENED, MeetingState.SUSPENDED)

    @property
    def is_finished(self) -> bool:
        """Whether the meeting is over: it is then read-only."""
        return self in (MeetingState.CLOSED, MeetingState.POSTPONED, MeetingState.LOCKED)


class Move(StrEnum):
    """The lifecycle's moves."""

    OPEN_CHECK_IN = "open_check_in"
    OPEN = "open"
    SUSPEND = "suspend"
    POSTPONE = "postpone"
    CLOSE = "close"

    @property
    def key(self) -> str:
        """The move as a refusal names it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            Move.OPEN_CHECK_IN: N_("membuka pendaftaran hadir"),
            Move.OPEN: N_("membuka rapat"),
            Move.SUSPEND: N_("menskors rapat"),
            Move.POSTPONE: N_("menunda rapat"),
            Move.CLOSE: N_("menutup rapat"),
        }[self]


_MOVES: dict[tuple[MeetingState, Move], MeetingState] = {
    (MeetingState.DRAFT, Move.OPEN_CHECK_IN): MeetingState.CHECK_IN,
    (MeetingState.CHECK_IN, Move.OPEN): MeetingState.OPENED,
    (MeetingState.SUSPENDED, Move.OPEN): MeetingState.OPENED,
    (MeetingState.CHECK_IN, Move.SUSPEND): MeetingState.SUSPENDED,
    (MeetingState.SUSPENDED, Move.SUSPEND): MeetingState.SUSPENDED,
    (MeetingState.CHECK_IN, Move.POSTPONE): MeetingState.POSTPONED,
    (MeetingState.SUSPENDED, Move.POSTPONE): MeetingState.POSTPONED,
    (MeetingState.OPENED, Move.CLOSE): MeetingState.CLOSED,
}


def allowed_moves(state: MeetingState) -> list[Move]:
    """The moves the lifecycle allows from ``state`` (before any quorum condition)."""
    return [move for (source, move) in _MOVES if source is state]


def transition(state: MeetingState, move: Move, *, quorate: bool = False) -> MeetingState:
    """The state after ``move`` from ``state``; an illegal move raises DomainError.

    Opening needs ``quorate``: a recorded quorum check that was reached. No meeting is ever
    declared valid without quorum (law.md rule 14)."""
    target = _MOVES.get((state, move))
    if target is None:
        raise DomainError(_refusal(state, move))
    if move is Move.OPEN and not quorate:
        raise DomainError(
            tr(
                "Rapat tidak dapat dibuka tanpa kuorum: catat pemeriksaan kuorum yang "
                "tercapai lebih dahulu."
            )
        )
    return target


def _refusal(state: MeetingState, move: Move) -> str:
    if state is MeetingState.LOCKED:
        return tr(
            "Berita acara rapat ini sudah ditandatangani dan rapat dikunci; tidak dapat "
            "{action}. Perbaikan dibuat dengan adendum.",
            action=tr(move.key),
        )
    if state is MeetingState.CLOSED:
        return tr("Rapat sudah ditutup; tidak dapat {action}.", action=tr(move.key))
    if state is MeetingState.POSTPONED:
        return tr(
            "Rapat sudah ditunda karena kuorum tidak tercapai; tidak dapat {action}. "
            "Buat rapat baru untuk melanjutkannya.",
            action=tr(move.key),
        )
    if state is MeetingState.DRAFT:
        return tr(
            "Rapat masih draf; buka pendaftaran hadir lebih dahulu sebelum {action}.",
            action=tr(move.key),
        )
    if move is Move.OPEN_CHECK_IN:
        return tr("Pendaftaran hadir sudah dibuka.")
    if move is Move.CLOSE:
        return tr(
            "Hanya rapat yang sudah dibuka yang dapat ditutup (status sekarang: {state}).",
            state=tr(state.key),
        )
    return tr(
        "Tidak dapat {action}: status rapat sekarang {state}.",
        action=tr(move.key),
        state=tr(state.key),
    )


class OfficerRole(StrEnum):
    """The meeting's leaders (law.md rule 27)."""

    CHAIR = "ketua"  # Ketua / Pimpinan Rapat
    SECRETARY = "sekretaris"  # Sekretaris / Notulis
    WITNESS = "saksi"
    # "Mengetahui": who acknowledges the minutes without leading the meeting (the Ketua
    # Pengurus, or the Dinas official present); law.md section 10, optional.
    ACKNOWLEDGER = "mengetahui"

    @property
    def key(self) -> str:
        """The role as the signature block writes it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            OfficerRole.CHAIR: N_("Ketua Rapat"),
            OfficerRole.SECRETARY: N_("Sekretaris/Notulis"),
            OfficerRole.WITNESS: N_("Saksi"),
            OfficerRole.ACKNOWLEDGER: N_("Mengetahui"),
        }[self]


# Who signs the berita acara (law.md section 10): the chair and the secretary always; the two
# meeting witnesses and the "Mengetahui" block when the meeting requires them.
ALWAYS_SIGNERS = ("ketua", "sekretaris")
OPTIONAL_SIGNERS = ("saksi1", "saksi2", "mengetahui")


def signer_label(key: str) -> str:
    """A signing role as the meeting form and page name it (the active language)."""
    return signer_title(key, translator())


def signer_title(key: str, t: Translator) -> str:
    """One label per signing role, on every document and screen (issue 11, point 4): the
    berita acara's and the Daftar Hadir's signature blocks, the meeting form, and what
    ``verify`` and the signing page say is missing: "Ketua Rapat", "Sekretaris Rapat",
    "Saksi Rapat 1", "Mengetahui"."""
    if key == "ketua":
        return t.tr("Ketua Rapat")
    if key == "sekretaris":
        return t.tr("Sekretaris Rapat")
    if key == "mengetahui":
        return t.tr("Mengetahui")
    if key.startswith("saksi") and key[5:].isdigit():
        return t.tr("Saksi Rapat {n}", n=int(key[5:]))
    return key


@dataclass(frozen=True)
class Officer:
    """One of the meeting's leaders; ``member_id`` when they are on the register."""

    role: OfficerRole
    name: str
    member_id: int | None = None


@dataclass(frozen=True)
class AgendaItem:
    """One item of the agenda (acara). ``position`` counts from 1; ``notes`` holds the
    secretary's notes once the meeting runs; ``started_at``/``ended_at`` when the chair took it
    up and moved on (the minutes place the meeting's events by them)."""

    title: str
    kind: ItemKind = ItemKind.ORDINARY
    position: int = 0
    notes: str = ""
    id: int | None = None
    started_at: dt.datetime | None = None
    ended_at: dt.datetime | None = None


@dataclass(frozen=True)
class Meeting:
    """A Rapat Anggota. ``id`` is None until it is saved.

    ``cutoff_date`` is the register's cut-off: who counts and votes is decided as of that day.
    ``profile_version`` is the AD profile version it is held under. ``registered`` and
    ``entitled`` are the register's figures as of the cut-off, fixed when check-in opens and
    refreshed at each recorded quorum check."""

    kind: MeetingType
    date: dt.date
    start: dt.time
    cutoff_date: dt.date
    profile_version: int
    time_zone: TimeZone = TimeZone.WIB
    financial_year: int | None = None
    subject: str = ""
    venue: str = ""
    mode: MeetingMode = MeetingMode.OFFLINE
    platform: str = ""
    document_number: str = ""
    invitation_date: dt.date | None = None
    state: MeetingState = MeetingState.DRAFT
    agenda: tuple[AgendaItem, ...] = ()
    officers: tuple[Officer, ...] = ()
    registered: int | None = None
    entitled: int | None = None
    check_in_opened_at: dt.datetime | None = None
    opened_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    suspended_until: dt.datetime | None = None
    id: int | None = None
    # The optional roles (of OPTIONAL_SIGNERS) that must also sign the berita acara before it
    # locks; None for a meeting saved before the setting existed (then every witness field in
    # the document is required, as before).
    signers: tuple[str, ...] | None = None

    @property
    def required_signers(self) -> tuple[str, ...]:
        """Every role that must sign the berita acara: the chair and the secretary always,
        then the optional roles chosen for this meeting."""
        return ALWAYS_SIGNERS + tuple(k for k in OPTIONAL_SIGNERS if k in (self.signers or ()))

    def title_in(self, t: Translator) -> str:
        """ "Rapat Anggota Tahunan Tahun Buku 2025", with the subject when there is one, in
        ``t``'s language."""
        return meeting_title(self.kind, self.financial_year, self.subject, t)

    @property
    def zone(self) -> dt.timezone:
        """The meeting's time zone as a fixed offset."""
        return zone_of(self.time_zone)

    @property
    def starts_at(self) -> dt.datetime:
        """The announced start as an aware time."""
        return dt.datetime.combine(self.date, self.start, self.zone)

    @property
    def read_only(self) -> bool:
        """Whether nothing of it may change any more."""
        return self.state.is_finished

    def officer(self, role: OfficerRole) -> Officer | None:
        """The first officer in ``role``."""
        return next((o for o in self.officers if o.role is role), None)

    def item_kinds(self) -> set[ItemKind]:
        """The kinds of item on the agenda."""
        return {item.kind for item in self.agenda}


def zone_of(zone: TimeZone) -> dt.timezone:
    """A fixed-offset tzinfo for an Indonesian time zone, named as documents name it."""
    return dt.timezone(dt.timedelta(hours=zone.utc_offset_hours), zone.value)


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def roman_month(month: int) -> str:
    """The month in Roman numerals, as Indonesian document numbers write it."""
    return _ROMAN[month - 1]


def suggest_document_number(sequence: int, kind: MeetingType, code: str, day: dt.date) -> str:
    """The berita acara's number, e.g. ``001/BA-RAT/KSP-SB/III/2026`` (law.md rule 38)."""
    return f"{sequence:03d}/BA-{kind.short}/{code.strip() or 'KOP'}/{roman_month(day.month)}/{day.year}"


@dataclass(frozen=True)
class MeetingSummary:
    """One line of the meetings list."""

    id: int
    kind: MeetingType
    financial_year: int | None
    subject: str
    date: dt.date
    state: MeetingState
    mode: MeetingMode
    present: int = 0
    entitled: int | None = None
    start: dt.time | None = None
    time_zone: TimeZone = TimeZone.WIB
    document_number: str = ""

    @property
    def read_only(self) -> bool:
        """Whether the meeting is over and can only be read."""
        return self.state.is_finished

    def choice(self, t: Translator) -> str:
        """How every selector names the meeting, so that two meetings of one day are told
        apart: "RAT — Rapat Anggota Tahunan Tahun Buku 2025, 14-03-2026 pukul 09.00 WIB,
        No. 001/BA-RAT/KSP/III/2026"."""
        when = f"{self.date:%d-%m-%Y}"
        if self.start is not None:
            when = t.tr(
                "{date} pukul {time} {zone}",
                date=when,
                time=f"{self.start:%H.%M}",
                zone=self.time_zone.value,
            )
        text = t.tr(
            "{kind} — {title}, {when}", kind=self.kind.short, title=self.title_in(t), when=when
        )
        if self.document_number.strip():
            text = t.tr("{text}, No. {number}", text=text, number=self.document_number.strip())
        return text

    def title_in(self, t: Translator) -> str:
        """ "Rapat Anggota Tahunan Tahun Buku 2025 — subject" in ``t``'s language."""
        return meeting_title(self.kind, self.financial_year, self.subject, t)


def meeting_title(
    kind: MeetingType, financial_year: int | None, subject: str, t: Translator
) -> str:
    """ "Rapat Anggota Tahunan Tahun Buku 2025", with the subject when there is one, in
    ``t``'s language: the meeting's name as lists and documents write it."""
    text = t.tr(kind.key)
    if financial_year is not None:
        text = t.tr("{meeting} Tahun Buku {year}", meeting=text, year=financial_year)
    if subject.strip():
        text += " — " + subject.strip()
    return text
