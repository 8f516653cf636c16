"""Who must sign a meeting's berita acara: the one list (DESIGN.md section 7).

The roles are decided when the meeting is set up (the meeting form, r0009): the chair and
the secretary always, then the witnesses and "Mengetahui" chosen there. Every place that asks
who signs asks here: the signature blocks (and so the fields) of the berita acara and of the
Daftar Hadir, the meetings page, the signing page, the lock and its recovery, ``verify`` and
``audit verify``. A meeting saved before that setting, and a signed file checked without its
database, fall back to the fields the document carries (or, before it is made, the witnesses
and "Mengetahui" the meeting names): the fields Kuorum gave such a document are exactly those.
"""

from __future__ import annotations

from collections.abc import Collection

from assembly.domain.meeting import ALWAYS_SIGNERS, Meeting, OfficerRole

MAX_WITNESSES = 4  # the witness fields a document can carry (as pdf.signature_fields)


def signer_field(key: str) -> str:
    """The signature field of the role ``key``: "TTD_Ketua", "TTD_Saksi1", "TTD_Mengetahui"."""
    return "TTD_" + key[:1].upper() + key[1:]


def required_signers(
    meeting: Meeting | None, carried: Collection[str] | None = None
) -> tuple[str, ...]:
    """The roles that must sign, in signing order ("ketua", "sekretaris", "saksi1", ...).

    The meeting's own setting when it has one. Otherwise the chair and the secretary, then
    each witness and "Mengetahui" whose field the document carries (``carried``: its field
    names), or, without a document, whom the meeting names (up to four witnesses)."""
    if meeting is not None and meeting.signers is not None:
        return meeting.required_signers
    witnesses: list[str] = []
    acknowledged = False
    if carried is not None:
        numbers = range(1, MAX_WITNESSES + 1)
        witnesses = [f"saksi{n}" for n in numbers if signer_field(f"saksi{n}") in carried]
        acknowledged = signer_field("mengetahui") in carried
    elif meeting is not None:
        named = [o for o in meeting.officers if o.role is OfficerRole.WITNESS and o.name.strip()]
        witnesses = [f"saksi{n}" for n in range(1, min(len(named), MAX_WITNESSES) + 1)]
        officer = meeting.officer(OfficerRole.ACKNOWLEDGER)
        acknowledged = officer is not None and bool(officer.name.strip())
    return (*ALWAYS_SIGNERS, *witnesses, *(("mengetahui",) if acknowledged else ()))


def unsigned(
    meeting: Meeting | None, carried: Collection[str], sound: Collection[str]
) -> tuple[str, ...]:
    """The fields of the required signers (see :func:`required_signers`) without a sound
    signature in a document carrying the fields ``carried``, in signing order."""
    required = required_signers(meeting, carried)
    return tuple(field for key in required if (field := signer_field(key)) not in sound)
