"""Shared fixtures: the personas every access test speaks of.

patient and other_patient are on `team`; clinician is on `team`;
other_team_clinician is on another team; staff personas have an authenticator
enrolled (staff pages require it), except where a test says otherwise.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from portal.accounts.models import Role, User
from portal.careteam.models import CareTeam
from portal.records.models import Patient
from tests.factories import CareTeamFactory, MembershipFactory, PatientFactory, UserFactory

IN_CI = os.environ.get("CI", "").lower() == "true"


def require_service(available: bool, reason: str) -> None:
    """Skip outside CI with the reason printed; under CI a missing service fails the test."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: services must be available)")
    pytest.skip(reason)


def enrol_totp(user: User) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


@pytest.fixture
def team(db: Any) -> CareTeam:
    return CareTeamFactory(name="Maple Street")


@pytest.fixture
def other_team(db: Any) -> CareTeam:
    return CareTeamFactory(name="Riverside")


@pytest.fixture
def patient(team: CareTeam) -> Patient:
    user = UserFactory(email="patient@example.test", first_name="Ana", role=Role.PATIENT)
    return PatientFactory(user=user, care_team=team, given_name="Ana", family_name="Lopez")


@pytest.fixture
def other_patient(team: CareTeam) -> Patient:
    user = UserFactory(email="other@example.test", role=Role.PATIENT)
    return PatientFactory(user=user, care_team=team, given_name="Ben", family_name="Other")


@pytest.fixture
def clinician(team: CareTeam) -> User:
    user = UserFactory(email="clinician@example.test", role=Role.CLINICIAN)
    MembershipFactory(team=team, user=user)
    enrol_totp(user)
    return user


@pytest.fixture
def other_team_clinician(other_team: CareTeam) -> User:
    user = UserFactory(email="elsewhere@example.test", role=Role.CLINICIAN)
    MembershipFactory(team=other_team, user=user)
    enrol_totp(user)
    return user


@pytest.fixture
def moderator(db: Any) -> User:
    user = UserFactory(email="moderator@example.test", role=Role.MODERATOR)
    enrol_totp(user)
    return user


@pytest.fixture
def admin_user(db: Any) -> User:
    user = UserFactory(
        email="admin@example.test", role=Role.ADMIN, is_staff=True, is_superuser=True
    )
    enrol_totp(user)
    return user


def has_totp(user: User) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


@pytest.fixture
def library(db: Any) -> None:
    """Every article file, approved (as the demo seeds it)."""
    from assistant.services import article_versions_load

    article_versions_load(approve_as="Test reviewer")


@pytest.fixture
def diabetic(patient: Patient, library: None) -> Patient:
    """The `patient` persona with type 2 diabetes on record and the library approved."""
    from tests.factories import ConditionFactory

    ConditionFactory(patient=patient, code="44054006", display="Diabetes")
    return patient


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Each test starts with an empty cache: rate limits (allauth's login limit, asks per
    minute) must not carry over from one test to the next."""
    from django.core.cache import cache

    cache.clear()
