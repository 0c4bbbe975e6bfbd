"""Care-team pages: the live queue, an escalation, and the lead's dashboard."""

from __future__ import annotations

from datetime import timedelta
from statistics import median
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Case, Count, IntegerField, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assistant.access import (
    access_escalation,
    escalations_visible_to,
    require_care_team_staff,
)
from portal.audit.models import AuditAction
from portal.audit.services import audit_event_record, audit_staff_read
from portal.careteam.forms import CloseForm, ReplyForm
from portal.careteam.models import Escalation, EscalationStatus, Level
from portal.careteam.services import (
    ClaimRefused,
    escalation_claim,
    escalation_close,
    escalation_reply,
)
from portal.records.charts import Series, line_chart
from portal.records.selectors import record_view

LEVEL_ORDER = Case(
    When(level=Level.EMERGENCY, then=Value(0)),
    When(level=Level.URGENT, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)
ACTIVE = (EscalationStatus.OPEN, EscalationStatus.CLAIMED)


def queue_rows(user: Any, *, status: str = "active", level: str = "") -> list[Escalation]:
    rows = escalations_visible_to(user).select_related("patient", "claimed_by", "care_team")
    if status == "active":
        rows = rows.filter(status__in=ACTIVE)
    elif status in EscalationStatus.values:
        rows = rows.filter(status=status)
    if level in Level.values:
        rows = rows.filter(level=level)
    items: list[Escalation] = list(
        rows.annotate(level_rank=LEVEL_ORDER).order_by("level_rank", "created_at")[:200]
    )
    now = timezone.now()
    for item in items:
        due = item.created_at + timedelta(minutes=item.target_minutes)
        item.breached = item.status in ACTIVE and now > due  # type: ignore[attr-defined]
        item.due_at = due  # type: ignore[attr-defined]
    return items


def queue_strings() -> dict[str, str]:
    """The live queue's status words in the active language (static/js/queue.js reads them)."""
    return {
        "updated": _("Queue updated."),
        "refresh_failed": _("Could not refresh the queue."),
        "live": _("Live."),
        "off": _("Live updates are off for this account."),
        "reconnecting": _("Reconnecting…"),
    }


def _filters(request: HttpRequest) -> dict[str, str]:
    return {"status": request.GET.get("status", "active"), "level": request.GET.get("level", "")}


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    require_care_team_staff(request.user)
    filters = _filters(request)
    return render(
        request,
        "careteam/queue.html",
        {
            "rows": queue_rows(request.user, **filters),
            "filters": filters,
            "levels": Level.choices,
            "statuses": EscalationStatus.choices,
            "queue_strings": queue_strings(),
        },
    )


@login_required
def queue_table(request: HttpRequest) -> HttpResponse:
    """The queue's rows alone: the live queue fetches them when an event arrives."""
    require_care_team_staff(request.user)
    return render(
        request, "careteam/_rows.html", {"rows": queue_rows(request.user, **_filters(request))}
    )


@login_required
def escalation(request: HttpRequest, escalation_id: int) -> HttpResponse:
    item = access_escalation(request.user, escalation_id)
    audit_staff_read(
        request=request,
        patient=item.patient,
        action=AuditAction.CONVERSATION_VIEW,
        escalation=item.pk,
    )
    conversation = item.conversation.messages.order_by("seq")
    return render(
        request,
        "careteam/escalation.html",
        {
            "item": item,
            "conversation": conversation,
            "guard_events": [g for m in conversation for g in m.guard_events.all()],
            "record": record_view(item.patient),
            "reply_form": ReplyForm(),
            "close_form": CloseForm(),
        },
    )


def _action(request: HttpRequest, item: Escalation, action: str) -> None:
    audit_event_record(
        action=AuditAction.STAFF_ACTION,
        actor=request.user,
        patient=item.patient,
        request=request,
        escalation=item.pk,
        step=action,
    )


@login_required
@require_POST
def claim(request: HttpRequest, escalation_id: int) -> HttpResponse:
    item = access_escalation(request.user, escalation_id)
    try:
        escalation_claim(escalation_id=item.pk, user=request.user)
    except ClaimRefused as exc:
        messages.error(request, exc.message)
    else:
        _action(request, item, "claim")
        messages.success(request, _("You claimed this message."))
    return redirect("escalation", escalation_id=item.pk)


@login_required
@require_POST
def reply(request: HttpRequest, escalation_id: int) -> HttpResponse:
    item = access_escalation(request.user, escalation_id)
    form = ReplyForm(request.POST)
    if form.is_valid():
        escalation_reply(escalation=item, user=request.user, text=form.cleaned_data["text"])
        _action(request, item, "reply")
        messages.success(request, _("Your reply is in the patient's chat."))
    else:
        messages.error(request, _("Write a reply first."))
    return redirect("escalation", escalation_id=item.pk)


@login_required
@require_POST
def close(request: HttpRequest, escalation_id: int) -> HttpResponse:
    item = access_escalation(request.user, escalation_id)
    form = CloseForm(request.POST)
    if form.is_valid():
        escalation_close(escalation=item, user=request.user, note=form.cleaned_data["note"])
        _action(request, item, "close")
        messages.success(request, _("Closed."))
    else:
        messages.error(request, _("Add a closing note."))
    return redirect("escalation", escalation_id=item.pk)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """For team leads: open escalations by level, median time to first response per week."""
    require_care_team_staff(request.user)
    visible = escalations_visible_to(request.user)
    open_by_level = dict(
        visible.filter(status__in=ACTIVE).values_list("level").annotate(n=Count("id"))
    )
    weeks: dict[Any, list[float]] = {}
    for created, answered in visible.filter(answered_at__isnull=False).values_list(
        "created_at", "answered_at"
    ):
        if answered is None:
            continue
        week = (created - timedelta(days=created.weekday())).date()
        weeks.setdefault(week, []).append((answered - created).total_seconds() / 60)
    points = [(week, median(values)) for week, values in sorted(weeks.items())][-12:]
    chart = line_chart(
        [Series(_("Median minutes to first response"), points)],
        title=_("Median minutes to first response, per week"),
        unit=_("minutes"),
    )
    return render(
        request,
        "careteam/dashboard.html",
        {
            "open_by_level": [
                (label, open_by_level.get(value, 0)) for value, label in Level.choices
            ],
            "chart": chart,
            "points": points[::-1],
        },
    )
