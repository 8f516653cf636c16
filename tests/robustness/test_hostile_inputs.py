"""The hostile-input corpus (issue 6, DESIGN.md section 7): damaged, foreign, huge and
malicious files at every door of Kuorum. Each must give its clear Indonesian message, change
nothing in the database (every row of every table compared before and after) nor in the file
itself, and never crash. Small files live in ``tests/hostile/``; big or derived ones are made
in the test's temporary folder by :mod:`tests.robustness.hostile_files`."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from reportlab.pdfgen import canvas

from assembly.domain.errors import DomainError
from assembly.services.bundle import Services
from assembly.services.signing import SigningService
from tests.meeting_fixtures import open_meeting, register_members
from tests.robustness import hostile_files as make

CORPUS = Path(__file__).resolve().parents[1] / "hostile"
ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "rahasia-ketua-2026"


@dataclass
class Env:
    """One test's database with a register and a hybrid meeting open for check-in."""

    services: Services
    db_path: Path
    meeting_id: int
    tmp: Path
    key: Path
    signed: Path


@dataclass(frozen=True)
class Case:
    """A hostile input: how to offer it, whether it is refused, and words of the message."""

    id: str
    run: Callable[[Env], tuple[str, bool]]  # (message, refused)
    words: tuple[str, ...]
    refused: bool = True


def rows_of(db_path: Path) -> dict[str, list[Any]]:
    """Every row of every table, to prove a refusal changed nothing."""
    conn = sqlite3.connect(db_path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}
    finally:
        conn.close()


# --- the doors ---------------------------------------------------------------------------


def import_members(path: Path) -> Callable[[Env], tuple[str, bool]]:
    """The member import as the dialog does it: a preview, then (if nothing blocks) nothing
    more — the test never commits a file that only warns."""

    def run(env: Env) -> tuple[str, bool]:
        try:
            preview = env.services.importer.preview(path)
        except DomainError as exc:
            return exc.message, True
        text = "\n".join([preview.summary(), *(p.located() for p in preview.problems)])
        if preview.blocking:
            with pytest.raises(DomainError) as refused:
                env.services.importer.commit(preview)
            return text + "\n" + refused.value.message, True
        return text, False

    return run


def corpus(name: str) -> Callable[[Env], tuple[str, bool]]:
    return import_members(CORPUS / name)


def generated(
    maker: Callable[[Path], Path], door: Callable[[Path], Callable[[Env], tuple[str, bool]]]
) -> Callable[[Env], tuple[str, bool]]:
    return lambda env: door(maker(env.tmp))(env)


def online(path_of: Callable[[Env], Path]) -> Callable[[Env], tuple[str, bool]]:
    def run(env: Env) -> tuple[str, bool]:
        try:
            result, _changes = env.services.attendance_import.import_file(
                env.meeting_id, path_of(env)
            )
        except DomainError as exc:
            return exc.message, True
        return result.summary, False

    return run


def open_db(path_of: Callable[[Env], Path]) -> Callable[[Env], tuple[str, bool]]:
    def run(env: Env) -> tuple[str, bool]:
        path = path_of(env)
        before = path.read_bytes() if path.is_file() else b""
        try:
            Services.open(path, create=False).close()
        except DomainError as exc:
            assert (path.read_bytes() if path.is_file() else b"") == before, "file changed"
            assert not list(path.parent.glob(f"{path.name}.bak-*")), "a backup was made"
            return exc.message, True
        return "opened", False

    return run


def sign_with(
    key_of: Callable[[Env], Path], passphrase: str = PASSPHRASE
) -> Callable[[Env], tuple[str, bool]]:
    def run(env: Env) -> tuple[str, bool]:
        before = env.signed.read_bytes()
        try:
            env.services.signing.sign(env.signed, key_of(env), passphrase, "sekretaris")
        except DomainError as exc:
            assert env.signed.read_bytes() == before
            return exc.message, True
        return "signed", False

    return run


def verify(region: str) -> Callable[[Env], tuple[str, bool]]:
    def run(env: Env) -> tuple[str, bool]:
        path = make.altered_pdf(env.signed, env.tmp, region)
        before = path.read_bytes()
        try:
            report = SigningService(None).verify(path)
        except DomainError as exc:
            return exc.message, True
        finally:
            assert path.read_bytes() == before
        return "\n".join(report.lines()), not report.all_valid

    return run


def db_copy(maker: Callable[[Path, Path], Path]) -> Callable[[Env], Path]:
    def path_of(env: Env) -> Path:
        env.services.close()  # checkpoint the WAL into the file being copied
        return maker(env.db_path, env.tmp)

    return path_of


IMPORT_CASES = [
    Case("csv-empty", corpus("empty.csv"), ("judul kolom", "tidak ditemukan")),
    Case("csv-blank-lines", corpus("blank_lines.csv"), ("judul kolom",)),
    Case("csv-only-headers", corpus("only_headers.csv"), ("0 anggota baru",), refused=False),
    Case("csv-binary-junk", corpus("binary_junk.csv"), ("data biner", "bukan berkas CSV")),
    Case("csv-nul-in-row", corpus("nul_in_row.csv"), ("karakter NUL", "baris 2")),
    Case("csv-utf16le-no-bom", corpus("utf16le_no_bom.csv"), ("1 anggota baru",), False),
    Case("csv-utf16-bom", corpus("utf16_bom.csv"), ("1 anggota baru",), refused=False),
    Case("csv-latin1", corpus("latin1.csv"), ("1 anggota baru",), refused=False),
    Case("csv-utf8-bom", corpus("utf8_bom.csv"), ("1 anggota baru",), refused=False),
    Case(
        "csv-10mb-cell",
        generated(make.huge_cell_csv, import_members),
        ("baris 2", "lebih dari 131.072 karakter"),
    ),
    Case(
        "csv-1000000-rows",
        generated(make.million_rows_csv, import_members),
        ("lebih dari 500.000 baris", "Tidak ada yang diubah"),
    ),
    Case(
        "csv-formula-hyperlink",
        corpus("formula_hyperlink.csv"),
        ("rumus spreadsheet", "baris 2", "=HYPERLINK"),
        refused=False,
    ),
    Case(
        "csv-formula-plus-cmd",
        corpus("formula_plus_cmd.csv"),
        ("rumus spreadsheet", "+cmd"),
        refused=False,
    ),
    Case("csv-formula-unquoted", corpus("formula_unquoted.csv"), ("baris 2", "tanda kutip")),
    Case("csv-mixed-delimiters", corpus("mixed_delimiters.csv"), ("baris 3",)),
    Case(
        "csv-duplicate-headers",
        corpus("duplicate_headers.csv"),
        ("lebih dari satu kolom untuk Nama",),
        refused=False,
    ),
    Case("csv-unterminated-quote", corpus("unterminated_quote.csv"), ("tidak ditutup", "baris")),
    Case("csv-text-after-quote", corpus("text_after_quote.csv"), ("baris 2", "tanda kutip")),
    Case("csv-impossible-dates", corpus("impossible_dates.csv"), ("baris 2", "Tgl")),
    Case("csv-duplicate-numbers", corpus("duplicate_numbers.csv"), ("sudah dipakai di baris 2",)),
    Case("csv-bad-nik", corpus("bad_nik.csv"), ("baris 2", "NIK")),
    Case("xls-old-excel", corpus("old_excel.xls"), (".xls", "Simpan ulang")),
    Case("xlsx-renamed-png", corpus("renamed_png.xlsx"), ("bukan berkas XLSX",)),
    Case("xlsx-renamed-zip", corpus("renamed_zip.xlsx"), ("bukan berkas XLSX",)),
    Case("xlsx-binary-junk", corpus("binary_junk.xlsx"), ("bukan berkas XLSX",)),
    Case("xlsx-truncated", generated(make.truncated_xlsx, import_members), ("bukan berkas XLSX",)),
    Case(
        "xlsx-damaged-sheet",
        generated(make.damaged_sheet_xlsx, import_members),
        ("bukan berkas XLSX", "unclosed token"),
    ),
    Case("xlsx-zip-bomb", generated(make.zip_bomb_xlsx, import_members), ("mengembang",)),
]

ONLINE_CASES = [
    Case("online-empty", online(lambda e: CORPUS / "online_empty.csv"), ("kosong",)),
    Case("online-binary", online(lambda e: CORPUS / "online_binary.csv"), ("tidak ada",)),
    Case(
        "online-unknown-and-bad-times",
        online(lambda e: CORPUS / "online_unknown_and_bad_times.csv"),
        ("baris 2", "baris 3", "baris 4", "tidak ada yang dicatat"),
    ),
    Case(
        "online-10mb-cell",
        online(lambda e: make.huge_cell_csv(e.tmp)),
        ("tidak ada",),
    ),
]

DATABASE_CASES = [
    Case("db-text-file", open_db(lambda e: CORPUS / "not_a_database.sqlite"), ("bukan",)),
    Case(
        "db-foreign-sqlite",
        open_db(lambda e: make.foreign_database(e.tmp)),
        ("bukan basis data Kuorum",),
    ),
    Case(
        "db-newer-version",
        open_db(db_copy(make.newer_database)),
        ("versi Kuorum yang lebih baru", "tidak diubah"),
    ),
    Case("db-truncated", open_db(db_copy(make.truncated_database)), ("rusak",)),
    Case("db-scrambled-pages", open_db(db_copy(make.scrambled_database)), ("rusak",)),
    Case("db-a-folder", open_db(lambda e: e.tmp), ("tidak dapat dibaca",)),
]

KEY_CASES = [
    Case("key-wrong-passphrase", sign_with(lambda e: e.key, "salah-sekali-2026"), ("salah",)),
    Case("key-truncated-p12", sign_with(lambda e: make.truncated_key(e.key, e.tmp)), ("kunci",)),
    Case("key-pem-garbage", sign_with(lambda e: CORPUS / "garbage.pem"), ("kunci",)),
    Case("key-empty-file", sign_with(lambda e: CORPUS / "empty.p12"), ("kunci",)),
    Case("key-missing-file", sign_with(lambda e: e.tmp / "tidak_ada.p12"), ("tidak ditemukan",)),
]

PDF_CASES = [
    Case(f"pdf-{region}", verify(region), words)
    for region, words in (
        ("header", ("PDF",)),
        ("body", ("TIDAK SAH",)),
        ("xref", ("TIDAK SAH",)),
        ("contents", ("TIDAK SAH",)),
        ("after-update", ("TIDAK SAH",)),
        # Bytes after %%EOF that form no revision (here an object redefined that no reader
        # follows): the signed revision is intact, but the file is no longer the one signed.
        ("after-junk", ("TIDAK SAH", "SHA-256")),
        ("truncated", ("PDF",)),
    )
]

CASES = IMPORT_CASES + ONLINE_CASES + DATABASE_CASES + KEY_CASES + PDF_CASES


@pytest.fixture(scope="module")
def signed_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An officer's key and a PDF signed with it, made once."""
    folder = tmp_path_factory.mktemp("signed")
    key = folder / "ketua.p12"
    SigningService().new_key("Ahmad Suryadi", key, PASSPHRASE, organisation="KSP Sejahtera")
    pdf = folder / "berita_acara.pdf"
    page = canvas.Canvas(str(pdf), invariant=True)
    page.drawString(72, 780, "Berita Acara Rapat Anggota Tahunan")
    page.showPage()
    page.save()
    SigningService().sign(pdf, key, PASSPHRASE, "ketua")
    return key, pdf


@pytest.fixture
def env(cooperative: Services, db_path: Path, tmp_path: Path, signed_pdf: tuple[Path, Path]) -> Env:
    register_members(cooperative)
    meeting_id = open_meeting(cooperative)
    work = tmp_path / "kerja"
    work.mkdir()
    signed = work / "berita_acara.pdf"
    signed.write_bytes(signed_pdf[1].read_bytes())
    return Env(cooperative, db_path, meeting_id, work, signed_pdf[0], signed)


def test_the_corpus_has_at_least_forty_cases() -> None:
    assert len(CASES) >= 40
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input_gets_its_message_and_changes_nothing(case: Case, env: Env) -> None:
    before = rows_of(env.db_path)
    message, refused = case.run(env)
    assert refused is case.refused, message
    for word in case.words:
        assert word in message, f"{word!r} not in {message!r}"
    assert "Traceback" not in message
    assert rows_of(env.db_path) == before


# --- edited audit rows -------------------------------------------------------------------


def _tamper(db_path: Path, sql: str) -> None:
    """Edit the audit table by hand, as someone with an SQLite editor would: drop the
    append-only triggers first."""
    conn = sqlite3.connect(db_path)
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='trigger' AND tbl_name='audit_events'"
    ).fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute(sql)
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("sql", "words"),
    [
        ('UPDATE audit_events SET payload = \'{"nama": "palsu"}\' WHERE seq = 3', "diubah"),
        ("UPDATE audit_events SET actor = 'penyusup' WHERE seq = 2", "diubah"),
        ("DELETE FROM audit_events WHERE seq = 4", "hilang"),
    ],
    ids=["payload", "actor", "deleted-row"],
)
def test_an_edited_audit_row_is_detected(env: Env, sql: str, words: str) -> None:
    assert env.services.audit.verify().intact
    env.services.close()
    _tamper(env.db_path, sql)
    report = Services.open(env.db_path, create=False).audit.verify()
    assert not report.intact
    assert "Log audit RUSAK" in report.summary and words in report.summary


# --- the command line never shows a traceback -------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_the_command_line_refuses_hostile_input_without_a_traceback(env: Env) -> None:
    env.services.close()
    before = rows_of(env.db_path)
    db = str(env.db_path)
    runs = [
        (_cli("members", "import", "--db", db, str(CORPUS / "binary_junk.csv")), "data biner"),
        (_cli("members", "import", "--db", db, str(CORPUS / "renamed_png.xlsx")), "XLSX"),
        (
            _cli(
                "attendance", "import", "--db", db, "--meeting", str(env.meeting_id),
                str(CORPUS / "online_binary.csv"),
            ),
            "bukan daftar CSV",
        ),
        (_cli("verify", str(make.altered_pdf(env.signed, env.tmp, "truncated"))), "PDF"),
        (_cli("audit", "verify", "--db", str(CORPUS / "not_a_database.sqlite")), "bukan"),
        (_cli("status", "--db", str(make.foreign_database(env.tmp))), "bukan basis data"),
    ]  # fmt: skip
    for done, words in runs:
        assert done.returncode in (1, 2), (done.args, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr, done.stderr
        assert words in done.stderr + done.stdout, (done.args, done.stderr)
    assert rows_of(env.db_path) == before
    _tamper(env.db_path, "UPDATE audit_events SET kind = 'palsu' WHERE seq = 2")
    done = _cli("audit", "verify", "--db", db)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "RUSAK" in done.stdout + done.stderr


# --- exports never carry a formula --------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["=1+1", "+cmd|' /C calc'!A0", "@SUM(A1:A9)", "-2+3", '=HYPERLINK("x")']
)
def test_a_formula_in_a_name_is_inert_in_the_exports(env: Env, name: str) -> None:
    import csv
    import io

    import openpyxl

    from assembly.domain.members import Member

    env.services.register.save(Member("9001", name))
    out_csv, out_xlsx = env.tmp / "anggota.csv", env.tmp / "anggota.xlsx"
    env.services.exporter.export(out_csv)
    env.services.exporter.export(out_xlsx)
    rows = list(csv.reader(io.StringIO(out_csv.read_text("utf-8-sig"), newline="")))
    ours = next(dict(zip(rows[0], r, strict=True)) for r in rows[1:] if r[0] == "9001")
    assert ours["Nama"] == "'" + name
    sheet = openpyxl.load_workbook(out_xlsx).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    cells = next(
        dict(zip(header, r, strict=True))
        for r in sheet.iter_rows(min_row=2)
        if r[0].value == "9001"
    )
    assert cells["Nama"].value == "'" + name and cells["Nama"].data_type == "s"
