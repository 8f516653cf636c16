"""What may be written into a meeting: the checks of its fields and leaders, and which fields
are fixed once check-in opens."""

from __future__ import annotations

from assembly.domain.errors import DomainError, Problem
from assembly.domain.meeting import (
    OPTIONAL_SIGNERS,
    Meeting,
    MeetingState,
    MeetingType,
    Officer,
    OfficerRole,
    signer_label,
)
from assembly.i18n import tr

TITLE_MAX = 300
SUBJECT_MAX = 200
VENUE_MAX = 300
PLATFORM_MAX = 200
DOCUMENT_NUMBER_MAX = 60
OFFICER_NAME_MAX = 120
WITNESSES_MAX = 5


# Fields fixed once check-in opens: who counts, and when and how the meeting is held, cannot
# change under members already checked in.
LOCKED_AFTER_DRAFT: tuple[str, ...] = (
    "kind",
    "financial_year",
    "date",
    "start",
    "time_zone",
    "mode",
    "cutoff_date",
    "invitation_date",
    "profile_version",
)


def field_label(name: str) -> str:
    """The form label of a meeting field, for messages."""
    return {
        "kind": tr("Jenis rapat"),
        "financial_year": tr("Tahun buku"),
        "date": tr("Tanggal"),
        "start": tr("Pukul"),
        "time_zone": tr("Zona waktu"),
        "mode": tr("Cara rapat"),
        "cutoff_date": tr("Tanggal batas daftar anggota"),
        "invitation_date": tr("Tanggal undangan"),
        "profile_version": tr("Versi profil AD"),
        "subject": tr("Pokok rapat"),
        "venue": tr("Tempat"),
        "platform": tr("Platform daring"),
        "document_number": tr("Nomor dokumen"),
        "agenda": tr("Acara"),
        "officers": tr("Pimpinan rapat"),
        "signers": tr("Penanda tangan berita acara"),
    }.get(name, name)


def check_edit(before: Meeting, after: Meeting) -> None:
    """Refuse an edit the meeting's state does not allow: nothing once it is over, and none
    of :data:`LOCKED_AFTER_DRAFT` once check-in has opened."""
    if before.state.is_finished:
        raise DomainError(
            tr("Rapat berstatus {state} hanya dapat dibaca.", state=tr(before.state.key))
        )
    if before.state is MeetingState.DRAFT:
        return
    changed = [n for n in LOCKED_AFTER_DRAFT if getattr(before, n) != getattr(after, n)]
    if changed:
        raise DomainError(
            tr(
                "Setelah pendaftaran hadir dibuka, {fields} tidak dapat diubah lagi.",
                fields=", ".join(field_label(n) for n in changed),
            )
        )


def validate_meeting(meeting: Meeting) -> list[Problem]:
    """The blocking problems of a meeting, each naming its field."""
    problems: list[Problem] = []

    def add(name: str, message: str) -> None:
        problems.append(Problem(message, field_label(name)))

    if meeting.kind is MeetingType.RAT and meeting.financial_year is None:
        add("financial_year", tr("RAT wajib menyebut tahun buku yang dipertanggungjawabkan"))
    if meeting.financial_year is not None and not 1945 <= meeting.financial_year <= 2200:
        add("financial_year", tr("Tahun buku {year} tidak masuk akal", year=meeting.financial_year))
    if meeting.cutoff_date > meeting.date:
        add("cutoff_date", tr("Tanggal batas daftar anggota sesudah tanggal rapat"))
    if meeting.invitation_date is not None and meeting.invitation_date > meeting.date:
        add("invitation_date", tr("Tanggal undangan sesudah tanggal rapat"))
    if meeting.mode.has_hall and not meeting.venue.strip():
        add("venue", tr("Tempat rapat wajib diisi"))
    if meeting.mode.has_platform and not meeting.platform.strip():
        # law.md rule 25: a daring or hibrida meeting records the platform used.
        add("platform", tr("Rapat daring atau hibrida wajib menyebut platformnya"))
    for name, limit in (
        ("subject", SUBJECT_MAX),
        ("venue", VENUE_MAX),
        ("platform", PLATFORM_MAX),
        ("document_number", DOCUMENT_NUMBER_MAX),
    ):
        if len(getattr(meeting, name)) > limit:
            add(name, tr("Paling banyak {n} karakter", n=limit))
    for number, item in enumerate(meeting.agenda, start=1):
        if not item.title.strip():
            add("agenda", tr("Acara nomor {n} belum diberi judul", n=number))
        elif len(item.title) > TITLE_MAX:
            add(
                "agenda",
                tr("Acara nomor {n}: paling banyak {max} karakter", n=number, max=TITLE_MAX),
            )
    problems += validate_officers(meeting.officers)
    problems += validate_signers(meeting)
    return problems


def validate_signers(meeting: Meeting) -> list[Problem]:
    """A role required to sign must have someone named in it: the first witness for "Saksi
    rapat 1", a second one for "Saksi rapat 2", the acknowledger for "Mengetahui"."""
    chosen = meeting.signers or ()
    unknown = [k for k in chosen if k not in OPTIONAL_SIGNERS]
    column = field_label("signers")
    problems = [
        Problem(tr("Peran penanda tangan {role} tidak dikenal", role=k), column) for k in unknown
    ]
    witnesses = sum(1 for o in meeting.officers if o.role is OfficerRole.WITNESS)
    for key, needed in (("saksi1", 1), ("saksi2", 2)):
        if key in chosen and witnesses < needed:
            problems.append(
                Problem(
                    tr(
                        "{role} wajib menandatangani, tetapi baru {n} saksi yang diisi",
                        role=signer_label(key),
                        n=witnesses,
                    ),
                    column,
                )
            )
    if "mengetahui" in chosen and meeting.officer(OfficerRole.ACKNOWLEDGER) is None:
        problems.append(
            Problem(tr("\u201cMengetahui\u201d wajib menandatangani: isi namanya"), column)
        )
    return problems


def validate_officers(officers: tuple[Officer, ...]) -> list[Problem]:
    """The problems of a list of officers: names, one chair, one secretary, few witnesses."""
    problems: list[Problem] = []
    column = field_label("officers")
    for officer in officers:
        if not officer.name.strip():
            problems.append(
                Problem(tr("Nama {role} wajib diisi", role=tr(officer.role.key)), column)
            )
        elif len(officer.name) > OFFICER_NAME_MAX:
            problems.append(Problem(tr("Paling banyak {n} karakter", n=OFFICER_NAME_MAX), column))
    for role in (OfficerRole.CHAIR, OfficerRole.SECRETARY, OfficerRole.ACKNOWLEDGER):
        if sum(1 for o in officers if o.role is role) > 1:
            problems.append(Problem(tr("Hanya satu {role}", role=tr(role.key)), column))
    if sum(1 for o in officers if o.role is OfficerRole.WITNESS) > WITNESSES_MAX:
        problems.append(Problem(tr("Paling banyak {n} saksi", n=WITNESSES_MAX), column))
    return problems
