"""Where each event of a meeting belongs in its minutes (DESIGN.md section 4).

The secretary does not file quorum checks, suspensions, ballots and decisions by hand: each
event is placed under the agenda item that was being discussed when it happened, by the times
the chair took each item up and left it (``AgendaItem.started_at``/``ended_at``). An event
recorded against an item (a ballot, a decision) stays with that item whatever its time. An
event before any item was taken up belongs to the opening; one after the last item was left,
to the closing. :func:`place_events` is pure: events and items in, events per place out, each
with its time as the minutes write it ("pukul 10.42 WIB").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from assembly.domain.ad_profile import ADProfile, ItemKind
from assembly.domain.ballots import (
    Ballot,
    BallotKind,
    BallotMode,
    BallotState,
    Outcome,
)
from assembly.domain.figures import Figure
from assembly.domain.meeting import AgendaItem
from assembly.domain.minutes_decisions import DecisionEntry, Voted, decision_sentence
from assembly.domain.minutes_figures import (
    check_figures,
    decision_figures,
    movement_figures,
    movement_sentence,
)
from assembly.domain.minutes_results import rule_words
from assembly.domain.minutes_words import (
    Spell,
    bare_article,
    clock,
    fractions_in_words,
    with_words,
)
from assembly.domain.presence import Movement
from assembly.domain.quorum_check import CheckStep, QuorumCheck
from assembly.i18n import Translator


class EventKind(StrEnum):
    """What happened: the minutes word each kind its own way."""

    QUORUM = "quorum"  # a quorum check, at the opening or on request
    SUSPENSION = "suspension"  # skorsing or postponement
    OPENED = "opened"  # the chair opened the meeting
    BALLOT = "ballot"  # a ballot or election opened, with its quorum snapshot
    CANCELLED = "cancelled"  # a ballot cancelled
    DECISION = "decision"  # a decision, with its tally when voted
    ARRIVAL = "arrival"  # a member arrived after the opening (summed per item)
    MOVEMENT = "movement"  # members left or came back, with how many are then present


@dataclass(frozen=True)
class MeetingEvent:
    """One event: when (None when the record kept no time), what, the sentence the minutes
    write, and the item it was recorded against, if any."""

    at: dt.datetime | None
    kind: EventKind
    text: str
    item_id: int | None = None
    figures: tuple[Figure, ...] = ()  # the figures the sentence states


@dataclass(frozen=True)
class PlacedEvent:
    """An event in its place, with its time as the minutes write it: "pukul 10.42 WIB"."""

    event: MeetingEvent
    time: str


@dataclass(frozen=True)
class EventPlacement:
    """The meeting's events by place: the opening, each item (by id) and the closing, each
    in the order they happened."""

    opening: tuple[PlacedEvent, ...] = ()
    items: Mapping[int, tuple[PlacedEvent, ...]] = field(default_factory=dict)
    closing: tuple[PlacedEvent, ...] = ()

    def of_item(self, item_id: int) -> tuple[PlacedEvent, ...]:
        """The events under one item (none when nothing happened during it)."""
        return self.items.get(item_id, ())

    def all(self) -> list[PlacedEvent]:
        """Every placed event: the opening's, each item's, the closing's."""
        out = list(self.opening)
        for events in self.items.values():
            out.extend(events)
        return out + list(self.closing)


OPENING = -1  # the place of events before any item was taken up
CLOSING = -2  # the place of events after the last item was left


def event_time(at: dt.datetime | None, zone: dt.tzinfo, label: str, t: Translator) -> str:
    """ "pukul 10.42 WIB" in the meeting's zone; "" for an event without a time."""
    if at is None:
        return ""
    return t.tr("pukul {time}", time=clock(at.astimezone(zone), label))


def place_of_moment(at: dt.datetime, items: Sequence[AgendaItem]) -> int:
    """The id of the item current at ``at``, or :data:`OPENING` / :data:`CLOSING`.

    The current item is the one taken up latest among those taken up by then and not yet
    left (as the chair's console shows it). Between two items, the event stays with the item
    just left; before the first item it belongs to the opening, after the last to the
    closing."""
    started = [i for i in items if i.id is not None and i.started_at is not None]
    running = [
        i
        for i in started
        if i.started_at is not None
        and i.started_at <= at
        and (i.ended_at is None or at < i.ended_at)
    ]
    if running:
        return _id(max(running, key=_start))
    begun = [i for i in started if _start(i) <= at]
    if not begun:
        return OPENING
    if not any(_start(i) > at for i in started):
        return CLOSING
    left = [i for i in begun if i.ended_at is not None and i.ended_at <= at]
    return _id(max(left, key=lambda i: (i.ended_at, _start(i)))) if left else OPENING


def place_events(
    events: Sequence[MeetingEvent],
    items: Sequence[AgendaItem],
    zone: dt.tzinfo,
    label: str,
    t: Translator,
) -> EventPlacement:
    """Every event under its place, in time order (events with the same time, or without
    one, keep the order given; those without a time come after the timed ones)."""
    known = {i.id for i in items if i.id is not None}
    places: dict[int, list[MeetingEvent]] = {}
    for event in events:
        if event.item_id is not None and event.item_id in known:
            place = event.item_id
        elif event.at is not None:
            place = place_of_moment(event.at, items)
        else:
            place = OPENING
        places.setdefault(place, []).append(event)

    def placed(place: int) -> tuple[PlacedEvent, ...]:
        ordered = sorted(places.get(place, ()), key=_moment)
        return tuple(PlacedEvent(e, event_time(e.at, zone, label, t)) for e in ordered)

    by_item = {
        i.id: placed(i.id)
        for i in sorted(items, key=lambda i: i.position)
        if i.id is not None and i.id in places
    }
    return EventPlacement(placed(OPENING), by_item, placed(CLOSING))


_FAR_FUTURE = dt.datetime.max.replace(tzinfo=dt.UTC)


def _moment(event: MeetingEvent) -> tuple[bool, dt.datetime]:
    return (event.at is None, event.at or _FAR_FUTURE)


def _start(item: AgendaItem) -> dt.datetime:
    assert item.started_at is not None
    return item.started_at


def _id(item: AgendaItem) -> int:
    assert item.id is not None
    return item.id


@dataclass(frozen=True)
class EventFacts:
    """The records the events are worded from: quorum steps, ballots, decisions, the moment
    the meeting was opened and the arrival times of the members counted after it."""

    checks: Sequence[QuorumCheck] = ()
    ballots: Sequence[Ballot] = ()
    decisions: Sequence[DecisionEntry] = ()
    opened_at: dt.datetime | None = None
    arrivals: Sequence[dt.datetime] = ()
    movements: Sequence[Movement] = ()
    kinds: Mapping[int, ItemKind] = field(default_factory=dict)  # each item's kind, by id


def meeting_events(
    facts: EventFacts, profile: ADProfile, zone: dt.tzinfo, label: str, spell: Spell,
    t: Translator,
) -> list[MeetingEvent]:  # fmt: skip
    """Every event of the meeting as the minutes word it. Events of the same second keep
    this order: consensus failing comes before the quorum re-check and the ballot it led to,
    and those before the decision the ballot gave."""
    events = [
        MeetingEvent(d.at, EventKind.DECISION, decision_sentence(d, zone, label, t), d.item_id)
        for d in facts.decisions
        if d.outcome is Outcome.NO_CONSENSUS
    ]
    events += [
        MeetingEvent(
            c.at,
            EventKind.QUORUM if c.step not in _STOPS else EventKind.SUSPENSION,
            check_sentence(c, profile, spell, zone, label, t),
            figures=check_figures(n, c),
        )
        for n, c in enumerate(facts.checks, start=1)
    ]
    if facts.opened_at is not None:
        opened = clock(facts.opened_at.astimezone(zone), label)
        text = t.tr("Rapat dibuka oleh Ketua Rapat pukul {time}.", time=opened)
        events.append(MeetingEvent(facts.opened_at, EventKind.OPENED, text))
    by_id = {b.id: b for b in facts.ballots}
    for ballot in facts.ballots:
        events.append(
            MeetingEvent(
                ballot.opened_at,
                EventKind.BALLOT,
                _ballot_sentence(ballot, by_id, zone, label, spell, t),
                ballot.item_id,
                (
                    Figure(f"suara.{ballot.id}.hadir", ballot.present, at=ballot.opened_at),
                    Figure(f"suara.{ballot.id}.minimal", ballot.minimum),
                ),
            )
        )
        if ballot.state is BallotState.CANCELLED and ballot.closed_at is not None:
            events.append(
                MeetingEvent(
                    ballot.closed_at,
                    EventKind.CANCELLED,
                    _cancel_sentence(ballot, zone, label, t),
                    ballot.item_id,
                )
            )
    for d in facts.decisions:
        if d.outcome is Outcome.NO_CONSENSUS:
            continue
        voted = Voted(
            by_id.get(d.ballot_id), facts.kinds.get(d.item_id, ItemKind.ORDINARY), profile, spell
        )
        events.append(
            MeetingEvent(
                d.at,
                EventKind.DECISION,
                decision_sentence(d, zone, label, t, voted),
                d.item_id,
                decision_figures(d.ballot_id, d.outcome.value, d.result, d.tally),
            )
        )
    events.extend(
        MeetingEvent(at, EventKind.ARRIVAL, t.tr("Seorang anggota hadir.")) for at in facts.arrivals
    )
    events.extend(
        MeetingEvent(
            m.at,
            EventKind.MOVEMENT,
            movement_sentence(m, label, spell, t),
            figures=movement_figures(m),
        )
        for m in facts.movements
    )
    return events


def arrivals_line(count: int, place: int, spell: Spell, t: Translator) -> str:
    """The summary of the members who came in during an item (or the opening, the closing):
    "Selama pembahasan acara ini hadir 3 (tiga) anggota lagi." """
    number = with_words(count, spell)
    if place == OPENING:
        return t.trn("Setelah rapat dibuka hadir {count} anggota lagi.",
                     "Setelah rapat dibuka hadir {count} anggota lagi.", count, count=number)  # fmt: skip
    if place == CLOSING:
        return t.trn("Setelah acara terakhir selesai hadir {count} anggota lagi.",
                     "Setelah acara terakhir selesai hadir {count} anggota lagi.", count,
                     count=number)  # fmt: skip
    return t.trn("Selama pembahasan acara ini hadir {count} anggota lagi.",
                 "Selama pembahasan acara ini hadir {count} anggota lagi.", count, count=number)  # fmt: skip


_STOPS = (CheckStep.SUSPENSION, CheckStep.POSTPONEMENT)


def check_sentence(
    check: QuorumCheck, profile: ADProfile, spell: Spell, zone: dt.tzinfo, label: str,
    t: Translator,
) -> str:  # fmt: skip
    """A quorum step as the minutes state it, with the rule's AD article (UU 25/1992
    Pasal 22-23; law.md rules 14-18)."""
    at = clock(check.at.astimezone(zone), label)
    if check.step is CheckStep.SUSPENSION:
        until = clock(check.until.astimezone(zone), label) if check.until else ""
        return t.tr(
            "Pukul {time} rapat diskors selama {minutes} menit, sampai pukul {until}, karena "
            "kuorum belum tercapai.",
            time=at,
            minutes=profile.suspension_minutes,
            until=until,
        )
    if check.step is CheckStep.POSTPONEMENT:
        return t.tr("Pukul {time} rapat ditunda karena kuorum tidak tercapai.", time=at)
    article = bare_article(check.article)
    if t.language != "id":
        article = re.sub(r" ayat \((\d+)\)", r"(\1)", article)
    rule = fractions_in_words(rule_words(check.rule_text, t), spell, t)
    if article:
        basis = t.tr("Sesuai Pasal {article} Anggaran Dasar, kuorum adalah {rule}", article=article,
                     rule=rule)  # fmt: skip
    else:
        basis = t.tr("Kuorum adalah {rule}", rule=rule)
    verdict = (
        t.tr("telah terpenuhi. Rapat dinyatakan sah.")
        if check.reached and check.step not in (CheckStep.ON_REQUEST, CheckStep.BEFORE_DECISION)
        else t.tr("terpenuhi.")
        if check.reached
        else t.tr("belum terpenuhi.")
    )
    return t.tr(
        "{step} pukul {time}: hadir {present} orang. {basis}, yaitu minimal {minimum} orang "
        "dari {base} orang, {verdict}",
        step=_step_label(check.step, t),
        time=at,
        present=with_words(check.present, spell),
        basis=basis,
        minimum=with_words(check.minimum, spell),
        base=with_words(check.base, spell),
        verdict=verdict,
    )


def _step_label(step: CheckStep, t: Translator) -> str:
    return {
        CheckStep.OPENING: t.tr("Pemeriksaan kuorum pada pembukaan"),
        CheckStep.RECHECK: t.tr("Pemeriksaan ulang kuorum"),
        CheckStep.SECOND_CALL: t.tr("Panggilan kedua"),
        CheckStep.ON_REQUEST: t.tr("Pemeriksaan kuorum atas permintaan pimpinan rapat"),
        CheckStep.BEFORE_DECISION: t.tr("Pemeriksaan kuorum sebelum pengambilan keputusan"),
    }.get(step, step.value)


def _ballot_sentence(
    ballot: Ballot, by_id: Mapping[int | None, Ballot], zone: dt.tzinfo, label: str,
    spell: Spell, t: Translator,
) -> str:  # fmt: skip
    """ "Pukul 10.30 WIB dibuka pemungutan suara terbuka per nama atas usul "…"; hadir …" with
    the quorum snapshot taken when the ballot opened (law.md rule 19)."""
    at = clock(ballot.opened_at.astimezone(zone), label)
    mode = {
        BallotMode.NAMED: t.tr("terbuka per nama"),
        BallotMode.COUNTED: t.tr("terbuka dengan penghitungan suara"),
        BallotMode.SECRET: t.tr("secara rahasia"),
    }[ballot.mode]
    earlier = by_id.get(ballot.revote_of or ballot.runoff_of)
    if ballot.runoff_of is not None:
        opened = t.tr(
            "Pukul {time} dibuka pemilihan putaran kedua ({mode}) untuk {title}",
            time=at, mode=mode, title=earlier.title if earlier else ballot.title,
        )  # fmt: skip
    elif ballot.kind is BallotKind.ELECTION:
        opened = t.tr("Pukul {time} dibuka pemilihan ({mode}): {title}", time=at, mode=mode,
                      title=ballot.title)  # fmt: skip
    else:
        opened = t.tr("Pukul {time} dibuka pemungutan suara ({mode}) atas usul: {title}",
                      time=at, mode=mode, title=ballot.title)  # fmt: skip
    if ballot.revote_of is not None:
        opened += " " + t.tr(
            "(pemungutan suara ulang, karena {reason})",
            reason=ballot.revote_reason.strip().rstrip(".") or t.tr("pemungutan sebelumnya dibatalkan"),
        )  # fmt: skip
    verdict = t.tr("kuorum terpenuhi") if ballot.reached else t.tr("kuorum tidak terpenuhi")
    return t.tr(
        "{opened}; saat itu hadir {present} orang, kuorum minimal {minimum} orang, {verdict}.",
        opened=opened,
        present=with_words(ballot.present, spell),
        minimum=with_words(ballot.minimum, spell),
        verdict=verdict,
    )


def _cancel_sentence(ballot: Ballot, zone: dt.tzinfo, label: str, t: Translator) -> str:
    assert ballot.closed_at is not None
    at = clock(ballot.closed_at.astimezone(zone), label)
    reason = ballot.cancel_reason.strip().rstrip(".")
    if reason:
        return t.tr("Pukul {time} pemungutan suara {title} dibatalkan karena {reason}.",
                    time=at, title=ballot.title, reason=reason)  # fmt: skip
    return t.tr("Pukul {time} pemungutan suara {title} dibatalkan.", time=at, title=ballot.title)
