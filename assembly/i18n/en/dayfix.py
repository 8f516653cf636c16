"""English texts of the meeting day's fixes (branch dayfix): a decided agenda item and the
next one offered, the stored vote in the correction form, the struck corrected line, the
elected board in one line, the RAT deadline as a notice, the signers as set."""

CATALOGUE: dict[str, str] = {
    # a decided item on the chair's console
    "Acara \u201c{item}\u201d sudah diputuskan. Untuk memungut suara lagi gunakan "
    "\u201cUlangi pemungutan suara\u201d; atau pilih acara berikutnya lalu Enter.": (
        "Item \u201c{item}\u201d is decided. To vote on it again use \u201cRe-run the "
        "ballot\u201d; or choose the next item and press Enter."
    ),
    "Acara {n} sudah diputuskan. Semua acara sudah diputuskan.": (
        "Item {n} is decided. Every item is decided."
    ),
    "Acara {n} sudah diputuskan. Berikutnya: acara {next}. {title} (Enter untuk membahas)": (
        "Item {n} is decided. Next: item {next}. {title} (Enter to take it up)"
    ),
    "Acara {n} sudah diputuskan; mufakat dan pemungutan suara tidak dapat dicatat lagi atas "
    "acara ini. Pilih acara berikutnya lalu Enter.": (
        "Item {n} is decided; no further consensus or vote can be recorded on it. Choose the "
        "next item and press Enter."
    ),
    "Acara sudah diputuskan": "Item decided",
    "diputuskan": "decided",
    # the correction of a named vote
    "{line} (dikoreksi)": "{line} (corrected)",
    "Suara tercatat:": "Vote recorded:",
    "(isi nomor anggota)": "(enter the member number)",
    # an election's result
    "{title} \u2014 terpilih: {names}": "{title} \u2014 elected: {names}",
    # the meetings page
    "Batas waktu RAT tahun buku {year}: {deadline}, tinggal {n} hari lagi, kurang dari {days} "
    "hari pemberitahuan undangan menurut AD ({source})": (
        "RAT deadline for financial year {year}: {deadline}, {n} days left, less than the "
        "{days} days' notice of the invitation the AD requires ({source})"
    ),
    "Batas waktu RAT tahun buku {year}: {deadline}, {n} hari lagi; rapat ini dijadwalkan "
    "{date} ({source}).": (
        "RAT deadline for financial year {year}: {deadline}, {n} days left; this meeting is "
        "scheduled for {date} ({source})."
    ),
    "{role} ({name})": "{role} ({name})",
    # the berita acara's leaders: the meeting's witnesses are not the vote's tellers
    "Saksi rapat: {names}": "Meeting witnesses: {names}",
}
