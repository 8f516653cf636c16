CATALOGUE = {
    (
        "rapat {id}: catatan dokumen {file} (peristiwa audit nomor {seq}) tidak lagi tersimpan "
        "di basis data"
    ): (
        "meeting {id}: the record of document {file} (audit event number {seq}) is no longer "
        "in the database"
    ),
    (
        "rapat {id}: catatan dokumen {file} telah diubah, tidak sesuai dengan peristiwa audit "
        "nomor {seq} ({fields})"
    ): (
        "meeting {id}: the record of document {file} has been changed and no longer matches "
        "audit event number {seq} ({fields})"
    ),
    "jenis dokumen": "document kind",
    "nama berkas": "file name",
    "SHA-256 berita acara yang dirujuk": "SHA-256 of the cited berita acara",
    "penanda tangan": "signers",
}
