"""English for the AD rules: special items, ties, the RAT calendar, the Merah Putih profile."""

CATALOGUE: dict[str, str] = {
    "Rapat tidak dapat ditutup: kuorum dan keputusan khusus untuk acara {kinds} belum diatur di "
    "profil AD yang berlaku untuk rapat ini (UU 25/1992 Pasal 23 huruf a dan g). Tanpa nilai "
    "itu keputusannya tidak sah: keluarkan acara itu dari agenda untuk dibahas pada rapat "
    "berikutnya, atau lengkapi profil AD sebelum pendaftaran hadir dibuka.": (
        "The meeting cannot be closed: the special quorum and majority for {kinds} items are "
        "not set in the AD profile this meeting is held under (UU 25/1992 Article 23 letters a "
        "and g). Without them the decision is not valid: take the item off the agenda for the "
        "next meeting, or complete the AD profile before check-in opens."
    ),
    "pemilihan ulang antara calon yang suaranya sama": "a run-off between the tied candidates",
    "diundi di hadapan rapat": "drawn by lot before the meeting",
    "diputuskan oleh pimpinan rapat": "decided by the chair of the meeting",
    "Antara 1 dan 6 bulan": "Between 1 and 6 months",
    "Antara 0 dan 100 persen": "Between 0 and 100 percent",
    "Pengurus perempuan": "Women on the board",
    "Kuorum khusus dihitung dari dasar yang sama dengan kuorum rapat": (
        "A special quorum is counted on the same base as the meeting's quorum"
    ),
    "Umum (nilai yang lazim, sesuaikan dengan AD)": "General (common values, adjust to your AD)",
    "Koperasi Desa/Kelurahan Merah Putih": "Koperasi Desa/Kelurahan Merah Putih",
    "Kuorum lebih dari 1/2 anggota berhak suara, keputusan lebih dari 1/2 suara sah, RAT "
    "koperasi primer paling lambat akhir Maret.": (
        "Quorum more than 1/2 of the members entitled to vote, decisions by more than 1/2 of "
        "the valid votes, a primary cooperative's RAT by the end of March at the latest."
    ),
    "Seperti umum, ditambah peringatan dalam pemilihan menurut {source}: kepala desa hanya "
    "ketua pengawas ex officio, sekurang-kurangnya {percent}% pengurus perempuan, pengurus "
    "tanpa hubungan keluarga.": (
        "As general, plus election warnings under {source}: the village head is only the "
        "ex-officio chair of the supervisors, at least {percent}% of the board are women, "
        "board members are not related."
    ),
    "{statement} ({majority}); kuorum khusus: {present} hadir, minimal {minimum} ({rule})": (
        "{statement} ({majority}); special quorum: {present} present, at least {minimum} ({rule})"
    ),
    "keputusan khusus, AD {article}": "special majority, AD {article}",
    "keputusan khusus": "special majority",
    "Pengurus": "Board (pengurus)",
    "Pengawas": "Supervisors (pengawas)",
    "Ketua Pengawas": "Chair of the supervisors",
    "{who} {names} dinyatakan memiliki hubungan keluarga: menurut {source} pengurus tidak "
    "memiliki hubungan darah atau perkawinan satu sama lain.": (
        "{who} {names} are declared related: under {source} board members have no blood or "
        "marriage ties to each other."
    ),
    "calon pengurus": "board candidates",
    "pengurus terpilih": "elected board members",
    "Pengurus terpilih: {women} perempuan dari {seats} kursi, kurang dari {percent}% ({needed} "
    "orang) yang diminta {source}.": (
        "Elected board: {women} women of {seats} seats, fewer than the {percent}% ({needed}) "
        "{source} asks for."
    ),
    "Hanya {women} calon perempuan untuk {seats} kursi pengurus: menurut {source} "
    "sekurang-kurangnya {percent}% pengurus perempuan ({needed} orang).": (
        "Only {women} women among the candidates for {seats} board seats: under {source} at "
        "least {percent}% of the board are women ({needed})."
    ),
    "{name} adalah kepala desa/lurah: menurut {source} kepala desa menjabat ketua pengawas "
    "secara ex officio dan tidak dicalonkan untuk jabatan {office}.": (
        "{name} is the village head: under {source} the village head is the ex-officio chair "
        "of the supervisors and is not a candidate for {office}."
    ),
    "lain": "another office",
    "ketentuan Kementerian Koperasi Februari 2026 untuk koperasi primer": (
        "Ministry of Cooperatives, February 2026, for primary cooperatives"
    ),
    "UU 25/1992 Pasal 26 ayat 2": "UU 25/1992 Article 26(2)",
    "AD {article}": "AD {article}",
    "profil AD": "AD profile",
    "Acara {kind}: kuorum atau mayoritas khususnya belum diatur di profil AD; rapat tidak dapat "
    "ditutup sebelum diatur": (
        "{kind} item: its special quorum or majority is not set in the AD profile; the meeting "
        "cannot be closed until it is"
    ),
    "RAT diadakan lebih dari {n} bulan setelah tahun buku {year} berakhir (batas {deadline}; "
    "{source})": (
        "RAT held more than {n} months after financial year {year} ended (deadline {deadline}; "
        "{source})"
    ),
    "Batas waktu RAT tahun buku {year}: {deadline}, tinggal {n} hari lagi ({source})": (
        "RAT deadline for financial year {year}: {deadline}, {n} days left ({source})"
    ),
    "kuorum khusus sebelum pemungutan suara: {title}": "special quorum before the vote: {title}",
    "suara sama untuk kursi terakhir antara {tied}: {how}": "tie for the last seat between {tied}: {how}",
    "; kuorum khusus: {present} hadir, minimal {minimum} ({rule})": (
        "; special quorum: {present} present, at least {minimum} ({rule})"
    ),
    "kuorum khusus sebelum mufakat: {title}": "special quorum before the consensus: {title}",
    "{how}: terpilih {names}": "{how}: elected {names}",
    "{numbers} bukan calon pada pemilihan ini.": "{numbers} are not candidates in this election.",
    "Pemilihan ini tidak berakhir dengan suara sama yang menunggu penentuan.": (
        "This election did not end in a tie waiting to be settled."
    ),
    "Pilih {n} calon dari yang suaranya sama: {tied}.": "Choose {n} of the tied candidates: {tied}.",
    "Menurut profil AD suara sama untuk kursi terakhir {how}, bukan dengan pemilihan ulang.": (
        "Under the AD profile a tie for the last seat is {how}, not run off."
    ),
    "Kuorum khusus untuk acara {kind} tidak tercapai: {present} hadir, {text} ({rule}). "
    "Keputusan atas acara ini tidak dapat diambil.": (
        "The special quorum for the {kind} item is not reached: {present} present, {text} "
        "({rule}). No decision can be taken on this item."
    ),
    "Profil AD belum menetapkan kuorum khusus untuk acara jenis {kind} (UU 25/1992 Pasal 23); "
    "keputusan atas acara ini tidak dapat diambil.": (
        "The AD profile sets no special quorum for {kind} items (UU 25/1992 Article 23); no "
        "decision can be taken on this item."
    ),
    "Profil AD &awal": "Starting AD &profile",
    "Semua nilai dapat diubah dan wajib dicocokkan dengan AD Anda.": (
        "Every value can be changed and must be checked against your AD."
    ),
    "ketentuan Kemenkop: primer akhir Maret, sekunder 6 bulan": (
        "ministry rule: primary end of March, secondary 6 months"
    ),
    "Bila suara sama untuk kursi terakhir": "When the last seat is tied",
    "Pemilihan pengurus (peringatan, SE Menkop 1/2025)": "Board elections (warnings, SE Menkop 1/2025)",
    "Ingatkan bila kepala desa dicalonkan selain sebagai ketua pengawas ex officio": (
        "Warn when the village head is proposed for anything but ex-officio chair of the "
        "supervisors"
    ),
    "% perempuan": "% women",
    "tidak diperiksa": "not checked",
    "Pengurus perempuan sekurang-kurangnya": "Women on the board at least",
    "Ingatkan bila calon pengurus menyatakan hubungan keluarga satu sama lain": (
        "Warn when board candidates declare family ties to each other"
    ),
    "Profil AD belum menetapkan kuorum dan keputusan khusus untuk acara jenis {kind}; tidak ada "
    "keputusan yang dapat diambil atas acara ini.": (
        "The AD profile sets no special quorum and majority for {kind} items; no decision can "
        "be taken on this item."
    ),
    "Acara \u201c{item}\u201d sudah memiliki catatan keputusan; acara itu tidak dapat dihapus.": (
        "Item \u201c{item}\u201d already has a decision recorded; it cannot be removed."
    ),
    "(tidak disebut)": "(not given)",
    "nomor anggota, bila kepala desa/lurah dicalonkan": (
        "member number, when the village head is a candidate"
    ),
    "mis. 0002+0003; 0007+0008": "e.g. 0002+0003; 0007+0008",
    "Jabata&n:": "O&ffice:",
    "Kepala &desa:": "Village &head:",
    "&Hubungan keluarga:": "Famil&y ties:",
    "keluarga {n}": "family {n}",
    "Suara sama untuk kursi terakhir": "Tie for the last seat",
    "Menurut profil AD suara sama {how}. Centang {n} calon yang terpilih.": (
        "Under the AD profile a tie is {how}. Tick the {n} candidate(s) elected."
    ),
    "Pemberhentian pengurus/pengawas": "Dismissal of board members/supervisors",
    "Jenis kelamin {names} belum tercatat di buku daftar anggota.": (
        "The sex of {names} is not recorded in the member register."
    ),
}
