"""The berita acara of a meeting: its content read from the records, and its PDF.

One read transaction gathers the meeting with its leaders and agenda, the cooperative, the AD
profile version the meeting is held under, who attended by channel, the recorded quorum steps,
the decisions and the audit log's head hash; :func:`assembly.domain.minutes.build_minutes`
turns them into sentences, with the terbilang from num2words (law.md rule 36). The PDF is
written beside the target under a temporary name and moved into place, so a failure never
leaves a half-written file. Nothing here changes the database.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from num2words import num2words

from assembly.domain.attendance import Channel
from assembly.domain.attendance_query import AttendanceEntry
from assembly.domain.ballots import BallotKind
from assembly.domain.errors import DomainError
from assembly.domain.meeting import Meeting, MeetingState, OfficerRole
from assembly.domain.minutes import (
    DecisionEntry,
    MinutesContent,
    MinutesFacts,
    build_minutes,
    full_title,
)
from assembly.i18n import LANGUAGES, Translator, tr, translator
from assembly.pdf.attachments import Attachment
from assembly.pdf.attendance_list import AttendanceHeading, AttendanceRow, Signatory
from assembly.pdf.layout import PageSetup, Paper
from assembly.pdf.minutes import AttendanceAnnex, write_minutes
from assembly.persistence import (
    attendance_store,
    audit_log,
    ballot_store,
    cooperative_store,
    decision_store,
    document_store,
    meeting_store,
    quorum_check_store,
)
from assembly.persistence.decision_store import DecisionRow
from assembly.persistence.meeting_store import Connection
from assembly.services import minutes_annex
from assembly.services.anchor_check import ANCHOR_FILE
from assembly.services.ballot_results import tally_of
from assembly.services.context import ServiceContext
from assembly.services.files import require_folder, write_atomically
from assembly.services.meeting_lookup import ProfileCache
from assembly.services.record_digest import anchor_of


def terbilang(number: int, language: str = "id") -> str:
    """The number in words: 1250 -> "seribu dua ratus lima puluh" (law.md rule 36)."""
    return str(num2words(number, lang=language))


class MinutesService:
    """Builds the berita acara of a meeting and writes it as a PDF."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._profiles = ProfileCache()

    def content(self, meeting_id: int, lang: str = "id") -> MinutesContent:
        """What the berita acara of the meeting says; refused for a missing or draft meeting."""
        t = _translator(lang)
        with self._ctx.db.read() as conn:
            content = self._gather(conn, meeting_id, t)[0]
        return content

    def facts(self, meeting_id: int, lang: str = "id") -> MinutesFacts:
        """The records the berita acara is written from (for the minutes editor's events)."""
        t = _translator(lang)
        with self._ctx.db.read() as conn:
            return self._facts(conn, meeting_id, t)[0]

    def export(
        self,
        meeting_id: int,
        path: Path | str,
        paper: str = "A4",
        lang: str = "id",
        *,
        invariant: bool = False,
    ) -> int:
        """Write the berita acara, with its annexes (Daftar Hadir, vote recapitulation, named
        votes, proxies) and the attendance, vote and decision data embedded as files, to
        ``path``; the page count. The file carries empty signature fields for the chair, the
        secretary and each named witness. ``invariant`` gives the same bytes for the same
        records (for tests)."""
        t = _translator(lang)
        setup = PageSetup(paper=_paper(paper))
        target = require_folder(path)
        with self._ctx.db.read() as conn:
            signed = _locked_file(conn, meeting_id)
            if signed is None:
                content, entries, meeting, extra = self._gather(conn, meeting_id, t)
                # Read in the same moment as the content: the file anchors exactly what it says.
                anchor = anchor_of(conn, meeting)
        if signed is not None:
            # A locked meeting's documents never change: its berita acara is the file signed
            # at the lock, byte for byte, not a re-render with today's register.
            from assembly.pdf.signing import page_count

            write_atomically(target, lambda out: out.write(signed))
            return page_count(signed)
        annex = _annex(content, entries, meeting, setup, lang, t)
        anchor_file = Attachment(
            ANCHOR_FILE,
            anchor.to_json(),
            "application/json",
            t.tr("Jangkar basis data: kepala log audit dan intisari catatan rapat (JSON)"),
        )
        return write_atomically(
            target,
            lambda out: write_minutes(
                out,
                content,
                setup,
                annex=annex,
                votes=extra.votes,
                attachments=(*extra.attachments, anchor_file),
                anchor=anchor,
                language=lang,
                invariant=invariant,
            ),
        )

    def _gather(
        self, conn: Connection, meeting_id: int, t: Translator
    ) -> tuple[MinutesContent, list[AttendanceEntry], Meeting, minutes_annex.AnnexData]:
        facts, entries, meeting = self._facts(conn, meeting_id, t)
        extra = minutes_annex.gather(conn, meeting, facts.profile, entries, t)
        # The list of annexes names every one the file carries (Lampiran I, II, …).
        facts = replace(facts, annexes=(*facts.annexes, *extra.votes.titles(t)))
        content = build_minutes(facts, _speller(t.language), t)
        return content, entries, meeting, extra

    def _facts(
        self, conn: Connection, meeting_id: int, t: Translator
    ) -> tuple[MinutesFacts, list[AttendanceEntry], Meeting]:
        meeting = meeting_store.get(conn, meeting_id)
        if meeting is None:
            raise DomainError(tr("Rapat nomor {id} tidak ditemukan.", id=meeting_id))
        if meeting.state is MeetingState.DRAFT:
            raise DomainError(
                tr(
                    "Rapat nomor {id} masih draf: berita acara dibuat setelah rapat "
                    "diselenggarakan.",
                    id=meeting_id,
                )
            )
        coop = cooperative_store.load(conn)
        if coop is None:
            raise DomainError(tr("Isi profil koperasi dahulu: kop dokumen memerlukannya"))
        profile = self._profiles.get(conn, meeting.profile_version)
        entries = attendance_store.entries(conn, meeting_id)
        attended = Counter(e.channel for e in entries if e.counted)
        checks = [
            replace(c, at=c.at.astimezone(meeting.zone))
            for c in quorum_check_store.checks(conn, meeting_id)
        ]
        decisions = [
            DecisionEntry(
                d.item_id,
                d.method,
                d.text,
                d.result,
                d.outcome,
                d.dissent,
                _tally(conn, d),
                at=d.created_at,
            )
            for d in decision_store.for_meeting(conn, meeting_id)
        ]
        head = audit_log.head(conn)
        facts = MinutesFacts(
            cooperative=coop,
            meeting=meeting,
            profile=profile,
            attended={c: attended.get(c, 0) for c in Channel},
            uncounted=sum(1 for e in entries if not e.counted),
            checks=checks,
            decisions=decisions,
            audit_hash=head.hash if head else "",
            annexes=(t.tr("Daftar Hadir"),),
            ballots=ballot_store.for_meeting(conn, meeting_id),
            arrivals=[e.arrived_at for e in entries if e.counted],
        )
        return facts, entries, meeting


def _locked_file(conn: Connection, meeting_id: int) -> bytes | None:
    """The signed berita acara kept at the lock of a locked meeting; None when the meeting is
    not locked. Refused for a meeting locked before Kuorum kept the file (r0006_lock)."""
    meeting = meeting_store.get(conn, meeting_id)
    if meeting is None or meeting.state is not MeetingState.LOCKED:
        return None
    record = document_store.signed_minutes(conn, meeting_id)
    data = document_store.signed_file(conn, record.id) if record else None
    if record is None or data is None:
        raise DomainError(
            tr(
                "Rapat ini sudah dikunci dan berita acaranya tidak boleh dibuat ulang. Pakai "
                "berkas bertanda tangan yang tercatat ({file}, SHA-256 {sha}).",
                file=record.file_name if record else "-",
                sha=record.sha256 if record else "-",
            )
        )
    if hashlib.sha256(data).hexdigest() != record.sha256:
        # The row was replaced behind the triggers: never hand out a file that is not the one
        # whose hash the lock recorded.
        raise DomainError(
            tr(
                "Berkas bertanda tangan yang disimpan untuk rapat ini tidak cocok dengan SHA-256 "
                "yang tercatat saat penguncian ({sha}); basis data telah diubah. Pakai berkas "
                "bertanda tangan asli atau cadangan, dan periksa dengan `audit verify`.",
                sha=record.sha256,
            )
        )
    return data


def _tally(conn: Connection, decision: DecisionRow) -> dict[str, int] | None:
    """The tally of a voted motion (setuju, tidak setuju, abstain, tidak sah); None for a
    decision by consensus or an election, whose statement names the elected."""
    if decision.ballot_id is None:
        return None
    ballot = ballot_store.get(conn, decision.ballot_id)
    if ballot is None or ballot.kind is not BallotKind.MOTION:
        return None
    return tally_of(conn, ballot)[0]


def _speller(language: str) -> Callable[[int], str]:
    return lambda n: terbilang(n, language)


def _annex(
    content: MinutesContent,
    entries: list[AttendanceEntry],
    meeting: Meeting,
    setup: PageSetup,
    lang: str,
    t: Translator,
) -> AttendanceAnnex:
    """The Daftar Hadir as the berita acara's annex: everyone who attended, by arrival."""
    zone = meeting.zone
    rows = [
        AttendanceRow(
            number=e.number,
            name=e.name,
            channel=e.channel,
            arrived=e.arrived_at.astimezone(zone).time(),
            proxy_holder=e.holder_number,
        )
        for e in entries
    ]
    signatories = tuple(
        Signatory(label, officer.name)
        for role, label in (
            (OfficerRole.CHAIR, t.tr("Ketua Rapat")),
            (OfficerRole.SECRETARY, t.tr("Sekretaris Rapat")),
        )
        if (officer := meeting.officer(role)) is not None and officer.name.strip()
    )
    heading = AttendanceHeading(
        cooperative=content.cooperative,
        meeting_title=full_title(replace(meeting, financial_year=None), t),
        day=meeting.date,
        financial_year=meeting.financial_year,
        start=meeting.start,
        time_zone=meeting.time_zone.value,
        venue=meeting.venue if meeting.mode.has_hall else "",
        online=meeting.platform if meeting.mode.has_platform else "",
        document_number=meeting.document_number,
        signatories=signatories,
        setup=setup,
        language=lang,
    )
    return AttendanceAnnex(heading, rows)


def _translator(lang: str) -> Translator:
    if lang not in LANGUAGES:
        raise DomainError(tr("Bahasa {lang} tidak dikenal; pilih id atau en", lang=lang))
    return translator(lang)


def _paper(paper: str) -> Paper:
    if paper not in Paper.__members__:
        raise DomainError(tr("Ukuran kertas {paper} tidak dikenal; pilih A4 atau F4", paper=paper))
    return Paper(paper)
