"""How the minutes word a decision (law.md rule 28): its method and time, what was decided,
the result with its tally, any dissent; an election round with every candidate's votes, the
seats and the elected, or the tie for the last seat and how the AD breaks it; a counted vote
with its tellers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from assembly.domain.ad_profile import ADProfile, ItemKind, TieBreak
from assembly.domain.ballots import Ballot, BallotKind, DecisionMethod, Outcome
from assembly.domain.minutes_results import (
    election_result,
    motion_result,
    tally_sentence,
    votes_sentence,
)
from assembly.domain.minutes_words import Spell, clock, joined, sentence
from assembly.i18n import Translator


@dataclass(frozen=True)
class DecisionEntry:
    """A decision recorded on an agenda item: its method, what was decided, any dissent,
    the statement of the result (with the tally when it was voted) and when it was recorded."""

    item_id: int
    method: DecisionMethod
    text: str
    result: str
    outcome: Outcome
    dissent: str = ""
    tally: Mapping[str, int] | None = None  # a voted motion: setuju, tidak_setuju, abstain, …
    at: dt.datetime | None = None
    ballot_id: int | None = None  # the ballot the decision came from
    votes: Mapping[str, int] | None = None  # an election: each candidate's votes
    tellers: tuple[str, ...] = ()  # a counted vote: the saksi penghitung suara


@dataclass(frozen=True)
class Voted:
    """What a voted decision's result is worded from: its ballot, the item's kind, the AD
    profile and the terbilang (None ballot: a decision by consensus)."""

    ballot: Ballot | None
    kind: ItemKind
    profile: ADProfile
    spell: Spell


def decision_sentence(
    d: DecisionEntry, zone: dt.tzinfo, label: str, t: Translator, voted: Voted | None = None
) -> str:
    """The decision with its method, its time when recorded, its result and tally (law.md
    rule 28: each decision with its tally); an election round with every candidate's votes,
    the seats and the elected; a counted vote with its tellers."""
    when = clock(d.at.astimezone(zone), label) if d.at is not None else ""
    if d.outcome is Outcome.NO_CONSENSUS:
        text = (
            t.tr("Musyawarah untuk mufakat tidak tercapai (pukul {time}); keputusan diambil "
                 "dengan pemungutan suara.", time=when)
            if when
            else t.tr("Musyawarah untuk mufakat tidak tercapai; keputusan diambil dengan "
                      "pemungutan suara.")
        )  # fmt: skip
        return text + (" " + sentence(d.text) if d.text.strip() else "")
    method = (
        t.tr("musyawarah untuk mufakat")
        if d.method is DecisionMethod.CONSENSUS
        else t.tr("pemungutan suara")
    )
    if when:
        method = t.tr("{method}, pukul {time}", method=method, time=when)
    text = sentence(d.text) if d.text.strip() else ""
    result = d.result.strip()
    ballot = voted.ballot if voted is not None else None
    if d.method is DecisionMethod.CONSENSUS:
        line = t.tr("Keputusan ({method}): {text}", method=method, text=text or result)
    elif voted is not None and ballot is not None and ballot.kind is BallotKind.ELECTION:
        line = _election_sentence(d, ballot, method, voted, t)
    else:
        if voted is not None and ballot is not None and d.tally is not None:
            result = (
                motion_result(d.tally, ballot, voted.kind, voted.profile, voted.spell, t) or result
            )
        line = t.tr(
            "Keputusan ({method}): {text} Hasil: {result}.",
            method=method,
            text=text,
            result=result,
        )
        if d.tally is not None:
            line += " " + (
                tally_sentence(d.tally, voted.spell, t)
                if voted is not None
                else _tally_sentence(d.tally, t)
            )
    if d.tellers:
        line += " " + t.tr("Saksi penghitung suara: {names}.", names=joined(list(d.tellers), t))
    if d.dissent.strip():
        line += " " + t.tr("Catatan: {dissent}", dissent=sentence(d.dissent))
    return line.replace("  ", " ").strip()


def _election_sentence(
    d: DecisionEntry, ballot: Ballot, method: str, voted: Voted, t: Translator
) -> str:
    """One round of an election: its title, every candidate's votes, the seats and the
    elected, or the tie for the last seat and how the AD breaks it."""
    if ballot.runoff_of is not None:
        head = t.tr("Keputusan pemilihan putaran kedua ({method}): {title}.", method=method,
                    title=_round_title(ballot.title, t))  # fmt: skip
    else:
        head = t.tr("Keputusan ({method}): {text}", method=method, text=sentence(ballot.title))
    if d.votes is None:
        return t.tr("{head} Hasil: {result}.", head=head, result=d.result.strip())
    line = " ".join(
        (head, votes_sentence(d.votes, voted.spell, t),
         election_result(d.votes, ballot, voted.spell, t))
    )  # fmt: skip
    if d.outcome is Outcome.RUNOFF:
        line += " " + t.tr("Kursi terakhir diputuskan dengan pemilihan putaran kedua.")
    elif d.outcome is Outcome.TIE:
        how = {
            TieBreak.RUNOFF: t.tr("pemilihan ulang antara calon yang suaranya sama"),
            TieBreak.LOT: t.tr("diundi di hadapan rapat"),
            TieBreak.CHAIR: t.tr("diputuskan oleh pimpinan rapat"),
        }[voted.profile.tie_break]
        line += " " + t.tr("Kursi terakhir: {how}.", how=how)
    return line


def _round_title(title: str, t: Translator) -> str:
    """The election's title without the "Pemilihan ulang: " the run-off's record puts before
    it."""
    for prefix in ("Pemilihan ulang: ", t.tr("Pemilihan ulang: ")):
        if title.startswith(prefix):
            return title[len(prefix) :]
    return title


def _tally_sentence(tally: Mapping[str, int], t: Translator) -> str:
    """ "Perolehan suara: setuju 610, tidak setuju 40, abstain 30, tidak sah 5."."""
    return t.tr(
        "Perolehan suara: setuju {yes}, tidak setuju {no}, abstain {abstain}, tidak sah {invalid}.",
        yes=f"{tally.get('setuju', 0):,}".replace(",", "."),
        no=f"{tally.get('tidak_setuju', 0):,}".replace(",", "."),
        abstain=f"{tally.get('abstain', 0):,}".replace(",", "."),
        invalid=f"{tally.get('tidak_sah', 0):,}".replace(",", "."),
    )
