"""Fault injection: the database, the channel layer (Redis) and the Celery broker fail.

The model endpoint failing (down, slow, garbage) is covered in
tests/backends/test_openai_backend.py. Here: a patient in an emergency still gets the
emergency instructions with the database away; the chat keeps answering on the same
connection with the channel layer down; an escalation raised with the broker down is
kept in the outbox (a Notice row written in the escalation's transaction) and notified
once the broker is back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from typing import Any
from unittest import mock

import pytest
from channels.db import database_sync_to_async
from django.core import mail
from django.db import OperationalError, transaction
from django.test import override_settings
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerDown

from assistant import services
from assistant.models import Conversation, Kind, Message, Role
from portal.careteam import tasks
from portal.careteam.models import Escalation, Level, Notice
from portal.careteam.services import escalation_create
from portal.layers import ResilientInMemoryChannelLayer
from tests.assistant.conftest import chat_socket, connect, is_end, receive_until, send_json

EMERGENCY = "I have crushing chest pain going down my left arm right now"
CRISIS = "i want to kill myself tonight"
ROUTINE = "what is an a1c test"
RECORDING = "tests.assistant.backends.RecordingBackend"


def fail_once(func: Callable[..., Any], error: Exception) -> Callable[..., Any]:
    """`func`, except that its first call raises `error` (a brief outage)."""
    calls = {"n": 0}

    def flaky(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            raise error
        return func(*args, **kwargs)

    return flaky


async def ask(socket: Any, text: str, client_id: str) -> list[dict[str, Any]]:
    await send_json(socket, {"type": "ask", "client_id": client_id, "text": text})
    return await receive_until(
        socket, lambda f: is_end(f) or f["type"] == "error" and f.get("client_id") == client_id
    )


async def still_open(socket: Any) -> None:
    await send_json(socket, {"type": "ping"})
    assert (await socket.receive_json_from(timeout=5))["type"] == "pong"


# --- The database briefly unavailable ---------------------------------------------------


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("text", "number"),
    [pytest.param(EMERGENCY, "911", id="emergency"), pytest.param(CRISIS, "988", id="crisis")],
)
async def test_emergency_instructions_do_not_need_the_database(
    diabetic: Any, text: str, number: str
) -> None:
    down = fail_once(services.question_store, OperationalError("database is away"))
    async with chat_socket(diabetic.user) as socket:
        await connect(socket)
        with mock.patch.object(services, "question_store", down):
            await send_json(socket, {"type": "ask", "client_id": "e1", "text": text})
            safety = await socket.receive_json_from(timeout=5)
            error = await socket.receive_json_from(timeout=5)
        await still_open(socket)
        # The database is back: the same ask is stored, answered and escalated.
        again = await ask(socket, text, "e1")
        ticket = await socket.receive_json_from(timeout=5)
    assert safety["type"] == "safety"
    assert safety["level"] in ("emergency", "crisis")
    assert safety["stored"] is False
    assert safety["message_id"] is None
    assert number in safety["text"]
    assert any(a["type"] == "call" for a in safety["actions"])
    assert "care team" not in safety["text"], "nothing was stored: the team was not told"
    assert (error["type"], error["code"], error["client_id"]) == ("error", "unavailable", "e1")
    assert again[-1]["type"] == "safety"
    assert again[-1]["message_id"] is not None
    assert ticket["type"] == "escalation"
    assert await database_sync_to_async(Escalation.objects.count)() == 1


@pytest.mark.django_db(transaction=True)
async def test_a_brief_outage_while_escalating_is_retried(diabetic: Any) -> None:
    from assistant import pipeline

    down = fail_once(escalation_create, OperationalError("database is away"))
    async with chat_socket(diabetic.user) as socket:
        await connect(socket)
        with mock.patch.object(pipeline, "escalation_create", down):
            frames = await ask(socket, EMERGENCY, "e2")
            ticket = await socket.receive_json_from(timeout=5)
    assert frames[-1]["type"] == "safety"
    assert frames[-1]["message_id"] is not None
    assert ticket["type"] == "escalation"
    assert ticket["level"] == "emergency"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "step",
    [
        pytest.param("question_store", id="storing-the-question"),
        pytest.param("guard_events_record", id="recording-the-guard-finding"),
        pytest.param("reply_finish", id="storing-the-answer"),
    ],
)
async def test_a_routine_question_gets_an_error_frame_and_the_chat_goes_on(
    diabetic: Any, step: str
) -> None:
    down = fail_once(getattr(services, step), OperationalError("database is away"))
    async with chat_socket(diabetic.user) as socket:
        await connect(socket)
        with mock.patch.object(services, step, down):
            frames = await ask(socket, ROUTINE, "r1")
        await still_open(socket)
        again = await ask(socket, "what is asthma", "r2")
    assert frames[-1]["type"] == "error"
    assert frames[-1]["code"] == "unavailable"
    assert not [f for f in frames if f["type"] == "safety"]
    assert again[-1]["type"] == "answer.end"


def test_the_unsaved_frame_drops_only_the_care_team_sentence() -> None:
    from assistant import protocol
    from assistant.replies import safety_reply
    from assistant.safety import Action

    for action in (Action.EMERGENCY, Action.CRISIS):
        for language in ("en", "es"):
            shown = safety_reply(action, emergency="911", crisis="988", language=language)
            frame = protocol.safety_unsaved(shown.level, shown.text, shown.actions)
            assert shown.text.startswith(frame["text"][:-1])
            assert "911" in frame["text"]
            assert len(frame["text"]) > len(shown.text) / 2
            assert "equipo" not in frame["text"]
            assert "care team" not in frame["text"]


# --- The channel layer (Redis) down -----------------------------------------------------

DEAD_REDIS = {
    "default": {
        "BACKEND": "portal.layers.ResilientRedisChannelLayer",
        "CONFIG": {"hosts": ["redis://127.0.0.1:1/0"]},  # nothing listens on port 1
    }
}


@pytest.mark.django_db(transaction=True)
@override_settings(CHANNEL_LAYERS=DEAD_REDIS)
async def test_redis_down_at_connect_the_chat_still_answers(diabetic: Any) -> None:
    async with chat_socket(diabetic.user) as socket:
        await connect(socket)
        answer = await ask(socket, ROUTINE, "c1")
        emergency = await ask(socket, EMERGENCY, "c2")
        ticket = await socket.receive_json_from(timeout=5)
        await still_open(socket)
    assert answer[-1]["type"] == "answer.end"
    assert emergency[-1]["level"] == "emergency"
    assert ticket["type"] == "escalation"


@pytest.mark.django_db(transaction=True)
async def test_redis_failing_mid_session_the_chat_still_answers(diabetic: Any) -> None:
    async with chat_socket(diabetic.user) as socket:
        await connect(socket)
        first = await ask(socket, ROUTINE, "m1")
        broken = mock.AsyncMock(side_effect=ConnectionError("redis went away"))
        with (
            mock.patch("channels.layers.InMemoryChannelLayer.group_send", broken),
            mock.patch("channels.layers.InMemoryChannelLayer.group_add", broken),
            mock.patch("channels.layers.InMemoryChannelLayer.group_discard", broken),
            mock.patch("channels.layers.InMemoryChannelLayer.send", broken),
        ):
            second = await ask(socket, "what is asthma", "m2")
            emergency = await ask(socket, EMERGENCY, "m3")
            ticket = await socket.receive_json_from(timeout=5)
            await still_open(socket)
        assert broken.await_count >= 2
    assert first[-1]["type"] == second[-1]["type"] == "answer.end"
    assert emergency[-1]["level"] == "emergency"
    assert ticket["type"] == "escalation"


@pytest.mark.django_db(transaction=True)
async def test_the_rate_limit_cache_down_does_not_stop_the_chat(diabetic: Any) -> None:
    async with chat_socket(diabetic.user) as socket:
        await connect(socket)
        with mock.patch(
            "assistant.consumers._count", side_effect=ConnectionError("redis went away")
        ) as count:
            frames = await ask(socket, ROUTINE, "k1")
    assert count.called  # the shared count was tried, failed, and the answer still came
    assert frames[-1]["type"] == "answer.end"


async def test_a_failing_receive_is_retried_until_the_layer_answers() -> None:
    layer = ResilientInMemoryChannelLayer()
    channel = await layer.new_channel()
    real = layer.__class__.__mro__[2].receive  # InMemoryChannelLayer.receive
    calls = {"n": 0}

    async def flaky(self: Any, name: str) -> dict[str, Any]:
        calls["n"] += 1
        if calls["n"] <= 2:
            raise ConnectionError("redis went away")
        result: dict[str, Any] = await real(self, name)
        return result

    await layer.send(channel, {"type": "hello"})
    with (
        mock.patch("portal.layers.RETRY_FIRST_SECONDS", 0.01),
        mock.patch("channels.layers.InMemoryChannelLayer.receive", flaky),
    ):
        message = await asyncio.wait_for(layer.receive(channel), timeout=5)
    assert message == {"type": "hello"}
    assert calls["n"] == 3


# --- The Celery broker down when an escalation is raised ---------------------------------


def question_of(patient: Any, text: str = "my chest hurts") -> Message:
    conversation = Conversation.objects.create(patient=patient)
    return Message.objects.create(
        conversation=conversation, seq=1, role=Role.PATIENT, kind=Kind.QUESTION, text=text
    )


@pytest.mark.django_db
def test_the_notice_is_written_in_the_escalations_transaction(patient: Any, clinician: Any) -> None:
    question = question_of(patient)
    seen: list[int] = []

    def escalate_then_fail() -> None:
        with transaction.atomic():
            escalation_create(message=question, level=Level.EMERGENCY, reason="emergency")
            seen.append(Notice.objects.filter(sent_at__isnull=True).count())
            raise RuntimeError("the request fails after the escalation")

    with pytest.raises(RuntimeError, match="fails after"):
        escalate_then_fail()
    assert seen == [1]
    assert not Escalation.objects.exists()
    assert not Notice.objects.exists()
    routine, _ = escalation_create(message=question, level=Level.ROUTINE, reason="x")
    assert not Notice.objects.exists(), "routine escalations are not emailed"


@pytest.mark.django_db
def test_broker_down_the_escalation_waits_in_the_outbox_and_is_sent_when_it_returns(
    patient: Any, clinician: Any, django_capture_on_commit_callbacks: Any
) -> None:
    down = BrokerDown("[Errno 111] Connection refused")
    with (
        mock.patch.object(tasks.notify_escalation, "delay", side_effect=down),
        mock.patch.object(tasks.summarize_escalation, "delay", side_effect=down),
        django_capture_on_commit_callbacks(execute=True),
    ):
        escalation, created = escalation_create(
            message=question_of(patient), level=Level.URGENT, reason="urgent"
        )
    assert created
    notice = Notice.objects.get()
    assert (notice.escalation_id, notice.key, notice.sent_at) == (
        escalation.pk,
        f"esc-{escalation.pk}:new",
        None,
    )
    assert mail.outbox == []
    # A notice still in its first delivery attempt is left alone...
    assert tasks.deliver_outbox() == 0
    # ...then the broker is back and the beat task delivers it, once.
    Notice.objects.update(created_at=timezone.now() - timedelta(minutes=5))
    assert tasks.deliver_outbox() == 1
    assert len(mail.outbox) == 1
    assert "clinician@example.test" in mail.outbox[0].to
    assert tasks.deliver_outbox() == 0
    assert len(mail.outbox) == 1
    assert Notice.objects.get().sent_at is not None


@pytest.mark.django_db(transaction=True)
@override_settings(ASSISTANT_BACKEND=RECORDING)
async def test_broker_down_the_patient_still_gets_instructions_and_the_ticket(
    diabetic: Any, clinician: Any
) -> None:
    down = BrokerDown("[Errno 111] Connection refused")
    with (
        mock.patch.object(tasks.notify_escalation, "delay", side_effect=down),
        mock.patch.object(tasks.summarize_escalation, "delay", side_effect=down),
    ):
        async with chat_socket(diabetic.user) as socket:
            await connect(socket)
            frames = await ask(socket, EMERGENCY, "b1")
            ticket = await socket.receive_json_from(timeout=5)
            assert await socket.receive_nothing(timeout=0.3)
    assert frames[-1]["level"] == "emergency"
    assert ticket["type"] == "escalation"
    unsent = await database_sync_to_async(
        lambda: list(Notice.objects.filter(sent_at__isnull=True).values_list("key", flat=True))
    )()
    assert unsent == [f"esc-{ticket['id']}:new"]
