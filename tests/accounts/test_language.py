"""The signed-in patient's preferred language, the language switch and everyone else."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from portal.records.models import Patient

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _back_to_the_default_language() -> Iterator[None]:
    """A request activates its language for the thread; later tests expect the default."""
    yield
    translation.deactivate()


@pytest.mark.parametrize(
    ("preferred", "accept", "cookie", "expected"),
    [
        pytest.param("es", "en-US,en", None, "es", id="preference-beats-browser"),
        pytest.param("en", "es-ES,es", None, "en", id="english-patient-spanish-browser"),
        pytest.param("es", "en", "en", "en", id="switch-beats-preference"),
        pytest.param("en", "en", "es", "es", id="switch-to-spanish"),
    ],
)
def test_patient_pages_speak_the_patients_language(
    client: Client,
    patient: Patient,
    preferred: str,
    accept: str,
    cookie: str | None,
    expected: str,
) -> None:
    patient.preferred_language = preferred
    patient.save(update_fields=["preferred_language"])
    client.force_login(patient.user)
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
    response = client.get(reverse("home"), headers={"accept-language": accept})
    assert response["Content-Language"] == expected
    greeting = {"en": "Hello, Ana", "es": "Hola, Ana"}[expected]
    assert greeting in response.content.decode()


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        pytest.param("es-ES,es", "es", id="spanish-browser"),
        pytest.param("en-US,en", "en", id="english-browser"),
    ],
)
def test_staff_and_visitors_follow_their_browser(
    client: Client, clinician: Any, accept: str, expected: str
) -> None:
    assert client.get("/", headers={"accept-language": accept})["Content-Language"] == expected
    client.force_login(clinician)
    response = client.get(reverse("staff_home"), headers={"accept-language": accept})
    assert response["Content-Language"] == expected


def test_the_switch_sets_the_language_and_returns(client: Client, patient: Patient) -> None:
    client.force_login(patient.user)
    response = client.post(reverse("set_language"), {"language": "es", "next": "/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/")["Content-Language"] == "es"


def test_the_signed_in_message_is_in_the_patients_language(
    client: Client, patient: Patient
) -> None:
    """The sign-in request starts anonymous (the browser asks for English); the message it
    leaves for the next page is still in the patient's language."""
    from tests.factories import PASSWORD

    patient.preferred_language = "es"
    patient.save(update_fields=["preferred_language"])
    response = client.post(
        reverse("account_login"),
        {"login": patient.user.email, "password": PASSWORD},
        headers={"accept-language": "en-US,en"},
        follow=True,
    )
    html = response.content.decode()
    assert "Ha iniciado sesión exitosamente como" in html
    assert "Successfully signed in" not in html
