"""Escalations from the chat to the care team and back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from channels.db import database_sync_to_async
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from assistant.models import Conversation, Kind, Message, Role
from portal.careteam.models import Escalation, EscalationStatus, Level, Membership, Notice
from portal.careteam.services import (
    ClaimRefused,
    escalation_claim,
    escalation_create,
    escalation_reply,
)
from portal.careteam.tasks import notify_escalation, renotify_breaches
from tests.assistant.conftest import chat_socket, connect, is_end, receive_until, send_json


def make_question(patient: Any, text: str = "my chest hurts") -> Message:
    conversation = Conversation.objects.create(patient=patient)
    return Message.objects.create(
        conversation=conversation,
        seq=1,
        role=Role.PATIENT,
        kind=Kind.QUESTION,
        text=text,
        client_id="q1",
    )


@pytest.fixture
def escalated(patient: Any, clinician: Any, django_capture_on_commit_callbacks: Any) -> Escalation:
    with django_capture_on_commit_callbacks(execute=True):
        escalation, created = escalation_create(
            message=make_question(patient), level=Level.URGENT, reason="urgent"
        )
    assert created
    return escalation


@pytest.mark.django_db
def test_escalation_is_created_once_per_message(patient: Any, clinician: Any) -> None:
    question = make_question(patient)
    first, created = escalation_create(message=question, level=Level.EMERGENCY, reason="emergency")
    again, created_again = escalation_create(message=question, level=Level.ROUTINE, reason="x")
    assert created
    assert not created_again
    assert first.pk == again.pk
    assert first.care_team == patient.care_team
    assert first.target_minutes == 15


@pytest.mark.django_db
def test_new_urgent_escalation_emails_the_team_once_with_no_details(escalated: Escalation) -> None:
    assert len(mail.outbox) == 1
    assert "clinician@example.test" in mail.outbox[0].to
    assert "chest" not in mail.outbox[0].body  # email is not a private channel
    assert notify_escalation(escalated.pk, "new") is False
    assert notify_escalation(escalated.pk, "new") is False
    assert len(mail.outbox) == 1
    assert Notice.objects.get().sent_at is not None


@pytest.mark.django_db
def test_a_failing_mail_server_is_retried_and_then_sends_once(patient: Any, clinician: Any) -> None:
    escalation, _ = escalation_create(
        message=make_question(patient), level=Level.EMERGENCY, reason="emergency"
    )
    calls = {"n": 0}
    real_send = mail.send_mail

    def flaky(*args: Any, **kwargs: Any) -> int:
        calls["n"] += 1
        if calls["n"] <= 2:
            raise OSError("mail server down")
        return real_send(*args, **kwargs)

    # The task retries on any error with backoff, without limit, and acks late.
    assert Exception in notify_escalation.autoretry_for
    assert notify_escalation.max_retries is None
    assert notify_escalation.acks_late
    # Each delivery of the task is one attempt, as a worker runs them after each retry.
    with mock.patch("portal.careteam.services.send_mail", flaky):
        for _ in range(2):
            with pytest.raises(OSError, match="mail server down"):
                notify_escalation.run(escalation.pk, "new")
            assert Notice.objects.get().sent_at is None
        assert notify_escalation.run(escalation.pk, "new") is True
        assert notify_escalation.run(escalation.pk, "new") is False
    assert calls["n"] == 3
    assert len(mail.outbox) == 1
    assert Notice.objects.get().sent_at is not None


@pytest.mark.django_db
def test_breach_renotices_once_per_period(escalated: Escalation) -> None:
    Escalation.objects.filter(pk=escalated.pk).update(
        created_at=escalated.created_at - __import__("datetime").timedelta(minutes=241)
    )
    assert renotify_breaches() == 1
    assert renotify_breaches() == 1
    assert len(mail.outbox) == 2  # the first notice and one breach notice
    assert Notice.objects.filter(key__endswith="breach-1").count() == 1


@pytest.mark.django_db
def test_double_claim_is_refused(escalated: Escalation, clinician: Any, team: Any) -> None:
    from tests.conftest import enrol_totp
    from tests.factories import MembershipFactory, UserFactory

    colleague = UserFactory(role="clinician", first_name="Sam", last_name="Colleague")
    MembershipFactory(team=team, user=colleague)
    enrol_totp(colleague)
    escalation_claim(escalation_id=escalated.pk, user=clinician)
    with pytest.raises(ClaimRefused, match="Already claimed by"):
        escalation_claim(escalation_id=escalated.pk, user=colleague)
    client = Client()
    client.force_login(colleague)
    page = client.post(reverse("escalation_claim", args=[escalated.pk]), follow=True)
    assert "Already claimed by" in page.content.decode()
    escalated.refresh_from_db()
    assert escalated.claimed_by == clinician


@pytest.mark.django_db
def test_other_team_clinician_gets_404(
    escalated: Escalation, other_team_clinician: Any, moderator: Any
) -> None:
    client = Client()
    for person in (other_team_clinician, moderator):
        client.force_login(person)
        assert client.get(reverse("escalation", args=[escalated.pk])).status_code == 404
        assert client.post(reverse("escalation_claim", args=[escalated.pk])).status_code == 404
        rows = client.get(reverse("queue_rows")).content.decode()
        assert escalated.message.text not in rows


@pytest.mark.django_db
def test_queue_orders_by_level_then_age_and_pages_render(patient: Any, clinician: Any) -> None:
    levels = [Level.ROUTINE, Level.EMERGENCY, Level.URGENT]
    for i, level in enumerate(levels):
        conversation = Conversation.objects.create(patient=patient)
        question = Message.objects.create(
            conversation=conversation,
            seq=1,
            role=Role.PATIENT,
            kind=Kind.QUESTION,
            text=f"question {level}",
            client_id=f"q{i}",
        )
        escalation_create(message=question, level=level, reason="test")
    client = Client()
    client.force_login(clinician)
    html = client.get(reverse("queue")).content.decode()
    positions = [html.index(f"question {lv}") for lv in ("emergency", "urgent", "routine")]
    assert positions == sorted(positions)
    item = Escalation.objects.first()
    assert client.get(reverse("escalation", args=[item.pk])).status_code == 200
    assert client.get(reverse("careteam_dashboard")).status_code == 200


@pytest.mark.django_db
def test_offline_patient_sees_the_reply_on_next_visit(
    escalated: Escalation, clinician: Any
) -> None:
    escalation_reply(escalation=escalated, user=clinician, text="Please come in today at 3 pm.")
    escalated.refresh_from_db()
    assert escalated.status == EscalationStatus.ANSWERED
    client = Client()
    client.force_login(escalated.patient.user)
    page = client.get(reverse("chat_conversation", args=[escalated.conversation.public_id]))
    html = page.content.decode()
    assert "Please come in today at 3 pm." in html
    assert "Nurse" in html


@pytest.mark.django_db(transaction=True)
async def test_emergency_in_chat_reaches_the_team_and_the_reply_reaches_the_patient_live(
    diabetic: Any, clinician: Any
) -> None:
    async with chat_socket(diabetic.user) as patient_socket:
        await connect(patient_socket)
        await send_json(
            patient_socket,
            {"type": "ask", "client_id": "e1", "text": "my wife collapsed and is not breathing"},
        )
        frames = await receive_until(patient_socket, is_end)
        assert frames[-1]["level"] == "emergency"
        ticket = await patient_socket.receive_json_from(timeout=5)
        assert ticket["type"] == "escalation"
        escalation = await database_sync_to_async(Escalation.objects.get)()
        assert escalation.level == Level.EMERGENCY

        def clinician_replies() -> None:
            client = Client()
            client.force_login(clinician)
            client.post(reverse("escalation_claim", args=[escalation.pk]))
            client.post(
                reverse("escalation_reply", args=[escalation.pk]),
                {"text": "Call 911 now. I am calling you too."},
            )

        await database_sync_to_async(clinician_replies)()
        received = await receive_until(
            patient_socket, lambda f: f["type"] == "careteam.reply", within=5
        )
    reply = received[-1]
    assert reply["text"] == "Call 911 now. I am calling you too."
    assert reply["author"].endswith("Nurse")
    statuses = [f["status"] for f in received if f["type"] == "escalation"]
    assert "claimed" in statuses


@pytest.mark.django_db(transaction=True)
async def test_live_queue_events_reach_the_team_only(
    diabetic: Any, clinician: Any, other_team_clinician: Any
) -> None:
    from channels.testing import WebsocketCommunicator

    from portal.asgi import application
    from tests.assistant.conftest import ORIGIN, session_cookie

    async def queue_socket(user: Any) -> WebsocketCommunicator:
        cookie = await database_sync_to_async(session_cookie)(user)
        socket = WebsocketCommunicator(
            application,
            "/ws/careteam/",
            headers=[(b"origin", ORIGIN.encode()), (b"cookie", f"sessionid={cookie}".encode())],
        )
        connected, _ = await socket.connect()
        assert connected
        return socket

    ours = await queue_socket(clinician)
    theirs = await queue_socket(other_team_clinician)
    try:
        async with chat_socket(diabetic.user) as patient_socket:
            await connect(patient_socket)
            await send_json(
                patient_socket,
                {"type": "ask", "client_id": "u1", "text": "should i stop my metformin"},
            )
            frames = await receive_until(patient_socket, is_end)
            await send_json(
                patient_socket, {"type": "escalate", "message_id": frames[-1]["message_id"]}
            )
            event = await ours.receive_json_from(timeout=5)
        assert event["type"] == "queue.changed"
        assert await theirs.receive_nothing(timeout=0.5)
    finally:
        await ours.disconnect()
        await theirs.disconnect()


# --- A Spanish-speaking patient -----------------------------------------------------------


@pytest.fixture(autouse=True)
def _back_to_the_default_language() -> Iterator[None]:
    """A request activates its language for the thread; later tests expect the default."""
    yield
    translation.deactivate()


@pytest.mark.django_db(transaction=True)
async def test_a_spanish_patient_hears_from_an_english_speaking_clinician_in_spanish(
    diabetic: Any, clinician: Any
) -> None:
    """The promise and the reply's signature are built in the clinician's request (English)
    and pushed over the channel layer: they still reach the patient in Spanish."""
    diabetic.preferred_language = "es"
    await database_sync_to_async(diabetic.save)(update_fields=["preferred_language"])
    async with chat_socket(diabetic.user) as patient_socket:
        await connect(patient_socket)
        await send_json(
            patient_socket,
            {"type": "ask", "client_id": "e1", "text": "mi esposa se desmayó y no respira"},
        )
        await receive_until(patient_socket, is_end)
        ticket = await patient_socket.receive_json_from(timeout=5)
        assert ticket["promise"].startswith("Una enfermera le responderá")
        escalation = await database_sync_to_async(Escalation.objects.get)()

        def clinician_replies() -> None:
            client = Client(headers={"accept-language": "en-US,en"})
            client.force_login(clinician)
            client.post(reverse("escalation_claim", args=[escalation.pk]))
            client.post(
                reverse("escalation_reply", args=[escalation.pk]),
                {"text": "Llame al 911 ahora. Yo también la llamo."},
            )

        await database_sync_to_async(clinician_replies)()
        received = await receive_until(
            patient_socket,
            lambda f: f["type"] == "escalation" and f["status"] == "answered",
            within=5,
        )
    promises = {f["status"]: f["promise"] for f in received if f["type"] == "escalation"}
    assert promises["claimed"].startswith("Una enfermera le responderá")
    assert promises["answered"] == "Su equipo de atención respondió más abajo."
    reply = next(f for f in received if f["type"] == "careteam.reply")
    assert reply["author"].endswith(", Enfermero(a)")


@pytest.mark.django_db
def test_the_reply_signature_keeps_a_title_it_does_not_know(
    escalated: Escalation, clinician: Any
) -> None:
    escalated.patient.preferred_language = "es"
    escalated.patient.save(update_fields=["preferred_language"])
    Membership.objects.filter(user=clinician).update(title="Dietitian")
    reply = escalation_reply(escalation=escalated, user=clinician, text="Hola.")
    assert reply.author_label.endswith(", Dietitian")


@pytest.mark.django_db
def test_status_labels_are_translated(escalated: Escalation) -> None:
    message = escalated.message
    with translation.override("es"):
        assert escalated.get_status_display() == "Abierta"
        assert escalated.get_level_display() == "Urgente"
        assert message.get_kind_display() == "Pregunta"
        assert message.get_state_display() == "Completo"
        assert message.get_role_display() == "Paciente"
    assert escalated.get_status_display() == "Open"


@pytest.mark.django_db
def test_a_spanish_patients_chat_page_shows_the_ticket_in_spanish(
    escalated: Escalation, clinician: Any
) -> None:
    escalated.patient.preferred_language = "es"
    escalated.patient.save(update_fields=["preferred_language"])
    escalation_reply(escalation=escalated, user=clinician, text="Venga hoy a las 3.")
    client = Client()
    client.force_login(escalated.patient.user)
    page = client.get(reverse("chat_conversation", args=[escalated.conversation.public_id]))
    history, words = page.context["history"], page.context["chat_strings"]
    ticket = next(f for f in history if f["type"] == "escalation")
    assert ticket["promise"] == "Su equipo de atención respondió más abajo."
    assert words["status_" + ticket["status"]] == "Su equipo de atención respondió"
    reply = next(f for f in history if f["type"] == "careteam.reply")
    assert reply["author"].endswith(", Enfermero(a)")
