"""The only place that decides who may read a patient's data.

Every view, consumer and task that reads patient data calls one of these functions.
Each rule is one condition per line so it can be read and tested line by line. A
refusal raises NotFound, the same answer as for an object that does not exist, so a
probe learns nothing about other patients.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from assistant.models import Conversation, Flag
from portal.accounts.models import Role
from portal.careteam.models import Escalation
from portal.records.models import Patient


class NotFound(Http404):
    """The object does not exist or the user may not see it; callers cannot tell which."""


def _is_signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and bool(user.is_active)


def patients_visible_to(user: Any) -> QuerySet[Patient]:
    """Patients `user` may read: their own record, their care teams' patients, or all (admin)."""
    if not _is_signed_in(user):
        return Patient.objects.none()
    if user.role == Role.PATIENT:
        return Patient.objects.filter(user=user)
    if user.role == Role.CLINICIAN:
        return Patient.objects.filter(care_team__membership__user=user).distinct()
    if user.role == Role.ADMIN:
        return Patient.objects.all()
    return Patient.objects.none()  # moderators see de-identified items, never whole records


def access_patient(user: Any, public_id: UUID | str) -> Patient:
    """The patient with `public_id` if `user` may read their record, else NotFound."""
    try:
        return patients_visible_to(user).select_related("care_team").get(public_id=public_id)
    except (Patient.DoesNotExist, ValueError) as exc:
        raise NotFound from exc


def access_own_patient(user: Any) -> Patient:
    """The signed-in patient's own record, else NotFound."""
    if not _is_signed_in(user) or user.role != Role.PATIENT:
        raise NotFound
    try:
        return Patient.objects.select_related("care_team").get(user=user)
    except Patient.DoesNotExist as exc:
        raise NotFound from exc


def access_conversation(user: Any, public_id: UUID | str) -> Conversation:
    """The conversation with `public_id` if it belongs to `user`'s own record, else NotFound.

    Care-team staff read conversations through their escalations (access_escalation).
    The conversation's `patient` is the checked record, already loaded.
    """
    patient = access_own_patient(user)
    try:
        conversation = Conversation.objects.get(public_id=public_id, patient=patient)
    except (Conversation.DoesNotExist, ValueError, ValidationError) as exc:
        raise NotFound from exc
    conversation.patient = patient
    return conversation


def open_conversation(user: Any, public_id: UUID | str | None = None) -> Conversation:
    """The patient's conversation `public_id`, or their latest one, or a new one.

    The conversation's `patient` is the checked record, already loaded.
    """
    if public_id:
        return access_conversation(user, public_id)
    patient = access_own_patient(user)
    latest = Conversation.objects.filter(patient=patient).order_by("-updated_at").first()
    if latest is None:
        return Conversation.objects.create(patient=patient)
    latest.patient = patient
    return latest


def escalations_visible_to(user: Any) -> QuerySet[Escalation]:
    """Escalations of the care teams `user` belongs to (all of them for an admin)."""
    if not _is_signed_in(user):
        return Escalation.objects.none()
    if user.role == Role.CLINICIAN:
        return Escalation.objects.filter(care_team__membership__user=user)
    if user.role == Role.ADMIN:
        return Escalation.objects.all()
    return Escalation.objects.none()


def access_escalation(user: Any, escalation_id: int) -> Escalation:
    """One escalation if `user` is on its care team (or an admin), else NotFound."""
    try:
        return (
            escalations_visible_to(user)
            .select_related("patient", "conversation", "care_team", "claimed_by", "message")
            .get(pk=escalation_id)
        )
    except Escalation.DoesNotExist as exc:
        raise NotFound from exc


def care_team_ids_for(user: Any) -> list[int]:
    """The care teams whose live queue `user` may follow."""
    if not _is_signed_in(user) or user.role != Role.CLINICIAN:
        return []
    return list(user.care_teams.values_list("pk", flat=True))


def is_moderator(user: Any) -> bool:
    return _is_signed_in(user) and user.role in (Role.MODERATOR, Role.ADMIN)


def flags_visible_to(user: Any) -> QuerySet[Flag]:
    """Moderation items: moderators and admins see all of them (identifiers masked)."""
    if not is_moderator(user):
        return Flag.objects.none()
    return Flag.objects.all()


def access_flag(user: Any, flag_id: int) -> Flag:
    try:
        return (
            flags_visible_to(user).select_related("message__conversation__patient").get(pk=flag_id)
        )
    except Flag.DoesNotExist as exc:
        raise NotFound from exc


def require_moderator(user: Any) -> None:
    """Moderation, knowledge-governance and guard pages: moderators and admins only."""
    if not is_moderator(user):
        raise NotFound


def require_reviewer(user: Any) -> None:
    """Approving clinical content: clinicians and admins only."""
    if not (_is_signed_in(user) and user.role in (Role.CLINICIAN, Role.ADMIN)):
        raise NotFound


def require_care_team_staff(user: Any) -> None:
    """The escalation queue and the team dashboard: clinicians and admins only."""
    if not (_is_signed_in(user) and user.role in (Role.CLINICIAN, Role.ADMIN)):
        raise NotFound


def require_admin(user: Any) -> None:
    if not (_is_signed_in(user) and user.role == Role.ADMIN):
        raise NotFound


def require_staff(user: Any) -> None:
    """Pages any staff role may read (no patient data on them)."""
    if not (_is_signed_in(user) and getattr(user, "is_staff_role", False)):
        raise NotFound
