#!/usr/bin/env bash
# Builds Kuorum as one folder (dist/Kuorum/) with PyInstaller from kuorum.spec.
# The build has its own environment, .venv-build, made from the same pins as the app plus the
# "build" group of pyproject.toml, so PyInstaller never enters the app's .venv.
# Usage: scripts/build.sh            (Linux; on Windows run the same steps from Git Bash, see README)
set -euo pipefail
cd "$(dirname "$0")/.."

# python3 on Linux; on Windows (Git Bash) the python.org installer names it python.
PYTHON=${PYTHON:-$(command -v python3 >/dev/null && echo python3 || echo python)}
if [ -x .venv-build/Scripts/python.exe ]; then BPY=.venv-build/Scripts/python.exe
else BPY=.venv-build/bin/python; fi
[ -x "$BPY" ] || "$PYTHON" -m venv .venv-build
[ -x .venv-build/Scripts/python.exe ] && BPY=.venv-build/Scripts/python.exe
stamp=.venv-build/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  # The pins only, not the project: the spec takes the source from this folder.
  "$BPY" - > .venv-build/pins.txt <<'PY'
import tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
print("\n".join(project["dependencies"] + project["optional-dependencies"]["build"]))
PY
  "$BPY" -m pip uninstall -q -y PySide6-Pdf >/dev/null 2>&1 || true  # see scripts/setup.sh
  "$BPY" -m pip install -q -r .venv-build/pins.txt
  touch "$stamp"
fi

# The translation catalogues: .po sources -> the .mo files the spec packs (Babel, a pin).
"$BPY" -m assembly.i18n.compile
"$BPY" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller kuorum.spec
du -sh dist/Kuorum
