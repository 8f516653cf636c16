"""One computer of the several-laptop walk (scripts/desks_walk.py): the REAL Kuorum main window
joined to the host laptop as a desk does (``Kuorum.open("postgresql://kuorum_meja:…")``, the
same path as ``python main.py --db postgresql://…``), driven through its widgets.

``python scripts/desk_actor.py --role desk1|desk2|desk3|chair|projector --db URL --out FOLDER
--meeting ID``. Commands arrive as JSON lines on stdin, read on a thread and handed to the GUI
thread by a queued signal; each is answered with one JSON line on stdout when it is done (the
walk's only synchronisation). Waiting for another desk's change is a condition looked at on a
timer of the event loop (the live feed delivers it meanwhile), answered as soon as it holds.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QPushButton, QWidget

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assembly.app import Kuorum  # noqa: E402
from assembly.domain.ad_profile import ItemKind  # noqa: E402
from assembly.domain.ballots import BallotMode  # noqa: E402
from assembly.ui.collector import MainThreadCollector  # noqa: E402
from assembly.ui.main_window import MainWindow  # noqa: E402
from assembly.ui.qt_translator import use_language  # noqa: E402

Reply = dict[str, Any]


class Lines(QObject):
    """Carries a line read on the stdin thread to the GUI thread."""

    line = Signal(str)


def visible(kind: type, parent: QWidget | None = None) -> list[Any]:
    found = parent.findChildren(kind) if parent else QApplication.topLevelWidgets()
    return [w for w in found if isinstance(w, kind) and w.isVisible()]


def digits(text: str) -> int:
    """The first number in a label ("Hadir berhak suara: 1.234" -> 1234)."""
    found = re.search(r"\d[\d.]*", text)
    return int(found.group(0).replace(".", "")) if found else -1


class Actor:
    """The window of one role and what it does on each command."""

    def __init__(self, args: argparse.Namespace, replies: Any) -> None:
        self.role: str = args.role
        self.out = Path(args.out)
        self.meeting_id: int = args.meeting
        self.replies = replies
        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        assert isinstance(self.app, QApplication)
        self.app.setOrganizationName(f"Kuorum-deskwalk-{self.role}")
        self.app.setApplicationName("Kuorum")
        self.app.setStyle("Fusion")
        self.collector = MainThreadCollector(self.app)
        use_language("id")
        self.kuorum = Kuorum(self.app)
        self.projector: QWidget | None = None
        self.answering = False
        started = time.perf_counter()
        if not self.kuorum.open(args.db):
            raise SystemExit(f"{self.role}: joining the host was refused")
        self.join_ms = (time.perf_counter() - started) * 1000
        assert self.kuorum.window is not None
        self.kuorum.window.resize(1280, 800)
        self.lines = Lines()
        self.lines.line.connect(self.handle, Qt.ConnectionType.QueuedConnection)

    @property
    def window(self) -> MainWindow:
        assert self.kuorum.window is not None
        return self.kuorum.window

    @property
    def services(self) -> Any:
        return self.kuorum.services

    # --- plumbing ----------------------------------------------------------------------------

    def read_stdin(self) -> None:
        for line in sys.stdin:
            if line.strip():
                self.lines.line.emit(line)
        self.lines.line.emit(json.dumps({"do": "quit"}))

    def reply(self, values: Reply) -> None:
        self.replies.write(json.dumps({"role": self.role, **values}, ensure_ascii=False) + "\n")
        self.replies.flush()

    def handle(self, line: str) -> None:
        command = json.loads(line)
        action = command.pop("do")
        try:
            if action == "quit":
                self.kuorum.close()
                self.reply({"done": "quit"})
                self.app.quit()
                return
            answer = getattr(self, "do_" + action)(**command)
        except Exception as exc:  # the orchestrator fails loudly with this
            self.reply({"error": f"{action}: {exc!r}", "trace": traceback.format_exc()})
            return
        if answer is not None:
            self.reply({"done": action, **answer})

    def when(
        self,
        test: Callable[[], Any],
        answer: Callable[[bool, float], Reply],
        timeout_s: float = 10.0,
    ) -> None:
        """Reply ``answer(held, ms)`` once ``test()`` holds, looked at every 20 ms of the event
        loop (which delivers the other desks' changes meanwhile), or after ``timeout_s``."""
        started = time.perf_counter()
        timer = QTimer(self.app)
        timer.setInterval(20)

        def look() -> None:
            held = bool(test())
            ms = (time.perf_counter() - started) * 1000
            if held or ms > timeout_s * 1000:
                timer.stop()
                timer.deleteLater()
                self.reply(answer(held, ms))

        timer.timeout.connect(look)
        timer.start()

    def shoot(self, widget: QWidget, name: str) -> str:
        QTest.qWait(80)  # let the last repaint land in the picture (not synchronisation)
        path = self.out / f"{self.role}-{name}.png"
        widget.grab().save(str(path))
        return str(path)

    def page(self, name: str) -> Any:
        for index in range(self.window.stack.count()):
            if type(self.window.page(index)).__name__ == name:
                self.window.show_page(index)
                return self.window.page(index)
        raise LookupError(name)

    def answer_boxes(self) -> None:
        """Answer the modal questions of the next step (opened with exec(), so they are
        answered from the event loop): Yes on a question, a reason typed and OK on a reason
        form, until no question is left."""
        from assembly.ui.dialogs.reason_dialog import ReasonDialog

        self.answering = True

        def press() -> None:
            if not self.answering:
                return
            for box in visible(QMessageBox):
                print(f"{self.role} answers: {box.text()[:200]!r}", file=sys.stderr)
                (box.button(QMessageBox.StandardButton.Yes) or box.defaultButton()).click()
                QTimer.singleShot(20, press)
                return
            for form in visible(ReasonDialog):
                print(f"{self.role} gives a reason: {form.windowTitle()!r}", file=sys.stderr)
                QTest.keyClicks(form.text, "ditutup oleh ketua rapat")
                form.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
                return
            QTimer.singleShot(20, press)

        QTimer.singleShot(0, press)

    # --- every role ---------------------------------------------------------------------------

    def do_hello(self) -> Reply:
        return {"join_ms": round(self.join_ms), "pid": os.getpid(), "banner": self.banner_text()}

    def banner_text(self) -> str:
        banner = self.window.host_banner
        return banner.text() if banner is not None and banner.isVisible() else ""  # type: ignore[attr-defined]

    def do_shot(self, name: str, page: str | None = None) -> Reply:
        if page:
            self.page(page)
        target = self.projector if name.startswith("projector") and self.projector else self.window
        return {"file": self.shoot(target, name)}

    def do_desk(self) -> Reply:
        desk = self.page("CheckInPage")
        desk.select_meeting(self.meeting_id)
        return {"present": digits(desk.quorum.present_label.text())}

    def do_list(self) -> Reply:
        """What this desk's attendance list says (its "N tercatat" and the rows it holds)."""
        desk = self.page("CheckInPage")
        return {"count": desk.count_label.text(), "rows": desk.model.rowCount()}

    def do_await_present(self, count: int, shot: str | None = None) -> None:
        """Reply once this desk's quorum panel shows ``count`` present (another desk's check-in
        reaching this screen through the live feed)."""
        desk = self.page("CheckInPage")
        label = desk.quorum.present_label

        def answer(held: bool, ms: float) -> Reply:
            values = {"present": digits(label.text()), "held": held, "ms": round(ms)}
            if shot:
                values["file"] = self.shoot(self.window, shot)
            return values

        self.when(lambda: digits(label.text()) == count and not desk._list_timer.isActive(), answer)

    def do_await_banner(self, shown: bool, shot: str | None = None) -> None:
        """Reply once the 'host not connected' banner is shown (or gone again)."""

        def answer(held: bool, ms: float) -> Reply:
            values = {"banner": self.banner_text(), "held": held, "ms": round(ms)}
            if shot:
                values["file"] = self.shoot(self.window, shot)
            return values

        self.when(lambda: bool(self.banner_text()) == shown, answer, timeout_s=30)

    # --- a check-in desk ----------------------------------------------------------------------

    def do_check_in(self, numbers: list[str], shot: str | None = None) -> Reply | None:
        """Type each number into the desk's field and press Enter, as a scanner does."""
        desk = self.page("CheckInPage")
        seen = []
        for number in numbers:
            started = time.perf_counter()
            desk.entry.setFocus()
            QTest.keyClicks(desk.entry, number)
            QTest.keyClick(desk.entry, Qt.Key.Key_Return)
            ms = (time.perf_counter() - started) * 1000
            seen.append({"number": number, "headline": desk.headline.text(), "ms": round(ms, 1)})
        values: Reply = {"seen": seen, "present": digits(desk.quorum.present_label.text())}
        if not shot:
            return values

        def answer(_held: bool, _ms: float) -> Reply:
            return {**values, "file": self.shoot(self.window, shot)}

        # The picture once the attendance list has caught up too (it reads again 50 ms after
        # the last change, once for a burst of scans).
        self.when(lambda: not desk._list_timer.isActive(), answer)
        return None

    def do_check_out(self, number: str) -> Reply:
        """Scan the member (shown as present), then F6: the member leaves the hall."""
        desk = self.page("CheckInPage")
        desk.entry.setFocus()
        QTest.keyClicks(desk.entry, number)
        QTest.keyClick(desk.entry, Qt.Key.Key_Return)
        QTest.keyClick(desk.entry, Qt.Key.Key_F6)
        return {
            "headline": desk.headline.text(),
            "detail": desk.detail_label.text(),
            "present": digits(desk.quorum.present_label.text()),
        }

    # --- the chair ------------------------------------------------------------------------------

    def meetings_page(self) -> Any:
        page = self.page("MeetingsPage")
        page.select(self.meeting_id)
        return page

    def state(self) -> str:
        return str(self.services.meetings.get(self.meeting_id).state.value)

    def do_open_door(self) -> Reply:
        page = self.meetings_page()
        QTest.mouseClick(page.check_in_button, Qt.MouseButton.LeftButton)
        return {"state": self.state()}

    def do_open_meeting(self, shot: str | None = None) -> Reply:
        """The quorum panel's buttons: Periksa kuorum, then Buka rapat."""
        page = self.meetings_page()
        QTest.mouseClick(page.quorum.check_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(page.quorum.open_button, Qt.MouseButton.LeftButton)
        for box in visible(QMessageBox):
            box.accept()
        values: Reply = {"state": self.state(), "present": digits(page.quorum.present_label.text())}
        if shot:
            values["file"] = self.shoot(self.window, shot)
        return values

    def console(self) -> Any:
        page = self.page("DecisionsPage")
        if page.meeting_id != self.meeting_id:
            page.select_meeting(self.meeting_id)
        return page

    def take_up_next(self, console: Any) -> Any:
        table = console.agenda.table
        table.setFocus()
        if not table.currentIndex().isValid():
            table.selectRow(0)
        QTest.keyClick(table, Qt.Key.Key_Return)
        return console.agenda.chosen()

    def consensus(self, console: Any, text: str) -> bool:
        """Ctrl+M, the decision's words, Simpan; False when no form opened (decided)."""
        from assembly.ui.dialogs.consensus_dialog import ConsensusDialog

        QTest.keyClick(console.agenda.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        dialogs = visible(ConsensusDialog, console)
        if not dialogs:
            return False
        QTest.keyClicks(dialogs[0].text, text)
        dialogs[0].buttons.button(QDialogButtonBox.StandardButton.Save).click()
        return True

    def do_consensus_until(self, kind: str | None, count: int = 99) -> Reply:
        """Decide the items by consensus (Ctrl+M) up to the next one of ``kind`` (None: every
        item left), at most ``count`` of them."""
        console = self.console()
        decided: list[str] = []
        seen: set[int | None] = set()
        for _ in range(min(count, 20)):
            chosen = console.agenda.chosen()
            if chosen is not None and (
                chosen.id in seen or (kind is not None and chosen.kind is ItemKind(kind))
            ):
                break
            item = self.take_up_next(console)
            if item is None or item.id in seen:
                break
            seen.add(item.id)
            if not self.consensus(console, f"{item.title}: disetujui secara mufakat"):
                for box in visible(QMessageBox):  # "sudah diputuskan": nothing left
                    box.reject()
                break
            decided.append(item.title)
        return {"decided": decided}

    def do_open_vote(self, title: str, shot: str | None = None) -> Reply:
        """Take up the next item; Ctrl+B, say consensus failed, open a named vote."""
        from assembly.ui.dialogs.ballot_dialog import BallotDialog
        from assembly.ui.dialogs.reason_dialog import ReasonDialog

        console = self.console()
        item = self.take_up_next(console)
        QTest.keyClick(console.agenda.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        for box in visible(QMessageBox):
            box.findChild(QPushButton, "record_no_consensus").click()
        for note in visible(ReasonDialog, console):
            QTest.keyClicks(note.text, "sebagian anggota meminta pemungutan suara")
            note.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        QTest.qWait(0)  # the ballot form opens from a zero timer after the note
        (form,) = visible(BallotDialog, console)
        form.mode.setCurrentIndex(form.mode.findData(BallotMode.NAMED.value))
        form.title.selectAll()
        QTest.keyClicks(form.title, title)
        QTest.keyClick(form.title, Qt.Key.Key_Return)
        values: Reply = {"item": item.title, "ballot": self.open_ballot_id()}
        if shot:
            values["file"] = self.shoot(self.window, shot)
        return values

    def open_ballot_id(self) -> int | None:
        ballot = self.console().snapshot.ballot
        return None if ballot is None else ballot.id

    def do_open_election(self, seats: int, candidates: list[str], shot: str | None = None) -> Reply:
        from assembly.ui.dialogs.ballot_dialog import BallotDialog

        console = self.console()
        item = self.take_up_next(console)
        QTest.keyClick(console.agenda.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
        for box in visible(QMessageBox):
            record = box.findChild(QPushButton, "record_no_consensus")
            if record is not None:
                record.click()
        QTest.qWait(0)
        (form,) = visible(BallotDialog, console)
        form.seats.setValue(seats)
        for number in candidates:
            QTest.keyClicks(form.candidate_number, number)
            QTest.keyClick(form.candidate_number, Qt.Key.Key_Return)
        QTest.keyClick(form.title, Qt.Key.Key_Return)
        values: Reply = {
            "item": item.title,
            "ballot": self.open_ballot_id(),
            "problem": form.problem.text() if form.isVisible() else "",
        }
        if shot:
            values["file"] = self.shoot(self.window, shot)
        return values

    def do_cast(self, votes: dict[str, Any], shot: str | None = None) -> Reply:
        """At the console's vote entry: the number and Enter, then 1/2/3 (a motion) or the
        candidates' list numbers and Enter (an election)."""
        console = self.console()
        entry = console.vote_entry
        said = []
        for number, choice in votes.items():
            entry.number.setFocus()
            QTest.keyClicks(entry.number, number)
            QTest.keyClick(entry.number, Qt.Key.Key_Return)
            if isinstance(choice, list):
                for position in choice:
                    QTest.keyClick(entry.number, Qt.Key(Qt.Key.Key_0 + int(position)))
                QTest.keyClick(entry.number, Qt.Key.Key_Return)
            else:
                QTest.keyClick(entry.number, Qt.Key(Qt.Key.Key_0 + int(choice)))
            said.append(entry.message.text() if hasattr(entry, "message") else "")
        values: Reply = {"said": said[-3:]}
        if shot:
            values["file"] = self.shoot(self.window, shot)
        return values

    def do_booth(self, votes: dict[str, list[int]], shot: str | None = None) -> Reply:
        """The secret booth opened from the console: each voter's number and Enter, the
        candidates' numbers, Enter to confirm, any key for the next voter."""
        console = self.console()
        booth = console.open_kiosk()
        assert booth is not None
        booth.resize(1024, 700)
        shots = []
        for index, (number, picks) in enumerate(votes.items()):
            booth.number.setFocus()
            QTest.keyClicks(booth.number, number)
            QTest.keyClick(booth.number, Qt.Key.Key_Return)
            for position in picks:
                QTest.keyClick(booth, Qt.Key(Qt.Key.Key_0 + int(position)))
            if shot and index == 0:
                shots.append(self.shoot(booth, shot + "-choose"))
            QTest.keyClick(booth, Qt.Key.Key_Return)
            if shot and index == 0:
                shots.append(self.shoot(booth, shot + "-thanks"))
            QTest.keyClick(booth, Qt.Key.Key_Space)
        progress = self.services.ballots.progress(self.open_ballot_id() or 0)
        booth.close()
        return {"voted": progress.voted, "eligible": progress.eligible, "files": shots}

    def do_close_ballot(self, shot: str | None = None) -> Reply:
        """The console's "Tutup pemungutan suara" button; when members present have not
        voted, the chair confirms closing (the console's own question)."""
        console = self.console()
        QTest.mouseClick(console.close_button, Qt.MouseButton.LeftButton)
        for box in visible(QMessageBox):
            for button in box.buttons():
                if box.buttonRole(button) == QMessageBox.ButtonRole.YesRole:
                    button.click()
        values: Reply = {"open": self.open_ballot_id()}
        if shot:
            values["file"] = self.shoot(self.window, shot)
        return values

    def do_close_meeting(self, shot: str | None = None) -> Reply:
        """Rapat page, Tutup rapat, Yes."""
        page = self.meetings_page()
        self.answer_boxes()
        QTest.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
        self.answering = False
        values: Reply = {"state": self.state()}
        if shot:
            values["file"] = self.shoot(self.window, shot)
        return values

    # --- the projector ----------------------------------------------------------------------------

    def do_open_projector(self) -> Reply:
        console = self.console()
        self.projector = console.open_projector()
        assert self.projector is not None
        self.projector.showNormal()
        self.projector.resize(1280, 720)
        return {"texts": self.projector.shown_texts()[:6]}  # type: ignore[attr-defined]

    def do_await_projector(self, contains: str, shot: str | None = None) -> None:
        """Reply once the projector shows a text holding ``contains`` (the console's change
        reaching this laptop)."""
        projector = self.projector
        assert projector is not None

        def shown() -> str:
            return " | ".join(projector.shown_texts())  # type: ignore[attr-defined]

        def answer(held: bool, ms: float) -> Reply:
            values: Reply = {"held": held, "ms": round(ms), "texts": shown()[:400]}
            if shot:
                values["file"] = self.shoot(projector, shot)
            return values

        self.when(lambda: contains.lower() in shown().lower(), answer)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--role", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--meeting", type=int, required=True)
    args = parser.parse_args()
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    sys.stdout = sys.stderr  # nothing but replies on the orchestrator's line
    actor = Actor(args, replies)
    actor.reply({"done": "ready", "join_ms": round(actor.join_ms)})
    threading.Thread(target=actor.read_stdin, daemon=True).start()
    actor.app.exec()
    actor.collector.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
