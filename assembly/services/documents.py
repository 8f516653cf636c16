"""The meeting's printed documents: the Daftar Hadir, member cards and the invitation letter.

Each reads what it needs in one read transaction, hands plain values to the PDF layer, and
writes the file beside the target under a temporary name that is moved into place at the end,
so a failure never leaves a half-written PDF or damages an earlier one. Nothing here changes
the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import BinaryIO

from assembly.domain.cooperative import Cooperative
from assembly.domain.errors import DomainError
from assembly.domain.meeting import Meeting, MeetingState, OfficerRole, roman_month
from assembly.domain.members import Member, Status
from assembly.domain.minutes import signature_blocks
from assembly.domain.minutes_words import meeting_name
from assembly.domain.register_query import RegisterQuery, SortColumn
from assembly.i18n import LANGUAGES, Translator, tr, translator
from assembly.pdf.attendance_list import (
    AttendanceHeading,
    Signatory,
    write_attendance_list,
)
from assembly.pdf.invitation import LETTER_SETUP, Addressee, Invitation, write_invitation
from assembly.pdf.layout import PageSetup, Paper
from assembly.pdf.member_cards import CardSheetOptions, write_member_cards
from assembly.persistence import attendance_store, cooperative_store, meeting_store, member_store
from assembly.persistence.member_search import MemberSearch, RegisterRow
from assembly.services import attendance_rows, presence
from assembly.services.context import ServiceContext
from assembly.services.files import require_folder, write_atomically
from assembly.services.progress import Progress

BLANK_ROWS = 60  # at least this many lines on the blank Daftar Hadir (the last page filled)
_BATCH = 20_000  # register rows a page; few pages, since each OFFSET re-walks the index
# The whole register in number order: walking the number index is cheaper than asking
# SQLite to sort the active members for every page; ended memberships are dropped here.
_ACTIVE = RegisterQuery(sort=SortColumn.NUMBER)


class DocumentService:
    """Writes the meeting documents as PDF files."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def attendance_list(
        self, meeting_id: int, path: Path | str, lang: str = "id", *, paper: str = "A4"
    ) -> int:
        """The Daftar Hadir of the meeting: everyone who attended (present or since left), in
        order of arrival, signed off by the same signers as the berita acara; the page count."""
        target = require_folder(path)
        if lang not in LANGUAGES:
            raise DomainError(tr("Bahasa {lang} tidak dikenal; pilih id atau en", lang=lang))
        t = translator(lang)
        setup = PageSetup(paper=_paper(paper))
        with self._ctx.db.read() as conn:
            coop = _cooperative(cooperative_store.load(conn))
            meeting = self._meeting(meeting_store.get(conn, meeting_id), meeting_id)
            entries = attendance_store.entries(conn, meeting_id)
            people = attendance_rows.by_member(presence.attendees(conn, meeting_id))
        rows = attendance_rows.rows(entries, people, meeting.zone)
        # The same signers as the berita acara's (the roles decided at the meeting's set-up).
        leaders, witnesses, acknowledger = signature_blocks(meeting, t)
        blocks = [*leaders, *witnesses, *((acknowledger,) if acknowledger else ())]
        signatories = tuple(Signatory(b.role, b.name or " ") for b in blocks)
        heading = AttendanceHeading(
            cooperative=coop,
            meeting_title=_title(meeting, t),
            day=meeting.date,
            financial_year=meeting.financial_year,
            start=meeting.start,
            time_zone=meeting.time_zone.value,
            venue=meeting.venue if meeting.mode.has_hall else "",
            online=meeting.platform if meeting.mode.has_platform else "",
            signatories=signatories,
            setup=setup,
            language=lang,
            # Before check-in opens, the form the secretary prints to take to the door.
            blank_rows=BLANK_ROWS if meeting.state is MeetingState.DRAFT else 0,
        )
        pages = [0]

        def write(out: BinaryIO) -> None:
            pages[0] = write_attendance_list(out, heading, rows)

        write_atomically(target, write)
        return pages[0]

    def invitation(
        self,
        meeting_id: int,
        path: Path | str,
        per_member: bool = False,
        *,
        chair: str | None = None,
        secretary: str | None = None,
        paper: str = "A4",
        progress: Progress | None = None,
    ) -> int:
        """The Surat Undangan: one letter to all members, or (``per_member``) one page per
        active member of the register as of the meeting's cut-off; the page count.

        It is signed for the Pengurus by ``chair`` and ``secretary``; when not given, by the
        meeting's chair and secretary as recorded, else with blank lines to sign on. The
        letter is dated the meeting's invitation date (today when unset), and the materials
        can be read from that date."""
        target = require_folder(path)
        setup = replace(LETTER_SETUP, paper=_paper(paper))
        t = translator("id")
        with self._ctx.db.read() as conn:
            coop = _cooperative(cooperative_store.load(conn))
            meeting = self._meeting(meeting_store.get(conn, meeting_id), meeting_id)
            addressees = []
            if per_member:
                members = _active_members(
                    partial(MemberSearch().page, conn, _ACTIVE),
                    meeting.cutoff_date,
                )
                addressees = [Addressee(m.name, m.number) for m in members]
        if per_member and not addressees:
            raise DomainError(tr("Tidak ada anggota aktif; tidak ada undangan yang dibuat"))
        letter_date = meeting.invitation_date or self._ctx.today()
        blank = "(" + "." * 40 + ")"
        names = {
            role: (officer.name if (officer := meeting.officer(role)) else "")
            for role in (OfficerRole.CHAIR, OfficerRole.SECRETARY)
        }
        inv = Invitation(
            cooperative=coop,
            meeting_title=_title(meeting, t),
            day=meeting.date,
            start=meeting.start,
            letter_date=letter_date,
            agenda=tuple(item.title for item in sorted(meeting.agenda, key=lambda i: i.position)),
            financial_year=meeting.financial_year,
            time_zone=meeting.time_zone.value,
            venue=meeting.venue if meeting.mode.has_hall else "",
            online=meeting.platform if meeting.mode.has_platform else "",
            number=_invitation_number(meeting, coop, letter_date),
            materials_from=letter_date,
            signatories=(
                Signatory(
                    t.tr("Ketua"),
                    (chair if chair is not None else names[OfficerRole.CHAIR]) or blank,
                ),
                Signatory(
                    t.tr("Sekretaris"),
                    (secretary if secretary is not None else names[OfficerRole.SECRETARY]) or blank,
                ),
            ),
            setup=setup,
        )
        pages = [0]
        progress = progress or Progress()
        total = len(addressees) or 1

        def write(out: BinaryIO) -> None:
            progress.step(0, total)
            pages[0] = write_invitation(
                out, inv, addressees, on_letters=lambda done: progress.step(done, total)
            )
            progress.step(total, total)

        write_atomically(target, write)
        return pages[0]

    def _meeting(self, meeting: Meeting | None, meeting_id: int) -> Meeting:
        if meeting is None:
            raise DomainError(tr("Rapat nomor {id} tidak ditemukan", id=meeting_id))
        return meeting

    def member_cards(
        self,
        path: Path | str,
        numbers: list[str] | None = None,
        *,
        paper: str = "A4",
        progress: Progress | None = None,
    ) -> int:
        """Cards for every active member (in register order), or for exactly ``numbers`` in
        the order given; how many cards. Unknown numbers and ended memberships are refused
        before anything is written."""
        target = require_folder(path)
        sheet_paper = _paper(paper)
        with self._ctx.db.read() as conn:
            coop = _cooperative(cooperative_store.load(conn))
            if numbers is None:
                today = self._ctx.today()
                chosen = _active_members(partial(MemberSearch().page, conn, _ACTIVE), today)
            else:
                chosen = self._chosen(member_store.by_numbers(conn, _clean(numbers)), numbers)
        if not chosen:
            raise DomainError(tr("Tidak ada anggota aktif; tidak ada kartu yang dibuat"))
        options = CardSheetOptions(paper=sheet_paper)
        progress = progress or Progress()
        total = len(chosen)

        def write(out: BinaryIO) -> None:
            progress.step(0, total)
            write_member_cards(
                out, coop.name, chosen, options, on_cards=lambda done: progress.step(done, total)
            )

        write_atomically(target, write)
        return len(chosen)

    def _chosen(self, found: dict[str, Member], numbers: list[str]) -> list[Member]:
        wanted = _clean(numbers)
        unknown = [n for n in wanted if n not in found]
        if unknown:
            raise DomainError(
                tr("Nomor anggota tidak ditemukan: {numbers}", numbers=", ".join(unknown))
            )
        today = self._ctx.today()
        ended = [n for n in wanted if not found[n].is_member_on(today)]
        if ended:
            raise DomainError(
                tr(
                    "Keanggotaan sudah berakhir, kartu tidak dibuat: {numbers}",
                    numbers=", ".join(ended),
                )
            )
        return [found[n] for n in dict.fromkeys(wanted)]


def _active_members(pages: Callable[[int, int], list[RegisterRow]], day: dt.date) -> list[Member]:
    """Every active member who had joined by ``day``, in register (number) order, read page
    by page through the register search's status index."""
    found: list[Member] = []
    while True:
        page = pages(len(found), _BATCH)
        found += [
            Member(
                number=row.number,
                name=row.name,
                category=row.category,
                status=row.status,
                joined_on=row.joined_on,
                arrears=row.arrears,
                id=row.id,
            )
            for row in page
        ]
        if len(page) < _BATCH:
            return [m for m in found if m.status is Status.ACTIVE and m.is_member_on(day)]


def _title(meeting: Meeting, t: Translator) -> str:
    """The meeting's name in the document's language ("Rapat Anggota Tahunan"), with its
    subject when there is one (a document's language need not be the screen's)."""
    title = meeting_name(meeting, t)
    return f"{title} — {meeting.subject.strip()}" if meeting.subject.strip() else title


def _invitation_number(meeting: Meeting, coop: Cooperative, letter_date: dt.date) -> str:
    """The letter's number in the house pattern (law.md section 10): the berita acara's
    sequence with the code UND, e.g. ``001/UND-RAT/KSP-SB/II/2026`` for a letter of February."""
    head = meeting.document_number.split("/", 1)[0].strip()
    sequence = int(head) if head.isdigit() else 1
    code = coop.code.strip() or "KOP"
    return (
        f"{sequence:03d}/UND-{meeting.kind.short}/{code}/"
        f"{roman_month(letter_date.month)}/{letter_date.year}"
    )


def _clean(numbers: list[str]) -> list[str]:
    return [n.strip() for n in numbers if n.strip()]


def _paper(paper: str) -> Paper:
    if paper not in Paper.__members__:
        raise DomainError(tr("Ukuran kertas {paper} tidak dikenal; pilih A4 atau F4", paper=paper))
    return Paper(paper)


def _cooperative(coop: Cooperative | None) -> Cooperative:
    if coop is None:
        raise DomainError(tr("Isi profil koperasi dahulu: kop dokumen memerlukannya"))
    return coop
