"""Which required signers a berita acara still lacks: the one answer the signing page, the
lock (and its recovery), ``verify`` and ``audit verify`` give, from the one list of
:func:`assembly.domain.signers.required_signers` (the roles decided at the meeting's set-up)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assembly.domain.meeting import Meeting
from assembly.domain.record_digest import Anchor
from assembly.domain.signers import unsigned
from assembly.i18n import translator
from assembly.pdf.signature_fields import role_from_field

if TYPE_CHECKING:
    from assembly.services.signature_report import VerificationReport


def missing_fields(report: VerificationReport, meeting: Meeting | None) -> tuple[str, ...]:
    """The required fields of ``meeting`` without a sound signature in the verified file, in
    signing order ("TTD_Saksi1"); without the meeting, those the file's own fields require."""
    carried = {c.field for c in report.checks} | set(report.unsigned_fields)
    sound = {c.field for c in report.checks if c.ok}
    return unsigned(meeting, carried, sound)


def missing_signers(
    report: VerificationReport, meeting: Meeting | None = None, anchor: Anchor | None = None
) -> tuple[str, ...]:
    """:func:`missing_fields` as role titles ("Saksi Rapat 1"), for ``verify``. A file with
    none of Kuorum's officer fields, no anchor and no meeting is not a berita acara: nothing
    is required of it."""
    fields = [c.field for c in report.checks] + list(report.unsigned_fields)
    ours = {f for f in fields if role_from_field(f) is not None}
    if not ours and anchor is None and meeting is None:
        return ()
    sound = {c.field for c in report.checks if c.ok}
    words = translator()
    return tuple(
        role.title(words)
        for field in unsigned(meeting, ours, sound)
        if (role := role_from_field(field)) is not None
    )
