"""Writing to the audit log."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from portal.audit.models import AuditAction, AuditEvent
from portal.records.models import Patient


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    # Behind a proxy, Django's REMOTE_ADDR is the proxy unless the server is told otherwise
    # (uvicorn --proxy-headers --forwarded-allow-ips); we record what the server saw.
    return request.META.get("REMOTE_ADDR") or None


def audit_event_record(
    *,
    action: AuditAction,
    actor: Any = None,
    patient: Patient | None = None,
    patient_id: int | None = None,
    patient_mrn: str = "",
    request: HttpRequest | None = None,
    **detail: Any,
) -> AuditEvent:
    """Append one event. `detail` must never hold record content or prompts, only facts.

    Name the patient by object, or by id and MRN when the caller has no row loaded.
    """
    return AuditEvent.objects.create(
        action=action,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_role=getattr(actor, "role", "") or "",
        patient=patient,
        patient_id=patient.pk if patient else patient_id,
        patient_mrn=patient.mrn if patient else patient_mrn,
        ip=client_ip(request),
        detail=detail,
    )


def audit_staff_read(
    *, request: HttpRequest, patient: Patient, action: AuditAction, **detail: Any
) -> None:
    """Record a staff member's read of patient data; a patient reading their own is not staff."""
    user = request.user
    if getattr(user, "is_staff_role", False):
        audit_event_record(action=action, actor=user, patient=patient, request=request, **detail)
