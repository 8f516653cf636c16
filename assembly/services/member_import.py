"""Importing the member register from the CSV or XLSX file a cooperative has kept for years:
a preview that lists every problem by row and column and what a re-import changes, then one
transaction that writes every row or none.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assembly.domain.errors import DomainError, Problem, ValidationError
from assembly.domain.members import Member, Status, exit_date_unknown
from assembly.domain.quorum import thousands
from assembly.domain.register_cells import cell_text
from assembly.domain.register_columns import (
    FIELDS,
    REQUIRED,
    column_letter,
    detect_header,
    field_for_header,
    field_label,
    is_column_numbering,
    is_header_like,
)
from assembly.domain.register_import import (
    RowReader,
    RowValues,
    changed_fields,
    check_member,
    duplicate_problems,
    member_from,
)
from assembly.i18n import tr
from assembly.persistence import audit_log, member_store
from assembly.services.changes import Area, Changes, Done
from assembly.services.context import ServiceContext
from assembly.services.identity import check_nik, normalise_nik
from assembly.services.progress import Progress
from assembly.services.register_files import Table, read_bytes, read_table

_STEP = 2000  # rows between progress reports (and chances to cancel)


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One row of the file as it stands there: its 1-based row number and its cells."""

    row: int
    cells: tuple[object, ...]


@dataclass(frozen=True, slots=True)
class MemberChange:
    """A member already in the register whose entry the file changes."""

    row: int
    before: Member
    after: Member
    fields: tuple[str, ...]

    def diffs(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for each changed field."""
        return [(f, getattr(self.before, f), getattr(self.after, f)) for f in self.fields]


@dataclass
class ImportPreview:
    """What importing a file would do, before anything is written."""

    path: Path
    sha256: str
    kind: str  # "csv" or "xlsx"
    header_row: int | None  # 1-based, as the spreadsheet shows it
    columns: list[str]  # the file's column titles (unique)
    mapping: dict[str, str]  # register field -> column title
    rows: list[SourceRow]  # the data rows below the titles
    problems: list[Problem] = field(default_factory=list)
    new: list[Member] = field(default_factory=list)
    changed: list[MemberChange] = field(default_factory=list)
    unchanged_count: int = 0
    # Leavers ("Keluar", "Meninggal", "Diberhentikan") the file gives no exit date: they
    # import, are not entitled, and the register page lists them for completion.
    exit_unknown: int = 0
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    # What the register held for the file's numbers and NIKs when the preview was made;
    # the commit refuses if that moved meanwhile.
    register_numbers: dict[str, Member] = field(default_factory=dict, repr=False)
    register_niks: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def blocking(self) -> bool:
        """Whether any problem must be fixed before the file can be imported."""
        return any(not p.warning for p in self.problems)

    def summary(self) -> str:
        """ "1.200 anggota baru, 30 anggota berubah, 5 tidak berubah"."""
        return tr(
            "{new} anggota baru, {changed} anggota berubah, {same} tidak berubah",
            new=thousands(len(self.new)),
            changed=thousands(len(self.changed)),
            same=thousands(self.unchanged_count),
        )

    def problems_by_row(self) -> dict[int, list[Problem]]:
        """The problems of each row (row-less problems under 0)."""
        found: dict[int, list[Problem]] = {}
        for problem in self.problems:
            found.setdefault(problem.row or 0, []).append(problem)
        return found


@dataclass(frozen=True)
class ImportOutcome:
    """What an import wrote; ``summary`` is the sentence the user reads."""

    added: int
    updated: int
    unchanged: int
    file: str
    sha256: str
    summary: str


class ImportService:
    """Reads a register file into a preview, and commits a preview in one transaction."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def preview(
        self,
        path: Path,
        mapping: Mapping[str, str] | None = None,
        progress: Progress | None = None,
        *,
        header_row: int | None = None,
    ) -> ImportPreview:
        """Read the whole file and check every row; nothing is written.

        ``mapping`` (register field -> column title, "" for none) overrides the detected
        columns field by field; ``header_row`` (1-based) overrides where the titles are."""
        progress = progress or Progress()
        path = Path(path)
        progress.step(0, 0)
        with _without_cycle_collection():
            data = read_bytes(path)
            digest = hashlib.sha256(data).hexdigest()
            table = read_table(path, data, progress)
            del data  # the rows are all that is needed now (memory: 300,000-row files)
            progress.step(0, 0)
            preview = _frame(path, digest, table, mapping or {}, header_row)
            del table
            _check_rows(self._ctx, preview, progress)
        return preview

    def commit(
        self, preview: ImportPreview, progress: Progress | None = None
    ) -> Done[ImportOutcome]:
        """Write every new and changed member of ``preview``, or nothing: refused while the
        preview has blocking problems, when the file changed since, or when the register
        changed under the file's numbers or NIKs meanwhile. Cancelling rolls everything
        back."""
        progress = progress or Progress()
        if preview.blocking:
            raise ValidationError(
                [p for p in preview.problems if not p.warning],
                tr("Impor ditolak: perbaiki dulu masalah pada berkas."),
            )
        if hashlib.sha256(read_bytes(preview.path)).hexdigest() != preview.sha256:
            raise DomainError(
                tr(
                    "Berkas {name} berubah sejak pratinjau dibuat; periksa ulang sebelum "
                    "mengimpor.",
                    name=preview.path.name,
                )
            )
        total = len(preview.new) + len(preview.changed)
        outcome = ImportOutcome(
            added=len(preview.new),
            updated=len(preview.changed),
            unchanged=preview.unchanged_count,
            file=preview.path.name,
            sha256=preview.sha256,
            summary=tr(
                "Impor selesai: {new} anggota baru ditambahkan, {changed} diperbarui, "
                "{same} tidak berubah.",
                new=thousands(len(preview.new)),
                changed=thousands(len(preview.changed)),
                same=thousands(preview.unchanged_count),
            ),
        )
        if total == 0:
            return Done(outcome, Changes())  # the register already holds the file: no event
        with _without_cycle_collection(), self._ctx.db.write() as conn:
            numbers = {m.number for m in preview.new} | preview.register_numbers.keys()
            now_numbers = member_store.by_numbers(conn, numbers)
            now_niks = member_store.nik_owners(conn, preview.register_niks.keys() | _niks(preview))
            if now_numbers != preview.register_numbers or now_niks != preview.register_niks:
                raise DomainError(
                    tr(
                        "Buku daftar anggota berubah sejak pratinjau dibuat; periksa ulang "
                        "sebelum mengimpor."
                    )
                )
            progress.step(0, total)
            with member_store.bulk_insert(conn, len(preview.new)):
                for start in range(0, len(preview.new), _STEP):
                    member_store.insert_many(conn, preview.new[start : start + _STEP])
                    progress.step(min(start + _STEP, len(preview.new)), total)
            for done, change in enumerate(preview.changed, len(preview.new) + 1):
                member_store.update(conn, change.after)
                if done % _STEP == 0:
                    progress.step(done, total)
            progress.step(total, total)
            audit_log.append(conn, self._ctx.actor, "members.imported", _audit(preview))
        return Done(outcome, Changes.of(Area.MEMBERS))


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """No automatic cycle collection while a file's rows are read, checked and written: each
    of its hundreds of thousands of rows, cells and members is a container the collector
    would walk again and again as they pile up (a third of a 100,000-row preview's time),
    and none of them is garbage in a cycle (reference counting frees what is dropped). The
    state before is restored: in the window the collector is already off
    (``assembly/ui/collector.py``) and stays so."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# ---- header and columns --------------------------------------------------------------------


def _filled(cell: object) -> bool:
    return cell is not None and str(cell).strip() != ""


def _row_filled(row: Sequence[object]) -> bool:
    """Whether any cell of ``row`` holds something: one join for a CSV's row of texts."""
    try:
        return bool("".join(row).strip())  # type: ignore[arg-type]  # texts, else TypeError
    except TypeError:  # a spreadsheet's numbers, dates, empty cells
        return any(_filled(c) for c in row)


def _column_titles(header: Sequence[object], width: int) -> list[str]:
    """The titles of the columns, unique: an empty title becomes "Kolom F", a repeated one
    "Tanggal (kolom F)"."""
    titles: list[str] = []
    for index in range(width):
        letter = column_letter(index)
        raw = header[index] if index < len(header) else None
        text = " ".join(str(raw).split()) if _filled(raw) else ""
        if not text:
            text = tr("Kolom {letter}", letter=letter)
        elif text in titles:
            text = tr("{title} (kolom {letter})", title=text, letter=letter)
        titles.append(text)
    return titles


def _width(rows: Sequence[Sequence[object]]) -> int:
    width = 0
    for row in rows:
        filled = [i for i, cell in enumerate(row) if _filled(cell)]
        if filled:
            width = max(width, filled[-1] + 1)
    return width


def _frame(
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
        if _row_filled(row)
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


# ---- checking the rows ---------------------------------------------------------------------


def _check_rows(ctx: ServiceContext, preview: ImportPreview, progress: Progress) -> None:
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
        named = _filled(name_cell) or (
            self._number_at is not None and _filled(cells[self._number_at])
        )
        if not named and sum(1 for c in cells if _filled(c)) <= 1:
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


def exit_unknown_summary(count: int) -> str:
    """The preview's one warning for every leaver without an exit date."""
    return tr(
        "{n} anggota keluar/meninggal tanpa tanggal keluar; lengkapi nanti",
        n=thousands(count),
    )


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


def _niks(preview: ImportPreview) -> set[str]:
    found = {m.nik for m in preview.new if m.nik}
    found |= {c.after.nik for c in preview.changed if c.after.nik}
    return found


def _audit(preview: ImportPreview) -> dict[str, object]:
    return {
        "file": preview.path.name,
        "sha256": preview.sha256,
        "sheet": preview.sheet,
        "header_row": preview.header_row,
        "mapping": preview.mapping,
        "added": len(preview.new),
        "updated": len(preview.changed),
        "unchanged": preview.unchanged_count,
        "changed": [
            {
                "id": c.before.id,
                "number": c.before.number,
                "before": {f: getattr(c.before, f) for f in c.fields},
                "after": {f: getattr(c.after, f) for f in c.fields},
            }
            for c in preview.changed
        ],
    }
