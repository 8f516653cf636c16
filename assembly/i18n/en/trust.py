CATALOGUE = {
    "Berkas bertanda tangan yang disimpan untuk rapat {id} tidak cocok dengan SHA-256 yang "
    "tercatat saat penguncian ({sha}); basis data telah diubah. Pakai berkas bertanda tangan "
    "asli atau cadangan, dan periksa dengan `audit verify`.": (
        "The signed file kept for meeting {id} does not match the SHA-256 recorded at the lock "
        "({sha}); the database has been changed. Use the original signed file or a backup, and "
        "check with `audit verify`."
    ),
    "berita acara bertanda tangan rapat {id} tidak lagi tersimpan di basis data": (
        "the signed minutes of meeting {id} are no longer kept in the database"
    ),
    "berita acara bertanda tangan rapat {id} yang tersimpan di basis data telah diubah "
    "(SHA-256 {sha}, tercatat saat penguncian {recorded})": (
        "the signed minutes of meeting {id} kept in the database have been changed "
        "(SHA-256 {sha}, recorded at the lock {recorded})"
    ),
    "rapat {id}: masa hadir yang tersimpan tidak sesuai dengan riwayat kehadiran untuk "
    "anggota nomor {numbers}": (
        "meeting {id}: the stays kept do not match the attendance history for member number "
        "{numbers}"
    ),
}
