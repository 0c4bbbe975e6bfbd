from __future__ import annotations

from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from assistant.access import access_patient


@login_required
def record(request: HttpRequest, public_id: UUID) -> HttpResponse:
    patient = access_patient(request.user, public_id)
    return render(request, "records/record.html", {"patient": patient})
