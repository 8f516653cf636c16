#!/usr/bin/env bash
# Sets up Kuorum (first time only) and opens the app. Arguments go to the app:
#   scripts/run.sh                 your cooperative (a database in your data folder)
#   scripts/run.sh --demo          the demo cooperative
#   scripts/run.sh --db FILE       another database file
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec .venv/bin/python main.py "$@"
