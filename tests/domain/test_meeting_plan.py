"""The RAT agenda template (UU 25/1992 Pasal 23) and the secretary's warnings: a late RAT
(Pasal 26(2)), a short notice, special items without AD values, missing leaders."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from assembly.domain.ad_profile import ADProfile, ItemKind
from assembly.domain.agenda_template import agenda_template
from assembly.domain.meeting import (
    AgendaItem,
    Meeting,
    MeetingState,
    MeetingType,
    Officer,
    OfficerRole,
)
from assembly.domain.meeting_warnings import (
    add_months,
    deadline_countdown,
    meeting_warnings,
    rat_deadline,
)

RAT = Meeting(
    kind=MeetingType.RAT,
    date=dt.date(2026, 3, 14),
    start=dt.time(9, 0),
    cutoff_date=dt.date(2026, 2, 28),
    profile_version=1,
    financial_year=2025,
    venue="Aula",
    invitation_date=dt.date(2026, 2, 20),
    officers=(Officer(OfficerRole.CHAIR, "Ketua"), Officer(OfficerRole.SECRETARY, "Sekretaris")),
)
TODAY = dt.date(2026, 2, 1)


def test_the_rat_template_follows_pasal_23() -> None:
    titles = [i.title for i in agenda_template(MeetingType.RAT, 2025)]
    assert titles == [
        "Pengesahan tata tertib rapat",
        "Laporan pertanggungjawaban Pengurus tahun buku 2025",
        "Laporan hasil pengawasan Pengawas tahun buku 2025",
        "Pengesahan laporan keuangan tahun buku 2025",
        "Penetapan pembagian sisa hasil usaha (SHU) tahun buku 2025",
        "Rencana kerja dan rencana anggaran pendapatan dan belanja koperasi (RAPBK) tahun buku 2026",
        "Lain-lain",
    ]
    with_election = agenda_template(MeetingType.RAT, 2025, election_due=True)
    assert [i.position for i in with_election] == list(range(1, 9))
    assert with_election[-2] == AgendaItem("Pemilihan Pengurus dan Pengawas", ItemKind.ELECTION, 7)
    elections = agenda_template(MeetingType.ELECTION)
    assert [i.kind for i in elections].count(ItemKind.ELECTION) == 2
    assert [i.title for i in agenda_template(MeetingType.EXTRAORDINARY)] == [
        "Pengesahan tata tertib rapat"
    ]


def test_a_well_prepared_rat_has_no_warnings() -> None:
    assert meeting_warnings(RAT, ADProfile(), TODAY) == []


def test_a_primary_rat_after_march_warns_with_the_source() -> None:
    late = replace(RAT, date=dt.date(2026, 4, 4), invitation_date=dt.date(2026, 3, 1))
    (warning,) = meeting_warnings(late, ADProfile(), TODAY)
    assert warning.warning and warning.column == "Tanggal"
    assert "batas 31/03/2026" in warning.message and "Februari 2026" in warning.message
    march = replace(RAT, date=dt.date(2026, 3, 28), invitation_date=dt.date(2026, 3, 1))
    assert meeting_warnings(march, ADProfile(), TODAY) == []


def test_a_secondary_cooperative_keeps_six_months_and_the_ad_may_set_its_own() -> None:
    late = replace(RAT, date=dt.date(2026, 7, 1), invitation_date=dt.date(2026, 6, 1))
    (warning,) = meeting_warnings(late, ADProfile(), TODAY, secondary=True)
    assert "batas 30/06/2026" in warning.message and "Pasal 26 ayat 2" in warning.message
    june = replace(late, date=dt.date(2026, 6, 30))
    assert meeting_warnings(june, ADProfile(), TODAY, secondary=True) == []
    assert rat_deadline(ADProfile(), 2025, 12, 31) == dt.date(2026, 3, 31)
    assert rat_deadline(ADProfile(), 2025, 12, 31, secondary=True) == dt.date(2026, 6, 30)
    own = ADProfile(rat_deadline_months=2, articles={"rat_deadline_months": "Pasal 18"})
    assert rat_deadline(own, 2025, 12, 31) == dt.date(2026, 2, 28)
    (warning,) = meeting_warnings(RAT, own, TODAY)
    assert "batas 28/02/2026" in warning.message and "AD Pasal 18" in warning.message


def test_the_countdown_is_a_notice_in_the_last_thirty_days_of_a_draft() -> None:
    assert deadline_countdown(RAT, ADProfile(), dt.date(2026, 2, 28)) == ""
    notice = deadline_countdown(RAT, ADProfile(), dt.date(2026, 3, 1))
    assert notice.startswith("Batas waktu RAT tahun buku 2025: 31/03/2026, 30 hari lagi")
    assert "dijadwalkan 14/03/2026" in notice
    # A meeting dated in time is in order: the countdown is no warning.
    assert meeting_warnings(RAT, ADProfile(), dt.date(2026, 3, 1)) == []
    held = replace(RAT, state=MeetingState.CLOSED)
    assert deadline_countdown(held, ADProfile(), dt.date(2026, 3, 20)) == ""
    assert meeting_warnings(held, ADProfile(), dt.date(2026, 3, 20)) == []


def test_a_deadline_nearer_than_the_notice_period_warns() -> None:
    uninvited = replace(RAT, date=dt.date(2026, 3, 30), invitation_date=None)
    today = dt.date(2026, 3, 20)  # 11 days left, the AD asks 14 days' notice
    problems = meeting_warnings(uninvited, ADProfile(notice_days=14), today)
    near = next(p for p in problems if p.column == "Tanggal")
    assert near.warning and "tinggal 11 hari lagi, kurang dari 14 hari" in near.message
    later = meeting_warnings(uninvited, ADProfile(notice_days=7), today)
    assert all(p.column != "Tanggal" for p in later)


def test_a_rat_before_the_year_ends_warns() -> None:
    early = replace(RAT, financial_year=2026)
    assert "belum berakhir" in meeting_warnings(early, ADProfile(), TODAY)[0].message


def test_short_notice_warns_in_the_ad_terms() -> None:
    short = replace(RAT, invitation_date=dt.date(2026, 3, 4))
    (warning,) = meeting_warnings(short, ADProfile(notice_days=14), TODAY)
    assert warning.message.startswith("Undangan dikirim 10 hari sebelum rapat")
    unsent = replace(RAT, invitation_date=None)
    assert meeting_warnings(unsent, ADProfile(), dt.date(2026, 2, 1)) == []
    # 24 days to the end of March are more than the 14 days' notice: no deadline warning.
    (soon,) = meeting_warnings(unsent, ADProfile(), dt.date(2026, 3, 7))
    assert "tinggal 7 hari" in soon.message


def test_special_items_without_ad_values_warn() -> None:
    agenda = (AgendaItem("Perubahan Anggaran Dasar", ItemKind.AD_AMENDMENT, 1),)
    (warning,) = meeting_warnings(replace(RAT, agenda=agenda), ADProfile(), TODAY)
    assert "Perubahan Anggaran Dasar" in warning.message and warning.column == "Acara"


def test_missing_leaders_warn() -> None:
    warnings = meeting_warnings(replace(RAT, officers=()), ADProfile(), TODAY)
    assert [w.message for w in warnings] == [
        "Ketua Rapat belum ditetapkan",
        "Sekretaris/Notulis belum ditetapkan",
    ]


def test_months_keep_month_ends() -> None:
    assert add_months(dt.date(2025, 12, 31), 6) == dt.date(2026, 6, 30)
    assert add_months(dt.date(2025, 8, 31), 6) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2025, 6, 15), 1) == dt.date(2025, 7, 15)
