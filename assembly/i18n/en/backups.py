"""English texts of backups: the service, the dialog, the status bar and ``backup`` commands."""

CATALOGUE: dict[str, str] = {
    # persistence and service
    "disk penuh": "disk full",
    "folder hanya-baca atau tidak boleh ditulis": "folder read-only or not writable",
    "folder tidak ditemukan (flashdisk dicabut?)": "folder not found (USB stick removed?)",
    "kesalahan baca-tulis pada disk": "disk read/write error",
    "bukan basis data Kuorum": "not a Kuorum database",
    "rusak: {detail}": "damaged: {detail}",
    "Basis data saat ini tidak dapat disimpan ke samping ({detail}); tidak ada yang "
    "dipulihkan.": "The current database could not be kept aside ({detail}); nothing was restored.",
    "manual": "manual",
    "setelah keputusan": "after a decision",
    "rapat ditutup": "meeting closed",
    "Folder {path} tidak ada. Pilih folder yang ada.": "Folder {path} does not exist. Choose "
    "an existing folder.",
    "Jumlah cadangan yang disimpan harus 1 sampai {most}.": "The number of backups kept must "
    "be 1 to {most}.",
    "Cadangan tidak dapat ditulis ke {folder}: {detail}. Rapat berjalan terus; ganti atau "
    "periksa flashdisk.": "The backup could not be written to {folder}: {detail}. The meeting "
    "goes on; replace or check the USB stick.",
    "Cadangan lama di {folder} tidak dapat dihapus: {detail}.": "Old backups in {folder} could "
    "not be deleted: {detail}.",
    "Berkas {path} tidak ada.": "File {path} does not exist.",
    # status bar
    "Cadangan terakhir: {name}": "Last backup: {name}",
    "Cadangan gagal: {detail}": "Backup failed: {detail}",
    # dialog
    "Cadangan basis data": "Database backups",
    "&Pilih folder…": "&Choose folder…",
    "&Cadangkan sekarang": "&Back up now",
    "&Folder cadangan": "Backup &folder",
    "&Simpan paling banyak": "&Keep at most",
    "cadangan terbaru basis data ini": "newest backups of this database",
    "&Pulihkan…": "&Restore…",
    "Isi cadangan terpilih": "Contents of the selected backup",
    "Pilih folder cadangan (mis. flashdisk)": "Choose the backup folder (e.g. a USB stick)",
    "Mencadangkan…": "Backing up…",
    "Pulihkan cadangan?": "Restore the backup?",
    "Basis data {path} akan diganti dengan cadangan {name} ({when}). Semua yang dicatat "
    "setelah cadangan itu tidak ada lagi di basis data yang dipulihkan.": "Database {path} "
    "will be replaced by backup {name} ({when}). Everything recorded after that backup will "
    "not be in the restored database.",
    "Berkas saat ini tidak dihapus: disimpan di sampingnya sebagai "
    "{stem}.sebelum-pulih-….sqlite.": "The current file is not deleted: it is kept beside it "
    "as {stem}.sebelum-pulih-….sqlite.",
    "Pulihkan": "Restore",
    "peristiwa audit #{seq}": "audit event #{seq}",
    "{when} (peristiwa audit #{seq})": "{when} (audit event #{seq})",
    "Cadangan dibuat otomatis setelah tiap keputusan dan saat rapat ditutup.": "Backups are "
    "made automatically after each decision and when the meeting closes.",
    "Belum dipilih: cadangan disimpan di disk yang sama dengan basis data. Pilih folder di "
    "flashdisk agar cadangan selamat bila laptop rusak.": "Not chosen yet: backups are kept "
    "on the same disk as the database. Choose a folder on a USB stick so that they survive "
    "a broken laptop.",
    "Folder cadangan: {folder}": "Backup folder: {folder}",
    "Cadangan dibuat: {path}": "Backup made: {path}",
    "Belum ada cadangan di folder ini.": "No backups in this folder yet.",
    "{name} tidak dapat dibaca: {problem}": "{name} cannot be read: {problem}",
    "Koperasi": "Cooperative",
    "Perubahan terakhir": "Last change",
    "Berkas": "File",
    "Versi basis data": "Database version",
    "belum ada rapat": "no meetings yet",
    "Waktu cadangan": "Backup time",
    "Ukuran": "Size",
    "tidak dapat dibaca": "cannot be read",
    "&Cadangan…": "&Backups…",
    # command line
    "Folder cadangan: {folder} (disimpan {keep})": "Backup folder: {folder} ({keep} kept)",
    "Basis data {path} dipulihkan dari {backup}. Berkas sebelumnya disimpan sebagai "
    "{aside}.": "Database {path} restored from {backup}. The previous file was kept as {aside}.",
    "cadangan basis data": "database backups",
    "buat cadangan sekarang": "make a backup now",
    "buat cadangan bila ada keputusan atau rapat ditutup sejak cadangan terakhir": "make a "
    "backup when a decision was recorded or a meeting closed since the last backup",
    "daftar cadangan dan isinya": "list the backups and what they hold",
    "pulihkan basis data dari cadangan": "restore the database from a backup",
    "berkas cadangan": "backup file",
    "pilih folder cadangan (mis. flashdisk)": "choose the backup folder (e.g. a USB stick)",
    "folder yang sudah ada": "an existing folder",
    "jumlah cadangan yang disimpan": "number of backups to keep",
    "Tidak ada keputusan baru sejak cadangan terakhir; tidak ada cadangan dibuat.": "No new "
    "decision since the last backup; no backup made.",
    "Cadangan lama dihapus: {name}": "Old backup deleted: {name}",
    "Belum ada cadangan.": "No backups yet.",
    "{cooperative}: {members} anggota, peristiwa audit terakhir #{seq}": "{cooperative}: "
    "{members} members, last audit event #{seq}",
    "tidak dapat dibaca: {problem}": "cannot be read: {problem}",
}
