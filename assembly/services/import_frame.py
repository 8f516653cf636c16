"""The frame of a register file's preview: the row that holds the column titles (found, or
chosen by the user), the columns' unique titles, which column fills which register field, and
the data rows below, before any row is checked."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from assembly.domain.errors import DomainError, Problem
from assembly.domain.register_columns import (
    FIELDS,
    REQUIRED,
    column_letter,
    detect_header,
    field_for_header,
    field_label,
)
from assembly.i18n import tr
from assembly.services.import_preview import ImportPreview, SourceRow
from assembly.services.register_files import Table


def filled(cell: object) -> bool:
    """Whether a cell holds something."""
    return cell is not None and str(cell).strip() != ""


def _rowfilled(row: Sequence[object]) -> bool:
    """Whether any cell of ``row`` holds something: one join for a CSV's row of texts."""
    try:
        return bool("".join(row).strip())  # type: ignore[arg-type]  # texts, else TypeError
    except TypeError:  # a spreadsheet's numbers, dates, empty cells
        return any(filled(c) for c in row)


def _column_titles(header: Sequence[object], width: int) -> list[str]:
    """The titles of the columns, unique: an empty title becomes "Kolom F", a repeated one
    "Tanggal (kolom F)"."""
    titles: list[str] = []
    for index in range(width):
        letter = column_letter(index)
        raw = header[index] if index < len(header) else None
        text = " ".join(str(raw).split()) if filled(raw) else ""
        if not text:
            text = tr("Kolom {letter}", letter=letter)
        elif text in titles:
            text = tr("{title} (kolom {letter})", title=text, letter=letter)
        titles.append(text)
    return titles


def _width(rows: Sequence[Sequence[object]]) -> int:
    width = 0
    for row in rows:
        used = [i for i, cell in enumerate(row) if filled(cell)]
        if used:
            width = max(width, used[-1] + 1)
    return width


def frame_preview(
    path: Path,
    digest: str,
    table: Table,
    override: Mapping[str, str],
    header_row: int | None,
) -> ImportPreview:
    """Find the titles and the columns of each field; the preview without row checks."""
    rows = table.rows
    index: int | None = None
    detected: dict[str, int] = {}
    if header_row is not None:
        if not 1 <= header_row <= len(rows):
            raise DomainError(tr("Baris judul {row} tidak ada di berkas", row=header_row))
        index = header_row - 1
    elif wanted := {h for h in override.values() if h}:
        index = next(
            (i for i, r in enumerate(rows[:50]) if wanted <= {" ".join(str(c).split()) for c in r}),
            None,
        )
    guess = detect_header(rows)
    if index is None and guess is not None:
        index = guess.index
    if guess is not None and guess.index == index:
        detected = guess.columns
    elif index is not None:
        probe = detect_header([rows[index]])
        detected = probe.columns if probe else {}

    body = rows[index + 1 :] if index is not None else rows
    width = _width([rows[index]] if index is not None else []) or _width(body)
    titles = _column_titles(rows[index] if index is not None else [], width)
    source = [
        SourceRow(
            number,
            tuple(row) if len(row) == width else tuple(row[:width]) + (None,) * (width - len(row)),
        )
        for number, row in enumerate(body, (index + 2) if index is not None else 1)
        if _rowfilled(row)
    ]
    mapping = {f: titles[c] for f, c in detected.items() if c < width}
    for name, title in override.items():
        if name not in FIELDS:
            raise DomainError(tr("Isian {name} tidak dikenal", name=name))
        if not title:
            mapping.pop(name, None)
        elif title not in titles:
            raise DomainError(tr("Kolom {column} tidak ada di berkas", column=title))
        else:
            mapping[name] = title
    preview = ImportPreview(
        path=path,
        sha256=digest,
        kind=table.kind,
        header_row=None if index is None else index + 1,
        columns=titles,
        mapping={f: mapping[f] for f in FIELDS if f in mapping},
        rows=source,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet=table.sheet,
    )
    if index is None:
        preview.problems.append(
            Problem(
                tr(
                    "Baris judul kolom (No. Anggota, Nama, …) tidak ditemukan; pilih baris "
                    "judulnya atau pasangkan kolomnya sendiri"
                )
            )
        )
        return preview
    for name in REQUIRED:
        if name not in preview.mapping:
            preview.problems.append(
                Problem(
                    tr("Kolom untuk {field} tidak ditemukan; pilih kolomnya",
                       field=field_label(name))
                )
            )  # fmt: skip
    for name, title in preview.mapping.items():
        # Two columns titled for one field (two "Nama" columns): say which one is used.
        others = [
            titles[c]
            for c, cell in enumerate(rows[index][:width])
            if titles[c] != title and field_for_header(cell) == name
        ]
        if others and name not in override:
            preview.problems.append(
                Problem(
                    tr(
                        "Ada lebih dari satu kolom untuk {field} ({others}); yang dipakai kolom "
                        "{title}. Pilih kolomnya sendiri bila keliru",
                        field=field_label(name),
                        others=", ".join(others),
                        title=title,
                    ),
                    title,
                    warning=True,
                )
            )
    for title, count in Counter(preview.mapping.values()).items():
        if count > 1:
            names = ", ".join(field_label(f) for f, t in preview.mapping.items() if t == title)
            preview.problems.append(
                Problem(tr("Satu kolom dipakai untuk beberapa isian: {fields}", fields=names),
                        title)
            )  # fmt: skip
    return preview
