#!/usr/bin/env bash
# Sets up Kuorum on Debian/Ubuntu: the system libraries Qt needs, then a virtual environment
# with the pinned Python packages. Safe to run again; it only adds what is missing.
# Usage: scripts/setup.sh [--dev]   (--dev adds the test and check tools)
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: Qt offscreen + a real window (xcb), fonts, and the tools the tests and the
# screenshots use (poppler for PDF pages, Xvfb for a virtual screen), and Debian's PostgreSQL
# server, which the host laptop of several desks runs (and the tests start their own of), and
# GNU gettext, whose msgfmt --check the tests run on every catalogue.
PACKAGES=(python3-venv libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0
  fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1
  libxkbcommon-x11-0 poppler-utils xvfb xauth postgresql gettext)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    echo "Kuorum needs these Debian packages. Run this, then run the command again:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
extra=""
[ "${1:-}" = "--dev" ] && extra="[dev]"
stamp=".venv/.installed$extra"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  # QtPdf came from PySide6-Pdf with Qt 6.12, whose bindings abort on Python 3.11; it now comes
  # from PySide6-Addons 6.11.3, and the old package would overwrite the same files.
  .venv/bin/python -m pip uninstall -q -y PySide6-Pdf >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q -e ".$extra"
  touch "$stamp"
fi
# The translation catalogues: compile the .po sources into the .mo files the app reads.
.venv/bin/python -m assembly.i18n.compile >/dev/null
