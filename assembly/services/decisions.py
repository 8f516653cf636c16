"""Decisions per agenda item: consensus first, and the record that it failed.

UU 25/1992 Pasal 24(1): the Rapat Anggota decides by musyawarah untuk mufakat; Pasal 24(2): only
when that fails, by majority vote. So a ballot can be opened on an item only after the chair
recorded here that consensus was not reached (law.md rule 6).
"""

from __future__ import annotations

import builtins

from assembly.domain.ballots import DecisionMethod, Outcome
from assembly.domain.errors import DomainError
from assembly.domain.meeting import AgendaItem, Meeting, MeetingState
from assembly.i18n import tr
from assembly.persistence import audit_log, decision_store, meeting_store
from assembly.persistence.decision_store import DecisionRow
from assembly.persistence.meeting_store import Connection
from assembly.services.changes import Area, Changes
from assembly.services.context import ServiceContext
from assembly.services.meeting_lookup import require_header


def require_item(conn: Connection, meeting_id: int, item_id: int) -> tuple[Meeting, AgendaItem]:
    """The meeting, open for decisions, and its agenda item; refused otherwise."""
    meeting = require_header(conn, meeting_id)
    if meeting.state is not MeetingState.OPENED:
        raise DomainError(
            tr(
                "Keputusan hanya dapat diambil selama rapat dibuka (status sekarang: {state}).",
                state=meeting.state.label,
            )
        )
    item = next((i for i in meeting_store.agenda(conn, meeting_id) if i.id == item_id), None)
    if item is None:
        raise DomainError(tr("Acara nomor {id} tidak ada dalam rapat ini.", id=item_id))
    return meeting, item


class DecisionService:
    """Recording consensus, or that consensus failed, per agenda item."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def decisions(self, meeting_id: int) -> builtins.list[DecisionRow]:
        """Every decision of the meeting in the order recorded."""
        with self._ctx.db.read() as conn:
            return decision_store.for_meeting(conn, meeting_id)

    def record_consensus(
        self, meeting_id: int, item_id: int, text: str, dissent: str = ""
    ) -> tuple[DecisionRow, Changes]:
        """Record what the meeting agreed by musyawarah untuk mufakat (Pasal 24(1)), with any
        dissent noted."""
        if not text.strip():
            raise DomainError(tr("Tuliskan isi keputusan yang disepakati."))
        with self._ctx.db.write() as conn:
            _meeting, item = require_item(conn, meeting_id, item_id)
            row = DecisionRow(
                meeting_id,
                item_id,
                DecisionMethod.CONSENSUS,
                text.strip(),
                dissent.strip(),
                tr("disepakati secara musyawarah untuk mufakat"),
                Outcome.AGREED,
                self._ctx.now(),
            )
            row = self._store(conn, row, item)
        return row, Changes.of(Area.DECISIONS, ids=(meeting_id,))

    def record_no_consensus(
        self, meeting_id: int, item_id: int, note: str = ""
    ) -> tuple[DecisionRow, Changes]:
        """Record that musyawarah did not reach mufakat: from now on a vote may be opened on
        the item (Pasal 24(2))."""
        with self._ctx.db.write() as conn:
            _meeting, item = require_item(conn, meeting_id, item_id)
            row = DecisionRow(
                meeting_id,
                item_id,
                DecisionMethod.CONSENSUS,
                note.strip(),
                "",
                tr("mufakat tidak tercapai; keputusan diambil dengan pemungutan suara"),
                Outcome.NO_CONSENSUS,
                self._ctx.now(),
            )
            row = self._store(conn, row, item)
        return row, Changes.of(Area.DECISIONS, ids=(meeting_id,))

    def _store(self, conn: Connection, row: DecisionRow, item: AgendaItem) -> DecisionRow:
        decision_id = decision_store.insert(conn, row)
        audit_log.append(
            conn,
            self._ctx.actor,
            "decision.recorded",
            {
                "id": decision_id,
                "meeting": row.meeting_id,
                "item": item.title,
                "method": row.method.value,
                "outcome": row.outcome.value,
                "text": row.text,
                "dissent": row.dissent,
            },
        )
        return DecisionRow(**{**row.__dict__, "id": decision_id})
