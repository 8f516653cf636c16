"""English texts of the PostgreSQL persistence (several desks on one LAN)."""

CATALOGUE: dict[str, str] = {
    "Kata sandi atau nama pengguna untuk {where} salah. Periksa kata sandi yang ditunjukkan laptop induk.": "The password or user name for {where} is wrong. Check the password the host laptop shows.",
    "Basis data {database} tidak ada di laptop induk {host}. Periksa alamat yang ditunjukkan laptop induk.": "There is no database {database} on the host laptop {host}. Check the address the host laptop shows.",
    "Laptop induk {host} (port {port}) tidak dapat dihubungi: {detail}. Periksa bahwa laptop induk menyala, Kuorum berjalan di sana, dan komputer ini berada di jaringan yang sama.": "The host laptop {host} (port {port}) cannot be reached: {detail}. Check that the host laptop is on, Kuorum is running there, and this computer is on the same network.",
    "Basis data {where} bukan basis data Kuorum; tidak diubah.": "The database {where} is not a Kuorum database; it was not changed.",
    "Basis data {where} dibuat oleh versi Kuorum yang lebih baru. Perbarui Kuorum di komputer ini untuk membukanya; basis data tidak diubah.": "The database {where} was made by a newer version of Kuorum. Update Kuorum on this computer to open it; the database was not changed.",
    'Basis data {where} masih kosong. Buat koperasinya dulu: python main.py init --db {where} --name "Nama Koperasi", atau buka aplikasinya dan isi profil koperasi.': 'The database {where} is still empty. Create the cooperative first: python main.py init --db {where} --name "Cooperative name", or open the app and fill in the cooperative\'s profile.',
    "Basis data ini ada di laptop induk (PostgreSQL): cadangannya dibuat di laptop induk, yang menyalin seluruh koperasi ke satu berkas SQLite.": "This database is on the host laptop (PostgreSQL): its backups are made on the host laptop, which copies the whole cooperative into one SQLite file.",
    "Basis data {path} sudah berisi koperasi; init tidak pernah menimpanya.": "The database {path} already holds a cooperative; init never overwrites it.",
}
