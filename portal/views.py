"""Landing, patient home and staff home."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language

from assistant.access import access_own_patient, patients_visible_to
from portal.accounts.models import Role
from portal.records.selectors import condition_views


def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.is_authenticated:
        return render(request, "landing.html")
    if getattr(user, "is_staff_role", False):
        return redirect("staff_home")
    patient = access_own_patient(user)
    conditions = condition_views(patient, lang=get_language())[:6]
    return render(request, "patient/home.html", {"patient": patient, "conditions": conditions})


@login_required
def staff_home(request: HttpRequest) -> HttpResponse:
    user = request.user
    role = getattr(user, "role", Role.PATIENT)
    if role == Role.PATIENT:
        return redirect("home")
    context: dict[str, object] = {"role": role}
    if role in (Role.CLINICIAN, Role.ADMIN):
        context["patients"] = (
            patients_visible_to(user)
            .select_related("care_team")
            .order_by("family_name", "given_name")[:200]
        )
        context["teams"] = user.care_teams.all()  # type: ignore[union-attr]
    return render(request, f"staff/home_{role}.html", context)


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
