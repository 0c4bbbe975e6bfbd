"""Assistant pages: knowledge articles and the chat page."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assistant import protocol
from assistant.access import access_conversation, access_own_patient, open_conversation
from assistant.models import Conversation, MessageState, Role
from assistant.selectors import article_for_codes, conversations_export, library
from assistant.services import conversation_delete_request
from portal.audit.models import AuditAction
from portal.audit.services import audit_event_record
from portal.careteam.services import escalation_promise
from portal.records.models import Condition
from portal.records.selectors import condition_codes, condition_name


def chat_strings() -> dict[str, str]:
    """The chat client's words in the active language (static/js/chat.js reads them).

    `%(name)s` placeholders are filled in by the client.
    """
    return {
        "you": _("You"),
        "assistant": _("Assistant"),
        "care_team": _("Care team"),
        "source": _("Source %(n)s"),
        "sources": _("Sources"),
        "send_to_care_team": _("Send to my care team"),
        "helpful": _("Was this helpful?"),
        "yes": _("Yes"),
        "no": _("No"),
        "yes_helpful": _("Yes, helpful"),
        "no_helpful": _("No, not helpful"),
        "what_wrong": _("What was wrong or missing? (optional)"),
        "status_open": _("Sent to your care team"),
        "status_claimed": _("A care team member is looking at it"),
        "status_answered": _("Your care team replied"),
        "status_closed": _("Closed"),
        "says": _("%(author)s says: %(text)s"),
        "thanks": _("Thank you for your feedback."),
        "not_available": _("This conversation is not available."),
        "session_ended": _("Your session ended. Please sign in again."),
        "reconnecting": _("Connection lost. Reconnecting…"),
        "answering": _("Sent. The assistant is answering."),
        "offline": _("Not connected. Your question will be sent when the connection is back."),
    }


def article(request: HttpRequest, slug: str) -> HttpResponse:
    """An approved article, in `?lang=` or the page's language when a translation exists.

    Public: it holds no patient data, and citations link here.
    """
    lib = library()
    lang = str(request.GET.get("lang") or getattr(request, "LANGUAGE_CODE", "en"))
    translated = lib.translated.get(lang, {}).get(slug)
    parsed = translated or lib.articles.get(slug)
    if parsed is None:
        raise Http404
    other = None
    if translated is not None and slug in lib.articles:
        other = ("en", "Read this article in English")
    elif translated is None and slug in lib.translated.get("es", {}):
        other = ("es", "Leer este artículo en español")
    return render(request, "assistant/article.html", {"article": parsed, "other": other})


def _history(conversation: Conversation) -> list[dict[str, Any]]:
    """Stored messages as the chat client renders them (the same frames as live), with
    each escalation's ticket after the reply it followed."""
    messages = list(conversation.messages.filter(state=MessageState.COMPLETE).order_by("seq"))
    tickets = {e.message_id: e for e in conversation.escalations.all()}
    answered = {m.reply_to_id for m in messages if m.role == Role.ASSISTANT}
    frames: list[dict[str, Any]] = []
    for message in messages:
        frames.extend(protocol.message_frames(message))
        question_id = message.reply_to_id if message.role == Role.ASSISTANT else message.pk
        ticket = tickets.get(question_id) if question_id is not None else None
        if ticket and (message.role == Role.ASSISTANT or message.pk not in answered):
            promise = escalation_promise(ticket, emergency_number=settings.EMERGENCY_NUMBER)
            frames.append(protocol.escalation(ticket, promise=promise))
    return frames


@login_required
def chat(request: HttpRequest, public_id: UUID | None = None) -> HttpResponse:
    """The chat page. `?explain=<condition id>` starts by asking about that diagnosis."""
    patient = access_own_patient(request.user)
    conversation = open_conversation(request.user, public_id)
    first_question = ""
    explain = request.GET.get("explain", "")
    if explain.isdigit():
        condition = Condition.objects.filter(patient=patient, pk=int(explain)).first()
        if condition is not None:
            article = article_for_codes(condition_codes(condition))
            name, _lang = condition_name(condition, article, lang=get_language())
            first_question = _("Can you explain my diagnosis: %(name)s?") % {"name": name}
    history = _history(conversation)
    return render(
        request,
        "assistant/chat.html",
        {
            "patient": patient,
            "conversation": conversation,
            "history": history,
            "last_seq": max((f.get("seq", 0) for f in history), default=0),
            "first_question": first_question,
            "max_chars": protocol.MAX_TEXT_CHARS,
            "chat_strings": chat_strings(),
        },
    )


@login_required
@require_POST
def new_chat(request: HttpRequest) -> HttpResponse:
    patient = access_own_patient(request.user)
    conversation = Conversation.objects.create(patient=patient)
    return redirect("chat_conversation", public_id=conversation.public_id)


@login_required
def history(request: HttpRequest) -> HttpResponse:
    patient = access_own_patient(request.user)
    conversations = (
        Conversation.objects.filter(patient=patient)
        .annotate(count=Count("messages"))
        .filter(count__gt=0)
        .order_by("-updated_at")
    )
    return render(request, "assistant/history.html", {"conversations": conversations})


@login_required
def export_conversations(request: HttpRequest) -> HttpResponse:
    """The patient's right of access: every conversation as JSON."""
    patient = access_own_patient(request.user)
    audit_event_record(
        action=AuditAction.CONVERSATION_EXPORT, actor=request.user, patient=patient, request=request
    )
    data = conversations_export(patient)
    response = JsonResponse(data, json_dumps_params={"indent": 1, "ensure_ascii": False})
    response["Content-Disposition"] = 'attachment; filename="conversations.json"'
    return response


@login_required
def delete_conversation(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Confirm (GET), then mark for deletion or undo (POST)."""
    conversation = access_conversation(request.user, public_id)
    if request.method == "POST":
        undo = request.POST.get("undo") == "1"
        conversation_delete_request(conversation=conversation, undo=undo)
        return redirect("chat_history")
    return render(
        request,
        "assistant/delete.html",
        {"conversation": conversation, "grace_days": settings.CONVERSATION_DELETE_GRACE_DAYS},
    )
