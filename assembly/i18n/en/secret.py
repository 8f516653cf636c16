"""English for the secret ballot's totals and their recount (issue 10)."""

CATALOGUE = {
    "Pilihan ini tidak ada pada surat suara.": "This choice is not on the ballot paper.",
    "Penghitungan ulang tidak cocok: {counted} suara terhitung tidak sama dengan "
    "{took_part} anggota yang memberikan suara. Pemungutan suara tidak ditutup; "
    "periksa basis data (audit verify) sebelum melanjutkan.": (
        "The recount does not reconcile: {counted} votes counted is not the same as the "
        "{took_part} members who voted. The ballot was not closed; check the database "
        "(audit verify) before going on."
    ),
}
