"""``verify FILE.pdf --numbers``: the figures a received berita acara states, recounted from
the data files it carries (issue 11, point 2), with nothing but the file.

The berita acara embeds ``angka.json`` (every figure it states, with its page and, for a head
count, its moment), ``daftar_hadir.csv`` (every attendee with each stay to the second) and
``hasil_suara.json`` (each ballot's snapshot, tally and named votes). Attendance is recounted
from the CSV with the same presence function the app counts with; tallies from the votes
file; and every named voter must have been present at their ballot's snapshot. Figures that
only the records can recount (the register, the quorum minimum, each result under its rule)
are left to ``minutes check`` and counted as not checkable here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assembly.domain.attendance import Channel
from assembly.domain.errors import DomainError
from assembly.domain.figures import Figure, Mismatch, Value, compare
from assembly.domain.members import Category
from assembly.domain.minutes_figures import TALLY_KEYS, movement_figures
from assembly.domain.presence import (
    Attendee,
    CountedTimeline,
    Stay,
    ever_present,
    movements,
)
from assembly.i18n import tr

FIGURES_FILE = "angka.json"
ATTENDANCE_FILE = "daftar_hadir.csv"
VOTES_FILE = "hasil_suara.json"
_CHECKABLE = re.compile(
    r"^(hadir\.|daftar\.|lain\.|gerak\.|rekap\.|kuorum\.\d+\.hadir$|suara\.\d+\.(hadir|"
    + "|".join(TALLY_KEYS)
    + r")$)"
)


@dataclass(frozen=True)
class NumbersReport:
    """The outcome of checking a file's figures against its own attachments."""

    checked: int  # figures recounted from the attachments
    not_checkable: int  # figures only the records can recount
    mismatches: tuple[Mismatch, ...]

    @property
    def ok(self) -> bool:
        """Whether every figure checked agrees with the attachments."""
        return not self.mismatches


def check_file(path: Path | str) -> NumbersReport:
    """Recount the figures of the berita acara at ``path`` from its own attachments."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DomainError(tr("Berkas {path} tidak dapat dibaca: {error}", path=path,
                             error=exc.strerror or exc)) from exc  # fmt: skip
    from assembly.pdf.embedded import embedded_files  # pyHanko: not for the window's start

    try:
        files = embedded_files(data)
    except ValueError as exc:
        raise DomainError(tr("{path} bukan berkas PDF yang dapat dibaca.", path=path)) from exc
    missing = [n for n in (FIGURES_FILE, ATTENDANCE_FILE, VOTES_FILE) if n not in files]
    if missing:
        raise DomainError(
            tr(
                "{path} tidak membawa lampiran data {names}: angka berita acara tidak dapat "
                "diperiksa dari berkas ini saja.",
                path=path,
                names=", ".join(missing),
            )
        )
    try:
        figures = parse_figures(files[FIGURES_FILE])
        people, numbers = parse_attendance(files[ATTENDANCE_FILE])
        votes = json.loads(files[VOTES_FILE].decode("utf-8"))
    except (ValueError, KeyError, TypeError) as exc:
        raise DomainError(
            tr("Lampiran data {path} rusak atau tidak dikenal: {error}", path=path, error=exc)
        ) from exc
    return check_figures(figures, people, numbers, votes)


def check_figures(
    figures: Sequence[Figure],
    people: Sequence[Attendee],
    numbers: Mapping[str, int],
    votes: Mapping[str, Any],
) -> NumbersReport:
    """Compare ``figures`` with the recount from the attendance and votes attachments."""
    checkable = [f for f in figures if _CHECKABLE.match(f.key)]
    recounted = recount(checkable, people)
    recounted.update(_tallies(votes))
    recounted.update(_recap(votes, people))
    stated = {f.key for f in checkable}
    found = compare(checkable, {k: v for k, v in recounted.items() if k in stated})
    found += _absent_voters(votes, people, numbers, figures)
    return NumbersReport(len(checkable), len(figures) - len(checkable), tuple(found))


def recount(figures: Sequence[Figure], people: Sequence[Attendee]) -> dict[str, Value]:
    """Attendance figures from the attendees: totals by channel and category, and every head
    count at the moment its figure names."""
    out: dict[str, Value] = {}
    ever = ever_present(people)
    counted = Counter(a.channel for a in ever if a.counted)
    others = Counter(a.category for a in ever if not a.counted)
    for c in Channel:
        out[f"hadir.{c.value}"] = out[f"daftar.{c.value}"] = counted.get(c, 0)
    out["hadir.jumlah"] = sum(counted.values())
    for cat in Category:
        out[f"lain.{cat.value}"] = out[f"daftar.lain.{cat.value}"] = others.get(cat, 0)
    out["daftar.jumlah"] = len(ever)
    moments = [f for f in figures if f.at is not None]
    timeline = CountedTimeline(people)
    for f in moments:
        assert f.at is not None
        out[f.key] = timeline.at(f.at)
    zone = next((f.at.tzinfo for f in moments if f.at is not None and f.at.tzinfo), None)
    if zone is not None:
        # Every departure and return in the file, by minute; only those the minutes state
        # are compared (they state the ones while the meeting was open).
        since = dt.datetime.min.replace(tzinfo=dt.UTC)
        for m in movements(people, since, None, zone):
            out.update(
                {f.key: f.value for f in movement_figures(m) if not f.key.endswith(".hadir")}
            )
    return out


def _tallies(votes: Mapping[str, Any]) -> dict[str, Value]:
    out: dict[str, Value] = {}
    for b in votes.get("pemungutan_suara", []):
        if b.get("jenis") == "usul" and b.get("id") is not None:
            for k in TALLY_KEYS:
                out[f"suara.{b['id']}.{k}"] = int(b.get("perolehan", {}).get(k, 0))
    return out


def _recap(votes: Mapping[str, Any], people: Sequence[Attendee]) -> dict[str, Value]:
    """Each ballot's snapshot recounted from the Daftar Hadir at its opening, and how many
    took part from the votes file (the named list itself for an open vote)."""
    out: dict[str, Value] = {}
    timeline = CountedTimeline(people)
    for b in votes.get("pemungutan_suara", []):
        if b.get("id") is None or not b.get("dibuka"):
            continue
        at = dt.datetime.fromisoformat(b["dibuka"])
        key = f"rekap.{b['id']}"
        out[f"{key}.hadir"] = timeline.at(at)
        out[f"{key}.berhak"] = sum(1 for p in people if p.may_vote and p.present(at))
        named = b.get("suara_terbuka")
        out[f"{key}.memilih"] = (
            len(named)
            if named is not None
            else int(b.get("partisipasi", {}).get("memberi_suara", 0))
        )
    return out


def _absent_voters(
    votes: Mapping[str, Any],
    people: Sequence[Attendee],
    numbers: Mapping[str, int],
    figures: Sequence[Figure],
) -> list[Mismatch]:
    """A named vote by someone the Daftar Hadir does not show present at the snapshot."""
    by_id = {p.member_id: p for p in people}
    where = {f.key: f for f in figures}
    out = []
    for b in votes.get("pemungutan_suara", []):
        named = b.get("suara_terbuka") or []
        if not named or not b.get("dibuka"):
            continue
        at = dt.datetime.fromisoformat(b["dibuka"])
        absent = 0
        for v in named:
            person = by_id.get(numbers.get(str(v.get("nomor_anggota")), -1))
            if person is None or not person.present(at):
                absent += 1
        if absent:
            anchor = where.get(f"suara.{b.get('id')}.hadir")
            out.append(
                Mismatch(
                    f"suara.{b.get('id')}.memilih_tanpa_hadir",
                    0,
                    absent,
                    anchor.anchor if anchor else "",
                    anchor.page if anchor else 0,
                )
            )
    return out


def parse_figures(data: bytes) -> list[Figure]:
    """The figures of ``angka.json``."""
    rows = json.loads(data.decode("utf-8"))["angka"]
    out = []
    for r in rows:
        place, point = str(r["letak"]), 0
        head, _, letter = place.rpartition(".")
        if head and len(letter) == 1 and letter.isalpha() and letter.islower():
            place, point = head, ord(letter) - ord("a") + 1
        out.append(
            Figure(
                str(r["kunci"]),
                r["nilai"],
                place,
                point,
                int(r["halaman"]),
                dt.datetime.fromisoformat(r["saat"]) if r.get("saat") else None,
            )
        )
    return out


def parse_attendance(data: bytes) -> tuple[list[Attendee], dict[str, int]]:
    """The attendees of ``daftar_hadir.csv`` (numbered by row) and member number -> row."""
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    people, numbers = [], {}
    for n, row in enumerate(reader, start=1):
        channel = Channel(row["kehadiran"])
        left = set(filter(None, row["jam_keluar"].split(";")))
        back = set(filter(None, row["jam_kembali"].split(";")))
        stays = []
        for i, part in enumerate(filter(None, row["masa_hadir"].split(";"))):
            start_text, _, end_text = part.partition("/")
            start = dt.datetime.fromisoformat(start_text)
            end = dt.datetime.fromisoformat(end_text) if end_text else None
            stays.append(
                Stay(
                    start,
                    channel,
                    end,
                    returned=i > 0 and start.strftime("%H:%M") in back,
                    left=end is not None and end.strftime("%H:%M") in left,
                )
            )
        people.append(
            Attendee(
                n,
                row["dihitung_kuorum"] == "ya",
                row["berhak_suara"] == "ya",
                Category(row["kategori"]),
                tuple(stays),
            )
        )
        numbers[row["nomor_anggota"]] = n
    return people, numbers
