"""English for the berita acara's elections in full, tellers and witnesses, and the wording a
secretary corrects (issue 11, points 3, 4, 8 and 9)."""

CATALOGUE: dict[str, str] = {
    # results in the document's language (domain/minutes_results.py)
    "{verdict}, {yes} dari {base} {of} ({rule})": "{verdict}, {yes} of {base} {of} ({rule})",
    "ditambah satu (pecahan dibulatkan ke atas)": "plus one (fractions rounded up)",
    "ditambah satu (pecahan dibulatkan ke bawah)": "plus one (fractions rounded down)",
    "{fraction} ditambah satu (pecahan dibulatkan ke atas)": (
        "{fraction} plus one (fractions rounded up)"
    ),
    "{fraction} ditambah satu (pecahan dibulatkan ke bawah)": (
        "{fraction} plus one (fractions rounded down)"
    ),
    "Pasal {n} ayat ({m})": "Article {n}({m})",
    "Pasal {n}": "Article {n}",
    "Perolehan suara: {list}.": "Votes: {list}.",
    "Kursi: {seats}.": "Seats: {seats}.",
    "Terpilih: {names}.": "Elected: {names}.",
    "Suara sama untuk kursi terakhir antara {tied}.": "Tie for the last seat between {tied}.",
    "{office} terpilih: {names}.": "{office} elected: {names}.",
    "Calon": "Candidates",
    # the AD profile's term of office
    " tahun": " years",
    "tidak dicantumkan": "not stated",
    "Masa jabatan pengurus dan pengawas": "Term of office of the board and supervisors",
    "Antara 1 dan 5 tahun": "Between 1 and 5 years",
    "Masa jabatan": "Term of office",
    "Pemilihan {offices}": "Election of the {offices}",
    "Keputusan pemilihan putaran kedua ({method}): {title}.": (
        "Decision of the run-off ({method}): {title}."
    ),
    "{head} Hasil: {result}.": "{head} Result: {result}.",
    "Kursi terakhir diputuskan dengan pemilihan putaran kedua.": (
        "The last seat was put to a run-off."
    ),
    "Kursi terakhir: {how}.": "The last seat: {how}.",
    "Pemilihan ulang: ": "Run-off: ",
    # tellers and witnesses
    "Saksi penghitung suara: {names}.": "Tellers: {names}.",
    "Saksi Rapat: {names}": "Witnesses of the meeting: {names}",
    "Sekretaris Rapat: {name}": "Secretary of the Meeting: {name}",
    "Saksi Rapat {n}": "Meeting Witness {n}",
    # the opening and the closing
    "{time} (dalam undangan pukul {planned})": "{time} (the invitation said {planned})",
    "Pembahasan acara terakhir selesai pukul {end}. Rapat ditutup oleh Ketua Rapat "
    "pukul {time}.": "The last item ended at {end}. The chair closed the meeting at {time}.",
    # writing a large berita acara (progress and cancel)
    "Menyusun berita acara…": "Writing the minutes…",
    "Menyusun berita acara: halaman {n}…": "Writing the minutes: page {n}…",
}

# Counts: the Indonesian source to the English (one, other).
PLURALS: dict[str, tuple[str, str]] = {
    "{office} terpilih periode {period} (masa jabatan {years} tahun, {article} "
    "Anggaran Dasar): {names}.": (
        "{office} elected for {period} (a term of {years} year, {article} of the Articles of "
        "Association): {names}.",
        "{office} elected for {period} (a term of {years} years, {article} of the Articles of "
        "Association): {names}.",
    ),
    "{office} terpilih periode {period} (masa jabatan {years} tahun): {names}.": (
        "{office} elected for {period} (a term of {years} year): {names}.",
        "{office} elected for {period} (a term of {years} years): {names}.",
    ),
    "{count} suara": ("{count} vote", "{count} votes"),
    "Setelah rapat dibuka hadir {count} anggota lagi.": (
        "After the opening {count} more member arrived.",
        "After the opening {count} more members arrived.",
    ),
    "Setelah acara terakhir selesai hadir {count} anggota lagi.": (
        "After the last item {count} more member arrived.",
        "After the last item {count} more members arrived.",
    ),
    "Selama pembahasan acara ini hadir {count} anggota lagi.": (
        "During this item {count} more member arrived.",
        "During this item {count} more members arrived.",
    ),
}
