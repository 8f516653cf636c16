"""Walk the whole meeting day as a new secretary of a 14-member cooperative, through the real
windows, and save a screenshot at every step into ``/tmp/dayfix-shots/`` (or the folder given):
``xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python scripts/day_walk.py [FOLDER]``.

From the empty wizard: the cooperative created, the register typed in (Simpan & tambah), the
meeting set up with its witnesses and an election, the blank Daftar Hadir, check-in at the desk,
quorum and opening, a consensus, a named vote keyed wrong and corrected (Ctrl+R), a secret vote
through the booth, an election tied for its last seat and its run-off, closing, the berita
acara, signed by every role, locked and verified. The keys a person presses are pressed; the
votes after the first few are cast through the services, as other desks would.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QPushButton, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assembly.app import pages  # noqa: E402
from assembly.domain.ad_profile import ItemKind  # noqa: E402
from assembly.domain.ballots import BallotMode  # noqa: E402
from assembly.i18n import set_language  # noqa: E402
from assembly.persistence.database import open_database  # noqa: E402
from assembly.services.bundle import Services  # noqa: E402
from assembly.services.context import ServiceContext  # noqa: E402
from assembly.ui.dialogs.first_start import FirstStartDialog  # noqa: E402
from assembly.ui.dialogs.member_dialog import MemberDialog  # noqa: E402
from assembly.ui.main_window import MainWindow  # noqa: E402
from assembly.ui.operation import Operations  # noqa: E402

ZONE = dt.timezone(dt.timedelta(hours=7))
PEOPLE = [
    "Sri Wahyuni", "Bambang Sutrisno", "Siti Aminah", "Joko Purnomo", "Dewi Lestari",
    "Agus Salim", "Rina Marlina", "Hendra Gunawan", "Yuliana Sari", "Teguh Prasetyo",
    "Nur Hidayah", "Slamet Riyadi", "Wartini", "Eko Saputro",
]  # fmt: skip
PASS = "sandi-rahasia-2027"


class Clock:
    """The walk's clock: minutes pass between steps as they would in the hall."""

    def __init__(self) -> None:
        self.now = dt.datetime(2027, 3, 1, 10, 0, tzinfo=ZONE)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, minutes: int) -> None:
        self.now += dt.timedelta(minutes=minutes)


class Walk:
    """The app, the clock and the screenshots of one walk."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.shot_count = 0
        self.clock = Clock()

    def settle(self, ms: int = 60) -> None:
        QTest.qWait(ms)

    def shoot(self, widget: QWidget, name: str) -> Path:
        self.settle()
        self.shot_count += 1
        path = self.out / f"{self.shot_count:02d}-{name}.png"
        widget.grab().save(str(path))
        print(path)
        return path

    def page(self, window: MainWindow, name: str) -> QWidget:
        for index in range(window.stack.count()):
            if type(window.page(index)).__name__ == name:
                window.show_page(index)
                self.settle()
                return window.page(index)
        raise LookupError(name)


def visible(kind: type, parent: QWidget | None = None) -> list:
    found = parent.findChildren(kind) if parent else QApplication.topLevelWidgets()
    return [w for w in found if isinstance(w, kind) and w.isVisible()]


def ctrl(widget: QWidget, key: Qt.Key) -> None:
    QTest.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)


def type_in(widget: QWidget, text: str, enter: bool = False) -> None:
    QTest.keyClicks(widget, text)
    if enter:
        QTest.keyClick(widget, Qt.Key.Key_Return)


def take_up_next(walk: Walk, console: QWidget) -> None:
    """Enter on the agenda: the item selected (the one offered) is taken up."""
    table = console.agenda.table  # type: ignore[attr-defined]
    console.window().activateWindow()
    table.setFocus()
    if not table.currentIndex().isValid():
        table.selectRow(0)
    QTest.keyClick(table, Qt.Key.Key_Return)
    walk.settle(100)


def retype(widget: QWidget, text: str) -> None:
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(widget, text)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/dayfix-shots")
    out.mkdir(parents=True, exist_ok=True)
    walk = Walk(out)
    app = walk.app
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName("Kuorum-walk")
    QSettings().clear()
    app.setStyle("Fusion")
    set_language("id")
    tmp = Path(tempfile.mkdtemp(prefix="kuorum-walk-"))
    clock = walk.clock
    services = Services.create(
        ServiceContext(open_database(tmp / "koperasi.sqlite"), "sekretaris", clock)
    )
    services.backups.choose_folder(tmp)

    # 1. The empty wizard.
    wizard = FirstStartDialog(services.cooperative)
    wizard.show()
    walk.shoot(wizard, "wizard-awal")
    QTest.mouseClick(wizard.create_button, Qt.MouseButton.LeftButton)
    type_in(wizard.form.name, "Koperasi Produsen Tani Makmur")
    type_in(wizard.form.city, "Klaten")
    type_in(wizard.form.code, "KPTM")
    walk.shoot(wizard, "wizard-isi")
    QTest.keyClick(wizard.form.code, Qt.Key.Key_Return)
    assert wizard.choice == "created", wizard.error.text()

    operations = Operations()
    window = MainWindow(services, operations, pages)
    window.resize(1200, 800)
    window.show()
    walk.settle(200)

    # 2. The register, typed in with "Simpan & tambah".
    register = walk.page(window, "RegisterPage")
    walk.shoot(window, "buku-daftar-kosong")
    dialog = MemberDialog(services, operations, None, window)
    dialog.show()
    for n, name in enumerate(PEOPLE, start=1):
        type_in(dialog.number, f"{n:03d}")
        type_in(dialog.name, name)
        type_in(dialog.joined_on, "15/01/2020")
        if n == 1:
            walk.shoot(dialog, "anggota-isi")
        if n < len(PEOPLE):
            QTest.mouseClick(dialog.save_and_add_button, Qt.MouseButton.LeftButton)
            walk.settle(30)
            if dialog.number.text():  # the next free number proposed
                dialog.number.clear()
        else:
            walk.shoot(dialog, "anggota-terakhir")
            QTest.keyClick(dialog.name, Qt.Key.Key_Return)
    walk.settle(200)
    register.table.selectRow(2)  # type: ignore[attr-defined]
    walk.shoot(window, "buku-daftar-14")

    # 3. The AD profile, confirmed.
    walk.page(window, "CooperativePage")
    walk.shoot(window, "profil-ad")
    services.cooperative.confirm_profile() if hasattr(
        services.cooperative, "confirm_profile"
    ) else None

    # 4. The meeting: a RAT with witnesses, and the election of the Pengawas added.
    meetings = walk.page(window, "MeetingsPage")
    form = meetings.new_meeting()  # type: ignore[attr-defined]
    assert form is not None
    form.date.setFocus()
    retype(form.date, "13/03/2027")
    type_in(form.venue, "Balai Desa Karanganom")
    type_in(form.chair, "Bambang Sutrisno")
    type_in(form.secretary, "Siti Aminah")
    type_in(form.witnesses, "Joko Purnomo, Dewi Lestari")
    for key in ("saksi1", "saksi2"):
        form.signer_boxes[key].setChecked(True)
    last = form.items.count() - 1
    form.items.setCurrentRow(last)
    QTest.mouseClick(form.add_button, Qt.MouseButton.LeftButton)
    retype(form.item_title, "Pemilihan Pengawas 2027-2030")
    form.item_kind.setCurrentIndex(form.item_kind.findData(ItemKind.ELECTION.value))
    QTest.mouseClick(form.up_button, Qt.MouseButton.LeftButton)  # before "Lain-lain"
    walk.shoot(form, "rapat-isi")
    QTest.mouseClick(
        form.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    walk.settle(200)
    if not services.meetings.list():
        walk.shoot(form, "rapat-ditolak")
        print("REFUSED:", form.problems.text())
        return 1
    meeting_id = meetings.meeting_id  # type: ignore[attr-defined]
    walk.shoot(window, "rapat-draf")

    # 5. The blank Daftar Hadir, printed before the meeting.
    blank = tmp / "daftar-hadir-kosong.pdf"
    meetings.write_attendance_list(blank)  # type: ignore[attr-defined]
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(blank),
                    str(out / "pdf-daftar-hadir-kosong")], check=False)  # fmt: skip

    # 6. The meeting day: the door opens, members arrive.
    clock.now = dt.datetime(2027, 3, 13, 8, 15, tzinfo=ZONE)
    meetings.select(meeting_id)  # type: ignore[attr-defined]
    QTest.mouseClick(meetings.check_in_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    walk.settle(100)
    desk = walk.page(window, "CheckInPage")
    desk.select_meeting(meeting_id)  # type: ignore[attr-defined]
    for n in range(1, 12):
        clock.advance(2)
        desk.entry.setFocus()  # type: ignore[attr-defined]
        type_in(desk.entry, f"{n:03d}", enter=True)  # type: ignore[attr-defined]
        walk.settle(30)
        if n in (1, 6):
            walk.shoot(window, f"meja-hadir-{n}")
    type_in(desk.entry, "Wart")  # type: ignore[attr-defined]
    walk.settle(500)
    walk.shoot(window, "meja-cari-nama")
    desk.clear_entry()  # type: ignore[attr-defined]
    walk.settle(100)
    walk.shoot(window, "meja-hadir-11")

    # 7. Quorum and opening.
    clock.now = dt.datetime(2027, 3, 13, 9, 5, tzinfo=ZONE)
    meetings = walk.page(window, "MeetingsPage")
    meetings.select(meeting_id)  # type: ignore[attr-defined]
    meetings.quorum.record_check()  # type: ignore[attr-defined]
    walk.settle(100)
    walk.shoot(window, "kuorum-diperiksa")
    clock.advance(5)
    meetings.quorum.open_meeting()  # type: ignore[attr-defined]
    walk.settle(200)
    for box in visible(QMessageBox):
        walk.shoot(box, "buka-rapat-tanya")
        box.accept()
    walk.shoot(window, "rapat-dibuka")

    # 8. The console: item 1 by consensus.
    console = walk.page(window, "DecisionsPage")
    console.select_meeting(meeting_id)  # type: ignore[attr-defined]
    walk.settle(200)
    walk.shoot(window, "konsol-awal")
    table = console.agenda.table  # type: ignore[attr-defined]
    take_up_next(walk, console)
    clock.advance(10)
    ctrl(table, Qt.Key.Key_M)
    walk.settle(100)
    from assembly.ui.dialogs.consensus_dialog import ConsensusDialog

    (consensus,) = visible(ConsensusDialog, console)
    type_in(consensus.text, "Tata tertib rapat disahkan tanpa perubahan")
    walk.shoot(consensus, "mufakat-isi")
    consensus.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    walk.settle(200)
    walk.shoot(window, "konsol-acara1-diputuskan")
    ctrl(table, Qt.Key.Key_M)
    walk.settle(100)
    for box in visible(QMessageBox):
        walk.shoot(box, "ctrl-m-sudah-diputuskan")
        box.reject()

    # 9. Item 2 (the next one offered): a named vote, one vote keyed wrong and corrected.
    take_up_next(walk, console)
    clock.advance(15)
    ctrl(table, Qt.Key.Key_B)
    walk.settle(100)
    for box in visible(QMessageBox):
        walk.shoot(box, "ctrl-b-tanya-mufakat")
        record = box.findChild(QPushButton, "record_no_consensus")
        record.click()
    walk.settle(100)
    from assembly.ui.dialogs.ballot_dialog import BallotDialog
    from assembly.ui.dialogs.reason_dialog import ReasonDialog

    for note in visible(ReasonDialog, console):
        type_in(note.text, "sebagian anggota meminta laporan diperiksa ulang")
        note.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    walk.settle(200)
    (ballot_form,) = visible(BallotDialog, console)
    ballot_form.mode.setCurrentIndex(ballot_form.mode.findData(BallotMode.NAMED.value))
    walk.shoot(ballot_form, "suara-terbuka-buka")
    QTest.keyClick(ballot_form.title, Qt.Key.Key_Return)
    walk.settle(200)
    entry = console.vote_entry  # type: ignore[attr-defined]
    for n, key in ((1, Qt.Key.Key_1), (2, Qt.Key.Key_1), (3, Qt.Key.Key_2), (4, Qt.Key.Key_1)):
        entry.number.setFocus()
        type_in(entry.number, f"{n:03d}", enter=True)
        QTest.keyClick(entry.number, key)
        walk.settle(30)
    walk.shoot(window, "suara-terbuka-4")
    ctrl(entry.number, Qt.Key.Key_R)
    walk.settle(100)
    from assembly.ui.dialogs.correction_dialog import CorrectionDialog

    (fix,) = visible(CorrectionDialog, console)
    retype(fix.number, "003")
    walk.settle(50)
    fix.findChild(QWidget, "correction_choice_1").click()
    type_in(fix.reason, "salah tekan; anggota menyatakan setuju")
    walk.shoot(fix, "koreksi-suara")
    QTest.keyClick(fix.reason, Qt.Key.Key_Return)
    walk.settle(100)
    for n in range(5, 12):
        entry.number.setFocus()
        type_in(entry.number, f"{n:03d}", enter=True)
        QTest.keyClick(entry.number, Qt.Key.Key_1 if n % 4 else Qt.Key.Key_2)
    walk.settle(100)
    walk.shoot(window, "suara-terbuka-dikoreksi")
    clock.advance(10)
    ctrl(entry.number, Qt.Key.Key_Return)
    walk.settle(200)
    walk.shoot(window, "suara-terbuka-hasil")

    # 10. Item 3: a secret vote through the booth.
    take_up_next(walk, console)
    clock.advance(10)
    ctrl(table, Qt.Key.Key_T)
    walk.settle(100)
    for note in visible(ReasonDialog, console):
        note.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    walk.settle(100)
    ctrl(table, Qt.Key.Key_B)
    walk.settle(100)
    (ballot_form,) = visible(BallotDialog, console)
    ballot_form.mode.setCurrentIndex(ballot_form.mode.findData(BallotMode.SECRET.value))
    QTest.keyClick(ballot_form.title, Qt.Key.Key_Return)
    walk.settle(200)
    booth = console.open_kiosk()  # type: ignore[attr-defined]
    assert booth is not None
    booth.resize(1024, 700)
    walk.settle(200)
    walk.shoot(booth, "bilik-awal")
    for n in range(1, 12):
        type_in(booth.number, f"{n:03d}", enter=True)  # type: ignore[attr-defined]
        walk.settle(20)
        QTest.keyClick(booth, Qt.Key.Key_1 if n % 3 else Qt.Key.Key_2)
        if n == 1:
            walk.shoot(booth, "bilik-pilih")
        QTest.keyClick(booth, Qt.Key.Key_Return)
        if n == 1:
            walk.shoot(booth, "bilik-terima-kasih")
        QTest.keyClick(booth, Qt.Key.Key_Space)
    walk.shoot(window, "rahasia-semua-memilih")
    clock.advance(5)
    console.close_ballot()  # type: ignore[attr-defined]
    walk.settle(200)
    walk.shoot(window, "rahasia-hasil")

    # 11. The election: straight to the ballot (no consensus record), a tie, the run-off.
    for _ in range(10):  # the items up to the election, by consensus
        item = console.snapshot.item  # type: ignore[attr-defined]
        chosen = console.agenda.chosen()  # type: ignore[attr-defined]
        if chosen is None or chosen.kind is ItemKind.ELECTION:
            break
        take_up_next(walk, console)
        clock.advance(8)
        ctrl(table, Qt.Key.Key_M)
        walk.settle(100)
        (consensus,) = visible(ConsensusDialog, console)
        type_in(consensus.text, f"{chosen.title}: disetujui")
        consensus.buttons.button(QDialogButtonBox.StandardButton.Save).click()
        walk.settle(100)
        del item
    take_up_next(walk, console)
    clock.advance(5)
    walk.shoot(window, "pemilihan-dibahas")
    ctrl(table, Qt.Key.Key_B)
    walk.settle(100)
    (election_form,) = visible(BallotDialog, console)
    election_form.seats.setValue(2)
    for number in ("005", "008", "010"):
        type_in(election_form.candidate_number, number, enter=True)
    walk.shoot(election_form, "pemilihan-buka")
    before = len(services.ballots.ballots(meeting_id))
    QTest.keyClick(election_form.title, Qt.Key.Key_Return)
    walk.settle(200)
    if len(services.ballots.ballots(meeting_id)) == before:
        walk.shoot(election_form, "pemilihan-ditolak")
        print("ELECTION REFUSED:", election_form.problem.text())
        return 1
    ballot = services.ballots.ballots(meeting_id)[-1]
    # 005 elected; 008 and 010 tied for the second seat.
    votes = {1: ["005", "008"], 2: ["005", "010"], 3: ["005", "008"], 4: ["010"], 5: ["005"],
             6: ["008"], 7: ["010"], 8: ["005"], 9: [], 10: ["005"], 11: ["008", "010"]}  # fmt: skip
    for n, chosen_numbers in votes.items():
        services.ballots.cast(ballot.id or 0, f"{n:03d}", chosen_numbers)
    console.refresh()  # type: ignore[attr-defined]
    clock.advance(10)
    console.close_ballot()  # type: ignore[attr-defined]
    walk.settle(200)
    walk.shoot(window, "pemilihan-suara-sama")
    projector = console.open_projector()  # type: ignore[attr-defined]
    assert projector is not None
    projector.resize(1280, 720)
    projector.refresh()  # type: ignore[attr-defined]
    walk.shoot(projector, "proyektor-suara-sama")
    console.runoff_button.click()  # type: ignore[attr-defined]
    walk.settle(200)
    runoff = services.ballots.ballots(meeting_id)[-1]
    for n in range(1, 12):
        services.ballots.cast(runoff.id or 0, f"{n:03d}", ["008"] if n % 3 else ["010"])
    console.refresh()  # type: ignore[attr-defined]
    clock.advance(10)
    console.close_ballot()  # type: ignore[attr-defined]
    walk.settle(200)
    walk.shoot(window, "pemilihan-ulang-hasil")
    projector.refresh()  # type: ignore[attr-defined]
    walk.shoot(projector, "proyektor-pemilihan-ulang")
    projector.close()
    # The last item, then the meeting closes.
    take_up_next(walk, console)
    ctrl(table, Qt.Key.Key_M)
    walk.settle(100)
    for consensus in visible(ConsensusDialog, console):
        type_in(consensus.text, "Tidak ada hal lain")
        consensus.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    walk.settle(100)
    walk.shoot(window, "konsol-semua-diputuskan")
    clock.advance(15)

    # 12. Closing, the minutes, the berita acara.
    meetings = walk.page(window, "MeetingsPage")
    meetings.select(meeting_id)  # type: ignore[attr-defined]
    services.meetings.close(meeting_id)
    operations.changed.emit(
        __import__("assembly.services.changes", fromlist=["Changes"]).Changes.of(
            __import__("assembly.services.changes", fromlist=["Area"]).Area.MEETINGS
        )
    )
    walk.settle(200)
    walk.shoot(window, "rapat-ditutup")
    minutes = walk.page(window, "MinutesPage")
    minutes.select_meeting(meeting_id)  # type: ignore[attr-defined]
    walk.shoot(window, "notulen")
    pdf = tmp / "berita-acara.pdf"
    services.minutes.export(meeting_id, pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(out / "pdf-berita-acara")],
                   check=False)  # fmt: skip

    # 13. Signing by every role, the lock, the verification.
    signing = walk.page(window, "SigningPage")
    signing.reload()  # type: ignore[attr-defined]
    signing.meeting.setCurrentIndex(signing.meeting.findData(meeting_id))  # type: ignore[attr-defined]
    walk.shoot(window, "tanda-tangan-awal")
    for role, name in (("ketua", "Bambang Sutrisno"), ("sekretaris", "Siti Aminah"),
                       ("saksi1", "Joko Purnomo"), ("saksi2", "Dewi Lestari")):  # fmt: skip
        key = tmp / f"{role}.p12"
        services.signing.new_key(name, key, PASS, role=role)
        clock.advance(3)
        done = operations.run(
            window,
            lambda role=role, key=key: services.minutes_signing.sign_minutes(
                meeting_id, pdf, key, PASS, role
            ),
        )
        assert done is not None, role
        signing.refresh_status()  # type: ignore[attr-defined]
        walk.settle(100)
        walk.shoot(window, f"tanda-tangan-{role}")
    report = signing.verify(pdf)  # type: ignore[attr-defined]
    if report is not None:
        signing.show_report(report)  # type: ignore[attr-defined]
    walk.shoot(window, "terkunci-verifikasi")
    print("state:", services.meetings.get(meeting_id).state)
    window.close()
    services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
