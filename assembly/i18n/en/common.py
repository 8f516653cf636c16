"""English texts shared by every part of the product."""

CATALOGUE: dict[str, str] = {
    "baris {row}": "row {row}",
    "kolom {column}": "column {column}",
}
