"""Reading a register as cooperatives keep it: column titles, the title row below junk, dates
in every common spelling, status and category words, and the problems each cell can have."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from assembly.domain.members import Category, Member, Sex, Status
from assembly.domain.register_cells import (
    CellError,
    parse_arrears,
    parse_category,
    parse_date,
    parse_nik,
    parse_sex,
    parse_status,
)
from assembly.domain.register_columns import (
    detect_header,
    field_for_header,
    is_column_numbering,
    is_header_like,
)
from assembly.domain.register_import import (
    check_member,
    duplicate_problems,
    member_from,
    parse_row,
)

# The test's own month names, so the parser is checked against the calendar, not itself.
ID_MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
EN_MONTHS = "January February March April May June July August September October November December"
ID_SHORT = "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des"
EN_SHORT = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"


def _named(names: str, day: dt.date, sep: str = " ") -> str:
    return f"{day.day}{sep}{names.split()[day.month - 1]}{sep}{day.year}"


FORMATS = {
    "dd/mm/yyyy": lambda d: d.strftime("%d/%m/%Y"),
    "dd-mm-yyyy": lambda d: d.strftime("%d-%m-%Y"),
    "dd.mm.yyyy": lambda d: d.strftime("%d.%m.%Y"),
    "d/m/yyyy": lambda d: f"{d.day}/{d.month}/{d.year}",
    "iso": lambda d: d.isoformat(),
    "iso with time": lambda d: f"{d.isoformat()} 00:00:00",
    "23 November 2026": lambda d: _named(ID_MONTHS, d),
    "23 NOVEMBER 2026": lambda d: _named(ID_MONTHS, d).upper(),
    "23 Nov 2026 (id)": lambda d: _named(ID_SHORT, d),
    "23-Nov-2026 (en)": lambda d: _named(EN_SHORT, d, "-"),
    "23 November 2026 (en)": lambda d: _named(EN_MONTHS, d),
    "excel serial": lambda d: (d - dt.date(1899, 12, 30)).days,
    "excel serial as text": lambda d: str((d - dt.date(1899, 12, 30)).days),
    "excel serial with time": lambda d: (d - dt.date(1899, 12, 30)).days + 0.375,
    "datetime cell": lambda d: dt.datetime(d.year, d.month, d.day, 0, 0),
    "date cell": lambda d: d,
}
DAYS = st.dates(min_value=dt.date(1927, 5, 19), max_value=dt.date(2173, 10, 13))


@pytest.mark.parametrize("spelling", sorted(FORMATS))
@given(day=DAYS)
def test_every_date_spelling_reads_back_as_the_same_day(spelling: str, day: dt.date) -> None:
    assert parse_date(FORMATS[spelling](day)) == day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23 Agustus 2026", dt.date(2026, 8, 23)),
        ("1 Agt 1999", dt.date(1999, 8, 1)),
        ("5 Mei 1980", dt.date(1980, 5, 5)),
        ("12 Okt 2001", dt.date(2001, 10, 12)),
        ("31 Des 2025", dt.date(2025, 12, 31)),
        ("3 Pebruari 1975", dt.date(1975, 2, 3)),
        ("17 Nopember 1945", dt.date(1945, 11, 17)),
        ("Sabtu, 14 Maret 2026", dt.date(2026, 3, 14)),
        ("23 / 11 / 2026", dt.date(2026, 11, 23)),
        ("'02/05/2001", dt.date(2001, 5, 2)),
        (1, dt.date(1900, 1, 1)),
        (61, dt.date(1900, 3, 1)),
        ("", None),
        ("-", None),
        (None, None),
    ],
)
def test_dates_as_registers_write_them(text: object, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02/2026", "Tanggal 31/02/2026 tidak ada di kalender"),
        ("11/23/2026", "urutan: hari/bulan/tahun"),
        ("29/02/2025", "tidak ada di kalender"),
        ("23/11/26", "harus ditulis 4 angka"),
        ("23 Novembre 2026", 'Nama bulan "novembre"'),
        ("kemarin", "tidak dikenali"),
        (60, "29/02/1900"),
        (True, "bukan tanggal"),
    ],
)
def test_impossible_or_unreadable_dates_say_why(text: object, message: str) -> None:
    with pytest.raises(CellError, match=message):
        parse_date(text)


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("No. Anggota", "number"),
        ("No Anggota", "number"),
        ("NO. ANGGOTA", "number"),
        ("No Induk", "number"),
        ("Nomor Induk Anggota", "number"),
        ("Nama", "name"),
        ("Nama Lengkap", "name"),
        ("Nama Anggota", "name"),
        ("Nama Lengkap (sesuai KTP)", "name"),
        ("NIK", "nik"),
        ("No. KTP", "nik"),
        ("No KTP", "nik"),
        ("Alamat", "address"),
        ("Tgl Masuk", "joined_on"),
        ("Tgl. Masuk", "joined_on"),
        ("Tanggal Masuk", "joined_on"),
        ("Tgl Lahir", "birth_date"),
        ("Tempat, Tgl Lahir", "birth_date"),
        ("Jenis Kelamin", "sex"),
        ("Jenis Kelamin (L/P)", "sex"),
        ("JK", "sex"),
        ("L/P", "sex"),
        ("Telepon", "phone"),
        ("No HP", "phone"),
        ("HP", "phone"),
        ("No. Telp", "phone"),
        ("Status", "status"),
        ("Kategori", "category"),
        ("Jenis Anggota", "category"),
        ("Tgl Keluar", "exit_date"),
        ("Alasan Keluar", "exit_reason"),
        ("Tunggakan", "arrears"),
        ("Tunggakan Simpanan", "arrears"),
    ],
)
def test_column_titles_and_their_variants(title: str, field: str) -> None:
    assert field_for_header(title) == field


@pytest.mark.parametrize("title", ["No.", "No", "Keterangan", "Status Perkawinan", "", None])
def test_titles_that_are_not_register_fields(title: object) -> None:
    assert field_for_header(title) is None


HEADERS = {
    "number": ["No. Anggota", "No Induk", "Nomor Induk Anggota"],
    "name": ["Nama", "Nama Lengkap", "Nama Anggota"],
    "nik": ["NIK", "No. KTP"],
    "joined_on": ["Tgl Masuk", "Tanggal Masuk"],
    "status": ["Status", "Status Anggota"],
    "address": ["Alamat"],
}
JUNK = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz0123456789.:,", max_size=40
)


@given(
    junk=st.lists(st.lists(JUNK, max_size=6), max_size=12),
    fields=st.lists(st.sampled_from(sorted(HEADERS)), min_size=1, unique=True).map(
        lambda f: ["name", *[x for x in f if x != "name"]]
    ),
    choice=st.randoms(use_true_random=False),
    leading=st.integers(0, 3),
)
def test_the_title_row_is_found_below_any_junk(
    junk: list[list[str]], fields: list[str], choice: random.Random, leading: int
) -> None:
    assume(all(field_for_header(cell) is None for row in junk for cell in row))
    if len(fields) < 2:
        fields.append("number")
    choice.shuffle(fields)
    header = ["No."] * leading + [choice.choice(HEADERS[f]) for f in fields]
    data = [["1"] * len(header), ["2"] * len(header)]
    guess = detect_header([*junk, header, *data])
    assert guess is not None
    assert guess.index == len(junk)
    assert guess.columns == {f: leading + i for i, f in enumerate(fields)}


def test_a_label_and_value_line_above_the_titles_is_not_taken_for_them() -> None:
    rows = [
        ["Nama Koperasi", ":", "KSP Sejahtera"],
        ["Nama", ":", "Budi"],
        [],
        ["No", "No. Anggota", "Nama Lengkap", "NIK"],
    ]
    guess = detect_header(rows)
    assert guess is not None and guess.index == 3


def test_no_title_row_at_all() -> None:
    assert detect_header([["a", "b"], ["1", "2"]]) is None


@pytest.mark.parametrize(
    ("word", "status", "category"),
    [
        ("Aktif", Status.ACTIVE, None),
        ("AKTIF", Status.ACTIVE, None),
        ("keluar", Status.RESIGNED, None),
        ("Berhenti", Status.RESIGNED, None),
        ("Mengundurkan diri", Status.RESIGNED, None),
        ("Meninggal", Status.DECEASED, None),
        ("Meninggal Dunia", Status.DECEASED, None),
        ("Almarhum", Status.DECEASED, None),
        ("Alm.", Status.DECEASED, None),
        ("Diberhentikan", Status.EXPELLED, None),
        ("Dikeluarkan", Status.EXPELLED, None),
        ("Calon", Status.ACTIVE, Category.CANDIDATE),
        ("Calon Anggota", Status.ACTIVE, Category.CANDIDATE),
        ("Luar Biasa", Status.ACTIVE, Category.EXTRAORDINARY),
        ("Anggota Luar Biasa", Status.ACTIVE, Category.EXTRAORDINARY),
    ],
)
def test_status_words(word: str, status: Status, category: Category | None) -> None:
    assert parse_status(word) == (status, category)


@pytest.mark.parametrize("word", ["Pasif", "tidak aktif", "?", "Cuti"])
def test_an_unknown_status_word_is_a_problem(word: str) -> None:
    with pytest.raises(CellError, match=re.escape(f'Status "{word}" tidak dikenal')):
        parse_status(word)


def test_category_sex_and_arrears_words() -> None:
    assert parse_category("Anggota Biasa") is Category.MEMBER
    assert parse_category("calon anggota") is Category.CANDIDATE
    assert parse_category("ALB") is Category.EXTRAORDINARY
    assert [parse_sex(w) for w in ("L", "Laki-laki", "pria", "P", "Perempuan", "Wanita")] == [
        Sex.MALE,
        Sex.MALE,
        Sex.MALE,
        Sex.FEMALE,
        Sex.FEMALE,
        Sex.FEMALE,
    ]
    assert [parse_arrears(w) for w in ("Ya", "tidak", "Rp 150.000", "0", 25000, "-")] == [
        True,
        False,
        True,
        False,
        True,
        False,
    ]
    with pytest.raises(CellError, match="Kategori"):
        parse_category("pengurus")
    with pytest.raises(CellError, match="Jenis kelamin"):
        parse_sex("X")
    with pytest.raises(CellError, match="Tunggakan"):
        parse_arrears("mungkin")


def test_a_nik_excel_rounded_is_refused() -> None:
    with pytest.raises(CellError, match="Excel telah membulatkannya"):
        parse_nik("3.17102E+15")
    assert parse_nik(3171015708450001) == "3171015708450001"
    assert parse_nik("'3171015708450001") == "3171015708450001"


HEADERS_SEEN = {"number": "No. Anggota", "name": "Nama", "status": "Status", "nik": "NIK"}


def test_a_row_gives_values_only_for_filled_cells() -> None:
    row = parse_row(
        7,
        {"number": " KSP-1 ", "name": "Siti  Aminah", "nik": "-", "phone": None, "status": "Calon"},
        HEADERS_SEEN,
    )
    assert row.problems == []
    assert row.values == {
        "number": "KSP-1",
        "name": "Siti Aminah",
        "status": Status.ACTIVE,
        "category": Category.CANDIDATE,
        "exit_date": None,
        "exit_reason": "",
    }


def test_every_bad_cell_of_a_row_is_named_with_row_and_column() -> None:
    row = parse_row(
        12, {"number": "KSP-2", "name": "Budi", "status": "pasif", "nik": "3.1E+15"}, HEADERS_SEEN
    )
    assert [(p.row, p.column) for p in row.problems] == [(12, "Status"), (12, "NIK")]


def test_an_existing_member_keeps_what_the_file_leaves_empty() -> None:
    before = Member("KSP-3", "Ani", phone="0812", address="Jl. Lama", id=5)
    after = member_from({"address": "Jl. Baru"}, before)
    assert (after.id, after.phone, after.address) == (5, "0812", "Jl. Baru")


def test_a_leaver_without_an_exit_date_is_no_problem_of_its_row() -> None:
    # Registers mark leavers "Meninggal" without a date: the preview counts them once.
    today = dt.date(2026, 3, 14)
    gone = member_from({"number": "KSP-4", "name": "Dodi", "status": Status.DECEASED})
    assert check_member(gone, 9, HEADERS_SEEN, today) == []
    assert gone.exit_date is None and not gone.is_member_on(today)
    later = member_from({"number": "KSP-5", "name": "Eka", "joined_on": dt.date(2027, 1, 1)})
    placed = check_member(later, 10, {"joined_on": "Tgl Masuk"}, today)
    assert [(p.row, p.column) for p in placed] == [(10, "Tgl Masuk")]
    nameless = member_from({"number": "KSP-6"})
    assert [p.column for p in check_member(nameless, 11, HEADERS_SEEN, today)] == ["Nama"]


def test_duplicate_numbers_and_niks_in_the_file() -> None:
    nik = "3171015708450001"
    rows = [
        (5, Member("KSP-1", "Siti", nik=nik)),
        (6, Member("ksp-1", "Budi")),
        (7, Member("KSP-2", "Siti Lama", nik=nik)),
        (8, Member("KSP-3", "Siti Keluar", nik=nik, status=Status.RESIGNED)),
    ]
    problems = duplicate_problems(rows, HEADERS_SEEN)
    assert [(p.row, p.column, p.warning) for p in problems] == [
        (6, "No. Anggota", False),
        (7, "NIK", False),  # two active members, one person: two votes
        (8, "NIK", True),  # left and joined again
    ]
    assert "sudah dipakai di baris 5" in problems[0].message


def test_printed_forms_repeat_titles_and_number_their_columns() -> None:
    assert is_column_numbering(["1", "2", "3", "(4)", None, "6"])
    assert not is_column_numbering(["1", "KSP-1", "Budi"])
    assert is_header_like(["No", "No. Anggota", "Nama", None])
    assert not is_header_like(["1", "KSP-1", "Budi"])


def test_column_letters_as_a_spreadsheet_shows_them() -> None:
    from assembly.domain.register_columns import column_letter

    shown = {0: "A", 1: "B", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"}
    assert {index: column_letter(index) for index in shown} == shown
    assert column_letter(16383) == "XFD"  # Excel's last column
