"""English for the live door (branch ``live``): what other windows and desks change, and long
work on the door's worker thread."""

CATALOGUE: dict[str, str] = {
    "Menandatangani…": "Signing…",
}
