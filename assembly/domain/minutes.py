"""The content of the berita acara (minutes) of a Rapat Anggota, as plain data: what it says,
not how it is laid out (DESIGN.md section 4; law.md sections 7 and 10, rules 27-38).

:func:`build_minutes` turns the facts of a finished meeting into sentences an Indonesian
cooperative secretary would write: the opening formula with the day, date and time in words,
attendance and quorum with the AD article, the meeting's leaders, each agenda item with its
notes and decisions, the closing formula, place and date and the signature blocks. Key numbers
are written as digits followed by their terbilang in parentheses (rule 36); the terbilang
comes in as a function, so the domain needs no number-words library.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from assembly.domain.ad_profile import ADProfile, ItemKind
from assembly.domain.attendance import Channel
from assembly.domain.ballots import Ballot, BallotKind
from assembly.domain.cooperative import Cooperative
from assembly.domain.figures import Figure, placed
from assembly.domain.meeting import AgendaItem, Meeting, MeetingState, OfficerRole, signer_title
from assembly.domain.members import Category
from assembly.domain.minutes_attendance import attended_line, others_line, roll_line
from assembly.domain.minutes_decisions import DecisionEntry
from assembly.domain.minutes_events import (
    CLOSING,
    OPENING,
    EventFacts,
    EventKind,
    EventPlacement,
    PlacedEvent,
    meeting_events,
    place_events,
)
from assembly.domain.minutes_events import arrivals_line as arrivals_line
from assembly.domain.minutes_results import (
    Term,
    board_lines,
    elected_names,
    election_heading,
    office_of,
)
from assembly.domain.minutes_words import (
    Spell,
    bare_article,
    clock,
    cooperative_name,
    day_name,
    full_title,
    joined,
    long_date,
    meeting_name,
    month_name,
    place_of,
    sentence,
    with_words,
)
from assembly.domain.minutes_words import fractions_in_words as fractions_in_words
from assembly.domain.presence import Movement
from assembly.domain.quorum_check import QuorumCheck
from assembly.domain.signers import required_signers, signer_field
from assembly.i18n import Translator, translator

# Kept importable from here: the wording moved to minutes_words, the decisions to
# minutes_decisions.
__all__ = [
    "DecisionEntry",
    "MinutesContent",
    "MinutesFacts",
    "Spell",
    "bare_article",
    "build_minutes",
    "clock",
    "cooperative_name",
    "day_name",
    "event_lines",
    "full_title",
    "joined",
    "long_date",
    "meeting_events_of",
    "meeting_name",
    "month_name",
    "opening_formula",
    "place_of",
    "with_words",
]

# Items whose decision is only the input to a notarial deed (UU 25/1992 Pasal 12; law.md
# rule 33): the signed minutes never stand in for the deed itself.
DEED_KINDS = frozenset(
    {
        ItemKind.AD_AMENDMENT,
        ItemKind.MERGER,
        ItemKind.CONSOLIDATION,
        ItemKind.DIVISION,
        ItemKind.DISSOLUTION,
    }
)
# Merger and division also need the government's approval (Pasal 12(2)).
APPROVAL_KINDS = frozenset({ItemKind.MERGER, ItemKind.CONSOLIDATION, ItemKind.DIVISION})


@dataclass(frozen=True)
class MinutesFacts:
    """Everything the berita acara states, read from the meeting's records.

    ``attended`` counts, per channel, the members of the quorum base who attended at any time;
    ``uncounted`` those who attended but are outside the quorum base; ``checks`` are the
    recorded quorum steps; ``decisions`` is None when decisions are not recorded by this
    version; ``annexes`` names what is attached. The steps, ballots, decisions and arrivals
    become the events placed under the agenda items (:mod:`assembly.domain.minutes_events`)."""

    cooperative: Cooperative
    meeting: Meeting
    profile: ADProfile
    attended: Mapping[Channel, int]
    checks: Sequence[QuorumCheck]
    decisions: Sequence[DecisionEntry] | None
    audit_hash: str
    annexes: tuple[str, ...] = ()
    uncounted: int = 0  # attendees outside the quorum base (calon anggota, no vote)
    ballots: Sequence[Ballot] = ()  # every ballot and election, cancelled ones too
    arrivals: Sequence[dt.datetime] = ()  # when each counted member came after the opening
    # Attendees outside the quorum base by category (calon, luar biasa, anggota without vote).
    others: Mapping[Category, int] = field(default_factory=dict)
    movements: Sequence[Movement] = ()  # members leaving or coming back, minute by minute
    # Closed although figures did not reconcile: how many, and the reason given (issue 11).
    unreconciled: int = 0
    closing_reason: str = ""


@dataclass(frozen=True)
class Clause:
    """A numbered paragraph of a section, with optional sub-points under it."""

    text: str
    points: tuple[str, ...] = ()
    # The figures the clause states, each with the point it stands in (0: the clause text).
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True)
class Section:
    """A section of the berita acara: "I. KEHADIRAN DAN KUORUM" and its clauses."""

    heading: str
    clauses: tuple[Clause, ...]


@dataclass(frozen=True)
class Signer:
    """A signature block: the role as written over it, the name under it, and the name of
    the empty signature field that an electronic signature fills."""

    role: str
    name: str
    field: str


@dataclass(frozen=True)
class MinutesContent:
    """The berita acara, sentence by sentence, ready to be laid out."""

    cooperative: Cooperative
    title: str
    subtitle: str
    number: str
    opening: str
    sections: tuple[Section, ...]
    closing_time: str
    closing_formula: str
    place_date: str
    leaders_heading: str
    signers: tuple[Signer, ...]
    witnesses: tuple[Signer, ...]
    witnesses_heading: str
    audit_hash: str
    meeting_title: str
    day: dt.date
    acknowledger: Signer | None = None  # the "Mengetahui" block, when one is named
    figures: tuple[Figure, ...] = ()  # every figure the body states, with its place


def opening_formula(
    meeting: Meeting, cooperative: Cooperative, spell: Spell, t: Translator | None = None
) -> str:
    """ "Pada hari ini, Sabtu, tanggal 14 (empat belas) Maret 2026 (dua ribu dua puluh enam),
    pukul 09.00 WIB, bertempat di …, telah diselenggarakan …" (law.md section 10)."""
    t = t or translator("id")
    day = meeting.date
    if meeting.mode.has_hall and meeting.mode.has_platform:
        place = t.tr(
            "bertempat di {venue} dan melalui {platform}",
            venue=meeting.venue.strip(),
            platform=meeting.platform.strip(),
        )
    elif meeting.mode.has_platform:
        place = t.tr("melalui {platform}", platform=meeting.platform.strip())
    else:
        place = t.tr("bertempat di {venue}", venue=meeting.venue.strip())
    held = f"{meeting_name(meeting, t)} {cooperative_name(cooperative)}"
    if meeting.financial_year is not None:
        held = t.tr("{meeting} Tahun Buku {year}", meeting=held, year=meeting.financial_year)
    return t.tr(
        "Pada hari ini, {day}, tanggal {date} {month} {year}, pukul {time}, {place}, "
        "telah diselenggarakan {held}, sebagai berikut:",
        day=day_name(day, t),
        date=with_words(day.day, spell),
        month=month_name(day.month, t),
        year=f"{day.year} ({spell(day.year)})",
        time=_opening_time(meeting, t),
        place=place,
        held=held,
    )


def _opening_time(meeting: Meeting, t: Translator) -> str:
    """The time the chair actually opened the meeting (from the records), with the time of
    the invitation when they differ: "09.15 WIB (dalam undangan pukul 09.00 WIB)"."""
    zone = meeting.time_zone.value
    planned = clock(meeting.start, zone)
    if meeting.opened_at is None:
        return planned
    opened = clock(meeting.opened_at.astimezone(meeting.zone), zone)
    if opened == planned:
        return opened
    return t.tr("{time} (dalam undangan pukul {planned})", time=opened, planned=planned)


def build_minutes(facts: MinutesFacts, spell: Spell, t: Translator | None = None) -> MinutesContent:
    """The berita acara of the meeting in ``facts``; ``spell`` gives the terbilang."""
    t = t or translator("id")
    meeting = facts.meeting
    placement = meeting_events_of(facts, spell, t)
    sections = [
        _attendance(facts, placement, spell, t),
        _leaders(meeting, t),
        _agenda(facts, placement, spell, t),
    ]
    closing_clauses = [
        # What happened after the last item was left (a late check, arrivals) before closing.
        Clause(line, figures=figures)
        for line, figures in event_entries(placement.closing, CLOSING, spell, t)
    ]
    if facts.closing_reason:
        closing_clauses.append(
            Clause(
                t.tr(
                    "Sebelum rapat ditutup, pemeriksaan angka berita acara menemukan {count} "
                    "angka yang tidak sesuai dengan catatan rapat. Rapat tetap ditutup dengan "
                    "alasan: {reason}",
                    count=with_words(facts.unreconciled, spell),
                    reason=sentence(facts.closing_reason),
                )
            )
        )
    if closing_clauses:
        sections.append(Section(t.tr("PENUTUPAN"), tuple(closing_clauses)))
    if facts.annexes:
        clauses = tuple(Clause(name) for name in facts.annexes)
        sections.append(Section(t.tr("LAMPIRAN"), clauses))
    numbered = tuple(
        Section(f"{_ROMAN[i]}. {s.heading}", s.clauses) for i, s in enumerate(sections)
    )
    figures = tuple(
        replace(f, place=f"{_ROMAN[i]}.{n}")
        for i, s in enumerate(sections)
        for n, clause in enumerate(s.clauses, start=1)
        for f in clause.figures
    )
    zone = meeting.time_zone.value
    closed = meeting.closed_at.astimezone(meeting.zone) if meeting.closed_at else None
    ended = [i.ended_at for i in meeting.agenda if i.ended_at is not None]
    if closed and ended:
        last = clock(max(ended).astimezone(meeting.zone), zone)
        closing = t.tr(
            "Pembahasan acara terakhir selesai pukul {end}. Rapat ditutup oleh Ketua Rapat "
            "pukul {time}.",
            end=last,
            time=clock(closed, zone),
        )
    elif closed:
        closing = t.tr("Rapat ditutup pukul {time}.", time=clock(closed, zone))
    elif meeting.state is MeetingState.POSTPONED:
        closing = t.tr("Rapat ditunda karena kuorum tidak tercapai.")
    else:
        closing = t.tr("Rapat belum ditutup.")
    place = place_of(facts.cooperative)
    dated = long_date(meeting.date, t)
    signers, witnesses, acknowledger = signature_blocks(meeting, t)
    return MinutesContent(
        cooperative=facts.cooperative,
        title=t.tr("BERITA ACARA"),
        subtitle=full_title(meeting, t).upper(),
        number=t.tr("Nomor: {number}", number=meeting.document_number or "-"),
        opening=opening_formula(meeting, facts.cooperative, spell, t),
        sections=numbered,
        closing_time=closing,
        closing_formula=t.tr(
            "Demikian berita acara ini dibuat dengan sebenarnya untuk dapat dipergunakan "
            "sebagaimana mestinya."
        ),
        place_date=f"{place}, {dated}" if place else dated,
        leaders_heading=t.tr("Pimpinan Rapat,"),
        signers=signers,
        witnesses=witnesses,
        witnesses_heading=t.tr("Saksi-saksi,"),
        acknowledger=acknowledger,
        audit_hash=facts.audit_hash,
        meeting_title=full_title(meeting, t),
        day=meeting.date,
        figures=figures,
    )


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _attendance(
    facts: MinutesFacts, placement: EventPlacement, spell: Spell, t: Translator
) -> Section:
    """Who was entitled and who came, then the opening's events in order: the quorum steps,
    any suspension, the opening by the chair."""
    meeting = facts.meeting
    registered = meeting.registered or 0
    entitled = meeting.entitled if meeting.entitled is not None else registered
    others = {c: n for c, n in facts.others.items() if n}
    if not others and facts.uncounted:
        others = {Category.MEMBER: facts.uncounted}
    lines = [
        roll_line(meeting.cutoff_date, registered, entitled, spell, t),
        attended_line(facts.attended, spell, t),
        *others_line(others, spell, t),
        *event_entries(placement.opening, OPENING, spell, t),
    ]
    clauses = [Clause(text, figures=figures) for text, figures in lines]
    return Section(t.tr("KEHADIRAN DAN KUORUM"), tuple(clauses))


def _leaders(meeting: Meeting, t: Translator) -> Section:
    chair = meeting.officer(OfficerRole.CHAIR)
    secretary = meeting.officer(OfficerRole.SECRETARY)
    witnesses = [o.name for o in meeting.officers if o.role is OfficerRole.WITNESS and o.name]
    clauses = [
        Clause(t.tr("Ketua Rapat: {name}", name=chair.name if chair else "-")),
        Clause(t.tr("Sekretaris Rapat: {name}", name=secretary.name if secretary else "-")),
    ]
    if witnesses:
        clauses.append(Clause(t.tr("Saksi Rapat: {names}", names=joined(witnesses, t))))
    return Section(t.tr("PIMPINAN RAPAT"), tuple(clauses))


def meeting_events_of(facts: MinutesFacts, spell: Spell, t: Translator) -> EventPlacement:
    """The meeting's events, worded and placed under the opening, each item and the closing."""
    meeting = facts.meeting
    opened = meeting.opened_at
    records = EventFacts(
        checks=facts.checks,
        ballots=facts.ballots,
        decisions=facts.decisions or (),
        opened_at=opened,
        arrivals=[a for a in facts.arrivals if opened is not None and a > opened],
        movements=facts.movements,
        kinds={i.id: i.kind for i in meeting.agenda if i.id is not None},
    )
    zone, label = meeting.zone, meeting.time_zone.value
    events = meeting_events(records, facts.profile, zone, label, spell, t)
    return place_events(events, meeting.agenda, zone, label, t)


def event_lines(
    placed: Sequence[PlacedEvent], place: int, spell: Spell, t: Translator
) -> list[str]:
    """The sentences of one place in order; arrivals are summed into one line at the end."""
    return [line for line, _figures in event_entries(placed, place, spell, t)]


def event_entries(
    events: Sequence[PlacedEvent], place: int, spell: Spell, t: Translator
) -> list[tuple[str, tuple[Figure, ...]]]:
    """The sentences of one place in order, each with the figures it states; arrivals are
    summed into one line at the end."""
    lines = [
        (p.event.text, p.event.figures) for p in events if p.event.kind is not EventKind.ARRIVAL
    ]
    came = sum(1 for p in events if p.event.kind is EventKind.ARRIVAL)
    if came:
        lines.append((arrivals_line(came, place, spell, t), ()))
    return lines


def _agenda(facts: MinutesFacts, placement: EventPlacement, spell: Spell, t: Translator) -> Section:
    clauses = [
        _item_clause(item, placement.of_item(item.id or -1), facts, spell, t)
        for item in sorted(facts.meeting.agenda, key=lambda i: i.position)
    ]
    return Section(t.tr("ACARA DAN KEPUTUSAN"), tuple(clauses))


def _item_clause(
    item: AgendaItem, events: Sequence[PlacedEvent], facts: MinutesFacts, spell: Spell,
    t: Translator,
) -> Clause:  # fmt: skip
    """An item: when it was discussed, the secretary's notes, then what happened in order
    (quorum checks, ballots, decisions with their tallies, arrivals), and the deed notice."""
    points = []
    figures: list[Figure] = []
    meeting = facts.meeting
    if item.started_at is not None:
        label = meeting.time_zone.value
        start = clock(item.started_at.astimezone(meeting.zone), label)
        if item.ended_at is not None:
            end = clock(item.ended_at.astimezone(meeting.zone), label)
            points.append(t.tr("Dibahas pukul {start} sampai dengan pukul {end}.", start=start,
                               end=end))  # fmt: skip
        else:
            points.append(t.tr("Dibahas mulai pukul {start}.", start=start))
    if item.notes.strip():
        points.append(t.tr("Pembahasan: {notes}", notes=item.notes.strip()))
    for line, stated in event_entries(events, item.id or -1, spell, t):
        points.append(line)
        figures.extend(placed(stated, "", len(points)))
    if not any(p.event.kind is EventKind.DECISION for p in events):
        points.append(
            t.tr("Keputusan belum dicatat.")
            if facts.decisions is None
            else t.tr("Tidak ada keputusan yang dicatat.")
        )
    board = elected_board(item.id, facts)
    points.extend(board_lines(board, t, term_of(facts), spell))
    if item.kind in DEED_KINDS:
        points.append(_deed_notice(item.kind, t))
    title = election_heading(item.title, list(board), t) if board else item.title
    return Clause(title, tuple(points), tuple(figures))


def term_of(facts: MinutesFacts) -> Term:
    """The term of those elected, from the AD profile (UU 25/1992 Pasal 29 ayat (2)): it
    begins with the financial year after the one the meeting reports on, else the meeting's
    year."""
    meeting, profile = facts.meeting, facts.profile
    first = meeting.financial_year + 1 if meeting.financial_year else meeting.date.year
    return Term(profile.term_period(first), profile.term_years or 0, profile.article("term_years"))


def elected_board(item_id: int | None, facts: MinutesFacts) -> dict[str, list[str]]:
    """Everyone the item's elections elected, round after round, by office (issue 11,
    point 3): the first round's elected, then those of its run-off."""
    ballots = {b.id: b for b in facts.ballots if b.item_id == item_id}
    board: dict[str, list[str]] = {}
    decided = sorted(
        (d for d in facts.decisions or () if d.ballot_id in ballots and d.votes is not None),
        key=lambda d: (d.at is None, d.at or dt.datetime.min.replace(tzinfo=dt.UTC)),
    )
    for d in decided:
        ballot = ballots[d.ballot_id]
        if ballot.kind is not BallotKind.ELECTION or d.votes is None:
            continue
        names = board.setdefault(office_of(ballot), [])
        names.extend(n for n in elected_names(d.votes, ballot) if n not in names)
    return board


def _deed_notice(kind: ItemKind, t: Translator) -> str:
    """UU 25/1992 Pasal 12: the RA decides, a notarial deed (NPAK) records it; merger and
    division also need the government's approval (Pasal 12(2)). Law.md rule 33."""
    text = t.tr(
        "Keputusan ini belum merupakan akta: masih harus dituangkan dalam akta notaris oleh "
        "Notaris Pembuat Akta Koperasi (NPAK)."
    )
    if kind in APPROVAL_KINDS:
        text += " " + t.tr(
            "Juga masih diperlukan persetujuan Pemerintah (UU 25/1992 Pasal 12 ayat (2))."
        )
    return text


def signature_blocks(
    meeting: Meeting, t: Translator
) -> tuple[tuple[Signer, ...], tuple[Signer, ...], Signer | None]:
    """Who signs the berita acara, with one label per role (the same on the Daftar Hadir):
    the roles of :func:`assembly.domain.signers.required_signers` (the chair and the
    secretary, then the roles decided at the meeting's set-up), each with a signature field.
    A meeting saved before that setting keeps a field for every named witness and the
    "Mengetahui" when named, as before."""
    chair = meeting.officer(OfficerRole.CHAIR)
    secretary = meeting.officer(OfficerRole.SECRETARY)
    named = [o.name for o in meeting.officers if o.role is OfficerRole.WITNESS and o.name.strip()]
    officer = meeting.officer(OfficerRole.ACKNOWLEDGER)
    names = {
        "ketua": chair.name if chair else "",
        "sekretaris": secretary.name if secretary else "",
        "mengetahui": officer.name.strip() if officer is not None else "",
        **{f"saksi{n}": name for n, name in enumerate(named, start=1)},
    }
    blocks = [
        Signer(signer_title(key, t), names.get(key, ""), signer_field(key))
        for key in required_signers(meeting)
    ]
    leaders = (blocks[0], blocks[1])
    witnesses = tuple(b for b in blocks if b.field.startswith("TTD_Saksi"))
    acknowledger = next((b for b in blocks if b.field == signer_field("mengetahui")), None)
    return leaders, witnesses, acknowledger
