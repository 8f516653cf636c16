"""The quorum figures of a meeting: the live count the door and the hall see, and the full
recount from the register that every recorded check makes."""

from __future__ import annotations

from dataclasses import replace

from assembly.domain.ad_profile import ADProfile, ItemKind
from assembly.domain.attendance import Channel, counts_for_quorum
from assembly.domain.errors import DomainError
from assembly.domain.meeting import Meeting
from assembly.domain.members import eligibility
from assembly.domain.quorum import QuorumBase, QuorumRule, thousands
from assembly.domain.quorum_check import QuorumStatus, procedure, quorum_status
from assembly.i18n import tr
from assembly.persistence import attendance_store, meeting_store, quorum_check_store
from assembly.persistence.meeting_store import Connection


def rule_in_force(conn: Connection, meeting: Meeting, profile: ADProfile) -> tuple[QuorumRule, str]:
    """The quorum rule that applies now, with its AD article: the ordinary one, or the
    second-call quorum once the procedure has come to (or opened with) a second call."""
    assert meeting.id is not None
    proc = procedure(profile, quorum_check_store.checks(conn, meeting.id))
    return proc.rule, proc.article


def live_status(
    conn: Connection,
    meeting: Meeting,
    profile: ADProfile,
    in_force: tuple[QuorumRule, str] | None = None,
) -> QuorumStatus:
    """The quorum now: indexed counts of who is present, against the register's figures fixed
    for the meeting (counted from the register when none are fixed yet, as for a draft);
    ``in_force``: the :func:`rule_in_force` already read in this transaction."""
    assert meeting.id is not None
    registered, entitled = meeting.registered, meeting.entitled
    if registered is None or entitled is None:
        registered, entitled = quorum_check_store.roll_counts(conn, meeting.cutoff_date, profile)
    counts = attendance_store.present_counts(conn, meeting.id)
    counted = {c: sum(n for (ch, ok), n in counts.items() if ch is c and ok) for c in Channel}
    rule, article = in_force or rule_in_force(conn, meeting, profile)
    return quorum_status(
        rule,
        registered=registered,
        entitled=entitled,
        present_by_channel=counted,
        attending=sum(counts.values()),
        article=article,
    )


def special_status(
    conn: Connection, meeting: Meeting, profile: ADProfile, kind: ItemKind
) -> QuorumStatus:
    """The quorum now under the AD's special quorum for an item of ``kind`` (AD amendment,
    merger, division, dissolution; law.md rule 15), with its AD article; refused when the AD
    profile leaves it unset. Counted on the same present members as the meeting's quorum
    (the profile keeps both on one base)."""
    rule = profile.special_quorum.get(kind)
    if rule is None:
        raise DomainError(
            tr(
                "Profil AD belum menetapkan kuorum khusus untuk acara jenis {kind} "
                "(UU 25/1992 Pasal 23); keputusan atas acara ini tidak dapat diambil.",
                kind=tr(kind.key),
            )
        )
    status = live_status(conn, meeting, profile)
    registered, entitled = meeting.registered, meeting.entitled
    if registered is None or entitled is None:
        registered, entitled = quorum_check_store.roll_counts(conn, meeting.cutoff_date, profile)
    base = registered if rule.base is QuorumBase.ALL_MEMBERS else entitled
    article = profile.article(f"special_quorum.{kind.value}") or profile.article("special_quorum")
    return replace(status, rule=rule, base=base, article=article)


def special_refusal(status: QuorumStatus, kind: ItemKind) -> str:
    """The refusal when the special quorum of an item of ``kind`` is not reached."""
    return tr(
        "Kuorum khusus untuk acara {kind} tidak tercapai: {present} hadir, {text} ({rule}). "
        "Keputusan atas acara ini tidak dapat diambil.",
        kind=tr(kind.key),
        present=thousands(status.present),
        text=status.text,
        rule=status.rule_text,
    )


def recount(conn: Connection, meeting: Meeting, profile: ADProfile) -> Meeting:
    """Count the register at the cut-off again and re-decide, for everyone who came, whether
    they count and may vote; store both. A recorded check stands on this recount, so a
    register corrected during the meeting is reflected in what the minutes cite."""
    assert meeting.id is not None
    registered, entitled = quorum_check_store.roll_counts(conn, meeting.cutoff_date, profile)
    changed = []
    for member, may_vote_was, counted_was in attendance_store.attending_members(conn, meeting.id):
        assert member.id is not None
        may_vote = eligibility(member, meeting.cutoff_date, profile).may_vote
        counted = counts_for_quorum(member, meeting.cutoff_date, profile)
        if (may_vote, counted) != (may_vote_was, counted_was):
            changed.append((member.id, may_vote, counted))
    attendance_store.set_flags(conn, meeting.id, changed)
    updated = replace(meeting, registered=registered, entitled=entitled)
    meeting_store.update(conn, updated)
    return updated
