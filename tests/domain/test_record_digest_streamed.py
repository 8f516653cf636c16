"""The digest of a meeting's records computed a row at a time (issue 11, point 10) is the
digest of the records held whole, byte for byte, whatever order the rows come in: a berita
acara signed before keeps verifying, and an altered row still changes it."""

from __future__ import annotations

import hashlib
import json
import random

from assembly.domain.record_digest import (
    Digester,
    Section,
    digest_records,
    section_digest,
)

ROWS = {
    f"{n:06d}": ["hall", "present", f"2026-03-14T02:{n % 60:02d}:00+00:00", "", True, n % 7 == 0]
    for n in range(1, 12_001)  # more than one slice of rows
}
PER_BALLOT = {
    "1": {"eligible": [["000001", ""], ["000002", "000001"]], "named": ["000001"], "secret": []},
    "12": {"eligible": [["000003", ""]], "named": [], "secret": [["000003", False]]},
    "2": {"eligible": [], "named": [], "secret": [["ΩNama", True]]},
}


def _one_dumps(rows: dict[str, object]) -> str:
    """The whole section's hash as it was first computed: one json.dumps of every pair."""
    text = json.dumps([[k, rows[k]] for k in sorted(rows)], sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False, default=str)  # fmt: skip
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_the_sliced_hash_is_the_hash_of_one_canonical_text() -> None:
    assert section_digest(Section.ATTENDANCE, ROWS).sha256 == _one_dumps(ROWS)
    assert section_digest(Section.PARTICIPATION, PER_BALLOT).sha256 == _one_dumps(PER_BALLOT)
    assert section_digest(Section.NOTES, {}).sha256 == _one_dumps({})


def test_rows_given_one_at_a_time_in_any_order_give_the_same_digest() -> None:
    for section, rows in ((Section.ATTENDANCE, ROWS), (Section.PARTICIPATION, PER_BALLOT)):
        keys = list(rows)
        random.Random(3).shuffle(keys)
        digester = Digester(section)
        for key in keys:
            digester.add(key, rows[key])
        assert digester.digest() == section_digest(section, rows)
    whole = digest_records({Section.ATTENDANCE: ROWS, Section.PARTICIPATION: PER_BALLOT})
    assert whole.sections[Section.PARTICIPATION] == section_digest(
        Section.PARTICIPATION, PER_BALLOT
    )


def test_one_altered_row_changes_the_streamed_digest() -> None:
    digester = Digester(Section.ATTENDANCE)
    for key, row in ROWS.items():
        digester.add(key, row if key != "005000" else [*row[:-1], not row[-1]])
    assert digester.digest().sha256 != section_digest(Section.ATTENDANCE, ROWS).sha256
