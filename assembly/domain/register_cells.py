"""What each cell of a member register says: text as Excel shows it (whole numbers without
".0", zero-padded member numbers), dates in every common Indonesian and English spelling, status
and category words, L/P, arrears and the NIK. Pure rules over plain values.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re

from assembly.domain.members import Category, Sex, Status
from assembly.i18n import tr


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
    if isinstance(value, str) and len(value) == 10 and value[2] in "/-." and value[5] == value[2]:
        # The common spelling, 23/11/2026 or 23-11-2026, read without a pattern.
        digits = value[:2] + value[3:5] + value[6:]
        if digits.isdecimal():  # what int() reads, as the pattern's \d
            return _calendar(value, int(digits[4:]), int(digits[2:4]), int(digits[:2]))
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
    if isinstance(value, str) and value.isdigit():  # the common case: already plain digits
        return value
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


def plain_text(value: object) -> str:
    """A text cell with its runs of blanks made single."""
    if value.__class__ is str:  # already trimmed by the row reader
        return " ".join(value.split())
    return " ".join(cell_text(value).split())


def _birth_date(value: object) -> dt.date | None:
    # "Tempat, tgl lahir": "Bandung, 12-05-1970".
    if isinstance(value, str) and "," in value:
        value = value.rsplit(",", 1)[1]
    return parse_date(value)


# Each field's reader of one cell.
PARSERS = {
    "number": plain_text,
    "name": plain_text,
    "nik": parse_nik,
    "sex": parse_sex,
    "birth_date": _birth_date,
    "address": plain_text,
    "phone": plain_text,
    "joined_on": parse_date,
    "category": parse_category,
    "status": parse_status,
    "exit_date": parse_date,
    "exit_reason": plain_text,
    "arrears": parse_arrears,
}
