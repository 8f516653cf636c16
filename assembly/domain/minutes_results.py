"""How the berita acara states the result of a vote and of an election (issue 11, points 3, 8
and 9), in the document's language whatever language the ballot was closed in.

A motion: "Hasil: disetujui, 398 (tiga ratus sembilan puluh delapan) dari 581 (…) suara sah
(lebih dari 1/2)". An election, round by round: every candidate with votes in digits and
terbilang, the seats, the elected, or the tie that sends the last seat to a run-off; the item
ends with one line naming everyone elected ("Pengawas terpilih: …"). The result is recomputed
from the tally with the AD's rule (:func:`assembly.domain.ballots.decide_motion`), so the words
and the figures the reconciliation check recounts come from the same numbers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assembly.domain.ad_profile import ADProfile, ItemKind, MajorityBase, MajorityRule
from assembly.domain.ballots import (
    Ballot,
    BallotKind,
    CountingRules,
    MotionTally,
    Office,
    decide_election,
    decide_motion,
)
from assembly.domain.minutes_words import Spell, digits, joined, with_words
from assembly.domain.quorum import Comparison, Rounding, Threshold
from assembly.i18n import Translator


def threshold_words(threshold: Threshold, t: Translator) -> str:
    """ "lebih dari 1/2" in the document's language (as :meth:`Threshold.describe`)."""
    fraction = threshold.fraction
    if threshold.comparison is Comparison.MORE_THAN:
        return t.tr("lebih dari {fraction}", fraction=fraction)
    if threshold.comparison is Comparison.AT_LEAST:
        return t.tr("sekurang-kurangnya {fraction}", fraction=fraction)
    if threshold.rounding is Rounding.UP:
        return t.tr("{fraction} ditambah satu (pecahan dibulatkan ke atas)", fraction=fraction)
    return t.tr("{fraction} ditambah satu (pecahan dibulatkan ke bawah)", fraction=fraction)


def base_words(base: MajorityBase, t: Translator) -> str:
    """What a majority is counted of: "suara sah", "anggota yang hadir", "seluruh anggota"."""
    return {
        MajorityBase.VALID_VOTES: t.tr("suara sah"),
        MajorityBase.PRESENT: t.tr("anggota yang hadir"),
        MajorityBase.ALL_MEMBERS: t.tr("seluruh anggota"),
    }[base]


# The Indonesian pieces of a rule as the records keep it ("lebih dari 1/2 jumlah anggota yang
# memiliki hak suara (AD Pasal 20 ayat (2))"), longest first, for a document in another
# language.
_RULE_PIECES = (
    "jumlah anggota yang memiliki hak suara",
    "jumlah seluruh anggota",
    "anggota yang hadir",
    "seluruh anggota",
    "suara sah",
    "sekurang-kurangnya",
    "lebih dari",
    "ditambah satu (pecahan dibulatkan ke atas)",
    "ditambah satu (pecahan dibulatkan ke bawah)",
    "keputusan khusus",
)
_ARTICLE = re.compile(r"\bPasal (\d+)( ayat \((\d+)\))?")


def rule_words(text: str, t: Translator) -> str:
    """A rule kept in the records in Indonesian, in the document's language."""
    if t.language == "id":
        return text
    for piece in _RULE_PIECES:
        text = text.replace(piece, t.tr(piece))
    return _ARTICLE.sub(lambda m: article_words(m.group(0), t), text)


def article_words(article: str, t: Translator) -> str:
    """ "Pasal 20 ayat (2)" as the document's language cites it ("Article 20(2)")."""
    match = _ARTICLE.search(article)
    if t.language == "id" or match is None:
        return article
    if match.group(3):
        return t.tr("Pasal {n} ayat ({m})", n=match.group(1), m=match.group(3))
    return t.tr("Pasal {n}", n=match.group(1))


def motion_result(
    tally: Mapping[str, int], ballot: Ballot, kind: ItemKind, profile: ADProfile, spell: Spell,
    t: Translator, *, spelled: bool = True,
) -> str | None:  # fmt: skip
    """ "disetujui, 398 (…) dari 581 (…) suara sah (lebih dari 1/2)"; for a special item also
    the special majority and the special quorum with their AD articles (law.md rule 15).
    None when the AD holds no rule for the item (the stored statement stands). Not
    ``spelled``: digits only, for a table cell of the recapitulation."""

    def number(n: int) -> str:
        return with_words(n, spell) if spelled else digits(n, spell)

    rule: MajorityRule | None = profile.majority_for(kind)
    if rule is None:
        return None
    counting = CountingRules(profile.abstain_counts_as_cast, profile.invalid_counts_as_cast)
    motion = MotionTally(
        tally.get("setuju", 0), tally.get("tidak_setuju", 0), tally.get("abstain", 0),
        tally.get("tidak_sah", 0),
    )  # fmt: skip
    result = decide_motion(motion, rule, present=ballot.eligible, members=ballot.members,
                           counting=counting)  # fmt: skip
    text = t.tr(
        "{verdict}, {yes} dari {base} {of} ({rule})",
        verdict=t.tr("disetujui") if result.adopted else t.tr("tidak disetujui"),
        yes=number(result.yes),
        base=number(result.base),
        of=base_words(rule.base, t),
        rule=threshold_words(rule.threshold, t),
    )
    if not kind.is_special:
        return text
    article = profile.article(f"special_majority.{kind.value}") or profile.article(
        "special_majority"
    )
    majority = (
        t.tr("keputusan khusus, AD {article}", article=article_words(article, t))
        if article
        else t.tr("keputusan khusus")
    )
    return t.tr(
        "{statement} ({majority}); kuorum khusus: {present} hadir, minimal {minimum} ({rule})",
        statement=text,
        majority=majority,
        present=number(ballot.present),
        minimum=number(ballot.minimum),
        rule=rule_words(ballot.rule_text, t),
    )


def tally_sentence(tally: Mapping[str, int], spell: Spell, t: Translator) -> str:
    """ "Perolehan suara: setuju 398 (…), tidak setuju 183 (…), abstain 64 (…), tidak sah 0
    (nol)." """
    return t.tr(
        "Perolehan suara: setuju {yes}, tidak setuju {no}, abstain {abstain}, tidak sah {invalid}.",
        yes=with_words(tally.get("setuju", 0), spell),
        no=with_words(tally.get("tidak_setuju", 0), spell),
        abstain=with_words(tally.get("abstain", 0), spell),
        invalid=with_words(tally.get("tidak_sah", 0), spell),
    )


def votes_sentence(votes: Mapping[str, int], spell: Spell, t: Translator) -> str:
    """Every candidate with votes, most first: "Perolehan suara: A 252 (…), B 252 (…), C 127
    (…)." """
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    listed = ", ".join(f"{name} {with_words(n, spell)}" for name, n in ranked)
    return t.tr("Perolehan suara: {list}.", list=listed or "-")


def election_result(votes: Mapping[str, int], ballot: Ballot, spell: Spell, t: Translator) -> str:
    """The elected for the seats, or the tie across the last seat (law.md rule 17): "1 (satu)
    kursi. Terpilih: A (318 suara)." """
    seats = ballot.seats or 1
    result = decide_election(votes, seats)
    named = [f"{name} ({count_words(votes[name], spell, t)})" for name in result.elected]
    text = t.tr("Kursi: {seats}.", seats=with_words(seats, spell))
    if named:
        text += " " + t.tr("Terpilih: {names}.", names=joined(named, t))
    if result.runoff:
        text += " " + t.tr(
            "Suara sama untuk kursi terakhir antara {tied}.", tied=joined(list(result.runoff), t)
        )
    return text


def election_verdict(votes: Mapping[str, int], ballot: Ballot, spell: Spell, t: Translator) -> str:
    """The result of a round in short, for a table cell: "Terpilih: A (318 suara)." or the tie
    for the last seat."""
    result = decide_election(votes, ballot.seats or 1)
    parts = []
    if result.elected:
        named = [f"{n} ({count_words(votes[n], spell, t)})" for n in result.elected]
        parts.append(t.tr("Terpilih: {names}.", names=joined(named, t)))
    if result.runoff:
        parts.append(
            t.tr(
                "Suara sama untuk kursi terakhir antara {tied}.",
                tied=joined(list(result.runoff), t),
            )
        )
    return " ".join(parts)


def round_title(title: str, t: Translator) -> str:
    """A run-off's title as the records keep it ("Pemilihan ulang: Pemilihan Pengawas") in the
    document's language."""
    prefix = "Pemilihan ulang: "
    return t.tr(prefix) + title[len(prefix) :] if title.startswith(prefix) else title


def count_words(votes: int, spell: Spell, t: Translator) -> str:
    """ "318 suara" / "1 vote", "318 votes"."""
    return t.trn("{count} suara", "{count} suara", votes, count=digits(votes, spell))


def elected_names(votes: Mapping[str, int], ballot: Ballot) -> tuple[str, ...]:
    """Those a round elected (none when a tie sends every seat to a run-off)."""
    return decide_election(votes, ballot.seats or 1).elected


def office_of(ballot: Ballot) -> str:
    """The office an election filled: its own, else read from its title ("Pengawas")."""
    if ballot.office is not None:
        return ballot.office.value
    title = ballot.title.lower()
    if "pengawas" in title:
        return Office.PENGAWAS.value
    if "pengurus" in title:
        return Office.PENGURUS.value
    return ""


def office_label(office: str, t: Translator) -> str:
    """ "Pengurus", "Pengawas", "Ketua Pengawas"; "Calon" when the office is not known."""
    return {
        Office.PENGURUS.value: t.tr("Pengurus"),
        Office.PENGAWAS.value: t.tr("Pengawas"),
        Office.KETUA_PENGAWAS.value: t.tr("Ketua Pengawas"),
    }.get(office, t.tr("Calon"))


@dataclass(frozen=True)
class Term:
    """The period the elected serve, from the AD profile: "2026–2028", its years and the AD
    article (empty period: the AD's term is not entered)."""

    period: str = ""
    years: int = 0
    article: str = ""


def board_lines(
    elected: Mapping[str, Sequence[str]], t: Translator, term: Term = Term(),
    spell: Spell | None = None,
) -> list[str]:  # fmt: skip
    """The item's last line per office: "Pengawas terpilih periode 2026–2028 (masa jabatan
    3 (tiga) tahun, Pasal 27 ayat (2) Anggaran Dasar): Nining Nurhayati." """
    out = []
    for office, names in elected.items():
        if not names:
            continue
        label, listed = office_label(office, t), joined(list(names), t)
        if not term.period:
            out.append(t.tr("{office} terpilih: {names}.", office=label, names=listed))
            continue
        years = with_words(term.years, spell) if spell is not None else str(term.years)
        if term.article:
            out.append(
                t.trn(
                    "{office} terpilih periode {period} (masa jabatan {years} tahun, {article} "
                    "Anggaran Dasar): {names}.",
                    "{office} terpilih periode {period} (masa jabatan {years} tahun, {article} "
                    "Anggaran Dasar): {names}.",
                    term.years,
                    office=label,
                    period=term.period,
                    years=years,
                    article=article_words(term.article, t),
                    names=listed,
                )
            )
        else:
            out.append(
                t.trn(
                    "{office} terpilih periode {period} (masa jabatan {years} tahun): {names}.",
                    "{office} terpilih periode {period} (masa jabatan {years} tahun): {names}.",
                    term.years,
                    office=label,
                    period=term.period,
                    years=years,
                    names=listed,
                )
            )
    return out


def election_heading(title: str, offices: Sequence[str], t: Translator) -> str:
    """The item's heading as what was elected: the title when it names exactly the offices
    elected, else "Pemilihan Pengawas" (the offices elected)."""
    known = [o for o in offices if o]
    if not known:
        return title
    lower = title.lower()
    named = {o for o in (Office.PENGURUS.value, Office.PENGAWAS.value) if o in lower}
    if named == {o if o != Office.KETUA_PENGAWAS.value else Office.PENGAWAS.value for o in known}:
        return title
    labels = [office_label(o, t) for o in dict.fromkeys(known)]
    return t.tr("Pemilihan {offices}", offices=joined(labels, t))


def is_election(ballot: Ballot | None) -> bool:
    """Whether ``ballot`` is an election."""
    return ballot is not None and ballot.kind is BallotKind.ELECTION
