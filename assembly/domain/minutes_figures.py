"""The figures each event of the minutes states (issue 11, point 2), and the sentence of a
movement: members leaving or coming back, with how many are then present.

Each figure carries the key the reconciliation check recounts it under
(:mod:`assembly.domain.figures`): "kuorum.1.hadir", "suara.3.setuju", "gerak.11.07.hadir"…
"""

from __future__ import annotations

from collections.abc import Mapping

from assembly.domain.figures import Figure, result_key
from assembly.domain.minutes_words import Spell, clock, joined, with_words
from assembly.domain.presence import Movement
from assembly.domain.quorum_check import CheckStep, QuorumCheck
from assembly.i18n import Translator

TALLY_KEYS = ("setuju", "tidak_setuju", "abstain", "tidak_sah")


def check_figures(n: int, check: QuorumCheck) -> tuple[Figure, ...]:
    """The figures of the ``n``-th quorum step: present (at its moment), minimum and base."""
    if check.step in (CheckStep.SUSPENSION, CheckStep.POSTPONEMENT):
        return ()
    return (
        Figure(f"kuorum.{n}.hadir", check.present, at=check.at),
        Figure(f"kuorum.{n}.minimal", check.minimum),
        Figure(f"kuorum.{n}.dasar", check.base),
    )


def decision_figures(
    ballot_id: int | None, outcome: str, result: str, tally: Mapping[str, int] | None
) -> tuple[Figure, ...]:
    """A voted decision's tally and the result it states, keyed by its ballot."""
    if ballot_id is None:
        return ()
    out = [Figure(f"suara.{ballot_id}.hasil", result_key(outcome, result))]
    if tally is not None:
        out += [Figure(f"suara.{ballot_id}.{k}", int(tally.get(k, 0))) for k in TALLY_KEYS]
    return tuple(out)


def movement_figures(m: Movement) -> tuple[Figure, ...]:
    """The figures of a movement line, keyed by its minute."""
    key = f"gerak.{m.at.hour:02d}.{m.at.minute:02d}"
    return (
        Figure(f"{key}.keluar", m.left),
        Figure(f"{key}.kembali", m.returned),
        Figure(f"{key}.hadir", m.present_after, at=m.last or m.at),
    )


def movement_sentence(m: Movement, label: str, spell: Spell, t: Translator) -> str:
    """ "Pukul 11.05 WIB 12 (dua belas) anggota meninggalkan rapat; hadir 633 (enam ratus tiga
    puluh tiga) orang." """
    parts = []
    if m.left:
        parts.append(t.tr("{count} anggota meninggalkan rapat", count=with_words(m.left, spell)))
    if m.returned:
        parts.append(t.tr("{count} anggota kembali ke rapat", count=with_words(m.returned, spell)))
    return t.tr(
        "Pukul {time} {moves}; hadir {present} orang.",
        time=clock(m.at, label),
        moves=joined(parts, t),
        present=with_words(m.present_after, spell),
    )
