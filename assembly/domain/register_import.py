"""Reading the data rows of a member register: each row's cells through converters chosen
once per column from the detected titles, the member each row describes, and the checks over
one row and over the whole file (repeated numbers and NIKs). The titles are found by
``register_columns``; each cell is read by ``register_cells``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from operator import itemgetter
from typing import Any

from assembly.domain.errors import Problem
from assembly.domain.members import Category, Member, Sex, Status, validate_member
from assembly.domain.register_cells import PARSERS, CellError, cell_text, plain_text
from assembly.domain.register_columns import FIELD_SET, FIELDS, field_label
from assembly.i18n import tr

_BLANKS = frozenset({"", "-", "--", "—", "–"})  # registers write a dash for "none"


@dataclass(frozen=True, slots=True)
class RowValues:
    """What one data row says: the field values of its filled cells, and its problems."""

    row: int
    values: dict[str, object]
    problems: list[Problem]


def parse_row(row: int, cells: Mapping[str, object], headers: Mapping[str, str]) -> RowValues:
    """Read the cells of one data row (field -> raw cell). Empty cells give no value, so an
    import never blanks what the register already holds. ``headers`` (field -> the file's
    column title) name the column of each problem."""
    names = list(cells)
    reader = RowReader({name: i for i, name in enumerate(names)}, headers)
    return reader.read(row, [cells[name] for name in names])


# Fields whose cells repeat a few values ("Aktif", "L", a date): each text is parsed once.
_REPEATING = frozenset({"sex", "status", "category", "arrears", "birth_date", "joined_on",
                        "exit_date"})  # fmt: skip


class RowReader:
    """Reads the data rows of one file: ``where`` gives each field's column index. A text
    seen before in a repeating field is not parsed again (an import reads 100,000 rows)."""

    def __init__(self, where: Mapping[str, int], headers: Mapping[str, str]) -> None:
        self._headers = headers
        self._columns: list[
            tuple[str, int, Callable[[object], object], dict[object, object] | None, bool]
        ] = [
            (name, index, PARSERS[name], {} if name in _REPEATING else None,
             PARSERS[name] is plain_text)
            for name, index in where.items()
        ]  # fmt: skip

    def read(self, row: int, cells: Sequence[object]) -> RowValues:
        """The values and problems of the data row numbered ``row``."""
        return self.read_many([(row, cells)])[0]

    def read_many(self, rows: Sequence[tuple[int, Sequence[object]]]) -> list[RowValues]:
        """The values and problems of data rows given as (row number, cells), a column at a
        time: each column's way of reading is chosen once, and the common cell (a trimmed
        text, a word or date read before) takes one look; anything else is read cell by
        cell as :meth:`_cell` says."""
        found = [RowValues(row, {}, []) for row, _cells in rows]
        cellsets = [cells for _row, cells in rows]
        for name, index, parse, seen, plain in self._columns:
            column = list(map(itemgetter(index), cellsets))
            if plain:  # number, name, address, phone, reason
                for out, raw in zip(found, column, strict=True):
                    if isinstance(raw, str):
                        text = raw.strip()
                        if text not in _BLANKS and text[0] != "'":
                            # Every blank but " " is unprintable: else only "  " needs joining.
                            if "  " in text or not text.isprintable():
                                text = " ".join(text.split())  # runs of blanks made single
                            out.values[name] = text
                            continue
                    self._cell(name, raw, parse, seen, out)
            elif seen is not None:  # sex, status, category, arrears, dates
                known_as = seen.get
                for out, raw in zip(found, column, strict=True):
                    known = known_as(raw) if isinstance(raw, str) else None
                    if known is None:
                        self._cell(name, raw, parse, seen, out)
                    elif known is not _BLANK:  # "Aktif", "L", a date read before
                        out.values[name] = known
            elif name == "nik":
                for out, raw in zip(found, column, strict=True):
                    if isinstance(raw, str) and raw.isdigit():  # the common case: digits only
                        out.values[name] = raw
                    else:
                        self._cell(name, raw, parse, seen, out)
            else:
                for out, raw in zip(found, column, strict=True):
                    self._cell(name, raw, parse, seen, out)
        if any(name == "status" for name, *_rest in self._columns):
            for out in found:
                _implied_by_status(out.values)
        return found

    def _cell(
        self,
        name: str,
        raw: object,
        parse: Callable[[object], object],
        seen: dict[object, object] | None,
        out: RowValues,
    ) -> None:
        """Read one cell into ``out``: a blank gives no value, a cell that cannot be read a
        problem at its row and column."""
        key = None
        if isinstance(raw, str):  # a CSV's every cell: trimmed once, not per parser
            text = raw.strip()
            if text in _BLANKS:
                if seen is not None:
                    seen[raw] = _BLANK
                return
            if text[0] == "'":  # Excel's mark for text
                text = text[1:].strip()
                if text in _BLANKS:
                    return
            key, raw = raw, text
        elif raw is None or cell_text(raw) in _BLANKS:
            return
        try:
            parsed = parse(raw)
        except CellError as exc:
            out.problems.append(Problem(exc.message, self._headers.get(name, ""), out.row))
            return
        if parsed is None or parsed == "":
            return
        if seen is not None and key is not None:
            seen[key] = parsed
        out.values[name] = parsed
        if name == "nik" and isinstance(raw, int | float) and len(str(parsed)) > 15:
            out.problems.append(Problem(
                tr("NIK tersimpan sebagai angka di Excel, yang hanya menyimpan 15 "
                   "angka; periksa angka terakhirnya"),
                self._headers.get(name, ""), out.row, warning=True,
            ))  # fmt: skip


def _implied_by_status(values: dict[str, object]) -> None:
    """The status word's own meaning: "Calon" is a candidate, "Aktif" has no exit."""
    status = values.get("status")
    if isinstance(status, tuple):
        implied_category: Category | None
        values["status"], implied_category = status
        if implied_category is not None and "category" not in values:
            values["category"] = implied_category
        if values["status"] is Status.ACTIVE and "exit_date" not in values:
            # A member the file says is active has no exit, whatever the register said.
            values["exit_date"], values["exit_reason"] = None, ""


_BLANK = object()  # a repeating field's cell known to say nothing


def member_from(values: Mapping[str, object], base: Member | None = None) -> Member:
    """The register entry a row describes: ``base`` (the member already registered under
    that number) with the row's values over it, or a new member."""
    if base is None and "number" in values and "name" in values:
        try:
            return Member(**values)  # type: ignore[arg-type]  # a row's parsed values, typed
        except TypeError:
            pass  # a key that is no field: the general way below
    fields: dict[str, Any] = {k: v for k, v in values.items() if k in FIELD_SET}
    if base is None:
        return Member(**{"number": "", "name": "", **fields})
    return replace(base, **fields)


def check_member(
    member: Member, row: int, headers: Mapping[str, str], today: dt.date
) -> list[Problem]:
    """The register rules for one row's member (required fields, dates not in the future,
    no exit date for an active member), each placed at the file's row and column. A leaver
    without an exit date is no problem of its row: the preview counts them once."""
    found = validate_member(member, today, exit_unknown_warning=False) + formula_problems(member)
    if not found:
        return []
    by_label = {field_label(name): name for name in FIELDS}
    placed = []
    for problem in found:
        name = by_label.get(problem.column, "")
        column = headers.get(name, "")
        if not column and name == "exit_date":
            column = headers.get("status", "")  # the file has no exit-date column
        column = column or problem.column
        placed.append(Problem(problem.message, column, row, problem.warning))
    return placed


# What a spreadsheet runs as a formula when a cell starts with it (OWASP "CSV injection").
_FORMULA_START = ("=", "@", "+", "-")
_FORMULA_CHARS = frozenset(_FORMULA_START)
_TEXT_FIELDS = ("number", "name", "address", "phone", "exit_reason")


def looks_like_formula(text: str) -> bool:
    """Whether ``text`` would run as a spreadsheet formula: it starts with "=" or "@", or with
    "+"/"-" and carries a call, a cell reference across sheets or a pipe ("+cmd|' /C calc'!A0");
    a phone number "+62 812…" or an address "-" stays plain text."""
    text = text.strip()
    if not text.startswith(_FORMULA_START):
        return False
    return text[0] in "=@" or any(mark in text for mark in "(!|")


def formula_problems(member: Member) -> list[Problem]:
    """A warning for each text field that looks like a spreadsheet formula: it is stored as
    plain text, and exports make it inert (DESIGN.md section 7), but the user should see it."""
    for text in (member.number, member.name, member.address, member.phone, member.exit_reason):
        # The common case: one look at each field's first character.
        if text and (text[0] in _FORMULA_CHARS or text[0].isspace()):
            break
    else:
        return []
    texts = [(name, getattr(member, name, None)) for name in _TEXT_FIELDS]
    return [
        Problem(
            tr(
                "Isian ini tampak seperti rumus spreadsheet ({start}…); disimpan sebagai teks "
                "biasa dan tidak pernah dijalankan",
                start=str(text).strip()[:12],
            ),
            field_label(name),
            warning=True,
        )
        for name, text in texts
        if isinstance(text, str) and looks_like_formula(text)
    ]


def duplicate_problems(
    rows: Sequence[tuple[int, Member]], headers: Mapping[str, str]
) -> list[Problem]:
    """Member numbers that occur twice in the file (case and spaces ignored: "KSP-001" and
    "ksp-001" are one number to a person), and NIKs that occur twice. Two active entries with
    one NIK would give one person two votes (UU 25/1992 Pasal 24(3)) and block; otherwise a
    repeated NIK (a member who left and joined again) is a warning."""
    problems: list[Problem] = []
    first_number: dict[str, int] = {}
    first_nik: dict[str, tuple[int, Member]] = {}
    for row, member in rows:
        key = member.number.casefold()
        if " " in key or not key.isprintable():  # every blank but " " is unprintable
            key = "".join(key.split())
        if key:
            first = first_number.setdefault(key, row)
            if first != row:
                problems.append(Problem(
                    tr("Nomor {number} sudah dipakai di baris {first}",
                       number=member.number, first=first),
                    headers.get("number", field_label("number")), row,
                ))  # fmt: skip
        if member.nik:
            other_row, other = first_nik.setdefault(member.nik, (row, member))
            if other is not member:
                both_active = member.status is Status.ACTIVE and other.status is Status.ACTIVE
                problems.append(Problem(
                    tr("NIK yang sama ada di baris {first} ({name})",
                       first=other_row, name=other.name),
                    headers.get("nik", field_label("nik")), row, warning=not both_active,
                ))  # fmt: skip
    return problems


def changed_fields(before: Member, after: Member) -> list[str]:
    """The fields whose value differs between two versions of a member (id aside)."""
    return [name for name in FIELDS if getattr(before, name) != getattr(after, name)]


def display_value(name: str, value: object) -> str:
    """A field value as the preview writes it."""
    if value is None or value == "":
        return tr("(kosong)")
    if isinstance(value, Category | Status | Sex):
        return tr(value.key)
    if isinstance(value, bool):
        return tr("Ya") if value else tr("Tidak")
    return cell_text(value)
