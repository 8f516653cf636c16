#!/usr/bin/env bash
# Proves every pinned runtime dependency of Kuorum, and PyInstaller, has a wheel for Windows x64
# and the Python the build uses (3.11): pip download --only-binary for each pin, no source builds.
set -euo pipefail
cd "$(dirname "$0")/.."
PY_VERSION=${PY_VERSION:-3.11}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pins=$(python3 - <<'PY'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
pins = project["dependencies"] + project["optional-dependencies"]["build"]
# psycopg's "binary" extra is a wheel of its own (psycopg-binary, the compiled libpq driver),
# which --no-deps would not fetch: check it by name too.
pins += [
    "psycopg-binary==" + p.split("==")[1].split()[0] for p in pins if p.startswith("psycopg[binary]")
]
print("\n".join(p.split("#")[0].strip() for p in pins))
PY
)
failed=0
while read -r pin; do
  if python3 -m pip download -q --platform win_amd64 --python-version "$PY_VERSION" \
    --only-binary=:all: --no-deps -d "$TMP" "$pin" >"$TMP/log" 2>&1; then
    echo "ok       $pin"
  else
    echo "MISSING  $pin"; failed=1
  fi
done <<<"$pins"
echo "-- wheels for win_amd64, Python $PY_VERSION:"
ls "$TMP" | grep -v '^log$'
exit $failed
