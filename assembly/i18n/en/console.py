"""English texts of the chair's console on the day (issue 12, points 4 and 5): why a ballot
cannot open yet, the close confirmation, the correction of a named vote (form, refusals and
the line in the berita acara), the booth that waits for the next ballot and its close button,
and the run-off hint."""

CATALOGUE: dict[str, str] = {
    # opening a ballot
    "Pemungutan suara hanya dapat dibuka selama rapat dibuka (status sekarang: {state}).": (
        "A ballot can only be opened while the meeting is open (state now: {state})."
    ),
    "Belum ada acara yang dibahas: pilih acara pada daftar lalu Enter.": (
        "No agenda item is under discussion: choose an item in the list and press Enter."
    ),
    "Pemungutan suara belum dapat dibuka": "The ballot cannot be opened yet",
    "Catat mufakat tidak tercapai…": "Record that consensus failed…",
    "Suara sama untuk kursi terakhir pada \u201c{title}\u201d: buka dahulu pemilihan ulang di "
    "antara yang bersuara sama (tombol \u201cBuka pemilihan ulang\u201d).": (
        "Tie for the last seat in \u201c{title}\u201d: first open the run-off between the tied "
        "(the \u201cOpen the run-off\u201d button)."
    ),
    # closing
    "Tutup pemungutan suara": "Close the ballot",
    "{voted} dari {eligible} sudah memilih; tutup?": "{voted} of {eligible} have voted; close?",
    "{n} anggota yang berhak belum memberikan suara; sesudah ditutup mereka tidak dapat "
    "memilih lagi.": (
        "{n} entitled members have not voted; once the ballot is closed they can no longer vote."
    ),
    "&Tutup pemungutan suara": "&Close the ballot",
    # correcting a named vote
    "Sebutkan alasan koreksi suara.": "Give the reason for the correction.",
    "Hanya suara pada pemungutan suara terbuka (per nama) yang dapat dikoreksi.": (
        "Only votes of an open (named) ballot can be corrected."
    ),
    "{name} belum memberikan suara; tidak ada yang dikoreksi.": (
        "{name} has not voted; there is nothing to correct."
    ),
    "Pilihan baru sama dengan suara yang tercatat.": "The new choice is the vote already recorded.",
    "{number} {name} dari {old} menjadi {new}, alasan: {reason}": (
        "{number} {name} from {old} to {new}, reason: {reason}"
    ),
    "{n} suara dikoreksi: {list}": "{n} vote(s) corrected: {list}",
    "Koreksi suara": "Correct a vote",
    "Koreksi satu suara yang salah dicatat pada \u201c{title}\u201d.": (
        "Correct one vote recorded wrongly on \u201c{title}\u201d."
    ),
    "nomor anggota yang suaranya dikoreksi": "member number of the vote to correct",
    "misalnya: salah tekan, anggota menyatakan setuju": (
        "e.g. wrong key, the member said in favour"
    ),
    "Simpan koreksi": "Save the correction",
    "&Alasan (wajib):": "&Reason (required):",
    "Pilihan yang &benar:": "The &right choice:",
    "Pilihan yang benar:": "The right choice:",
    "Pilih pilihan yang benar: 1, 2 atau 3.": "Pick the right choice: 1, 2 or 3.",
    "Dikoreksi: {number} {name}: {old} \u2192 {new}": "Corrected: {number} {name}: {old} \u2192 {new}",
    "K&oreksi suara… (Ctrl+R)": "C&orrect a vote… (Ctrl+R)",
    "Pindai kartu atau ketik nomor": "Scan the card or type the number",
    # the booth
    "Tutup bilik suara": "Close the voting booth",
    "Tutup bilik suara ini?": "Close this voting booth?",
    "Pemungutan suara tidak ikut ditutup; ketua menutupnya di konsol.": (
        "The ballot is not closed by this; the chair closes it at the console."
    ),
    "Tutup bilik": "Close the booth",
    "Menunggu pemungutan suara berikutnya": "Waiting for the next ballot",
    "Pemungutan suara sebelumnya sudah ditutup. Bilik ini terbuka lagi sendiri begitu ketua "
    "membuka pemungutan suara berikutnya.": (
        "The previous ballot has been closed. This booth opens again by itself as soon as the "
        "chair opens the next ballot."
    ),
    "Tutup bilik suara (Ctrl+W)": "Close the voting booth (Ctrl+W)",
    "Tidak dapat memberikan suara": "Cannot vote",
}
