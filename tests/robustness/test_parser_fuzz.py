"""Property and fuzz tests (Hypothesis) for the parsers at Kuorum's doors: whatever a cell,
a header or a whole file holds, the parsers answer or refuse with a CellError/DomainError —
never another exception — and what they accept is sound."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from assembly.domain.errors import DomainError
from assembly.domain.members import Member
from assembly.domain.register_cells import (
    CellError,
    parse_arrears,
    parse_date,
    parse_nik,
    parse_sex,
    parse_status,
)
from assembly.domain.register_columns import detect_header, field_for_header, normalise_header
from assembly.domain.register_import import formula_problems, looks_like_formula
from assembly.services.identity import check_nik, normalise_nik
from assembly.services.register_files import read_table

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
cells = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
)


@FAST
@given(cells)
@example(float("nan"))  # found by this test: a NaN date cell raised ValueError
@example(float("inf"))
def test_every_cell_parser_answers_or_raises_a_cell_error(value: object) -> None:
    for parse in (parse_date, parse_status, parse_sex, parse_arrears, parse_nik):
        try:
            parse(value)
        except CellError as exc:
            assert str(exc)  # a message for the user


@FAST
@given(st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 12, 31)))
def test_dates_written_the_indonesian_way_read_back(day: dt.date) -> None:
    for text in (f"{day:%d/%m/%Y}", f"{day:%d-%m-%Y}", f"{day:%d.%m.%Y}", day.isoformat()):
        assert parse_date(text) == day


@FAST
@given(st.text(max_size=60))
def test_header_normalising_is_idempotent_and_fields_are_stable(text: str) -> None:
    once = normalise_header(text)
    assert normalise_header(once) == once
    assert field_for_header(text) == field_for_header(once)


@FAST
@given(st.lists(st.lists(cells, max_size=8), max_size=12))
def test_header_detection_never_fails_and_points_inside(rows: list[list[object]]) -> None:
    guess = detect_header(rows)
    if guess is not None:
        assert 0 <= guess.index < len(rows)
        assert all(0 <= c < len(rows[guess.index]) for c in guess.columns.values())
        assert "name" in guess.columns


@FAST
@given(st.text(max_size=30))
def test_nik_check_answers_every_text(raw: str) -> None:
    try:
        compact = normalise_nik(raw)
    except Exception as exc:  # stdnum's compact only strips; it must not raise
        raise AssertionError(raw) from exc
    problems = check_nik(raw)
    if not compact.isdigit() or len(compact) != 16:
        assert any(not p.warning for p in problems)


@FAST
@given(st.text(alphabet="0123456789", min_size=16, max_size=16))
def test_a_sixteen_digit_nik_never_raises(raw: str) -> None:
    assert all(p.message for p in check_nik(raw))


@FAST
@given(st.text(max_size=40))
def test_formula_warning_matches_what_a_spreadsheet_would_run(text: str) -> None:
    warned = bool(formula_problems(Member("1", text)))
    assert warned == looks_like_formula(text)
    if text.strip().startswith(("=", "@")):
        assert warned
    if not text.strip().startswith(("=", "@", "+", "-")):
        assert not warned


@settings(max_examples=120, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from([".csv", ".txt", ".xlsx", ".xls", ""]))
def test_reading_any_bytes_as_a_register_file_never_crashes(data: bytes, suffix: str) -> None:
    try:
        table = read_table(Path(f"fuzz{suffix}"), data)
    except DomainError as exc:
        assert exc.message
    else:
        assert isinstance(table.rows, list)


@settings(max_examples=120, deadline=None)
@given(
    st.lists(
        st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12),
                 min_size=1, max_size=6),
        min_size=1, max_size=10,
    ),
    st.sampled_from([",", ";", "\t", "|"]),
)  # fmt: skip
def test_csv_sniffing_reads_back_a_table_written_with_any_delimiter(
    rows: list[list[str]], delimiter: str
) -> None:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_ALL).writerows(rows)
    try:
        table = read_table(Path("fuzz.csv"), out.getvalue().encode("utf-8"))
    except DomainError as exc:
        assert exc.message
        return
    assert table.rows  # something was read, whatever delimiter the sniffer chose
