"""English for the minutes editor, the berita acara review and the notes service."""

CATALOGUE: dict[str, str] = {
    "Berita acara rapat ini sudah ditandatangani: notulen tidak dapat diubah lagi. Koreksi "
    "dibuat sebagai adendum.": (
        "The minutes of this meeting have been signed: the notes can no longer be changed. "
        "Corrections are made as an addendum."
    ),
    "Notulen dapat ditulis setelah rapat dibuka (status sekarang: {state}).": (
        "Notes can be written once the meeting is opened (now: {state})."
    ),
    "Tinjau berita acara": "Review the minutes",
    "Bahasa Indonesia": "Indonesian",
    "English": "English",
    "A4": "A4",
    "F4 (folio)": "F4 (folio)",
    "Buat ulang (F5)": "Make again (F5)",
    "{pages} halaman": "{pages} pages",
    "Bahasa:": "Language:",
    "Kertas:": "Paper:",
    "Berita acara tidak dapat dibuat.": "The minutes could not be made.",
    "Tinjau berita acara (F7)": "Review the minutes (F7)",
    "Tulis pokok-pokok pembahasan acara ini: siapa menyampaikan apa, tanggapan, usul.": (
        "Write the main points of this item's discussion: who said what, responses, motions."
    ),
    "Belum tersimpan…": "Not saved yet…",
    "Tersimpan pukul {time}": "Saved at {time}",
    "Peristiwa selama acara ini (dicatat otomatis):": "Events during this item (recorded "
    "automatically):",
    "Belum ada rapat yang diselenggarakan": "No meeting has been held yet",
    "Berita acara sudah ditandatangani: notulen tidak dapat diubah lagi.": (
        "The minutes have been signed: the notes can no longer be changed."
    ),
    "Belum ada peristiwa yang tercatat pada acara ini.": "Nothing recorded during this item yet.",
    "Tidak tersimpan: catatan masih di layar.": "Not saved: the notes are still on screen.",
    "▶ {title} (sedang dibahas)": "▶ {title} (under discussion)",
    "Notulen dapat ditulis setelah rapat dibuka.": "Notes can be written once the meeting opens.",
    "Notulen": "Minutes",
}
