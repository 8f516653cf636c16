"""English for the reconciled attendance and the reconciliation check (issue 11, points 1-2).

Counted phrases are worded "label: number" so that the grammar holds for one and for many."""

CATALOGUE: dict[str, str] = {
    # the command line
    "periksa bahwa setiap angka berita acara sesuai dengan catatan rapat": (
        "check that every figure of the minutes agrees with the meeting's records"
    ),
    "periksa juga angka berita acara terhadap lampiran datanya sendiri": (
        "also check the minutes' figures against the data files attached to it"
    ),
    "Angka: {count} tidak sesuai dengan lampiran data berkas ini:": (
        "Figures: {count} do not agree with this file's attached data:"
    ),
    "Angka: {checked} angka sesuai dengan lampiran data berkas ini ({other} angka lain hanya "
    "dapat diperiksa dengan basis data: minutes check).": (
        "Figures: {checked} figures agree with this file's attached data ({other} other "
        "figures can only be checked against the database: minutes check)."
    ),
    "Angka: {error}": "Figures: {error}",
    # the body of the minutes
    "{count} calon anggota": "prospective members: {count}",
    "{count} anggota luar biasa": "associate members: {count}",
    "{count} anggota tanpa hak suara": "members without a vote: {count}",
    "Selain itu hadir {list}, yang tidak diperhitungkan dalam kuorum.": (
        "Also present, not counted towards the quorum: {list}."
    ),
    "Pukul {time} {moves}; hadir {present} orang.": "At {time}, {moves}; present: {present}.",
    "{count} anggota meninggalkan rapat": "members who left the meeting: {count}",
    "{count} anggota kembali ke rapat": "members who returned: {count}",
    "Sebelum rapat ditutup, pemeriksaan angka berita acara menemukan {count} angka yang tidak "
    "sesuai dengan catatan rapat. Rapat tetap ditutup dengan alasan: {reason}": (
        "Before the meeting was closed, the check of the minutes' figures found figures that "
        "do not agree with the meeting's records: {count}. The meeting was closed nonetheless, "
        "for this reason: {reason}"
    ),
    # the Daftar Hadir
    "Jam\nKeluar": "Time\nleft",
    "Jam\nKembali": "Time\nback",
    "Anggota yang diperhitungkan dalam kuorum": "Members counted towards the quorum",
    "Calon anggota {mark}": "Prospective members {mark}",
    "Anggota luar biasa {mark}": "Associate members {mark}",
    "Anggota tanpa hak suara {mark}": "Members without a vote {mark}",
    "Yang bertanda {marks} hadir tetapi tidak diperhitungkan dalam kuorum dan tidak "
    "memberikan suara.": (
        "Those marked {marks} attended but are not counted towards the quorum and do not vote."
    ),
    "Angka yang dinyatakan berita acara, dengan halamannya (JSON)": (
        "The figures the minutes state, with their pages (JSON)"
    ),
    # the check's report
    "{where}, {figure}: berita acara {stated}, hitung ulang {counted}.": (
        "{where}, {figure}: minutes {stated}, recount {counted}."
    ),
    "{count} angka dalam berita acara tidak sesuai dengan catatan:": (
        "Figures of the minutes that do not agree with the records: {count}"
    ),
    "Semua {count} angka dalam berita acara ({pages} halaman) sesuai dengan catatan dan "
    "lampiran datanya.": (
        "All {count} figures of the minutes ({pages} pages) agree with the records and with "
        "its attached data."
    ),
    "Halaman {page} ({place})": "Page {page} ({place})",
    "Bagian {place}": "Part {place}",
    "Tidak dinyatakan dalam berita acara": "Not stated in the minutes",
    "tidak ada": "none",
    "anggota tercatat": "registered members",
    "anggota yang memiliki hak suara": "members with a vote",
    "anggota hadir selama rapat": "members who attended",
    "jumlah seluruhnya di Daftar Hadir": "grand total of the attendance list",
    "hadir saat pemeriksaan kuorum": "present at the quorum check",
    "kuorum minimal": "quorum minimum",
    "dasar perhitungan kuorum": "quorum base",
    "anggota meninggalkan rapat": "members who left the meeting",
    "anggota kembali ke rapat": "members who returned",
    "hadir sesudah anggota keluar/kembali": "present after members left/returned",
    "hadir saat pemungutan suara dibuka": "present when the vote opened",
    "kuorum minimal saat pemungutan suara dibuka": "quorum minimum when the vote opened",
    "yang berhak memberikan suara saat pemungutan suara dibuka": (
        "entitled to vote when the vote opened"
    ),
    "pemilih yang tidak hadir saat pemungutan suara": "voters not present at the vote",
    "suara melebihi yang berhak dan hadir": "votes beyond those present and entitled",
    "hasil menurut aturan": "result under the rule",
    "rekapitulasi: hadir saat dibuka": "summary: present when the vote opened",
    "rekapitulasi: berhak memberikan suara": "summary: entitled to vote",
    "rekapitulasi: yang memberikan suara": "summary: who voted",
    "anggota hadir": "members present",
    "hadir di luar kuorum": "present outside the quorum",
    "perolehan suara": "votes",
    "{count} angka berita acara tidak sesuai dengan catatan rapat. Periksa dahulu, atau "
    "tuliskan alasan menutup rapat; alasan itu dicatat dan dimuat dalam berita acara.": (
        "Figures of the minutes that do not agree with the meeting's records: {count}. Check "
        "them first, or write the reason for closing the meeting; the reason is recorded and "
        "stated in the minutes."
    ),
    # reading a file
    "{path} tidak membawa lampiran data {names}: angka berita acara tidak dapat diperiksa "
    "dari berkas ini saja.": (
        "{path} does not carry the data files {names}: the minutes' figures cannot be "
        "checked from this file alone."
    ),
    "Berkas {path} tidak dapat dibaca: {error}": "File {path} cannot be read: {error}",
    "{path} bukan berkas PDF yang dapat dibaca.": "{path} is not a readable PDF file.",
    "Lampiran data {path} rusak atau tidak dikenal: {error}": (
        "The data files of {path} are damaged or unknown: {error}"
    ),
    # closing
    "{count} angka berita acara tidak sesuai dengan catatan rapat:\n\n{lines}\n\nPeriksa "
    "dahulu (Tinjau berita acara), atau tuliskan alasan menutup rapat sekarang. Alasan itu "
    "dicatat dan dimuat dalam berita acara.": (
        "Figures of the minutes that do not agree with the meeting's records: "
        "{count}\n\n{lines}\n\nCheck them first (Review minutes), or write the reason for "
        "closing the meeting now. The reason is recorded and stated in the minutes."
    ),
    "Tutup rapat dengan alasan": "Close the meeting with a reason",
    "… dan {count} lagi.": "… and {count} more.",
}
