"""The column titles of a member register as cooperatives keep it in Excel: which row holds
them (registers often carry the cooperative's name and a date above), which column holds which
register field, and the rows that repeat the titles or number the columns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from assembly.domain.register_cells import cell_text
from assembly.i18n import tr

# The register fields a file can fill, in the order the import dialog shows them.
FIELDS: tuple[str, ...] = (
    "number",
    "name",
    "nik",
    "sex",
    "birth_date",
    "address",
    "phone",
    "joined_on",
    "category",
    "status",
    "exit_date",
    "exit_reason",
    "arrears",
)
FIELD_SET = frozenset(FIELDS)
REQUIRED: tuple[str, ...] = ("number", "name")
DATE_FIELDS = frozenset({"birth_date", "joined_on", "exit_date"})


def field_label(name: str) -> str:
    """A field's name as the register shows it (the same words ``validate_member`` uses)."""
    return {
        "number": tr("Nomor anggota"),
        "name": tr("Nama"),
        "nik": tr("NIK"),
        "sex": tr("Jenis kelamin"),
        "birth_date": tr("Tanggal lahir"),
        "address": tr("Alamat"),
        "phone": tr("Telepon"),
        "joined_on": tr("Tanggal masuk"),
        "category": tr("Kategori"),
        "status": tr("Status"),
        "exit_date": tr("Tanggal keluar"),
        "exit_reason": tr("Alasan keluar"),
        "arrears": tr("Tunggakan"),
    }[name]


# Column titles seen in cooperatives' registers, after normalise_header().
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "number": (
        "no anggota", "nomor anggota", "no induk", "nomor induk", "no induk anggota",
        "nomor induk anggota", "nia", "no reg", "no registrasi", "nomor registrasi",
        "no register", "kode anggota", "id anggota", "no keanggotaan", "nomor keanggotaan",
        "no ba", "nomor ba", "member no", "member number", "membership number",
    ),
    "name": (
        "nama", "nama lengkap", "nama anggota", "nama lengkap anggota", "nama sesuai ktp",
        "nama lengkap sesuai ktp", "name", "full name",
    ),
    "nik": (
        "nik", "no ktp", "nomor ktp", "no nik", "nik ktp", "ktp", "no ktp nik", "ktp nik",
        "no identitas", "nomor identitas", "nomor induk kependudukan", "id number",
    ),
    "sex": (
        "jenis kelamin", "jns kelamin", "jenis kel", "kelamin", "jk", "l p", "gender", "sex",
    ),
    "birth_date": (
        "tgl lahir", "tanggal lahir", "tempat tgl lahir", "tempat tanggal lahir", "ttl",
        "tempat lahir tgl lahir", "birth date", "date of birth", "dob",
    ),
    "address": (
        "alamat", "alamat lengkap", "alamat rumah", "alamat domisili", "domisili", "address",
    ),
    "phone": (
        "telepon", "telp", "tlp", "no telp", "no telepon", "nomor telepon", "hp", "no hp",
        "nomor hp", "no handphone", "handphone", "no wa", "nomor wa", "whatsapp", "no telp hp",
        "phone", "phone number",
    ),
    "joined_on": (
        "tgl masuk", "tanggal masuk", "tgl daftar", "tanggal daftar", "tgl bergabung",
        "tanggal bergabung", "tgl menjadi anggota", "tanggal menjadi anggota",
        "tgl masuk anggota", "tanggal masuk anggota", "join date", "joined",
    ),
    "category": (
        "kategori", "kategori anggota", "jenis anggota", "jenis keanggotaan", "golongan anggota",
        "category",
    ),
    "status": ("status", "status anggota", "status keanggotaan"),
    "exit_date": (
        "tgl keluar", "tanggal keluar", "tgl berhenti", "tanggal berhenti", "exit date",
    ),
    "exit_reason": (
        "alasan keluar", "alasan", "alasan berhenti", "sebab keluar", "exit reason",
    ),
    "arrears": (
        "tunggakan", "tunggakan simpanan", "tunggakan simpanan wajib", "menunggak", "arrears",
    ),
}  # fmt: skip
_HEADER_FIELD = {synonym: f for f, words in _SYNONYMS.items() for synonym in words}
# Titles that belong to a register's header row but hold nothing Kuorum keeps ("No." is the
# running number of the printed list, not the member number).
_OTHER_TITLES = frozenset(
    {"no", "no urut", "nomor urut", "nomor", "urut", "ket", "keterangan", "tempat lahir",
     "pekerjaan", "agama", "simpanan pokok", "simpanan wajib", "tanda tangan", "paraf"}
)  # fmt: skip
HEADER_SCAN_ROWS = 50


def normalise_header(text: object) -> str:
    """A column title reduced to lowercase words: "No. Anggota" -> "no anggota",
    "Jenis Kelamin (L/P)" -> "jenis kelamin"."""
    value = unicodedata.normalize("NFKC", "" if text is None else str(text)).casefold()
    value = re.sub(r"\(.*?\)", " ", value)
    return " ".join(re.sub(r"[^0-9a-z]+", " ", value).split())


def field_for_header(text: object) -> str | None:
    """The register field a column title names, or None."""
    return _HEADER_FIELD.get(normalise_header(text))


@dataclass(frozen=True)
class HeaderGuess:
    """Where the column titles are: ``index`` into the rows (0-based) and, per field, the
    index of its column."""

    index: int
    columns: dict[str, int]


def detect_header(rows: Sequence[Sequence[object]]) -> HeaderGuess | None:
    """The row among the first few that names the most register fields (at least the name and
    one more): registers often carry the cooperative's name and a date above the titles. A
    row of three or more titles of which only "Nama" is known comes next, so the user can
    match the other columns by hand."""
    best: HeaderGuess | None = None
    fallback: HeaderGuess | None = None
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found: dict[str, int] = {}
        for column, cell in enumerate(row):
            name = field_for_header(cell)
            if name is not None and name not in found:
                found[name] = column
        if "name" not in found:
            continue
        if len(found) >= 2 and (best is None or len(found) > len(best.columns)):
            best = HeaderGuess(index, found)
        elif fallback is None and sum(1 for cell in row if cell_text(cell)) >= 3:
            fallback = HeaderGuess(index, found)
    return best or fallback


def is_header_like(row: Sequence[object]) -> bool:
    """Whether every filled cell of ``row`` is a known column title (a repeated header)."""
    titles = [normalise_header(c) for c in row if cell_text(c)]
    return bool(titles) and all(t in _HEADER_FIELD or t in _OTHER_TITLES for t in titles)


def is_column_numbering(row: Sequence[object]) -> bool:
    """Whether ``row`` is the "1 2 3 …" (or "(1) (2) …") line printed forms put under the
    titles."""
    filled = [(i, cell_text(c).strip("()")) for i, c in enumerate(row) if cell_text(c)]
    return len(filled) >= 3 and all(text == str(i + 1) for i, text in filled)


def column_letter(index: int) -> str:
    """A spreadsheet's letters for the 0-based column ``index``: 0 is "A", 26 is "AA" (the
    letters a user sees above the column; openpyxl is not loaded for this alone)."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
