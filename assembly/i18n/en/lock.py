"""English texts for the lock that holds (interrupted signing, restores older than a lock, the
signed file kept), backups at signing, and the messages where the disk fails."""

CATALOGUE: dict[str, str] = {
    # --- restoring a backup older than a lock (services/backups.py, cli, dialog) ----------
    'nama rapat yang dikunci sesudah cadangan ini dibuat (mis. "RAT 2025"): konfirmasi '
    "bahwa kuncinya boleh dibatalkan": (
        'name of a meeting locked after this backup was taken (e.g. "RAT 2025"): confirms '
        "that its lock may be undone"
    ),
    "Kunci {meeting} dibatalkan atas konfirmasi; dicatat di log audit.": (
        "The lock of {meeting} was undone as confirmed; recorded in the audit log."
    ),
    "{meeting} sudah ditandatangani dan dikunci di sini; di cadangan {file} rapat ini "
    "{state}.": "{meeting} is signed and locked here; in the backup {file} this meeting is {state}.",
    "Memulihkan cadangan ini membatalkan kunci itu. Bila memang perlu, ketik nama rapat "
    '"{names}" untuk mengonfirmasi (baris perintah: --confirm-meeting "{names}"). Tidak ada '
    "yang dipulihkan.": (
        "Restoring this backup undoes that lock. If it really must be done, type the meeting's "
        'name "{names}" to confirm (command line: --confirm-meeting "{names}"). Nothing was '
        "restored."
    ),
    "belum ada": "not there yet",
    "setelah tanda tangan": "after a signature",
    "rapat dikunci": "meeting locked",
    "Nama rapat untuk konfirmasi": "Meeting name to confirm",
    'Ketik nama rapat "{names}" untuk memulihkan:': 'Type the meeting name "{names}" to restore:',
    "PERHATIAN: cadangan ini dibuat sebelum {meetings} ditandatangani dan dikunci. "
    "Memulihkannya membatalkan kunci itu; pemulihan dicatat di log audit.": (
        "WARNING: this backup was taken before {meetings} was signed and locked. Restoring it "
        "undoes that lock; the restore is recorded in the audit log."
    ),
    # --- an interrupted last signature (services/lock_recovery.py, cli/signing.py) --------
    "Rapat {id} sudah dikunci dengan berkas ini ({path}); tidak ada yang perlu "
    "ditandatangani lagi.": (
        "Meeting {id} is already locked with this file ({path}); nothing is left to sign."
    ),
    "Penandatanganan berita acara {meeting} terputus dan berkas {path} tidak ditemukan. Bila "
    "berkas bertanda tangan lengkap ada di tempat lain, jalankan `sign --meeting` dengan "
    "berkas itu atau pilih berkas itu di halaman Tanda Tangan; bila tidak, ekspor ulang "
    "berita acara dan tandatangani lagi.": (
        "The signing of the minutes of {meeting} was interrupted and the file {path} is not "
        "found. If the fully signed file is elsewhere, run `sign --meeting` with that file or "
        "choose it on the Signing page; if not, export the minutes again and sign them again."
    ),
    "Penandatanganan berita acara {meeting} terputus; berkas {path} tidak dapat dipakai "
    "untuk mengunci rapat: {reason}. Ekspor ulang berita acara dan tandatangani lagi.": (
        "The signing of the minutes of {meeting} was interrupted; the file {path} cannot be "
        "used to lock the meeting: {reason}. Export the minutes again and sign them again."
    ),
    "Penandatanganan terakhir berita acara {meeting} sempat terputus. Berkas {path} sudah "
    "bertanda tangan lengkap dan sah; penguncian rapat kini diselesaikan dari berkas itu.": (
        "The last signature on the minutes of {meeting} was interrupted. The file {path} is "
        "fully and validly signed; the meeting's lock has now been completed from that file."
    ),
    "ada tanda tangan yang tidak lagi sah (berkas berubah)": (
        "a signature is no longer valid (the file changed)"
    ),
    # --- the signed file kept at the lock (services/minutes.py) ---------------------------
    "Rapat ini sudah dikunci dan berita acaranya tidak boleh dibuat ulang. Pakai berkas "
    "bertanda tangan yang tercatat ({file}, SHA-256 {sha}).": (
        "This meeting is locked and its minutes may not be produced again. Use the recorded "
        "signed file ({file}, SHA-256 {sha})."
    ),
    # --- the disk (domain/disk.py, persistence/database.py, services/files.py) ------------
    "berkas melebihi ukuran yang diizinkan di disk ini": (
        "the file exceeds the size allowed on this disk"
    ),
    "Basis data {path} hanya dapat dibaca (berkas, folder atau disknya tidak boleh "
    "ditulis); perubahan tidak disimpan. Melihat, memeriksa dan mengekspor tetap dapat; "
    "untuk mencatat, salin berkasnya ke folder yang dapat ditulis.": (
        "The database {path} is read-only (its file, folder or disk may not be written); the "
        "change was not saved. Viewing, checking and exporting still work; to record, copy "
        "the file to a folder that can be written."
    ),
    "Catatan ini tidak disimpan: {detail} ({folder}). Tidak ada yang berubah. Kosongkan "
    "ruang di disk itu lalu ulangi; rapat dapat dilanjutkan.": (
        "This entry was not saved: {detail} ({folder}). Nothing changed. Free some space on "
        "that disk and try again; the meeting can go on."
    ),
    "Berkas {path} hanya dapat dibaca dan dibuat oleh versi Kuorum yang lebih lama; salin ke "
    "folder yang dapat ditulis agar dapat diperbarui.": (
        "The file {path} is read-only and was made by an older version of Kuorum; copy it to "
        "a folder that can be written so it can be updated."
    ),
    "Berkas {path} tidak dapat dibuka sekarang: {detail}. Berkasnya tidak rusak; perbaiki "
    "lalu buka lagi.": (
        "The file {path} cannot be opened now: {detail}. The file is not damaged; fix this and "
        "open it again."
    ),
    "Berkas {path} tidak dapat ditulis: {detail}. Tidak ada yang ditulis; perbaiki lalu ulangi.": (
        "The file {path} cannot be written: {detail}. Nothing was written; fix this and try again."
    ),
    "Basis data {path} dibuka hanya-baca: berkas, folder atau disknya tidak boleh ditulis. "
    "Melihat, memeriksa dan mengekspor dapat; mencatat tidak.": (
        "The database {path} was opened read-only: its file, folder or disk may not be "
        "written. Viewing, checking and exporting work; recording does not."
    ),
    "Berkas bertanda tangan yang disimpan untuk rapat ini tidak cocok dengan SHA-256 yang "
    "tercatat saat penguncian ({sha}); basis data telah diubah. Pakai berkas bertanda tangan "
    "asli atau cadangan, dan periksa dengan `audit verify`.": (
        "The signed file kept for this meeting does not match the SHA-256 recorded at the lock "
        "({sha}); the database has been changed. Use the original signed file or a backup, and "
        "check with `audit verify`."
    ),
}
