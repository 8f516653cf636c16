"""The audit events of the demo's held meeting, written as real use writes them (issue 10,
point 4): the meeting created and its door opened, each check-in and check-out, the quorum
checks, the opening, each agenda item taken up and its notes saved, each decision, each ballot opened, every vote (a secret ballot's
participation only, never a choice) and its close, and the meeting closed.

The demo writes its records in bulk, so the events are written in bulk too, after them: read
back from the records, put in the order they happened (each at the time the records give it),
and chained one to the next by :func:`assembly.persistence.audit_log.append_many` exactly as
:func:`~assembly.persistence.audit_log.append` chains a live event. ``audit verify`` then walks a
chain that covers the meeting, and the berita acara's head hash covers it too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from assembly.domain.attendance import AttendanceState, EventKind
from assembly.domain.ballots import Ballot, BallotMode
from assembly.domain.meeting import MeetingState
from assembly.persistence import (
    audit_log,
    ballot_store,
    decision_store,
    meeting_history,
    meeting_store,
    member_store,
    quorum_check_store,
    vote_records,
)
from assembly.persistence.meeting_store import Connection
from assembly.persistence.timestamps import to_text
from assembly.services.ballot_results import tally_of
from assembly.services.meeting_agenda import meeting_audit

Entry = tuple[dt.datetime, str, Mapping[str, Any]]
_STATE = {EventKind.CHECK_IN: AttendanceState.PRESENT, EventKind.RETURN: AttendanceState.PRESENT,
          EventKind.CHECK_OUT: AttendanceState.LEFT}  # fmt: skip


def audit_held_meeting(conn: Connection, actor: str, meeting_id: int) -> int:
    """Write the held meeting's audit events, chained after the log's head; how many."""
    meeting = meeting_store.get(conn, meeting_id)
    assert meeting is not None and meeting.check_in_opened_at is not None
    door = meeting.check_in_opened_at
    entries: list[Entry] = [
        (door - dt.timedelta(days=21), "meeting.created", meeting_audit(meeting)),
        (door, "meeting.check_in_opened",
         {"id": meeting_id, "registered": meeting.registered, "entitled": meeting.entitled}),
    ]  # fmt: skip
    for move in meeting_history.moves(conn, meeting_id):
        state = _STATE.get(move.kind)
        entries.append(
            (move.at, f"attendance.{move.kind.value}",
             {"meeting_id": meeting_id, "member_id": move.member_id, "number": move.number,
              "channel": move.channel.value if move.channel else None,
              "state": state.value if state else None, "at": to_text(move.at),
              "event_id": move.id, "undoes": None, "proxy_id": move.proxy_id})
        )  # fmt: skip
    for check in quorum_check_store.checks(conn, meeting_id):
        entries.append(
            (check.at, "quorum.checked",
             {"meeting_id": meeting_id, "check_id": check.id, "step": check.step.value,
              "at": to_text(check.at), "base": check.base, "present": check.present,
              "minimum": check.minimum, "reached": check.reached, "rule": check.rule_text,
              "article": check.article, "until": to_text(check.until), "note": check.note,
              "state": MeetingState.CHECK_IN.value})
        )  # fmt: skip
    if meeting.opened_at is not None:
        entries.append((meeting.opened_at, "meeting.opened",
                        {"id": meeting_id, "at": to_text(meeting.opened_at)}))  # fmt: skip
    previous: int | None = None
    for item in meeting.agenda:
        if item.started_at is None:
            continue
        entries.append((item.started_at, "agenda.taken_up",
                        {"meeting": meeting_id, "item": item.id, "title": item.title,
                         "left": previous}))  # fmt: skip
        if item.notes:
            entries.append((item.ended_at or item.started_at, "minutes.notes_saved",
                            {"meeting": meeting_id, "item": item.id, "chars": len(item.notes)}))  # fmt: skip
        previous = item.id
    titles = {i.id: i.title for i in meeting.agenda}
    results = {}
    for d in decision_store.for_meeting(conn, meeting_id):
        results[d.ballot_id] = d.result
        if d.ballot_id is not None:
            continue  # a ballot's decision is in its "ballot.closed", as closing writes it
        entries.append(
            (d.created_at, "decision.recorded",
             {"id": d.id, "meeting": meeting_id, "item": titles.get(d.item_id, ""),
              "method": d.method.value, "outcome": d.outcome.value, "text": d.text,
              "dissent": d.dissent})
        )  # fmt: skip
    ballots = ballot_store.for_meeting(conn, meeting_id)
    runoffs = {b.runoff_of: b.id for b in ballots if b.runoff_of is not None}
    for ballot in ballots:
        entries += _ballot(conn, ballot, titles.get(ballot.item_id, ""), results, runoffs)
    if meeting.closed_at is not None:
        entries.append((meeting.closed_at, "meeting.closed", {"id": meeting_id}))
    entries.sort(key=lambda e: e[0])  # stable: same-time events keep the order above
    audit_log.append_many(conn, actor, entries)
    return len(entries)


def _ballot(
    conn: Connection,
    ballot: Ballot,
    item: str,
    results: Mapping[int | None, str],
    runoffs: Mapping[int, int | None],
) -> list[Entry]:
    assert ballot.id is not None
    numbers = []
    for member_id, _name in ballot_store.candidate_list(conn, ballot.id):
        member = member_store.get(conn, member_id)
        numbers.append(member.number if member else "")
    out: list[Entry] = [
        (ballot.opened_at, "ballot.opened",
         {"id": ballot.id, "meeting": ballot.meeting_id, "item": item, "kind": ballot.kind.value,
          "mode": ballot.mode.value, "title": ballot.title, "present": ballot.present,
          "minimum": ballot.minimum, "reached": ballot.reached, "eligible": ballot.eligible,
          "candidates": numbers, "revote_reason": ballot.revote_reason,
          "runoff_of": ballot.runoff_of})
    ]  # fmt: skip
    closed = ballot.closed_at or ballot.opened_at
    votes: list[tuple[str, dict[str, Any]]] = []
    if ballot.mode is BallotMode.SECRET:
        for number, holder in meeting_history.participants(conn, ballot.id):
            payload = {"ballot": ballot.id, "member": number}
            if holder is not None:
                payload["proxy_holder"] = holder
            votes.append(("ballot.participated", payload))  # never the choice
    elif ballot.mode is BallotMode.NAMED:
        for vote in vote_records.named_votes_of(conn, ballot.id):
            payload = {"ballot": ballot.id, "member": vote.number, "choice": vote.choice}
            if vote.holder_number:
                payload["proxy_holder"] = vote.holder_number
            votes.append(("ballot.voted", payload))
    else:
        totals = ballot_store.counted(conn, ballot.id)
        if totals is not None:
            votes.append(
                ("ballot.counted",
                 {"ballot": ballot.id, **totals.tally().as_dict(), "blank": totals.blank,
                  "issued": totals.issued, "returned": totals.returned,
                  "tellers": list(totals.tellers)})
            )  # fmt: skip
    # The votes spread over the time the ballot was open, in the order recorded.
    step = (closed - ballot.opened_at) / (len(votes) + 1)
    out += [(ballot.opened_at + step * (n + 1), kind, p) for n, (kind, p) in enumerate(votes)]
    tally, by_proxy = tally_of(conn, ballot)
    out.append(
        (closed, "ballot.closed",
         {"ballot": ballot.id, "tally": tally, "by_proxy": by_proxy,
          "result": results.get(ballot.id, ""), "runoff": runoffs.get(ballot.id or 0)})
    )  # fmt: skip
    return out
