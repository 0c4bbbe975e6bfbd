#!/usr/bin/env bash
# The integration suite: the chat, care-team, records and moderation tests again, this
# time against PostgreSQL and Redis (channel layer, cache) on 127.0.0.1.
# Outside CI a missing service skips the suite with the reason; with CI=true it fails.
set -uo pipefail
cd "$(dirname "$0")/.."
PG=${TEST_POSTGRES_URL:-postgres://portal_test:portal_test@127.0.0.1:5432/portal_it}
REDIS=${TEST_REDIS_URL:-redis://127.0.0.1:6379/14}
missing=()
pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || missing+=("PostgreSQL on 127.0.0.1:5432")
redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG || missing+=("Redis on 127.0.0.1:6379")
if ((${#missing[@]})); then
  echo "integration suite: ${missing[*]} not available (install: sudo apt-get install postgresql redis-server)"
  if [ "${CI:-}" = "true" ]; then echo "CI=true: the integration suite must run"; exit 1; fi
  echo "SKIPPED: integration suite (outside CI)"; exit 0
fi
redis-cli -u "$REDIS" flushdb >/dev/null
echo "integration suite: PostgreSQL $PG, Redis $REDIS"
DATABASE_URL=$PG REDIS_URL=$REDIS CELERY_TASK_ALWAYS_EAGER=true \
  .venv/bin/pytest -q -p no:cacheprovider -m "not sqlite" tests/integration tests/assistant \
  tests/careteam tests/records tests/moderation tests/accounts "$@"
