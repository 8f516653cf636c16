"""Stated figures against a recount: every difference, and every figure one side lacks."""

from __future__ import annotations

from assembly.domain.figures import Figure, Mismatch, compare, on_pages, placed, result_key


def test_compare_lists_differences_and_what_either_side_lacks() -> None:
    stated = [
        *placed([Figure("hadir.jumlah", 645), Figure("hadir.langsung", 581)], "I.2"),
        *placed([Figure("suara.1.hadir", 633)], "III.5", 4),
    ]
    stated = list(on_pages(stated, {"I.2": 1, "III.5.d": 2}))
    found = compare(stated, {"hadir.jumlah": 645, "hadir.langsung": 580, "kuorum.1.hadir": 629})
    assert found == [
        Mismatch("hadir.langsung", 581, 580, "I.2", 1),
        Mismatch("suara.1.hadir", 633, None, "III.5.d", 2),
        Mismatch("kuorum.1.hadir", None, 629),
    ]
    assert compare(stated, {f.key: f.value for f in stated}) == []


def test_a_result_compares_the_same_in_either_language_and_names_the_elected() -> None:
    assert result_key("disetujui", "disetujui: 3 dari 4 suara sah, lebih dari 1/2") == (
        result_key("disetujui", "adopted: 3 of 4 valid votes, more than 1/2")
    )
    assert result_key("disetujui", "disetujui: 1.390 dari 2.569 suara sah") == (
        "disetujui 1390 2569"
    )
    elected = result_key("terpilih", "terpilih: Nining Nurhayati (318)")
    assert elected == "terpilih Nining Nurhayati 318"
    assert elected != result_key("terpilih", "terpilih: Ratna Susanti (318)")
