#!/usr/bin/env bash
# Brings the translation catalogues in step with the code: folds any leftover dictionary
# catalogue (assembly/i18n/en/*.py) into en.po and deletes it, extracts the marked texts into
# kuorum.pot, updates en.po, and compiles the .mo files. See assembly/i18n/extract.py.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
[ -x .venv/Scripts/python.exe ] && PY=.venv/Scripts/python.exe
exec "$PY" -m assembly.i18n.extract "$@"
