"""Care teams and their clinician members."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, pgettext_lazy

# Membership titles the portal can say in the patient's language when it signs a reply
# (services.author_label); any other title is shown as typed.
TITLES = (
    gettext_noop("Clinician"),
    gettext_noop("Nurse"),
    gettext_noop("Nurse practitioner"),
    gettext_noop("Physician"),
    gettext_noop("Physician assistant"),
    gettext_noop("Pharmacist"),
    gettext_noop("Care coordinator"),
)


class CareTeam(models.Model):
    name = models.CharField(max_length=120, unique=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="care_teams"
    )

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    team = models.ForeignKey(CareTeam, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # How the patient sees the clinician's replies: "Nurse", "Physician", ...
    title = models.CharField(max_length=60, default="Clinician")
    is_lead = models.BooleanField(default=False)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["team", "user"], name="unique_team_member")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.team}"


class Level(models.TextChoices):
    EMERGENCY = "emergency", _("Emergency")
    URGENT = "urgent", _("Urgent")
    ROUTINE = "routine", _("Routine")


class EscalationStatus(models.TextChoices):
    # A context: "Open" and "Closed" have other translations elsewhere in the interface.
    OPEN = "open", pgettext_lazy("escalation status", "Open")
    CLAIMED = "claimed", pgettext_lazy("escalation status", "Claimed")
    ANSWERED = "answered", pgettext_lazy("escalation status", "Answered")
    CLOSED = "closed", pgettext_lazy("escalation status", "Closed")


class Escalation(models.Model):
    """A patient's message that needs a person on the care team. One per message, ever."""

    message = models.OneToOneField(
        "assistant.Message", on_delete=models.CASCADE, related_name="escalation"
    )
    conversation = models.ForeignKey(
        "assistant.Conversation", on_delete=models.CASCADE, related_name="escalations"
    )
    patient = models.ForeignKey(
        "records.Patient", on_delete=models.CASCADE, related_name="escalations"
    )
    care_team = models.ForeignKey(
        CareTeam, null=True, blank=True, on_delete=models.PROTECT, related_name="escalations"
    )
    level = models.CharField(max_length=10, choices=Level.choices)
    status = models.CharField(
        max_length=10, choices=EscalationStatus.choices, default=EscalationStatus.OPEN
    )
    reason = models.CharField(max_length=40)  # guard action or "patient_request"
    verdict = models.JSONField(default=dict, blank=True)
    target_minutes = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    claimed_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closing_note = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["created_at"]
        indexes: ClassVar = [models.Index(fields=["care_team", "status"])]

    def __str__(self) -> str:
        return f"{self.level} escalation {self.pk} ({self.status})"


class Notice(models.Model):
    """One notification about an escalation. `key` makes each one happen at most once."""

    escalation = models.ForeignKey(Escalation, on_delete=models.CASCADE, related_name="notices")
    key = models.CharField(max_length=80, unique=True)  # "esc-12:new", "esc-12:breach-1"
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    recipients = models.JSONField(default=list, blank=True)

    def __str__(self) -> str:
        return self.key
