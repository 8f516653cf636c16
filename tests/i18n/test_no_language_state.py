"""The domain holds no language: its values carry their Indonesian source text (a key the
catalogue translates), the import parser reads a file the same whatever the screen's language,
and a document is written in its own language, not the screen's."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

import pytest

from assembly.cli import main
from assembly.domain import (
    ad_profile,
    ad_templates,
    attendance,
    ballots,
    cooperative,
    meeting,
    members,
    proxies,
    quorum_check,
)
from assembly.domain.register_import import parse_row
from assembly.i18n import set_language, translator
from assembly.services.bundle import Services

KEYED: list[type[Enum]] = [
    cls
    for module in (
        ad_profile,
        ad_templates,
        attendance,
        ballots,
        cooperative,
        meeting,
        members,
        proxies,
        quorum_check,
    )
    for cls in vars(module).values()
    if isinstance(cls, type)
    and issubclass(cls, Enum)
    and isinstance(getattr(cls, "key", None), property)
]


def keys() -> dict[Enum, str]:
    return {value: value.key for cls in KEYED for value in cls}  # type: ignore[attr-defined]


def test_domain_values_carry_the_same_keys_in_either_screen_language() -> None:
    assert len(KEYED) >= 18
    indonesian = keys()
    set_language("en")
    english_screen = keys()
    set_language("id")
    assert english_screen == indonesian
    # The keys are the Indonesian source texts; the catalogue has each one's English.
    assert indonesian[members.Status.DECEASED] == "Meninggal dunia"
    assert translator("en").tr(members.Status.DECEASED.key) == "Deceased"
    untranslated = [k for k in indonesian.values() if translator("en").tr(k) == k]
    assert sorted(untranslated) == ["Abstain", "Koperasi Desa/Kelurahan Merah Putih"]  # names


def test_the_import_parser_reads_a_row_the_same_in_either_screen_language() -> None:
    cells = {
        "number": "A-001",
        "name": "Siti Aminah",
        "sex": "P",
        "birth_date": dt.date(1980, 5, 17),
        "status": "Aktif",
        "category": "Calon anggota",
        "arrears": True,
        "address": False,  # a stray check box in a text column
        "exit_date": "bukan tanggal",
    }
    headers = {name: name.upper() for name in cells}
    indonesian = parse_row(7, cells, headers)
    set_language("en")
    english_screen = parse_row(7, cells, headers)
    set_language("id")
    assert english_screen.values == indonesian.values
    assert indonesian.values["arrears"] is True
    assert indonesian.values["address"] == "tidak"
    assert indonesian.values["category"] is members.Category.CANDIDATE
    assert [p.column for p in english_screen.problems] == [p.column for p in indonesian.problems]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--members", "120"]) == 0
    set_language("id")
    return path


@pytest.fixture
def demo(demo_db: Path) -> Iterator[Services]:
    services = Services.open(demo_db, create=False)
    yield services
    services.close()


def words(content: object) -> str:
    return repr(content)


def test_the_berita_acara_is_written_in_its_own_language_not_the_screens(demo: Services) -> None:
    id_on_id = demo.minutes.content(1, "id")
    en_on_id = demo.minutes.content(1, "en")
    set_language("en")
    try:
        id_on_en = demo.minutes.content(1, "id")
        en_on_en = demo.minutes.content(1, "en")
    finally:
        set_language("id")
    assert id_on_en == id_on_id  # an Indonesian berita acara beside an English screen
    assert en_on_id == en_on_en  # an English one beside an Indonesian screen
    english = words(en_on_id)
    assert "MINUTES" in english and "Annual Members' Meeting" in english
    leaks = [
        w
        for w in ("Rapat Anggota", "Hadir langsung", "Ketua Rapat", "Setuju", "orang", "Sabtu")
        if re.search(rf"\b{w}\b", english)
    ]
    assert not leaks
