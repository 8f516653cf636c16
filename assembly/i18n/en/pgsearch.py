CATALOGUE = {
    "lebih dari {shown} cocok — ketik lebih banyak untuk mempersempit": (
        "more than {shown} matches — type more to narrow it down"
    ),
}
