"""Answers in the patient's language: Spanish where approved content exists, otherwise an
honest note with the English article; safety replies in Spanish."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from assistant import protocol
from assistant.context import patient_context
from assistant.language import answer_language
from assistant.models import Conversation, Message
from assistant.pipeline import handle_ask
from tests.assistant.conftest import chat_socket, connect, is_end, receive_until, send_json

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


@pytest.fixture(autouse=True)
def _back_to_the_default_language() -> Iterator[None]:
    """A request activates its language for the thread; later tests expect the default."""
    yield
    translation.deactivate()


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
    text = " ".join(
        s["text"] for f in frames if f["type"] == "answer.delta" for s in f["sentences"]
    )
    assert "asma" in text.lower()
    assert "vías respiratorias" in text


def test_personal_sentence_in_spanish(spanish_patient: Any) -> None:
    frames = ask(spanish_patient, "¿Qué es la diabetes tipo 2?")
    first = next(f["sentences"][0]["text"] for f in frames if f["type"] == "answer.delta")
    # The Spanish article's name, then the chart's own words.
    assert first == "Su expediente incluye diabetes tipo 2: «Diabetes» desde 2019."


def test_a_translated_article_answers_in_spanish(spanish_patient: Any) -> None:
    frames = ask(spanish_patient, "¿Qué es la epilepsia?")
    end = frames[-1]
    assert end["kind"] == "answer"
    assert end["citations"]
    assert all(c["url"].startswith("/articles/epilepsy/?lang=es") for c in end["citations"])
    assert end["citations"][0]["label"] == "Qué es"  # the heading as the Spanish page shows it
    text = " ".join(
        s["text"] for f in frames if f["type"] == "answer.delta" for s in f["sentences"]
    )
    assert "epilepsia" in text.lower()
    assert "convulsiones" in text


def test_no_spanish_article_offers_the_english_one(spanish_patient: Any) -> None:
    frames = ask(spanish_patient, "¿Qué es el insomnio?")
    end = frames[-1]
    assert end["kind"] == "no_answer"
    assert end["citations"][0]["url"].startswith("/articles/insomnia/")
    sentence = next(f["sentences"][0]["text"] for f in frames if f["type"] == "answer.delta")
    assert "en español" in sentence
    assert "Insomnia" in sentence


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


# --- Everything around the answer is in the answer's language too ---------------------


def test_the_disclaimer_is_in_the_language_of_the_answer(spanish_patient: Any) -> None:
    end = ask(spanish_patient, "¿Qué es el asma?")[-1]
    assert end["disclaimer"] == (
        "Esto explica información de artículos aprobados y de su expediente. No es un "
        "diagnóstico ni un consejo médico. En una emergencia, llame al 911."
    )
    # Resume, another tab and the chat page replay the stored reply with the same words.
    stored = Message.objects.get(pk=end["message_id"])
    assert stored.language == "es"
    assert protocol.message_frames(stored)[-1]["disclaimer"] == end["disclaimer"]


def test_an_english_question_gets_the_english_disclaimer(spanish_patient: Any) -> None:
    with translation.override("es"):  # even inside a Spanish page's language
        end = ask(spanish_patient, "what is asthma")[-1]
    assert end["disclaimer"].startswith("This explains information from approved articles")


def test_the_offer_to_send_it_on_is_labelled_in_spanish(spanish_patient: Any) -> None:
    end = ask(spanish_patient, "¿Qué es el insomnio?")[-1]
    assert end["actions"] == [
        {"type": "send_to_care_team", "label": "Enviar a mi equipo de atención"}
    ]


def test_spanish_emergency_promise_is_in_spanish(spanish_patient: Any) -> None:
    frames = ask(spanish_patient, "mi esposo no puede respirar y se está poniendo azul")
    ticket = next(f for f in frames if f["type"] == "escalation")
    assert ticket["promise"].startswith("Una enfermera le responderá en ")
    assert ticket["promise"].endswith("llame al 911.")


def test_explain_this_asks_with_the_spanish_name(client: Any, spanish_patient: Any) -> None:
    condition = spanish_patient.conditions.get()
    client.force_login(spanish_patient.user)
    page = client.get(reverse("chat") + f"?explain={condition.pk}").content.decode()
    assert 'data-first-question="¿Me puede explicar mi diagnóstico: Diabetes tipo 2?"' in page


async def test_sending_to_the_care_team_is_answered_in_spanish(spanish_patient: Any) -> None:
    async with chat_socket(spanish_patient.user) as socket:
        await connect(socket)
        await send_json(socket, {"type": "ask", "client_id": "s1", "text": "¿Qué es el asma?"})
        end = (await receive_until(socket, is_end))[-1]
        await send_json(socket, {"type": "escalate", "message_id": end["message_id"]})
        ticket = await receive_until(socket, lambda f: f["type"] == "escalation")
    assert ticket[-1]["promise"].startswith("Una enfermera le responderá en ")


@override_settings(ASSISTANT_ASKS_PER_MINUTE=1)
async def test_chat_errors_are_in_spanish(spanish_patient: Any) -> None:
    async with chat_socket(spanish_patient.user) as socket:
        await connect(socket)
        await send_json(socket, {"type": "ask", "client_id": "r0", "text": "¿Qué es el asma?"})
        await receive_until(socket, is_end)
        await send_json(socket, {"type": "ask", "client_id": "r1", "text": "¿Y la diabetes?"})
        error = await receive_until(socket, lambda f: f["type"] == "error")
        await send_json(socket, {"type": "feedback", "message_id": 999999, "rating": 1})
        missing = await receive_until(socket, lambda f: f["type"] == "error")
    assert error[-1]["code"] == "rate_limited"
    assert error[-1]["detail"].startswith("Está enviando mensajes muy rápido.")
    assert missing[-1]["detail"] == "Esa respuesta no está aquí."
