"""Decisions per agenda item: consensus first, and the record that it failed.

UU 25/1992 Pasal 24(1): the Rapat Anggota decides by musyawarah untuk mufakat; Pasal 24(2): only
when that fails, by majority vote. So a ballot can be opened on an item only after the chair
recorded here that consensus was not reached (law.md rule 6).
"""

from __future__ import annotations

import builtins

from assembly.domain.ballots import (
    BallotKind,
    BallotState,
    DecisionMethod,
    Outcome,
    decided_items,
)
from assembly.domain.errors import DomainError
from assembly.domain.meeting import AgendaItem, Meeting, MeetingState
from assembly.domain.quorum import thousands
from assembly.domain.quorum_check import CheckStep, QuorumCheck
from assembly.i18n import tr
from assembly.persistence import (
    audit_log,
    ballot_store,
    decision_store,
    meeting_store,
    quorum_check_store,
)
from assembly.persistence.decision_store import DecisionRow
from assembly.persistence.meeting_store import Connection
from assembly.services.changes import Area, Changes, Done
from assembly.services.context import ServiceContext
from assembly.services.meeting_lookup import ProfileCache, require_header
from assembly.services.quorum_counts import recount, special_refusal, special_status


def require_item(conn: Connection, meeting_id: int, item_id: int) -> tuple[Meeting, AgendaItem]:
    """The meeting, open for decisions, and its agenda item; refused otherwise."""
    meeting = require_header(conn, meeting_id)
    if meeting.state is not MeetingState.OPENED:
        raise DomainError(
            tr(
                "Keputusan hanya dapat diambil selama rapat dibuka (status sekarang: {state}).",
                state=tr(meeting.state.key),
            )
        )
    item = next((i for i in meeting_store.agenda(conn, meeting_id) if i.id == item_id), None)
    if item is None:
        raise DomainError(tr("Acara nomor {id} tidak ada dalam rapat ini.", id=item_id))
    return meeting, item


def refuse_while_tied(conn: Connection, meeting_id: int, item: AgendaItem) -> None:
    """Refuse a consensus (or its failure) on ``item`` while its election ended tied for the
    last seat and the run-off, the lot or the chair's choice is still to come: a tie is
    settled its own way (law.md rule 17), not by a consensus recorded over it."""
    ballots = [b for b in ballot_store.for_meeting(conn, meeting_id) if b.item_id == item.id]
    last = ballots[-1] if ballots else None
    if last is None or last.kind is not BallotKind.ELECTION or last.state is not BallotState.CLOSED:
        return
    rows = [d for d in decision_store.for_meeting(conn, meeting_id) if d.ballot_id == last.id]
    if rows and rows[-1].outcome in (Outcome.RUNOFF, Outcome.TIE):
        raise DomainError(
            tr(
                "Suara sama untuk kursi terakhir pada \u201c{title}\u201d belum diselesaikan "
                "(pemilihan ulang, undian atau pilihan ketua rapat); sampai itu mufakat tidak "
                "dapat dicatat atas acara ini.",
                title=last.title,
            )
        )


class DecisionService:
    """Recording consensus, or that consensus failed, per agenda item."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._profiles = ProfileCache()

    def decisions(self, meeting_id: int) -> builtins.list[DecisionRow]:
        """Every decision of the meeting in the order recorded."""
        with self._ctx.db.read() as conn:
            return decision_store.for_meeting(conn, meeting_id)

    def record_consensus(
        self, meeting_id: int, item_id: int, text: str, dissent: str = ""
    ) -> Done[DecisionRow]:
        """Record what the meeting agreed by musyawarah untuk mufakat (Pasal 24(1)), with any
        dissent noted."""
        if not text.strip():
            raise DomainError(tr("Tuliskan isi keputusan yang disepakati."))
        with self._ctx.db.write() as conn:
            meeting, item = require_item(conn, meeting_id, item_id)
            refuse_while_tied(conn, meeting_id, item)
            _refuse_when_decided(conn, meeting_id, item)
            result = tr("disepakati secara musyawarah untuk mufakat")
            if item.kind.is_special:
                result += self._special_quorum(conn, meeting, item)
            row = DecisionRow(
                meeting_id,
                item_id,
                DecisionMethod.CONSENSUS,
                text.strip(),
                dissent.strip(),
                result,
                Outcome.AGREED,
                self._ctx.now(),
            )
            row = self._store(conn, row, item)
        return Done(row, Changes.of(Area.DECISIONS, ids=(meeting_id,)))

    def _special_quorum(self, conn: Connection, meeting: Meeting, item: AgendaItem) -> str:
        """Check and record the special quorum of ``item`` now (law.md rule 15): a consensus
        on an AD amendment, merger, division or dissolution needs it as a vote does. The
        words the result adds; refused when it is unset or not reached."""
        profile = self._profiles.get(conn, meeting.profile_version)
        meeting = recount(conn, meeting, profile)
        status = special_status(conn, meeting, profile, item.kind)
        if not status.reached:
            raise DomainError(special_refusal(status, item.kind))
        check = QuorumCheck(
            self._ctx.now(),
            CheckStep.BEFORE_DECISION,
            status.base,
            status.present,
            status.minimum,
            status.reached,
            status.rule.describe(),
            status.article,
            note=tr("kuorum khusus sebelum mufakat: {title}", title=item.title),
        )
        quorum_check_store.add(conn, meeting.id or 0, check, self._ctx.actor)
        return tr(
            "; kuorum khusus: {present} hadir, minimal {minimum} ({rule})",
            present=thousands(status.present),
            minimum=thousands(status.minimum),
            rule=status.rule_text,
        )

    def record_no_consensus(
        self, meeting_id: int, item_id: int, note: str = ""
    ) -> Done[DecisionRow]:
        """Record that musyawarah did not reach mufakat: from now on a vote may be opened on
        the item (Pasal 24(2))."""
        with self._ctx.db.write() as conn:
            meeting, item = require_item(conn, meeting_id, item_id)
            refuse_while_tied(conn, meeting_id, item)
            profile = self._profiles.get(conn, meeting.profile_version)
            if profile.unset_special_rules({item.kind}):
                # No vote could follow (law.md rule 15): saying one will would be untrue.
                raise DomainError(
                    tr(
                        "Profil AD belum menetapkan kuorum dan keputusan khusus untuk acara "
                        "jenis {kind}; tidak ada keputusan yang dapat diambil atas acara ini.",
                        kind=tr(item.kind.key),
                    )
                )
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
        return Done(row, Changes.of(Area.DECISIONS, ids=(meeting_id,)))

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


def _refuse_when_decided(conn: Connection, meeting_id: int, item: AgendaItem) -> None:
    """A consensus is not recorded over an item already settled (by a vote, or by an earlier
    consensus): the berita acara would state two decisions on one item. The console greys
    Mufakat out for the same reason; this holds it for every caller."""
    settled = decided_items(
        (row.item_id, row.outcome) for row in decision_store.for_meeting(conn, meeting_id)
    )
    if item.id in settled:
        raise DomainError(
            tr(
                "Acara {n} sudah diputuskan; mufakat dan pemungutan suara tidak dapat dicatat "
                "lagi atas acara ini. Pilih acara berikutnya lalu Enter.",
                n=item.position,
            )
        )
