"""Patient record pages. Each view loads the patient through assistant.access first."""

from __future__ import annotations

import json
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from assistant.access import access_patient
from portal.audit.models import AuditAction
from portal.audit.services import audit_event_record, audit_staff_read
from portal.records.export import record_bundle
from portal.records.preventive import recommendations_for
from portal.records.selectors import record_view


@login_required
def record(request: HttpRequest, public_id: UUID) -> HttpResponse:
    patient = access_patient(request.user, public_id)
    audit_staff_read(
        request=request, patient=patient, action=AuditAction.RECORD_VIEW, page="record"
    )
    return render(
        request,
        "records/record.html",
        {"view": record_view(patient, lang=get_language()), "patient": patient},
    )


@login_required
def preventive(request: HttpRequest, public_id: UUID) -> HttpResponse:
    patient = access_patient(request.user, public_id)
    audit_staff_read(
        request=request, patient=patient, action=AuditAction.RECORD_VIEW, page="preventive"
    )
    order = {"overdue": 0, "due": 1, "up_to_date": 2, "not_applicable": 3}
    items = sorted(
        recommendations_for(patient, today=timezone.localdate()),
        key=lambda item: (order.get(item.status, 9), item.title),
    )
    return render(request, "records/preventive.html", {"patient": patient, "items": items})


@login_required
def export_record(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The patient's right of access: their record as a FHIR R4 Bundle (JSON)."""
    patient = access_patient(request.user, public_id)
    audit_event_record(
        action=AuditAction.RECORD_EXPORT, actor=request.user, patient=patient, request=request
    )
    body = json.dumps(record_bundle(patient), indent=1)
    response = HttpResponse(body, content_type="application/fhir+json")
    filename = f"record-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
