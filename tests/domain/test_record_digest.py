"""The digest of a meeting's records: the same records give the same digest, every difference
is named by section and item, and the anchor reads back exactly as written."""

from __future__ import annotations

import pytest

from assembly.domain.record_digest import (
    Anchor,
    AnchorFormatError,
    AuditHead,
    Change,
    Difference,
    Section,
    anchor_from_json,
    chain_position,
    compare,
    digest_from_json,
    digest_records,
    digest_to_json,
)

RECORDS = {
    Section.ATTENDANCE: {
        f"{n:04d}": ["hall", "present", f"2026-03-14T02:{n:02d}:00+00:00"] for n in range(1, 9)
    },
    Section.TOTALS: {"3": {"tally": {"setuju": 5, "tidak_setuju": 1}}, "4": {"tally": {}}},
    Section.NOTES: {"1": ["Laporan", "item", "diterima", "", ""]},
}


def test_the_same_records_give_the_same_digest_in_any_order() -> None:
    shuffled = {s: dict(reversed(list(rows.items()))) for s, rows in RECORDS.items()}
    assert digest_records(RECORDS).sha256 == digest_records(shuffled).sha256
    assert compare(digest_records(RECORDS), digest_records(shuffled)) == []


def test_each_difference_is_named() -> None:
    before = digest_records(RECORDS)
    fewer = dict(RECORDS)
    fewer[Section.ATTENDANCE] = dict(list(RECORDS[Section.ATTENDANCE].items())[:3])
    fewer[Section.TOTALS] = {"3": {"tally": {"setuju": 4, "tidak_setuju": 2}}}
    fewer[Section.NOTES] = {
        "1": ["Laporan", "item", "ditolak", "", ""],
        "2": ["x", "item", "", "", ""],
    }
    assert compare(before, digest_records(fewer)) == [
        Difference(Section.ATTENDANCE, Change.REMOVED, count=5),
        Difference(Section.TOTALS, Change.CHANGED, "3"),
        Difference(Section.TOTALS, Change.REMOVED, "4"),
        Difference(Section.NOTES, Change.CHANGED, "1"),
        Difference(Section.NOTES, Change.ADDED, "2"),
    ]
    moved = dict(RECORDS)
    moved[Section.ATTENDANCE] = {**RECORDS[Section.ATTENDANCE], "0001": ["online", "present", "x"]}
    assert compare(before, digest_records(moved)) == [
        Difference(Section.ATTENDANCE, Change.CHANGED, count=8)
    ]


def test_the_anchor_and_the_lock_digest_read_back_as_written() -> None:
    digest = digest_records(RECORDS)
    anchor = Anchor(1, "001/BA-RAT/KSP-SB/III/2026", "WITA", AuditHead(412, "ab" * 32), digest)
    assert anchor_from_json(anchor.to_json()) == anchor
    assert digest_from_json(digest_to_json(digest)) == digest
    for garbage in (b"", b"{}", b"[1,2]", b'{"format":"lain"}', b"\xff\xfe"):
        with pytest.raises(AnchorFormatError):
            anchor_from_json(garbage)


def test_the_chain_against_a_remembered_head() -> None:
    head = AuditHead(412, "abc123")
    assert chain_position(head, [(412, "abc123" + "0" * 58)], 500) == "ok"
    assert chain_position(head, [], 300) == "cut"
    assert chain_position(head, [(412, "ffffff")], 412) == "rewritten"
    assert chain_position(AuditHead(0, ""), [], 0) == "ok"
