"""Writes for care teams: escalations, claims, replies, notices."""

from __future__ import annotations

import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.careteam.models import Escalation, EscalationStatus, Level, Membership, Notice

NOTIFY_LEVELS = (Level.EMERGENCY, Level.URGENT)
log = logging.getLogger(__name__)


class ClaimRefused(Exception):
    """Someone else claimed it first (or it is closed). `message` is for the clinician."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def queue_group(team_id: int | None) -> str:
    return f"careteam.{team_id}"


def escalation_create(
    *, message: Any, level: Level | str, reason: str, verdict: dict[str, Any] | None = None
) -> tuple[Escalation, bool]:
    """Escalate `message` (a patient's question) to their care team; never twice per message.

    After commit: the team's live queue hears of it, emergency and urgent ones are emailed
    to the team, and a summary is written for the clinician.
    """
    existing = Escalation.objects.filter(message=message).first()
    if existing is not None:
        return existing, False
    conversation = message.conversation
    patient = conversation.patient
    try:
        with transaction.atomic():
            escalation = Escalation.objects.create(
                message=message,
                conversation=conversation,
                patient=patient,
                care_team_id=patient.care_team_id,
                level=level,
                reason=reason,
                verdict=verdict or {},
                target_minutes=settings.ESCALATION_TARGET_MINUTES[str(level)],
            )
            if escalation.level in NOTIFY_LEVELS:
                # The outbox: written with the escalation, so a notice cannot be lost
                # between commit and enqueue (broker down, process killed).
                # tasks.deliver_outbox sends whatever is still unsent.
                Notice.objects.create(escalation=escalation, key=notice_key(escalation.pk, "new"))
    except IntegrityError:
        return Escalation.objects.get(message=message), False
    transaction.on_commit(lambda: _after_create(escalation.pk))
    return escalation, True


def notice_key(escalation_id: int, kind: str) -> str:
    return f"esc-{escalation_id}:{kind}"


def _after_create(escalation_id: int) -> None:
    """After commit: live queue, summary, notice. Each step may fail alone (channel
    layer or broker down) without failing the patient's request; an unsent notice stays
    in the outbox for tasks.deliver_outbox."""
    from portal.careteam import tasks  # tasks import services: import late

    escalation = Escalation.objects.get(pk=escalation_id)
    steps: list[tuple[str, Any]] = [
        ("broadcast", lambda: broadcast_queue(escalation)),
        ("summary", lambda: tasks.summarize_escalation.delay(escalation_id)),
    ]
    if escalation.level in NOTIFY_LEVELS:
        steps.append(("notice", lambda: tasks.notify_escalation.delay(escalation_id, "new")))
    for name, step in steps:
        try:
            step()
        except Exception:
            log.warning("escalation %s: %s deferred", escalation_id, name, exc_info=True)


def escalation_claim(*, escalation_id: int, user: Any) -> Escalation:
    """Claim atomically: exactly one clinician wins; the others get ClaimRefused."""
    now = timezone.now()
    won = Escalation.objects.filter(pk=escalation_id, status=EscalationStatus.OPEN).update(
        status=EscalationStatus.CLAIMED, claimed_by=user, claimed_at=now
    )
    escalation = Escalation.objects.select_related("claimed_by", "patient").get(pk=escalation_id)
    if not won:
        if escalation.claimed_by_id == user.pk:
            return escalation
        who = escalation.claimed_by.display_name if escalation.claimed_by else "someone"
        raise ClaimRefused(_("Already claimed by %(who)s.") % {"who": who})
    transaction.on_commit(lambda: broadcast(escalation))
    return escalation


def patient_language(escalation: Escalation) -> str:
    """The language the patient behind `escalation` reads: text built for them outside
    their own request (a clinician's request, a task) is built in it."""
    return escalation.patient.preferred_language


def author_label(user: Any, escalation: Escalation) -> str:
    """How a reply is signed for the patient: "Nora Patel, Nurse", the title in the
    patient's language when it is one of the known titles (models.TITLES)."""
    title = (
        Membership.objects.filter(user=user, team_id=escalation.care_team_id)
        .values_list("title", flat=True)
        .first()
    )
    if not title:
        return user.display_name
    with translation.override(patient_language(escalation)):
        return f"{user.display_name}, {_(title)}"


def escalation_reply(*, escalation: Escalation, user: Any, text: str) -> Any:
    """Post the clinician's reply into the patient's conversation, labelled with name and role."""
    from assistant.models import Kind, Message, Role
    from assistant.services import next_seq

    with transaction.atomic():
        reply = Message.objects.create(
            conversation_id=escalation.conversation_id,
            seq=next_seq(escalation.conversation_id),
            role=Role.CARETEAM,
            kind=Kind.REPLY,
            reply_to_id=escalation.message_id,
            text=text,
            author=user,
            author_label=author_label(user, escalation),
        )
        now = timezone.now()
        updates: dict[str, Any] = {"status": EscalationStatus.ANSWERED}
        if escalation.answered_at is None:
            updates["answered_at"] = now
        if escalation.claimed_by_id is None:
            updates.update(claimed_by=user, claimed_at=now)
        Escalation.objects.filter(pk=escalation.pk).update(**updates)
        escalation.refresh_from_db()
    transaction.on_commit(lambda: broadcast(escalation, stored=reply))
    return reply


def escalation_close(*, escalation: Escalation, user: Any, note: str) -> Escalation:
    Escalation.objects.filter(pk=escalation.pk).update(
        status=EscalationStatus.CLOSED, closed_at=timezone.now(), closing_note=note
    )
    escalation.refresh_from_db()
    transaction.on_commit(lambda: broadcast(escalation))
    return escalation


def escalation_promise(escalation: Escalation, *, emergency_number: str) -> str:
    """What the patient is promised, in plain words."""
    if escalation.status == EscalationStatus.ANSWERED:
        return _("Your care team replied below.")
    if escalation.status == EscalationStatus.CLOSED:
        return _("Your care team closed this request.")
    minutes = escalation.target_minutes
    if minutes < 120:
        when = ngettext("within %(n)d minute", "within %(n)d minutes", minutes) % {"n": minutes}
    elif minutes < 24 * 60:
        hours = minutes // 60
        when = ngettext("within %(n)d hour", "within %(n)d hours", hours) % {"n": hours}
    else:
        days = max(1, minutes // (24 * 60))
        when = ngettext("within %(n)d business day", "within %(n)d business days", days) % {
            "n": days
        }
    return _("A nurse will reply %(when)s. If it gets worse, call %(number)s.") % {
        "when": when,
        "number": emergency_number,
    }


# --- Live events --------------------------------------------------------------------------


def broadcast_queue(escalation: Escalation) -> None:
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(
            queue_group(escalation.care_team_id),
            {"type": "queue.changed", "escalation_id": escalation.pk},
        )


def broadcast(escalation: Escalation, *, stored: Any = None) -> None:
    """Tell the team's queue and the patient's open chat that the escalation changed."""
    from assistant.events import conversation_group

    broadcast_queue(escalation)
    layer = get_channel_layer()
    if layer is None:
        return
    group = conversation_group(escalation.conversation_id)
    if stored is not None:
        async_to_sync(layer.group_send)(
            group, {"type": "chat.stored", "message_id": stored.pk, "seq": stored.seq}
        )
    # Built in a clinician's request or a task: in the patient's language, not theirs.
    with translation.override(patient_language(escalation)):
        promise = escalation_promise(escalation, emergency_number=settings.EMERGENCY_NUMBER)
    async_to_sync(layer.group_send)(
        group,
        {
            "type": "chat.escalation",
            "escalation_id": escalation.pk,
            "status": escalation.status,  # the state at this step, not when it is read
            "promise": promise,
        },
    )


# --- Notices --------------------------------------------------------------------------------


def _a(word: str) -> str:
    return f"{'An' if word[:1] in 'aeiou' else 'A'} {word}"


def notice_send(*, escalation_id: int, kind: str) -> bool:
    """Email the care team about an escalation, once per (escalation, kind).

    Returns True when this call sent it. The notice row stays locked while the email goes
    out, so concurrent runs send once; a failing mail server raises and rolls back, leaving
    the notice unsent for the next retry.
    """
    key = notice_key(escalation_id, kind)
    Notice.objects.get_or_create(key=key, defaults={"escalation_id": escalation_id})
    with transaction.atomic():
        notice = Notice.objects.select_for_update().get(key=key)
        if notice.sent_at is not None:
            return False
        escalation = Escalation.objects.get(pk=escalation_id)
        recipients = list(
            Membership.objects.filter(
                team_id=escalation.care_team_id, user__is_active=True
            ).values_list("user__email", flat=True)
        )
        if not recipients:
            return False
        # Email is not a private channel: it says that something waits, never what.
        send_mail(
            subject=f"[{escalation.get_level_display()}] A patient message needs your team",
            message=(
                f"{_a(escalation.get_level_display().lower())} patient message is waiting in "
                f"the care-team queue (escalation {escalation.pk}, response target "
                f"{escalation.target_minutes} minutes). Sign in to the portal to see it."
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=recipients,
        )
        notice.sent_at = timezone.now()
        notice.recipients = recipients
        notice.attempts += 1
        notice.save(update_fields=["sent_at", "recipients", "attempts"])
    return True
