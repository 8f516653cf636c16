"""An investigator's reader of raw SQLite bytes, written from the file format
(https://www.sqlite.org/fileformat2.html) and independent of SQLite itself: the b-tree pages of
a database file or of WAL frames, each cell's record decoded with its byte offset in the page,
and the parts of a page that hold no live cell (the gap and the freeblocks), where deleted
rows linger unless ``secure_delete`` zeroed them.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

Value = int | float | str | bytes | None

_HEADER = 100  # the database header before page 1's b-tree header
_WAL_HEADER, _FRAME_HEADER = 32, 24


@dataclass(frozen=True)
class Cell:
    """One live cell: the page, its byte offset there, the rowid (table pages) and values."""

    page: int
    offset: int
    rowid: int | None
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Frame:
    """One WAL frame: the page it holds, whether it ends a commit, and the page's bytes."""

    page: int
    commit: bool
    data: bytes


def _varint(buf: bytes, at: int) -> tuple[int, int]:
    value = 0
    for i in range(8):
        byte = buf[at + i]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    return (value << 8) | buf[at + 8], at + 9


def _record(payload: bytes) -> tuple[Value, ...]:
    size, at = _varint(payload, 0)
    types = []
    while at < size:
        serial, at = _varint(payload, at)
        types.append(serial)
    out: list[Value] = []
    pos = size
    widths = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}
    for serial in types:
        if serial == 0:
            out.append(None)
        elif serial in widths:
            n = widths[serial]
            out.append(int.from_bytes(payload[pos : pos + n], "big", signed=True))
            pos += n
        elif serial == 7:
            out.append(struct.unpack(">d", payload[pos : pos + 8])[0])
            pos += 8
        elif serial in (8, 9):
            out.append(serial - 8)
        elif serial >= 12:
            n = (serial - 12) // 2
            raw = payload[pos : pos + n]
            out.append(raw.decode("utf-8", "replace") if serial % 2 else bytes(raw))
            pos += n
        else:
            out.append(None)
    return tuple(out)


class Pages:
    """The pages of one database image: a database file, or a file with WAL frames applied."""

    def __init__(self, image: bytes) -> None:
        self.image = image
        size = int.from_bytes(image[16:18], "big")
        self.page_size = 65536 if size == 1 else size
        self.usable = self.page_size - image[20]

    @classmethod
    def of_file(cls, path: Path) -> Pages:
        """The pages of a database file as it lies on disk (the WAL not applied)."""
        return cls(path.read_bytes())

    def page(self, number: int) -> bytes:
        """The bytes of page ``number`` (1-based)."""
        start = (number - 1) * self.page_size
        return self.image[start : start + self.page_size]

    def count(self) -> int:
        """How many pages the image holds."""
        return len(self.image) // self.page_size

    def _payload(self, page: bytes, at: int, size: int, index: bool) -> bytes:
        u = self.usable
        x = ((u - 12) * 64 // 255 - 23) if index else u - 35
        if size <= x:
            return page[at : at + size]
        m = (u - 12) * 32 // 255 - 23
        k = m + (size - m) % (u - 4)
        local = k if k <= x else m
        out = bytearray(page[at : at + local])
        nxt = int.from_bytes(page[at + local : at + local + 4], "big")
        while nxt and len(out) < size:
            over = self.page(nxt)
            nxt = int.from_bytes(over[:4], "big")
            out += over[4 : 4 + min(u - 4, size - len(out))]
        return bytes(out)

    def cells(self, number: int, page: bytes | None = None) -> list[Cell]:
        """The live cells of a b-tree page, in the order of the cell pointer array."""
        data = self.page(number) if page is None else page
        base = _HEADER if number == 1 else 0
        kind = data[base]
        if kind not in (2, 5, 10, 13):
            return []
        count = int.from_bytes(data[base + 3 : base + 5], "big")
        head = base + (8 if kind in (10, 13) else 12)
        out = []
        for i in range(count):
            at = int.from_bytes(data[head + 2 * i : head + 2 * i + 2], "big")
            pos = at + (4 if kind in (2, 5) else 0)
            if kind == 5:
                rowid, _ = _varint(data, pos)
                out.append(Cell(number, at, rowid, ()))
                continue
            size, pos = _varint(data, pos)
            rowid = None
            if kind == 13:
                rowid, pos = _varint(data, pos)
            values = _record(self._payload(data, pos, size, index=kind != 13))
            out.append(Cell(number, at, rowid, values))
        return out

    def children(self, number: int) -> list[int]:
        """The child pages of an interior b-tree page (empty for a leaf)."""
        data = self.page(number)
        base = _HEADER if number == 1 else 0
        if data[base] not in (2, 5):
            return []
        count = int.from_bytes(data[base + 3 : base + 5], "big")
        kids = [
            int.from_bytes(data[at : at + 4], "big")
            for at in (
                int.from_bytes(data[base + 12 + 2 * i : base + 14 + 2 * i], "big")
                for i in range(count)
            )
        ]
        return [*kids, int.from_bytes(data[base + 8 : base + 12], "big")]

    def tree(self, root: int) -> list[int]:
        """Every page of the b-tree rooted at ``root``, the root first."""
        out, todo = [], [root]
        while todo:
            number = todo.pop(0)
            out.append(number)
            todo.extend(self.children(number))
        return out

    def schema(self) -> dict[str, tuple[str, int]]:
        """sqlite_master read from the bytes: name -> (type, root page)."""
        out = {}
        for number in self.tree(1):
            for cell in self.cells(number):
                if len(cell.values) >= 4 and isinstance(cell.values[3], int):
                    out[str(cell.values[1])] = (str(cell.values[0]), cell.values[3])
        return out

    def unallocated(self, number: int, page: bytes | None = None) -> bytes:
        """The bytes of a b-tree page that hold no live cell: the gap between the cell
        pointers and the cell content, and every freeblock."""
        data = self.page(number) if page is None else page
        base = _HEADER if number == 1 else 0
        kind = data[base]
        if kind not in (2, 5, 10, 13):
            return b""
        count = int.from_bytes(data[base + 3 : base + 5], "big")
        head = base + (8 if kind in (10, 13) else 12)
        content = int.from_bytes(data[base + 5 : base + 7], "big") or 65536
        out = bytearray(data[head + 2 * count : content])
        free = int.from_bytes(data[base + 1 : base + 3], "big")
        while free:
            size = int.from_bytes(data[free + 2 : free + 4], "big")
            out += data[free + 4 : free + size]
            free = int.from_bytes(data[free : free + 2], "big")
        return bytes(out)


def wal_frames(path: Path) -> list[Frame]:
    """The frames of a WAL file in the order they were appended (none when it is missing or
    empty)."""
    if not path.exists():
        return []
    data = path.read_bytes()
    if len(data) < _WAL_HEADER:
        return []
    page_size = int.from_bytes(data[8:12], "big")
    out = []
    at = _WAL_HEADER
    while at + _FRAME_HEADER + page_size <= len(data):
        number = int.from_bytes(data[at : at + 4], "big")
        commit = int.from_bytes(data[at + 4 : at + 8], "big") != 0
        out.append(Frame(number, commit, data[at + _FRAME_HEADER : at + _FRAME_HEADER + page_size]))
        at += _FRAME_HEADER + page_size
    return out


def commits(frames: list[Frame]) -> Iterator[list[Frame]]:
    """The frames grouped by the commit each belongs to, in order."""
    group: list[Frame] = []
    for frame in frames:
        group.append(frame)
        if frame.commit:
            yield group
            group = []
    if group:
        yield group
