"""English texts of ballots, tallies and majorities."""

CATALOGUE: dict[str, str] = {
    "Setuju": "In favour",
    "Tidak setuju": "Against",
    "Abstain": "Abstain",
    "Tidak sah": "Invalid",
    "disetujui": "adopted",
    "tidak disetujui": "not adopted",
    "{verdict}: {yes} dari {base} {of}, {rule}": "{verdict}: {yes} of {base} {of}, {rule}",
}
