"""The berita acara of a meeting: its content read from the records, and its PDF.

One read transaction gathers the meeting with its leaders and agenda, the cooperative, the AD
profile version the meeting is held under, who attended by channel, the recorded quorum steps,
the decisions and the audit log's head hash; :func:`assembly.domain.minutes.build_minutes`
turns them into sentences, with the terbilang from num2words (law.md rule 36). The PDF is
written beside the target under a temporary name and moved into place, so a failure never
leaves a half-written file. Nothing here changes the database.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from num2words import num2words

from assembly.domain.attendance import Channel
from assembly.domain.ballots import BallotKind
from assembly.domain.errors import DomainError
from assembly.domain.figures import Figure, on_pages
from assembly.domain.meeting import Meeting, MeetingState
from assembly.domain.minutes import (
    DecisionEntry,
    MinutesContent,
    MinutesFacts,
    build_minutes,
    full_title,
)
from assembly.domain.minutes_words import Terbilang
from assembly.domain.presence import ever_present, movements
from assembly.i18n import LANGUAGES, Translator, tr, translator
from assembly.pdf.attachments import Attachment
from assembly.pdf.attendance_list import AttendanceHeading, Signatory
from assembly.pdf.attendance_totals import AttendanceTotals
from assembly.pdf.layout import PageSetup, Paper
from assembly.pdf.minutes import AttendanceAnnex, write_minutes
from assembly.pdf.minutes_annexes import VoteAnnexes, recap_place
from assembly.persistence import (
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
from assembly.services import attendance_rows, minutes_annex, presence
from assembly.services.anchor_check import ANCHOR_FILE
from assembly.services.ballot_results import tally_of
from assembly.services.context import ServiceContext
from assembly.services.files import require_folder, write_atomically
from assembly.services.kept_minutes import kept_file
from assembly.services.meeting_lookup import ProfileCache
from assembly.services.progress import Progress
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
        with self._ctx.db.read() as conn, _spool() as spool:
            return self._gather(conn, meeting_id, t, spool)[0]

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
        progress: Progress | None = None,
    ) -> int:
        """Write the berita acara, with its annexes (Daftar Hadir, vote recapitulation, named
        votes, proxies) and the attendance, vote and decision data embedded as files, to
        ``path``; the page count. The file carries empty signature fields for the chair, the
        secretary and each named witness. ``invariant`` gives the same bytes for the same
        records (for tests). ``progress`` hears of each page laid out and carries the
        user's cancel: a cancelled export leaves no file (issue 11, point 10)."""
        target = require_folder(path)
        with self._ctx.db.read() as conn:
            signed = _locked_file(conn, meeting_id)
        if signed is not None:
            # A locked meeting's documents never change: its berita acara is the file signed
            # at the lock, byte for byte, not a re-render with today's register.
            from assembly.pdf.signing import page_count

            write_atomically(target, lambda out: out.write(signed))
            return page_count(signed)
        return write_atomically(
            target,
            lambda out: (
                self.render(
                    meeting_id, out, paper, lang, invariant=invariant, progress=progress
                ).pages
            ),
        )

    def stated(self, meeting_id: int, lang: str = "id") -> tuple[Meeting, tuple[Figure, ...]]:
        """The meeting and every figure its berita acara states, without laying out pages."""
        t = _translator(lang)
        with self._ctx.db.read() as conn, _spool() as spool:
            content, meeting, extra = self._gather(conn, meeting_id, t, spool)
        figures = (*content.figures, *daftar_figures(extra.daftar.totals),
                   *recap_figures(extra.votes))  # fmt: skip
        return meeting, figures

    def render(
        self,
        meeting_id: int,
        out: BinaryIO,
        paper: str = "A4",
        lang: str = "id",
        *,
        invariant: bool = False,
        progress: Progress | None = None,
    ) -> RenderedMinutes:
        """Write the berita acara of the meeting to ``out`` (see :meth:`export`); what it
        states, with the page each figure landed on.

        The read transaction stays open while the pages are laid out: the Daftar Hadir and
        the named votes are read from it a chunk at a time as their pages are reached, and
        their data files are written to a spool folder first and embedded from there, so the
        berita acara of 150,000 present is built in bounded memory (issue 11, point 10)."""
        t = _translator(lang)
        setup = PageSetup(paper=_paper(paper))
        progress = progress or Progress()
        progress.step(0, 1)
        with self._ctx.db.read() as conn, _spool() as spool:
            content, meeting, extra = self._gather(conn, meeting_id, t, spool)
            # Read in the same moment as the content: the file anchors exactly what it says.
            anchor = anchor_of(conn, meeting)
            annex = _annex(content, extra.daftar, meeting, setup, lang, t)
            anchor_file = Attachment(
                ANCHOR_FILE,
                anchor.to_json(),
                "application/json",
                t.tr("Jangkar basis data: kepala log audit dan intisari catatan rapat (JSON)"),
            )
            stated = (*content.figures, *daftar_figures(extra.daftar.totals),
                      *recap_figures(extra.votes))  # fmt: skip
            page_map: dict[str, int] = {}
            # An estimate for the bar only (about 30 rows a page in the Daftar Hadir, 50 in a
            # list of named votes); the last step reports the true count.
            named = sum(len(n.rows) for n in extra.votes.named)
            expected = 6 + len(extra.daftar) // 30 + named // 50

            def on_page(page: int) -> None:
                progress.step(min(page, expected - 1), expected)

            pages = write_minutes(
                out,
                content,
                setup,
                annex=annex,
                votes=extra.votes,
                attachments=(*extra.attachments, anchor_file),
                anchor=anchor,
                language=lang,
                invariant=invariant,
                page_map=page_map,
                placed_files=lambda where: (figures_attachment(on_pages(stated, where), t),),
                on_page=on_page,
            )
        progress.step(pages, pages)
        return RenderedMinutes(meeting, content, on_pages(stated, page_map), pages)

    def _gather(
        self, conn: Connection, meeting_id: int, t: Translator, spool: Path
    ) -> tuple[MinutesContent, Meeting, minutes_annex.AnnexData]:
        facts, meeting = self._facts(conn, meeting_id, t)
        extra = minutes_annex.gather(conn, meeting, facts.profile, t, spool)
        # The list of annexes names every one the file carries (Lampiran I, II, …).
        facts = replace(facts, annexes=(*facts.annexes, *extra.votes.titles(t)))
        content = build_minutes(facts, _speller(t.language), t)
        return content, meeting, extra

    def _facts(
        self, conn: Connection, meeting_id: int, t: Translator
    ) -> tuple[MinutesFacts, Meeting]:
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
        # Everyone's stays for the counts, the arrivals and the movements; let go once the
        # facts are drawn from them (the Daftar Hadir is read again, in chunks, for its pages).
        everyone = presence.attendees(conn, meeting_id, chunked=True)
        people = ever_present(everyone)
        attended = Counter(a.channel for a in people if a.counted)
        others = Counter(a.category for a in people if not a.counted)
        opened = meeting.opened_at or meeting.check_in_opened_at
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
                ballot_id=d.ballot_id,
                votes=_votes(conn, d),
                tellers=_tellers(conn, d),
            )
            for d in decision_store.for_meeting(conn, meeting_id)
        ]
        head = audit_log.head(conn)
        closing = _closing_check(conn, meeting_id)
        facts = MinutesFacts(
            cooperative=coop,
            meeting=meeting,
            profile=profile,
            attended={c: attended.get(c, 0) for c in Channel},
            uncounted=sum(others.values()),
            others=dict(others),
            checks=checks,
            decisions=decisions,
            audit_hash=head.hash if head else "",
            annexes=(t.tr("Daftar Hadir"),),
            ballots=ballot_store.for_meeting(conn, meeting_id),
            arrivals=[a.first_arrival for a in people if a.counted and a.first_arrival],
            movements=movements(people, opened, meeting.closed_at, meeting.zone) if opened else (),
            unreconciled=len(closing.get("tidak_sesuai", [])),
            closing_reason=str(closing.get("alasan", "")),
        )
        return facts, meeting


@dataclass(frozen=True)
class RenderedMinutes:
    """A berita acara as written: the meeting, the content, every figure it states with its
    page, and the page count."""

    meeting: Meeting
    content: MinutesContent
    figures: tuple[Figure, ...]
    pages: int


def daftar_figures(totals: AttendanceTotals) -> tuple[Figure, ...]:
    """The totals under the Daftar Hadir (Lampiran I) as figures."""
    out = [Figure(f"daftar.{c.value}", n, "LAMPIRAN I") for c, n in totals.by_channel.items()]
    out += [Figure(f"daftar.lain.{c.value}", n, "LAMPIRAN I") for c, n in totals.others.items()]
    out.append(Figure("daftar.jumlah", totals.everyone, "LAMPIRAN I"))
    return tuple(out)


def recap_figures(votes: VoteAnnexes) -> tuple[Figure, ...]:
    """What the recapitulation of the votes states of each ballot: present and entitled at
    its snapshot, and how many took part (the entitled who did not vote are the difference)."""
    place = recap_place(votes)
    out = []
    for line in votes.ballots:
        if line.ballot_id is None:
            continue
        key = f"rekap.{line.ballot_id}"
        out += [
            Figure(f"{key}.hadir", line.present, place),
            Figure(f"{key}.berhak", line.eligible, place),
            Figure(f"{key}.memilih", line.voted, place),
        ]
    return tuple(out)


FIGURES_FILE = "angka.json"


def figures_attachment(figures: Sequence[Figure], t: Translator) -> Attachment:
    """Every figure the berita acara states, with its place, page and moment, as JSON: what
    ``verify --numbers`` checks against the other attachments."""
    data = [
        {
            "kunci": f.key,
            "nilai": f.value,
            "letak": f.anchor,
            "halaman": f.page,
            "saat": f.at.isoformat() if f.at else None,
        }
        for f in figures
    ]
    body = json.dumps({"angka": data}, ensure_ascii=False, indent=1) + "\n"
    return Attachment(
        FIGURES_FILE,
        body.encode("utf-8"),
        "application/json",
        t.tr("Angka yang dinyatakan berita acara, dengan halamannya (JSON)"),
    )


def _closing_check(conn: Connection, meeting_id: int) -> dict[str, Any]:
    """What the audit log recorded when the meeting was closed: the reconciliation of the
    figures and the reason given when they did not reconcile ({} when not closed)."""
    found: dict[str, Any] = {}
    for event in audit_log.of_kind(conn, "meeting.closed"):  # not the whole log: 150,000 moves
        payload = json.loads(event.payload)
        if payload.get("id") == meeting_id:
            found = payload
    return found


def _locked_file(conn: Connection, meeting_id: int) -> bytes | None:
    """The signed berita acara kept at the lock of a locked meeting; None when the meeting is
    not locked. Refused for a meeting locked before Kuorum kept the file (r0008_lock), and
    for a kept file that is not the one whose hash the lock recorded."""
    meeting = meeting_store.get(conn, meeting_id)
    if meeting is None or meeting.state is not MeetingState.LOCKED:
        return None
    data = kept_file(conn, meeting_id)
    if data is None:
        record = document_store.signed_minutes(conn, meeting_id)
        raise DomainError(
            tr(
                "Rapat ini sudah dikunci dan berita acaranya tidak boleh dibuat ulang. Pakai "
                "berkas bertanda tangan yang tercatat ({file}, SHA-256 {sha}).",
                file=record.file_name if record else "-",
                sha=record.sha256 if record else "-",
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


def _votes(conn: Connection, decision: DecisionRow) -> dict[str, int] | None:
    """Each candidate's votes in the election a decision closed; None for anything else."""
    if decision.ballot_id is None:
        return None
    ballot = ballot_store.get(conn, decision.ballot_id)
    if ballot is None or ballot.kind is not BallotKind.ELECTION:
        return None
    return tally_of(conn, ballot)[0]


def _tellers(conn: Connection, decision: DecisionRow) -> tuple[str, ...]:
    """The saksi penghitung suara of a counted vote (none for other decisions)."""
    if decision.ballot_id is None:
        return ()
    totals = ballot_store.counted(conn, decision.ballot_id)
    return tuple(n for n in totals.tellers if n.strip()) if totals is not None else ()


def _speller(language: str) -> Terbilang:
    return Terbilang(lambda n: terbilang(n, language), "," if language == "en" else ".")


def _annex(
    content: MinutesContent,
    rows: attendance_rows.DaftarHadir,
    meeting: Meeting,
    setup: PageSetup,
    lang: str,
    t: Translator,
) -> AttendanceAnnex:
    """The Daftar Hadir as the berita acara's annex: everyone who attended, by arrival."""
    # The same roles, with the same labels, as sign the berita acara (issue 11, point 4).
    blocks = [*content.signers, *content.witnesses]
    if content.acknowledger is not None:
        blocks.append(content.acknowledger)
    signatories = tuple(Signatory(b.role, b.name or " ") for b in blocks)
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
        annex=t.tr("LAMPIRAN {n}", n="I"),
    )
    return AttendanceAnnex(heading, rows, rows.totals)


@contextmanager
def _spool() -> Iterator[Path]:
    """A private temporary folder for the long data files while the berita acara is built,
    removed after (also on a cancel or an error)."""
    with tempfile.TemporaryDirectory(prefix="kuorum-berita-acara-") as folder:
        yield Path(folder)


def _translator(lang: str) -> Translator:
    if lang not in LANGUAGES:
        raise DomainError(tr("Bahasa {lang} tidak dikenal; pilih id atau en", lang=lang))
    return translator(lang)


def _paper(paper: str) -> Paper:
    if paper not in Paper.__members__:
        raise DomainError(tr("Ukuran kertas {paper} tidak dikenal; pilih A4 atau F4", paper=paper))
    return Paper(paper)
