#!/usr/bin/env bash
# What `make test` needs from the machine, installed and started when missing:
# PostgreSQL and Redis (the integration suite), cmake and g++ (the llama.cpp test server),
# Chromium (the browser tests). Packages come from Debian's repositories via apt-get
# (as root, or with sudo). Then PostgreSQL and Redis are started on 127.0.0.1 if they are
# not running, and a test role is made. Prints what it did; a missing piece is reported by
# the tests themselves (they skip outside CI and fail under CI).
set -uo pipefail

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo_cmd="sudo"; else sudo_cmd="none"; fi
fi
missing=()
command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v cmake >/dev/null || missing+=(cmake)
command -v g++ >/dev/null || missing+=(g++)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ((${#missing[@]})); then
  if [ "$sudo_cmd" = "none" ]; then
    echo "services: missing ${missing[*]} and no root or sudo to install them"
  else
    echo "services: installing ${missing[*]} with apt-get"
    $sudo_cmd apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null \
      || echo "services: apt-get install failed"
  fi
fi

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

if command -v pg_ctlcluster >/dev/null && ! pg_up && [ -d /etc/postgresql ]; then
  for version in $(ls /etc/postgresql); do
    ${sudo_cmd/none/} pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
  done
  for _ in $(seq 40); do pg_up && break; sleep 0.5; done
fi
if ! redis_up && command -v redis-server >/dev/null; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  for _ in $(seq 20); do redis_up && break; sleep 0.25; done
fi
if pg_up; then
  # The tests' role (password auth works whatever the local pg_hba.conf asks for).
  sql="DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_test') THEN
       CREATE ROLE portal_test LOGIN CREATEDB PASSWORD 'portal_test'; END IF; END \$\$;"
  psql -h 127.0.0.1 -U postgres -d postgres -qtc "$sql" >/dev/null 2>&1 \
    || ${sudo_cmd/none/} su postgres -c "psql -d postgres -qtc \"$sql\"" >/dev/null 2>&1 \
    || echo "services: could not create the portal_test role"
  echo "services: PostgreSQL on 127.0.0.1:5432"
else
  echo "services: PostgreSQL not available"
fi
redis_up && echo "services: Redis on 127.0.0.1:6379" || echo "services: Redis not available"
exit 0
