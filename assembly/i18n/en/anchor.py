"""English texts of the anchor: the berita acara's audit head and record digest, strict
``verify`` and the audit chain held against what is remembered outside it (issue 10)."""

CATALOGUE: dict[str, str] = {
    "Log audit RUSAK:": "Audit log BROKEN:",
    "berita acara yang ditandatangani: periksa log audit terhadap jangkarnya": (
        "a signed berita acara: check the audit log against its anchor"
    ),
    "berkas basis data: cocokkan juga catatan rapat dan log audit dengan jangkar di dalam PDF": (
        "database file: also match the meeting records and the audit log with the anchor in the PDF"
    ),
    "Jangkar: log audit peristiwa {seq} · intisari catatan rapat {digest}": (
        "Anchor: audit log event {seq} · meeting records digest {digest}"
    ),
    "HASIL: TIDAK SAH": "RESULT: NOT VALID",
    "HASIL: SAH": "RESULT: VALID",
    "HASIL: SAH dan basis data cocok": "RESULT: VALID and the database matches",
    "log audit rusak: peristiwa nomor {seq} hilang": "audit log broken: event {seq} is missing",
    "log audit rusak: peristiwa nomor {seq} tidak tersambung ke sebelumnya": (
        "audit log broken: event {seq} does not link to the one before"
    ),
    "log audit rusak: peristiwa nomor {seq} telah diubah": (
        "audit log broken: event {seq} was altered"
    ),
    "TIDAK SAH: belum ditandatangani: {roles}": "NOT VALID: not yet signed by: {roles}",
    "Jangkar: rapat {id} ({number}), log audit peristiwa {seq} hash {hash}, intisari catatan "
    "{digest}": (
        "Anchor: meeting {id} ({number}), audit log event {seq} hash {hash}, records digest "
        "{digest}"
    ),
    "Jangkar di dalam berkas ini rusak atau dari versi lain dan tidak dapat dibaca.": (
        "The anchor inside this file is damaged or from another version and cannot be read."
    ),
    "Basis data TIDAK cocok dengan berkas ini:": "The database does NOT match this file:",
    "Basis data cocok: catatan rapat dan log audit sama dengan jangkar berkas.": (
        "The database matches: the meeting records and the audit log agree with the file's anchor."
    ),
    "berkas ini tidak membawa jangkar basis data (log audit dan intisari catatan); tidak dapat "
    "dicocokkan": (
        "this file carries no database anchor (audit log and records digest); it cannot be matched"
    ),
    "rapat {id} dengan nomor {number} tidak ada di basis data ini": (
        "meeting {id} numbered {number} is not in this database"
    ),
    "berkas ini": "this file",
    "log audit ditulis ulang: peristiwa {seq} tidak sama dengan yang dicatat {source}": (
        "audit log rewritten: event {seq} differs from the one recorded by {source}"
    ),
    "bagian {section} berubah": "section {section} changed",
    "acara {n} dihapus": "agenda item {n} deleted",
    "acara {n} ditambahkan": "agenda item {n} added",
    "catatan acara {n} berubah": "notes of agenda item {n} changed",
    "log audit dikosongkan: tidak ada satu peristiwa pun, padahal {source} mencatat peristiwa "
    "{seq}": "audit log emptied: not one event left, yet {source} records event {seq}",
    "log audit dipotong setelah peristiwa {last}: {source} mencatat peristiwa {seq}": (
        "audit log cut after event {last}: {source} records event {seq}"
    ),
    "kehadiran berubah: {n} anggota dihapus": "attendance changed: {n} members deleted",
    "kehadiran berubah: {n} anggota ditambahkan": "attendance changed: {n} members added",
    "kehadiran berubah: jam, cara hadir atau kuasa diubah (jumlah tetap {n})": (
        "attendance changed: times, channel or proxy altered (count still {n})"
    ),
    "data anggota yang hadir berubah: {n} anggota dihapus": (
        "register entries of those present changed: {n} members deleted"
    ),
    "data anggota yang hadir berubah: {n} anggota ditambahkan": (
        "register entries of those present changed: {n} members added"
    ),
    "data anggota yang hadir berubah: nama, NIK, golongan atau tanggal masuk diubah": (
        "register entries of those present changed: name, NIK, category or joining date altered"
    ),
    "ballot {n} dihapus": "ballot {n} deleted",
    "ballot {n} ditambahkan": "ballot {n} added",
    "suara ballot {n} berubah": "votes of ballot {n} changed",
    "peserta ballot {n} berubah": "participants of ballot {n} changed",
    "keputusan {n} dihapus": "decision {n} deleted",
    "keputusan {n} ditambahkan": "decision {n} added",
    "keputusan {n} berubah": "decision {n} changed",
    "berita acara rapat {id} yang ditandatangani": "the signed berita acara of meeting {id}",
    "rapat {id}: {line}": "meeting {id}: {line}",
    "{file} tidak membawa jangkar basis data": "{file} carries no database anchor",
    "{file} tidak sah (tanda tangan rusak atau belum lengkap); jangkarnya tidak dipakai": (
        "{file} is not valid (a signature broken or missing); its anchor is not used"
    ),
    "Log audit utuh: {n} peristiwa, hash terakhir {hash}; dicocokkan dengan {anchors} catatan "
    "di luar tabel": (
        "Audit log intact: {n} events, last hash {hash}; matched against {anchors} records "
        "outside the table"
    ),
    "berita acara rapat {id} yang tersimpan saat dikunci tidak lagi sah": (
        "the berita acara of meeting {id} stored at its lock is no longer valid"
    ),
    "rapat {id} terkunci tanpa jangkar tercatat (dikunci oleh versi lama, atau jangkarnya "
    "dihapus)": (
        "meeting {id} is locked without a recorded anchor (locked by an older version, or its "
        "anchor was deleted)"
    ),
    "pemicu penguncian hilang ({n}): {names}": "lock triggers missing ({n}): {names}",
    "berkas {file}": "file {file}",
    "cadangan {name}": "backup {name}",
    "Jangkar basis data: kepala log audit dan intisari catatan rapat (JSON)": (
        "Database anchor: the audit log head and the meeting records digest (JSON)"
    ),
    "berita acara yang ditandatangani": "the signed berita acara",
    "Basis data tidak lagi cocok dengan berita acara yang ditandatangani: {differences}. Paket "
    "laporan tidak dibuat.": (
        "The database no longer matches the signed berita acara: {differences}. The reporting "
        "pack was not made."
    ),
    "Catatan: {note}": "Note: {note}",
    "{source} dibuat sebelum pemulihan cadangan (peristiwa {seq}); riwayatnya tidak dicocokkan": (
        "{source} was made before a backup was restored (event {seq}); its history is not matched"
    ),
}
