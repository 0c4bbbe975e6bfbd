"""The chat websocket: authorize, parse, call the pipeline, send. Nothing else.

Answers run as tasks that outlive the connection: a dropped socket never stops an answer
from being completed and stored; it arrives on resume (or in another open tab) through
the conversation's group.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from typing import Any
from urllib.parse import parse_qs

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import DatabaseError
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from assistant import events, pipeline, protocol, selectors, services
from assistant.access import NotFound, open_conversation
from assistant.context import PatientContext, patient_context
from assistant.models import Message, Role
from assistant.sessions import SessionBound
from portal.careteam.models import Escalation, Level
from portal.careteam.services import escalation_create, escalation_promise
from portal.consumers import DirectDispatch

log = logging.getLogger(__name__)
# Keep a reference to running answers: asyncio holds tasks only weakly.
_ANSWERS: set[asyncio.Task[Any]] = set()


class ChatConsumer(DirectDispatch, SessionBound, AsyncWebsocketConsumer):
    ctx: PatientContext
    group: str

    async def connect(self) -> None:
        self.open = False
        self.sent: set[int] = set()  # seqs of stored messages this connection has delivered
        self.recent_asks: deque[float] = deque()
        user = self.scope.get("user")
        query = parse_qs(self.scope.get("query_string", b"").decode())
        try:
            self.ctx, last, conversation = await self._load(
                user, (query.get("conversation") or [None])[0]
            )
        except NotFound:
            await self.close(code=4404)
            return
        self.group = events.conversation_group(self.ctx.conversation_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        self.open = True
        await self.session_bind()  # closes the socket when the session ends
        await self.send_frame(protocol.hello(conversation=conversation, last_seq=last))

    @database_sync_to_async
    def _load(self, user: Any, conversation_id: str | None) -> tuple[PatientContext, int, str]:
        # Anonymous and staff users, and other patients' conversations: NotFound.
        conversation = open_conversation(user, conversation_id)
        ctx = patient_context(conversation.patient, conversation_id=conversation.pk)
        last = selectors.last_seq(conversation_id=conversation.pk)
        return ctx, last, str(conversation.public_id)

    async def disconnect(self, code: int) -> None:
        self.open = False
        await self.session_unbind()
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def send_frame(self, frame: dict[str, Any]) -> None:
        """Send if still connected; never raises (the pipeline goes on without us)."""
        if not self.open:
            return
        seq = frame.get("seq")
        if isinstance(seq, int) and frame["type"] != "ack":
            self.sent.add(seq)
        try:
            await self.send(text_data=protocol.dumps(frame))
        except Exception:  # a closed transport must not break an answer in progress
            self.open = False

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if text_data is None:
            await self.send_frame(protocol.error("binary", "Send text frames (JSON), not binary."))
            return
        if len(text_data.encode()) > protocol.MAX_FRAME_BYTES:
            await self.close(code=1009)
            return
        try:
            frame = protocol.parse_frame(text_data)
        except protocol.FrameError as exc:
            await self.send_frame(protocol.error(exc.code, exc.detail))
            return
        if isinstance(frame, protocol.Ask | protocol.FeedbackFrame | protocol.Escalate):
            await self.session_touch()  # the person acted (pings and resumes are automatic)
        if isinstance(frame, protocol.Ask):
            await self.ask(frame)
        elif isinstance(frame, protocol.Resume):
            await self.resume(frame.after)
        elif isinstance(frame, protocol.FeedbackFrame):
            await self.feedback(frame)
        elif isinstance(frame, protocol.Escalate):
            await self.escalate(frame.message_id)
        else:
            await self.send_frame({"type": "pong"})

    async def ask(self, frame: protocol.Ask) -> None:
        if await self._rate_limited():
            await self.send_frame(
                self._error(
                    "rate_limited",
                    _("You are sending messages very fast. Please wait a minute and try again."),
                    client_id=frame.client_id,
                )
            )
            return
        self._spawn(frame)

    def _spawn(self, frame: protocol.Ask) -> None:
        """Answer in a task that outlives this connection."""
        task = asyncio.create_task(self._answer(frame))
        _ANSWERS.add(task)
        task.add_done_callback(_finished)

    async def _answer(self, frame: protocol.Ask) -> None:
        try:
            await pipeline.handle_ask(
                self.ctx, client_id=frame.client_id, text=frame.text, send=self.send_frame
            )
        except DatabaseError:
            log.exception("ask %s failed: database unavailable", frame.client_id)
            await self.send_frame(
                self._error(
                    "unavailable",
                    _(
                        "We could not handle your message just now. "
                        "Please send it again in a moment."
                    ),
                    client_id=frame.client_id,
                )
            )
        except Exception:
            log.exception("ask %s failed", frame.client_id)
            await self.send_frame(
                self._error(
                    "internal",
                    _("Something went wrong. Your question is saved; please try again."),
                    client_id=frame.client_id,
                )
            )

    async def _rate_limited(self) -> bool:
        now = time.monotonic()
        while self.recent_asks and now - self.recent_asks[0] > 60:
            self.recent_asks.popleft()
        limit = settings.ASSISTANT_ASKS_PER_MINUTE
        if len(self.recent_asks) >= limit:
            return True
        key = f"asks:{self.ctx.patient_id}:{int(time.time() // 60)}"
        try:
            if _in_process(caches["default"]):
                over = _count(key) > limit
            else:
                over = await sync_to_async(_count, thread_sensitive=False)(key) > limit
        except Exception:  # the shared cache (Redis) is down: the per-connection limit holds
            log.warning("rate-limit cache unavailable", exc_info=True)
            over = False
        if over:
            return True
        self.recent_asks.append(now)
        return False

    async def resume(self, after: int) -> None:
        messages = await database_sync_to_async(selectors.messages_after)(
            conversation_id=self.ctx.conversation_id, after=after
        )
        for message in messages:
            await self._deliver(message)
        last = max(self.sent, default=after)
        await self.send_frame({"type": "resumed", "last_seq": max(last, after)})
        # Answers lost when a process stopped mid-answer are answered again now.
        lost = await database_sync_to_async(selectors.unanswered_questions)(
            conversation_id=self.ctx.conversation_id
        )
        for question in lost:
            self._spawn(protocol.Ask(client_id=question.client_id or "", text=question.text))

    async def _deliver(self, message: Message) -> None:
        """Send a stored message unless this connection already has it."""
        if message.seq in self.sent:
            return
        for frame in protocol.message_frames(message):
            await self.send_frame(frame)
        self.sent.add(message.seq)

    async def feedback(self, frame: protocol.FeedbackFrame) -> None:
        message = await self._own_message(frame.message_id)
        if message is None or message.role != Role.ASSISTANT:
            await self.send_frame(self._error("not_found", _("No such answer here.")))
            return
        await database_sync_to_async(services.feedback_store)(
            message=message, rating=frame.rating, comment=frame.comment
        )
        await self.send_frame({"type": "feedback.saved", "message_id": message.pk})

    async def escalate(self, message_id: int) -> None:
        """ "Send to my care team": escalate the question behind a reply (routine)."""
        message = await self._own_message(message_id)
        if message is None:
            await self.send_frame(self._error("not_found", _("No such message here.")))
            return
        question = (
            message
            if message.role == Role.PATIENT
            else await database_sync_to_async(lambda: message.reply_to)()
        )
        if question is None:
            await self.send_frame(self._error("invalid", _("That message cannot be sent.")))
            return
        escalation, _created = await database_sync_to_async(escalation_create)(
            message=question, level=Level.ROUTINE, reason="patient_request"
        )
        await self.send_frame(protocol.escalation(escalation, promise=self._promise(escalation)))

    def _promise(self, escalation: Escalation) -> str:
        with translation.override(self.ctx.language):
            return escalation_promise(escalation, emergency_number=self.ctx.emergency_number)

    def _error(self, code: str, detail: Promise, **extra: Any) -> dict[str, Any]:
        """An error frame whose words are in the patient's language (no request here)."""
        with translation.override(self.ctx.language):
            return protocol.error(code, str(detail), **extra)

    @database_sync_to_async
    def _own_message(self, message_id: int) -> Message | None:
        return Message.objects.filter(
            pk=message_id, conversation_id=self.ctx.conversation_id
        ).first()

    # --- Channel-layer events (other processes and tasks) -------------------------------

    async def chat_stored(self, event: dict[str, Any]) -> None:
        if event["seq"] in self.sent:
            return
        message = await self._own_message(event["message_id"])
        if message is not None:
            await self._deliver(message)

    async def chat_escalation(self, event: dict[str, Any]) -> None:
        escalation = await database_sync_to_async(
            Escalation.objects.filter(pk=event["escalation_id"]).first
        )()
        if escalation is not None:
            frame = protocol.escalation(escalation, promise=event.get("promise", ""))
            frame["status"] = event.get("status", frame["status"])
            await self.send_frame(frame)


def _count(key: str) -> int:
    """Count an ask in the shared cache: run in one trip off the database thread (Django's
    async cache methods would queue two trips behind the database work), or at once when
    the cache is in this process's memory."""
    cache.add(key, 0, timeout=120)
    return int(cache.incr(key))


def _in_process(backend: BaseCache) -> bool:
    """The embedded default's cache is memory under a lock held for a dict update: counting
    there costs about 16 µs of CPU, a hop to a thread and back about 150 µs."""
    return isinstance(backend, LocMemCache)


def _finished(task: asyncio.Task[Any]) -> None:
    _ANSWERS.discard(task)
    if not task.cancelled() and task.exception() is not None:
        log.error("answer task failed", exc_info=task.exception())


class EchoConsumer(DirectDispatch, AsyncWebsocketConsumer):
    """The load benchmark's baseline: the same stack and session check, no pipeline.

    Routed only when settings.BENCH_ECHO is on (never in production).
    """

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=4404)
            return
        await self.accept()

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        try:
            frame = protocol.parse_frame(text_data or "")
        except protocol.FrameError as exc:
            await self.send(text_data=protocol.dumps(protocol.error(exc.code, exc.detail)))
            return
        if isinstance(frame, protocol.Ask):
            for out in (
                {"type": "ack", "client_id": frame.client_id},
                {"type": "answer.start"},
                {"type": "answer.delta", "text": frame.text},
                {"type": "answer.end"},
            ):
                await self.send(text_data=protocol.dumps(out))
