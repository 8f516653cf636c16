"""Reading an online platform's participant list: member numbers and the times they joined.

Accepts what secretaries get from Zoom, Google Meet or a spreadsheet: comma, semicolon or tab
separated, UTF-8 (with or without BOM) or Windows-1252, a header row or none, times as
"09:05", "09.05", "2026-03-14 09:05:12" or "14/03/2026 09:05". A time without a date is on the
meeting's day, in its time zone.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from assembly.domain.errors import DomainError, Problem
from assembly.i18n import tr

MAX_BYTES = 20 * 1024 * 1024
_NUMBER_HEADERS = {
    "nomor",
    "nomor anggota",
    "no anggota",
    "no. anggota",
    "nomor_anggota",
    "no",
    "member number",
    "number",
    "member_number",
    "id anggota",
}
_TIME_HEADERS = {
    "waktu",
    "jam",
    "waktu bergabung",
    "jam bergabung",
    "waktu_bergabung",
    "bergabung",
    "join time",
    "joined",
    "joined at",
    "time",
    "masuk",
    "jam masuk",
}
_TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%H.%M", "%H.%M.%S")
_DATE_TIME_FORMATS = (
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d/%m/%Y %H.%M",
)


@dataclass(frozen=True)
class JoinRow:
    """One line of the list: the file's row number, the member number, the joining time."""

    row: int
    number: str
    joined_at: dt.datetime


def read_join_list(
    path: Path, day: dt.date, zone: dt.tzinfo
) -> tuple[list[JoinRow], list[Problem]]:
    """The rows of the file at ``path`` and the problems found in it, each with its row."""
    text = _text(path)
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise DomainError(tr("Berkas {path} kosong.", path=path.name))
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(lines[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    records = list(csv.reader(io.StringIO(text), dialect))
    number_at, time_at, first = 0, 1, 0
    header = [c.strip().lower() for c in records[0]] if records else []
    if any(h in _NUMBER_HEADERS for h in header):
        number_at = next(i for i, h in enumerate(header) if h in _NUMBER_HEADERS)
        time_at = next((i for i, h in enumerate(header) if h in _TIME_HEADERS), -1)
        first = 1
    rows: list[JoinRow] = []
    problems: list[Problem] = []
    number_column, time_column = tr("Nomor anggota"), tr("Waktu bergabung")
    for index, record in enumerate(records[first:], start=first + 1):
        if not any(cell.strip() for cell in record):
            continue
        number = record[number_at].strip() if number_at < len(record) else ""
        raw_time = record[time_at].strip() if 0 <= time_at < len(record) else ""
        if not number:
            problems.append(Problem(tr("Nomor anggota kosong"), number_column, index))
            continue
        if not raw_time:
            problems.append(Problem(tr("Waktu bergabung wajib diisi"), time_column, index))
            continue
        joined = parse_join_time(raw_time, day, zone)
        if joined is None:
            problems.append(
                Problem(
                    tr('Waktu "{value}" tidak dapat dibaca', value=raw_time), time_column, index
                )
            )
        elif joined.astimezone(zone).date() != day:
            problems.append(
                Problem(
                    tr("Waktu {value} bukan pada tanggal rapat", value=raw_time), time_column, index
                )
            )
        else:
            rows.append(JoinRow(index, number, joined))
    return rows, problems


def parse_join_time(text: str, day: dt.date, zone: dt.tzinfo) -> dt.datetime | None:
    """A joining time: with its own offset if it has one, else in ``zone``; a bare time is on
    ``day``. None when it cannot be read."""
    for pattern in _TIME_FORMATS:
        try:
            return dt.datetime.combine(day, dt.datetime.strptime(text, pattern).time(), zone)
        except ValueError:
            pass
    for pattern in _DATE_TIME_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).replace(tzinfo=zone)
        except ValueError:
            pass
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise DomainError(
                tr("Berkas {path} terlalu besar untuk daftar peserta.", path=path.name)
            )
        data = path.read_bytes()
    except OSError as exc:
        raise DomainError(
            tr("Berkas {path} tidak dapat dibaca: {detail}", path=path, detail=exc.strerror)
        ) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
