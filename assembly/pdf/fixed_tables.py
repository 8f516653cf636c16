"""Long annex tables (thousands of rows) that ReportLab lays out fast.

The recipe of the Daftar Hadir (stack.md section 8), shared: every cell is plain text broken
beforehand to its column's width (at most ``max_lines`` lines, cut with an ellipsis) by the
Daftar Hadir's own :func:`~assembly.pdf.attendance_list._fit`, so each row's height is known
without measuring; and the rows go into tables of a few hundred each, the header repeated on
every page. ReportLab then never measures a cell and splits small tables only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle

from assembly.pdf.attendance_list import FONT_SIZE, PADDING, _fit
from assembly.pdf.fonts import BOLD, REGULAR

LEADING = FONT_SIZE * 1.2
V_PADDING = 1.6
CHUNK = 300  # rows per table: small tables split fast, few enough not to matter
GREY = colors.HexColor("#555555")


def row_height(lines: int) -> float:
    """The height of a row whose tallest cell has ``lines`` lines."""
    return lines * LEADING + 2 * V_PADDING + 1


def fixed_tables(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    widths: Sequence[float],
    commands: Sequence[tuple[object, ...]] = (),
    *,
    max_lines: int = 2,
    chunk: int = CHUNK,
) -> list[Table]:
    """``rows`` under ``header`` as tables of at most ``chunk`` rows each, every cell fitted to
    its column (``max_lines`` lines at most), grid lines, the header shaded and repeated on
    each page. ``commands`` are extra TableStyle commands (alignment) for every table."""
    return list(
        fixed_table_stream(header, rows, widths, commands, max_lines=max_lines, chunk=chunk)
    )


def fixed_table_stream(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    widths: Sequence[float],
    commands: Sequence[tuple[object, ...]] = (),
    *,
    max_lines: int = 2,
    chunk: int = CHUNK,
) -> Iterator[Table]:
    """The tables of :func:`fixed_tables` one at a time, each made (its rows fitted) only
    when the build reaches it, so 150,000 named votes never sit in memory as tables at once
    (issue 11, point 10)."""
    style = TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), REGULAR, FONT_SIZE, LEADING),
            ("FONT", (0, 0), (-1, 0), BOLD, FONT_SIZE, LEADING),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
            ("GRID", (0, 0), (-1, -1), 0.35, GREY),
            ("BOX", (0, 0), (-1, -1), 0.5, GREY),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ("ALIGN", (0, 1), (0, -1), "RIGHT"),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), V_PADDING),
            ("BOTTOMPADDING", (0, 0), (-1, -1), V_PADDING),
            *commands,
        ]
    )
    head = [_fit(h, w, 3) if "\n" not in h else h for h, w in zip(header, widths, strict=True)]
    head_height = row_height(max(h.count("\n") + 1 for h in head))
    source = iter(rows)
    while part := [
        [_fit(cell, w, max_lines) if cell else "" for cell, w in zip(row, widths, strict=True)]
        for row in islice(source, chunk)
    ]:
        heights = [head_height] + [row_height(max(c.count("\n") + 1 for c in r)) for r in part]
        yield Table(
            [head, *part],
            colWidths=list(widths),
            rowHeights=heights,
            style=style,
            repeatRows=1,
        )
