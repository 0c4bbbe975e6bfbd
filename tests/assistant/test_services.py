"""question_store, reply_record and next_seq: numbering, the conversation's title,
idempotency, what is stored and what is flagged."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction

from assistant.models import (
    Conversation,
    Flag,
    FlagKind,
    GuardEvent,
    Kind,
    Message,
    MessageState,
    Role,
)
from assistant.services import next_seq, question_store, reply_record


def test_the_first_question_names_the_conversation_and_later_ones_do_not(patient: Any) -> None:
    conversation = Conversation.objects.create(patient=patient)
    before = conversation.updated_at
    first = "what is an a1c " + "x" * 200

    question_store(conversation_id=conversation.pk, client_id="a", text=first)
    question_store(conversation_id=conversation.pk, client_id="b", text="and my cholesterol?")

    conversation.refresh_from_db()
    assert conversation.title == first[:120]
    assert conversation.updated_at > before


def test_a_question_and_its_reply_are_numbered_in_turn(patient: Any) -> None:
    conversation = Conversation.objects.create(patient=patient)
    q1, r1 = question_store(conversation_id=conversation.pk, client_id="a", text="one")
    q2, r2 = question_store(conversation_id=conversation.pk, client_id="b", text="two")
    assert r1 is not None
    assert r2 is not None
    assert [q1.seq, r1.seq, q2.seq, r2.seq] == [1, 2, 3, 4]
    assert (r2.role, r2.state, r2.reply_to_id) == (Role.ASSISTANT, MessageState.PENDING, q2.pk)


def test_the_same_ask_twice_is_stored_once(patient: Any) -> None:
    conversation = Conversation.objects.create(patient=patient)
    question, reply = question_store(conversation_id=conversation.pk, client_id="a", text="one")
    again, no_reply = question_store(conversation_id=conversation.pk, client_id="a", text="one")
    assert again.pk == question.pk
    assert reply is not None
    assert no_reply is None
    assert conversation.messages.count() == 2


def test_numbering_without_a_title_keeps_the_title(patient: Any) -> None:
    """The care team's replies take the next number and leave the title alone."""
    conversation = Conversation.objects.create(patient=patient, title="My A1C")
    with transaction.atomic():
        assert next_seq(conversation.pk) == 1
    conversation.refresh_from_db()
    assert conversation.title == "My A1C"


def test_the_stored_question_and_reply_are_the_returned_ones(patient: Any) -> None:
    conversation = Conversation.objects.create(patient=patient)
    question, reply = question_store(conversation_id=conversation.pk, client_id="a", text="hi")
    assert reply is not None

    for returned in (question, reply):
        again = Message.objects.get(pk=returned.pk)
        assert not returned._state.adding
        assert {f.attname: getattr(again, f.attname) for f in Message._meta.concrete_fields} == {
            f.attname: getattr(returned, f.attname) for f in Message._meta.concrete_fields
        }
    assert (question.role, question.kind, question.state, question.client_id, question.text) == (
        Role.PATIENT,
        Kind.QUESTION,
        MessageState.COMPLETE,
        "a",
        "hi",
    )
    assert (reply.sentences, reply.verdict, reply.client_id, reply.reply_to_id) == (
        [],
        {},
        None,
        question.pk,
    )


def test_a_repeated_ask_leaves_nothing_behind(patient: Any) -> None:
    """The failed copy's numbering and title are rolled back with it."""
    conversation = Conversation.objects.create(patient=patient)
    question_store(conversation_id=conversation.pk, client_id="a", text="one")
    question_store(conversation_id=conversation.pk, client_id="a", text="one")
    question, _ = question_store(conversation_id=conversation.pk, client_id="b", text="two")
    assert question.seq == 3
    assert list(conversation.messages.values_list("seq", flat=True)) == [1, 2, 3, 4]


def answered(patient: Any, **fields: Any) -> tuple[Message, Message]:
    conversation = Conversation.objects.create(patient=patient)
    question, reply = question_store(conversation_id=conversation.pk, client_id="a", text="q")
    assert reply is not None
    defaults: dict[str, Any] = {
        "screening": {"action": "answer", "level": 0, "rules": []},
        "kind": Kind.ANSWER,
        "text": "An answer [1].",
        "sentences": [{"text": "An answer [1].", "cites": [1]}],
        "citations": [{"n": 1, "slug": "a1c"}],
        "verdict": {"action": "answer", "level": 0, "rules": []},
        "backend": "grounded",
        "language": "en",
        "dropped": 0,
        "latency_ms": 7,
    }
    return question, reply_record(question=question, reply=reply, **{**defaults, **fields})


def test_reply_record_completes_the_reply_and_records_the_verdict(patient: Any) -> None:
    question, reply = answered(patient)

    again = Message.objects.get(pk=reply.pk)
    assert (again.state, again.kind, again.text, again.backend, again.latency_ms) == (
        MessageState.COMPLETE,
        Kind.ANSWER,
        "An answer [1].",
        "grounded",
        7,
    )
    assert again.sentences == [{"text": "An answer [1].", "cites": [1]}]
    assert again.citations == [{"n": 1, "slug": "a1c"}]
    assert again.created_at == reply.created_at  # not part of the update
    event = GuardEvent.objects.get()
    assert (event.message_id, event.stage, event.action, event.rules) == (
        question.pk,
        "input",
        "answer",
        [],
    )
    assert not Flag.objects.exists()


@pytest.mark.parametrize(
    ("fields", "flagged", "on_reply"),
    [
        pytest.param({}, set(), False, id="answer-not-flagged"),
        pytest.param(
            {"screening": {"action": "harmful", "rules": ["harm.x"]}},
            {FlagKind.HARMFUL},
            False,
            id="harmful",
        ),
        pytest.param(
            {"screening": {"action": "injection", "rules": ["inj.x"]}},
            {FlagKind.INJECTION},
            False,
            id="injection",
        ),
        pytest.param(
            {
                "dropped_events": [
                    {"action": "dropped", "rules": ["out.b"], "text": "Take 2."},
                    {"action": "dropped", "rules": ["out.a"], "text": "Take 3."},
                ],
                "dropped": 2,
            },
            {FlagKind.DROPPED},
            True,
            id="dropped",
        ),
        pytest.param(
            {"kind": Kind.FALLBACK, "backend": "openai"}, {FlagKind.FALLBACK}, True, id="fallback"
        ),
    ],
)
def test_reply_record_flags_for_moderators(
    patient: Any, fields: dict[str, Any], flagged: set[str], on_reply: bool
) -> None:
    question, reply = answered(patient, **fields)

    assert {flag.kind for flag in Flag.objects.all()} == flagged
    for flag in Flag.objects.all():
        assert flag.message_id == (reply.pk if on_reply else question.pk)
    if "dropped_events" in fields:
        dropped = Flag.objects.get(kind=FlagKind.DROPPED)
        assert (dropped.detail, dropped.rules) == ("Take 2.\nTake 3.", ["out.a", "out.b"])
        assert list(
            GuardEvent.objects.filter(stage="output").values_list("message_id", "text")
        ) == [(reply.pk, "Take 2."), (reply.pk, "Take 3.")]
