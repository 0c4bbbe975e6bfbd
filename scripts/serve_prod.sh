#!/usr/bin/env bash
# Production launch on one machine: several uvicorn workers, a Celery worker and Celery
# beat, against PostgreSQL and Redis (the Procfile's three processes). Put a TLS-terminating
# proxy in front (it must set X-Forwarded-Proto and strip client copies of it); see
# docs/DEPLOYMENT.md for the variables.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${DATABASE_URL:?set DATABASE_URL (postgres://...)}"
: "${REDIS_URL:?set REDIS_URL (redis://...)}"
: "${SECRET_KEY:?set SECRET_KEY}"
bin=.venv/bin
$bin/python manage.py migrate --noinput
$bin/python manage.py collectstatic --noinput -v0
$bin/python manage.py kb load   # changed article files become versions waiting for review
mkdir -p var
pids=()
$bin/uvicorn portal.asgi:application --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}" \
  --workers "${WEB_CONCURRENCY:-2}" --proxy-headers \
  --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}" --ws-max-size 65536 --ws-per-message-deflate false & pids+=($!)
$bin/celery -A portal worker --loglevel info --concurrency "${CELERY_CONCURRENCY:-2}" & pids+=($!)
$bin/celery -A portal beat --loglevel info --schedule var/celerybeat-schedule & pids+=($!)
trap 'kill "${pids[@]}" 2>/dev/null; wait' INT TERM EXIT
echo "serving on http://${HOST:-127.0.0.1}:${PORT:-8000} with ${WEB_CONCURRENCY:-2} web workers, a Celery worker and beat"
wait -n
