"""assistant.sql: the rows it writes are the rows the ORM writes, column for column."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Model
from django.db.models.signals import post_save, pre_save

from assistant import sql
from assistant.models import Conversation, GuardEvent, Kind, Message, MessageState, Role

pytestmark = pytest.mark.django_db


def stored(model: type[Model], pk: int, *, leave_out: tuple[str, ...] = ("id",)) -> dict[str, Any]:
    """The row as the database holds it (no ORM conversion on the way back)."""
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM " + table + " WHERE id = %s", [pk])  # noqa: S608
        names = [column[0] for column in cursor.description]
        row = cursor.fetchone()
    return {name: value for name, value in zip(names, row, strict=True) if name not in leave_out}


def answer_fields(question: Message) -> dict[str, Any]:
    """Every kind of column: text, JSON lists and dicts (non-ASCII too), a datetime with
    microseconds, foreign keys set and unset, a null integer."""
    return {
        "conversation_id": question.conversation_id,
        "role": Role.ASSISTANT,
        "kind": Kind.ANSWER,
        "state": MessageState.PENDING,
        "reply_to": question,
        "text": "Une réponse « citée » [1].",
        "sentences": [{"text": "Une réponse.", "cites": [1]}],
        "citations": [{"n": 1, "slug": "a1c", "title": "A1C", "url": "/kb/a1c#x"}],
        "verdict": {"action": "answer", "level": 0, "rules": []},
        "safety": {},
        "backend": "grounded",
        "latency_ms": None,
        "dropped": 2,
        "language": "fr",
        "created_at": datetime(2026, 11, 25, 10, 7, 48, 123456, tzinfo=UTC),
    }


@pytest.fixture
def question(patient: Any) -> Message:
    conversation = Conversation.objects.create(patient=patient)
    return Message.objects.create(
        conversation=conversation, seq=1, role=Role.PATIENT, kind=Kind.QUESTION, text="q"
    )


def test_an_insert_stores_what_create_stores(question: Message) -> None:
    by_orm = Message.objects.create(seq=2, **answer_fields(question))
    other = Message.objects.create(
        conversation=question.conversation, seq=3, role=Role.PATIENT, kind=Kind.QUESTION
    )
    by_sql = Message(seq=4, **answer_fields(other))

    sql.insert(by_sql)

    assert by_sql.pk is not None
    assert not by_sql._state.adding
    leave_out = ("id", "seq", "reply_to_id")
    assert stored(Message, by_sql.pk, leave_out=leave_out) == stored(
        Message, by_orm.pk, leave_out=leave_out
    )
    again = Message.objects.get(pk=by_sql.pk)
    assert (again.reply_to_id, again.citations) == (other.pk, answer_fields(other)["citations"])


def test_an_insert_takes_the_models_defaults(question: Message) -> None:
    """Defaults (empty JSON, COMPLETE, created_at now) come from the fields, as with create()."""
    by_orm = Message.objects.create(conversation=question.conversation, seq=2, role=Role.PATIENT)
    by_sql = Message(conversation=question.conversation, seq=3, role=Role.PATIENT)
    sql.insert(by_sql)

    leave_out = ("id", "seq", "created_at")
    assert stored(Message, by_sql.pk, leave_out=leave_out) == stored(
        Message, by_orm.pk, leave_out=leave_out
    )
    assert by_orm.created_at <= Message.objects.get(pk=by_sql.pk).created_at


def test_a_guard_event_is_stored_as_bulk_create_stores_it(question: Message) -> None:
    def event() -> GuardEvent:
        return GuardEvent(message=question, stage="input", action="answer", rules=["r.1", "é"])

    [by_orm] = GuardEvent.objects.bulk_create([event()])
    by_sql = event()
    sql.insert(by_sql)

    assert stored(GuardEvent, by_sql.pk, leave_out=("id", "created_at")) == stored(
        GuardEvent, by_orm.pk, leave_out=("id", "created_at")
    )


def test_an_update_stores_what_save_update_fields_stores(question: Message) -> None:
    by_orm = Message.objects.create(seq=2, **answer_fields(question))
    other = Message.objects.create(
        conversation=question.conversation, seq=3, role=Role.PATIENT, kind=Kind.QUESTION
    )
    by_sql = Message.objects.create(seq=4, **answer_fields(other))
    changes = {
        "text": "Done.",
        "sentences": [{"text": "Done.", "cites": []}],
        "verdict": {"action": "answer", "level": 1, "rules": ["x"]},
        "latency_ms": 12,
        "backend": "",
        "state": MessageState.COMPLETE,
    }
    for message in (by_orm, by_sql):
        for name, value in changes.items():
            setattr(message, name, value)
        message.kind = Kind.FALLBACK  # changed but not listed: stays as stored
    by_orm.save(update_fields=list(changes))

    sql.update(by_sql, fields=list(changes))

    rows = [stored(Message, m.pk, leave_out=("id", "seq", "reply_to_id")) for m in (by_orm, by_sql)]
    assert rows[0] == rows[1]
    assert rows[1]["kind"] == Kind.ANSWER


def test_an_update_can_clear_a_column(question: Message) -> None:
    reply = Message.objects.create(seq=2, **{**answer_fields(question), "latency_ms": 5})
    reply.latency_ms = None
    sql.update(reply, fields=["latency_ms"])
    assert Message.objects.get(pk=reply.pk).latency_ms is None


def test_an_update_of_a_missing_row_fails_as_save_does(question: Message) -> None:
    gone = Message.objects.create(seq=2, **answer_fields(question))
    Message.objects.filter(pk=gone.pk).delete()
    with pytest.raises(DatabaseError, match="did not affect any rows"):
        sql.update(gone, fields=["text"])


def test_an_insert_breaking_a_constraint_raises_and_rolls_back(question: Message) -> None:
    twin = Message(conversation=question.conversation, seq=1, role=Role.PATIENT, text="again")

    def store_two() -> None:
        with transaction.atomic():
            Message.objects.create(conversation=question.conversation, seq=2, role=Role.PATIENT)
            sql.insert(twin)

    with pytest.raises(IntegrityError):
        store_two()
    assert twin.pk is None
    assert list(question.conversation.messages.values_list("seq", flat=True)) == [1]


def test_a_stored_instance_is_refused(question: Message) -> None:
    with pytest.raises(ValueError, match="already has a primary key"):
        sql.insert(question)


@pytest.mark.parametrize("fields", [[], ["id"], ["replies"]], ids=["none", "pk", "reverse"])
def test_updates_of_what_is_not_a_column_are_refused(question: Message, fields: list[str]) -> None:
    with pytest.raises(ValueError, match="cannot update"):
        sql.update(question, fields=fields)


@pytest.mark.sqlite  # SQLite < 3.35 lacks RETURNING; psycopg needs it (not run on PostgreSQL)
def test_without_returning_the_orm_stores_it(
    question: Message, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connection.features, "can_return_columns_from_insert", False)
    reply = Message(seq=2, **answer_fields(question))
    sql.insert(reply)
    assert Message.objects.get(pk=reply.pk).text == reply.text


@pytest.mark.parametrize("model", [Message, GuardEvent], ids=lambda m: m.__name__)
@pytest.mark.parametrize("signal", [pre_save, post_save], ids=["pre_save", "post_save"])
def test_nothing_listens_for_saves_that_sql_skips(model: type[Model], signal: Any) -> None:
    """sql.insert/update send no signals: a receiver added on these models would be skipped
    on every question. Move its work into the service instead."""
    assert not signal.has_listeners(model)
