"""English texts of officers' keys, signing and verification."""

CATALOGUE: dict[str, str] = {
    # keys
    "Kata sandi kunci salah; tidak ada yang diubah.": "Wrong key passphrase; nothing was changed.",
    "Berkas kunci rusak atau bukan berkas kunci PKCS#12; tidak ada yang diubah.": (
        "The key file is damaged or not a PKCS#12 key file; nothing was changed."
    ),
    "Kunci ini bukan kunci RSA ({kind}); Kuorum hanya menandatangani dengan RSA agar berkas "
    "tetap PDF 1.7. Tidak ada yang diubah.": (
        "This key is not an RSA key ({kind}); Kuorum signs only with RSA so that the file "
        "stays PDF 1.7. Nothing was changed."
    ),
    "Kunci RSA ini terlalu pendek ({bits} bit; minimal {minimum}). Tidak ada yang diubah.": (
        "This RSA key is too short ({bits} bits; at least {minimum}). Nothing was changed."
    ),
    "Sertifikat {name} baru berlaku mulai {date}; tidak ada yang diubah.": (
        "The certificate of {name} is valid only from {date}; nothing was changed."
    ),
    "Sertifikat {name} sudah kedaluwarsa sejak {date}; tidak ada yang diubah.": (
        "The certificate of {name} expired on {date}; nothing was changed."
    ),
    "Sertifikat {name} bukan untuk tanda tangan: KeyUsage-nya tidak memuat digitalSignature "
    "atau nonRepudiation. Tidak ada yang diubah.": (
        "The certificate of {name} is not for signing: its KeyUsage has neither "
        "digitalSignature nor nonRepudiation. Nothing was changed."
    ),
    "Fon stempel tanda tangan tidak ditemukan: taruh DejaVuSans.ttf di {folder}.": (
        "The signature stamp font is missing: put DejaVuSans.ttf in {folder}."
    ),
    # roles and the stamp
    "Ketua Rapat": "Chair of the Meeting",
    "Sekretaris Rapat": "Secretary of the Meeting",
    "pihak yang mengetahui": "acknowledging party",
    "Saksi {n}": "Witness {n}",
    "Peran {role} tidak dikenal; pilih salah satu: {roles}.": (
        "Unknown role {role}; choose one of: {roles}."
    ),
    "Ditandatangani secara elektronik oleh:": "Electronically signed by:",
    "sebagai {role}": "as {role}",
    "Waktu: {time}": "Time: {time}",
    "Menyetujui isi dokumen ini sebagai {role}": "Approving the content of this document as {role}",
    # signing a PDF
    "Berkas ini bukan PDF.": "This file is not a PDF.",
    "Berkas PDF ini rusak atau terpotong dan tidak dapat dibaca.": (
        "This PDF file is damaged or truncated and cannot be read."
    ),
    "PDF ini dienkripsi dengan kata sandi; Kuorum tidak dapat memprosesnya.": (
        "This PDF is encrypted with a password; Kuorum cannot process it."
    ),
    "Dokumen ini sudah ditandatangani sebagai {role}; tidak ada yang diubah.": (
        "This document is already signed as {role}; nothing was changed."
    ),
    "Halaman {page} tidak ada; dokumen ini {pages} halaman. Tidak ada yang diubah.": (
        "There is no page {page}; this document has {pages} pages. Nothing was changed."
    ),
    "PDF ini tidak dapat ditandatangani: {reason}. Tidak ada yang diubah.": (
        "This PDF cannot be signed: {reason}. Nothing was changed."
    ),
    # the service
    "Nama pemegang kunci wajib diisi.": "The key holder's name is required.",
    "Nama pemegang kunci paling banyak {n} karakter.": (
        "The key holder's name has at most {n} characters."
    ),
    "Kata sandi kunci minimal {n} karakter.": "The key passphrase needs at least {n} characters.",
    "Berkas {path} sudah ada; kunci yang ada tidak ditimpa.": (
        "The file {path} already exists; an existing key is never overwritten."
    ),
    "Berkas kunci {path} tidak ditemukan; tidak ada yang diubah.": (
        "Key file {path} not found; nothing was changed."
    ),
    "Berkas {path} tidak ditemukan; tidak ada yang diubah.": (
        "File {path} not found; nothing was changed."
    ),
    "Berkas {path} tidak ditemukan.": "File {path} not found.",
    "{path} adalah folder, bukan berkas.": "{path} is a folder, not a file.",
    "Berkas {path} tidak dapat dibaca: {reason}": "File {path} cannot be read: {reason}",
    "Folder {folder} tidak ada; tidak ada yang diubah.": (
        "Folder {folder} does not exist; nothing was changed."
    ),
    "Kotak {box} tidak dapat dibaca; tulis x1,y1,x2,y2 dalam poin.": (
        "Box {box} cannot be read; write x1,y1,x2,y2 in points."
    ),
    "Kotak {box} terlalu kecil untuk tanda tangan.": "Box {box} is too small for a signature.",
    # the verification report
    "Berkas: {path}": "File: {path}",
    "SHA-256: {hash}": "SHA-256: {hash}",
    "Tanda tangan {number} dari {total}: kolom {field} ({role})": (
        "Signature {number} of {total}: field {field} ({role})"
    ),
    "peran tidak dikenal": "unknown role",
    "Kolom {field} ({role}) belum ditandatangani.": "Field {field} ({role}) is not signed yet.",
    "Penanda tangan: {signer}": "Signer: {signer}",
    "Jenis: {label}": "Kind: {label}",
    "Sidik jari sertifikat: {fingerprint}": "Certificate fingerprint: {fingerprint}",
    "Waktu (menurut penanda tangan): {time}": "Time (as claimed by the signer): {time}",
    "Keutuhan: UTUH — bagian yang ditandatangani tidak berubah sejak ditandatangani": (
        "Integrity: INTACT — the signed part has not changed since it was signed"
    ),
    "Keutuhan: RUSAK — bagian yang ditandatangani telah diubah atau tidak terbaca": (
        "Integrity: BROKEN — the signed part was changed or cannot be read"
    ),
    "Keutuhan: RUSAK — tanda tangan tidak cocok dengan sertifikatnya": (
        "Integrity: BROKEN — the signature does not match its certificate"
    ),
    "Sertifikat: TIDAK dapat diterima (kedaluwarsa, bukan untuk tanda tangan, atau rantainya "
    "putus)": ("Certificate: NOT acceptable (expired, not for signing, or its chain is broken)"),
    "Sertifikat: berantai ke akar tepercaya yang diberikan": (
        "Certificate: chains to the trusted root supplied"
    ),
    "Sertifikat: diterbitkan oleh {issuer}; rantainya diperiksa terhadap akar yang dibawa "
    "tanda tangan itu sendiri, tidak terhadap daftar PSrE": (
        "Certificate: issued by {issuer}; its chain was checked against the root carried in "
        "the signature itself, not against the list of PSrE"
    ),
    "Sertifikat: dibuat sendiri (bukan dari PSrE); membuktikan dokumen tidak berubah sejak "
    "kunci ini menandatangani, tetapi identitas pemegang kunci tidak dijamin pihak ketiga — "
    "cocokkan sidik jarinya": (
        "Certificate: self-made (not from a PSrE); it proves the document has not changed "
        "since this key signed it, but no third party vouches for the key holder's identity — "
        "compare its fingerprint"
    ),
    "Sesudahnya: DIUBAH — ada perubahan setelah tanda tangan ini selain tanda tangan atau "
    "isian formulir": (
        "Afterwards: CHANGED — something other than signatures or form filling was changed "
        "after this signature"
    ),
    "Sesudahnya: hanya ditambah tanda tangan atau isian formulir": (
        "Afterwards: only signatures or form filling were added"
    ),
    "Sesudahnya: tidak ada tambahan; tanda tangan ini mencakup seluruh berkas": (
        "Afterwards: nothing added; this signature covers the whole file"
    ),
    "Keterangan teknis: {problem}": "Technical detail: {problem}",
    "Hasil: SAH": "Result: VALID",
    "Hasil: TIDAK SAH": "Result: NOT VALID",
    "TIDAK SAH: berkas ini tidak memuat tanda tangan elektronik.": (
        "NOT VALID: this file holds no electronic signature."
    ),
    "TIDAK SAH: {failed} dari {total} tanda tangan gagal diperiksa; jangan gunakan berkas ini "
    "sebagai dokumen yang ditandatangani.": (
        "NOT VALID: {failed} of {total} signatures failed the check; do not use this file as "
        "a signed document."
    ),
    "SAH: {total} tanda tangan, semuanya utuh dan sah; tidak ada perubahan selain penambahan "
    "tanda tangan.": (
        "VALID: {total} signatures, all intact and valid; no change other than added signatures."
    ),
    # the command line
    "kunci tanda tangan pengurus": "officers' signing keys",
    "buat kunci tanda tangan baru (berkas PKCS#12)": "create a new signing key (PKCS#12 file)",
    "nama pemegang kunci, seperti di KTP": "the key holder's name, as on the identity card",
    "berkas kunci baru (.p12)": "the new key file (.p12)",
    "nama koperasi di sertifikat": "the cooperative's name in the certificate",
    "tandatangani PDF pada kolom peran": "sign a PDF in a role's field",
    "berkas PDF": "PDF file",
    "berkas kunci (.p12)": "key file (.p12)",
    "ketua, sekretaris, saksi1 … saksi4, mengetahui": (
        "ketua, sekretaris, saksi1 … saksi4, mengetahui"
    ),
    "berkas hasil (bawaan: berkas PDF itu sendiri)": "output file (default: the PDF itself)",
    "halaman kolom baru, mulai 1 (-1 halaman terakhir)": (
        "page of a new field, from 1 (-1 the last page)"
    ),
    "kotak kolom baru dalam poin: x1,y1,x2,y2 dari kiri bawah": (
        "box of a new field in points: x1,y1,x2,y2 from the bottom left"
    ),
    "periksa tanda tangan elektronik pada PDF": "check the electronic signatures in a PDF",
    "--page perlu --box x1,y1,x2,y2.": "--page needs --box x1,y1,x2,y2.",
    "Kata sandi kunci tidak diberikan: isi {variable} atau jalankan di terminal.": (
        "No key passphrase given: set {variable} or run in a terminal."
    ),
    "Kata sandi kunci: ": "Key passphrase: ",
    "Ulangi kata sandi: ": "Repeat the passphrase: ",
    "Kedua kata sandi tidak sama; tidak ada yang diubah.": (
        "The two passphrases differ; nothing was changed."
    ),
    "Kunci dibuat: {path}": "Key created: {path}",
    "Pemegang: {name}": "Holder: {name}",
    "Berlaku sampai: {date}": "Valid until: {date}",
    "Simpan kata sandinya baik-baik: Kuorum tidak menyimpannya dan tidak dapat memulihkannya.": (
        "Keep the passphrase safe: Kuorum does not store it and cannot recover it."
    ),
    "Ditandatangani sebagai {role} oleh {name} ({label}): {path}": (
        "Signed as {role} by {name} ({label}): {path}"
    ),
}
