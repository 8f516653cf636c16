"""The differences between a meeting's anchor and the database, in words a secretary can act on
("kehadiran berubah: 5 anggota dihapus", "suara ballot 3 berubah", "log audit dipotong setelah
peristiwa 412")."""

from __future__ import annotations

from collections.abc import Iterable

from assembly.domain.record_digest import Change, Difference, Section
from assembly.i18n import tr


def difference_lines(differences: Iterable[Difference]) -> list[str]:
    """One line per difference, each said once, in report order."""
    found = list(differences)
    # Attendance rows removed take their members' register entries out of the section too:
    # say it once, as attendance.
    moved = {(d.change, d.count) for d in found if d.section is Section.ATTENDANCE}
    lines: list[str] = []
    for difference in found:
        if difference.section is Section.REGISTER and (difference.change, difference.count) in (
            moved - {(Change.CHANGED, difference.count)}
        ):
            continue
        line = _line(difference)
        if line not in lines:
            lines.append(line)
    return lines


def _line(d: Difference) -> str:
    if d.section is Section.ATTENDANCE:
        return _counted(
            d,
            tr("kehadiran berubah: {n} anggota dihapus", n=d.count),
            tr("kehadiran berubah: {n} anggota ditambahkan", n=d.count),
            tr(
                "kehadiran berubah: jam, cara hadir atau kuasa diubah (jumlah tetap {n})", n=d.count
            ),
        )
    if d.section is Section.REGISTER:
        return _counted(
            d,
            tr("data anggota yang hadir berubah: {n} anggota dihapus", n=d.count),
            tr("data anggota yang hadir berubah: {n} anggota ditambahkan", n=d.count),
            tr("data anggota yang hadir berubah: nama, NIK, golongan atau tanggal masuk diubah"),
        )
    if not d.key:
        return tr("bagian {section} berubah", section=d.section.value)
    if d.section in (Section.TOTALS, Section.NAMED_VOTES):
        return _keyed(
            d,
            tr("ballot {n} dihapus", n=d.key),
            tr("ballot {n} ditambahkan", n=d.key),
            tr("suara ballot {n} berubah", n=d.key),
        )
    if d.section is Section.PARTICIPATION:
        return _keyed(
            d,
            tr("ballot {n} dihapus", n=d.key),
            tr("ballot {n} ditambahkan", n=d.key),
            tr("peserta ballot {n} berubah", n=d.key),
        )
    if d.section is Section.DECISIONS:
        return _keyed(
            d,
            tr("keputusan {n} dihapus", n=d.key),
            tr("keputusan {n} ditambahkan", n=d.key),
            tr("keputusan {n} berubah", n=d.key),
        )
    return _keyed(
        d,
        tr("acara {n} dihapus", n=d.key),
        tr("acara {n} ditambahkan", n=d.key),
        tr("catatan acara {n} berubah", n=d.key),
    )


def _counted(d: Difference, removed: str, added: str, changed: str) -> str:
    return {Change.REMOVED: removed, Change.ADDED: added, Change.CHANGED: changed}[d.change]


_keyed = _counted


def chain_line(position: str, seq: int, last_seq: int, source: str) -> str:
    """The audit chain against a head that ``source`` remembers (``position`` from
    :func:`assembly.domain.record_digest.chain_position`)."""
    if position == "cut" and last_seq == 0:
        return tr(
            "log audit dikosongkan: tidak ada satu peristiwa pun, padahal {source} mencatat "
            "peristiwa {seq}",
            source=source,
            seq=seq,
        )
    if position == "cut":
        return tr(
            "log audit dipotong setelah peristiwa {last}: {source} mencatat peristiwa {seq}",
            last=last_seq,
            source=source,
            seq=seq,
        )
    return tr(
        "log audit ditulis ulang: peristiwa {seq} tidak sama dengan yang dicatat {source}",
        seq=seq,
        source=source,
    )
