"""Answers in the patient's language: Spanish where approved content exists, otherwise an
honest note with the English article; safety replies in Spanish."""

from __future__ import annotations

from typing import Any

import pytest
from asgiref.sync import async_to_sync

from assistant.context import patient_context
from assistant.language import answer_language
from assistant.models import Conversation
from assistant.pipeline import handle_ask

# database_sync_to_async closes a connection left in a transaction: no wrapping transaction.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(
    ("text", "preferred", "expected"),
    [
        pytest.param("¿Qué es el asma?", "en", "es", id="spanish-question"),
        pytest.param("what is asthma", "es", "en", id="english-question"),
        pytest.param("asma", "es", "es", id="one-word-keeps-preference"),
        pytest.param("asthma", "en", "en", id="one-word-english"),
        pytest.param("que significa mi presion alta", "en", "es", id="no-accents"),
    ],
)
def test_answer_language(text: str, preferred: str, expected: str) -> None:
    assert answer_language(text, preferred) == expected


def ask(patient: Any, text: str) -> list[dict[str, Any]]:
    conversation = Conversation.objects.create(patient=patient)
    ctx = patient_context(patient, conversation_id=conversation.pk)
    frames: list[dict[str, Any]] = []

    async def send(frame: dict[str, Any]) -> None:
        frames.append(frame)

    async_to_sync(handle_ask)(ctx, client_id="q", text=text, send=send)
    return frames


@pytest.fixture
def spanish_patient(diabetic: Any) -> Any:
    diabetic.preferred_language = "es"
    diabetic.save()
    return diabetic


def test_spanish_question_gets_a_spanish_answer_with_spanish_sources(spanish_patient: Any) -> None:
    frames = ask(spanish_patient, "¿Qué es el asma?")
    end = frames[-1]
    assert end["kind"] == "answer"
    assert all(c["url"].startswith("/articles/asthma/?lang=es") for c in end["citations"])
    text = " ".join(f["text"] for f in frames if f["type"] == "answer.delta")
    assert "asma" in text.lower()
    assert "vías respiratorias" in text


def test_personal_sentence_in_spanish(spanish_patient: Any) -> None:
    frames = ask(spanish_patient, "¿Qué es la diabetes tipo 2?")
    first = next(f["text"] for f in frames if f["type"] == "answer.delta")
    assert first.startswith("Su expediente incluye «Diabetes»")


def test_no_spanish_article_offers_the_english_one(spanish_patient: Any) -> None:
    frames = ask(spanish_patient, "¿Qué es la epilepsia?")
    end = frames[-1]
    assert end["kind"] == "no_answer"
    assert end["citations"][0]["url"].startswith("/articles/epilepsy/")
    sentence = next(f["text"] for f in frames if f["type"] == "answer.delta")
    assert "en español" in sentence
    assert "Epilepsy" in sentence


def test_spanish_emergency_gets_spanish_instructions(spanish_patient: Any) -> None:
    frames = ask(spanish_patient, "mi esposo no puede respirar y se está poniendo azul")
    safety = next(f for f in frames if f["type"] == "safety")
    assert safety["level"] == "emergency"
    assert "Llame al 911" in safety["text"]
    assert safety["actions"][0]["label"] == "Llamar al 911"


def test_spanish_article_page(client: Any, library: None) -> None:
    page = client.get("/articles/asthma/?lang=es").content.decode()
    assert "Qué es" in page
    assert 'lang="es"' in page
    assert "Read this article in English" in page
