"""The desk's answer to a scan, large enough to read from the queue: the headline, the name,
number, category and status, and whether the member may vote and why not, framed green (may
vote), amber (in without a vote, or already in) or red (refused, unknown)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from assembly.domain.attendance import Outcome
from assembly.i18n import tr
from assembly.services.desk_results import CheckInResult

GREEN = "#1b7a3a"
AMBER = "#8a5a00"
RED = "#b3261e"
GREY = "#3c4043"
HEADLINE_PT = 16
VOTE_PT = 18


def _lines(label: QLabel, points: int, bold: bool, lines: int) -> int:
    """The height of ``lines`` lines of ``label``'s text at ``points``."""
    font = QFont(label.font())
    font.setPointSize(points)
    font.setBold(bold)
    return QFontMetrics(font).lineSpacing() * lines + 2


class DeskResult(QWidget):
    """Shows one result of the door at a time."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("desk_result")
        # Without this a plain QWidget does not paint its style sheet's border.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.headline = QLabel()
        self.headline.setObjectName("desk_headline")
        self.name_label = QLabel()
        self.name_label.setObjectName("desk_name")
        self.name_label.setStyleSheet("font-size: 26pt; font-weight: bold;")
        self.detail_label = QLabel()
        self.detail_label.setObjectName("desk_detail")
        self.detail_label.setStyleSheet("font-size: 14pt;")
        self.vote_label = QLabel()
        self.vote_label.setObjectName("desk_vote")
        layout = QVBoxLayout(self)
        # Each line has a fixed room of two lines in its type size, so the area keeps its
        # height from one scan to the next and nothing below it moves.
        for label, points, bold in (
            (self.headline, HEADLINE_PT, False),
            (self.name_label, 26, True),
            (self.detail_label, 14, False),
            (self.vote_label, VOTE_PT, True),
        ):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setFixedHeight(_lines(label, points, bold, 2))
            layout.addWidget(label)
        self.setFixedHeight(self.sizeHint().height())

    def show_result(self, result: CheckInResult) -> None:
        """Show a scan's result in its colour."""
        if result.outcome in (Outcome.REFUSED, Outcome.NOT_FOUND):
            colour = RED
        elif result.already_present or not result.may_vote:
            colour = AMBER
        else:
            colour = GREEN
        detail = ""
        if result.member_id is not None:
            detail = tr(
                "No. {number} · {category} · {status}",
                number=result.number,
                category=result.category_label,
                status=result.status_label,
            )
            if result.arrears:
                detail += " · " + tr("ada tunggakan simpanan")
        if result.outcome is Outcome.REFUSED:
            vote = result.reason
        elif result.member_id is None:
            vote = ""
        elif result.may_vote:
            vote = tr("BERHAK SUARA")
        else:
            vote = tr("TIDAK BERHAK SUARA: {reason}", reason=result.reason)
        self.show_text(result.message, result.name, detail, vote, colour)

    def show_text(self, headline: str, name: str, detail: str, vote: str, colour: str) -> None:
        """Show any message in ``colour`` (grey for leaving, returning, undo and hints)."""
        self.setStyleSheet(f"#desk_result {{ border: 4px solid {colour}; border-radius: 6px; }}")
        self.headline.setText(headline)
        self.headline.setStyleSheet(f"font-size: {HEADLINE_PT}pt; color: {colour};")
        self.name_label.setText(name)
        self.detail_label.setText(detail)
        self.vote_label.setText(vote)
        self.vote_label.setStyleSheet(
            f"font-size: {VOTE_PT}pt; font-weight: bold; color: {colour};"
        )
