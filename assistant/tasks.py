"""Celery tasks for the assistant: call a service. Idempotent."""

from __future__ import annotations

from celery import shared_task

from assistant.services import conversations_purge


@shared_task(acks_late=True)
def purge_conversations() -> int:
    return conversations_purge()
