"""English texts for opening and checking database files."""

CATALOGUE: dict[str, str] = {
    # --- errors: opening a database -------------------------------------------------------
    "Berkas {path} bukan basis data Kuorum.": "The file {path} is not a Kuorum database.",
    "Berkas {path} rusak dan tidak dapat dibuka: {detail}": "The file {path} is damaged and cannot be opened: {detail}",
    "Berkas {path} dibuat oleh versi Kuorum yang lebih baru. Perbarui Kuorum untuk membukanya; berkas tidak diubah.": "The file {path} was made by a newer version of Kuorum. Update Kuorum to open it; the file was not changed.",
    "Berkas {path} tidak dapat dibaca: {detail}": "The file {path} cannot be read: {detail}",
    "Basis data sedang dipakai oleh proses lain. Coba lagi sebentar.": "The database is in use by another process. Try again in a moment.",
    "Rapat ini sudah ditandatangani dan dikunci; tidak ada yang dapat diubah. Perbaikan "
    "dibuat dengan adendum.": (
        "This meeting is signed and locked; nothing can be changed. Corrections are made by an "
        "addendum."
    ),
}
