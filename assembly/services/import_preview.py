"""What importing a register file would do, before anything is written (the preview the
dialog and the command line show), and what an import wrote."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assembly.domain.errors import Problem
from assembly.domain.members import Member
from assembly.domain.quorum import thousands
from assembly.i18n import tr


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


def exit_unknown_summary(count: int) -> str:
    """The preview's one warning for every leaver without an exit date."""
    return tr(
        "{n} anggota keluar/meninggal tanpa tanggal keluar; lengkapi nanti",
        n=thousands(count),
    )
