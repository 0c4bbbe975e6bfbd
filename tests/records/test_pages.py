"""Record and preventive pages for every Synthea patient; exports; reminders."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from assistant.services import article_versions_load
from portal.audit.models import AuditAction, AuditEvent
from portal.records.fhir_import import import_bundle
from portal.records.models import Condition, Patient, PreventiveReminder
from portal.records.services import reminder_send, reminders_claim
from portal.records.tasks import preventive_reminders
from tests.factories import ConditionFactory, UserFactory
from tests.records.test_import import BUNDLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(team: Any) -> list[Patient]:
    article_versions_load(approve_as="Test reviewer")
    for path in BUNDLES:
        import_bundle(path, care_team=team)
    patients = list(Patient.objects.all())
    for p in patients:
        p.user = UserFactory(email=f"{p.mrn[:8]}@example.test", first_name=p.given_name)  # type: ignore[assignment]
        p.save(update_fields=["user"])
    return patients


def test_record_and_preventive_pages_render_for_every_patient(
    client: Client, imported: list[Patient]
) -> None:
    for patient in imported:
        client.force_login(patient.user)
        page = client.get(reverse("record", args=[patient.public_id]))
        assert page.status_code == 200
        html = page.content.decode()
        conditions = Condition.objects.filter(patient=patient)
        for condition in conditions:
            assert condition.display.split(" (")[0] in html
        assert 1 <= html.count("?explain=") <= conditions.count()
        preventive = client.get(reverse("preventive", args=[patient.public_id]))
        assert preventive.status_code == 200
        # In the patient's preferred language (the Synthea fixtures include a Spanish speaker).
        title = {"en": "Hepatitis C screening", "es": "Detección de hepatitis C"}
        assert title[patient.preferred_language] in preventive.content.decode()


def test_plain_language_names_and_trend_charts(client: Client, imported: list[Patient]) -> None:
    louis = next(p for p in imported if p.given_name == "Louis")
    client.force_login(louis.user)
    html = client.get(reverse("record", args=[louis.public_id])).content.decode()
    assert "Type 2 diabetes" in html  # the article's name for the record's "Diabetes"
    assert "(disorder)" not in html.split("in your chart")[0]
    assert '<svg class="chart"' in html
    assert "HbA1c" in html
    assert "Blood pressure" in html


def test_patient_exports_own_record_and_it_is_audited(
    client: Client, imported: list[Patient]
) -> None:
    patient = imported[0]
    client.force_login(patient.user)
    response = client.get(reverse("export_record", args=[patient.public_id]))
    assert response.status_code == 200
    bundle = json.loads(response.content)
    assert bundle["resourceType"] == "Bundle"
    assert bundle["entry"][0]["resource"]["resourceType"] == "Patient"
    assert AuditEvent.objects.filter(action=AuditAction.RECORD_EXPORT, patient=patient).count() == 1


def test_staff_reads_are_audited_patient_reads_are_not(
    client: Client, imported: list[Patient], clinician: Any
) -> None:
    patient = imported[0]
    client.force_login(patient.user)
    client.get(reverse("record", args=[patient.public_id]))
    assert AuditEvent.objects.count() == 0
    client.force_login(clinician)
    client.get(reverse("record", args=[patient.public_id]))
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.patient) == (
        AuditAction.RECORD_VIEW,
        clinician,
        patient,
    )
    assert event.ip == "127.0.0.1"


def test_reminders_are_sent_once_per_item_and_period(
    imported: list[Patient], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        sent = preventive_reminders()
    assert sent == len(imported)  # every adult has something due (e.g. hepatitis C screening)
    assert len(mail.outbox) == len(imported)
    for email in mail.outbox:  # each in its patient's language
        assert "Sign in" in email.body or "Inicie sesión" in email.body
        assert "hepatitis" not in email.body.lower()  # no health details in email
    rows = PreventiveReminder.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        assert preventive_reminders() == 0
    assert len(mail.outbox) == len(imported)
    assert PreventiveReminder.objects.count() == rows


def test_reminder_send_is_idempotent(imported: list[Patient]) -> None:
    from django.utils import timezone

    claimed = reminders_claim(patient=imported[0], today=timezone.localdate())
    ids = [r.pk for r in claimed]
    assert reminder_send(reminder_ids=ids) == 1
    assert reminder_send(reminder_ids=ids) == 0
    assert len(mail.outbox) == 1


# --- A Spanish-speaking patient -----------------------------------------------------------


@pytest.fixture(autouse=True)
def _back_to_the_default_language() -> Iterator[None]:
    """A request activates its language for the thread; later tests expect the default."""
    yield
    translation.deactivate()


@pytest.fixture
def spanish_patient(diabetic: Patient) -> Patient:
    """Ana, who prefers Spanish: type 2 diabetes ("Diabetes" in the chart, an article in
    Spanish) and insomnia (an article in English only)."""
    ConditionFactory(patient=diabetic, code="193462001", display="Insomnia (disorder)")
    diabetic.preferred_language = "es"
    diabetic.save(update_fields=["preferred_language"])
    return diabetic


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_spanish_record_names_conditions_in_spanish_and_keeps_the_chart_words(
    client: Client, spanish_patient: Patient
) -> None:
    client.force_login(spanish_patient.user)
    html = client.get(reverse("record", args=[spanish_patient.public_id])).content.decode()
    assert "<strong>Diabetes tipo 2</strong>" in html  # the Spanish article's title
    assert "Type 2 diabetes" not in html
    assert "en su expediente" in _text(html)
    assert re.search(r'en su expediente: <span lang="en">Diabetes</span>', html)
    # No Spanish article: the English name, marked as English for screen readers.
    assert '<strong lang="en">Insomnia</strong>' in html


def test_english_record_keeps_the_english_names(client: Client, diabetic: Patient) -> None:
    client.force_login(diabetic.user)
    html = client.get(reverse("record", args=[diabetic.public_id])).content.decode()
    assert "<strong>Type 2 diabetes</strong>" in html
    assert "Diabetes tipo 2" not in html


def test_spanish_home_page_names_conditions_in_spanish(
    client: Client, spanish_patient: Patient
) -> None:
    client.force_login(spanish_patient.user)
    html = client.get(reverse("home")).content.decode()
    assert "<span>Diabetes tipo 2</span>" in html
    assert "desde 2019" in html


def test_spanish_preventive_page_is_in_spanish(client: Client, spanish_patient: Patient) -> None:
    client.force_login(spanish_patient.user)
    page = client.get(reverse("preventive", args=[spanish_patient.public_id]))
    text = _text(page.content.decode())
    assert "Detección de hepatitis C" in text
    assert "Hepatitis C screening" not in text
    assert "Su historial ya muestra diabetes" in text  # diabetes screening: not needed
    for item in page.context["items"]:
        assert "Your record" not in item.reason, item.reason
        assert not item.reason.startswith(("Adults", "This ", "Women", "Every")), item.reason


def test_a_spanish_patients_reminder_email_is_in_spanish(
    spanish_patient: Patient, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assert preventive_reminders() == 1
    email = mail.outbox[0]
    assert email.subject == "Le toca atención preventiva"
    assert email.body.startswith("Hola, Ana:")
    assert "Inicie sesión en el Portal del Paciente" in email.body
    assert "hepatitis" not in email.body.lower()
