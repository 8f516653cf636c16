"""English texts for the hostile-input fixes: damaged register files, online lists and a
database in a network folder."""

CATALOGUE: dict[str, str] = {
    # --- register files (services/register_files.py) -------------------------------------
    "Berkas {name} berisi data biner (karakter NUL) pada baris {row}; ini bukan berkas CSV. "
    "Simpan ulang daftar anggota sebagai CSV atau XLSX.": (
        "The file {name} holds binary data (a NUL character) on row {row}; it is not a CSV "
        "file. Save the member list again as CSV or XLSX."
    ),
    "Berkas CSV {name} tidak dapat dibaca pada baris {row}: {detail}": (
        "The CSV file {name} cannot be read at row {row}: {detail}"
    ),
    "satu sel lebih dari {n} karakter": "a cell is longer than {n} characters",
    'tanda kutip (") dibuka tetapi tidak ditutup': 'a quotation mark (") is opened but never closed',
    'ada teks langsung setelah tanda kutip (") penutup': (
        'there is text right after a closing quotation mark (")'
    ),
    "Berkas {name} mengembang menjadi {size} MB bila dibuka; ini bukan daftar anggota yang "
    "wajar dan tidak dibaca.": (
        "The file {name} would unpack to {size} MB; that is no ordinary member list, and it "
        "was not read."
    ),
    "Lembar {sheet} di berkas {name} rusak dan tidak dapat dibaca: {detail}": (
        "The sheet {sheet} in the file {name} is damaged and cannot be read: {detail}"
    ),
    "Berkas {name} berisi lebih dari {n} baris; Kuorum mengimpor paling banyak {n} baris "
    "sekaligus. Bagi berkasnya menjadi beberapa bagian. Tidak ada yang diubah.": (
        "The file {name} has more than {n} rows; Kuorum imports at most {n} rows at once. "
        "Split the file into parts. Nothing was changed."
    ),
    # --- rows and columns (domain/register_import.py, services/member_import.py) ----------
    "Isian ini tampak seperti rumus spreadsheet ({start}…); disimpan sebagai teks biasa dan "
    "tidak pernah dijalankan": (
        "This entry looks like a spreadsheet formula ({start}…); it is stored as plain text "
        "and never run"
    ),
    "Ada lebih dari satu kolom untuk {field} ({others}); yang dipakai kolom {title}. Pilih "
    "kolomnya sendiri bila keliru": (
        "There is more than one column for {field} ({others}); the column {title} is used. "
        "Choose the column yourself if that is wrong"
    ),
    # --- online attendance (services/attendance_import.py) --------------------------------
    "Berkas {name} bukan daftar CSV yang dapat dibaca ({detail}); tidak ada yang dicatat.": (
        "The file {name} is not a readable CSV list ({detail}); nothing was recorded."
    ),
    # --- a database in a network folder (persistence/database.py) -------------------------
    "Berkas {path} berada di folder jaringan ({kind}). Kuorum tidak membuka basis data lewat "
    "jaringan karena dua komputer dapat saling menimpa catatan; salin berkasnya ke disk "
    "komputer ini, atau pakai satu komputer dengan beberapa meja.": (
        "The file {path} is in a network folder ({kind}). Kuorum does not open a database over "
        "a network because two computers could overwrite each other's records; copy the file "
        "to this computer's disk, or use one computer with several desks."
    ),
}
