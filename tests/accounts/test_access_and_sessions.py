"""Who may open a record page, and how long a session lasts."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from portal.records.models import Patient

pytestmark = pytest.mark.django_db


def record_url(patient: Patient) -> str:
    return reverse("record", args=[patient.public_id])


def test_patient_sees_own_record(client: Client, patient: Patient) -> None:
    client.force_login(patient.user)
    assert client.get(record_url(patient)).status_code == 200


def test_other_patients_page_is_404_like_a_missing_one(
    client: Client, patient: Patient, other_patient: Patient
) -> None:
    client.force_login(patient.user)
    other = client.get(record_url(other_patient))
    missing = client.get(reverse("record", args=[uuid.uuid4()]))
    assert other.status_code == missing.status_code == 404
    assert other.content == missing.content


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        pytest.param("clinician", 200, id="clinician-of-team"),
        pytest.param("other_team_clinician", 404, id="clinician-other-team"),
        pytest.param("moderator", 404, id="moderator"),
        pytest.param("admin_user", 200, id="admin"),
        pytest.param("other_patient", 404, id="other-patient"),
    ],
)
def test_record_page_by_role(
    client: Client, patient: Patient, persona: str, expected: int, request: Any
) -> None:
    person = request.getfixturevalue(persona)
    client.force_login(getattr(person, "user", person))
    assert client.get(record_url(patient)).status_code == expected


def test_anonymous_is_sent_to_sign_in(client: Client, patient: Patient) -> None:
    response = client.get(record_url(patient))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def _age_session(client: Client, *, idle: float = 0, since_login: float = 0) -> None:
    session = client.session
    session["last_seen"] -= idle
    session["auth_started"] -= since_login
    session.save()


@override_settings(SESSION_IDLE_MINUTES=15, SESSION_ABSOLUTE_HOURS=12)
@pytest.mark.parametrize(
    ("idle", "since_login", "signed_in"),
    [
        pytest.param(14 * 60, 0, True, id="idle-14-min-kept"),
        pytest.param(16 * 60, 0, False, id="idle-16-min-ended"),
        pytest.param(0, 11 * 3600, True, id="active-11-h-kept"),
        pytest.param(0, 12 * 3600 + 60, False, id="active-12-h-ended"),
    ],
)
def test_session_timeouts(
    client: Client, patient: Patient, idle: float, since_login: float, signed_in: bool
) -> None:
    client.force_login(patient.user)
    assert client.get(reverse("home")).status_code == 200
    _age_session(client, idle=idle, since_login=since_login)
    response = client.get(reverse("home"))
    assert (response.status_code == 200 and "Hello" in response.content.decode()) is signed_in
    if not signed_in:
        assert response["Location"].startswith(reverse("account_login"))


def test_staff_home_redirects_patients(client: Client, patient: Patient) -> None:
    client.force_login(patient.user)
    assert client.get(reverse("staff_home"))["Location"] == reverse("home")


def test_clinician_home_lists_only_team_patients(
    client: Client, clinician: Any, patient: Patient, other_team_clinician: Any
) -> None:
    client.force_login(clinician)
    assert patient.family_name in client.get(reverse("staff_home")).content.decode()
    client.force_login(other_team_clinician)
    assert patient.family_name not in client.get(reverse("staff_home")).content.decode()
