"""The digest of a meeting's records, and the anchor the signed berita acara carries.

The berita acara is the anchor of the database (DESIGN.md section 7): written into it, and so
covered by its signatures, are the audit log's head when it was written (sequence number and
hash) and a digest of the records it reports. Anyone holding the signed file can later recompute
both from the database and see what changed since.

The digest is taken per section, so a difference can be named ("kehadiran berubah: 5 anggota
dihapus", "suara ballot 3 berubah"). Small sections (each ballot, decision, agenda item) keep a
short hash per item, keyed by the ballot's id, the decision's id or the item's position; the
two sections that grow with the register (attendance, the register entries of those present)
keep their count and one hash, so the file stays small at 300,000 members and a difference is
named by how the count moved. Every hash is SHA-256 over canonical JSON (sorted keys, no
spaces), so the same records always give the same digest on any machine.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from assembly.domain.audit import canonical_json

FORMAT = "kuorum-jangkar-1"
ITEM_HASH_CHARS = 16  # 64 bits per item: the section's full SHA-256 carries the strength


class Section(StrEnum):
    """The parts of a meeting's records the digest covers, in report order."""

    ATTENDANCE = "kehadiran"  # who attended, by which channel, arrival and leaving times
    REGISTER = "anggota"  # the register entries (identity) of those who attended
    PARTICIPATION = "partisipasi"  # per ballot: who was eligible and who took part
    TOTALS = "perolehan"  # per ballot: its snapshot, state and totals per choice
    NAMED_VOTES = "suara_terbuka"  # per named ballot: each member's vote
    DECISIONS = "keputusan"  # per decision: its text, result and dissent
    NOTES = "catatan"  # per agenda item: its title, notes and times


# Sections kept as one hash and a count (they grow with the register); the others per item.
COUNTED = frozenset({Section.ATTENDANCE, Section.REGISTER})


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SectionDigest:
    """One section: how many rows, their SHA-256, and (per-item sections) a hash per key."""

    count: int
    sha256: str
    items: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RecordDigest:
    """The digest of every section, and one SHA-256 over all of them."""

    sections: Mapping[Section, SectionDigest]

    @property
    def sha256(self) -> str:
        """One hash for the whole meeting: printed on the berita acara."""
        return _sha(canonical_json({s.value: d.sha256 for s, d in self.sections.items()}))


def digest_records(records: Mapping[Section, Mapping[str, Any]]) -> RecordDigest:
    """The digest of ``records``: per section, rows keyed by a stable key (a member number,
    a ballot id, an agenda position), each row plain JSON data."""
    return RecordDigest({s: section_digest(s, records.get(s, {})) for s in Section})


_SLICE = 5_000  # rows written out as canonical text at a time


def section_digest(section: Section, rows: Mapping[str, Any]) -> SectionDigest:
    """The digest of one section's rows: one canonical text of every (key, row) pair in key
    order, hashed a slice of rows at a time (the same hash as one ``json.dumps`` of the
    whole list, without a string of 300,000 rows in memory at once), and, for a section
    not merely counted, a short hash of each row."""
    keys = sorted(rows)
    whole = hashlib.sha256(b"[")
    for start in range(0, len(keys), _SLICE):
        if start:
            whole.update(b",")
        part = _canonical([[key, rows[key]] for key in keys[start : start + _SLICE]])
        whole.update(part[1:-1].encode("utf-8"))
    whole.update(b"]")
    short = (
        {}
        if section in COUNTED
        else {key: _sha(_canonical(rows[key]))[:ITEM_HASH_CHARS] for key in keys}
    )
    return SectionDigest(len(rows), whole.hexdigest(), short)


class Digester:
    """The digest of one section fed a row at a time, in any order: each row kept only as
    its canonical text (and, for a section not merely counted, its short hash), then sorted
    by key and hashed as :func:`section_digest` hashes the whole: the same digest, without
    150,000 rows held as objects (issue 11, point 10)."""

    def __init__(self, section: Section) -> None:
        self.section = section
        self._texts: dict[str, str] = {}
        self._short: dict[str, str] = {}

    def add(self, key: str, row: Any) -> None:
        """One more row (a later row under the same key replaces the earlier, as in a dict)."""
        text = _canonical(row)
        # The canonical text of the pair [key, row], as one json.dumps of it would write it.
        self._texts[key] = "[" + _canonical(key) + "," + text + "]"
        if self.section not in COUNTED:
            self._short[key] = _sha(text)[:ITEM_HASH_CHARS]

    def digest(self) -> SectionDigest:
        """The section's digest."""
        whole = hashlib.sha256(b"[")
        keys = sorted(self._texts)
        for n, key in enumerate(keys):
            if n:
                whole.update(b",")
            whole.update(self._texts[key].encode("utf-8"))
        whole.update(b"]")
        return SectionDigest(len(keys), whole.hexdigest(), {k: self._short[k] for k in keys}
                             if self.section not in COUNTED else {})  # fmt: skip


def _canonical(value: Any) -> str:
    """Any JSON value as canonical text (sorted keys, no spaces), like ``canonical_json``."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


class Change(StrEnum):
    """How one part of a section differs from what was recorded."""

    REMOVED = "removed"
    ADDED = "added"
    CHANGED = "changed"


@dataclass(frozen=True)
class Difference:
    """One difference: the section, how it changed, the item key (empty for a counted
    section) and, for a counted section, by how many rows the count moved."""

    section: Section
    change: Change
    key: str = ""
    count: int = 0


def compare(recorded: RecordDigest, current: RecordDigest) -> list[Difference]:
    """What differs between the digest ``recorded`` (in the signed file, or at the lock)
    and ``current`` (recomputed from the database); empty when they match."""
    found: list[Difference] = []
    for section in Section:
        old = recorded.sections.get(section)
        new = current.sections.get(section)
        if old is None or new is None or old.sha256 == new.sha256:
            continue
        if section in COUNTED:
            if new.count < old.count:
                found.append(Difference(section, Change.REMOVED, count=old.count - new.count))
            elif new.count > old.count:
                found.append(Difference(section, Change.ADDED, count=new.count - old.count))
            else:
                found.append(Difference(section, Change.CHANGED, count=old.count))
            continue
        keys = sorted(set(old.items) | set(new.items), key=_natural)
        before = len(found)
        for key in keys:
            if key not in new.items:
                found.append(Difference(section, Change.REMOVED, key))
            elif key not in old.items:
                found.append(Difference(section, Change.ADDED, key))
            elif old.items[key] != new.items[key]:
                found.append(Difference(section, Change.CHANGED, key))
        if len(found) == before:  # the short hashes agree but the section does not
            found.append(Difference(section, Change.CHANGED))
    return found


def _natural(key: str) -> tuple[int, str]:
    return (int(key), "") if key.isdigit() else (0, key)


@dataclass(frozen=True)
class AuditHead:
    """The audit log's newest event when a document was written (0 and "" when empty)."""

    seq: int
    hash: str


@dataclass(frozen=True)
class Anchor:
    """What the berita acara carries to anchor the database: the meeting, the cooperative's
    time zone (so a reader without the database shows times as the app does), the audit head
    and the digest of the records."""

    meeting_id: int
    number: str
    zone: str
    head: AuditHead
    digest: RecordDigest

    def to_json(self) -> bytes:
        """The anchor as the JSON attachment's bytes (canonical: the same anchor, the same
        bytes)."""
        data = {
            "format": FORMAT,
            "rapat": self.meeting_id,
            "nomor": self.number,
            "zona": self.zone,
            "log_audit": {"peristiwa": self.head.seq, "hash": self.head.hash},
            "intisari": self.digest.sha256,
            "bagian": {
                section.value: {
                    "jumlah": d.count,
                    "hash": d.sha256,
                    **({"butir": dict(d.items)} if section not in COUNTED else {}),
                }
                for section, d in self.digest.sections.items()
            },
        }
        return canonical_json(data).encode("utf-8")


class AnchorFormatError(ValueError):
    """The bytes are not an anchor this version can read."""


def anchor_from_json(data: bytes) -> Anchor:
    """Read an anchor written by :meth:`Anchor.to_json`; AnchorFormatError otherwise."""
    try:
        raw = json.loads(data.decode("utf-8"))
        if raw.get("format") != FORMAT:
            raise AnchorFormatError(str(raw.get("format")))
        sections = {
            Section(name): SectionDigest(
                int(part["jumlah"]),
                str(part["hash"]),
                {str(k): str(v) for k, v in part.get("butir", {}).items()},
            )
            for name, part in raw["bagian"].items()
        }
        head = raw["log_audit"]
        return Anchor(
            int(raw["rapat"]),
            str(raw["nomor"]),
            str(raw["zona"]),
            AuditHead(int(head["peristiwa"]), str(head["hash"])),
            RecordDigest(sections),
        )
    except AnchorFormatError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
        raise AnchorFormatError(str(exc)) from None


def digest_to_json(digest: RecordDigest) -> str:
    """A digest alone as canonical JSON (as recorded at the lock)."""
    return canonical_json(
        {
            s.value: {"jumlah": d.count, "hash": d.sha256, "butir": dict(d.items)}
            for s, d in digest.sections.items()
        }
    )


def digest_from_json(text: str) -> RecordDigest:
    """The digest stored by :func:`digest_to_json`."""
    raw = json.loads(text)
    return RecordDigest(
        {
            Section(name): SectionDigest(int(p["jumlah"]), str(p["hash"]), dict(p["butir"]))
            for name, p in raw.items()
        }
    )


def chain_position(anchored: AuditHead, events_at: Sequence[tuple[int, str]], last_seq: int) -> str:
    """Where the live chain stands against a head remembered outside it: "ok", "cut"
    (the chain ends before the remembered event) or "rewritten" (the event is there with
    another hash). ``events_at`` is the live (seq, hash) at the remembered seq, if any; the
    remembered hash may be a prefix (a backup's name keeps the first characters)."""
    if anchored.seq == 0:
        return "ok" if last_seq >= 0 else "cut"
    if last_seq < anchored.seq or not events_at:
        return "cut"
    return "ok" if events_at[0][1].startswith(anchored.hash) and anchored.hash else "rewritten"
