#!/usr/bin/env bash
# Sets up Kuorum with its test tools and runs every check and the whole test suite:
# ruff, mypy (domain and services), import-linter (the layer rules), the domain tests once
# without Qt installed, then all tests with Qt offscreen.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --dev

echo "== ruff"
.venv/bin/ruff check assembly tests bench scripts
.venv/bin/ruff format --check assembly tests bench scripts
echo "== mypy"
.venv/bin/mypy
echo "== import-linter"
.venv/bin/lint-imports

echo "== domain tests without Qt"
PYTHON=${PYTHON:-python3}
[ -x .venv-core/bin/python ] || "$PYTHON" -m venv .venv-core
if [ ! -f .venv-core/.installed ] || [ pyproject.toml -nt .venv-core/.installed ]; then
  # The domain needs the stdlib only; the tests need pytest and Hypothesis.
  pins=$(grep -E '"(pytest|hypothesis|pytest-timeout)==' pyproject.toml | tr -d ' ",')
  .venv-core/bin/python -m pip install -q $pins
  touch .venv-core/.installed
fi
! .venv-core/bin/python -c "import PySide6" 2>/dev/null
.venv-core/bin/python -m pytest -q -c tests/domain/pytest-core.ini tests/domain

echo "== all tests"
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q "$@"
