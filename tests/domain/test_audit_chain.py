"""The audit hash chain: any edit, removal or reordering of an event breaks it."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from assembly.domain.audit import AuditEvent, check_chain, next_event


def chain(n: int) -> list[AuditEvent]:
    events: list[AuditEvent] = []
    for i in range(n):
        events.append(
            next_event(
                events[-1] if events else None,
                f"2026-03-14T02:00:{i:02d}",
                "sekretaris",
                "member.added",
                {"number": f"A-{i}"},
            )
        )
    return events


def test_an_unbroken_chain_verifies() -> None:
    events = chain(5)
    check = check_chain(events)
    assert check.intact and check.events == 5 and check.head_hash == events[-1].hash


@given(st.integers(2, 12), st.data())
def test_altering_any_event_is_found(n: int, data: st.DataObject) -> None:
    events = chain(n)
    i = data.draw(st.integers(0, n - 1))
    events[i] = replace(events[i], payload=events[i].payload.replace("A-", "B-"))
    check = check_chain(events)
    assert not check.intact and check.broken_at == i + 1 and check.reason == "altered"


@given(st.integers(3, 12), st.data())
def test_removing_an_event_is_found(n: int, data: st.DataObject) -> None:
    events = chain(n)
    i = data.draw(st.integers(0, n - 2))
    del events[i]
    assert not check_chain(events).intact


def test_an_empty_log_is_intact() -> None:
    assert check_chain([]).intact
