"""The berita acara of any size is built in bounded memory (issue 11, point 10), held by its
structure rather than by a clock: the Daftar Hadir and the named votes are pulled a page at a
time as the pages are laid out (never gathered whole before the first page), read from the
database while the build runs, and the long data files are spooled to a private folder that
is gone afterwards, also after a cancel."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from assembly.domain.attendance import Channel
from assembly.pdf.attendance_list import AttendanceRow
from assembly.pdf.attendance_totals import AttendanceTotals
from assembly.pdf.fixed_tables import CHUNK
from assembly.pdf.minutes_annexes import NamedVoteList
from assembly.services.bundle import Services
from assembly.services.progress import Cancelled, Progress
from bench.bench_minutes import _annexes, _content


class Pulled:
    """Rows handed out one by one, noting how many pages were laid out when each was taken."""

    def __init__(self, rows: list[Any], pages: list[int]) -> None:
        self.rows = rows
        self.pages = pages  # pages[0]: pages laid out so far
        self.taken_at: list[int] = []

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Any]:
        for r in self.rows:
            self.taken_at.append(self.pages[0])
            yield r


def rows(n: int) -> list[AttendanceRow]:
    start = dt.time(7, 30)
    return [AttendanceRow(f"{i:06d}", f"Anggota {i}", Channel.IN_PERSON, start) for i in range(n)]


def test_the_long_lists_are_pulled_page_by_page_as_the_build_reaches_them() -> None:
    from assembly.pdf.layout import PageSetup
    from assembly.pdf.minutes import AttendanceAnnex, write_minutes

    pages = [0]
    attendance, annexes, files = _annexes(rows(1_500))
    present = Pulled(list(attendance.rows), pages)
    named = annexes.named[0]
    votes = Pulled(list(named.rows), pages)
    annexes = type(annexes)(
        annexes.meeting_name, annexes.ballots, [NamedVoteList(named.ballot, votes)]
    )

    def on_page(n: int) -> None:
        pages[0] = n

    total = write_minutes(
        io.BytesIO(),
        _content(),
        PageSetup(),
        # The totals counted beforehand, as the service counts them in its first pass.
        annex=AttendanceAnnex(attendance.heading, present, AttendanceTotals.of(attendance.rows)),
        votes=annexes,
        attachments=files,
        invariant=True,
        on_page=on_page,
    )
    assert len(present.taken_at) == 1_500 and len(votes.taken_at) == 1_500
    # Nothing is pulled before the berita acara's own first page is done.
    assert min(present.taken_at) >= 1
    # Each row is taken at most a page or two before it is printed: fewer than 40 rows a page,
    # so row k is never taken before page k / 40 - 2 of the Daftar Hadir was laid out.
    first = present.taken_at[0]
    for k, page in enumerate(present.taken_at):
        assert page >= first + k // 40 - 2, (k, page)
    assert votes.taken_at[0] > present.taken_at[-1]  # the named votes come after
    # The named votes go into tables of CHUNK rows (a few pages each), and the build keeps
    # two flowables ready: never more than two tables ahead of the page being laid out.
    first = votes.taken_at[0]
    for k, page in enumerate(votes.taken_at):
        assert page >= first + (k - 2 * CHUNK) // 60 - 2, (k, page)
    assert votes.taken_at[-1] <= total


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The demo cooperative of 300 members; its closed sample RAT is meeting 1."""
    services = Services.open(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    services.demo.create(members=300)
    yield services
    services.close()


def test_the_daftar_hadir_and_named_votes_are_read_from_the_database_during_the_build(
    demo: Services, tmp_path: Path
) -> None:
    pages = [0]
    reads: list[tuple[str, int]] = []

    def heard(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if "attendance_stays" in statement and "ORDER BY attendance.arrived_at" in statement:
            reads.append(("daftar", pages[0]))
        elif "vote_holder" in statement and "ORDER BY members.number" in statement:
            reads.append(("votes", pages[0]))

    engine = demo.ctx.db.engine
    sa.event.listen(engine, "before_cursor_execute", heard)
    try:
        demo.minutes.export(
            1, tmp_path / "ba.pdf", progress=Progress(lambda d, _t: pages.__setitem__(0, d))
        )
    finally:
        sa.event.remove(engine, "before_cursor_execute", heard)
    # Each list read twice: once before the pages (counted, written to its data file) and
    # once while its pages are laid out; never kept between the two.
    assert [k for k, _p in reads] == ["votes", "daftar", "daftar", "votes"]
    assert reads[0][1] == 0 and reads[1][1] == 0
    assert reads[2][1] >= 1 and reads[3][1] > reads[2][1]


def test_the_spool_folder_is_gone_after_an_export_and_after_a_cancel(
    demo: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spool = tmp_path / "tmp"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    demo.minutes.export(1, tmp_path / "ba.pdf")
    assert list(spool.iterdir()) == []
    progress = Progress()

    def report(done: int, _total: int) -> None:
        if done >= 3:
            assert [p.name[:20] for p in spool.iterdir()] == ["kuorum-berita-acara-"]
            progress.cancel.set()

    progress.report = report
    with pytest.raises(Cancelled):
        demo.minutes.export(1, tmp_path / "batal.pdf", progress=progress)
    assert list(spool.iterdir()) == []
    assert not (tmp_path / "batal.pdf").exists()
