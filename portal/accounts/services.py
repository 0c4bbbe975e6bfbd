"""Writes for accounts: invitations and their redemption."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.accounts.models import Invitation, Role, User, hash_code, new_code
from portal.records.models import Patient


class InvitationError(Exception):
    """A code that cannot be redeemed. `message` is safe to show to the person typing it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def invalid_pair() -> InvitationError:
    """The one message for any wrong code or date of birth, in the active language (built
    per request: a message built at import would always be English)."""
    return InvitationError(
        "invalid",
        str(
            _(
                "That activation code and date of birth do not match our records. Check the "
                "letter from your care team and try again."
            )
        ),
    )


@dataclass(frozen=True)
class IssuedInvitation:
    invitation: Invitation
    code: str  # shown once; only its hash is stored


def invitation_create(*, patient: Patient, created_by: User | None = None) -> IssuedInvitation:
    """Issue a new activation code for `patient`. Earlier unused codes stop working."""
    now = timezone.now()
    code = new_code()
    with transaction.atomic():
        Invitation.objects.filter(patient=patient, used_at__isnull=True).update(expires_at=now)
        invitation = Invitation.objects.create(
            patient=patient,
            code_hash=hash_code(code),
            expires_at=now + timedelta(days=settings.INVITATION_VALID_DAYS),
            created_by=created_by,
        )
    return IssuedInvitation(invitation=invitation, code=code)


def invitation_redeem(*, code: str, birth_date: date, email: str, password: str) -> User:
    """Create the patient's account from a valid, unused, unexpired code.

    Raises InvitationError("invalid" | "expired" | "used" | "has_account" | "email_taken").
    The code and the date of birth must both match; a wrong pair gives one message so
    neither can be probed alone.
    """
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("patient")
            .filter(code_hash=hash_code(code))
            .first()
        )
        if invitation is None or invitation.patient.birth_date != birth_date:
            raise invalid_pair()
        if invitation.used_at is not None:
            raise InvitationError(
                "used",
                str(
                    _(
                        "This code has already been used. Sign in instead, or ask your care "
                        "team for a new code."
                    )
                ),
            )
        if invitation.is_expired:
            raise InvitationError(
                "expired",
                str(_("This code has expired. Ask your care team for a new one.")),
            )
        patient = invitation.patient
        if patient.user_id is not None:
            raise InvitationError(
                "has_account", str(_("This record already has an account. Sign in instead."))
            )
        if User.objects.filter(email__iexact=email).exists():
            raise InvitationError(
                "email_taken",
                str(_("That email address is already in use. Use another or sign in.")),
            )
        user = User.objects.create_user(
            email=email,
            password=password,
            role=Role.PATIENT,
            first_name=patient.given_name,
            last_name=patient.family_name,
        )
        patient.user = user
        patient.save(update_fields=["user", "updated_at"])
        invitation.used_at = timezone.now()
        invitation.save(update_fields=["used_at"])
    return user
