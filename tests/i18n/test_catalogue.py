"""One translation mechanism, GNU gettext: every text the code marks has an English entry with
the same placeholders, the catalogues are valid for msgfmt (and so for Poedit), a key is used
one way only, counts take the English plural, and a leftover dictionary module folds into
en.po."""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from assembly.i18n import LOCALE, set_language, tr, translator, trc, trn
from assembly.i18n.checks import (
    Marked,
    conflicting_uses,
    marked,
    missing,
    placeholder_mismatches,
)
from assembly.i18n.compile import compile_all
from assembly.i18n.extract import run

ENGLISH = LOCALE / "en.po"
CATALOGUES = sorted(LOCALE.glob("*.po"))


def english():  # type: ignore[no-untyped-def]
    with ENGLISH.open("rb") as f:
        return read_po(f)


def test_every_text_in_the_code_has_an_english_entry() -> None:
    gaps = missing(marked(), english())
    assert not gaps, "no English for (run python -m assembly.i18n.extract):\n" + "\n".join(gaps)


def test_a_text_missing_from_the_catalogue_is_found(tmp_path: Path) -> None:
    (tmp_path / "screen.py").write_text('tr("Teks yang belum diterjemahkan")\n', encoding="utf-8")
    gaps = missing(marked(tmp_path), english())
    assert gaps == [f"{tmp_path.name}/screen.py:1: 'Teks yang belum diterjemahkan'"]


def test_english_keeps_the_placeholders() -> None:
    assert not placeholder_mismatches(english())


def test_a_changed_placeholder_is_found(tmp_path: Path) -> None:
    po = tmp_path / "en.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Anggota {number} tidak ditemukan"\nmsgstr "Member {nomor} not found"\n\n'
        'msgid "{n} orang"\nmsgid_plural "{n} orang"\nmsgstr[0] "one person"\n'
        'msgstr[1] "{n} persons"\n',
        encoding="utf-8",
    )
    with po.open("rb") as f:
        wrong = placeholder_mismatches(read_po(f))
    assert wrong == [
        "'Anggota {number} tidak ditemukan' -> 'Member {nomor} not found'",
        "'{n} orang' -> 'one person'",
    ]


def test_the_code_uses_each_key_one_way() -> None:
    assert not conflicting_uses(marked())


def test_a_key_used_as_a_count_and_as_a_plain_text_is_found() -> None:
    texts = [
        Marked(None, "{n} suara", None, "a.py:1"),
        Marked(None, "{n} suara", "{n} suara", "b.py:2"),
        Marked("kolom", "{n} suara", "{n} suara", "c.py:3"),  # another meaning: no clash
    ]
    assert conflicting_uses(texts) == [
        "b.py:2: '{n} suara' is used with plural '{n} suara', and at a.py:1 with None"
    ]


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: p.name)
def test_msgfmt_accepts_every_catalogue(po: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_msgfmt_refuses_a_duplicate_and_a_conflicting_entry(tmp_path: Path) -> None:
    po = tmp_path / "en.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Jenis"\nmsgstr "Type"\n\nmsgid "Jenis"\nmsgstr "Kind"\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        ["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(po)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode != 0
    assert "duplicate message definition" in done.stderr


def test_a_word_with_two_meanings_has_one_english_for_each() -> None:
    en = translator("en")
    assert en.tr("Pemeriksaan ulang kuorum") == "Quorum re-check"
    assert en.trc("kolom profil AD", "Pemeriksaan ulang kuorum") == "Quorum re-checks"
    assert trc("kolom profil AD", "Pemeriksaan ulang kuorum") == "Pemeriksaan ulang kuorum"
    # The texts that had two English versions before the catalogues: one each now.
    assert en.tr("Ketua Rapat") == "Chair of the Meeting"
    assert en.tr("Jenis") == "Type"
    assert en.tr("Tanggal lahir") == "Date of birth"
    assert en.tr("Tanggal masuk") == "Date joined"


def test_switching_language_switches_messages_and_back() -> None:
    assert tr("baris {row}", row=3) == "baris 3"
    set_language("en")
    try:
        assert tr("baris {row}", row=3) == "row 3"
    finally:
        set_language("id")
    assert translator("en").tr("kolom {column}", column="NIK") == "column NIK"
    assert tr("kolom {column}", column="NIK") == "kolom NIK"


def test_a_count_takes_the_english_plural_and_stays_uninflected_in_indonesian() -> None:
    assert trn("{n} orang", "{n} orang", 1) == "1 orang"
    assert trn("{n} orang", "{n} orang", 3) == "3 orang"
    en = translator("en")
    assert en.trn("{n} orang", "{n} orang", 1) == "1 person"
    assert en.trn("{n} orang", "{n} orang", 2) == "2 persons"
    assert en.trn("{n} orang", "{n} orang", 0) == "0 persons"
    assert en.trn("{n} anggota", "{n} anggota", 1_250, n="1.250") == "1.250 members"
    assert en.trn("{n} halaman", "{n} halaman", 1) == "1 page"


def test_the_compiled_catalogue_is_what_the_app_reads() -> None:
    """The .mo files are the .po compiled: a standard gettext reader finds the same text."""
    compiled = {path.name for path in compile_all()}
    assert {"en.mo", "qt-id.qm"} <= compiled
    with (LOCALE / "en.mo").open("rb") as f:
        catalogue = gettext.GNUTranslations(f)
    assert catalogue.ngettext("{n} orang", "{n} orang", 1) == "{n} person"
    assert catalogue.pgettext("kolom profil AD", "Pemeriksaan ulang kuorum") == "Quorum re-checks"


SAMPLE = '''"""English texts of a branch merged after the gettext catalogues."""

CATALOGUE: dict[str, str] = {
    "Kartu anggota dicetak": "Member card printed",
    "Jenis": "Kind",
}
PLURALS = {"{n} kartu": ("{n} card", "{n} cards")}
'''


def test_a_leftover_dictionary_module_folds_into_en_po(tmp_path: Path) -> None:
    """What the lead runs after merging branches that still add CATALOGUE dicts."""
    source = tmp_path / "assembly"
    (source / "i18n" / "en").mkdir(parents=True)
    (source / "cards.py").write_text(
        'tr("Kartu anggota dicetak")\ntr("Jenis")\ntrn("{n} kartu", "{n} kartu", 2)\n',
        encoding="utf-8",
    )
    (source / "i18n" / "en" / "__init__.py").write_text("", encoding="utf-8")
    module = source / "i18n" / "en" / "cards.py"
    module.write_text(SAMPLE, encoding="utf-8")
    locale = tmp_path / "locale"
    locale.mkdir()
    shutil.copyfile(ENGLISH, locale / "en.po")

    report = run(source=source, locale_dir=locale, leftovers=source / "i18n" / "en")

    assert report.folded == ["cards.py"]
    assert not (source / "i18n" / "en").exists()
    # "Jenis" already has its English; the module's other wording is reported, not taken.
    assert report.conflicts == ["cards.py: 'Jenis' -> 'Kind'; en.po keeps 'Type'"]
    with (locale / "en.mo").open("rb") as f:
        folded = gettext.GNUTranslations(f)
    assert folded.gettext("Kartu anggota dicetak") == "Member card printed"
    assert folded.gettext("Jenis") == "Type"
    assert folded.ngettext("{n} kartu", "{n} kartu", 1) == "{n} card"
    assert folded.ngettext("{n} kartu", "{n} kartu", 2) == "{n} cards"
    # Only the texts of this (sample) code remain; the template lists exactly them.
    with (locale / "kuorum.pot").open("rb") as f:
        template = read_po(f)
    assert {m.id for m in template if m.id} == {
        "Kartu anggota dicetak",
        "Jenis",
        ("{n} kartu", "{n} kartu"),
    }


def qt_markers(text: str) -> list[str]:
    """Qt's placeholders (%1, %n) and the number of & accelerators in a Qt text."""
    return sorted(re.findall(r"%(?:\d|n)", text)) + ["&"] * len(re.findall(r"&(?!&)", text))


def test_qts_texts_keep_their_placeholders_and_one_accelerator() -> None:
    with (LOCALE / "qt-id.po").open("rb") as f:
        qt = read_po(f)
    wrong = [
        f"{m.context}: {m.id!r} -> {m.string!r}"
        for m in qt
        if m.id and qt_markers(str(m.id)) != qt_markers(str(m.string))
    ]
    assert not wrong
    assert {m.context for m in qt if m.id} >= {"QLineEdit", "QPlatformTheme", "QFileDialog"}
    assert qt_markers("%1 sudah ada.\nGanti &berkas itu?") != qt_markers("%1 already exists.")
