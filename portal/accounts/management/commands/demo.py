"""python manage.py demo: demo care teams, staff and patients with real Synthea records.

Idempotent: running it again resets the demo passwords and prints the same logins.
Refuses to run with DEBUG off unless --force, so a production database never gets
accounts with published passwords.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from assistant.services import article_versions_load
from portal.accounts.models import Role, User
from portal.accounts.services import invitation_create
from portal.careteam.models import CareTeam, Membership
from portal.records.fhir_import import import_bundle

# Honest about what the demo's approval is: a seeded library, not a clinical review.
DEMO_REVIEWER = "Demo seed (not a clinical review)"
FIXTURES = Path(__file__).resolve().parents[3] / "records" / "fixtures" / "synthea"
TEAM = "Maple Street Family Medicine"
OTHER_TEAM = "Riverside Internal Medicine"
STAFF = [
    # email, first, last, role, team, title, password
    ("nora.patel@demo.test", "Nora", "Patel", Role.CLINICIAN, TEAM, "Nurse", "demo-clinician-1"),
    (
        "sam.okafor@demo.test",
        "Sam",
        "Okafor",
        Role.CLINICIAN,
        OTHER_TEAM,
        "Physician",
        "demo-clinician-2",
    ),
    ("mod@demo.test", "Morgan", "Lee", Role.MODERATOR, None, "", "demo-moderator-1"),
    ("admin@demo.test", "Alex", "Rivera", Role.ADMIN, None, "", "demo-admin-01"),
]
PATIENTS = [
    # bundle prefix, email, password
    ("Louis_Maggio", "louis@demo.test", "demo-patient-1"),
    ("Alberto_Atencio", "alberto@demo.test", "demo-patient-2"),
]
INVITED = "Tom_Goodwin"


class Command(BaseCommand):
    help = "Create or refresh the demo accounts and records, and print every login."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError("demo publishes its passwords: run it with DEBUG=true (or --force).")
        with transaction.atomic():
            lines = self._build()
        self.stdout.write("\n".join(lines))

    def _build(self) -> list[str]:
        article_versions_load(approve_as=DEMO_REVIEWER)
        teams = {name: CareTeam.objects.get_or_create(name=name)[0] for name in (TEAM, OTHER_TEAM)}
        out = ["", "Demo logins (demo data only; every password is published here):", ""]
        for email, first, last, role, team, title, password in STAFF:
            user = _user(email, password, role=role, first_name=first, last_name=last)
            if role == Role.ADMIN:
                user.is_staff = user.is_superuser = True
                user.save(update_fields=["is_staff", "is_superuser"])
            if team:
                Membership.objects.update_or_create(
                    team=teams[team], user=user, defaults={"title": title, "is_lead": True}
                )
            secret, recovery = _mfa(user)
            where = f"{title} on {team}" if team else ""
            out.append(f"  {role.label:<13} {email:<24} {password:<18}{where}")
            out.append(f"  {'':<13} authenticator secret {secret}  (or recovery code {recovery})")
        for prefix, email, password in PATIENTS:
            patient = _import(prefix, teams[TEAM])
            user = _user(
                email,
                password,
                role=Role.PATIENT,
                first_name=patient.given_name,
                last_name=patient.family_name,
            )
            patient.user = user
            patient.save(update_fields=["user"])
            out.append(f"  {'Patient':<13} {email:<24} {password:<18}{patient.full_name}")
        invited = _import(INVITED, teams[TEAM])
        if invited.user_id is None:
            code = invitation_create(patient=invited).code
            out.append("")
            out.append(
                f"  To try activation at /activate/: code {code}, "
                f"date of birth {invited.birth_date.isoformat()} ({invited.full_name})"
            )
        out.append("")
        return out


def _user(email: str, password: str, **fields: Any) -> User:
    user, _ = User.objects.update_or_create(email=email, defaults=fields)
    user.set_password(password)
    user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _mfa(user: User) -> tuple[str, str]:
    """Enrol the staff member's authenticator so the demo works without a phone."""
    adapter = get_mfa_adapter()
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is None:
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
    else:
        secret = adapter.decrypt(totp.data["secret"])
    codes = Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).first()
    recovery = RecoveryCodes(codes) if codes else RecoveryCodes.activate(user)
    return secret, recovery.get_unused_codes()[0]


def _import(prefix: str, team: CareTeam) -> Any:
    path = next(FIXTURES.glob(f"{prefix}_*.json"))
    summary = import_bundle(path, care_team=team)
    from portal.records.models import Patient

    return Patient.objects.get(mrn=summary.mrn)
