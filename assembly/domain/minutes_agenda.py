"""The berita acara's "ACARA DAN KEPUTUSAN": each agenda item with when it was discussed,
the secretary's notes, what happened under it in order (quorum checks, ballots, decisions with
their tallies, arrivals), the board it elected with the term, and, for a decision only a
notarial deed can carry out, the deed notice (UU 25/1992 Pasal 12; law.md rule 33). Also the
meeting's events worded and placed, which the opening and closing sections share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from assembly.domain.ad_profile import ItemKind
from assembly.domain.ballots import BallotKind
from assembly.domain.figures import Figure, placed
from assembly.domain.meeting import AgendaItem
from assembly.domain.minutes_content import Clause, MinutesFacts, Section
from assembly.domain.minutes_events import (
    EventFacts,
    EventKind,
    EventPlacement,
    PlacedEvent,
    arrivals_line,
    meeting_events,
    place_events,
)
from assembly.domain.minutes_results import (
    Term,
    board_lines,
    elected_names,
    election_heading,
    office_of,
)
from assembly.domain.minutes_words import Spell, clock
from assembly.i18n import Translator

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


def agenda_section(
    facts: MinutesFacts, placement: EventPlacement, spell: Spell, t: Translator
) -> Section:
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
