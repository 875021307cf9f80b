#!/usr/bin/env bash
# Install everything the test suite needs and run it: the README's test command, and what CI runs.
#   bash tests/run.sh [pytest args...]
# - Debian's chromium (for the browser tests), through apt-get when it is missing;
# - a virtualenv in .venv (unless one is active) with Jalin and its test extras;
# - ruff, then pytest (unit, end-to-end and real-browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends \
    chromium fonts-dejavu-core
fi

if [ -z "${VIRTUAL_ENV:-}" ]; then
  [ -x .venv/bin/python ] || python3 -m venv .venv
  # shellcheck disable=SC1091
  . .venv/bin/activate
fi
python -m pip install -q --upgrade pip
python -m pip install -q -e ".[test]"

ruff check graph viz tests bench
python -m pytest "$@"
