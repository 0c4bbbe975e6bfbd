"""The production parts, for real: PostgreSQL and Redis on 127.0.0.1.

`make test` starts them when they are installed but not running (scripts/services.sh).
Outside CI a missing service skips with its reason; under CI=true it fails.
Override the addresses with TEST_POSTGRES_URL and TEST_REDIS_URL.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import require_service

ROOT = Path(__file__).resolve().parents[2]
POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgres://portal_test:portal_test@127.0.0.1:5432/postgres"
)
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
BUNDLE = next((ROOT / "portal/records/fixtures/synthea").glob("Louis_Maggio_*.json"))

pytestmark = pytest.mark.services


def _postgres_available() -> bool:
    import psycopg

    try:
        with psycopg.connect(POSTGRES_URL, connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def _redis_available() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping())
    except redis.RedisError:
        return False


@pytest.fixture
def postgres_database() -> Iterator[str]:
    """A fresh, empty database for one test; dropped afterwards."""
    require_service(_postgres_available(), f"PostgreSQL not reachable at {POSTGRES_URL}")
    import psycopg

    name = f"portal_it_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield POSTGRES_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(*args: str, database_url: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_postgres_migrate_import_and_reimport(postgres_database: str) -> None:
    migrate = manage("migrate", "--noinput", database_url=postgres_database)
    assert migrate.returncode == 0, migrate.stderr

    first = manage("import_fhir", str(BUNDLE), database_url=postgres_database)
    assert first.returncode == 0, first.stderr
    again = manage("import_fhir", str(BUNDLE), database_url=postgres_database)
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout.strip().splitlines()[-1])

    import psycopg

    with psycopg.connect(postgres_database) as conn:
        conditions = conn.execute("SELECT count(*) FROM records_condition").fetchone()
        observations = conn.execute("SELECT count(*) FROM records_observation").fetchone()
        patients = conn.execute("SELECT count(*) FROM records_patient").fetchone()
    assert patients == (1,)
    assert conditions == (summary["counts"]["Condition"],)
    assert observations == (summary["counts"]["Observation"],)


async def test_redis_channel_layer_round_trip() -> None:
    require_service(_redis_available(), f"Redis not reachable at {REDIS_URL}")
    from channels_redis.core import RedisChannelLayer

    layer = RedisChannelLayer(hosts=[REDIS_URL])
    channel = await layer.new_channel()
    await layer.group_add("careteam-it", channel)
    await layer.group_send("careteam-it", {"type": "queue.update", "id": 7})
    message = await layer.receive(channel)
    await layer.group_discard("careteam-it", channel)
    await layer.flush()
    assert message == {"type": "queue.update", "id": 7}


def test_celery_broker_accepts_and_delivers_a_message() -> None:
    require_service(_redis_available(), f"Redis not reachable at {REDIS_URL}")
    from kombu import Connection

    queue_name = f"portal-it-{uuid.uuid4().hex[:8]}"
    with Connection(REDIS_URL, connect_timeout=3) as conn:
        queue = conn.SimpleQueue(queue_name)
        queue.put({"task": "ping"})
        message = queue.get(timeout=5)
        message.ack()
        queue.close()
    assert message.payload == {"task": "ping"}
