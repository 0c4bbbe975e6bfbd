#!/usr/bin/env bash
# Create the virtual environment and install the pinned requirements.
# On a fresh Debian/Ubuntu machine the venv module may be missing: install it when we can.
set -euo pipefail
venv=${1:-.venv}
python=${PYTHON:-python3}

if ! "$python" -c 'import venv, ensurepip' 2>/dev/null; then
  echo "Python's venv module is missing; installing it with apt-get." >&2
  minor=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq "python${minor}-venv" || $sudo_cmd apt-get install -y -qq python3-venv
fi
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet -r requirements-dev.txt
