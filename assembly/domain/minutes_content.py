"""The berita acara as data: the facts it is built from (:class:`MinutesFacts`) and what it
says, sentence by sentence, ready to be laid out (:class:`MinutesContent`, its sections,
clauses and signature blocks)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance import Channel
from assembly.domain.ballots import Ballot
from assembly.domain.cooperative import Cooperative
from assembly.domain.figures import Figure
from assembly.domain.meeting import Meeting
from assembly.domain.members import Category
from assembly.domain.minutes_decisions import DecisionEntry
from assembly.domain.presence import Movement
from assembly.domain.quorum_check import QuorumCheck


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
