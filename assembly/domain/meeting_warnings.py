"""What the secretary would want to know about a meeting before it is held. Warnings inform;
they never block a save."""

from __future__ import annotations

import calendar
import datetime as dt

from assembly.domain.ad_profile import ADProfile
from assembly.domain.errors import Problem
from assembly.domain.meeting import Meeting, MeetingState, MeetingType, OfficerRole
from assembly.domain.meeting_rules import field_label
from assembly.i18n import tr

# The countdown to the RAT deadline (a calm notice, not a warning) shows from this many days
# before it.
DEADLINE_COUNTDOWN_DAYS = 30


def financial_year_end(year: int, end_month: int = 12, end_day: int = 31) -> dt.date:
    """The last day of financial year ``year`` (the year in which it ends)."""
    return dt.date(year, end_month, min(end_day, calendar.monthrange(year, end_month)[1]))


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months; a month-end stays a month-end (31 Dec + 6 = 30 Jun)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    at_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return dt.date(year, month + 1, last if at_end else min(day.day, last))


def rat_deadline(
    profile: ADProfile,
    financial_year: int,
    end_month: int,
    end_day: int,
    *,
    secondary: bool = False,
) -> dt.date:
    """The last day a RAT on ``financial_year`` may be held: the AD's months after the year
    ends, by default the end of March for a primary cooperative (ministry statement, 10 Feb
    2026) and six months for a secondary one (UU 25/1992 Pasal 26(2))."""
    return add_months(
        financial_year_end(financial_year, end_month, end_day), profile.deadline_months(secondary)
    )


def deadline_source(profile: ADProfile, secondary: bool) -> str:
    """Where the RAT deadline comes from, for the warning: the AD article, or the rule."""
    if profile.rat_deadline_months is not None:
        article = profile.article("rat_deadline_months")
        return tr("AD {article}", article=article) if article else tr("profil AD")
    if secondary:
        return tr("UU 25/1992 Pasal 26 ayat 2")
    return tr("ketentuan Kementerian Koperasi Februari 2026 untuk koperasi primer")


def deadline_countdown(
    meeting: Meeting,
    profile: ADProfile,
    today: dt.date,
    fiscal_year_end: tuple[int, int] = (12, 31),
    *,
    secondary: bool = False,
) -> str:
    """The calm notice of the days left to the RAT deadline, in the last
    :data:`DEADLINE_COUNTDOWN_DAYS` before it, for a draft RAT dated in time (empty
    otherwise). Not a warning: a meeting held by the deadline is in order; the warnings say
    when it is late, or when the AD's notice period no longer fits (:func:`meeting_warnings`)."""
    if meeting.kind is not MeetingType.RAT or meeting.financial_year is None:
        return ""
    month, day = fiscal_year_end
    year_end = financial_year_end(meeting.financial_year, month, day)
    deadline = rat_deadline(profile, meeting.financial_year, month, day, secondary=secondary)
    left = (deadline - today).days
    if (
        meeting.state is not MeetingState.DRAFT
        or not year_end < meeting.date <= deadline
        or not 0 <= left <= DEADLINE_COUNTDOWN_DAYS
    ):
        return ""
    return tr(
        "Batas waktu RAT tahun buku {year}: {deadline}, {n} hari lagi; rapat ini dijadwalkan "
        "{date} ({source}).",
        year=meeting.financial_year,
        deadline=_d(deadline),
        n=left,
        date=_d(meeting.date),
        source=deadline_source(profile, secondary),
    )


def meeting_warnings(
    meeting: Meeting,
    profile: ADProfile,
    today: dt.date,
    fiscal_year_end: tuple[int, int] = (12, 31),
    *,
    secondary: bool = False,
) -> list[Problem]:
    """Warnings about ``meeting``: a late RAT (and, before it is held and invited, a deadline
    nearer than the AD's notice period), a short notice, special items whose quorum or majority the AD profile lacks,
    missing leaders. Each names its field."""
    warnings: list[Problem] = []

    def warn(name: str, message: str) -> None:
        warnings.append(Problem(message, field_label(name), warning=True))

    month, day = fiscal_year_end
    if meeting.kind is MeetingType.RAT and meeting.financial_year is not None:
        year_end = financial_year_end(meeting.financial_year, month, day)
        deadline = rat_deadline(profile, meeting.financial_year, month, day, secondary=secondary)
        source = deadline_source(profile, secondary)
        if meeting.date <= year_end:
            warn(
                "financial_year",
                tr(
                    "Tahun buku {year} belum berakhir pada tanggal rapat",
                    year=meeting.financial_year,
                ),
            )
        elif meeting.date > deadline:
            warn(
                "date",
                tr(
                    "RAT diadakan lebih dari {n} bulan setelah tahun buku {year} berakhir "
                    "(batas {deadline}; {source})",
                    n=profile.deadline_months(secondary),
                    year=meeting.financial_year,
                    deadline=_d(deadline),
                    source=source,
                ),
            )
        elif (
            meeting.state is MeetingState.DRAFT
            and meeting.invitation_date is None
            and 0 <= (deadline - today).days < profile.notice_days
        ):
            # Near: the AD's notice period no longer fits before the deadline.
            warn(
                "date",
                tr(
                    "Batas waktu RAT tahun buku {year}: {deadline}, tinggal {n} hari lagi, "
                    "kurang dari {days} hari pemberitahuan undangan menurut AD ({source})",
                    year=meeting.financial_year,
                    deadline=_d(deadline),
                    n=(deadline - today).days,
                    days=profile.notice_days,
                    source=source,
                ),
            )
    if meeting.invitation_date is not None:
        notice = (meeting.date - meeting.invitation_date).days
        if notice < profile.notice_days:
            warn(
                "invitation_date",
                tr(
                    "Undangan dikirim {n} hari sebelum rapat; AD mensyaratkan sekurang-kurangnya "
                    "{days} hari",
                    n=notice,
                    days=profile.notice_days,
                ),
            )
    elif meeting.state is MeetingState.DRAFT:
        left = (meeting.date - today).days
        if 0 <= left < profile.notice_days:
            warn(
                "invitation_date",
                tr(
                    "Undangan belum dicatat dan rapat tinggal {n} hari lagi; AD mensyaratkan "
                    "undangan sekurang-kurangnya {days} hari sebelumnya",
                    n=left,
                    days=profile.notice_days,
                ),
            )
    for kind in profile.unset_special_rules(meeting.item_kinds()):
        # law.md rule 15: such a meeting cannot be finalised while the values are unset.
        warn(
            "agenda",
            tr(
                "Acara {kind}: kuorum atau mayoritas khususnya belum diatur di profil AD; "
                "rapat tidak dapat ditutup sebelum diatur",
                kind=tr(kind.key),
            ),
        )
    for role in (OfficerRole.CHAIR, OfficerRole.SECRETARY):
        if meeting.officer(role) is None:
            # law.md rule 27: the minutes need both signatures.
            warn("officers", tr("{role} belum ditetapkan", role=tr(role.key)))
    return warnings


def _d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")
