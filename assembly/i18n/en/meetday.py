"""English texts of the meeting day (issue 12, points 6, 7, 9 and 11): the meeting form's
signers, the selectors that tell meetings apart, times in the cooperative's zone, the desk and
signing texts."""

CATALOGUE: dict[str, str] = {
    # meetings told apart in every selector
    "{kind} — {title}, {when}": "{kind} — {title}, {when}",
    "{date} pukul {time} {zone}": "{date} at {time} {zone}",
    "{text}, No. {number}": "{text}, No. {number}",
    # who signs the berita acara
    "Ketua rapat": "Meeting chair",
    "Sekretaris rapat": "Meeting secretary",
    "Saksi rapat 1": "Meeting witness 1",
    "Saksi rapat 2": "Meeting witness 2",
    "Peran penanda tangan {role} tidak dikenal": "Unknown signing role {role}",
    "Penanda tangan berita acara": "Signers of the minutes",
    "\u201cMengetahui\u201d wajib menandatangani: isi namanya": "\u201cAcknowledged by\u201d must "
    "sign: fill in the name",
    "{role} wajib menandatangani, tetapi baru {n} saksi yang diisi": "{role} must sign, but "
    "only {n} witness(es) are filled in",
    "Wajib menandatangani berita acara": "Must sign the minutes",
    "Selalu wajib menandatangani berita acara": "Always must sign the minutes",
    "Wajib menandatangani berita acara: {roles}": "Must sign the minutes: {roles}",
    "saksi yang namanya tercantum": "the witnesses named",
    # the desk and the pages, at 1200 px
    "Pindai kartu atau ketik nomor": "Scan a card or type a number",
    "Siap. Pindai kartu atau ketik nomor anggota lalu Enter, atau ketik nama.": "Ready. Scan a "
    "card or type a member number and press Enter, or type a name.",
    "Kuorum dihitung setelah pendaftaran hadir dibuka.": "Quorum is counted once check-in opens.",
    "Pilih rapat lebih dahulu.": "Choose a meeting first.",
}
