"""A Spanish-speaking patient gets the portal, and the chat client, in Spanish."""

from __future__ import annotations

import re
import threading
from datetime import date
from typing import Any

import pytest
from django.core import mail

from portal.accounts.services import invitation_create
from portal.careteam.models import Escalation, Level
from portal.careteam.services import escalation_reply
from portal.records.models import Patient
from tests.browser.conftest import BROWSER_MARKS, Browse, sign_in
from tests.factories import PASSWORD, PatientFactory

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


def test_a_spanish_speaking_patient_completes_the_flows_in_spanish(
    browse: Browse, team: Any, clinician: Any
) -> None:
    """Activation, sign-in, an emergency, a question sent to the care team and the team's
    reply arriving live: every step in Spanish."""
    patient = PatientFactory(
        care_team=team, given_name="Lucía", birth_date=date(1968, 3, 9), preferred_language="es"
    )
    code = invitation_create(patient=patient).code
    page = browse.page(locale="es-ES")
    page.goto("/")
    page.click("text=Tengo un código de activación")
    browse.check(page)
    assert page.locator("html").get_attribute("lang") == "es"
    page.fill("#id_code", code)
    page.fill("#id_birth_date", patient.birth_date.isoformat())
    page.fill("#id_email", "lucia@example.test")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    browse.check(page)
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body)
    assert link, mail.outbox[-1].body
    page.goto(link.group(0))
    browse.check(page)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/login/"))
    sign_in(browse, page, "lucia@example.test")
    page.wait_for_url(f"{browse.base_url}/")
    assert page.locator("h1").inner_text() == "Hola, Lucía"

    page.goto("/chat/")
    page.locator("#chat-status").wait_for(state="attached")
    page.fill("#chat-input", "me duele muchísimo el pecho y no puedo respirar")
    page.click("#chat-send")
    banner = page.locator("#emergency-banner")
    banner.wait_for(state="visible", timeout=3000)
    assert "911" in banner.inner_text()
    call = page.get_by_role("link", name="Llamar al 911").first
    assert call.get_attribute("href") == "tel:911"
    browse.check(page)

    page.fill("#chat-input", "¿Debo tomar el doble de mi dosis de metformina?")
    page.click("#chat-send")
    offer = page.locator(".msg.safety.out_of_scope")
    offer.get_by_role("button", name="Enviar a mi equipo de atención").click()
    # Two tickets now: the emergency's (raised by itself) and the one just asked for.
    page.locator(".msg.ticket", has_text="Enviado a su equipo de atención").nth(1).wait_for()
    browse.check(page)

    escalation = Escalation.objects.filter(level=Level.ROUTINE).get()
    # The clinician's side is the English flow's; here the reply is made as the staff page
    # makes it, from another thread (Playwright's loop runs in this one).
    replying = threading.Thread(
        target=escalation_reply,
        kwargs={"escalation": escalation, "user": clinician, "text": "La llamo esta tarde, Lucía."},
    )
    replying.start()
    replying.join(10)
    reply = page.locator(".msg.careteam", has_text="La llamo esta tarde")
    reply.wait_for()
    assert clinician.last_name in reply.locator(".who").inner_text()
    browse.check(page)
