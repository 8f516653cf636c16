"""Take the user's guide screenshots from the real app, so they can be made again after any
change: ``xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python scripts/guide_screenshots.py``.

It builds the demo cooperative in a temporary file, then walks through a meeting day as the
secretary and the chair would: the register, the AD profile, the meeting, the check-in desk
with members arriving, the chair's console during a vote, the projector, the minutes and the
signatures. On the way the secretary adds the election of the Pengawas to the RAT's agenda,
a named vote keyed wrong is corrected at the console (Ctrl+R), and the election ties for its
last seat, so the chair opens the run-off. Each step saves one PNG into ``docs/guide/``, which
the README's guide shows.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from PySide6.QtCore import QCoreApplication, QPointF, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assembly.app import pages  # noqa: E402
from assembly.domain.ad_profile import ItemKind  # noqa: E402
from assembly.domain.ballots import BallotMode, Choice  # noqa: E402
from assembly.domain.errors import DomainError  # noqa: E402
from assembly.domain.meeting import MeetingState  # noqa: E402
from assembly.i18n import set_language  # noqa: E402
from assembly.persistence.database import open_database  # noqa: E402
from assembly.services.bundle import Services  # noqa: E402
from assembly.services.changes import Area, Changes  # noqa: E402
from assembly.services.context import ServiceContext  # noqa: E402
from assembly.ui.main_window import MainWindow  # noqa: E402
from assembly.ui.operation import Operations  # noqa: E402

OUT = ROOT / "docs" / "guide"
MEMBERS = 1250
# The meeting day of the walk-through: a Saturday morning, WIB.
ZONE = dt.timezone(dt.timedelta(hours=7))


class Clock:
    """The walk-through's clock: minutes pass between steps as they would in the hall."""

    def __init__(self) -> None:
        self.now = dt.datetime(2027, 3, 13, 8, 30, tzinfo=ZONE)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, minutes: int) -> None:
        self.now += dt.timedelta(minutes=minutes)


def settle(app: QApplication, rounds: int = 5) -> None:
    """Let Qt lay out and paint."""
    for _ in range(rounds):
        app.processEvents()


def shoot(widget: QWidget, name: str, app: QApplication) -> None:
    """Save ``widget`` as ``docs/guide/<name>.png``."""
    settle(app)
    OUT.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(OUT / f"{name}.png"))
    print(f"docs/guide/{name}.png")


def page_index(window: MainWindow, cls_name: str) -> int:
    """The index of the page whose class is called ``cls_name``."""
    for index in range(window.stack.count()):
        if type(window.page(index)).__name__ == cls_name:
            return index
    raise LookupError(cls_name)


def meeting_in_the_hall(services: Services, clock: Clock, arrivals: int) -> int:
    """The demo's upcoming RAT on its day: check-in open, ``arrivals`` members in (a few of
    them online), the quorum checked and the meeting opened."""
    meeting_id = next(m.id for m in services.meetings.list() if m.state is MeetingState.DRAFT)
    meeting = services.meetings.get(meeting_id)
    clock.now = dt.datetime.combine(meeting.date, dt.time(8, 30), ZONE)
    services.meetings.open_check_in(meeting_id)
    with services.ctx.db.read() as conn:
        numbers = (
            conn.execute(
                sa.text("SELECT number FROM members WHERE status = 'aktif' ORDER BY number")
            )
            .scalars()
            .all()
        )
    for index, number in enumerate(numbers[:arrivals]):
        if index % 40 == 0:
            clock.advance(1)
        services.checkin.check_in(meeting_id, number)
    clock.now = dt.datetime.combine(meeting.date, dt.time(9, 10), ZONE)
    services.checkin.record_quorum_check(meeting_id)
    clock.advance(5)
    services.checkin.open_meeting(meeting_id)
    return meeting_id


Step = Callable[[QApplication, MainWindow, Services, Clock], None]


def register(app: QApplication, window: MainWindow, services: Services, clock: Clock) -> None:
    """1. The member register."""
    window.show_page(page_index(window, "RegisterPage"))
    shoot(window, "01-buku-daftar-anggota", app)


def profile(app: QApplication, window: MainWindow, services: Services, clock: Clock) -> None:
    """2. The cooperative and its AD rules."""
    window.show_page(page_index(window, "CooperativePage"))
    shoot(window, "02-profil-koperasi-ad", app)


def meetings(app: QApplication, window: MainWindow, services: Services, clock: Clock) -> None:
    """3. The meetings, this year's RAT selected. The Pengawas' term ends this year, so the
    secretary opens the RAT (Lihat...) and adds the election before "Lain-lain"."""
    meeting_id = next(m.id for m in services.meetings.list() if m.state is MeetingState.DRAFT)
    assert meeting_id is not None
    index = page_index(window, "MeetingsPage")
    window.show_page(index)
    page = window.page(index)
    page.select(meeting_id)  # type: ignore[attr-defined]
    shoot(window, "03-rapat", app)
    if any(i.kind is ItemKind.ELECTION for i in services.meetings.get(meeting_id).agenda):
        return
    dialog = page.edit_meeting()  # type: ignore[attr-defined]
    dialog.items.setCurrentRow(dialog.items.count() - 2)  # the item before "Lain-lain"
    dialog.add_button.click()
    dialog.item_title.selectAll()
    QTest.keyClicks(dialog.item_title, "Pemilihan Pengawas")
    dialog.item_kind.setCurrentIndex(dialog.item_kind.findData(ItemKind.ELECTION.value))
    settle(app)
    shoot(dialog, "03a-rapat-tambah-pemilihan", app)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    settle(app)
    if not any(i.kind is ItemKind.ELECTION for i in services.meetings.get(meeting_id).agenda):
        raise SystemExit("the meeting form did not save the election item")


def desk(app: QApplication, window: MainWindow, services: Services, clock: Clock) -> None:
    """4. The check-in desk on the morning: members arriving, the quorum live."""
    window.meeting_id = meeting_in_the_hall(services, clock, arrivals=950)  # type: ignore[attr-defined]
    window.operations.changed.emit(Changes.of(Area.MEETINGS, Area.ATTENDANCE))
    window.show_page(page_index(window, "CheckInPage"))
    page = window.page(page_index(window, "CheckInPage"))
    entry = page.findChild(QLineEdit)
    if entry is not None:
        entry.setText(services_member_number(services, 951))
        QTest.keyClick(entry, Qt.Key.Key_Return)
    shoot(window, "04-meja-pendaftaran-hadir", app)


def services_member_number(services: Services, position: int) -> str:
    """The number of the ``position``-th active member (1-based)."""
    with services.ctx.db.read() as conn:
        return str(
            conn.execute(
                sa.text(
                    "SELECT number FROM members WHERE status = 'aktif' ORDER BY number "
                    "LIMIT 1 OFFSET :n"
                ),
                {"n": position - 1},
            ).scalar_one()
        )


def _item(services: Services, meeting_id: int, words: str) -> int:
    """The id of the agenda item whose title holds ``words``."""
    agenda = services.meetings.get(meeting_id).agenda
    return next(int(i.id or 0) for i in agenda if words in i.title)


def _voters(services: Services, count: int) -> list[str]:
    with services.ctx.db.read() as conn:
        return list(
            conn.execute(
                sa.text(
                    "SELECT number FROM members WHERE status = 'aktif' AND category = 'anggota' "
                    "AND arrears = 0 ORDER BY number LIMIT :n"
                ),
                {"n": count},
            ).scalars()
        )


def console(app: QApplication, window: MainWindow, services: Services, clock: Clock) -> None:
    """5. The chair's console during the vote on the SHU, and the projector beside it."""
    meeting_id = window.meeting_id  # type: ignore[attr-defined]
    for words in ("tata tertib", "pertanggungjawaban", "pengawasan", "laporan keuangan"):
        clock.advance(12)
        services.agenda.take_up(meeting_id, _item(services, meeting_id, words))
        if words == "pertanggungjawaban":
            services.decisions.record_consensus(
                meeting_id,
                _item(services, meeting_id, words),
                "Laporan pertanggungjawaban Pengurus diterima",
            )
    clock.advance(15)
    shu = _item(services, meeting_id, "SHU")
    services.agenda.take_up(meeting_id, shu)
    clock.advance(10)
    services.decisions.record_no_consensus(meeting_id, shu, "usul 40% dan 35% jasa usaha")
    clock.advance(2)
    ballot = services.ballots.open_motion(
        meeting_id, shu, BallotMode.NAMED, "SHU dibagi 40% menurut jasa usaha"
    ).value
    for index, number in enumerate(_voters(services, 520)):
        choice = (Choice.YES, Choice.YES, Choice.NO, Choice.YES, Choice.ABSTAIN)[index % 5]
        try:
            services.ballots.cast(ballot.id or 0, number, choice)
        except DomainError:  # a member who came after the ballot opened
            continue
    window.operations.changed.emit(Changes.of(Area.DECISIONS, Area.MEETINGS))
    index = page_index(window, "DecisionsPage")
    window.show_page(index)
    window.page(index).select_meeting(meeting_id)  # type: ignore[attr-defined]
    # The last three votes entered at the console as the secretary does: scan, then one key.
    window.activateWindow()
    field = window.page(index).findChild(QLineEdit, "vote_number")
    assert field is not None
    for number, key in zip(
        _voters(services, 523)[520:], (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_2), strict=True
    ):
        field.setFocus()
        QTest.keyClicks(field, number)
        QTest.keyClick(field, Qt.Key.Key_Return)
        settle(app)
        QTest.keyClick(app.focusWidget() or field, key)
        settle(app)
    shoot(window, "05-konsol-ketua-pemungutan-suara", app)
    correct_last_vote(app, window, index)

    from assembly.ui.projector.window import open_projector

    projector = open_projector(services, window.operations, meeting_id, window)
    projector.showNormal()
    projector.resize(1280, 720)
    projector.refresh()  # type: ignore[attr-defined]
    shoot(projector, "06-proyektor-suara-berjalan", app)
    clock.advance(12)
    services.ballots.close(ballot.id or 0)
    window.operations.changed.emit(Changes.of(Area.DECISIONS, Area.MEETINGS))
    projector.refresh()  # type: ignore[attr-defined]
    shoot(projector, "07-proyektor-hasil", app)
    projector.close()
    shoot(window, "08-konsol-ketua-hasil", app)


def correct_last_vote(app: QApplication, window: MainWindow, index: int) -> None:
    """The last vote was keyed 2 but the member said setuju: Ctrl+R, the right choice, the
    reason, Simpan koreksi."""
    from assembly.ui.dialogs.correction_dialog import CorrectionDialog

    QTest.keyClick(app.focusWidget() or window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    settle(app)
    dialog = window.page(index).findChild(CorrectionDialog)
    if dialog is None:  # the shortcut did not reach the console: the button does the same
        dialog = window.page(index).correct_vote()  # type: ignore[attr-defined]
    assert isinstance(dialog, CorrectionDialog)
    right = dialog.findChild(QRadioButton, "correction_choice_1")  # 1 Setuju
    assert right is not None
    right.click()
    QTest.keyClicks(dialog.reason, "salah tekan; anggota menyatakan setuju")
    shoot(dialog, "05a-koreksi-suara", app)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    settle(app)
    shoot(window, "05b-konsol-setelah-koreksi", app)


def kiosk(app: QApplication, window: MainWindow, services: Services, clock: Clock) -> None:
    """6. The secret ballot booth: the work plan put to a secret vote."""
    meeting_id = window.meeting_id  # type: ignore[attr-defined]
    plan = _item(services, meeting_id, "Rencana kerja")
    clock.advance(5)
    services.agenda.take_up(meeting_id, plan)
    services.decisions.record_no_consensus(meeting_id, plan, "")
    ballot = services.ballots.open_motion(
        meeting_id, plan, BallotMode.SECRET, "Rencana kerja dan RAPBK disahkan"
    ).value
    from assembly.ui.kiosk.window import open_kiosk

    booth = open_kiosk(services, window.operations, ballot.id or 0, window)
    booth.showNormal()
    booth.resize(1280, 720)
    shoot(booth, "09-bilik-suara-rahasia", app)
    booth.close()
    for number in _voters(services, 700):
        try:
            services.ballots.cast(ballot.id or 0, number, Choice.YES)
        except DomainError:
            continue
    clock.advance(20)
    services.ballots.close(ballot.id or 0)
    window.operations.changed.emit(Changes.of(Area.DECISIONS, Area.MEETINGS))


def _runoff_button(window: MainWindow, index: int) -> QPushButton:
    return next(
        b
        for b in window.page(index).findChildren(QPushButton)
        if "pemilihan ulan" in b.text().replace("&", "").lower()
    )


def election(app: QApplication, window: MainWindow, services: Services, clock: Clock) -> None:
    """7. The election of the Pengawas, two seats, by secret ballot (the AD's rule for
    persons): round 1 ties for the second seat; console and projector show the tie until the
    chair opens the run-off with "Buka pemilihan ulang"; the run-off's result."""
    meeting_id = window.meeting_id  # type: ignore[attr-defined]
    item = next(
        int(i.id or 0)
        for i in services.meetings.get(meeting_id).agenda
        if i.kind is ItemKind.ELECTION
    )
    clock.advance(10)
    services.agenda.take_up(meeting_id, item)
    clock.advance(5)  # an election opens directly: no "mufakat tidak tercapai" first
    voters = _voters(services, 760)
    candidates = voters[700:703]
    ballot = services.elections.open_election(
        meeting_id, item, "Pemilihan Pengawas 2027-2029", 2, candidates
    ).value
    # 600 votes: the first candidate 300, the other two 150 each: a tie for the second seat.
    first, second, third = candidates
    for position, number in enumerate(voters[:600]):
        pick = [first] if position % 2 == 0 else [second] if position % 4 == 1 else [third]
        try:
            services.ballots.cast(ballot.id or 0, number, pick)
        except DomainError:
            continue
    clock.advance(15)
    services.ballots.close(ballot.id or 0)
    window.operations.changed.emit(Changes.of(Area.DECISIONS, Area.MEETINGS))
    index = page_index(window, "DecisionsPage")
    window.show_page(index)
    window.page(index).select_meeting(meeting_id)  # type: ignore[attr-defined]
    shoot(window, "09a-konsol-pemilihan-suara-sama", app)

    from assembly.ui.projector.window import open_projector

    projector = open_projector(services, window.operations, meeting_id, window)
    projector.showNormal()
    projector.resize(1280, 720)
    projector.refresh()  # type: ignore[attr-defined]
    shoot(projector, "09b-proyektor-pemilihan-suara-sama", app)

    clock.advance(3)
    _runoff_button(window, index).click()
    settle(app)
    runoff = next(b for b in services.ballots.ballots(meeting_id) if b.runoff_of == ballot.id)
    for position, number in enumerate(voters[:580]):
        pick = [second] if position % 5 < 3 else [third]
        try:
            services.ballots.cast(runoff.id or 0, number, pick)
        except DomainError:
            continue
    clock.advance(15)
    services.ballots.close(runoff.id or 0)
    window.operations.changed.emit(Changes.of(Area.DECISIONS, Area.MEETINGS))
    projector.refresh()  # type: ignore[attr-defined]
    shoot(projector, "09c-proyektor-hasil-pemilihan-ulang", app)
    projector.close()
    shoot(window, "09d-konsol-hasil-pemilihan-ulang", app)


def minutes(app: QApplication, window: MainWindow, services: Services, clock: Clock) -> None:
    """7. The secretary's notes, and the berita acara reviewed before closing."""
    meeting_id = window.meeting_id  # type: ignore[attr-defined]
    notes = {
        "SHU": "Pengurus mengusulkan bagian SHU anggota dibagi 40% menurut jasa usaha dan 60% "
        "menurut jasa modal; sebagian anggota mengusulkan 35% menurut jasa usaha. Mufakat "
        "tidak tercapai; pimpinan rapat meminta keputusan dengan pemungutan suara terbuka.",
        "Rencana kerja": "Pengurus memaparkan rencana kerja dan RAPBK 2027: layanan simpanan "
        "pendidikan, pelatihan bagi anggota baru, dan perbaikan kantor pelayanan. Bapak "
        "Yohanes menanyakan besarnya biaya pelatihan; Bendahara menjawab bahwa biaya itu "
        "sudah termasuk dalam pos pendidikan anggota.",
        "Pemilihan Pengawas": "Masa jabatan dua anggota Pengawas berakhir. Tiga calon "
        "diusulkan. Putaran pertama: suara sama untuk kursi kedua; pimpinan rapat membuka "
        "pemilihan ulang antara kedua calon itu.",
    }
    for words, text in notes.items():
        services.notes.save_notes(meeting_id, _item(services, meeting_id, words), text)
    index = page_index(window, "MinutesPage")
    window.show_page(index)
    page = window.page(index)
    page.select_meeting(meeting_id)  # type: ignore[attr-defined]
    shoot(window, "10-notulen", app)
    clock.advance(30)
    services.meetings.close(meeting_id)
    from assembly.ui.dialogs.minutes_review import MinutesReviewDialog

    review = MinutesReviewDialog(services, window.operations, meeting_id, window)
    review.resize(1000, 800)
    review.show()
    review.rebuild()
    QTest.qWait(2500)  # QPdfView renders its pages in the background
    shoot(review, "11-tinjau-berita-acara", app)
    page_with = _page_holding(review, "suara dikoreksi")
    if page_with is not None:
        review.view.pageNavigator().jump(page_with, QPointF(0, 0))
        QTest.qWait(1500)
        shoot(review, "11a-berita-acara-koreksi-suara", app)
    review.close()


def _page_holding(review: QWidget, words: str) -> int | None:
    """The 0-based page of the reviewed berita acara on which ``words`` stand."""
    document = review.view.document()  # type: ignore[attr-defined]
    for page in range(document.pageCount()):
        if words in document.getAllText(page).text():
            return page
    return None


def signatures(app: QApplication, window: MainWindow, services: Services, clock: Clock) -> None:
    """8. The berita acara signed by the chair and the secretary; the meeting locked."""
    meeting_id = window.meeting_id  # type: ignore[attr-defined]
    folder = Path(tempfile.mkdtemp(prefix="kuorum-guide-"))
    pdf = folder / "berita-acara.pdf"
    services.minutes.export(meeting_id, pdf)
    for role, name in (("ketua", "Ketua Rapat"), ("sekretaris", "Sekretaris Rapat")):
        key = folder / f"{role}.p12"
        services.signing.new_key(name, key, "kata-sandi-rahasia", role=role)
        services.minutes_signing.sign_minutes(meeting_id, pdf, key, "kata-sandi-rahasia", role)
    index = page_index(window, "SigningPage")
    window.show_page(index)
    page = window.page(index)
    window.operations.changed.emit(Changes.of(Area.MEETINGS, Area.MINUTES))
    page.reload()  # type: ignore[attr-defined]
    page.meeting.setCurrentIndex(page.meeting.findData(meeting_id))  # type: ignore[attr-defined]
    report = page.verify(pdf)  # type: ignore[attr-defined]
    if report is not None:
        page.show_report(report)  # type: ignore[attr-defined]
    shoot(window, "12-tanda-tangan-verifikasi", app)


STEPS: list[Step] = [
    register,
    profile,
    meetings,
    desk,
    console,
    kiosk,
    election,
    minutes,
    signatures,
]


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName("Kuorum-guide")
    QSettings().clear()
    app.setStyle("Fusion")
    set_language("id")
    with tempfile.TemporaryDirectory() as tmp:
        clock = Clock()
        path = Path(tmp) / "kuorum-demo.sqlite"
        services = Services.create(ServiceContext(open_database(path), "sekretaris", clock))
        services.demo.create(members=MEMBERS)
        operations = Operations()
        window = MainWindow(services, operations, pages)
        window.resize(1280, 800)
        window.show()
        for step in STEPS:
            step(app, window, services, clock)
        window.close()
        services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
