"""English texts of meetings, attendance, proxies, the quorum procedure and ``status``."""

CATALOGUE: dict[str, str] = {
    # meeting types, modes, states, moves
    "Rapat Anggota Tahunan": "Annual Members' Meeting",
    "Rapat Anggota Rencana Kerja dan RAPB": "Members' Meeting on the Work Plan and Budget",
    "Rapat Anggota Pemilihan Pengurus dan Pengawas": (
        "Members' Meeting to Elect the Board and Supervisors"
    ),
    "Rapat Anggota Khusus": "Special Members' Meeting",
    "Rapat Anggota Luar Biasa": "Extraordinary Members' Meeting",
    "Luring (tatap muka)": "In person",
    "Daring": "Online",
    "Hibrida (tatap muka dan daring)": "Hybrid (in person and online)",
    "Draf": "Draft",
    "Pendaftaran hadir dibuka": "Check-in open",
    "Rapat dibuka": "Meeting opened",
    "Diskors": "Suspended",
    "Ditunda": "Postponed",
    "Ditutup": "Closed",
    "Ditandatangani dan dikunci": "Signed and locked",
    "Berita acara rapat ini sudah ditandatangani dan rapat dikunci; tidak dapat {action}. "
    "Perbaikan dibuat dengan adendum.": (
        "The minutes of this meeting are signed and the meeting is locked; cannot {action}. "
        "Corrections are made by an addendum."
    ),
    "membuka pendaftaran hadir": "open check-in",
    "membuka rapat": "open the meeting",
    "menskors rapat": "suspend the meeting",
    "menunda rapat": "postpone the meeting",
    "menutup rapat": "close the meeting",
    "Rapat sudah ditutup; tidak dapat {action}.": "The meeting is closed; cannot {action}.",
    "Rapat sudah ditunda karena kuorum tidak tercapai; tidak dapat {action}. Buat rapat baru "
    "untuk melanjutkannya.": (
        "The meeting was postponed for lack of quorum; cannot {action}. Create a new meeting to "
        "continue it."
    ),
    "Rapat masih draf; buka pendaftaran hadir lebih dahulu sebelum {action}.": (
        "The meeting is still a draft; open check-in before you {action}."
    ),
    "Pendaftaran hadir sudah dibuka.": "Check-in is already open.",
    "Hanya rapat yang sudah dibuka yang dapat ditutup (status sekarang: {state}).": (
        "Only an opened meeting can be closed (now: {state})."
    ),
    "Tidak dapat {action}: status rapat sekarang {state}.": (
        "Cannot {action}: the meeting is now {state}."
    ),
    "Rapat tidak dapat dibuka tanpa kuorum: catat pemeriksaan kuorum yang tercapai lebih dahulu.": (
        "The meeting cannot be opened without quorum: record a quorum check that reached it first."
    ),
    # officers and fields
    "Ketua Rapat": "Chair of the meeting",
    "Sekretaris/Notulis": "Secretary/minute-taker",
    "Saksi": "Witness",
    "Tahun Buku {year}": "Financial Year {year}",
    "Jenis rapat": "Type of meeting",
    "Tahun buku": "Financial year",
    "Tanggal": "Date",
    "Pukul": "Time",
    "Zona waktu": "Time zone",
    "Cara rapat": "Mode",
    "Tanggal batas daftar anggota": "Register cut-off date",
    "Tanggal undangan": "Invitation date",
    "Versi profil AD": "AD profile version",
    "Pokok rapat": "Subject",
    "Tempat": "Venue",
    "Platform daring": "Online platform",
    "Nomor dokumen": "Document number",
    "Acara": "Agenda",
    "Pimpinan rapat": "Meeting leaders",
    "Rapat berstatus {state} hanya dapat dibaca.": "A meeting that is {state} is read-only.",
    "Setelah pendaftaran hadir dibuka, {fields} tidak dapat diubah lagi.": (
        "Once check-in is open, {fields} can no longer be changed."
    ),
    "RAT wajib menyebut tahun buku yang dipertanggungjawabkan": (
        "An annual meeting must name the financial year it reports on"
    ),
    "Tahun buku {year} tidak masuk akal": "Financial year {year} is implausible",
    "Tanggal batas daftar anggota sesudah tanggal rapat": (
        "The register cut-off is after the meeting date"
    ),
    "Tanggal undangan sesudah tanggal rapat": "The invitation date is after the meeting date",
    "Tempat rapat wajib diisi": "The venue is required",
    "Rapat daring atau hibrida wajib menyebut platformnya": (
        "An online or hybrid meeting must name its platform"
    ),
    "Acara nomor {n} belum diberi judul": "Agenda item {n} has no title",
    "Acara nomor {n}: paling banyak {max} karakter": "Agenda item {n}: at most {max} characters",
    "Nama {role} wajib diisi": "The name of the {role} is required",
    "Hanya satu {role}": "Only one {role}",
    "Paling banyak {n} saksi": "At most {n} witnesses",
    # agenda template
    "Pengesahan tata tertib rapat": "Adoption of the rules of procedure",
    "Lain-lain": "Any other business",
    "{title} tahun buku {year}": "{title}, financial year {year}",
    "Laporan pertanggungjawaban Pengurus": "Board's accountability report",
    "Laporan hasil pengawasan Pengawas": "Supervisors' report",
    "Pengesahan laporan keuangan": "Approval of the financial statements",
    "Penetapan pembagian sisa hasil usaha (SHU)": "Distribution of the surplus (SHU)",
    "Rencana kerja dan rencana anggaran pendapatan dan belanja koperasi (RAPBK)": (
        "Work plan and budget of the cooperative (RAPBK)"
    ),
    "Pemilihan Pengurus dan Pengawas": "Election of the Board and Supervisors",
    "Rencana kerja koperasi": "Work plan of the cooperative",
    "Rencana anggaran pendapatan dan belanja koperasi (RAPBK)": "Budget of the cooperative (RAPBK)",
    "Pemilihan Pengurus": "Election of the Board",
    "Pemilihan Pengawas": "Election of the Supervisors",
    # warnings
    "Tahun buku {year} belum berakhir pada tanggal rapat": (
        "Financial year {year} has not ended by the meeting date"
    ),
    "RAT diadakan lebih dari {n} bulan setelah tahun buku {year} berakhir (batas {deadline}; "
    "UU 25/1992 Pasal 26 ayat 2)": (
        "The annual meeting is held more than {n} months after financial year {year} ended "
        "(deadline {deadline}; Law 25/1992 Art. 26(2))"
    ),
    "Undangan dikirim {n} hari sebelum rapat; AD mensyaratkan sekurang-kurangnya {days} hari": (
        "Invitations went out {n} days before the meeting; the AD requires at least {days} days"
    ),
    "Undangan belum dicatat dan rapat tinggal {n} hari lagi; AD mensyaratkan undangan "
    "sekurang-kurangnya {days} hari sebelumnya": (
        "No invitation is recorded and the meeting is {n} days away; the AD requires "
        "invitations at least {days} days before"
    ),
    "Acara {kind}: kuorum atau mayoritas khususnya belum diatur di profil AD; keputusannya "
    "tidak dapat difinalkan sebelum diatur": (
        "Item of kind {kind}: its special quorum or majority is not set in the AD profile; its "
        "decision cannot be finalised until it is"
    ),
    "{role} belum ditetapkan": "No {role} yet",
    # attendance
    "Hadir langsung": "In person",
    "Melalui kuasa": "By proxy",
    "Hadir": "Present",
    "Meninggalkan rapat": "Left the meeting",
    "Dibatalkan": "Cancelled",
    "Kembali": "Returned",
    "Diurungkan": "Undone",
    "Hadir daring (impor)": "Present online (imported)",
    "Diwakili kuasa": "Represented by proxy",
    "Kuasa dicabut": "Proxy withdrawn",
    "Penerima kuasa meninggalkan rapat": "Proxy holder left",
    "Penerima kuasa kembali": "Proxy holder returned",
    "Kehadiran melalui kuasa dicatat dengan surat kuasa, bukan di pintu.": (
        "Attendance by proxy is recorded with the letter of proxy, not at the door."
    ),
    "Rapat luring: kehadiran daring tidak dapat dicatat.": (
        "In-person meeting: online attendance cannot be recorded."
    ),
    "Rapat daring: catat kehadiran sebagai daring.": "Online meeting: record attendance as online.",
    "{name} belum tercatat hadir.": "{name} is not recorded as present.",
    "{name} diwakili kuasa; cabut kuasanya bila perlu.": (
        "{name} is represented by proxy; withdraw the proxy if needed."
    ),
    "{name} sudah tercatat meninggalkan rapat.": "{name} is already recorded as having left.",
    "Tidak ada kehadiran {name} yang dapat diurungkan.": "There is no attendance of {name} to undo.",
    "Langkah terakhir {name} sudah diurungkan.": "The last step of {name} was already undone.",
    "Langkah terakhir {name} ({step}) tidak dapat diurungkan di sini.": (
        "The last step of {name} ({step}) cannot be undone here."
    ),
    "Selamat datang, {name}.": "Welcome, {name}.",
    "Selamat datang, {name}. Kuasanya gugur karena hadir sendiri.": (
        "Welcome, {name}. Their proxy lapses since they came in person."
    ),
    "{name} sudah hadir sejak {time}.": "{name} has been present since {time}.",
    "{name} kembali ke rapat.": "{name} is back in the meeting.",
    "{name} tidak dapat hadir: {reason}.": "{name} may not attend: {reason}.",
    "Nomor {number} tidak terdaftar.": "Number {number} is not on the register.",
    "Ketik atau pindai nomor anggota.": "Type or scan a member number.",
    "Nomor {number} tidak terdaftar": "Number {number} is not on the register",
    "{name} meninggalkan rapat pukul {time}.": "{name} left the meeting at {time}.",
    "Anggota ini tidak sedang tercatat meninggalkan rapat.": (
        "This member is not recorded as having left."
    ),
    "{step} {name} diurungkan.": "{step} of {name} undone.",
    "{name} memegang kuasa; cabut kuasanya lebih dahulu.": (
        "{name} holds proxies; withdraw them first."
    ),
    "Rapat nomor {id} tidak ditemukan.": "Meeting {id} not found.",
    "Kehadiran hanya dapat dicatat setelah pendaftaran hadir dibuka dan sebelum rapat selesai "
    "(status sekarang: {state}).": (
        "Attendance can only be recorded once check-in is open and before the meeting ends "
        "(now: {state})."
    ),
    "Versi profil AD {version} tidak ada.": "AD profile version {version} does not exist.",
    # proxies
    "Berlaku": "In force",
    "Gugur (pemberi kuasa hadir sendiri)": "Lapsed (the grantor came in person)",
    "Dicabut": "Withdrawn",
    "Profil AD tidak mengizinkan kuasa.": "The AD profile does not allow proxies.",
    "Pemberi dan penerima kuasa tidak boleh orang yang sama.": (
        "The grantor and the holder of a proxy cannot be the same person."
    ),
    "Nomor atau keterangan surat kuasa wajib diisi.": (
        "The number or description of the letter of proxy is required."
    ),
    "Keterangan surat kuasa paling banyak {n} karakter.": (
        "The letter of proxy's description is at most {n} characters."
    ),
    "tidak memiliki hak suara": "has no vote",
    "{name} tidak dapat memberi kuasa: {reason}.": "{name} cannot grant a proxy: {reason}.",
    "{name} tidak dapat menerima kuasa: {reason}.": "{name} cannot hold a proxy: {reason}.",
    "{name} sudah diwakili kuasa lain.": "{name} is already represented by another proxy.",
    "{name} hadir sendiri; kuasa tidak diperlukan.": "{name} is present; no proxy is needed.",
    "Penerima kuasa {name} harus hadir sendiri di rapat.": (
        "The proxy holder {name} must be present in person."
    ),
    "{name} sudah memegang {n} kuasa; batas menurut AD {cap} kuasa per penerima.": (
        "{name} already holds {n} proxies; the AD allows {cap} per holder."
    ),
    "Kuasa tersebut tidak ada pada rapat ini.": "That proxy is not on this meeting.",
    "Kuasa ini sudah {state}.": "This proxy is already {state}.",
    # quorum and its procedure
    "{rule} (AD {article})": "{rule} (AD {article})",
    "kuorum tercapai": "quorum reached",
    "kuorum belum tercapai": "quorum not reached",
    "{present} hadir, {minimum}: {verdict}": "{present} present, {minimum}: {verdict}",
    "Pemeriksaan kuorum pada pembukaan": "Quorum check at the opening",
    "Pemeriksaan ulang kuorum": "Quorum re-check",
    "Panggilan kedua": "Second call",
    "Pemeriksaan kuorum atas permintaan pimpinan rapat": "Quorum check at the chair's request",
    "Skorsing karena kuorum belum tercapai": "Suspension for lack of quorum",
    "Rapat ditunda karena kuorum tidak tercapai": "Meeting postponed for lack of quorum",
    "Periksa kuorum untuk membuka rapat.": "Check the quorum to open the meeting.",
    "Kuorum tercapai; rapat dapat dibuka.": "Quorum reached; the meeting may be opened.",
    "Rapat ditunda karena kuorum tidak tercapai.": "The meeting was postponed for lack of quorum.",
    "Kuorum tidak tercapai dan tidak ada langkah lagi menurut AD; rapat harus ditunda.": (
        "Quorum not reached and the AD gives no further step; the meeting must be postponed."
    ),
    "Kuorum belum tercapai; skors rapat sesuai AD lalu periksa ulang.": (
        "Quorum not reached; suspend the meeting as the AD says, then check again."
    ),
    "Rapat diskors sampai pukul {time}; lalu panggilan kedua.": (
        "The meeting is suspended until {time}; then the second call."
    ),
    "Rapat diskors sampai pukul {time}; lalu pemeriksaan ulang ({n} dari {total}).": (
        "The meeting is suspended until {time}; then re-check {n} of {total}."
    ),
    "Skorsing hanya setelah pemeriksaan kuorum yang tidak tercapai.": (
        "A suspension only follows a quorum check that failed."
    ),
    "Penundaan hanya setelah pemeriksaan kuorum yang tidak tercapai.": (
        "A postponement only follows a quorum check that failed."
    ),
    "AD tidak memberi skorsing lagi; rapat harus ditunda.": (
        "The AD allows no further suspension; the meeting must be postponed."
    ),
    "Kuorum tercapai; rapat tidak perlu ditunda.": "Quorum reached; no need to postpone.",
    "Rapat diadakan kembali paling lambat {n} hari kemudian": (
        "The meeting reconvenes within {n} days"
    ),
    ", dengan undangan baru": ", with a new invitation",
    # meeting service
    "Rapat belum disimpan.": "The meeting has not been saved.",
    "Isi profil koperasi lebih dahulu.": "Fill in the cooperative's profile first.",
    "Hanya rapat berstatus draf yang dapat dihapus; rapat ini {state}.": (
        "Only a draft meeting can be deleted; this one is {state}."
    ),
    "Acara tersebut tidak ada pada rapat ini.": "That item is not on this meeting's agenda.",
    "Urutan acara harus memuat setiap acara tepat sekali.": (
        "The agenda order must list every item exactly once."
    ),
    "Judul acara wajib diisi": "The item's title is required",
    # online import
    "{n} peserta daring dicatat hadir; {skipped} dilewati karena sudah tercatat.": (
        "{n} online participants recorded as present; {skipped} skipped as already recorded."
    ),
    "Rapat ini {mode}; kehadiran daring hanya untuk rapat daring atau hibrida.": (
        "This meeting is {mode}; online attendance is only for online or hybrid meetings."
    ),
    "Waktu {time} belum terjadi": "Time {time} has not happened yet",
    "Waktu bergabung": "Join time",
    "sudah tercatat hadir": "already recorded as present",
    "Impor kehadiran daring dibatalkan; tidak ada yang dicatat:": (
        "Online attendance import cancelled; nothing was recorded:"
    ),
    "Berkas {path} kosong.": "File {path} is empty.",
    "Berkas {path} terlalu besar untuk daftar peserta.": (
        "File {path} is too large for a participant list."
    ),
    "Nomor anggota kosong": "Member number is empty",
    "Waktu bergabung wajib diisi": "The join time is required",
    'Waktu "{value}" tidak dapat dibaca': 'Time "{value}" cannot be read',
    "Waktu {value} bukan pada tanggal rapat": "Time {value} is not on the meeting's date",
    # status
    "Buku daftar anggota: {n} entri": "Member register: {n} entries",
    "Anggota hari ini: {registered}, berhak suara {entitled}": (
        "Members today: {registered}, entitled to vote {entitled}"
    ),
    "Belum ada rapat.": "No meetings yet.",
    "Rapat {id}: {title}": "Meeting {id}: {title}",
    "{date} pukul {time} {zone} — {state}": "{date} at {time} {zone} — {state}",
    "Anggota per {date}: {registered}, berhak suara {entitled}": (
        "Members as of {date}: {registered}, entitled to vote {entitled}"
    ),
    "Hadir: {total} ({channels}); berhak suara {entitled}": (
        "Present: {total} ({channels}); entitled to vote {entitled}"
    ),
    "TERCAPAI": "REACHED",
    "BELUM TERCAPAI": "NOT REACHED",
    "Kuorum: {present} hadir, {text} — {verdict}": "Quorum: {present} present, {text} — {verdict}",
    "Aturan: {rule}": "Rule: {rule}",
    "{time} {step}: {present} hadir, minimal {minimum}": (
        "{time} {step}: {present} present, minimum {minimum}"
    ),
    "Keputusan: belum ada": "Decisions: none yet",
    "(koperasi belum diisi)": "(cooperative not set up)",
    # command line
    "ringkasan buku daftar anggota dan rapat": "summary of the register and a meeting",
    "nomor rapat (bawaan: rapat terakhir)": "meeting number (default: the latest meeting)",
    "keluaran JSON untuk skrip": "JSON output for scripts",
    "kehadiran rapat": "meeting attendance",
    "catat peserta daring dari CSV nomor anggota dan waktu bergabung": (
        "record online participants from a CSV of member numbers and join times"
    ),
    "berkas CSV": "CSV file",
    "nomor rapat": "meeting number",
    "baris {row}: {number} {why}": "row {row}: {number} {why}",
    "Masih ada pemungutan suara yang terbuka; tutup atau batalkan dulu.": "A ballot is still open; close or cancel it first.",
    "Mengetahui": "Acknowledged by",
}
