"""English texts of the chair's console (Keputusan & Pemungutan Suara): the page, the agenda
and ballot panels, the named-vote desk and the consensus, ballot, counted and reason
dialogs."""

CATALOGUE: dict[str, str] = {
    # the page
    "Keputusan & Pemungutan Suara": "Decisions & Voting",
    "&Proyektor (Ctrl+P)": "&Projector (Ctrl+P)",
    "&Mufakat… (Ctrl+M)": "&Consensus… (Ctrl+M)",
    "Mufakat tidak tercapa&i… (Ctrl+T)": "&No consensus… (Ctrl+T)",
    "&Buka pemungutan suara… (Ctrl+B)": "&Open a ballot… (Ctrl+B)",
    "&Tutup (Ctrl+Enter)": "C&lose (Ctrl+Enter)",
    "Bata&lkan…": "Ca&ncel…",
    "&Ulangi pemungutan suara…": "&Re-run the ballot…",
    "Buka pemilihan ulan&g": "Open the run-o&ff",
    "Masukkan &jumlah suara… (Ctrl+J)": "Enter the &counts… (Ctrl+J)",
    "Buka &kios suara rahasia (Ctrl+K)": "Open the secret-ballot &kiosk (Ctrl+K)",
    "Kuorum: {summary} · {state}": "Quorum: {summary} · {state}",
    "Mufakat tidak tercapai": "No consensus",
    "Acara {n}: {title}\nCatatan (boleh kosong), misalnya pendapat yang berbeda:": (
        "Item {n}: {title}\nNote (optional), e.g. the differing views:"
    ),
    "Batalkan pemungutan suara": "Cancel the ballot",
    "Pemungutan suara \u201c{title}\u201d dibatalkan. Alasan (wajib):": (
        "The ballot \u201c{title}\u201d is cancelled. Reason (required):"
    ),
    "Pemungutan suara ulang": "Re-run the ballot",
    "\u201c{title}\u201d dipungut suara ulang. Alasan (wajib):": (
        "\u201c{title}\u201d is voted on again. Reason (required):"
    ),
    "{title}, {date} ({state})": "{title}, {date} ({state})",
    "Belum ada rapat yang dibuka": "No meeting has been opened yet",
    "Buka rapat di halaman Rapat.": "Open a meeting on the Meetings page.",
    "Sedang dibahas: acara {n}. {title}": "Under discussion: item {n}. {title}",
    "Belum ada acara yang dibahas: pilih acara lalu Enter.": (
        "No item under discussion yet: choose an item and press Enter."
    ),
    # the vote desk
    "{name} ({number})": "{name} ({number})",
    "{number} {name}: {what}": "{number} {name}: {what}",
    "Pindai kartu atau ketik nomor anggota lalu Enter": "Scan the card or type the member number, then Enter",
    "Untuk pemberi kua&sa:": "For the &grantor of a proxy:",
    "nomor anggota pemberi kuasa (bila ada)": "the grantor's member number (if any)",
    "Catat pilihan (Enter)": "Record the choice (Enter)",
    "&Nomor anggota:": "&Member number:",
    "{voter}, untuk {grantor}": "{voter}, for {grantor}",
    " (untuk {grantor})": " (for {grantor})",
    "Suara terakhir dicatat:": "Last votes recorded:",
    "Pilih paling banyak {seats} calon dengan angkanya (1–9) atau kotaknya, lalu Enter. "
    "Esc: batal.": (
        "Choose at most {seats} candidates by their number (1–9) or box, then Enter. Esc: cancel."
    ),
    "Tekan 1 setuju · 2 tidak setuju · 3 abstain. Esc: batal.": (
        "Press 1 yes · 2 no · 3 abstain. Esc: cancel."
    ),
    "tidak memilih": "no choice",
    "Pindai kartu atau ketik nomor anggota, lalu Enter.": (
        "Scan the card or type the member number, then Enter."
    ),
    "Tidak ada pemungutan suara per nama yang terbuka.": "No named ballot is open.",
    "Tercatat: {line}": "Recorded: {line}",
    # the agenda and ballot panels
    "Ba&has acara ini (Enter)": "&Take up this item (Enter)",
    "&Acara rapat": "&Agenda",
    "Keputusan yang sudah dicatat": "Decisions recorded",
    "{mode} · dibuka pukul {time} · saat dibuka {present} hadir, minimal {minimum}: {verdict}": (
        "{mode} · opened at {time} · at opening {present} present, at least {minimum}: {verdict}"
    ),
    "kuorum TIDAK tercapai": "quorum NOT reached",
    " · {seats} kursi": " · {seats} seats",
    "\nPemungutan suara ulang: {reason}": "\nRe-run ballot: {reason}",
    "Hasil: {title}": "Result: {title}",
    " · {n} suara melalui kuasa": " · {n} votes by proxy",
    "Tidak ada pemungutan suara yang terbuka.": "No ballot is open.",
    "Pemungutan suara: {title}": "Ballot: {title}",
    "termasuk {n} suara melalui kuasa": "including {n} votes by proxy",
    "Dibatalkan: {title}": "Cancelled: {title}",
    "Alasan: {reason}": "Reason: {reason}",
    "sedang dibahas": "under discussion",
    "selesai {time}": "finished {time}",
    "Suara": "Votes",
    "Pemungutan suara": "Vote",
    "Tidak mufakat": "No consensus",
    "Mufakat": "Consensus",
    # the counted dialog
    "Jumlah suara dihitung": "Counted votes",
    "{title}\n{eligible} anggota berhak suara hadir saat pemungutan suara dibuka.": (
        "{title}\n{eligible} members entitled to vote were present when the ballot opened."
    ),
    "Dengan surat suara ke&rtas": "With &paper ballots",
    "Nama saksi, dipisah koma": "Tellers' names, separated by commas",
    "&Setuju:": "&Yes:",
    "&Tidak setuju:": "&No:",
    "&Abstain:": "&Abstain:",
    "Tidak sa&h:": "In&valid:",
    "K&osong:": "&Blank:",
    "Surat suara &dibagikan:": "Ballots &issued:",
    "Surat suara k&embali:": "Ballots &returned:",
    "Sa&ksi penghitung:": "&Tellers:",
    "Jumlah: {total} dari {eligible}": "Total: {total} of {eligible}",
    # the ballot dialog
    "Buka pemungutan suara": "Open a ballot",
    "Acara {n}: {title}": "Item {n}: {title}",
    "&Usul (setuju / tidak setuju / abstain)": "&Motion (yes / no / abstain)",
    "&Pemilihan calon": "&Election of candidates",
    "Nomor anggota lalu Enter": "Member number, then Enter",
    "&Tambah": "A&dd",
    "Delete menghapus calon yang dipilih": "Delete removes the selected candidate",
    "&Kursi:": "&Seats:",
    "Ca&lon:": "Ca&ndidates:",
    "Jenis:": "Kind:",
    "&Judul:": "&Title:",
    "&Cara:": "M&ode:",
    "Sesuai AD ({mode})": "As the AD says ({mode})",
    "{number} sudah ada dalam daftar calon.": "{number} is already a candidate.",
    # the consensus and reason dialogs
    "Keputusan secara mufakat": "Decision by consensus",
    "Kosongkan bila tidak ada": "Leave empty if there is none",
    "&Yang disepakati:": "&Agreed:",
    "&Catatan keberatan:": "&Dissent noted:",
    "✖ Tuliskan isi keputusan yang disepakati.": "✖ Write down what was agreed.",
    "✖ Alasan wajib diisi.": "✖ A reason is required.",
}
