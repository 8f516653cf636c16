"""The content of the berita acara: the opening formula word for word, the quorum sentences,
decisions with their tallies, the notarial-deed notice and the signature blocks."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from assembly.domain.ad_profile import ADProfile, ItemKind
from assembly.domain.attendance import Channel
from assembly.domain.ballots import DecisionMethod, Outcome
from assembly.domain.cooperative import Cooperative
from assembly.domain.meeting import (
    AgendaItem,
    Meeting,
    MeetingMode,
    MeetingState,
    MeetingType,
    Officer,
    OfficerRole,
)
from assembly.domain.members import Category
from assembly.domain.minutes import (
    DecisionEntry,
    MinutesFacts,
    build_minutes,
    joined,
    opening_formula,
    place_of,
    with_words,
)
from assembly.domain.quorum_check import CheckStep, QuorumCheck
from assembly.i18n import translator

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
COOP = Cooperative(
    name="Koperasi Simpan Pinjam Sejahtera Bersama",
    legal_entity_number="518/BH/XIII.12/2001",
    city="Kota Bandung, Jawa Barat",
    code="KSP-SB",
)


def fake_spell(n: int) -> str:
    """A stand-in terbilang that shows where the words go."""
    return f"kata-{n}"


def meeting(**changes: object) -> Meeting:
    base = Meeting(
        kind=MeetingType.RAT,
        date=dt.date(2026, 3, 14),
        start=dt.time(9, 0),
        cutoff_date=dt.date(2026, 2, 28),
        profile_version=1,
        financial_year=2025,
        venue="Aula Koperasi, Jl. Merdeka 1",
        mode=MeetingMode.OFFLINE,
        document_number="001/BA-RAT/KSP-SB/III/2026",
        state=MeetingState.CLOSED,
        agenda=(
            AgendaItem("Pengesahan tata tertib rapat", position=1, notes="Dibacakan.", id=1),
            AgendaItem("Pembagian SHU tahun buku 2025", position=2, id=2),
            AgendaItem("Perubahan Anggaran Dasar", ItemKind.AD_AMENDMENT, position=3, id=3),
            AgendaItem("Penggabungan dengan KSP Maju", ItemKind.MERGER, position=4, id=4),
        ),
        officers=(
            Officer(OfficerRole.CHAIR, "Ahmad Suryadi"),
            Officer(OfficerRole.SECRETARY, "Siti Rahmawati"),
            Officer(OfficerRole.WITNESS, "Budi Santoso"),
        ),
        registered=1250,
        entitled=1200,
        opened_at=dt.datetime(2026, 3, 14, 2, 40, tzinfo=dt.UTC),
        closed_at=dt.datetime(2026, 3, 14, 6, 15, tzinfo=dt.UTC),
        id=7,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def facts(m: Meeting | None = None, decisions: list[DecisionEntry] | None = None) -> MinutesFacts:
    profile = ADProfile(articles={"quorum": "Pasal 20 ayat (2)"})
    checks = [
        QuorumCheck(dt.datetime(2026, 3, 14, 9, 5, tzinfo=WIB), CheckStep.OPENING, 1200, 550,
                    601, False, "lebih dari 1/2 jumlah anggota", "Pasal 20 ayat (2)"),
        QuorumCheck(dt.datetime(2026, 3, 14, 9, 6, tzinfo=WIB), CheckStep.SUSPENSION, 1200, 550,
                    601, False, "", until=dt.datetime(2026, 3, 14, 9, 36, tzinfo=WIB)),
        QuorumCheck(dt.datetime(2026, 3, 14, 9, 38, tzinfo=WIB), CheckStep.RECHECK, 1200, 700,
                    601, True, "lebih dari 1/2 jumlah anggota", "Pasal 20 ayat (2)"),
    ]  # fmt: skip
    return MinutesFacts(
        cooperative=COOP,
        meeting=m or meeting(),
        profile=profile,
        attended={Channel.IN_PERSON: 520, Channel.ONLINE: 150, Channel.PROXY: 30},
        checks=checks,
        decisions=decisions,
        audit_hash="ab" * 32,
        annexes=("Daftar Hadir",),
        uncounted=2,
        others={Category.CANDIDATE: 1, Category.EXTRAORDINARY: 1},
    )


def test_the_opening_formula_follows_the_deed_convention() -> None:
    assert opening_formula(meeting(), COOP, fake_spell) == (
        "Pada hari ini, Sabtu, tanggal 14 (kata-14) Maret 2026 (kata-2026), pukul 09.40 WIB "
        "(dalam undangan pukul 09.00 WIB), "
        "bertempat di Aula Koperasi, Jl. Merdeka 1, telah diselenggarakan Rapat Anggota "
        "Tahunan Koperasi Simpan Pinjam Sejahtera Bersama Tahun Buku 2025, sebagai berikut:"
    )


def test_a_hybrid_meeting_names_the_hall_and_the_platform() -> None:
    hybrid = meeting(mode=MeetingMode.HYBRID, platform="Zoom Meeting")
    assert "bertempat di Aula Koperasi, Jl. Merdeka 1 dan melalui Zoom Meeting, telah" in (
        opening_formula(hybrid, COOP, fake_spell)
    )
    online = meeting(mode=MeetingMode.ONLINE, platform="Zoom Meeting")
    assert (
        ", pukul 09.40 WIB (dalam undangan pukul 09.00 WIB), melalui Zoom Meeting, telah"
        in opening_formula(online, COOP, fake_spell)
    )


def test_numbers_carry_thousands_dots_and_words() -> None:
    assert with_words(1250, fake_spell) == "1.250 (kata-1250)"
    t = translator("id")
    assert joined(["a"], t) == "a"
    assert joined(["a", "b"], t) == "a dan b"
    assert joined(["a", "b", "c"], t) == "a, b, dan c"
    assert place_of(COOP) == "Bandung"


def test_attendance_and_every_quorum_step_are_stated() -> None:
    content = build_minutes(facts(), fake_spell)
    assert content.title == "BERITA ACARA"
    assert content.subtitle == "RAPAT ANGGOTA TAHUNAN TAHUN BUKU 2025"
    assert content.number == "Nomor: 001/BA-RAT/KSP-SB/III/2026"
    first = content.sections[0]
    assert first.heading == "I. KEHADIRAN DAN KUORUM"
    texts = [c.text for c in first.clauses]
    assert texts[0] == (
        "Jumlah anggota tercatat dalam Buku Daftar Anggota per 28 Februari 2026: "
        "1.250 (kata-1250) orang, di antaranya 1.200 (kata-1200) orang memiliki hak suara."
    )
    assert texts[1] == (
        "Anggota yang hadir selama rapat: 700 (kata-700) orang, terdiri atas hadir langsung "
        "520 (kata-520), hadir daring 150 (kata-150), dan diwakili dengan surat kuasa 30 (kata-30)."
    )
    assert texts[2] == (
        "Selain itu hadir 1 (kata-1) calon anggota dan 1 (kata-1) anggota luar biasa, yang tidak "
        "diperhitungkan dalam kuorum."
    )
    assert texts[3].startswith("Pemeriksaan kuorum pada pembukaan pukul 09.05 WIB: hadir 550")
    assert (
        "Sesuai Pasal 20 ayat (2) Anggaran Dasar, kuorum adalah lebih dari 1/2 (kata-1 per "
        "kata-2) jumlah anggota" in texts[3]
    )
    assert (
        "minimal 601 (kata-601) orang dari 1.200 (kata-1200) orang, belum terpenuhi." in (texts[3])
    )
    assert texts[4] == (
        "Pukul 09.06 WIB rapat diskors selama 30 menit, sampai pukul 09.36 WIB, karena kuorum "
        "belum tercapai."
    )
    assert texts[5].startswith("Pemeriksaan ulang kuorum pukul 09.38 WIB: hadir 700 (kata-700)")
    assert texts[5].endswith("telah terpenuhi. Rapat dinyatakan sah.")
    assert texts[6] == "Rapat dibuka oleh Ketua Rapat pukul 09.40 WIB."
    assert content.closing_time == "Rapat ditutup pukul 13.15 WIB."
    assert content.closing_formula == (
        "Demikian berita acara ini dibuat dengan sebenarnya untuk dapat dipergunakan "
        "sebagaimana mestinya."
    )
    assert content.place_date == "Bandung, 14 Maret 2026"


def test_decisions_with_method_and_tally_and_the_deed_notice() -> None:
    decisions = [
        DecisionEntry(1, DecisionMethod.CONSENSUS, "Tata tertib disahkan", "disepakati",
                      Outcome.AGREED),
        DecisionEntry(2, DecisionMethod.CONSENSUS, "", "tidak mufakat", Outcome.NO_CONSENSUS),
        DecisionEntry(2, DecisionMethod.VOTING, "SHU dibagi 40% menurut jasa", "disetujui",
                      Outcome.ADOPTED,
                      tally={"setuju": 610, "tidak_setuju": 40, "abstain": 30, "tidak_sah": 5}),
    ]  # fmt: skip
    content = build_minutes(facts(decisions=decisions), fake_spell)
    agenda = content.sections[2]
    assert agenda.heading == "III. ACARA DAN KEPUTUSAN"
    items = {c.text: c.points for c in agenda.clauses}
    assert items["Pengesahan tata tertib rapat"] == (
        "Pembahasan: Dibacakan.",
        "Keputusan (musyawarah untuk mufakat): Tata tertib disahkan.",
    )
    shu = items["Pembagian SHU tahun buku 2025"]
    assert shu[0].startswith("Musyawarah untuk mufakat tidak tercapai")
    assert shu[1] == (
        "Keputusan (pemungutan suara): SHU dibagi 40% menurut jasa. Hasil: disetujui. "
        "Perolehan suara: setuju 610 (kata-610), tidak setuju 40 (kata-40), abstain 30 (kata-30), "
        "tidak sah 5 (kata-5)."
    )
    amendment = items["Perubahan Anggaran Dasar"]
    assert amendment[0] == "Tidak ada keputusan yang dicatat."
    assert "Notaris Pembuat Akta Koperasi" in amendment[1]
    assert "Pasal 12 ayat (2)" not in amendment[1]
    merger = items["Penggabungan dengan KSP Maju"]
    assert "Notaris Pembuat Akta Koperasi" in merger[1]
    assert "persetujuan Pemerintah (UU 25/1992 Pasal 12 ayat (2))" in merger[1]
    assert content.sections[3].heading == "IV. LAMPIRAN"


def test_without_decision_records_each_item_says_so() -> None:
    content = build_minutes(facts(decisions=None), fake_spell)
    for clause in content.sections[2].clauses:
        assert "Keputusan belum dicatat." in clause.points


def test_signature_blocks_name_their_fields() -> None:
    content = build_minutes(facts(), fake_spell)
    assert content.leaders_heading == "Pimpinan Rapat,"
    assert [(s.role, s.name, s.field) for s in content.signers] == [
        ("Ketua Rapat", "Ahmad Suryadi", "TTD_Ketua"),
        ("Sekretaris Rapat", "Siti Rahmawati", "TTD_Sekretaris"),
    ]
    assert [(s.role, s.name, s.field) for s in content.witnesses] == [
        ("Saksi Rapat 1", "Budi Santoso", "TTD_Saksi1")
    ]
    assert content.audit_hash == "ab" * 32


def test_a_postponed_meeting_says_so_instead_of_a_closing_time() -> None:
    postponed = meeting(state=MeetingState.POSTPONED, opened_at=None, closed_at=None)
    content = build_minutes(facts(postponed), fake_spell)
    assert content.closing_time == "Rapat ditunda karena kuorum tidak tercapai."
    assert not any(c.text.startswith("Rapat dibuka") for c in content.sections[0].clauses)
