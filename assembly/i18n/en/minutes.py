"""English for the berita acara (minutes) and ``minutes export``."""

CATALOGUE: dict[str, str] = {
    "Pada hari ini, {day}, tanggal {date} {month} {year}, pukul {time}, {place}, "
    "telah diselenggarakan {held}, sebagai berikut:": (
        "On this day, {day}, the {date} of {month} {year}, at {time}, {place}, the {held} "
        "was held, as follows:"
    ),
    "Demikian berita acara ini dibuat dengan sebenarnya untuk dapat dipergunakan "
    "sebagaimana mestinya.": (
        "These minutes have been drawn up truthfully, to be used as appropriate."
    ),
    "{top} per {bottom}": "{top} over {bottom}",
    "{first}, dan {last}": "{first}, and {last}",
    "{first} dan {last}": "{first} and {last}",
    "Jumlah anggota tercatat dalam Buku Daftar Anggota per {date}: {count} orang": (
        "Members entered in the register as of {date}: {count}"
    ),
    ", di antaranya {count} orang memiliki hak suara": (", of whom {count} have a vote"),
    "{step} pukul {time}: hadir {present} orang. {basis}, yaitu minimal {minimum} orang "
    "dari {base} orang, {verdict}": (
        "{step} at {time}: {present} present. {basis}, that is at least {minimum} of "
        "{base}, {verdict}"
    ),
    "Perolehan suara: setuju {yes}, tidak setuju {no}, abstain {abstain}, tidak sah "
    "{invalid}.": "Votes: in favour {yes}, against {no}, abstentions {abstain}, invalid {invalid}.",
    "Keputusan ini belum merupakan akta: masih harus dituangkan dalam akta notaris oleh "
    "Notaris Pembuat Akta Koperasi (NPAK).": (
        "This decision is not yet a deed: it must still be recorded in a notarial deed by a "
        "Cooperative Deed Notary (NPAK)."
    ),
    "Juga masih diperlukan persetujuan Pemerintah (UU 25/1992 Pasal 12 ayat (2)).": (
        "The Government's approval is also still required (Law 25/1992 Article 12(2))."
    ),
    "bertempat di {venue} dan melalui {platform}": "at {venue} and through {platform}",
    "bertempat di {venue}": "at {venue}",
    "melalui {platform}": "through {platform}",
    "Rapat ditutup pukul {time}.": "The meeting was closed at {time}.",
    "Rapat belum ditutup.": "The meeting has not been closed.",
    "Rapat dibuka oleh Ketua Rapat pukul {time}.": "The chair opened the meeting at {time}.",
    "KEHADIRAN DAN KUORUM": "ATTENDANCE AND QUORUM",
    "PIMPINAN RAPAT": "MEETING OFFICERS",
    "ACARA DAN KEPUTUSAN": "AGENDA AND DECISIONS",
    "LAMPIRAN": "ANNEXES",
    "Pukul {time} rapat diskors selama {minutes} menit, sampai pukul {until}, karena "
    "kuorum belum tercapai.": (
        "At {time} the meeting was suspended for {minutes} minutes, until {until}, because "
        "quorum was not reached."
    ),
    "Pukul {time} rapat ditunda karena kuorum tidak tercapai.": (
        "At {time} the meeting was postponed because quorum was not reached."
    ),
    "Sesuai Pasal {article} Anggaran Dasar, kuorum adalah {rule}": (
        "Under Article {article} of the Articles of Association, the quorum is {rule}"
    ),
    "Kuorum adalah {rule}": "The quorum is {rule}",
    "telah terpenuhi. Rapat dinyatakan sah.": "was reached. The meeting was declared valid.",
    "terpenuhi.": "was reached.",
    "belum terpenuhi.": "was not reached.",
    "Musyawarah untuk mufakat tidak tercapai; keputusan diambil dengan pemungutan suara.": (
        "Consensus was not reached; the decision was taken by vote."
    ),
    "musyawarah untuk mufakat": "consensus",
    "pemungutan suara": "vote",
    "Keputusan ({method}): {text}": "Decision ({method}): {text}",
    "Keputusan ({method}): {text} Hasil: {result}.": "Decision ({method}): {text} Result: {result}.",
    "BERITA ACARA": "MINUTES",
    "Nomor: {number}": "Number: {number}",
    "Pimpinan Rapat,": "Meeting officers,",
    "Saksi-saksi,": "Witnesses,",
    "hadir langsung {n}": "in person {n}",
    "hadir daring {n}": "online {n}",
    "diwakili dengan surat kuasa {n}": "represented by proxy {n}",
    "Anggota yang hadir selama rapat: {count} orang, terdiri atas {split}.": (
        "Members who attended the meeting: {count}, of whom {split}."
    ),
    "Selain itu hadir {count} orang yang tidak diperhitungkan dalam kuorum "
    "(calon anggota atau anggota tanpa hak suara).": (
        "In addition {count} attended who do not count towards the quorum (prospective "
        "members or members without a vote)."
    ),
    "Ketua Rapat: {name}": "Chair: {name}",
    "Sekretaris/Notulis: {name}": "Secretary: {name}",
    "Saksi penghitungan suara: {names}": "Witnesses to the vote count: {names}",
    "Pembahasan: {notes}": "Discussion: {notes}",
    "Catatan: {dissent}": "Note: {dissent}",
    "Keputusan belum dicatat.": "No decision recorded yet.",
    "Tidak ada keputusan yang dicatat.": "No decision was recorded.",
    "Rapat nomor {id} masih draf: berita acara dibuat setelah rapat diselenggarakan.": (
        "Meeting {id} is still a draft: minutes are made once the meeting has been held."
    ),
    "Hash log audit: {hash}": "Audit log hash: {hash}",
    "Berita Acara {meeting}": "Minutes of the {meeting}",
    "Berita acara ditulis ke {path} ({pages} halaman).": "Minutes written to {path} ({pages} pages).",
    "berita acara rapat": "minutes of a meeting",
    "tulis berita acara rapat beserta daftar hadirnya sebagai PDF": (
        "write the minutes of a meeting with its attendance list as a PDF"
    ),
    "berkas PDF yang ditulis": "the PDF file to write",
    "ukuran kertas (bawaan: A4)": "paper size (default: A4)",
    # The events placed under the agenda items (domain/minutes_events.py).
    "PENUTUPAN": "CLOSING",
    "Dibahas pukul {start} sampai dengan pukul {end}.": "Discussed from {start} to {end}.",
    "Dibahas mulai pukul {start}.": "Discussed from {start}.",
    "Selama pembahasan acara ini hadir {count} anggota lagi.": (
        "During this item {count} more members arrived."
    ),
    "Setelah rapat dibuka hadir {count} anggota lagi.": (
        "After the opening {count} more members arrived."
    ),
    "Setelah acara terakhir selesai hadir {count} anggota lagi.": (
        "After the last item {count} more members arrived."
    ),
    "{opened}; saat itu hadir {present} orang, kuorum minimal {minimum} orang, {verdict}.": (
        "{opened}; {present} were present, the quorum being at least {minimum}: {verdict}."
    ),
    "kuorum terpenuhi": "quorum reached",
    "kuorum tidak terpenuhi": "quorum not reached",
    "Pukul {time} pemungutan suara {title} dibatalkan.": "At {time} the vote {title} was cancelled.",
    "Pukul {time} pemungutan suara {title} dibatalkan karena {reason}.": (
        "At {time} the vote {title} was cancelled because {reason}."
    ),
    "Pukul {time} dibuka pemilihan putaran kedua ({mode}) untuk {title}": (
        "At {time} a run-off ({mode}) was opened for {title}"
    ),
    "Pukul {time} dibuka pemilihan ({mode}): {title}": "At {time} an election ({mode}) was opened: {title}",
    "Pukul {time} dibuka pemungutan suara ({mode}) atas usul: {title}": (
        "At {time} a vote ({mode}) was opened on the motion: {title}"
    ),
    "(pemungutan suara ulang, karena {reason})": "(a repeated vote, because {reason})",
    "pemungutan sebelumnya dibatalkan": "the earlier vote was cancelled",
    "terbuka per nama": "open, by name",
    "terbuka dengan penghitungan suara": "open, by counting",
    "secara rahasia": "secret",
    "{method}, pukul {time}": "{method}, at {time}",
    "Musyawarah untuk mufakat tidak tercapai (pukul {time}); keputusan diambil dengan "
    "pemungutan suara.": "No consensus was reached (at {time}); the decision was put to a vote.",
    "Seorang anggota hadir.": "A member arrived.",
    "pukul {time}": "at {time}",
}
