"""Reading a member register as cooperatives really keep it in Excel: which row holds the
column titles, which column holds which field, and what each cell says (dates in every common
Indonesian and English spelling, status and category words, L/P). Pure rules over plain
values; the service reads the file and compares with the register.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from assembly.domain.errors import Problem
from assembly.domain.members import Category, Member, Sex, Status, validate_member
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
_FIELD_SET = frozenset(FIELDS)
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


# ---- cells -------------------------------------------------------------------------------


class CellError(ValueError):
    """A cell whose content cannot be read as its field; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def cell_text(value: object) -> str:
    """A cell as text: whole numbers without ".0", dates as dd/mm/yyyy, Excel's leading
    apostrophe (text marker) dropped."""
    if value.__class__ is str:  # the common case, first
        text = value.strip()
        return text[1:].strip() if text[:1] == "'" else text
    if value is None:
        return ""
    if isinstance(value, bool):
        # Data, not a message: the same in every screen language (parse_arrears reads it).
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return format_date(value)
    text = str(value).strip()
    return text[1:].strip() if text.startswith("'") else text


_FORMAT_PART = re.compile(r'"([^"]*)"|\\(.)|(\[[^\]]*\])|(0+)|(.)', re.DOTALL)


@functools.lru_cache(maxsize=256)
def _zero_format(number_format: str) -> tuple[str, int, str] | None:
    """(text before, digits, text after) of an Excel number format that pads whole numbers
    with zeros ("00000", '"KSP-"000000', "KSP\\-0000"), else None."""
    section = number_format.split(";", 1)[0]
    before: list[str] = []
    after: list[str] = []
    digits = 0
    for quoted, escaped, bracket, zeros, other in _FORMAT_PART.findall(section):
        literal = quoted or escaped
        if bracket:
            continue  # a locale or colour tag: [$-421], [Red]
        if zeros:
            if digits:
                return None  # "00-00": more than one run of digits
            digits = len(zeros)
        elif literal or other in ("-", "/", " ", "."):
            (after if digits else before).append(literal or other)
        else:
            return None  # "#", ",", "%", "E+", a date or time code: not a padded number
    if digits < 2 and not before and not after:
        return None  # "0" and "General" add nothing
    return ("".join(before), digits, "".join(after)) if digits else None


def padded_number(value: object, number_format: str) -> str | None:
    """A whole number as Excel shows it under a zero-padding format: 123 under "00000" is
    "00123" (a member number typed into a number cell keeps its zeros on screen only); None
    when the format pads nothing."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if (isinstance(value, float) and not value.is_integer()) or value < 0:
        return None
    shape = _zero_format(number_format)
    if shape is None:
        return None
    before, digits, after = shape
    return f"{before}{int(value):0{digits}d}{after}"


def format_date(day: dt.date) -> str:
    """A date as the register writes it: 23/11/2026."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


_MONTH_WORDS: dict[int, tuple[str, ...]] = {
    1: ("januari", "january", "jan"),
    2: ("februari", "pebruari", "february", "feb", "peb"),
    3: ("maret", "march", "mar"),
    4: ("april", "apr"),
    5: ("mei", "may"),
    6: ("juni", "june", "jun"),
    7: ("juli", "july", "jul"),
    8: ("agustus", "august", "agu", "agt", "ags", "aug"),
    9: ("september", "sep", "sept"),
    10: ("oktober", "october", "okt", "oct"),
    11: ("november", "nopember", "nov", "nop"),
    12: ("desember", "december", "des", "dec"),
}
MONTHS = {word: month for month, words in _MONTH_WORDS.items() for word in words}
_WEEKDAY = r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|" \
    r"wednesday|thursday|friday|saturday|sunday),?\s*"  # fmt: skip
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_NUMERIC = re.compile(
    r"(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})(?:\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?"
)
_SHORT_YEAR = re.compile(r"\d{1,2}\s*([/.\-])\s*\d{1,2}\s*\1\s*\d{2}")
_WORDS = re.compile(r"(?:" + _WEEKDAY + r")?(\d{1,2})[\s.\-/]*([a-z']+)\.?[\s.\-/,]*(\d{4})")
_SCIENTIFIC = re.compile(r"\d+([.,]\d+)?[eE]\+?\d+")
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_EXCEL_MAX = 2958465  # 31/12/9999


def from_excel_serial(serial: float) -> dt.date:
    """The date of an Excel serial day number (1 = 01/01/1900, Excel's own 1900 calendar)."""
    if not math.isfinite(serial):  # a NaN or infinity from a hand-made file
        raise CellError(tr("Angka {value} bukan tanggal", value=cell_text(serial)))
    whole = int(serial)
    if whole == 60:  # Excel's 29/02/1900, a day that never was
        raise CellError(tr("Tanggal 29/02/1900 tidak ada di kalender"))
    if not 1 <= whole <= _EXCEL_MAX:
        raise CellError(tr("Angka {value} bukan tanggal", value=cell_text(serial)))
    return _EXCEL_EPOCH + dt.timedelta(days=whole + (1 if whole < 60 else 0))


def parse_date(value: object) -> dt.date | None:
    """A cell as a date: a real Excel date, an Excel serial number, ISO 2026-11-23,
    23/11/2026, 23-11-2026, 23.11.2026, 23 Nov 2026, 23 November 2026 (Indonesian or English
    month names). Day before month, as Indonesia writes dates. Empty is None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise CellError(tr("Isi {value} bukan tanggal", value=cell_text(value)))
    if isinstance(value, int | float):
        return from_excel_serial(value)
    text = cell_text(value)
    if not text or text == "-":
        return None
    lowered = text.casefold()
    if m := _NUMERIC.fullmatch(lowered):  # the common spelling first
        return _calendar(text, int(m[4]), int(m[3]), int(m[1]))
    if m := _ISO.fullmatch(lowered):
        return _calendar(text, int(m[1]), int(m[2]), int(m[3]))
    if m := _WORDS.fullmatch(lowered):
        month = MONTHS.get(m[2].replace("'", ""))
        if month is None:
            raise CellError(tr("Nama bulan \"{word}\" pada {value} tidak dikenal", word=m[2],
                               value=text))  # fmt: skip
        return _calendar(text, int(m[3]), month, int(m[1]))
    if _SERIAL.fullmatch(lowered):
        return from_excel_serial(float(lowered))
    if _SHORT_YEAR.fullmatch(lowered):
        raise CellError(tr("Tahun pada {value} harus ditulis 4 angka", value=text))
    raise CellError(tr("Tanggal {value} tidak dikenali; tulis seperti 23/11/2026", value=text))


def _calendar(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        hint = tr(" (urutan: hari/bulan/tahun)") if 1 <= day <= 12 < month else ""
        raise CellError(
            tr("Tanggal {value} tidak ada di kalender{hint}", value=text, hint=hint)
        ) from None


def _word(value: object) -> str:
    return _words(cell_text(value))


@functools.lru_cache(maxsize=4096)  # a register repeats a few words ("Aktif", "L") a lot
def _words(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


_STATUS_WORDS: dict[str, tuple[Status, Category | None]] = {
    **dict.fromkeys(
        ("aktif", "active", "anggota aktif", "masih aktif"), (Status.ACTIVE, None)
    ),
    **dict.fromkeys(("anggota", "anggota biasa", "biasa"), (Status.ACTIVE, Category.MEMBER)),
    **dict.fromkeys(
        ("keluar", "berhenti", "mengundurkan diri", "undur diri", "mundur", "resign",
         "resigned", "keluar atas permintaan sendiri", "berhenti atas permintaan sendiri"),
        (Status.RESIGNED, None),
    ),
    **dict.fromkeys(
        ("meninggal", "meninggal dunia", "almarhum", "almarhumah", "alm", "almh", "wafat",
         "deceased", "died"),
        (Status.DECEASED, None),
    ),
    **dict.fromkeys(
        ("diberhentikan", "dikeluarkan", "dipecat", "diberhentikan oleh pengurus",
         "pemberhentian", "expelled"),
        (Status.EXPELLED, None),
    ),
    **dict.fromkeys(("calon", "calon anggota"), (Status.ACTIVE, Category.CANDIDATE)),
    **dict.fromkeys(
        ("luar biasa", "anggota luar biasa", "alb"), (Status.ACTIVE, Category.EXTRAORDINARY)
    ),
}  # fmt: skip
_CATEGORY_WORDS: dict[str, Category] = {
    **dict.fromkeys(("anggota", "anggota biasa", "biasa", "anggota penuh", "penuh", "member"),
                    Category.MEMBER),
    **dict.fromkeys(("calon", "calon anggota", "candidate"), Category.CANDIDATE),
    **dict.fromkeys(("luar biasa", "anggota luar biasa", "alb", "extraordinary"),
                    Category.EXTRAORDINARY),
}  # fmt: skip
_SEX_WORDS: dict[str, Sex] = {
    **dict.fromkeys(("l", "lk", "laki laki", "laki", "pria", "male", "m"), Sex.MALE),
    **dict.fromkeys(("p", "pr", "perempuan", "wanita", "female", "f", "w"), Sex.FEMALE),
}
_YES = frozenset({"ya", "y", "ada", "yes", "true", "1", "x", "v", "menunggak"})
_NO = frozenset({"", "tidak", "t", "tidak ada", "no", "n", "false", "0", "lunas", "nihil"})


def parse_status(value: object) -> tuple[Status, Category | None]:
    """A status word, and the category it implies ("calon", "luar biasa")."""
    found = _STATUS_WORDS.get(_word(value))
    if found is None:
        raise CellError(
            tr(
                'Status "{word}" tidak dikenal; pakai Aktif, Keluar, Meninggal, '
                "Diberhentikan, Calon, atau Luar biasa",
                word=cell_text(value),
            )
        )
    return found


def parse_category(value: object) -> Category:
    """A category word: anggota, calon anggota, anggota luar biasa."""
    found = _CATEGORY_WORDS.get(_word(value))
    if found is None:
        raise CellError(
            tr(
                'Kategori "{word}" tidak dikenal; pakai Anggota, Calon, atau Luar biasa',
                word=cell_text(value),
            )
        )
    return found


def parse_sex(value: object) -> Sex:
    """L/P and the words for them."""
    found = _SEX_WORDS.get(_word(value))
    if found is None:
        raise CellError(
            tr('Jenis kelamin "{word}" tidak dikenal; pakai L atau P', word=cell_text(value))
        )
    return found


def parse_arrears(value: object) -> bool:
    """Whether the savings are in arrears: ya/tidak, or an amount owed."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value > 0
    word = _word(value)
    if word in _YES:
        return True
    if word in _NO or word.replace(" ", "") in {"", "0", "00"}:
        return False
    amount = re.sub(r"^rp\s*", "", cell_text(value).casefold()).replace(".", "").replace(",", "")
    if amount.strip().isdigit():
        return int(amount) > 0
    raise CellError(tr("Tunggakan \"{word}\" tidak dikenal; pakai Ya atau Tidak",
                       word=cell_text(value)))  # fmt: skip


def parse_nik(value: object) -> str:
    """The NIK as digits text. A NIK Excel kept as a number (it keeps only 15 digits) or wrote
    as 3,17E+15 is refused: its last digits are lost."""
    if isinstance(value, float) and not value.is_integer():
        raise CellError(tr("NIK tersimpan sebagai angka pecahan di Excel"))
    text = cell_text(value)
    if "e" in text.casefold() and _SCIENTIFIC.fullmatch(text):
        raise CellError(
            tr(
                "NIK tertulis {value}: Excel telah membulatkannya. Format kolom NIK sebagai "
                "Teks dan ketik ulang NIK-nya",
                value=text,
            )
        )
    return text


def _text(value: object) -> str:
    if value.__class__ is str:  # already trimmed by the row reader
        return " ".join(value.split())
    return " ".join(cell_text(value).split())


def _birth_date(value: object) -> dt.date | None:
    # "Tempat, tgl lahir": "Bandung, 12-05-1970".
    if isinstance(value, str) and "," in value:
        value = value.rsplit(",", 1)[1]
    return parse_date(value)


_PARSERS = {
    "number": _text,
    "name": _text,
    "nik": parse_nik,
    "sex": parse_sex,
    "birth_date": _birth_date,
    "address": _text,
    "phone": _text,
    "joined_on": parse_date,
    "category": parse_category,
    "status": parse_status,
    "exit_date": parse_date,
    "exit_reason": _text,
    "arrears": parse_arrears,
}


_BLANKS = frozenset({"", "-", "--", "—", "–"})  # registers write a dash for "none"


@dataclass(frozen=True, slots=True)
class RowValues:
    """What one data row says: the field values of its filled cells, and its problems."""

    row: int
    values: dict[str, object]
    problems: list[Problem]


def parse_row(row: int, cells: Mapping[str, object], headers: Mapping[str, str]) -> RowValues:
    """Read the cells of one data row (field -> raw cell). Empty cells give no value, so an
    import never blanks what the register already holds. ``headers`` (field -> the file's
    column title) name the column of each problem."""
    names = list(cells)
    reader = RowReader({name: i for i, name in enumerate(names)}, headers)
    return reader.read(row, [cells[name] for name in names])


# Fields whose cells repeat a few values ("Aktif", "L", a date): each text is parsed once.
_REPEATING = frozenset({"sex", "status", "category", "arrears", "birth_date", "joined_on",
                        "exit_date"})  # fmt: skip


class RowReader:
    """Reads the data rows of one file: ``where`` gives each field's column index. A text
    seen before in a repeating field is not parsed again (an import reads 100,000 rows)."""

    def __init__(self, where: Mapping[str, int], headers: Mapping[str, str]) -> None:
        self._headers = headers
        self._columns: list[
            tuple[str, int, Callable[[object], object], dict[str, object] | None, bool]
        ] = [
            (name, index, _PARSERS[name], {} if name in _REPEATING else None,
             _PARSERS[name] is _text)
            for name, index in where.items()
        ]  # fmt: skip

    def read(self, row: int, cells: Sequence[object]) -> RowValues:
        """The values and problems of the data row numbered ``row``."""
        values: dict[str, object] = {}
        problems: list[Problem] = []
        for name, index, parse, seen, plain in self._columns:
            raw = cells[index]
            if isinstance(raw, str):  # a CSV's every cell: trimmed once, not per parser
                text = raw.strip()
                if text in _BLANKS:
                    continue
                if text[0] == "'":  # Excel's mark for text
                    text = text[1:].strip()
                    if text in _BLANKS:
                        continue
                if plain:  # number, name, address, phone, reason: the common case
                    # Every blank but " " is unprintable: otherwise only "  " needs joining.
                    if "  " in text or not text.isprintable():
                        text = " ".join(text.split())  # runs of blanks made single
                    values[name] = text
                    continue
                if seen is not None:
                    known = seen.get(text)
                    if known is not None:  # "Aktif", "L", a date read before
                        values[name] = known
                        continue
                raw = text
                parsed = _UNSEEN
            elif raw is None or cell_text(raw) in _BLANKS:
                continue
            else:
                parsed = _UNSEEN
            if parsed is _UNSEEN:
                try:
                    parsed = parse(raw)
                except CellError as exc:
                    parsed = exc
                good = parsed is not None and not isinstance(parsed, CellError) and parsed != ""
                if seen is not None and isinstance(raw, str) and good:
                    seen[raw] = parsed
            if isinstance(parsed, CellError):
                problems.append(Problem(parsed.message, self._headers.get(name, ""), row))
            elif parsed is not None and parsed != "":
                values[name] = parsed
                if name == "nik" and isinstance(raw, int | float) and len(str(parsed)) > 15:
                    problems.append(Problem(
                        tr("NIK tersimpan sebagai angka di Excel, yang hanya menyimpan 15 "
                           "angka; periksa angka terakhirnya"),
                        self._headers.get(name, ""), row, warning=True,
                    ))  # fmt: skip
        status = values.get("status")
        if isinstance(status, tuple):
            implied_category: Category | None
            values["status"], implied_category = status
            if implied_category is not None and "category" not in values:
                values["category"] = implied_category
            if values["status"] is Status.ACTIVE and "exit_date" not in values:
                # A member the file says is active has no exit, whatever the register said.
                values["exit_date"], values["exit_reason"] = None, ""
        return RowValues(row, values, problems)


_UNSEEN = object()


def member_from(values: Mapping[str, object], base: Member | None = None) -> Member:
    """The register entry a row describes: ``base`` (the member already registered under
    that number) with the row's values over it, or a new member."""
    if base is None and "number" in values and "name" in values:
        try:
            return Member(**values)  # type: ignore[arg-type]  # a row's parsed values, typed
        except TypeError:
            pass  # a key that is no field: the general way below
    fields: dict[str, Any] = {k: v for k, v in values.items() if k in _FIELD_SET}
    if base is None:
        return Member(**{"number": "", "name": "", **fields})
    return replace(base, **fields)


def check_member(
    member: Member, row: int, headers: Mapping[str, str], today: dt.date
) -> list[Problem]:
    """The register rules for one row's member (required fields, dates not in the future,
    no exit date for an active member), each placed at the file's row and column. A leaver
    without an exit date is no problem of its row: the preview counts them once."""
    found = validate_member(member, today, exit_unknown_warning=False) + formula_problems(member)
    if not found:
        return []
    by_label = {field_label(name): name for name in FIELDS}
    placed = []
    for problem in found:
        name = by_label.get(problem.column, "")
        column = headers.get(name, "")
        if not column and name == "exit_date":
            column = headers.get("status", "")  # the file has no exit-date column
        column = column or problem.column
        placed.append(Problem(problem.message, column, row, problem.warning))
    return placed


# What a spreadsheet runs as a formula when a cell starts with it (OWASP "CSV injection").
_FORMULA_START = ("=", "@", "+", "-")
_FORMULA_CHARS = frozenset(_FORMULA_START)
_TEXT_FIELDS = ("number", "name", "address", "phone", "exit_reason")


def looks_like_formula(text: str) -> bool:
    """Whether ``text`` would run as a spreadsheet formula: it starts with "=" or "@", or with
    "+"/"-" and carries a call, a cell reference across sheets or a pipe ("+cmd|' /C calc'!A0");
    a phone number "+62 812…" or an address "-" stays plain text."""
    text = text.strip()
    if not text.startswith(_FORMULA_START):
        return False
    return text[0] in "=@" or any(mark in text for mark in "(!|")


def formula_problems(member: Member) -> list[Problem]:
    """A warning for each text field that looks like a spreadsheet formula: it is stored as
    plain text, and exports make it inert (DESIGN.md section 7), but the user should see it."""
    texts = [(name, getattr(member, name, None)) for name in _TEXT_FIELDS]
    for _name, text in texts:  # the common case: one look at each field's first character
        if isinstance(text, str) and text and (text[0] in _FORMULA_CHARS or text[0].isspace()):
            break
    else:
        return []
    return [
        Problem(
            tr(
                "Isian ini tampak seperti rumus spreadsheet ({start}…); disimpan sebagai teks "
                "biasa dan tidak pernah dijalankan",
                start=str(text).strip()[:12],
            ),
            field_label(name),
            warning=True,
        )
        for name, text in texts
        if isinstance(text, str) and looks_like_formula(text)
    ]


def duplicate_problems(
    rows: Sequence[tuple[int, Member]], headers: Mapping[str, str]
) -> list[Problem]:
    """Member numbers that occur twice in the file (case and spaces ignored: "KSP-001" and
    "ksp-001" are one number to a person), and NIKs that occur twice. Two active entries with
    one NIK would give one person two votes (UU 25/1992 Pasal 24(3)) and block; otherwise a
    repeated NIK (a member who left and joined again) is a warning."""
    problems: list[Problem] = []
    first_number: dict[str, int] = {}
    first_nik: dict[str, tuple[int, Member]] = {}
    for row, member in rows:
        key = "".join(member.number.casefold().split())
        if key:
            first = first_number.setdefault(key, row)
            if first != row:
                problems.append(Problem(
                    tr("Nomor {number} sudah dipakai di baris {first}",
                       number=member.number, first=first),
                    headers.get("number", field_label("number")), row,
                ))  # fmt: skip
        if member.nik:
            other_row, other = first_nik.setdefault(member.nik, (row, member))
            if other is not member:
                both_active = member.status is Status.ACTIVE and other.status is Status.ACTIVE
                problems.append(Problem(
                    tr("NIK yang sama ada di baris {first} ({name})",
                       first=other_row, name=other.name),
                    headers.get("nik", field_label("nik")), row, warning=not both_active,
                ))  # fmt: skip
    return problems


def changed_fields(before: Member, after: Member) -> list[str]:
    """The fields whose value differs between two versions of a member (id aside)."""
    return [name for name in FIELDS if getattr(before, name) != getattr(after, name)]


def display_value(name: str, value: object) -> str:
    """A field value as the preview writes it."""
    if value is None or value == "":
        return tr("(kosong)")
    if isinstance(value, Category | Status | Sex):
        return tr(value.key)
    if isinstance(value, bool):
        return tr("Ya") if value else tr("Tidak")
    return cell_text(value)
