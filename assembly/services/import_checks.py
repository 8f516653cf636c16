"""Checking every data row of a register file's preview: each row alone, against the other
rows of the file and against the register, and sorting the members into new, changed and
unchanged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from assembly.domain.errors import Problem
from assembly.domain.members import Member, Status, exit_date_unknown
from assembly.domain.register_cells import cell_text
from assembly.domain.register_columns import field_label, is_column_numbering, is_header_like
from assembly.domain.register_import import (
    RowReader,
    RowValues,
    changed_fields,
    check_member,
    duplicate_problems,
    member_from,
)
from assembly.i18n import tr
from assembly.persistence import member_store
from assembly.services.context import ServiceContext
from assembly.services.identity import check_nik, normalise_nik
from assembly.services.import_frame import filled
from assembly.services.import_preview import (
    ImportPreview,
    MemberChange,
    SourceRow,
    exit_unknown_summary,
)
from assembly.services.progress import Progress

_STEP = 2000  # rows between progress reports (and chances to cancel)


def check_rows(ctx: ServiceContext, preview: ImportPreview, progress: Progress) -> None:
    """Parse every data row, check it alone, against the other rows and against the
    register, and sort the members into new, changed and unchanged: one pass over the rows,
    a chunk at a time, each chunk's register entries looked up together in one consistent
    read (no per-row objects are kept beyond the members themselves)."""
    if preview.blocking:
        return
    positions = {title: i for i, title in enumerate(preview.columns)}
    where = {name: positions[title] for name, title in preview.mapping.items()}
    headers = preview.mapping
    today = ctx.today()
    checker = _RowChecks(preview, where, today)
    total = len(preview.rows)
    existing: dict[str, Member] = {}
    owners: dict[str, str] = {}
    members: list[tuple[int, Member]] = []
    with ctx.db.read() as conn:
        for start in range(0, total, _STEP):
            progress.step(start, total)
            chunk = checker.read_many(preview.rows[start : start + _STEP])
            numbers = [str(r.values["number"]) for r in chunk if "number" in r.values]
            found = member_store.by_numbers(conn, numbers)
            niks = {str(r.values["nik"]) for r in chunk if r.values.get("nik")}
            # The NIKs the members keep when the file has none (a file without a NIK column
            # renames members by number): the commit checks these did not move either.
            niks |= {m.nik for m in found.values() if m.nik}
            owners.update(member_store.nik_owners(conn, niks))
            existing.update(found)
            for row in chunk:
                members.append((row.row, checker.place(row, found)))
        others = member_store.by_numbers(conn, set(owners.values()) - existing.keys())
    progress.step(total, total)
    preview.register_numbers, preview.register_niks = existing, owners
    if preview.exit_unknown:
        preview.problems.append(Problem(exit_unknown_summary(preview.exit_unknown), warning=True))
    preview.problems.extend(duplicate_problems(members, headers))
    preview.problems.extend(_register_nik_problems(members, owners, existing, others, headers))
    order = {title: i for i, title in enumerate(preview.columns)}
    preview.problems.sort(key=lambda p: (p.row or 0, order.get(p.column, -1)))


class _RowChecks:
    """Reads and checks rows for one preview, and files each member as new, changed or
    unchanged."""

    def __init__(self, preview: ImportPreview, where: Mapping[str, int], today: dt.date) -> None:
        self._preview = preview
        self._headers = preview.mapping
        self._reader = RowReader(where, preview.mapping)
        self._nik_check = _NikChecks()
        self._today = today
        self._name_title = preview.mapping["name"].casefold()
        self._name_at, self._number_at = where["name"], where.get("number")

    def read_many(self, sources: Sequence[SourceRow]) -> list[RowValues]:
        """The values of the data rows among ``sources``: a row that holds no member (a
        repeated header, the "1 2 3" line, a note under the list) is left out."""
        kept = [(s.row, s.cells) for s in sources if self._holds_member(s)]
        rows = self._reader.read_many(kept)
        if "nik" not in self._headers:
            return rows
        nik_title = self._headers["nik"]
        for row in rows:
            nik = row.values.get("nik")
            if isinstance(nik, str):
                if not nik.isdigit():  # already compact otherwise
                    row.values["nik"] = nik = normalise_nik(nik)
                for problem in self._nik_check(nik):
                    row.problems.append(
                        Problem(problem.message, nik_title, row.row, problem.warning)
                    )
        return rows

    def _holds_member(self, source: SourceRow) -> bool:
        cells = source.cells
        name_cell = cells[self._name_at]
        if _maybe_not_data(name_cell, self._name_title) and (
            is_header_like(cells) or is_column_numbering(cells)
        ):
            return False  # a header repeated on every printed page, or the "1 2 3" line
        named = filled(name_cell) or (
            self._number_at is not None and filled(cells[self._number_at])
        )
        if not named and sum(1 for c in cells if filled(c)) <= 1:
            # A note or a signature line under the list ("Bandung, 31 Desember 2025").
            self._preview.problems.append(
                Problem(tr("Baris dilewati: bukan data anggota"), "", source.row, True)
            )
            return False
        return True

    def place(self, row: RowValues, registered: Mapping[str, Member]) -> Member:
        """The member ``row`` describes, checked and filed in the preview."""
        preview = self._preview
        if row.problems:
            preview.problems.extend(row.problems)
        base = registered.get(str(row.values.get("number", "")))
        member = member_from(row.values, base)
        found = check_member(member, row.row, self._headers, self._today)
        if found:
            preview.problems.extend(found)
        if exit_date_unknown(member):
            preview.exit_unknown += 1
        if base is None:
            preview.new.append(member)
        elif fields := changed_fields(base, member):
            preview.changed.append(MemberChange(row.row, base, member, tuple(fields)))
        else:
            preview.unchanged_count += 1
        return member


def _maybe_not_data(name_cell: object, name_title: str) -> bool:
    """A cheap first look: only a row whose name cell is empty, a number (the "1 2 3" line)
    or the name column's own title (a header repeated on each printed page) may be no
    member."""
    name = name_cell.strip() if isinstance(name_cell, str) else cell_text(name_cell)
    if name[:1] == "'":
        name = cell_text(name)
    return not name or name.isdigit() or " ".join(name.split()).casefold() == name_title


class _NikChecks:
    """``check_nik`` for many NIKs. Its verdict on a 16-digit NIK depends only on whether
    the birth block names a day (stdnum reads day % 40, the month, and the year as 19yy or
    20yy: the same for every year of one leap class) and then on the region (digits 1-4),
    never on the serial; so each birth class and region is checked once."""

    def __init__(self) -> None:
        self._births: dict[tuple[int, str, bool], list[Problem]] = {}  # [] when a day
        self._regions: dict[str, list[Problem]] = {}  # [] when known

    def __call__(self, nik: str) -> list[Problem]:
        if len(nik) != 16 or not nik.isdigit():
            return check_nik(nik)
        birth_class = (int(nik[6:8]) % 40, nik[8:10], int(nik[10:12]) % 4 == 0)
        birth = self._births.get(birth_class)
        if birth:
            return birth
        if birth is not None and (region := self._regions.get(nik[:4])) is not None:
            return region
        found = check_nik(nik)
        if any(not p.warning for p in found):
            self._births[birth_class] = found
        else:
            self._births[birth_class] = []
            self._regions[nik[:4]] = found
        return found


def _register_nik_problems(
    members: Sequence[tuple[int, Member]],
    owners: Mapping[str, str],
    existing: Mapping[str, Member],
    others: Mapping[str, Member],
    headers: Mapping[str, str],
) -> list[Problem]:
    """A NIK the register already holds for another member number (who keeps it after the
    import): blocking when both are active (one member, one vote: UU 25/1992 Pasal 24(3)),
    a warning otherwise."""
    after = {m.number: m for _row, m in members}
    problems = []
    for row, member in members:
        owner_number = owners.get(member.nik or "")
        if owner_number is None or owner_number == member.number:
            continue
        owner = after.get(owner_number) or existing.get(owner_number) or others.get(owner_number)
        if owner is None or owner.nik != member.nik:
            continue  # the file itself moves the NIK away from its holder
        both_active = member.status is Status.ACTIVE and owner.status is Status.ACTIVE
        problems.append(
            Problem(
                tr("NIK ini sudah tercatat pada anggota {number} ({name})",
                   number=owner.number, name=owner.name),
                headers.get("nik", field_label("nik")), row, warning=not both_active,
            )
        )  # fmt: skip
    return problems
