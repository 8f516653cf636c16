"""What the projector shows, as plain text and numbers computed from a console snapshot.

Kept apart from the widgets so the rule that matters most is in one place: while a ballot is
open the hall sees its progress only, never a tally (the snapshot carries none, and a result of
an earlier ballot is hidden too); the numbers appear once the ballot is closed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from assembly.domain.ballots import BallotKind, BallotMode, Choice, decide_election
from assembly.domain.quorum import thousands
from assembly.i18n import tr, translator, trn
from assembly.services.console import ClosedBallot, ConsoleSnapshot


class Stage(Enum):
    """Which part of the screen is shown below the quorum."""

    IDLE = "idle"
    VOTING = "voting"
    RESULT = "result"


@dataclass(frozen=True)
class Bar:
    """One bar of a result: its label, its number, its colour role, and whether it won."""

    label: str
    value: int
    role: str  # "yes", "no", "abstain", "invalid", "elected", "tied", "candidate"


@dataclass(frozen=True)
class ProjectorView:
    """Everything the projector shows at one moment, as text."""

    header: str
    item: str
    quorum: str
    stage: Stage
    ballot_title: str = ""
    mode: str = ""
    progress: str = ""
    proxy_note: str = ""
    voted: int = 0
    eligible: int = 0
    bars: tuple[Bar, ...] = ()
    statement: str = ""
    rule: str = ""


def quorum_line(present: int, base: int, minimum: int, reached: bool) -> str:
    """ "Hadir 1.234 dari 3.000 — kuorum 1.501 tercapai"."""
    verdict = tr("tercapai") if reached else tr("belum tercapai")
    return tr(
        "Hadir {present} dari {base} \u2014 kuorum {minimum} {verdict}",
        present=thousands(present),
        base=thousands(base),
        minimum=thousands(minimum),
        verdict=verdict,
    )


def mode_line(mode: BallotMode) -> str:
    """How the hall votes, in a few words."""
    return {
        BallotMode.NAMED: tr("Pemungutan suara terbuka"),
        BallotMode.COUNTED: tr("Pemungutan suara dihitung"),
        BallotMode.SECRET: tr("Pemungutan suara rahasia"),
    }[mode]


def view_of(snap: ConsoleSnapshot, cooperative: str) -> ProjectorView:
    """The projector's content for ``snap``; ``cooperative`` is the cooperative's name."""
    title = snap.meeting.title_in(translator())
    header = f"{cooperative} \u2014 {title}" if cooperative else title
    item = (
        tr("Acara {position}: {title}", position=snap.item.position, title=snap.item.title)
        if snap.item is not None
        else ""
    )
    q = snap.quorum
    quorum = quorum_line(q.present, q.base, q.minimum, q.reached)
    if snap.ballot is not None and snap.progress is not None:
        # An open ballot: progress only, whatever the mode (no running tally in the hall).
        progress = snap.progress
        proxy = (
            tr("termasuk {n} melalui surat kuasa", n=thousands(progress.by_proxy))
            if progress.by_proxy
            else ""
        )
        return ProjectorView(
            header, item, quorum, Stage.VOTING,
            ballot_title=snap.ballot.title,
            mode=mode_line(snap.ballot.mode),
            progress=progress.text,
            proxy_note=proxy,
            voted=progress.voted,
            eligible=progress.eligible,
        )  # fmt: skip
    last = snap.last
    if last is not None and (snap.item is None or last.ballot.item_id == snap.item.id):
        return ProjectorView(
            header, item, quorum, Stage.RESULT,
            ballot_title=last.ballot.title,
            mode=mode_line(last.ballot.mode),
            proxy_note=(
                trn(
                    "termasuk {n} suara melalui surat kuasa",
                    "termasuk {n} suara melalui surat kuasa",
                    last.by_proxy,
                    n=thousands(last.by_proxy),
                )
                if last.by_proxy
                else ""
            ),
            bars=result_bars(last),
            # After an election, the whole board elected (every round) in one more line.
            statement="\n".join(t for t in (last.decision.result, last.board) if t),
            rule=tr("Aturan: {rule}", rule=last.rule) if last.rule else "",
        )  # fmt: skip
    return ProjectorView(header, item, quorum, Stage.IDLE)


def result_bars(last: ClosedBallot) -> tuple[Bar, ...]:
    """A motion's four counts in a fixed order, or the candidates ranked, the elected
    marked."""
    if last.ballot.kind is BallotKind.MOTION:
        roles = {
            Choice.YES: "yes",
            Choice.NO: "no",
            Choice.ABSTAIN: "abstain",
            Choice.INVALID: "invalid",
        }
        return tuple(Bar(tr(c.key), last.tally.get(c.value, 0), roles[c]) for c in Choice)
    result = decide_election(last.tally, last.ballot.seats or 1)
    elected, tied = set(result.elected), set(result.runoff)
    return tuple(
        Bar(name, votes, "elected" if name in elected else "tied" if name in tied else "candidate")
        for name, votes in result.ranking
    )
