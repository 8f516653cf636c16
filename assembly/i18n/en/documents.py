"""English texts of the meeting documents: the Daftar Hadir, member cards, the invitation
letter, and the messages of the service that writes them."""

CATALOGUE: dict[str, str] = {
    # Days of the week, as dates are written in documents.
    "Senin": "Monday",
    "Selasa": "Tuesday",
    "Rabu": "Wednesday",
    "Kamis": "Thursday",
    "Jumat": "Friday",
    "Sabtu": "Saturday",
    "Minggu": "Sunday",
    "pukul {time}": "at {time}",
    # Daftar Hadir.
    "{meeting} Tahun Buku {year}": "{meeting}, Financial Year {year}",
    "{n} orang": "{n} persons",
    "Kehadiran": "Attendance",
    "Jam\nHadir": "Time of\narrival",
    "Tanda Tangan": "Signature",
    "Langsung": "In person",
    "Daring": "Online",
    "Kuasa": "By proxy",
    "Daftar Hadir {meeting}": "Attendance List, {meeting}",
    "Daftar Hadir": "Attendance List",
    "DAFTAR HADIR": "ATTENDANCE LIST",
    "Hari, tanggal": "Day, date",
    "Pukul": "Time",
    "Tempat": "Venue",
    "Sarana daring": "Online platform",
    "Nomor": "Number",
    "Jumlah hadir:": "Attendance:",
    # "Hadir langsung" ("In person") is in the meetings catalogue.
    "Hadir daring": "Online",
    "Diwakili dengan surat kuasa": "By proxy (power of attorney)",
    "Jumlah seluruhnya": "Total",
    "Belum ada anggota yang hadir.": "No member has attended yet.",
    # Member cards.
    "Kartu Anggota {name}": "Member cards, {name}",
    "KARTU ANGGOTA": "MEMBER CARD",
    "Kategori: {category}": "Category: {category}",
    "Anggota sejak {date}": "Member since {date}",
    # Invitation letter.
    "Undangan {meeting}": "Invitation to the {meeting}",
    "Lampiran": "Enclosure",
    "Perihal": "Subject",
    "Kepada Yth.": "To",
    "Bapak/Ibu Anggota {cooperative}": "The Members of {cooperative}",
    "Bapak/Ibu {name}": "Mr/Ms {name}",
    "Nomor Anggota {number}": "Member number {number}",
    "di Tempat": "",
    "Dengan hormat,": "Dear Members,",
    "Dengan ini Pengurus mengundang Bapak/Ibu untuk menghadiri {meeting} "
    "{cooperative} yang akan diselenggarakan pada:": (
        "The Board hereby invites you to attend the {meeting} of {cooperative}, to be held on:"
    ),
    "Daring melalui {platform}": "Online, on {platform}",
    "{time} s.d. selesai": "{time} until the close",
    "Acara": "Agenda",
    "Rapat diselenggarakan secara hibrida: Bapak/Ibu dapat hadir langsung di tempat rapat "
    "atau mengikuti secara daring melalui sarana di atas.": (
        "The meeting is hybrid: you may attend in person at the venue or take part online "
        "through the platform above."
    ),
    "Laporan Pertanggungjawaban Pengurus, Laporan Pengawas, dan Laporan Keuangan": (
        "the Board's accountability report, the Supervisors' report and the financial statements"
    ),
    "Kantor {cooperative}": "the office of {cooperative}",
    "Koperasi {name}": "Koperasi {name}",
    "Bahan rapat ({materials}) dapat dibaca di {place}, mulai tanggal {date} pada jam kerja.": (
        "The meeting materials ({materials}) may be read at {place} from {date} during "
        "office hours."
    ),
    "Bahan rapat ({materials}) dapat dibaca di {place} pada jam kerja.": (
        "The meeting materials ({materials}) may be read at {place} during office hours."
    ),
    "Mengingat pentingnya acara tersebut, kami mengharapkan kehadiran Bapak/Ibu tepat pada "
    "waktunya dengan membawa Kartu Anggota.": (
        "Given the importance of the agenda, we look forward to your punctual attendance; "
        "please bring your member card."
    ),
    "Demikian undangan ini kami sampaikan. Atas perhatian dan kehadiran Bapak/Ibu, kami "
    "ucapkan terima kasih.": "Thank you for your attention and your attendance.",
    "Pengurus {cooperative}": "The Board of {cooperative}",
    # The document service.
    "Isi profil koperasi dahulu: kop dokumen memerlukannya": (
        "Fill in the cooperative's profile first: the documents' letterhead needs it"
    ),
    "Tidak ada anggota aktif; tidak ada kartu yang dibuat": (
        "There are no active members; no cards were made"
    ),
    "Tidak ada anggota aktif; tidak ada undangan yang dibuat": (
        "There are no active members; no invitations were made"
    ),
    "Bahasa {lang} tidak dikenal; pilih id atau en": "Unknown language {lang}; choose id or en",
    "Rapat nomor {id} tidak ditemukan": "Meeting number {id} not found",
    "Ketua": "Chair",
    "Sekretaris": "Secretary",
    "Nomor anggota tidak ditemukan: {numbers}": "Member numbers not found: {numbers}",
    "Keanggotaan sudah berakhir, kartu tidak dibuat: {numbers}": (
        "Membership has ended, no card made: {numbers}"
    ),
}
