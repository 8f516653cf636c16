"""English for the berita acara's vote annexes, embedded data files and the reporting pack."""

CATALOGUE: dict[str, str] = {
    # the annexes
    "LAMPIRAN {n}": "ANNEX {n}",
    "Rekapitulasi Hasil Pemungutan Suara": "Summary of Voting Results",
    "Daftar Suara Terbuka": "Record of Open Votes",
    "Daftar Surat Kuasa": "List of Proxies",
    "Acara dan pokok yang diputuskan": "Agenda item and matter decided",
    "Kehadiran saat dibuka": "Attendance when opened",
    "Perolehan suara": "Votes",
    "Aturan": "Rule",
    "Hasil": "Result",
    "Pilihan": "Choice",
    "Keterangan": "Remarks",
    "hadir: {n}": "present: {n}",
    "berhak: {n}": "entitled: {n}",
    "memilih: {n}": "voted: {n}",
    "melalui kuasa: {holder}": "by proxy: {holder}",
    "Pemungutan suara No. {n}: {item}": "Ballot No. {n}: {item}",
    "{subject}. Perolehan: {counts}; {voted} suara, {proxy} di antaranya melalui kuasa.": (
        "{subject}. Votes: {counts}; {voted} votes, {proxy} of them by proxy."
    ),
    "Pilihan setiap anggota pada pemungutan suara terbuka (per nama). Pemungutan suara "
    "rahasia tidak dicantumkan: pilihan di sana tidak tercatat atas nama siapa pun.": (
        "Each member's choice in open (named) ballots. Secret ballots are not listed: their "
        "choices are not recorded against anyone's name."
    ),
    "Tidak ada suara yang tercatat.": "No votes were recorded.",
    "Kehadiran saat dibuka: anggota yang hadir dan yang berhak memberikan suara ketika "
    "pemungutan suara dibuka (pemeriksaan kuorum ulang); memilih: yang memberikan suara.": (
        "Attendance when opened: members present and members entitled to vote when the ballot "
        "opened (the quorum re-check); voted: those who cast a vote."
    ),
    "Cara dihitung: angkat tangan atau kertas suara, dihitung bersama saksi penghitung "
    "suara; suara kosong dihitung tidak sah.": (
        "Counted: show of hands or paper ballots, counted with tellers; blank papers count "
        "as invalid."
    ),
    "Pada pemungutan suara rahasia hanya jumlah suara dan jumlah anggota yang memberikan "
    "suara yang dicatat; pilihan tidak terhubung dengan nama.": (
        "In secret ballots only the totals and the number of members who voted are recorded; "
        "choices are not linked to names."
    ),
    "Gugur: pemberi kuasa kemudian hadir sendiri, sehingga kuasanya tidak lagi berlaku. "
    "Pemegang kuasa memberikan suara pemberi kuasa secara terpisah dari suaranya sendiri.": (
        "Lapsed: the grantor later attended in person, so the proxy no longer applied. The "
        "holder casts the grantor's vote separately from their own."
    ),
    "Dibatalkan: {reason}": "Cancelled: {reason}",
    "Dihitung": "Counted",
    "Pemilihan putaran kedua dari No. {n}": "Run-off of No. {n}",
    "Pemungutan suara ulang atas No. {n}": "Re-vote of No. {n}",
    "Kuorum tidak tercapai saat dibuka": "No quorum when opened",
    "Belum ditutup": "Not closed yet",
    "Gugur": "Lapsed",
    "Kosong": "Blank",
    # embedded files
    "Daftar hadir rapat (CSV)": "Attendance list of the meeting (CSV)",
    "Data pemungutan suara: cuplikan kuorum, perolehan, suara terbuka (JSON)": (
        "Voting data: quorum snapshots, tallies, open votes (JSON)"
    ),
    "Ringkasan keputusan (CSV)": "Summary of decisions (CSV)",
    # the reporting pack
    "PAKET LAPORAN RAPAT ANGGOTA": "MEMBERS' MEETING REPORTING PACK",
    "Nomor berita acara: {number}": "Minutes number: {number}",
    "Dibuat oleh Kuorum pada {when}.": "Made by Kuorum on {when}.",
    "Isi paket:": "Contents:",
    "Berita acara rapat yang telah ditandatangani secara elektronik (tanda tangan "
    "diperiksa: sah dan utuh).": (
        "The minutes of the meeting, electronically signed (signatures checked: valid and intact)."
    ),
    "Berita acara rapat, BELUM ditandatangani. Bukan dokumen resmi sebelum ditandatangani "
    "pimpinan rapat.": (
        "The minutes of the meeting, NOT signed yet. Not an official document until the "
        "meeting's leaders sign it."
    ),
    "Daftar hadir rapat.": "Attendance list of the meeting.",
    "Ringkasan keputusan per acara: cara, perolehan suara, kehadiran saat pemungutan "
    "suara, aturan dan hasil (CSV, UTF-8, koma).": (
        "Summary of decisions per agenda item: method, votes, attendance at the vote, rule "
        "and result (CSV, UTF-8, comma)."
    ),
    "Periksa keutuhan setiap berkas dengan membandingkan nilai SHA-256 di atas.": (
        "Check each file's integrity by comparing its SHA-256 above."
    ),
    "Tanda tangan elektronik dapat diperiksa dengan: python main.py verify BERKAS.pdf": (
        "The electronic signatures can be checked with: python main.py verify FILE.pdf"
    ),
    "Folder {folder} sudah berisi berkas; pilih folder baru atau yang masih kosong.": (
        "Folder {folder} already holds files; choose a new or empty folder."
    ),
    "Berita acara {path} tidak lolos pemeriksaan tanda tangan: {summary} Paket laporan "
    "tidak dibuat.": (
        "The minutes {path} failed the signature check: {summary} No reporting pack was made."
    ),
    "Berkas {path} berubah saat disalin; ulangi.": (
        "File {path} changed while it was copied; try again."
    ),
    "Paket laporan ditulis ke {path}:": "Reporting pack written to {path}:",
    "Catatan: berita acara dalam paket ini belum ditandatangani.": (
        "Note: the minutes in this pack are not signed yet."
    ),
    "tulis paket laporan: berita acara, daftar hadir dan ringkasan keputusan": (
        "write the reporting pack: minutes, attendance list and summary of decisions"
    ),
    "folder paket (baru atau masih kosong)": "the pack's folder (new or empty)",
    "berita acara yang sudah ditandatangani (PDF); tanpa ini dibuat yang belum": (
        "the signed minutes (PDF); without it unsigned minutes are written"
    ),
    # the dialog
    "Paket laporan": "Reporting pack",
    "Paket laporan…": "Reporting pack…",
    "Paket laporan untuk sistem kementerian: berita acara, daftar hadir dan ringkasan "
    "keputusan (keputusan.csv), dengan README berisi SHA-256 setiap berkas. Pilih berita "
    "acara yang sudah ditandatangani bila ada; tanpa itu paket memuat berita acara yang "
    "belum ditandatangani.": (
        "The reporting pack for the ministry's systems: minutes, attendance list and summary "
        "of decisions (keputusan.csv), with a README giving each file's SHA-256. Choose the "
        "signed minutes if there are any; without them the pack holds unsigned minutes."
    ),
    "kosong: berita acara belum ditandatangani": "empty: unsigned minutes",
    "Pilih &folder…": "Choose &folder…",
    "Pilih &PDF…": "Choose &PDF…",
    "Folder &paket:": "&Pack folder:",
    "Berita acara &bertanda tangan:": "&Signed minutes:",
    "&Buat paket": "&Make pack",
    "Folder tempat paket dibuat": "Folder to make the pack in",
    "Berita acara bertanda tangan": "Signed minutes",
    "Berkas {path} bukan berita acara bertanda tangan yang tercatat untuk rapat ini "
    "(SHA-256 {sha}). Paket laporan tidak dibuat.": (
        "{path} is not the signed berita acara recorded for this meeting (SHA-256 {sha}). No "
        "reporting pack was written."
    ),
}
