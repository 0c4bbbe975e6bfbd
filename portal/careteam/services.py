"""Writes for care teams: escalations."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction

from portal.careteam.models import Escalation, Level


def escalation_create(
    *, message: Any, level: Level | str, reason: str, verdict: dict[str, Any] | None = None
) -> tuple[Escalation, bool]:
    """Escalate `message` (a patient's question) to their care team; never twice per message."""
    existing = Escalation.objects.filter(message=message).first()
    if existing is not None:
        return existing, False
    conversation = message.conversation
    patient = conversation.patient
    try:
        with transaction.atomic():
            escalation = Escalation.objects.create(
                message=message,
                conversation=conversation,
                patient=patient,
                care_team_id=patient.care_team_id,
                level=level,
                reason=reason,
                verdict=verdict or {},
                target_minutes=settings.ESCALATION_TARGET_MINUTES[str(level)],
            )
    except IntegrityError:
        return Escalation.objects.get(message=message), False
    return escalation, True


def escalation_promise(escalation: Escalation, *, emergency_number: str) -> str:
    """What the patient is promised, in plain words."""
    minutes = escalation.target_minutes
    if minutes < 120:
        when = f"within {minutes} minutes"
    elif minutes < 24 * 60:
        when = f"within {minutes // 60} hours"
    else:
        days = max(1, minutes // (24 * 60))
        when = f"within {days} business day" + ("s" if days > 1 else "")
    return (
        f"Your care team will reply {when}. "
        f"If it gets worse, call {emergency_number}."
    )
