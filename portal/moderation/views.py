"""Moderation and governance pages (staff pages, documented in docs/MODERATION.md).

Moderators see conversations with the patient's identifiers masked; clinicians approve
article versions; admins search and export the audit log.
"""

from __future__ import annotations

import csv
import difflib
from datetime import timedelta
from itertools import chain
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.db.models.functions import TruncDate
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assistant.access import (
    access_flag,
    flags_visible_to,
    require_admin,
    require_moderator,
    require_reviewer,
    require_staff,
)
from assistant.context import patient_identifiers
from assistant.models import ArticleStatus, ArticleVersion, Flag, FlagKind, FlagStatus, GuardEvent
from assistant.safety import Redactor, screen
from assistant.services import article_version_approve, flag_review
from portal.audit.models import AuditAction, AuditEvent
from portal.audit.services import audit_event_record
from portal.records.charts import Series, line_chart

ACTIONS = ("dismiss", "confirm", "note", "send")


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    require_moderator(request.user)
    kind = request.GET.get("kind", "")
    status = request.GET.get("status", FlagStatus.OPEN)
    flags = flags_visible_to(request.user).select_related("message")
    counts = {
        (row["kind"], row["status"]): row["n"]
        for row in flags.values("kind", "status").annotate(n=Count("id"))
    }
    if kind in FlagKind.values:
        flags = flags.filter(kind=kind)
    if status in FlagStatus.values:
        flags = flags.filter(status=status)
    return render(
        request,
        "moderation/queue.html",
        {
            "flags": flags[:200],
            "kind": kind,
            "status": status,
            "kinds": FlagKind.choices,
            "statuses": FlagStatus.choices,
            "counts": [
                (
                    label,
                    counts.get((value, FlagStatus.OPEN), 0),
                    sum(n for (k, _status), n in counts.items() if k == value),
                )
                for value, label in FlagKind.choices
            ],
        },
    )


def masked_context(flag: Flag) -> list[dict[str, Any]]:
    """The conversation around the flagged message, the patient's identifiers masked."""
    conversation = flag.message.conversation
    redactor = Redactor(patient_identifiers(conversation.patient))
    around = conversation.messages.filter(
        seq__gte=flag.message.seq - 4, seq__lte=flag.message.seq + 2
    ).order_by("seq")
    return [
        {
            "seq": m.seq,
            "role": m.role,
            "kind": m.kind,
            "flagged": m.pk == flag.message_id,
            "text": redactor.redact(m.text).text,
        }
        for m in around
    ]


@login_required
def flag_detail(request: HttpRequest, flag_id: int) -> HttpResponse:
    flag = access_flag(request.user, flag_id)
    redactor = Redactor(patient_identifiers(flag.message.conversation.patient))
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in ACTIONS:
            messages.error(request, _("Choose an action."))
        else:
            flag_review(
                flag=flag,
                user=request.user,
                action=action,
                note=request.POST.get("note", "").strip(),
            )
            audit_event_record(
                action=AuditAction.STAFF_ACTION,
                actor=request.user,
                request=request,
                flag=flag.pk,
                step=f"moderation.{action}",
            )
            messages.success(request, _("Saved."))
            return redirect("moderation_queue")
    return render(
        request,
        "moderation/flag.html",
        {
            "flag": flag,
            "context": masked_context(flag),
            "detail": redactor.redact(flag.detail).text,
        },
    )


@login_required
def knowledge(request: HttpRequest) -> HttpResponse:
    require_staff(request.user)
    today = timezone.localdate()
    versions = ArticleVersion.objects.select_related("article").order_by("article__slug", "-number")
    waiting = versions.filter(status__in=(ArticleStatus.IN_REVIEW, ArticleStatus.DRAFT))
    approved = versions.filter(status=ArticleStatus.APPROVED)
    return render(
        request,
        "moderation/knowledge.html",
        {
            "waiting": waiting,
            "stale": approved.filter(next_review__lt=today),
            "approved_count": approved.count(),
        },
    )


@login_required
def version(request: HttpRequest, version_id: int) -> HttpResponse:
    require_staff(request.user)
    item = get_object_or_404(ArticleVersion.objects.select_related("article"), pk=version_id)
    current = ArticleVersion.objects.filter(
        article=item.article, status=ArticleStatus.APPROVED
    ).first()
    diff = difflib.unified_diff(
        (current.text if current else "").splitlines(),
        item.text.splitlines(),
        fromfile=f"approved v{current.number}" if current else "nothing approved",
        tofile=f"v{item.number}",
        lineterm="",
    )
    return render(
        request, "moderation/version.html", {"item": item, "current": current, "diff": list(diff)}
    )


@login_required
@require_POST
def approve(request: HttpRequest, version_id: int) -> HttpResponse:
    require_reviewer(request.user)
    item = get_object_or_404(ArticleVersion, pk=version_id)
    name = request.user.display_name  # type: ignore[union-attr]
    article_version_approve(version=item, reviewer_name=name, approver=request.user)
    audit_event_record(
        action=AuditAction.STAFF_ACTION,
        actor=request.user,
        request=request,
        step="knowledge.approve",
        version=item.pk,
    )
    messages.success(
        request,
        _("Approved %(slug)s v%(number)s.") % {"slug": item.article.slug, "number": item.number},
    )
    return redirect("moderation_knowledge")


@login_required
def guard(request: HttpRequest) -> HttpResponse:
    """Guard events by rule over the last 30 days, and a dry run of any text."""
    require_moderator(request.user)
    since = timezone.now() - timedelta(days=30)
    per_rule: dict[str, int] = {}
    per_day: dict[Any, int] = {}
    events = GuardEvent.objects.filter(created_at__gte=since).exclude(action="answer")
    for rules, day in events.annotate(day=TruncDate("created_at")).values_list("rules", "day"):
        for rule in rules:
            per_rule[rule] = per_rule.get(rule, 0) + 1
        per_day[day] = per_day.get(day, 0) + 1
    chart = (
        line_chart(
            [Series(_("Guard events"), sorted(per_day.items()))],
            title=_("Guard events per day"),
            unit=_("events"),
        )
        if per_day
        else ""
    )
    text = request.GET.get("text", "")[:4000]
    verdict = screen(text) if text.strip() else None
    return render(
        request,
        "moderation/guard.html",
        {
            "per_rule": sorted(per_rule.items(), key=lambda kv: -kv[1]),
            "chart": chart,
            "text": text,
            "verdict": verdict,
        },
    )


@login_required
def audit(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    require_admin(request.user)
    events = _audit_filtered(request)
    if request.GET.get("format") == "csv":
        audit_event_record(
            action=AuditAction.AUDIT_EXPORT,
            actor=request.user,
            request=request,
            filters={k: v for k, v in request.GET.items() if k != "format"},
        )
        return _csv(events)
    return render(
        request,
        "moderation/audit.html",
        {
            "events": events[:300],
            "mrn": request.GET.get("mrn", ""),
            "staff": request.GET.get("staff", ""),
        },
    )


def _audit_filtered(request: HttpRequest) -> Any:
    events = AuditEvent.objects.select_related("actor").order_by("-at")
    if mrn := request.GET.get("mrn", "").strip():
        events = events.filter(patient_mrn=mrn)
    if staff := request.GET.get("staff", "").strip():
        events = events.filter(actor__email__iexact=staff)
    return events


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv(events: Any) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    header = ["at", "actor", "role", "action", "patient_mrn", "ip", "detail"]
    rows = (
        [
            e.at.isoformat(),
            e.actor.email if e.actor else "",
            e.actor_role,
            e.action,
            e.patient_mrn,
            e.ip or "",
            e.detail,
        ]
        for e in events.iterator()
    )
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in chain([header], rows)), content_type="text/csv"
    )
    response["Content-Disposition"] = 'attachment; filename="audit.csv"'
    return response
