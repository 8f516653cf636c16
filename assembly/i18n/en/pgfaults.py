"""English for the texts of branch pgfaults (folded into en.po by scripts/i18n.sh)."""

CATALOGUE = {
    "tidak ada server laptop induk yang berjalan di alamat dan port itu": "no host laptop "
    "server is running at that address and port",
    "tidak ada jawaban dalam {seconds} detik": "no answer within {seconds} seconds",
    "komputer itu tidak terjangkau dari jaringan ini": "that computer cannot be reached from "
    "this network",
    "nama komputer itu tidak dikenal di jaringan ini": "that computer's name is not known on "
    "this network",
    "server laptop induk memutus sambungan": "the host laptop's server closed the connection",
    "laptop induk tidak menerima komputer ini (di luar jaringan yang diizinkan)": "the host "
    "laptop does not admit this computer (outside the allowed network)",
    "Bila koperasi itu memang yang benar, gabung sekali lewat aplikasinya (Gabung ke laptop "
    "induk) dan terima koperasi itu; sesudahnya perintah ini berjalan.": "If that cooperative "
    "is indeed the right one, join once through the app (Join the host laptop) and accept it; "
    "this command then works.",
    "Cadangan dibuat oleh Kuorum di laptop induk (ke folder cadangannya), bukan di meja ini.": (
        "Backups are made by Kuorum on the host laptop (into its backup folder), not at this desk."
    ),
    "Meja ini bekerja di basis data laptop induk; cadangan dibuat di laptop induk: buka "
    "Berkas → Cadangan di sana, atau jalankan di laptop induk: python main.py backup now "
    "--db STRING-KONEKSI. Tidak ada yang dibuat di meja ini.": "This desk works on the host "
    "laptop's database; backups are made on the host laptop: open File → Backups there, or "
    "run on the host laptop: python main.py backup now --db CONNECTION-STRING. Nothing was "
    "made at this desk.",
    "Basis data ini ada di laptop induk (PostgreSQL); cadangan {file} tidak dipulihkan ke "
    "dalamnya. Cadangan adalah koperasi SQLite utuh: buka berkasnya dengan Berkas → Buka "
    "basis data… (atau --db {file}), atau salin ke laptop induk yang kosong dengan python "
    "main.py host copy-in. Tidak ada yang diubah.": "This database lives on the host laptop "
    "(PostgreSQL); the backup {file} is not restored into it. A backup is a whole SQLite "
    "cooperative: open the file with File → Open database… (or --db {file}), or copy it into "
    "an empty host laptop with python main.py host copy-in. Nothing was changed.",
    "Meja ini bekerja di basis data laptop induk. Cadangan dibuat oleh Kuorum di laptop "
    "induk, otomatis setelah tiap keputusan, saat rapat ditutup dan saat dikunci, ke folder "
    "cadangan laptop induk; buka Berkas → Cadangan di sana.": "This desk works on the host "
    "laptop's database. Backups are made by Kuorum on the host laptop, automatically after "
    "each decision, when the meeting is closed and when it is locked, into the host laptop's "
    "backup folder; open File → Backups there.",
    "Dihentikan pengguna; jalankan lagi: python main.py host start": "Stopped by the user; "
    "start it again: python main.py host start",
    "Dijalankan lagi otomatis saat Kuorum dibuka di laptop ini.": "Started again "
    "automatically when Kuorum is opened on this laptop.",
    "Server laptop induk berhenti (listrik padam atau laptop dinyalakan ulang) dan kini "
    "dijalankan lagi di {address}:{port}. Semua yang sudah dikonfirmasi tetap ada; meja-meja "
    "tersambung lagi sendiri.": "The host laptop's server had stopped (a power cut or a "
    "restart) and now runs again at {address}:{port}. Everything confirmed is still there; "
    "the desks reconnect by themselves.",
    "Tetap berhenti sampai Anda menjalankannya lagi.": "It stays stopped until you start it again.",
    "Cadangan di laptop induk tidak dipulihkan ke dalam basis datanya; buka berkas cadangan "
    "dengan Berkas → Buka basis data…": "On the host laptop a backup is not restored into its "
    "database; open the backup file with File → Open database…",
}
