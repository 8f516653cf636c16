"""English for the console's tie button (a tie settled by lot or by the chair)."""

CATALOGUE: dict[str, str] = {
    "Tentukan suara &sama…": "Settle the &tie…",
}
