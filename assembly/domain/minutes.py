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

from dataclasses import replace

from assembly.domain.cooperative import Cooperative
from assembly.domain.meeting import Meeting, MeetingState, OfficerRole, signer_title
from assembly.domain.members import Category
from assembly.domain.minutes_agenda import (
    agenda_section,
    event_entries,
    event_lines,
    meeting_events_of,
)
from assembly.domain.minutes_attendance import attended_line, others_line, roll_line
from assembly.domain.minutes_content import (
    Clause,
    MinutesContent,
    MinutesFacts,
    Section,
    Signer,
)
from assembly.domain.minutes_decisions import DecisionEntry
from assembly.domain.minutes_events import (
    CLOSING,
    OPENING,
    EventPlacement,
)
from assembly.domain.minutes_events import arrivals_line as arrivals_line
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
from assembly.domain.signers import required_signers, signer_field
from assembly.i18n import Translator, translator

# Kept importable from here: the wording moved to minutes_words, the decisions to
# minutes_decisions, the facts and the content's shape to minutes_content, the agenda
# section and the placed events to minutes_agenda.
__all__ = [
    "Clause",
    "DecisionEntry",
    "MinutesContent",
    "MinutesFacts",
    "Section",
    "Signer",
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
        agenda_section(facts, placement, spell, t),
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
