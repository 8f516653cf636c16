"""The agenda each kind of Rapat Anggota starts from, editable afterwards.

The RAT's agenda follows what UU 25/1992 Pasal 23 makes the Rapat Anggota decide (law.md
section 6 and rule 22): the Pengurus' accountability (huruf e), the Pengawas' report, the
financial statements and the work plan with its budget (huruf d), the SHU (huruf f), and the
election of Pengurus and Pengawas when their term ends (huruf c).
"""

from __future__ import annotations

from dataclasses import replace

from assembly.domain.ad_profile import ItemKind
from assembly.domain.meeting import AgendaItem, MeetingType
from assembly.i18n import tr


def agenda_template(
    kind: MeetingType, financial_year: int | None = None, *, election_due: bool = False
) -> tuple[AgendaItem, ...]:
    """The starting agenda of a meeting of ``kind``, numbered from 1.

    ``election_due`` adds the election of Pengurus and Pengawas to a RAT."""
    year = str(financial_year) if financial_year is not None else ""
    next_year = str(financial_year + 1) if financial_year is not None else ""
    rules = (tr("Pengesahan tata tertib rapat"), ItemKind.ORDINARY)
    other = (tr("Lain-lain"), ItemKind.ORDINARY)
    items: list[tuple[str, ItemKind]]
    if kind is MeetingType.RAT:
        items = [
            rules,
            (_for_year(tr("Laporan pertanggungjawaban Pengurus"), year), ItemKind.ORDINARY),
            (_for_year(tr("Laporan hasil pengawasan Pengawas"), year), ItemKind.ORDINARY),
            (_for_year(tr("Pengesahan laporan keuangan"), year), ItemKind.ORDINARY),
            (_for_year(tr("Penetapan pembagian sisa hasil usaha (SHU)"), year), ItemKind.ORDINARY),
            (
                _for_year(
                    tr(
                        "Rencana kerja dan rencana anggaran pendapatan dan belanja koperasi (RAPBK)"
                    ),
                    next_year,
                ),
                ItemKind.ORDINARY,
            ),
        ]
        if election_due:
            items.append((tr("Pemilihan Pengurus dan Pengawas"), ItemKind.ELECTION))
        items.append(other)
    elif kind is MeetingType.WORK_PLAN:
        items = [
            rules,
            (_for_year(tr("Rencana kerja koperasi"), year), ItemKind.ORDINARY),
            (
                _for_year(tr("Rencana anggaran pendapatan dan belanja koperasi (RAPBK)"), year),
                ItemKind.ORDINARY,
            ),
            other,
        ]
    elif kind is MeetingType.ELECTION:
        items = [
            rules,
            (tr("Pemilihan Pengurus"), ItemKind.ELECTION),
            (tr("Pemilihan Pengawas"), ItemKind.ELECTION),
            other,
        ]
    else:
        # RA Khusus and RALB decide what they were called for; the secretary adds it.
        items = [rules]
    return tuple(
        AgendaItem(title, item_kind, position)
        for position, (title, item_kind) in enumerate(items, start=1)
    )


def _for_year(title: str, year: str) -> str:
    return tr("{title} tahun buku {year}", title=title, year=year) if year else title


def retitled_for_year(
    agenda: tuple[AgendaItem, ...], kind: MeetingType, old: int | None, new: int | None
) -> tuple[AgendaItem, ...]:
    """``agenda`` after its financial year changed from ``old`` to ``new``: each title that is
    still the template's title for ``old`` becomes the template's title for ``new``; a title
    the secretary wrote or edited is left as it is."""
    if old == new:
        return agenda
    before = agenda_template(kind, old, election_due=True)
    after = agenda_template(kind, new, election_due=True)
    renamed = {b.title: a.title for b, a in zip(before, after, strict=True)}
    return tuple(replace(item, title=renamed.get(item.title, item.title)) for item in agenda)
