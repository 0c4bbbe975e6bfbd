"""Celery tasks for care teams: load by id, call a service. All idempotent."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from portal.careteam.models import Escalation, EscalationStatus, Notice
from portal.careteam.services import NOTIFY_LEVELS, notice_send
from portal.careteam.summary import escalation_summary

# A notice younger than this is still in its first delivery attempt.
OUTBOX_GRACE_SECONDS = 60


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=(Exception,),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=None,
)
def notify_escalation(escalation_id: int, kind: str) -> bool:
    """Retried until the email is sent; the notice key makes it happen once."""
    return notice_send(escalation_id=escalation_id, kind=kind)


@shared_task(acks_late=True)
def deliver_outbox() -> int:
    """Periodic: enqueue every notice still unsent OUTBOX_GRACE_SECONDS after it was written.

    Notices are written in the escalation's transaction (the outbox); this picks up those
    whose enqueue failed (broker down) or whose worker died. Sending twice is impossible:
    notice_send locks the row and skips a sent notice. Returns how many were enqueued.
    """
    cutoff = timezone.now() - timedelta(seconds=OUTBOX_GRACE_SECONDS)
    unsent = Notice.objects.filter(sent_at__isnull=True, created_at__lte=cutoff)
    enqueued = 0
    for escalation_id, key in unsent.values_list("escalation_id", "key"):
        notify_escalation.delay(escalation_id, key.split(":", 1)[1])
        enqueued += 1
    return enqueued


@shared_task(acks_late=True)
def renotify_breaches() -> int:
    """Periodic: re-notify open emergency/urgent escalations past their response target.

    One re-notice per whole target period elapsed ("breach-1", "breach-2", ...).
    """
    now = timezone.now()
    sent = 0
    waiting = Escalation.objects.filter(
        level__in=NOTIFY_LEVELS, status__in=(EscalationStatus.OPEN, EscalationStatus.CLAIMED)
    ).only("pk", "created_at", "target_minutes")
    for escalation in waiting:
        periods = int(
            (now - escalation.created_at).total_seconds() // (escalation.target_minutes * 60)
        )
        if periods >= 1:
            notify_escalation.delay(escalation.pk, f"breach-{periods}")
            sent += 1
    return sent


@shared_task(acks_late=True)
def summarize_escalation(escalation_id: int) -> None:
    escalation = Escalation.objects.filter(pk=escalation_id).first()
    if escalation is None:
        return
    summary = escalation_summary(escalation)
    Escalation.objects.filter(pk=escalation_id).update(summary=summary)
