"""Writes for records: preventive-care reminders."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.preventive import Status
from portal.records.models import Patient, PreventiveReminder
from portal.records.preventive import recommendations_for

DUE = (Status.DUE, Status.OVERDUE)


def reminders_claim(*, patient: Patient, today: date) -> list[PreventiveReminder]:
    """Rows for items that became due and were never reminded for this period."""
    claimed = []
    for item in recommendations_for(patient, today=today):
        if item.status not in DUE:
            continue
        period = (item.next_due or today).isoformat()
        try:
            with transaction.atomic():
                claimed.append(
                    PreventiveReminder.objects.create(
                        patient=patient, rule_id=item.rule_id, period=period
                    )
                )
        except IntegrityError:
            continue  # reminded already for this item and period
    return claimed


def reminder_send(*, reminder_ids: list[int]) -> int:
    """Send one email for the claimed, unsent reminders of one patient; returns emails sent.

    The email names no condition or test: email is not a private channel, so it only
    says that something is due and asks the patient to sign in.
    """
    with transaction.atomic():
        rows = list(
            PreventiveReminder.objects.select_for_update(of=("self",))
            .select_related("patient__user")
            .filter(pk__in=reminder_ids, sent_at__isnull=True)
        )
        if not rows:
            return 0
        user = rows[0].patient.user
        if user is None:
            return 0
        count = len(rows)
        send_mail(
            subject="Preventive care is due",
            message=(
                f"Hello {rows[0].patient.given_name},\n\n"
                f"{count} screening or vaccine item(s) in your preventive care list "
                "are due. Sign in to the patient portal to see them and what to do next.\n\n"
                "This is an automatic reminder. Please do not reply."
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )
        PreventiveReminder.objects.filter(pk__in=[r.pk for r in rows]).update(
            sent_at=timezone.now()
        )
    return 1
