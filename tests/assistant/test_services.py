"""question_store and next_seq: numbering, the conversation's title, idempotency."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from assistant.models import Conversation, MessageState, Role
from assistant.services import next_seq, question_store


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
