"""English for the console branch's new texts (folded into en.po by scripts/i18n.sh)."""

CATALOGUE = {
    "Suara sama untuk kursi terakhir pada \u201c{title}\u201d: buka dahulu pemilihan ulang "
    "(tombol \u201cBuka pemilihan ulang\u201d); sampai itu mufakat tidak dapat dicatat.": (
        "Tie for the last seat in \u201c{title}\u201d: open the run-off first (the \u201cOpen "
        "the run-off\u201d button); until then no consensus can be recorded."
    ),
    "Suara sama untuk kursi terakhir pada \u201c{title}\u201d: tentukan dahulu yang terpilih "
    "(tombol \u201cTentukan suara sama\u201d); sampai itu mufakat tidak dapat dicatat.": (
        "Tie for the last seat in \u201c{title}\u201d: settle who is elected first (the "
        "\u201cSettle the tie\u201d button); until then no consensus can be recorded."
    ),
    "Suara sama untuk kursi terakhir pada \u201c{title}\u201d belum diselesaikan "
    "(pemilihan ulang, undian atau pilihan ketua rapat); sampai itu mufakat tidak dapat "
    "dicatat atas acara ini.": (
        "The tie for the last seat in \u201c{title}\u201d is not settled yet (run-off, lot or "
        "the chair's choice); until then no consensus can be recorded on this item."
    ),
    "Suara sama": "Tie",
    "{method}: acara {title}": "{method}: item {title}",
    "Pendapat berbeda: {dissent}": "Dissenting view: {dissent}",
}
