"""What the chair sees of the voting: the open ballot with its quorum snapshot and live
progress ("412 dari 700 sudah memberikan suara"), and, the moment a ballot closes, its tally,
the result statement and the rule applied. No running tally while a ballot is open."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.ballots import Ballot, BallotKind, BallotState, Outcome
from assembly.domain.quorum import thousands
from assembly.i18n import tr, trn
from assembly.services.console import ConsoleSnapshot
from assembly.services.decisions import DecisionRow
from assembly.ui.models.decision_list_model import method_label
from assembly.ui.models.tally_model import TallyModel, tally_rows

_OUTCOME_COLOURS = {
    Outcome.ADOPTED: "#1b7a3a",
    Outcome.ELECTED: "#1b7a3a",
    Outcome.REJECTED: "#b3261e",
    Outcome.RUNOFF: "#8a5a00",
    Outcome.TIE: "#8a5a00",  # waits for the lot or the chair, like a run-off for the hall
    Outcome.AGREED: "#1b7a3a",
}


def _label(name: str, style: str = "") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def _spoken_since(snap: ConsoleSnapshot, latest: Ballot | None) -> DecisionRow | None:
    """The meeting's newest decision when it was taken without a ballot (consensus, or its
    failure) after the last ballot closed or was cancelled; None when a ballot's result or
    cancellation is the newest thing said."""
    row = snap.decision
    if row is None or row.ballot_id is not None:
        return None
    last = snap.last
    if last is not None and (last.decision.id or 0) > (row.id or 0):
        return None
    cancelled_later = (
        latest is not None
        and latest.state is BallotState.CANCELLED
        and latest.opened_at >= row.created_at  # opened after it (within its second)
    )
    return None if cancelled_later else row


def snapshot_text(ballot: Ballot, zone: dt.tzinfo) -> str:
    """The ballot's mode, when it opened (in the meeting's time zone) and the quorum
    re-checked then (law.md rule 19)."""
    verdict = tr("kuorum tercapai") if ballot.reached else tr("kuorum TIDAK tercapai")
    text = tr(
        "{mode} · dibuka pukul {time} · saat dibuka {present} hadir, minimal {minimum}: {verdict}",
        mode=tr(ballot.mode.key),
        time=ballot.opened_at.astimezone(zone).strftime("%H.%M %Z"),
        present=thousands(ballot.present),
        minimum=thousands(ballot.minimum),
        verdict=verdict,
    )
    if ballot.kind is BallotKind.ELECTION:
        text += trn(" · {n} kursi", " · {n} kursi", ballot.seats or 1)
    if ballot.revote_reason:
        text += tr("\nPemungutan suara ulang: {reason}", reason=ballot.revote_reason)
    return text


class BallotPanel(QWidget):
    """The open ballot and the last result of one meeting, from a console snapshot."""

    def __init__(self) -> None:
        super().__init__()
        self.title_label = _label("ballot_title_label", "font-size: 15pt; font-weight: bold;")
        self.detail_label = _label("ballot_detail", "color: #444;")
        self.progress_label = _label("ballot_progress", "font-size: 24pt; font-weight: bold;")
        self.proxy_label = _label("ballot_proxy")
        self.result_heading = _label("result_heading", "font-size: 13pt; font-weight: bold;")
        self.statement_label = _label("result_statement", "font-size: 18pt; font-weight: bold;")
        self.rule_label = _label("result_rule")
        self.board_label = _label("result_board", "font-size: 13pt; font-weight: bold;")
        self.tally = TallyModel(self)
        self.tally_view = QTableView()
        self.tally_view.setObjectName("result_tally")
        self.tally_view.setModel(self.tally)
        self.tally_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tally_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tally_view.verticalHeader().hide()
        self.tally_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tally_view.setStyleSheet("font-size: 13pt;")
        self.result_box = QFrame()
        self.result_box.setObjectName("result_box")
        self.result_box.setFrameShape(QFrame.Shape.StyledPanel)
        result = QVBoxLayout(self.result_box)
        for widget in (self.result_heading, self.statement_label, self.board_label,
                       self.rule_label):  # fmt: skip
            result.addWidget(widget)
        result.addWidget(self.tally_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title_label, self.detail_label, self.progress_label, self.proxy_label):
            layout.addWidget(widget)
        layout.addWidget(self.result_box)

    def show_snapshot(self, snap: ConsoleSnapshot, latest: Ballot | None = None) -> None:
        """Show ``snap``; ``latest`` is the meeting's newest ballot, to say when it was
        cancelled (a cancelled ballot has no result)."""
        ballot = snap.ballot
        if ballot is None:
            self.title_label.setText(tr("Tidak ada pemungutan suara yang terbuka."))
            self.detail_label.setText("")
            self.progress_label.hide()
            self.proxy_label.hide()
        else:
            self.title_label.setText(tr("Pemungutan suara: {title}", title=ballot.title))
            self.detail_label.setText(snapshot_text(ballot, snap.meeting.zone))
            self.progress_label.setText(snap.progress.text if snap.progress else "")
            self.progress_label.show()
            by_proxy = snap.progress.by_proxy if snap.progress else 0
            self.proxy_label.setText(
                trn(
                    "termasuk {n} suara melalui kuasa",
                    "termasuk {n} suara melalui kuasa",
                    by_proxy,
                    n=thousands(by_proxy),
                )
            )
            self.proxy_label.setVisible(by_proxy > 0)
        self._show_result(snap, latest)
        # The frame is as tall as what it shows (a consensus's few lines, not the tally a
        # vote left behind): the layout holding the panel, a scroll area's widget, hears of
        # its labels' and the tally's changes only when the panel itself says so.
        self.result_box.layout().invalidate()
        self.layout().invalidate()
        self.updateGeometry()

    def _show_result(self, snap: ConsoleSnapshot, latest: Ballot | None) -> None:
        last = snap.last
        cancelled = (
            snap.ballot is None
            and latest is not None
            and latest.state is BallotState.CANCELLED
            and (last is None or (latest.id or 0) > (last.ballot.id or 0))
        )
        # While a ballot is open only the result that called it (a run-off) stays in view.
        runoff_of_last = (
            snap.ballot is not None and last is not None and snap.ballot.runoff_of == last.ballot.id
        )
        spoken = _spoken_since(snap, latest)
        if snap.ballot is None and spoken is not None:
            self._show_spoken(snap, spoken)
            return
        if (snap.ballot is not None and not runoff_of_last) or (last is None and not cancelled):
            self.result_box.hide()
            return
        self.result_box.show()
        if cancelled:
            assert latest is not None
            self.result_heading.setText(tr("Dibatalkan: {title}", title=latest.title))
            self.statement_label.setText(tr("Alasan: {reason}", reason=latest.cancel_reason))
            self.statement_label.setStyleSheet("font-size: 14pt; color: #8a5a00;")
            self.rule_label.setText("")
            self.board_label.hide()
            self.tally.set_rows([])
            self.tally_view.hide()
            return
        assert last is not None
        self.result_heading.setText(tr("Hasil: {title}", title=last.ballot.title))
        colour = _OUTCOME_COLOURS.get(last.outcome, "#000")
        self.statement_label.setText(last.decision.result)
        self.statement_label.setStyleSheet(f"font-size: 18pt; font-weight: bold; color: {colour};")
        rule = tr("Aturan: {rule}", rule=last.rule)
        if last.by_proxy:
            rule += trn(
                " · {n} suara melalui kuasa",
                " · {n} suara melalui kuasa",
                last.by_proxy,
                n=thousands(last.by_proxy),
            )
        self.rule_label.setText(rule)
        self.board_label.setText(last.board)  # after an election: everyone elected, one line
        self.board_label.setVisible(bool(last.board))
        election = last.ballot.kind is BallotKind.ELECTION
        self.tally.set_rows(tally_rows(last.tally, election))
        self.tally_view.show()
        self._fit_tally()
        self._fit_statement()

    def _show_spoken(self, snap: ConsoleSnapshot, row: DecisionRow) -> None:
        """The decision just taken without a ballot: what was agreed by consensus (or that
        consensus failed), on which item, with any dissent; no tally."""
        item = next((i for i in snap.meeting.agenda if i.id == row.item_id), None)
        title = f"{item.position}. {item.title}" if item else ""
        self.result_box.show()
        self.result_heading.setText(
            tr("{method}: acara {title}", method=method_label(row.method, row.outcome),
               title=title)
        )  # fmt: skip
        colour = _OUTCOME_COLOURS.get(row.outcome, "#8a5a00")
        self.statement_label.setText(row.text or row.result)
        self.statement_label.setStyleSheet(f"font-size: 18pt; font-weight: bold; color: {colour};")
        lines = [row.result] if row.text else []
        if row.dissent:
            lines.append(tr("Pendapat berbeda: {dissent}", dissent=row.dissent))
        self.rule_label.setText("\n".join(lines))
        self.board_label.hide()
        self.tally.set_rows([])
        self.tally_view.hide()
        self._fit_statement()

    def _fit_statement(self) -> None:
        """Reserve the wrapped statement's height: a scroll area does not ask a label how
        tall it gets at its width, and would let the tally slide under the vote entry."""
        label = self.statement_label
        label.setMinimumHeight(
            max(label.heightForWidth(max(label.width(), self.width() - 20, 300)), 0)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.result_box.isVisible():
            self._fit_statement()

    def _fit_tally(self) -> None:
        """As tall as its rows (up to a screenful), so no empty grid hangs under the tally."""
        view = self.tally_view
        rows = sum(view.rowHeight(r) for r in range(min(self.tally.rowCount(), 12)))
        view.setFixedHeight(rows + view.horizontalHeader().height() + 2 * view.frameWidth())
