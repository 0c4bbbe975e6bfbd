"""Celery tasks for records: load by id, call a service."""

from __future__ import annotations

from functools import partial

from celery import shared_task
from django.db import transaction
from django.utils import timezone

from portal.records.models import Patient
from portal.records.services import reminder_send, reminders_claim


@shared_task(acks_late=True)
def preventive_reminders() -> int:
    """Daily (Celery beat): claim newly due items and enqueue one email per patient."""
    today = timezone.localdate()
    patients = Patient.objects.filter(user__isnull=False, user__is_active=True)
    enqueued = 0
    for patient in patients.iterator():
        claimed = reminders_claim(patient=patient, today=today)
        if claimed:
            transaction.on_commit(partial(send_preventive_reminder.delay, [r.pk for r in claimed]))
            enqueued += 1
    return enqueued


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=10)
def send_preventive_reminder(reminder_ids: list[int]) -> int:
    return reminder_send(reminder_ids=reminder_ids)
