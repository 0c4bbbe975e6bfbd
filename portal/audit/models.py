"""The audit log: append-only. Rows are written through portal.audit.services only."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class AuditAction(models.TextChoices):
    RECORD_VIEW = "record.view", "Viewed a record"
    RECORD_EXPORT = "record.export", "Exported a record"
    CONVERSATION_VIEW = "conversation.view", "Viewed a conversation"
    CONVERSATION_EXPORT = "conversation.export", "Exported conversations"
    MODEL_CALL = "model.call", "Called a language model"
    STAFF_ACTION = "staff.action", "Staff action"
    AUDIT_EXPORT = "audit.export", "Exported the audit log"


class AppendOnlyError(Exception):
    """Audit rows are never changed or deleted through the application."""


class AuditQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("audit events cannot be updated")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events cannot be deleted")


class AuditEvent(models.Model):
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_role = models.CharField(max_length=16, blank=True)
    action = models.CharField(max_length=32, choices=AuditAction.choices)
    patient = models.ForeignKey(
        "records.Patient", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept when the patient row goes (retention), so the trail still names whose data it was.
    patient_mrn = models.CharField(max_length=64, blank=True, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering: ClassVar = ["-at"]
        indexes: ClassVar = [models.Index(fields=["actor", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise AppendOnlyError("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events cannot be deleted")
