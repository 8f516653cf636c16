"""English for the signing page, its dialogs, minutes signing, the lock and addenda."""

CATALOGUE: dict[str, str] = {
    "Berkas {path} bukan berita acara rapat ini (nomor {number}); ekspor berita acara rapat "
    "ini lalu tandatangani berkas itu. Tidak ada yang diubah.": "{path} is not the minutes of "
    "this meeting (number {number}); export this meeting's minutes and sign that file. Nothing "
    "was changed.",
    "Berita acara ditandatangani setelah rapat ditutup; status rapat sekarang {state}. Tidak "
    "ada yang diubah.": "The minutes are signed after the meeting is closed; the meeting is now "
    "{state}. Nothing was changed.",
    "Utuh": "Intact",
    "RUSAK": "BROKEN",
    "DIUBAH sesudah ditandatangani": "CHANGED after signing",
    "Berita acara rapat ini sudah ditandatangani lengkap dan rapat dikunci; perbaikan dibuat "
    "dengan adendum. Tidak ada yang diubah.": "The minutes of this meeting are fully signed and "
    "the meeting is locked; corrections are made by an addendum. Nothing was changed.",
    "Tanda tangan yang sudah ada pada {path} tidak lagi sah (berkas berubah setelah "
    "ditandatangani); jangan tandatangani berkas ini. Tidak ada yang diubah.": "The signatures "
    "already on {path} are no longer valid (the file changed after signing); do not sign this "
    "file. Nothing was changed.",
    "Dokumen ini tidak memiliki kolom tanda tangan untuk {role}; tidak ada yang diubah.": "This "
    "document has no signature field for {role}; nothing was changed.",
    "Hanya ditambah tanda tangan": "Only signatures added",
    "Tidak ada tambahan": "Nothing added",
    "Tanda tangan sudah dibubuhkan pada {path}, tetapi pemeriksaan sesudahnya gagal; berkas "
    "ini jangan dipakai. Rapat tidak dikunci.": "The signature was placed on {path}, but the "
    "check afterwards failed; do not use this file. The meeting was not locked.",
    "Adendum hanya dapat ditandatangani untuk rapat yang sudah dikunci.": "An addendum can only "
    "be signed for a locked meeting.",
    "Adendum {path} tidak mengutip berita acara yang tercatat untuk rapat ini; tidak ada yang "
    "diubah.": "Addendum {path} does not cite the minutes recorded for this meeting; nothing "
    "was changed.",
    "SAH": "VALID",
    "TIDAK SAH": "NOT VALID",
    "Isi perbaikan pada adendum wajib diisi.": "The addendum's correction is required.",
    "Isi perbaikan paling banyak {n} karakter.": "The correction may have at most {n} characters.",
    "Bahasa {lang} tidak dikenal.": "Unknown language {lang}.",
    "Berkas {path} sudah ada; pilih nama lain. Tidak ada yang diubah.": "{path} already "
    "exists; choose another name. Nothing was changed.",
    "Ukuran kertas {paper} tidak dikenal; pilih A4 atau F4.": "Unknown paper size {paper}; "
    "choose A4 or F4.",
    "Adendum hanya dibuat untuk rapat yang berita acaranya sudah ditandatangani dan dikunci; "
    "rapat ini {state}.": "An addendum is only made for a meeting whose minutes are signed and "
    "locked; this meeting is {state}.",
    "{date}, pukul {time}": "{date}, at {time}",
    "Adendum ke-{n} atas Berita Acara Nomor: {number}": "Addendum no. {n} to the Minutes "
    "Number: {number}",
    "Mengutip SHA-256 {hash}": "Cites SHA-256 {hash}",
    "Nama berkas": "File name",
    "SHA-256": "SHA-256",
    "Tanggal penandatanganan": "Date signed",
    "ADENDUM BERITA ACARA": "ADDENDUM TO THE MINUTES",
    "Adendum ini memperbaiki Berita Acara {meeting} Nomor {number} yang telah ditandatangani "
    "secara elektronik dan dikunci. Berita acara yang diperbaiki adalah berkas berikut:": "This "
    "addendum corrects the Minutes of the {meeting} Number {number}, which were signed "
    "electronically and locked. The minutes corrected are the following file:",
    "Perbaikan:": "Correction:",
    "Ketentuan lain dalam berita acara tersebut tetap berlaku. Adendum ini merupakan bagian "
    "yang tidak terpisahkan dari berita acara tersebut.": "All else in those minutes stands. "
    "This addendum is an integral part of those minutes.",
    "Demikian adendum ini dibuat dengan sebenarnya untuk dapat dipergunakan sebagaimana "
    "mestinya.": "This addendum is made truthfully, to be used as appropriate.",
    "Adendum Berita Acara {meeting}": "Addendum to the Minutes of the {meeting}",
    "nomor rapat: periksa bahwa PDF ini berita acaranya (atau adendumnya) dan kunci rapat "
    "setelah tanda tangan terakhir yang wajib": "meeting number: check that this PDF is its "
    "minutes (or an addendum) and lock the meeting after the last required signature",
    "--page dan --box tidak dipakai dengan --meeting.": "--page and --box are not used with "
    "--meeting.",
    "Belum ditandatangani: {fields}": "Not signed yet: {fields}",
    "Semua tanda tangan wajib lengkap dan sah: rapat {id} kini dikunci.": "Every required "
    "signature is on and valid: meeting {id} is now locked.",
    "Adendum lengkap ditandatangani dan dicatat.": "The addendum is fully signed and recorded.",
    "Adendum ke-{n} ditulis ke {path}; mengutip SHA-256 {hash}.": "Addendum no. {n} written to "
    "{path}; it cites SHA-256 {hash}.",
    "Tandatangani dengan: sign {path} --meeting {id} --role ketua …": "Sign it with: sign "
    "{path} --meeting {id} --role ketua …",
    "buat adendum berita acara untuk rapat yang sudah dikunci": "make an addendum to the "
    "minutes of a locked meeting",
    "isi perbaikan": "the correction",
    "Tanda Tangan & Verifikasi": "Signatures & Verification",
    "&Rapat:": "&Meeting:",
    "&Ekspor berita acara untuk ditandatangani…": "&Export the minutes for signing…",
    "&Tandatangani…": "&Sign…",
    "Buat &kunci baru…": "New &key…",
    "&Impor kunci…": "&Import a key…",
    "&Periksa PDF…": "&Verify a PDF…",
    "Buat &adendum…": "&Addendum…",
    "Status tanda tangan rapat ini": "Signatures of this meeting",
    "Verifikasi PDF": "PDF verification",
    "Sudah ditandatangani: {roles}": "Signed: {roles}",
    "Belum ditandatangani: {roles}": "Not signed yet: {roles}",
    "Berkas bertanda tangan tercatat: {file}\nSHA-256: {hash}": "Signed file recorded: {file}\n"
    "SHA-256: {hash}",
    "Kunci: {keys}": "Keys: {keys}",
    "Ekspor berita acara": "Export the minutes",
    "Periksa PDF": "Verify a PDF",
    "Berkas: {path}\nSHA-256: {hash}": "File: {path}\nSHA-256: {hash}",
    "Belum ada rapat yang ditutup.": "No meeting has been closed yet.",
    "Ditandatangani lengkap — rapat terkunci; perbaikan hanya dengan adendum.": "Fully signed — "
    "the meeting is locked; corrections only by addendum.",
    "Rapat ditutup — berita acara belum ditandatangani lengkap (belum terkunci).": "Meeting "
    "closed — the minutes are not fully signed yet (not locked).",
    "Berkas yang sedang ditandatangani: {path}": "File being signed: {path}",
    "SHA-256 dicatat ketika tanda tangan terakhir dibubuhkan.": "The SHA-256 is recorded when "
    "the last signature is placed.",
    "Belum ada kunci dipilih pada sesi ini.": "No key chosen in this session yet.",
    "{name} — {label}, berlaku sampai {date}; sidik jari {fingerprint}": "{name} — {label}, "
    "valid until {date}; fingerprint {fingerprint}",
    "Adendum ditulis ke {path}; tandatangani dengan \u201cTandatangani…\u201d.": "Addendum "
    "written to {path}; sign it with \u201cSign…\u201d.",
    "Adendum tercatat: {n}": "Addenda recorded: {n}",
    "Tandatangani berita acara": "Sign the minutes",
    "Pilih &kunci…": "Choose &key…",
    "Pilih &PDF…": "Choose &PDF…",
    "&Berkas PDF:": "PDF &file:",
    "&Sebagai:": "&As:",
    "Berkas k&unci (.p12):": "Key fi&le (.p12):",
    "Kata s&andi kunci:": "Key pass&phrase:",
    "Kata sandi tidak disimpan. Tanda tangan ditambahkan pada berkas PDF itu sendiri.": "The "
    "passphrase is not stored. The signature is added to the PDF file itself.",
    "&Tandatangani": "&Sign",
    "Pilih berkas PDF": "Choose a PDF file",
    "Pilih berkas kunci": "Choose a key file",
    "Kunci PKCS#12 (*.p12 *.pfx)": "PKCS#12 keys (*.p12 *.pfx)",
    "Pilih berkas PDF yang ditandatangani.": "Choose the PDF file to sign.",
    "Pilih berkas kunci (.p12).": "Choose the key file (.p12).",
    "Isi kata sandi kunci.": "Enter the key's passphrase.",
    "&Pilih…": "&Choose…",
    "P&eran:": "&Role:",
    "Berkas &kunci (.p12):": "&Key file (.p12):",
    "Kata s&andi:": "Pass&phrase:",
    "Buat kunci tanda tangan baru": "New signing key",
    "Impor kunci": "Import a key",
    "&Nama pemegang:": "Holder's &name:",
    "&Ulangi kata sandi:": "&Repeat the passphrase:",
    "Kunci buatan Kuorum berlabel \u201cTTE tidak tersertifikasi\u201d. Simpan kata sandinya "
    "baik-baik: Kuorum tidak menyimpannya dan tidak dapat memulihkannya.": "Keys made by Kuorum "
    "are labelled \u201cTTE tidak tersertifikasi\u201d (uncertified). Keep the passphrase "
    "safe: Kuorum does not store it and cannot recover it.",
    "Kunci dari penyelenggara sertifikasi (PSrE) berlabel \u201cTTE tersertifikasi\u201d. "
    "Kata sandi hanya dipakai untuk membuka kunci sekarang dan tidak disimpan.": "Keys from a "
    "certification authority (PSrE) are labelled \u201cTTE tersertifikasi\u201d (certified). "
    "The passphrase only opens the key now and is not stored.",
    "&Buat kunci": "&Create key",
    "&Impor": "&Import",
    "Simpan kunci baru": "Save the new key",
    "Kunci PKCS#12 (*.p12)": "PKCS#12 key (*.p12)",
    "Kedua kata sandi tidak sama.": "The two passphrases differ.",
    "Buat adendum berita acara": "Addendum to the minutes",
    "Mengutip berita acara bertanda tangan dengan SHA-256:\n{hash}": "Cites the signed minutes "
    "with SHA-256:\n{hash}",
    "&Perbaikan:": "&Correction:",
    "&Simpan ke:": "&Save to:",
    "&Buat adendum": "&Make addendum",
    "Simpan adendum": "Save the addendum",
    "Pilih berkas tujuan adendum.": "Choose the addendum's file.",
    "Peran (kolom)": "Role (field)",
    "Penanda tangan": "Signer",
    "Waktu": "Time",
    "Keutuhan": "Integrity",
    "Sesudahnya": "Afterwards",
    "Jenis": "Kind",
    "Hasil": "Result",
}
