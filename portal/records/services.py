"""Writes for records: preventive-care reminders."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
    says that something is due and asks the patient to sign in. It is written in the
    patient's preferred language (a task has no request to take one from).
    """
    with transaction.atomic():
        rows = list(
            PreventiveReminder.objects.select_for_update(of=("self",))
            .select_related("patient__user")
            .filter(pk__in=reminder_ids, sent_at__isnull=True)
        )
        if not rows:
            return 0
        patient = rows[0].patient
        user = patient.user
        if user is None:
            return 0
        count = len(rows)
        with translation.override(patient.preferred_language):
            subject = _("Preventive care is due")
            message = "\n\n".join(
                (
                    _("Hello %(name)s,") % {"name": patient.given_name},
                    ngettext(
                        "%(count)d screening or vaccine in your preventive care list is due. "
                        "Sign in to the patient portal to see it and what to do next.",
                        "%(count)d screenings or vaccines in your preventive care list are "
                        "due. Sign in to the patient portal to see them and what to do next.",
                        count,
                    )
                    % {"count": count},
                    _("This is an automatic reminder. Please do not reply."),
                )
            )
        send_mail(
            subject=subject,
            message=message,
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )
        PreventiveReminder.objects.filter(pk__in=[r.pk for r in rows]).update(
            sent_at=timezone.now()
        )
    return 1
