"""English texts of decisions, ballots and elections (issue 4 backend)."""

CATALOGUE: dict[str, str] = {
    "{voted} dari {eligible} sudah memberikan suara": "{voted} of {eligible} have voted",
    "Jumlah suara tidak boleh negatif.": "Vote counts cannot be negative.",
    "Sebutkan paling sedikit satu saksi penghitung suara.": "Name at least one teller.",
    "Jumlah suara {total} melebihi {present} anggota berhak suara yang hadir saat pemungutan "
    "suara dibuka.": "{total} votes exceed the {present} entitled members present when the "
    "vote opened.",
    "Isi jumlah surat suara dibagikan dan kembali, atau keduanya kosong.": "Enter both the "
    "ballot papers issued and returned, or neither.",
    "Terbuka (per nama)": "Open (by name)",
    "Dihitung (angkat tangan/kertas)": "Counted (show of hands/paper)",
    "Rahasia": "Secret",
    "Surat suara dibagikan ({issued}) melebihi {present} anggota berhak suara yang hadir.": (
        "Ballot papers issued ({issued}) exceed the {present} entitled members present."
    ),
    "Surat suara kembali ({returned}) melebihi yang dibagikan ({issued}).": (
        "Ballot papers returned ({returned}) exceed those issued ({issued})."
    ),
    "Surat suara kembali ({returned}) harus sama dengan suara sah, tidak sah dan kosong "
    "({total}).": "Ballot papers returned ({returned}) must equal valid, invalid and blank "
    "({total}).",
    "Anggota ini sudah memberikan suara pada pemungutan suara ini; satu anggota satu suara.": (
        "This member has already voted in this ballot; one member, one vote."
    ),
    "suara terbanyak, {seats} kursi": "most votes, {seats} seat(s)",
    "suara sama untuk kursi terakhir: pemilihan ulang antara {tied}": (
        "tie for the last seat: run-off between {tied}"
    ),
    "Catat dahulu bahwa musyawarah untuk mufakat tidak tercapai pada acara \u201c{item}\u201d; "
    "baru sesudah itu pemungutan suara dapat dibuka (UU 25/1992 Pasal 24 ayat 2).": (
        "First record that consensus was not reached on item \u201c{item}\u201d; only then can "
        "a vote be opened (UU 25/1992 Article 24(2))."
    ),
    "Masih ada pemungutan suara yang terbuka; tutup atau batalkan dahulu.": (
        "A ballot is still open; close or cancel it first."
    ),
    "Profil AD belum menetapkan suara terbanyak untuk acara jenis {kind}.": (
        "The AD profile sets no majority for items of kind {kind}."
    ),
    "Kuorum tidak tercapai saat pemungutan suara dibuka: {present} hadir, {text}. Menurut "
    "profil AD pemungutan suara tanpa kuorum tidak dapat dilakukan.": (
        "No quorum when the vote was opened: {present} present, {text}. The AD profile does "
        "not allow a vote without quorum."
    ),
    "sebelum pemungutan suara: {title}": "before the vote: {title}",
    "Tuliskan apa yang diputuskan dengan pemungutan suara ini.": ("Write what this vote decides."),
    "Pemungutan suara nomor {id} tidak ada.": "There is no ballot number {id}.",
    "Pemungutan suara ini sudah ditutup atau dibatalkan.": (
        "This ballot has been closed or cancelled."
    ),
    "Nomor anggota {number} tidak ditemukan.": "Member number {number} not found.",
    "terpilih: {names}": "elected: {names}",
    "terpilih: {names}; ": "elected: {names}; ",
    "Pilih calon dengan nomor anggotanya.": "Choose candidates by their member number.",
    "Pilih paling banyak {seats} calon yang berbeda dari daftar calon.": (
        "Choose at most {seats} different candidates from the list."
    ),
    "Pemilihan ulang: {title}": "Run-off: {title}",
    "Sebutkan alasan pembatalan pemungutan suara.": "Give the reason for cancelling the vote.",
    "Sebutkan alasan pemungutan suara ulang.": "Give the reason for the re-vote.",
    "Pemungutan suara ini dihitung; masukkan jumlahnya saja.": (
        "This ballot is counted; enter the totals only."
    ),
    "Pilih setuju, tidak setuju atau abstain.": "Choose in favour, against or abstain.",
    "Jumlah suara hanya dimasukkan pada pemungutan suara dihitung.": (
        "Totals are entered only for a counted ballot."
    ),
    "Masukkan dahulu jumlah suara yang dihitung para saksi.": (
        "First enter the totals counted by the tellers."
    ),
    "Tutup atau batalkan dahulu pemungutan suara ini.": "Close or cancel this ballot first.",
    "{holder} tidak memegang surat kuasa {grantor} pada pemungutan suara ini.": (
        "{holder} does not hold {grantor}'s proxy in this ballot."
    ),
    "{name} tidak berhak memberikan suara pada pemungutan suara ini: tidak hadir atau tidak "
    "berhak suara saat pemungutan suara dibuka.": (
        "{name} may not vote in this ballot: not present or not entitled when the vote opened."
    ),
    "{name} diwakili oleh pemegang surat kuasa; suaranya diberikan oleh pemegang kuasa.": (
        "{name} is represented by a proxy holder, who casts their vote."
    ),
    "Keputusan hanya dapat diambil selama rapat dibuka (status sekarang: {state}).": (
        "Decisions can be taken only while the meeting is open (now: {state})."
    ),
    "Acara nomor {id} tidak ada dalam rapat ini.": "Item number {id} is not on this agenda.",
    "Tuliskan isi keputusan yang disepakati.": "Write the decision agreed.",
    "disepakati secara musyawarah untuk mufakat": "agreed by consensus (musyawarah untuk mufakat)",
    "mufakat tidak tercapai; keputusan diambil dengan pemungutan suara": (
        "consensus not reached; the decision is taken by vote"
    ),
    "Jumlah kursi paling sedikit 1.": "There must be at least 1 seat.",
    "Seorang calon hanya dapat dicantumkan satu kali.": "A candidate can be listed only once.",
    "Calon ({n}) lebih sedikit dari kursi ({seats}).": (
        "Fewer candidates ({n}) than seats ({seats})."
    ),
    "Pemilihan dilakukan per nama atau secara rahasia.": "Elections are by name or secret.",
    "Pemilihan ulang hanya sesudah pemilihan yang ditutup.": (
        "A run-off follows only a closed election."
    ),
    "Pemilihan ulang untuk pemilihan ini sudah dibuka.": (
        "The run-off of this election has been opened already."
    ),
    "Semua kursi sudah terisi; tidak perlu pemilihan ulang.": (
        "Every seat is filled; no run-off is needed."
    ),
    "{name} tidak dapat dicalonkan: bukan anggota yang berhak suara ({reason}).": (
        "{name} cannot stand: not a member entitled to vote ({reason})."
    ),
    "musyawarah untuk mufakat (UU 25/1992 Pasal 24 ayat 1)": (
        "consensus (UU 25/1992 Article 24(1))"
    ),
    "Keputusan ({method}) {title}: {result}": "Decision ({method}) {title}: {result}",
    "Acara rapat hanya dapat dibahas selama rapat dibuka (sekarang: {state}).": (
        "An agenda item can be taken up only while the meeting is open (now: {state})."
    ),
    "Acara rapat ini tidak ada pada rapat tersebut.": "This agenda item is not on that meeting.",
    "{name} sudah memberikan suara pada pemungutan suara ini; satu anggota satu suara.": (
        "{name} has already voted in this ballot; one member, one vote."
    ),
}
