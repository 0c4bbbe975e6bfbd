"""The account flows a patient and a staff member walk through, end to end over HTTP."""

from __future__ import annotations

import re
import time
from datetime import date, timedelta
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.accounts.models import Invitation, Role, User
from portal.accounts.services import invitation_create
from portal.records.models import Patient
from tests.conftest import enrol_totp, has_totp
from tests.factories import PASSWORD, MembershipFactory, PatientFactory, UserFactory

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a-new-long-passphrase-7"


def totp_now(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def link_in_last_mail(pattern: str) -> str:
    match = re.search(pattern, mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(0).replace("http://testserver", "")


def activate(client: Client, code: str, birth_date: date, email: str = "ana@example.test") -> Any:
    return client.post(
        reverse("activate"),
        {
            "code": code,
            "birth_date": birth_date.isoformat(),
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


@pytest.fixture
def invited(team: Any) -> tuple[Patient, str]:
    patient = PatientFactory(care_team=team, given_name="Ana", birth_date=date(1962, 3, 14))
    return patient, invitation_create(patient=patient).code


def test_invitation_activation_verification_and_sign_in(client: Client, invited: Any) -> None:
    patient, code = invited

    response = activate(client, code.lower().replace("-", " "), patient.birth_date)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    patient.refresh_from_db()
    assert patient.user is not None
    assert patient.user.role == Role.PATIENT

    # Not verified yet: signing in sends the patient back to verification.
    client.post(reverse("account_logout"))
    response = client.post(
        reverse("account_login"), {"login": "ana@example.test", "password": PASSWORD}
    )
    assert response["Location"] == reverse("account_email_verification_sent")

    confirm = link_in_last_mail(r"http://testserver/accounts/confirm-email/[^\s]+/")
    assert client.post(confirm).status_code == 302

    response = client.post(
        reverse("account_login"), {"login": "ana@example.test", "password": PASSWORD}
    )
    assert response.status_code == 302
    home = client.get(reverse("home"))
    assert home.status_code == 200
    assert "Hello, Ana" in home.content.decode()


@pytest.mark.parametrize(
    ("case", "message"),
    [
        pytest.param("wrong_code", "do not match our records", id="wrong-code"),
        pytest.param("wrong_birth_date", "do not match our records", id="wrong-birth-date"),
        pytest.param("expired", "has expired", id="expired"),
        pytest.param("reused", "already been used", id="reused"),
    ],
)
def test_bad_invitations_are_refused_clearly(
    client: Client, invited: Any, case: str, message: str
) -> None:
    patient, code = invited
    birth_date = patient.birth_date
    if case == "wrong_code":
        code = "ABCD-EFGH-JKMN"
    elif case == "wrong_birth_date":
        birth_date = birth_date + timedelta(days=1)
    elif case == "expired":
        Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    elif case == "reused":
        assert activate(Client(), code, birth_date, email="first@example.test").status_code == 302

    users_before = User.objects.count()
    response = activate(client, code, birth_date, email="second@example.test")

    assert response.status_code == 400
    assert message in response.content.decode()
    assert User.objects.count() == users_before


def test_a_new_invitation_replaces_the_old_one(client: Client, invited: Any) -> None:
    patient, old_code = invited
    new_code = invitation_create(patient=patient).code
    assert activate(client, old_code, patient.birth_date).status_code == 400
    assert activate(client, new_code, patient.birth_date).status_code == 302


def test_open_signup_is_closed(client: Client) -> None:
    response = client.post(
        reverse("account_signup"),
        {"email": "stranger@example.test", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert not User.objects.filter(email="stranger@example.test").exists()
    assert "closed" in response.content.decode().lower()


def test_sign_out(client: Client, patient: Patient) -> None:
    client.force_login(patient.user)
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("account_logout"))
    assert "Sign in" in client.get(reverse("home")).content.decode()


def test_password_reset(client: Client, patient: Patient) -> None:
    client.post(reverse("account_reset_password"), {"email": patient.user.email})
    link = link_in_last_mail(r"http://testserver/accounts/password/reset/key/[^\s]+/")
    form_page = client.get(link, follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link,
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert Client().login(email=patient.user.email, password=NEW_PASSWORD)
    assert not Client().login(email=patient.user.email, password=PASSWORD)


def test_password_change(client: Client, patient: Patient) -> None:
    client.force_login(patient.user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    patient.user.refresh_from_db()
    assert patient.user.check_password(NEW_PASSWORD)


def test_clinician_enrols_totp_then_needs_it_to_sign_in(client: Client, team: Any) -> None:
    user = UserFactory(email="new.nurse@example.test", role=Role.CLINICIAN)
    MembershipFactory(team=team, user=user)
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})

    response = client.get(reverse("staff_home"))
    assert response["Location"] == reverse("mfa_activate_totp")

    # Enrolling is a security change: allauth asks for the password again first.
    page = client.get(reverse("mfa_activate_totp"))
    assert page["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_now(secret)})
    assert response.status_code == 302
    assert has_totp(user)
    assert client.get(reverse("staff_home")).status_code == 200

    # Signing in again asks for the authenticator code before any page opens.
    client.post(reverse("account_logout"))
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get(reverse("staff_home")).status_code == 302
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200  # wrong code: the form again, still signed out
    response = client.post(reverse("mfa_authenticate"), {"code": totp_now(secret)})
    assert response.status_code == 302
    assert client.get(reverse("staff_home")).status_code == 200


STAFF_PAGES = ["/staff/", "/admin/", "/admin/records/patient/"]


@pytest.mark.parametrize("role", [Role.CLINICIAN, Role.MODERATOR, Role.ADMIN])
@pytest.mark.parametrize("path", STAFF_PAGES)
def test_staff_without_mfa_are_sent_to_enrolment_from_every_staff_page(
    client: Client, role: Role, path: str
) -> None:
    user = UserFactory(role=role, is_staff=role == Role.ADMIN, is_superuser=role == Role.ADMIN)
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")

    enrol_totp(user)
    after = client.get(path)
    assert after.get("Location") != reverse("mfa_activate_totp")


def test_patient_pages_do_not_need_mfa(client: Client, patient: Patient) -> None:
    client.force_login(patient.user)
    assert client.get(reverse("home")).status_code == 200


def test_login_rate_limit_stops_guessing(client: Client, patient: Patient) -> None:
    pages = [
        client.post(
            reverse("account_login"), {"login": patient.user.email, "password": "wrong-guess"}
        ).content.decode()
        for _ in range(6)
    ]
    assert "Too many failed login attempts" not in pages[0]
    assert "Too many failed login attempts" in pages[-1]
    # Even the right password is refused while the limit holds.
    right = client.post(
        reverse("account_login"), {"login": patient.user.email, "password": PASSWORD}
    )
    assert right.status_code == 200
    assert "Too many failed login attempts" in right.content.decode()


def test_a_wrong_code_is_explained_in_spanish(invited: Any) -> None:
    patient, _code = invited
    client = Client(HTTP_ACCEPT_LANGUAGE="es")
    response = activate(client, "ABCD-EFGH-JKMN", patient.birth_date)
    assert response.status_code == 400
    page = response.content.decode()
    assert "no coinciden con nuestros" in page
    assert "do not match our records" not in page
