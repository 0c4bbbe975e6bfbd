"""A Spanish-speaking patient gets the portal, and the chat client, in Spanish."""

from __future__ import annotations

import re

import pytest

from portal.records.models import Patient
from tests.browser.conftest import BROWSER_MARKS, Browse

pytestmark = BROWSER_MARKS


@pytest.fixture
def spanish_patient(diabetic: Patient) -> Patient:
    diabetic.preferred_language = "es"
    diabetic.save(update_fields=["preferred_language"])
    return diabetic


def test_a_spanish_speaking_patients_pages_are_in_spanish(
    browse: Browse, spanish_patient: Patient
) -> None:
    # The browser asks for English: the patient's own preference still wins.
    page = browse.signed_in_page(spanish_patient.user, locale="en-US")
    page.goto("/")
    browse.check(page)
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == "Hola, Ana"
    assert page.get_by_role("link", name="Preguntar").is_visible()

    page.get_by_role("link", name="Ver todo su historial").click()
    page.wait_for_url(re.compile(r"/patients/"))
    browse.check(page)
    assert page.locator("h1").inner_text() == "Su historial"
    diagnosis = page.locator("li.row").first
    assert diagnosis.locator("strong").inner_text() == "Diabetes tipo 2"
    assert "en su expediente: Diabetes" in diagnosis.inner_text()
    page.get_by_role("link", name=re.compile("^Explicar esto")).first.click()
    page.wait_for_url(re.compile(r"/chat/"))

    question = page.locator(".msg.patient").first
    question.wait_for()
    assert question.locator(".who").inner_text() == "Usted"
    assert question.locator(".body").inner_text() == (
        "¿Me puede explicar mi diagnóstico: Diabetes tipo 2?"
    )
    answer = page.locator(".msg.assistant").last
    answer.locator(".feedback").wait_for()
    assert "¿Le fue útil?" in answer.locator(".feedback").inner_text()
    assert answer.locator(".disclaimer").inner_text().startswith("Esto explica información")
    assert answer.get_by_role("button", name="Sí, me fue útil").is_visible()
    assert page.locator("#chat-input").get_attribute("placeholder") == "Escriba su pregunta"
    browse.check(page)


def test_the_language_switch_overrides_the_preference(
    browse: Browse, spanish_patient: Patient
) -> None:
    page = browse.signed_in_page(spanish_patient.user)
    page.goto("/")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state("load")
    browse.check(page)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Hello, Ana"

    page.get_by_role("button", name="Español").click()
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == "es"
    browse.check(page)


def test_visitors_get_the_language_their_browser_asks_for(browse: Browse) -> None:
    page = browse.page(locale="es-ES")
    page.goto("/")
    browse.check(page)
    assert page.locator("h1").inner_text() == "Su historial médico, explicado"
    page.get_by_role("link", name="Iniciar sesión").click()
    browse.check(page)
    assert page.locator("h1").inner_text() == "Iniciar sesión"
