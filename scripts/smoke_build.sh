#!/usr/bin/env bash
# Smoke test of the built program ALONE (scripts/build.sh first): no virtual environment, no
# source folder, an empty environment (env -i) with only HOME, QT_QPA_PLATFORM and
# PATH=/usr/bin:/bin. Runs demo, status, minutes export, keys new, sign (chair, secretary, witnesses),
# verify, and opens the window offscreen and saves a screenshot (KUORUM_SCREENSHOT).
# Usage: scripts/smoke_build.sh [BUILD_FOLDER] [OUT_FOLDER]   (defaults: dist/Kuorum, a temp folder)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=$(cd "${1:-dist/Kuorum}" && pwd)
OUT=${2:-$(mktemp -d)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
EXE="$BUILD/kuorum"
[ -x "$EXE" ] || EXE="$BUILD/kuorum.exe"

fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }

# Files the app needs at run time, loaded by path (not found by import analysis).
for f in resources/fonts/DejaVuSans.ttf assembly/persistence/migrations/env.py \
  assembly/persistence/migrations/versions/r0001_register.py assembly/i18n/locale/en.mo \
  assembly/i18n/locale/qt-id.qm; do
  [ -f "$BUILD/_internal/$f" ] || fail "missing $f"
done
for plugin in platforms/libqoffscreen.so platforms/libqxcb.so imageformats/libqjpeg.so; do
  find "$BUILD/_internal" -path "*plugins/$plugin" | grep -q . || fail "missing Qt plugin $plugin"
done

# Run the built program from the output folder, with nothing of this machine's Python around.
run() {
  (cd "$OUT" && env -i HOME="$OUT/home" QT_QPA_PLATFORM=offscreen PATH=/usr/bin:/bin \
    KUORUM_PASSPHRASE="sandi-uji-2026" ${EXTRA_ENV:-} "$EXE" "$@")
}
mkdir -p "$OUT/home"
rm -f "$OUT"/*.sqlite "$OUT"/*.pdf "$OUT"/*.p12 "$OUT"/window.png

echo "== demo"
run demo --db demo.sqlite --members 200 | tee "$OUT/demo.txt"
grep -q "200 anggota" "$OUT/demo.txt" || fail "demo"

echo "== status"
run status --db demo.sqlite | tee "$OUT/status.txt"
grep -q "Kuorum: .* TERCAPAI" "$OUT/status.txt" || fail "status"

echo "== minutes export"
run minutes export --db demo.sqlite --meeting 1 --out berita-acara.pdf
head -c 5 "$OUT/berita-acara.pdf" | grep -q "%PDF-" || fail "minutes export"
# The English catalogue (en.mo) is in the build: the English berita acara and its plurals.
run minutes export --db demo.sqlite --meeting 1 --out minutes-en.pdf --lang en \
  | tee "$OUT/minutes-en.txt"
grep -q "^Minutes written to .* pages)\.$" "$OUT/minutes-en.txt" || fail "minutes export in English"

echo "== keys new"
run keys new --name "Budi Santoso" --out ketua.p12 --org "KSP Sido Makmur"
run keys new --name "Siti Aminah" --out sekretaris.p12 --org "KSP Sido Makmur"
run keys new --name "Dame br. Pardede" --out saksi1.p12 --org "KSP Sido Makmur"
run keys new --name "Ika Anggraini" --out saksi2.p12 --org "KSP Sido Makmur"
run keys new --name "Bayu Hartono" --out mengetahui.p12 --org "KSP Sido Makmur"

echo "== sign (chair, secretary, then the two witnesses and the Mengetahui the meeting requires)"
run sign berita-acara.pdf --key ketua.p12 --role ketua --out ditandatangani-1.pdf
run sign ditandatangani-1.pdf --key sekretaris.p12 --role sekretaris --out ditandatangani-2.pdf
# Until every required signer has signed, verify says who is missing and fails.
if run verify ditandatangani-2.pdf >"$OUT/verify-partial.txt"; then fail "verify accepted a file without its witnesses"; fi
grep -q "belum ditandatangani: Saksi Rapat 1, Saksi Rapat 2, Mengetahui" "$OUT/verify-partial.txt" || fail "verify named the missing signers"
run sign ditandatangani-2.pdf --key saksi1.p12 --role saksi1 --out ditandatangani-3.pdf
run sign ditandatangani-3.pdf --key saksi2.p12 --role saksi2 --out ditandatangani-4.pdf
run sign ditandatangani-4.pdf --key mengetahui.p12 --role mengetahui --out ditandatangani.pdf

echo "== verify"
run verify ditandatangani.pdf | tee "$OUT/verify.txt"
grep -q "^SAH: 5 tanda tangan" "$OUT/verify.txt" || fail "verify"
grep -q "^HASIL: SAH" "$OUT/verify.txt" || fail "verify (strict)"
# One byte changed inside the signed part must not verify (exit code 1).
size=$(wc -c <"$OUT/ditandatangani.pdf")
cp "$OUT/ditandatangani.pdf" "$OUT/diubah.pdf"
printf 'X' | dd of="$OUT/diubah.pdf" bs=1 seek=$((size / 3)) conv=notrunc status=none
if run verify diubah.pdf >"$OUT/verify-changed.txt"; then fail "verify accepted a changed file"; fi

echo "== window (offscreen) with a screenshot"
EXTRA_ENV="KUORUM_SCREENSHOT=$OUT/window.png" run --db demo.sqlite
head -c 8 "$OUT/window.png" | grep -q "PNG" || fail "screenshot"
echo "SMOKE PASSED: $OUT (window: $OUT/window.png)"
