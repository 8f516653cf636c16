"""The demo RAT's agenda as it was worked through: when each item was taken up and left, and
the secretary's notes on it, so that the demo's berita acara reads as a real one does
(discussion times, notes, and the events of the meeting under the item they happened in).
The notes are the cooperative's own data, written in Indonesian like the rest of the demo.
"""

from __future__ import annotations

import datetime as dt

from assembly.domain.ad_profile import ItemKind
from assembly.domain.meeting import AgendaItem
from assembly.persistence import meeting_store
from assembly.persistence.meeting_store import Connection

_MIN = dt.timedelta(minutes=1)
_DEFAULT = 12  # minutes for an item without much debate


def _minutes_for(item: AgendaItem) -> int:
    title = item.title.casefold()
    if item.kind is ItemKind.ELECTION:
        return 55
    if "pertanggungjawaban" in title or "sisa hasil usaha" in title:
        return 25
    if title.startswith("rencana kerja"):
        return 20
    return _DEFAULT


def _notes_for(item: AgendaItem) -> str:
    title = item.title.casefold()
    if "tata tertib" in title:
        return (
            "Sekretaris membacakan rancangan tata tertib rapat. Rapat menyetujui tata tertib "
            "tanpa perubahan."
        )
    if "pertanggungjawaban" in title:
        return (
            "Ketua Pengurus menyampaikan laporan pertanggungjawaban Pengurus: perkembangan "
            "keanggotaan, simpanan, pinjaman yang disalurkan dan hasil usaha tahun buku. "
            "Anggota menanyakan kenaikan biaya operasional; Bendahara menjelaskan bahwa "
            "kenaikan itu berasal dari pembukaan kantor pelayanan baru."
        )
    if "pengawasan" in title:
        return (
            "Ketua Pengawas membacakan laporan hasil pengawasan. Pengawas tidak menemukan "
            "penyimpangan dan meminta agar penagihan pinjaman bermasalah diperketat."
        )
    if "laporan keuangan" in title:
        return (
            "Bendahara memaparkan neraca dan perhitungan hasil usaha yang telah diaudit oleh "
            "akuntan publik dengan opini wajar tanpa pengecualian."
        )
    if "sisa hasil usaha" in title:
        return (
            "Pengurus mengusulkan agar bagian SHU untuk anggota dibagi 40% menurut jasa usaha "
            "dan 60% menurut jasa modal. Sebagian anggota mengusulkan 35% menurut jasa usaha. "
            "Karena mufakat tidak tercapai, pimpinan rapat meminta keputusan dengan pemungutan "
            "suara terbuka."
        )
    if item.kind is ItemKind.ELECTION:
        return (
            "Pimpinan rapat membacakan tata cara pemilihan dan daftar calon Pengawas yang "
            "memenuhi syarat. Pemilihan dilakukan secara rahasia melalui bilik suara."
        )
    if title.startswith("rencana kerja"):
        return (
            "Pengurus memaparkan rencana kerja tahun buku berikutnya, antara lain pembukaan "
            "layanan simpanan pendidikan dan pelatihan perkoperasian bagi anggota baru."
        )
    return ""


def work_through_agenda(
    conn: Connection, meeting_id: int, start: dt.datetime
) -> dict[int, tuple[dt.datetime, dt.datetime]]:
    """Give every item of the demo meeting its discussion time from ``start`` on, one after
    the other, and its notes; (start, end) per item id."""
    times = {}
    for item in meeting_store.agenda(conn, meeting_id):
        assert item.id is not None
        end = start + _MIN * _minutes_for(item)
        meeting_store.set_item_times(conn, item.id, start, end)
        notes = _notes_for(item)
        if notes:
            meeting_store.set_item_notes(conn, item.id, notes)
        times[item.id] = (start, end)
        start = end
    return times
