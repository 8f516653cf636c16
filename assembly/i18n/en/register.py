"""English for the register as cooperatives keep it, ``init``, quick entry and member numbers
as people say them (branch "register")."""

CATALOGUE: dict[str, str] = {
    # init
    "Koperasi {name} dibuat di {path}.": "Cooperative {name} created in {path}.",
    "Profil AD memakai nilai {source} dan belum dikonfirmasi: periksa terhadap AD koperasi di "
    "halaman Profil Koperasi & AD sebelum rapat pertama.": "The AD profile uses {source} values "
    "and is not confirmed yet: check it against the cooperative's AD on the Cooperative & AD "
    "profile page before the first meeting.",
    "Lanjutkan: python main.py members import BERKAS --db {path}": "Next: python main.py "
    "members import FILE --db {path}",
    "buat berkas koperasi baru": "create a new cooperative file",
    "berkas basis data baru": "the new database file",
    "nama koperasi": "the cooperative's name",
    "nomor badan hukum": "legal entity number",
    "kota/kabupaten": "city/regency",
    "zona waktu (bawaan: WIB)": "time zone (default: WIB)",
    "profil AD awal: {names}, atau berkas Kuorum lain yang profil AD-nya dipakai": "the "
    "starting AD profile: {names}, or another Kuorum file whose AD profile is used",
    "Berkas {path} sudah ada; init tidak pernah menimpa berkas. Pilih nama berkas baru.": "The "
    "file {path} already exists; init never overwrites a file. Choose a new file name.",
    "Berkas templat {path} belum berisi koperasi.": "The template file {path} holds no "
    "cooperative yet.",
    "dari {path}": "from {path}",
    "bawaan": "default",
    "Berkas koperasi {path} tidak ada atau belum berisi koperasi. Buat dulu: python main.py "
    'init --db {path} --name "Nama Koperasi" (atau buka aplikasinya dan isi wizard awal). '
    "Tidak ada yang dibuat.": "The cooperative file {path} does not exist or holds no "
    'cooperative yet. Create it first: python main.py init --db {path} --name "Cooperative '
    'name" (or open the app and fill in the first-start wizard). Nothing was created.',
    # leavers without an exit date
    "Tanggal keluar belum diketahui; lengkapi nanti (anggota ini tidak berhak suara)": "Exit "
    "date not known yet; complete it later (this member has no vote)",
    "{n} anggota keluar/meninggal tanpa tanggal keluar; lengkapi nanti": "{n} members who "
    "left/died without an exit date; complete later",
    "{status}, tanggal keluar belum diketahui": "{status}, exit date not known yet",
    "Keluar tanpa tanggal keluar (lengkapi)": "Left without an exit date (to complete)",
    # member numbers as people say them
    "Nomor {number} cocok dengan beberapa anggota ({numbers}); ketik nomor lengkapnya.": "Number "
    "{number} fits several members ({numbers}); type the full number.",
    # quick entry
    "Simpan && &tambah": "Save && &add another",
    "Simpan, lalu isi anggota berikutnya (Ctrl+Enter)": "Save, then fill in the next member "
    "(Ctrl+Enter)",
    "{number} {name} tersimpan ({n} anggota ditambahkan). Isi anggota berikutnya.": "{number} "
    "{name} saved ({n} members added). Fill in the next member.",
}
