"""English for the host laptop and the desks that join it (branch pghost)."""

CATALOGUE: dict[str, str] = {
    "berkas basis data (bawaan: {path}), atau string koneksi laptop induk (postgresql://…) "
    "untuk bergabung sebagai meja": "database file (default: {path}), or the host laptop's "
    "connection string (postgresql://…) to join as a desk",
    "Koperasi lain di laptop induk": "Another cooperative on the host laptop",
    "Tetap gabung ke koperasi ini?": "Join this cooperative anyway?",
    "laptop induk untuk beberapa meja": "host laptop for several desks",
    "alamat IPv4 komputer ini": "this computer's IPv4 addresses",
    "buat (pertama kali) dan jalankan server laptop induk": "create (the first time) and start "
    "the host laptop's server",
    "alamat IPv4 laptop ini di jaringan rapat (lihat: host addresses)": "this laptop's IPv4 "
    "address on the meeting's network (see: host addresses)",
    "jaringan yang boleh masuk (bawaan: /24 dari alamatnya)": "the network allowed in "
    "(default: the address's /24)",
    "port server (bawaan: 54329)": "server port (default: 54329)",
    "hentikan server laptop induk": "stop the host laptop's server",
    "keadaan server dan cara meja bergabung": "the server's state and how desks join",
    "salin koperasi dari berkas SQLite ke server laptop induk yang kosong": "copy the "
    "cooperative from a SQLite file into the host laptop's empty server",
    "berkas koperasi (.sqlite)": "cooperative file (.sqlite)",
    "salin seluruh koperasi dari server laptop induk ke satu berkas SQLite baru": "copy the "
    "whole cooperative from the host laptop's server into one new SQLite file",
    "berkas SQLite baru": "new SQLite file",
    "Server laptop induk tidak berjalan. Jalankan dulu: python main.py host start": "The host "
    "laptop's server is not running. Start it first: python main.py host start",
    "folder server (bawaan: {path})": "server folder (default: {path})",
    "Basis data sumber (versi {source}) dan tujuan (versi {target}) berbeda versinya; buka "
    "keduanya dengan Kuorum ini dulu. Tidak ada yang disalin.": "The source database (version "
    "{source}) and the target (version {target}) differ; open both with this Kuorum first. "
    "Nothing was copied.",
    "Basis data tujuan sudah berisi data (tabel {table}); koperasi hanya disalin ke basis data "
    "yang kosong. Tidak ada yang disalin.": "The target database already holds data (table "
    "{table}); a cooperative is copied into an empty database only. Nothing was copied.",
    "Program server PostgreSQL tidak ditemukan di komputer ini. Pasang paket postgresql "
    "(perintah pemasangan di README) lalu ulangi.": "The PostgreSQL server programs were not "
    "found on this computer. Install the postgresql package (the set-up command in the "
    "README) and try again.",
    "{address} bukan alamat IPv4 (contoh: 192.168.1.10).": "{address} is not an IPv4 address "
    "(example: 192.168.1.10).",
    "Folder {folder} sudah berisi server laptop induk.": "Folder {folder} already holds a host "
    "laptop's server.",
    "Belum ada server laptop induk di {folder}. Buat dulu: python main.py host start --address "
    "ALAMAT-IP.": "There is no host laptop server in {folder} yet. Create it first: python "
    "main.py host start --address IP-ADDRESS.",
    "Server laptop induk tidak dapat dijalankan di {address}:{port}: {detail}": "The host "
    "laptop's server could not be started on {address}:{port}: {detail}",
    "Server laptop induk tidak dapat dijalankan oleh pengguna root. Jalankan Kuorum sebagai "
    "pengguna biasa.": "The host laptop's server cannot be run by the root user. Run Kuorum "
    "as an ordinary user.",
    "berjalan": "running",
    "berhenti": "stopped",
    "Server laptop induk: {state} ({folder})": "Host laptop server: {state} ({folder})",
    "Alamat: {address}, port {port}": "Address: {address}, port {port}",
    "Jaringan yang boleh masuk: {subnet}": "Network allowed in: {subnet}",
    "Pengguna meja: {role}": "Desk user: {role}",
    "Kata sandi meja: {password}": "Desk password: {password}",
    "Meja bergabung dengan: python main.py --db {url}": "Desks join with: python main.py "
    "--db {url}",
    "Server laptop induk belum dibuat ({folder}).": "The host laptop's server has not been "
    "created yet ({folder}).",
    "Buat dan jalankan: python main.py host start --address ALAMAT-IP": "Create and start it: "
    "python main.py host start --address IP-ADDRESS",
    "Pilih alamat laptop induk di jaringan (--address). Alamat komputer ini: {addresses}": (
        "Choose the host laptop's address on the network (--address). This computer's "
        "addresses: {addresses}"
    ),
    "Disalin ke {target}: {rows} baris dari {tables} tabel.": "Copied to {target}: {rows} rows "
    "from {tables} tables.",
    "Log audit salinan: {summary}": "Audit log of the copy: {summary}",
    "Berkas {path} sudah ada; pilih nama berkas baru untuk salinan koperasi. Tidak ada yang "
    "disalin.": "File {path} already exists; choose a new file name for the cooperative's "
    "copy. Nothing was copied.",
    "{source} belum berisi koperasi; tidak ada yang disalin.": "{source} holds no cooperative "
    "yet; nothing was copied.",
    "Isi alamat laptop induk (mis. 192.168.1.10).": "Enter the host laptop's address (e.g. "
    "192.168.1.10).",
    "Alamat laptop induk {address} tidak dikenali; tulis seperti 192.168.1.10 atau "
    "192.168.1.10:54329.": "Host laptop address {address} is not recognised; write it like "
    "192.168.1.10 or 192.168.1.10:54329.",
    "Isi kata sandi meja yang ditunjukkan laptop induk.": "Enter the desk password the host "
    "laptop shows.",
    "Laptop induk {host} sekarang berisi koperasi {found}, bukan {known} yang digabungi meja "
    "ini sebelumnya. Periksa alamatnya: mungkin itu laptop induk rapat lain. Tidak ada yang "
    "diubah.": "Host laptop {host} now holds cooperative {found}, not {known} which this desk "
    "joined before. Check the address: it may be another meeting's host laptop. Nothing was "
    "changed.",
    "String koneksi harus berbentuk postgresql://kuorum_meja:KATA-SANDI@ALAMAT:PORT/kuorum, "
    "seperti yang ditunjukkan laptop induk.": "The connection string must look like "
    "postgresql://kuorum_meja:PASSWORD@ADDRESS:PORT/kuorum, as the host laptop shows it.",
    "Port {port} pada alamat laptop induk bukan angka 1–65535.": "Port {port} in the host "
    "laptop's address is not a number 1–65535.",
    "Laptop induk {host} belum berisi koperasi. Di laptop induk, salin koperasi ke dalamnya "
    "(python main.py host copy-in BERKAS.sqlite) atau buat koperasinya di sana dulu.": (
        "Host laptop {host} holds no cooperative yet. On the host laptop, copy the "
        "cooperative into it (python main.py host copy-in FILE.sqlite) or create the "
        "cooperative there first."
    ),
    "Gabung ke laptop induk": "Join the host laptop",
    "Rapat dengan beberapa meja: laptop ini bergabung ke basis data di laptop induk lewat "
    "jaringan lokal.": "A meeting with several desks: this laptop joins the database on the "
    "host laptop over the local network.",
    "Laptop induk menunjukkan alamat, kata sandi dan string koneksinya (menu Berkas → Laptop "
    "induk). Ketik alamat dan kata sandi, atau tempel string koneksinya.": "The host laptop "
    "shows its address, password and connection string (menu File → Host laptop). Type the "
    "address and password, or paste the connection string.",
    "&Gabung": "&Join",
    "Menghubungi laptop induk…": "Contacting the host laptop…",
    "&Alamat laptop induk": "Host laptop &address",
    "&Kata sandi meja": "Desk &password",
    "atau &tempel string koneksi": "or &paste the connection string",
    "Laptop induk untuk beberapa meja": "Host laptop for several desks",
    "Laptop ini menjadi laptop induk: basis data rapat berjalan di sini, dan laptop meja "
    "pendaftaran, ketua dan proyektor bergabung lewat jaringan lokal (tanpa internet). Pilih "
    "alamat laptop ini di jaringan rapat.": "This laptop becomes the host laptop: the "
    "meeting's database runs here, and the check-in desks', the chair's and the projector's "
    "laptops join over the local network (no internet). Choose this laptop's address on the "
    "meeting's network.",
    "{address} (jaringan {subnet}, {interface})": "{address} (network {subnet}, {interface})",
    "&Alamat laptop ini": "This laptop's &address",
    "&Jalankan laptop induk": "&Start the host laptop",
    "&Hentikan": "S&top",
    "Cara meja bergabung": "How a desk joins",
    "Di laptop meja: buka Kuorum, pilih “Gabung ke laptop induk”, lalu ketik alamat dan kata "
    "sandi ini, atau tempel string koneksinya, atau pindai kode QR.": "On the desk's laptop: "
    "open Kuorum, choose “Join the host laptop”, then type this address and password, or "
    "paste the connection string, or scan the QR code.",
    "String &koneksi": "&Connection string",
    "&Salin": "Cop&y",
    "&Buka rapat di laptop ini": "&Open the meeting on this laptop",
    "Alamat:": "Address:",
    "Kata sandi:": "Password:",
    "Laptop induk berjalan di {address}, port {port}. Meja dari jaringan {subnet} dapat "
    "bergabung.": "The host laptop runs on {address}, port {port}. Desks on network {subnet} "
    "can join.",
    "Laptop induk berhenti; meja tidak dapat bergabung.": "The host laptop is stopped; desks "
    "cannot join.",
    "Laptop induk belum pernah dijalankan di laptop ini.": "The host laptop has never been "
    "started on this laptop.",
    "Laptop &induk untuk beberapa meja…": "&Host laptop for several desks…",
    "Laptop induk tidak dapat dihubungi; catatan ini TIDAK dikonfirmasi. Periksa kabel atau "
    "Wi-Fi dan laptop induk; meja menyambung lagi sendiri. Bila saat itu sedang menyimpan, "
    "periksa lagi catatannya sesudah tersambung.": "The host laptop cannot be reached; this "
    "record is NOT confirmed. Check the cable or Wi-Fi and the host laptop; the desk "
    "reconnects by itself. If it was saving at that moment, check the record again once "
    "connected.",
    "Laptop induk tidak terhubung sejak {time}. Catatan baru TIDAK disimpan dan tidak "
    "dikonfirmasi; meja menyambung lagi sendiri begitu laptop induk menjawab. Periksa kabel "
    "atau Wi-Fi dan laptop induk.": "The host laptop has been unreachable since {time}. New "
    "records are NOT saved and not confirmed; the desk reconnects by itself as soon as the "
    "host laptop answers. Check the cable or Wi-Fi and the host laptop.",
    "Salin koperasi": "Copy the cooperative",
    "Salin &masuk koperasi yang terbuka": "Copy the open cooperative &in",
    "Salin &keluar ke satu berkas…": "Copy &out to one file…",
    "&Batalkan salinan": "&Cancel the copy",
    "Sebelum rapat: salin koperasi dari berkasnya ke laptop induk. Sesudah rapat: salin "
    "seluruh koperasi ke satu berkas yang disimpan bersama berita acara.": "Before the "
    "meeting: copy the cooperative from its file into the host laptop. After the meeting: "
    "copy the whole cooperative into one file kept with the berita acara.",
    "Salin seluruh koperasi ke berkas": "Copy the whole cooperative to a file",
    "Basis data Kuorum (*.sqlite)": "Kuorum database (*.sqlite)",
    "Laptop ini tidak lagi memakai alamat {old} (jaringannya berganti). Pilih alamatnya "
    "sekarang dengan --address: {addresses}": "This laptop no longer uses address {old} (its "
    "network changed). Choose its address now with --address: {addresses}",
    "Laptop induk: {host}": "Host laptop: {host}",
}
