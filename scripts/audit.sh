#!/usr/bin/env bash
# Known-vulnerability audit of the installed dependencies (pip-audit, PyPI's advisory data).
#
# pip-audit needs PyPI's per-release JSON (which carries the advisories). Where it cannot
# get it (no network, or a mirror without that endpoint) pip-audit would "pass" with every
# package skipped, so we probe first and say plainly that the audit did not run.
# With the service reachable, --strict fails on any package it could not audit.
set -euo pipefail
BIN=${BIN:-.venv/bin}
PROBE=https://pypi.org/pypi/django/5.2.19/json

if ! "$BIN/python" - "$PROBE" <<'PY' 2>/dev/null
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=5) as response:
    sys.exit(0 if b'"vulnerabilities"' in response.read() else 1)
PY
then
  echo "pip-audit skipped: no network (PyPI's vulnerability data is unreachable from here)"
  exit 0
fi
"$BIN/pip-audit" --strict --progress-spinner off --skip-editable
