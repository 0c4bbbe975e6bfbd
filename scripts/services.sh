#!/usr/bin/env bash
# Make sure PostgreSQL and Redis answer on 127.0.0.1 for the integration tests:
# use the running ones, otherwise start them when their binaries are installed.
# Prints what it did; never fails the build itself (the tests decide: they skip
# outside CI and fail under CI when a service is missing).
set -uo pipefail

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

if command -v pg_isready >/dev/null && ! pg_up; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    for version in $(ls /etc/postgresql); do
      pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
    done
    for _ in $(seq 20); do pg_up && break; sleep 0.5; done
  fi
fi
if ! redis_up && command -v redis-server >/dev/null; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  for _ in $(seq 20); do redis_up && break; sleep 0.25; done
fi
pg_up && echo "services: PostgreSQL on 127.0.0.1:5432" || echo "services: PostgreSQL not available"
redis_up && echo "services: Redis on 127.0.0.1:6379" || echo "services: Redis not available"
exit 0
