"""English texts of the register export, the Buku Daftar Anggota PDF, the shared page layout
and the demo cooperative."""

CATALOGUE: dict[str, str] = {
    # months, as documents write dates (pdf/layout.py)
    "Januari": "January",
    "Februari": "February",
    "Maret": "March",
    "April": "April",
    "Mei": "May",
    "Juni": "June",
    "Juli": "July",
    "Agustus": "August",
    "September": "September",
    "Oktober": "October",
    "November": "November",
    "Desember": "December",
    # page layout and letterhead
    "Halaman {page} dari {total}": "Page {page} of {total}",
    "Badan Hukum No. {number}": "Legal entity no. {number}",
    "NIK Koperasi {number}": "Cooperative ID no. {number}",
    # the Buku Daftar Anggota
    "Buku Daftar Anggota": "Member Register",
    "Buku Daftar Anggota {name}": "Member Register of {name}",
    "BUKU DAFTAR ANGGOTA": "MEMBER REGISTER",
    "Keadaan pada {date} · {n} anggota tercatat": "As of {date} · {n} members registered",
    "Buku daftar anggota masih kosong.": "The member register is still empty.",
    "Dicetak {date}": "Printed {date}",
    "No.": "No.",
    "Nomor\nAnggota": "Member\nnumber",
    "Nama": "Name",
    "NIK": "NIK",
    "L/P": "M/F",
    "Alamat": "Address",
    "Tanggal\nMasuk": "Date\njoined",
    "Status": "Status",
    "Keluar\n(tanggal, alasan)": "Left\n(date, reason)",
    "Tanda\nTangan": "Signature",
    # CSV / XLSX export
    "Nomor anggota": "Member number",
    "Jenis kelamin": "Sex",
    "Tanggal lahir": "Date of birth",
    "Telepon": "Phone",
    "Tanggal masuk": "Date joined",
    "Kategori": "Category",
    "Tanggal keluar": "Exit date",
    "Alasan keluar": "Exit reason",
    "Tunggakan": "Arrears",
    "Ya": "Yes",
    "Tidak": "No",
    "Berkas {name}: jenis {ext} tidak dapat dibuat; pilih .csv, .xlsx, atau .pdf": (
        "File {name}: cannot write the {ext} type; choose .csv, .xlsx or .pdf"
    ),
    "(tanpa ekstensi)": "(no extension)",
    "Ukuran kertas {paper} tidak dikenal; pilih A4 atau F4": (
        "Unknown paper size {paper}; choose A4 or F4"
    ),
    "Folder {folder} tidak ada": "The folder {folder} does not exist",
    "Berkas {path} tidak dapat ditulis: {detail}": "The file {path} cannot be written: {detail}",
    "Isi profil koperasi dahulu: kop Buku Daftar Anggota memerlukannya": (
        "Fill in the cooperative's profile first: the register's letterhead needs it"
    ),
    # demo
    "Jumlah anggota harus 1 sampai {n}": "The number of members must be 1 to {n}",
    "Basis data ini sudah berisi koperasi; demo hanya dibuat di berkas baru.": (
        "This database already holds a cooperative; the demo is only made in a new file."
    ),
}
