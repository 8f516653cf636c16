CATALOGUE = {
    "Acara \u201c{item}\u201d sudah diputuskan; pilih acara berikutnya lalu Enter.": "Item \u201c{item}\u201d is decided; choose the next item and press Enter.",
    "Pemungutan suara \u201c{title}\u201d bukan yang terakhir atas acara {n}. {item}; hanya pemungutan suara terakhir atas acara ini yang dapat diulang.": "The vote \u201c{title}\u201d is not the latest on item {n}. {item}; only the latest vote on this item can be run again.",
    "Acara {n}. {item} sudah diputuskan dengan mufakat sesudah pemungutan suara \u201c{title}\u201d; pemungutan suara itu tidak dapat diulang.": "Item {n}. {item} was decided by consensus after the vote \u201c{title}\u201d; that vote cannot be run again.",
    "Sesudah pemungutan suara \u201c{title}\u201d dicatat bahwa mufakat tidak tercapai atas acara {n}. {item}; buka pemungutan suara baru, bukan mengulang yang lama.": "After the vote \u201c{title}\u201d, consensus was recorded as not reached on item {n}. {item}; open a new vote instead of running the old one again.",
    "Belum ada pemungutan suara atas acara {n}. {item}; tidak ada yang dapat diulang.": "No vote has been held on item {n}. {item}; there is nothing to run again.",
    "Acara {n}. {item}: \u201c{title}\u201d dipungut suara ulang. Alasan (wajib):": "Item {n}. {item}: \u201c{title}\u201d is voted on again. Reason (required):",
}
