"""The berita acara a secretary signs (issue 11, points 3, 4, 8, 9, 10), read back from the
PDF with pypdf: the elections in full, the tellers and witnesses, the roles that sign the
same on the berita acara, the Daftar Hadir and verify, the wording a secretary corrects, the
English export, and a cancelled export that leaves no file."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from num2words import num2words
from pypdf import PdfReader

from assembly.domain.ballots import decide_election
from assembly.pdf.attachments import read_attachment
from assembly.services.anchor_check import signature_report
from assembly.services.bundle import Services
from assembly.services.progress import Cancelled, Progress
from assembly.services.signers_missing import missing_signers


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The demo cooperative of 300 members; its closed sample RAT is meeting 1."""
    services = Services.open(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    services.demo.create(members=300)
    yield services
    services.close()


@pytest.fixture(scope="module")
def pdf(demo: Services, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ba") / "berita-acara.pdf"
    demo.minutes.export(1, path, invariant=True)
    return path


@pytest.fixture(scope="module")
def pdf_en(demo: Services, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ba-en") / "minutes.pdf"
    demo.minutes.export(1, path, lang="en", invariant=True)
    return path


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def pages(path: Path) -> list[str]:
    return [flat(p.extract_text()) for p in PdfReader(path).pages]


def body(path: Path) -> str:
    """The berita acara's own pages, up to the signatures (before LAMPIRAN I)."""
    out = []
    for page in pages(path):
        if "DAFTAR HADIR" in page or "ATTENDANCE LIST" in page:
            break
        out.append(page)
    return " ".join(out)


def words(n: int, lang: str = "id") -> str:
    return str(num2words(n, lang=lang))


def ballots(path: Path) -> list[dict[str, object]]:
    raw = read_attachment(path.read_bytes(), "hasil_suara.json")
    assert raw is not None
    found: list[dict[str, object]] = json.loads(raw)["pemungutan_suara"]
    return found


# --- point 3: elections in full ------------------------------------------------------------


def test_every_round_names_every_candidate_the_seats_and_the_elected(pdf: Path) -> None:
    text = body(pdf)
    rounds = [b for b in ballots(pdf) if b["jenis"] == "pemilihan"]
    assert len(rounds) == 2  # the tied first round and its run-off
    elected: list[str] = []
    for ballot in rounds:
        votes = ballot["perolehan"]
        assert isinstance(votes, dict) and len(votes) >= 2
        for name, n in votes.items():
            assert f"{name} {n} ({words(n)})" in text, name
        seats = ballot["kursi"]
        assert isinstance(seats, int)
        assert f"Kursi: {seats} ({words(seats)})." in text
        result = decide_election(votes, seats)
        elected += result.elected
        if result.runoff:
            tied = " dan ".join(result.runoff)
            assert f"Suara sama untuk kursi terakhir antara {tied}." in text
        for name in result.elected:
            assert f"Terpilih: {name} ({votes[name]} suara)." in text
    assert "Keputusan pemilihan putaran kedua (pemungutan suara" in text
    # The item ends with the whole elected board for the AD's period (the financial year
    # after the one reported on, three years in the demo's AD), and is headed by what was
    # elected.
    assert (
        "Pengawas terpilih periode 2026–2028 (masa jabatan 3 (tiga) tahun, Pasal 27 ayat (2) "
        f"Anggaran Dasar): {' dan '.join(elected)}." in text
    )
    assert "7. Pemilihan Pengawas" in text and "Pemilihan Pengurus dan Pengawas" not in text


# --- point 4: tellers, witnesses, the roles that sign ------------------------------------


def test_the_tellers_stand_under_their_vote_and_the_witnesses_are_labelled(
    demo: Services, pdf: Path
) -> None:
    text = body(pdf)
    counted = next(b for b in ballots(pdf) if b["mode"] == "dihitung")
    tellers = counted["kertas_suara"]["saksi"]  # type: ignore[index]
    assert len(tellers) == 2 and all(tellers)
    assert f"Saksi penghitung suara: {tellers[0]} dan {tellers[1]}." in text
    # Under the counted vote's decision, not elsewhere.
    decision = text.index("Keputusan (pemungutan suara, pukul 11.06 WIB)")
    assert text.index("Saksi penghitung suara:", decision) < text.index("7. Pemilihan")
    meeting = demo.meetings.get(1)
    names = [o.name for o in meeting.officers if o.role.value == "saksi"]
    assert f"Saksi Rapat: {names[0]} dan {names[1]}" in text
    assert "Saksi penghitungan suara" not in text


def fields(path: Path) -> set[str]:
    return set(PdfReader(path).get_fields() or {})


def test_the_signature_fields_the_daftar_hadir_and_verify_ask_for_the_same_roles(
    demo: Services, pdf: Path
) -> None:
    meeting = demo.meetings.get(1)
    assert meeting.required_signers == ("ketua", "sekretaris", "saksi1", "saksi2", "mengetahui")
    expected = {"TTD_Ketua", "TTD_Sekretaris", "TTD_Saksi1", "TTD_Saksi2", "TTD_Mengetahui"}
    assert fields(pdf) == expected
    titles = ("Ketua Rapat", "Sekretaris Rapat", "Saksi Rapat 1", "Saksi Rapat 2", "Mengetahui")
    report = signature_report(pdf, pdf.read_bytes())
    assert missing_signers(report) == titles
    signing = demo.minutes_signing.status(1, pdf)
    assert set(signing.missing) == expected
    all_pages = pages(pdf)
    daftar_end = next(p for p in all_pages if "Jumlah seluruhnya" in p)
    signature_page = next(p for p in all_pages if "Pimpinan Rapat," in p)
    for title in titles:
        assert f"{title}," in daftar_end and f"{title}," in signature_page


def test_a_meeting_requiring_only_its_leaders_carries_only_their_fields(
    demo: Services, tmp_path: Path
) -> None:
    """The setting says who signs; a named witness who need not sign gets no field, so the
    lock and verify cannot disagree about her."""
    copy = tmp_path / "leaders.sqlite"
    source = sqlite3.connect(demo.path)
    con = sqlite3.connect(copy)
    source.backup(con)
    source.close()
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        con.execute(f'DROP TRIGGER "{name}"')
    con.execute("UPDATE meetings SET required_signers = '' WHERE id = 1")
    con.commit()
    con.close()
    other = Services.open(copy)
    try:
        out = tmp_path / "ba.pdf"
        other.minutes.export(1, out)
        assert fields(out) == {"TTD_Ketua", "TTD_Sekretaris"}
        report = signature_report(out, out.read_bytes())
        assert missing_signers(report) == ("Ketua Rapat", "Sekretaris Rapat")
        text = " ".join(pages(out))
        assert "Saksi Rapat 1," not in text and "Mengetahui," not in text
        assert "Saksi Rapat: " in text  # still named among the leaders
    finally:
        other.close()


# --- point 8: the wording a secretary corrects -------------------------------------------


def test_the_wording_a_secretary_would_correct(demo: Services, pdf: Path) -> None:
    text = body(pdf)
    all_pages = pages(pdf)
    meeting = demo.meetings.get(1)
    assert meeting.opened_at is not None
    opened = meeting.opened_at.astimezone(meeting.zone)
    assert (
        f"pukul {opened:%H.%M} WIB (dalam undangan pukul {meeting.start:%H.%M} WIB), bertempat"
        in text
    )
    assert ": disetujui:" not in text and "disetujui:" not in text
    assert re.search(r"Hasil: disetujui, \d+ \([a-z ]+\) dari \d+ \([a-z ]+\) suara sah", text)
    assert re.search(r"Perolehan suara: setuju \d+ \([a-z ]+\), tidak setuju \d+ \(", text)
    assert re.search(r"hadir langsung \d+ \([a-z ]+\)", text)
    ended = max(i.ended_at for i in meeting.agenda if i.ended_at is not None)
    assert (
        f"Pembahasan acara terakhir selesai pukul {ended.astimezone(meeting.zone):%H.%M} WIB. "
        "Rapat ditutup oleh Ketua Rapat pukul" in text
    )
    daftar = next(i for i, p in enumerate(all_pages) if "DAFTAR HADIR" in p)
    assert all_pages[daftar].lstrip().startswith("LAMPIRAN I ")
    for page in all_pages:  # the place-date lines: the town, never the address or postcode
        if "14 Maret 2026" in page and "Sleman" in page:
            assert "DI Yogyakarta 55283, 14" not in page and "Kabupaten Sleman, 14" not in page
    assert sum("Sleman, 14 Maret 2026" in p for p in all_pages) == 2  # berita acara, Daftar Hadir


def test_minutes_check_still_reconciles(demo: Services) -> None:
    report = demo.minutes_check.check(1)
    assert not report.mismatches


# --- point 9: English throughout ------------------------------------------------------------


def test_the_english_export_is_english(pdf_en: Path) -> None:
    text = body(pdf_en)
    computed = ("disetujui", "terpilih", "Terpilih", "Perolehan", "Kursi", "anggota lagi",
                "lebih dari", "jumlah anggota", "orang", "Saksi", "dalam undangan")  # fmt: skip
    for indonesian in computed:  # words the product writes, not the cooperative's own text
        assert not re.search(rf"\b{indonesian}\b", text), indonesian
    assert "(the invitation said 09.00 WIB)" in text
    assert re.search(r"Result: adopted, \d+ \([a-z -]+\) of \d+ \([a-z -]+\) valid votes", text)
    assert re.search(r"Elected: [A-Z][^()]+ \(\d+ votes\)\.", text)
    assert "Supervisors (pengawas) elected for 2026–2028 (a term of 3 (three) years, " in text
    assert not re.search(r"\b1 \(one\) more members\b", text)
    for n, form in re.findall(r"\b(\d+) \([a-z -]+\) more (members?) arrived", text):
        assert form == ("member" if n == "1" else "members")
    assert "Meeting Witness 1," in text and "Chair of the Meeting," in text


def test_without_a_term_in_the_ad_the_elected_are_named_without_a_period() -> None:
    from assembly.domain.minutes_results import Term, board_lines
    from assembly.i18n import translator

    board = {"pengurus": ["Ani", "Budi", "Citra"]}
    t = translator("id")
    assert board_lines(board, t) == ["Pengurus terpilih: Ani, Budi, dan Citra."]
    one = board_lines(board, translator("en"), Term("2027–2027", 1), lambda n: "one")
    assert one == [
        "Board (pengurus) elected for 2027–2027 (a term of 1 (one) year): Ani, Budi, and Citra."
    ]


def test_english_figures_group_thousands_with_commas() -> None:
    from assembly.domain.minutes_words import Terbilang, with_words
    from assembly.services.minutes import terbilang

    english = Terbilang(lambda n: terbilang(n, "en"), ",")
    assert with_words(149_412, english) == (
        "149,412 (one hundred and forty-nine thousand, four hundred and twelve)"
    )
    assert with_words(1_194, Terbilang(terbilang)) == "1.194 (seribu seratus sembilan puluh empat)"


def test_a_single_arrival_is_one_member_in_english() -> None:
    from assembly.domain.minutes_events import arrivals_line
    from assembly.i18n import translator

    def spell(n: int) -> str:
        return words(n, "en")

    assert arrivals_line(1, 5, spell, translator("en")) == (
        "During this item 1 (one) more member arrived."
    )
    assert arrivals_line(3, 5, spell, translator("en")) == (
        "During this item 3 (three) more members arrived."
    )
    assert arrivals_line(1, 5, spell, translator("id")) == (
        "Selama pembahasan acara ini hadir 1 (one) anggota lagi."
    )


# --- point 10: progress and cancel ----------------------------------------------------------


def test_progress_is_reported_page_by_page(demo: Services, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    target = tmp_path / "ba.pdf"
    pages_written = demo.minutes.export(
        1, target, progress=Progress(lambda d, t: seen.append((d, t)))
    )
    assert seen[0] == (0, 1) and seen[-1] == (pages_written, pages_written)
    done = [d for d, _t in seen[1:-1]]
    assert done == sorted(done) and len(done) >= pages_written - 1
    assert len(PdfReader(target).pages) == pages_written


def test_a_cancelled_export_leaves_no_file(demo: Services, tmp_path: Path) -> None:
    target = tmp_path / "ba.pdf"
    target_before = tmp_path / "lama.pdf"
    target_before.write_bytes(b"%PDF- versi lama")
    progress = Progress()

    def report(done: int, _total: int) -> None:
        if done >= 3:
            progress.cancel.set()

    progress.report = report
    with pytest.raises(Cancelled):
        demo.minutes.export(1, target, progress=progress)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lama.pdf"]
    # An existing file stays as it was.
    progress = Progress()
    progress.report = report
    with pytest.raises(Cancelled):
        demo.minutes.export(1, target_before, progress=progress)
    assert target_before.read_bytes() == b"%PDF- versi lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lama.pdf"]
