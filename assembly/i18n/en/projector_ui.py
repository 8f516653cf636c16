"""English texts of the projector (the hall's screen) and the secret voting booth (kiosk)."""

CATALOGUE: dict[str, str] = {
    # projector
    "Kuorum \u2014 Layar rapat": "Kuorum \u2014 Hall screen",
    "Hadir {present} dari {base} \u2014 kuorum {minimum} {verdict}": (
        "Present {present} of {base} \u2014 quorum {minimum} {verdict}"
    ),
    "tercapai": "reached",
    "belum tercapai": "not yet reached",
    "Acara {position}: {title}": "Item {position}: {title}",
    "Pemungutan suara terbuka": "Open (named) vote",
    "Pemungutan suara dihitung": "Counted vote",
    "Pemungutan suara rahasia": "Secret ballot",
    "termasuk {n} melalui surat kuasa": "including {n} by proxy",
    "termasuk {n} suara melalui surat kuasa": "including {n} votes by proxy",
    "Aturan: {rule}": "Rule: {rule}",
    # kiosk
    "Kuorum \u2014 Bilik suara": "Kuorum \u2014 Voting booth",
    "Pindai kartu atau ketik nomor anggota": "Scan a card or type a member number",
    "Memberikan suara untuk pemberi kuasa": "Voting for a proxy grantor",
    "Nomor anggota pemberi kuasa (sesuai surat kuasa)": (
        "Member number of the grantor (as on the letter of proxy)"
    ),
    "Ketik nomor anggota pemberi kuasa.": "Type the grantor's member number.",
    "Ketik atau pindai nomor anggota.": "Type or scan a member number.",
    "Nomor anggota {number} tidak ditemukan.": "Member number {number} not found.",
    "Pemungutan suara ini sudah ditutup atau dibatalkan.": (
        "This ballot has been closed or cancelled."
    ),
    "Surat suara untuk {name}": "Ballot for {name}",
    "{holder} memberikan suara untuk {grantor}": "{holder} votes for {grantor}",
    "Tekan nomor calon untuk memilih, paling banyak {seats}; lalu Enter. Esc untuk kembali.": (
        "Press a candidate's number to choose, at most {seats}; then Enter. Esc to go back."
    ),
    "Tekan 1, 2 atau 3; lalu Enter. Esc untuk kembali.": (
        "Press 1, 2 or 3; then Enter. Esc to go back."
    ),
    "Pilihan Anda: {choice}": "Your choice: {choice}",
    "Pilihan Anda: {names}": "Your choice: {names}",
    "Pilih paling banyak {seats} calon.": "Choose at most {seats} candidates.",
    "Pilih dahulu: tekan 1, 2 atau 3.": "Choose first: press 1, 2 or 3.",
    "Belum ada calon dipilih. Tekan Enter sekali lagi untuk surat suara kosong.": (
        "No candidate chosen. Press Enter once more to cast a blank ballot."
    ),
    "Konfirmasi (Enter)": "Confirm (Enter)",
    "Kembali (Esc)": "Back (Esc)",
    "Terima kasih, suara Anda sudah tercatat": "Thank you, your vote has been recorded",
    "Suara tidak dicatat": "Vote not recorded",
    "Tekan tombol apa saja untuk kembali.": "Press any key to go back.",
}
