"""THE message flow, top to bottom. Every step is one call into one module.

    patient frame --> persist question (idempotent on client_id)
                  --> input guard -- emergency/crisis --> instructions at once + escalation
                                  -- urgent           --> same-day advice + urgent escalation
                                  -- out of scope     --> explain + offer the care team
                                  -- harmful/injection --> refuse (flagged for moderation)
                  --> retrieve approved passages (+ the patient's coded conditions)
                  --> backend --> output guard per sentence --> stream kept sentences
                  --> persist the answer (or a safe fallback) --> notify other connections

The caller (the websocket consumer) passes `send`, which must never raise: a dropped
connection does not stop the flow, so the answer is still completed and stored and
reaches the patient on resume.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from channels.db import database_sync_to_async
from django.conf import settings
from django.db import DatabaseError
from django.utils import translation

from assistant import events, protocol, selectors, services
from assistant.backends.base import AnswerRequest, Backend, BackendError, Passage, Sentence
from assistant.backends.registry import fallback_backend, get_backend
from assistant.context import PatientContext
from assistant.language import answer_language
from assistant.models import Kind, Message
from assistant.replies import FALLBACK_TEXT, NO_ANSWER_TEXT, NOT_YET_TRANSLATED, safety_reply
from assistant.retrieval import retrieve
from assistant.safety import Action, Verdict, check_sentence, screen
from portal.audit.models import AuditAction
from portal.audit.services import audit_event_record
from portal.careteam.models import Level
from portal.careteam.services import escalation_create, escalation_promise

T = TypeVar("T")
Send = Callable[[dict[str, Any]], Awaitable[None]]
MIN_MODEL_SENTENCES = 2
AUTO_ESCALATE: dict[Action, Level] = {
    Action.EMERGENCY: Level.EMERGENCY,
    Action.CRISIS: Level.EMERGENCY,
    Action.URGENT: Level.URGENT,
}


URGENT_NOW = (Action.EMERGENCY, Action.CRISIS)
DB_ATTEMPTS = 3


async def handle_ask(ctx: PatientContext, *, client_id: str, text: str, send: Send) -> Message:
    """Answer one question from the patient. Returns the stored reply.

    Emergency and crisis instructions never depend on the database: when any step fails
    (storing the question, the reply or the escalation) before the safety frame went out,
    it goes out unsaved (no message_id, no seq, without the "care team told" sentence),
    and then the error reaches the caller, which sends an error frame.
    """
    safety_sent = False

    async def tracked(frame: dict[str, Any]) -> None:
        nonlocal safety_sent
        safety_sent = safety_sent or frame.get("type") == "safety"
        await send(frame)

    try:
        return await _handle_ask(ctx, client_id=client_id, text=text, send=tracked)
    except Exception:
        verdict = screen(text)  # pure Python: works with the database down
        if verdict.action in URGENT_NOW and not safety_sent:
            shown = safety_reply(
                verdict.action,
                emergency=ctx.emergency_number,
                crisis=ctx.crisis_line,
                language=answer_language(text, ctx.language),
            )
            await send(protocol.safety_unsaved(shown.level, shown.text, shown.actions))
        raise


async def _handle_ask(ctx: PatientContext, *, client_id: str, text: str, send: Send) -> Message:
    question, reply = await _db(
        services.question_store, conversation_id=ctx.conversation_id, client_id=client_id, text=text
    )
    await send(protocol.ack(question))
    if reply is None:  # the same ask twice: answered once
        done = await _db(selectors.reply_for, question=question)
        if done is not None:
            return await replay(done, send)
        if await _db(selectors.reply_in_progress, question=question):
            return question  # still being answered: it arrives through notify_stored
        # Stored but never answered (a process stopped in between): answer it now.
        reply = await _db(services.reply_takeover, question=question)

    verdict = screen(text)
    lang = answer_language(text, ctx.language)
    if verdict.action is not Action.ANSWER:
        return await refuse_or_redirect(ctx, question, reply, verdict, send, lang=lang)

    started = time.monotonic()
    await send(protocol.answer_start(reply))

    async def stream(sentences: list[Sentence]) -> None:
        await send(protocol.answer_delta(reply, sentences))

    passages = await retrieve(text, ctx, lang=lang)
    if lang != "en" and not passages:
        # Nothing approved in the patient's language: say so and offer the English article.
        answer = await offer_english(ctx, question=text, lang=lang, on_sentences=stream)
    else:
        answer = await guarded_answer(
            ctx, question=text, passages=passages, on_sentences=stream, lang=lang
        )
    # The answer and the guard's findings (input verdict, dropped sentences): one write.
    reply = await _db(
        services.reply_record,
        question=question,
        reply=reply,
        screening=screening_event(verdict),
        dropped_events=answer.dropped,
        kind=answer.kind,
        text=" ".join(s.text for s in answer.sentences),
        sentences=[{"text": s.text, "cites": list(s.cites)} for s in answer.sentences],
        citations=answer.citations,
        verdict=verdict_dict(verdict),
        backend=answer.backend,
        language=lang,
        dropped=len(answer.dropped),
        latency_ms=int((time.monotonic() - started) * 1000),
    )
    await send(protocol.answer_end(reply))
    await events.notify_stored(reply)
    return reply


async def refuse_or_redirect(
    ctx: PatientContext,
    question: Message,
    reply: Message,
    verdict: Verdict,
    send: Send,
    *,
    lang: str = "en",
) -> Message:
    """Safety replies never wait on a model: the text is fixed and goes out at once."""
    shown = safety_reply(
        verdict.action, emergency=ctx.emergency_number, crisis=ctx.crisis_line, language=lang
    )
    reply = await _db(
        services.reply_record,
        question=question,
        reply=reply,
        screening=screening_event(verdict),
        kind=Kind.SAFETY,
        text=shown.text,
        verdict=verdict_dict(verdict),
        safety={"level": shown.level, "actions": shown.actions},
        language=lang,
        latency_ms=0,
    )
    await send(protocol.safety(reply))
    level = AUTO_ESCALATE.get(verdict.action)
    if level is not None:
        escalation, _ = await _db_retry(
            escalation_create,
            message=question,
            level=level,
            reason=verdict.action.value,
            verdict=verdict_dict(verdict),
        )
        with translation.override(lang):  # no request here: speak the reply's language
            promise = escalation_promise(escalation, emergency_number=ctx.emergency_number)
        await send(protocol.escalation(escalation, promise=promise))
    await events.notify_stored(reply)
    return reply


@dataclass
class GuardedAnswer:
    kind: str
    sentences: list[Sentence]
    citations: list[dict[str, Any]]
    dropped: list[dict[str, Any]]
    backend: str


OnSentences = Callable[[list[Sentence]], Awaitable[None]]


async def guarded_answer(
    ctx: PatientContext,
    *,
    question: str,
    passages: list[Passage],
    on_sentences: OnSentences,
    lang: str = "en",
) -> GuardedAnswer:
    """Stream the backend's sentences that pass the output guard; fall back on failure.

    A model backend that fails, or whose answer mostly fails the guard (fewer than
    MIN_MODEL_SENTENCES kept), is followed by the grounded answer from the same passages.
    """
    backend = get_backend()
    history = (
        await _db(selectors.recent_turns, conversation_id=ctx.conversation_id)
        if (backend.uses_history)
        else ()
    )
    request = AnswerRequest(
        question=question,
        passages=passages,
        record=ctx.record,
        history=history,
        identifiers=ctx.identifiers,
        language=lang,
    )
    kept, dropped = await _stream_checked(backend, request, ctx, on_sentences)
    await audit_model_call(ctx, request, kept, dropped)
    name = backend.name
    grounded = fallback_backend()
    if backend is not grounded and (kept is None or len(kept) < MIN_MODEL_SENTENCES):
        # The model failed, or too little of its answer passed the guard: the grounded
        # answer from the same passages follows whatever was already shown.
        more, more_dropped = await _stream_checked(grounded, request, ctx, on_sentences)
        dropped += more_dropped
        if kept is None:
            kept, name = more, grounded.name
        elif more:
            kept, name = kept + more, f"{name}+{grounded.name}"
    if kept is None:
        sentence = Sentence(FALLBACK_TEXT[lang])
        await on_sentences([sentence])
        return GuardedAnswer(Kind.FALLBACK, [sentence], [], dropped, name)
    if not any(s.cites for s in kept):
        if not kept:
            kept = [Sentence(NO_ANSWER_TEXT[lang])]
            await on_sentences(kept)
        return GuardedAnswer(Kind.NO_ANSWER, kept, [], dropped, name)
    return GuardedAnswer(Kind.ANSWER, kept, protocol.citations(kept, passages), dropped, name)


async def offer_english(
    ctx: PatientContext, *, question: str, lang: str, on_sentences: OnSentences
) -> GuardedAnswer:
    """No approved article in `lang`: say so plainly and point to the English article."""
    english = await retrieve(question, ctx, lang="en")
    if not english:
        sentence = Sentence(NO_ANSWER_TEXT[lang])
        await on_sentences([sentence])
        return GuardedAnswer(Kind.NO_ANSWER, [sentence], [], [], "grounded")
    first = english[0]
    sentence = Sentence(NOT_YET_TRANSLATED[lang].format(title=first.title), (first.n,))
    await on_sentences([sentence])
    citations = protocol.citations([sentence], english)
    return GuardedAnswer(Kind.NO_ANSWER, [sentence], citations, [], "grounded")


async def audit_model_call(
    ctx: PatientContext,
    request: AnswerRequest,
    kept: list[Sentence] | None,
    dropped: list[dict[str, Any]],
) -> None:
    """Every call to a model is audited: facts only, never the prompt or the reply."""
    if "model" not in request.trace:
        return
    await _db(
        audit_event_record,
        action=AuditAction.MODEL_CALL,
        patient_id=ctx.patient_id or None,
        patient_mrn=ctx.identifiers.mrn or "",
        **request.trace,
        kept=len(kept or []),
        dropped=len(dropped),
    )


async def _stream_checked(
    backend: Backend, request: AnswerRequest, ctx: PatientContext, on_sentences: OnSentences
) -> tuple[list[Sentence] | None, list[dict[str, Any]]]:
    """(kept sentences, or None when the backend failed before any sentence; dropped).

    Each batch the backend has ready is checked sentence by sentence and what passes goes
    out together (one frame)."""
    support = [p.text for p in request.passages] + list(ctx.record_support)
    kept: list[Sentence] = []
    dropped: list[dict[str, Any]] = []
    try:
        async with asyncio.timeout(settings.ASSISTANT_ANSWER_TIMEOUT):
            async for batch in backend.batches(request):
                passed = []
                for sentence in batch:
                    check = check_sentence(
                        sentence.text, passages=support, record=ctx.facts, question=request.question
                    )
                    if check.ok:
                        passed.append(sentence)
                    else:
                        dropped.append(
                            {"action": "dropped", "rules": check.rules, "text": sentence.text}
                        )
                if passed:
                    kept.extend(passed)
                    await on_sentences(passed)
    except (BackendError, TimeoutError):
        if not kept:
            return None, dropped
    return kept, dropped


async def replay(reply: Message, send: Send) -> Message:
    """Send a stored reply again; a pending one arrives through `notify_stored` when done."""
    for frame in protocol.message_frames(reply):
        await send(frame)
    return reply


def screening_event(verdict: Verdict) -> dict[str, Any]:
    """The input guard's finding as a guard event."""
    return {"action": verdict.action.value, "rules": list(verdict.rules)}


def verdict_dict(verdict: Verdict) -> dict[str, Any]:
    return {
        "action": verdict.action.value,
        "level": verdict.level.value,
        "rules": list(verdict.rules),
        "reason": verdict.reason,
    }


async def _db_retry(func: Callable[..., T], /, **kwargs: Any) -> T:
    """A write that must not be lost to a brief database outage (an escalation the patient
    was just told about): tried DB_ATTEMPTS times, pausing 0.25 s, then 0.5 s, ..."""
    for attempt in range(DB_ATTEMPTS - 1):
        try:
            return await _db(func, **kwargs)
        except DatabaseError:
            await asyncio.sleep(0.25 * 2**attempt)
    return await _db(func, **kwargs)


async def _db(func: Callable[..., T], /, **kwargs: Any) -> T:
    """Run a database call off the event loop (Django's ORM is synchronous)."""
    result: T = await database_sync_to_async(func)(**kwargs)
    return result
