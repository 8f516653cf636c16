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
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from assembly.domain.ad_profile import ADProfile, ItemKind
from assembly.domain.attendance import Channel
from assembly.domain.ballots import DecisionMethod, Outcome
from assembly.domain.cooperative import Cooperative
from assembly.domain.meeting import AgendaItem, Meeting, MeetingState, MeetingType, OfficerRole
from assembly.domain.quorum import thousands
from assembly.domain.quorum_check import CheckStep, QuorumCheck
from assembly.i18n import Translator, translator

Spell = Callable[[int], str]  # the terbilang of a number: 14 -> "empat belas"

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
class DecisionEntry:
    """A decision recorded on an agenda item: its method, what was decided, any dissent,
    and the statement of the result (with the tally when it was voted)."""

    item_id: int
    method: DecisionMethod
    text: str
    result: str
    outcome: Outcome
    dissent: str = ""
    tally: Mapping[str, int] | None = None  # a voted motion: setuju, tidak_setuju, abstain, …


@dataclass(frozen=True)
class MinutesFacts:
    """Everything the berita acara states, read from the meeting's records.

    ``attended`` counts, per channel, the members of the quorum base who attended at any time;
    ``uncounted`` those who attended but are outside the quorum base; ``checks`` are the
    recorded quorum steps with times in the meeting's zone; ``decisions`` is None when
    decisions are not recorded by this version; ``annexes`` names what is attached."""

    cooperative: Cooperative
    meeting: Meeting
    profile: ADProfile
    attended: Mapping[Channel, int]
    checks: Sequence[QuorumCheck]
    decisions: Sequence[DecisionEntry] | None
    audit_hash: str
    annexes: tuple[str, ...] = ()
    uncounted: int = 0  # attendees outside the quorum base (calon anggota, no vote)


@dataclass(frozen=True)
class Clause:
    """A numbered paragraph of a section, with optional sub-points under it."""

    text: str
    points: tuple[str, ...] = ()


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


def with_words(number: int, spell: Spell) -> str:
    """ "1.250 (seribu dua ratus lima puluh)": digits, then the terbilang (law.md rule 36)."""
    return f"{thousands(number)} ({spell(number)})"


def long_date(day: dt.date, t: Translator) -> str:
    """ "14 Maret 2026"."""
    return f"{day.day} {month_name(day.month, t)} {day.year}"


def month_name(month: int, t: Translator) -> str:
    """The month's name: "Maret"."""
    names = (
        t.tr("Januari"),
        t.tr("Februari"),
        t.tr("Maret"),
        t.tr("April"),
        t.tr("Mei"),
        t.tr("Juni"),
        t.tr("Juli"),
        t.tr("Agustus"),
        t.tr("September"),
        t.tr("Oktober"),
        t.tr("November"),
        t.tr("Desember"),
    )
    return names[month - 1]


def day_name(day: dt.date, t: Translator) -> str:
    """ "Sabtu" for 14 March 2026."""
    names = (
        t.tr("Senin"),
        t.tr("Selasa"),
        t.tr("Rabu"),
        t.tr("Kamis"),
        t.tr("Jumat"),
        t.tr("Sabtu"),
        t.tr("Minggu"),
    )
    return names[day.weekday()]


def clock(moment: dt.time | dt.datetime, zone: str) -> str:
    """ "09.00 WIB" (law.md rule 35)."""
    return f"{moment.hour:02d}.{moment.minute:02d} {zone}"


def meeting_name(meeting: Meeting, t: Translator) -> str:
    """ "Rapat Anggota Tahunan", in the document's language."""
    names = {
        MeetingType.RAT: t.tr("Rapat Anggota Tahunan"),
        MeetingType.WORK_PLAN: t.tr("Rapat Anggota Rencana Kerja dan RAPB"),
        MeetingType.ELECTION: t.tr("Rapat Anggota Pemilihan Pengurus dan Pengawas"),
        MeetingType.SPECIAL: t.tr("Rapat Anggota Khusus"),
        MeetingType.EXTRAORDINARY: t.tr("Rapat Anggota Luar Biasa"),
    }
    return names[meeting.kind]


def full_title(meeting: Meeting, t: Translator) -> str:
    """ "Rapat Anggota Tahunan Tahun Buku 2025", with the subject when there is one."""
    text = meeting_name(meeting, t)
    if meeting.financial_year is not None:
        text = t.tr("{meeting} Tahun Buku {year}", meeting=text, year=meeting.financial_year)
    if meeting.subject.strip():
        text += " — " + meeting.subject.strip()
    return text


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
        time=clock(meeting.start, meeting.time_zone.value),
        place=place,
        held=held,
    )


def cooperative_name(coop: Cooperative) -> str:
    """The cooperative's name with "Koperasi" in front unless it already says so."""
    name = coop.name.strip()
    return name if name.lower().startswith(("koperasi", "kop.")) else f"Koperasi {name}"


def place_of(coop: Cooperative) -> str:
    """The town for "[Kota], [tanggal]": "Sleman" from "Kabupaten Sleman, DI Yogyakarta"."""
    town = coop.city.split(",")[0].strip()
    for prefix in ("Kabupaten ", "Kab. ", "Kota "):
        if town.startswith(prefix):
            town = town[len(prefix) :]
    return town.strip()


_FRACTION = re.compile(r"\b(\d+)/(\d+)\b")


def fractions_in_words(text: str, spell: Spell, t: Translator) -> str:
    """ "lebih dari 1/2 (satu per dua) jumlah anggota": each fraction followed by its words."""

    def words(match: re.Match[str]) -> str:
        top, bottom = int(match.group(1)), int(match.group(2))
        spelled = t.tr("{top} per {bottom}", top=spell(top), bottom=spell(bottom))
        return f"{match.group(0)} ({spelled})"

    return _FRACTION.sub(words, text)


def joined(parts: Sequence[str], t: Translator) -> str:
    """ "a", "a dan b", "a, b, dan c", as Indonesian lists are written."""
    if len(parts) <= 1:
        return "".join(parts)
    if len(parts) == 2:
        return t.tr("{first} dan {last}", first=parts[0], last=parts[1])
    return t.tr("{first}, dan {last}", first=", ".join(parts[:-1]), last=parts[-1])


def build_minutes(facts: MinutesFacts, spell: Spell, t: Translator | None = None) -> MinutesContent:
    """The berita acara of the meeting in ``facts``; ``spell`` gives the terbilang."""
    t = t or translator("id")
    meeting = facts.meeting
    sections = [
        _attendance(facts, spell, t),
        _leaders(meeting, t),
        _agenda(facts, t),
    ]
    if facts.annexes:
        clauses = tuple(Clause(name) for name in facts.annexes)
        sections.append(Section(t.tr("LAMPIRAN"), clauses))
    numbered = tuple(
        Section(f"{_ROMAN[i]}. {s.heading}", s.clauses) for i, s in enumerate(sections)
    )
    zone = meeting.time_zone.value
    closed = meeting.closed_at.astimezone(meeting.zone) if meeting.closed_at else None
    if closed:
        closing = t.tr("Rapat ditutup pukul {time}.", time=clock(closed, zone))
    elif meeting.state is MeetingState.POSTPONED:
        closing = t.tr("Rapat ditunda karena kuorum tidak tercapai.")
    else:
        closing = t.tr("Rapat belum ditutup.")
    place = place_of(facts.cooperative)
    dated = long_date(meeting.date, t)
    chair = meeting.officer(OfficerRole.CHAIR)
    secretary = meeting.officer(OfficerRole.SECRETARY)
    signers = (
        Signer(t.tr("Ketua"), chair.name if chair else "", "TTD_Ketua"),
        Signer(t.tr("Sekretaris/Notulis"), secretary.name if secretary else "", "TTD_Sekretaris"),
    )
    witnesses = tuple(
        Signer(t.tr("Saksi {n}", n=n), o.name, f"TTD_Saksi{n}")
        for n, o in enumerate(
            (o for o in meeting.officers if o.role is OfficerRole.WITNESS and o.name.strip()),
            start=1,
        )
        if n <= 4  # the signing layer knows four witness fields
    )
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
        audit_hash=facts.audit_hash,
        meeting_title=full_title(meeting, t),
        day=meeting.date,
    )


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _attendance(facts: MinutesFacts, spell: Spell, t: Translator) -> Section:
    meeting = facts.meeting
    zone = meeting.time_zone.value
    registered = meeting.registered or 0
    entitled = meeting.entitled if meeting.entitled is not None else registered
    roll = t.tr(
        "Jumlah anggota tercatat dalam Buku Daftar Anggota per {date}: {count} orang",
        date=long_date(meeting.cutoff_date, t),
        count=with_words(registered, spell),
    )
    if entitled != registered:
        roll += t.tr(
            ", di antaranya {count} orang memiliki hak suara", count=with_words(entitled, spell)
        )
    clauses = [Clause(roll + ".")]
    channels = (
        (Channel.IN_PERSON, t.tr("hadir langsung {n}")),
        (Channel.ONLINE, t.tr("hadir daring {n}")),
        (Channel.PROXY, t.tr("diwakili dengan surat kuasa {n}")),
    )
    parts = [
        text.format(n=thousands(facts.attended.get(c, 0)))
        for c, text in channels
        if facts.attended.get(c, 0) or c is Channel.IN_PERSON
    ]
    total = sum(facts.attended.values())
    clauses.append(
        Clause(
            t.tr(
                "Anggota yang hadir selama rapat: {count} orang, terdiri atas {split}.",
                count=with_words(total, spell),
                split=joined(parts, t),
            )
        )
    )
    if facts.uncounted:
        clauses.append(
            Clause(
                t.tr(
                    "Selain itu hadir {count} orang yang tidak diperhitungkan dalam kuorum "
                    "(calon anggota atau anggota tanpa hak suara).",
                    count=with_words(facts.uncounted, spell),
                )
            )
        )
    for check in facts.checks:
        clauses.append(Clause(_check_sentence(check, facts.profile, spell, zone, t)))
    if meeting.opened_at is not None:
        opened = meeting.opened_at.astimezone(meeting.zone)
        clauses.append(
            Clause(t.tr("Rapat dibuka oleh Ketua Rapat pukul {time}.", time=clock(opened, zone)))
        )
    return Section(t.tr("KEHADIRAN DAN KUORUM"), tuple(clauses))


def _check_sentence(
    check: QuorumCheck, profile: ADProfile, spell: Spell, zone: str, t: Translator
) -> str:
    at = clock(check.at, zone)
    if check.step is CheckStep.SUSPENSION:
        until = clock(check.until, zone) if check.until else ""
        return t.tr(
            "Pukul {time} rapat diskors selama {minutes} menit, sampai pukul {until}, karena "
            "kuorum belum tercapai.",
            time=at,
            minutes=profile.suspension_minutes,
            until=until,
        )
    if check.step is CheckStep.POSTPONEMENT:
        return t.tr("Pukul {time} rapat ditunda karena kuorum tidak tercapai.", time=at)
    article = _bare(check.article)
    rule = fractions_in_words(check.rule_text, spell, t)
    if article:
        basis = t.tr("Sesuai Pasal {article} Anggaran Dasar, kuorum adalah {rule}", article=article,
                     rule=rule)  # fmt: skip
    else:
        basis = t.tr("Kuorum adalah {rule}", rule=rule)
    verdict = (
        t.tr("telah terpenuhi. Rapat dinyatakan sah.")
        if check.reached and check.step is not CheckStep.ON_REQUEST
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
    }.get(step, step.value)


def _bare(article: str) -> str:
    """ "20 ayat (2)" from "Pasal 20 ayat (2)", so the sentence writes "Pasal" once."""
    article = article.strip()
    return article[6:].strip() if article.lower().startswith("pasal ") else article


def _leaders(meeting: Meeting, t: Translator) -> Section:
    chair = meeting.officer(OfficerRole.CHAIR)
    secretary = meeting.officer(OfficerRole.SECRETARY)
    witnesses = [o.name for o in meeting.officers if o.role is OfficerRole.WITNESS and o.name]
    clauses = [
        Clause(t.tr("Ketua Rapat: {name}", name=chair.name if chair else "-")),
        Clause(t.tr("Sekretaris/Notulis: {name}", name=secretary.name if secretary else "-")),
    ]
    if witnesses:
        clauses.append(
            Clause(t.tr("Saksi penghitungan suara: {names}", names=", ".join(witnesses)))
        )
    return Section(t.tr("PIMPINAN RAPAT"), tuple(clauses))


def _agenda(facts: MinutesFacts, t: Translator) -> Section:
    by_item: dict[int, list[DecisionEntry]] = {}
    for d in facts.decisions or ():
        by_item.setdefault(d.item_id, []).append(d)
    clauses = [
        _item_clause(item, by_item.get(item.id or -1, []), facts.decisions is None, t)
        for item in sorted(facts.meeting.agenda, key=lambda i: i.position)
    ]
    return Section(t.tr("ACARA DAN KEPUTUSAN"), tuple(clauses))


def _item_clause(
    item: AgendaItem, decisions: list[DecisionEntry], unavailable: bool, t: Translator
) -> Clause:
    points = []
    if item.notes.strip():
        points.append(t.tr("Pembahasan: {notes}", notes=item.notes.strip()))
    for d in decisions:
        points.append(_decision_sentence(d, t))
    if not decisions:
        points.append(
            t.tr("Keputusan belum dicatat.")
            if unavailable
            else t.tr("Tidak ada keputusan yang dicatat.")
        )
    if item.kind in DEED_KINDS:
        points.append(_deed_notice(item.kind, t))
    return Clause(item.title, tuple(points))


def _decision_sentence(d: DecisionEntry, t: Translator) -> str:
    if d.outcome is Outcome.NO_CONSENSUS:
        text = t.tr(
            "Musyawarah untuk mufakat tidak tercapai; keputusan diambil dengan pemungutan suara."
        )
        return text + (" " + _sentence(d.text) if d.text.strip() else "")
    method = (
        t.tr("musyawarah untuk mufakat")
        if d.method is DecisionMethod.CONSENSUS
        else t.tr("pemungutan suara")
    )
    text = _sentence(d.text) if d.text.strip() else ""
    result = d.result.strip()
    if d.method is DecisionMethod.CONSENSUS:
        line = t.tr("Keputusan ({method}): {text}", method=method, text=text or result)
    else:
        line = t.tr(
            "Keputusan ({method}): {text} Hasil: {result}.",
            method=method,
            text=text,
            result=result,
        )
        if d.tally is not None:
            line += " " + _tally_sentence(d.tally, t)
    if d.dissent.strip():
        line += " " + t.tr("Catatan: {dissent}", dissent=_sentence(d.dissent))
    return line.replace("  ", " ").strip()


def _tally_sentence(tally: Mapping[str, int], t: Translator) -> str:
    """ "Perolehan suara: setuju 610, tidak setuju 40, abstain 30, tidak sah 5." (law.md
    rule 28: each decision with its tally)."""
    return t.tr(
        "Perolehan suara: setuju {yes}, tidak setuju {no}, abstain {abstain}, tidak sah {invalid}.",
        yes=thousands(tally.get("setuju", 0)),
        no=thousands(tally.get("tidak_setuju", 0)),
        abstain=thousands(tally.get("abstain", 0)),
        invalid=thousands(tally.get("tidak_sah", 0)),
    )


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


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
