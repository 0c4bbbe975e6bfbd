"""The patient's record, as imported from FHIR R4.

Every clinical row keeps the FHIR id it came from (unique per patient) so that a
re-import updates rows instead of duplicating them. Reads go through assistant.access.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    UNKNOWN = "unknown", "Unknown"


class Patient(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="patient",
    )
    mrn = models.CharField("MRN", max_length=64, unique=True)
    fhir_id = models.CharField(max_length=64, unique=True, null=True, blank=True)
    given_name = models.CharField(max_length=120)
    family_name = models.CharField(max_length=120)
    birth_date = models.DateField()
    sex_at_birth = models.CharField(max_length=8, choices=Sex.choices, default=Sex.UNKNOWN)
    preferred_language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="en")
    care_team = models.ForeignKey(
        "careteam.CareTeam",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="patients",
    )
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    address = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.full_name} ({self.mrn})"

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()

    def age_on(self, day: date) -> int:
        born = self.birth_date
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


class ClinicalRow(models.Model):
    """Fields every imported row shares."""

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="+")
    fhir_id = models.CharField(max_length=64)
    system = models.CharField(max_length=120, blank=True)
    code = models.CharField(max_length=64, blank=True)
    display = models.CharField(max_length=255)

    class Meta:
        abstract = True
        constraints: ClassVar[list[models.BaseConstraint]] = []

    def __str__(self) -> str:
        return self.display


def _unique_per_patient(name: str) -> list[models.BaseConstraint]:
    return [models.UniqueConstraint(fields=["patient", "fhir_id"], name=f"unique_{name}_fhir")]


class Condition(ClinicalRow):
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="conditions")
    codes = models.JSONField(default=list)  # every coding: [{"system", "code", "display"}]
    clinical_status = models.CharField(max_length=20, blank=True)
    onset = models.DateField(null=True, blank=True)
    abatement = models.DateField(null=True, blank=True)

    class Meta:
        constraints = _unique_per_patient("condition")
        ordering: ClassVar = ["-onset"]

    @property
    def is_active(self) -> bool:
        return self.clinical_status in ("active", "recurrence", "relapse", "")


class Medication(ClinicalRow):
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="medications")
    dosage_text = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=20, blank=True)
    authored_on = models.DateField(null=True, blank=True)

    class Meta:
        constraints = _unique_per_patient("medication")
        ordering: ClassVar = ["-authored_on"]


class Allergy(ClinicalRow):
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="allergies")
    clinical_status = models.CharField(max_length=20, blank=True)
    criticality = models.CharField(max_length=20, blank=True)
    recorded = models.DateField(null=True, blank=True)

    class Meta:
        constraints = _unique_per_patient("allergy")
        verbose_name_plural = "allergies"


class Immunization(ClinicalRow):
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="immunizations")
    status = models.CharField(max_length=20, blank=True)
    occurred = models.DateField(null=True, blank=True)

    class Meta:
        constraints = _unique_per_patient("immunization")
        ordering: ClassVar = ["-occurred"]


class Procedure(ClinicalRow):
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="procedures")
    status = models.CharField(max_length=20, blank=True)
    performed = models.DateField(null=True, blank=True)

    class Meta:
        constraints = _unique_per_patient("procedure")
        ordering: ClassVar = ["-performed"]


class Observation(ClinicalRow):
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="observations")
    category = models.CharField(max_length=40, blank=True)
    value = models.FloatField(null=True, blank=True)
    unit = models.CharField(max_length=40, blank=True)
    value_text = models.CharField(max_length=255, blank=True)
    value_code = models.CharField(max_length=64, blank=True)
    # Panels such as blood pressure keep their parts: [{"code", "display", "value", "unit"}]
    components = models.JSONField(default=list, blank=True)
    effective = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = _unique_per_patient("observation")
        indexes: ClassVar = [models.Index(fields=["patient", "code", "effective"])]
        ordering: ClassVar = ["-effective"]


class Encounter(ClinicalRow):
    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="encounters")
    encounter_class = models.CharField(max_length=40, blank=True)
    start = models.DateTimeField(null=True, blank=True)
    end = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = _unique_per_patient("encounter")
        ordering: ClassVar = ["-start"]


class PreventiveReminder(models.Model):
    """A reminder sent for one preventive item and period: the row makes it at most once."""

    patient = models.ForeignKey(Patient, on_delete=models.CASCADE, related_name="reminders")
    rule_id = models.CharField(max_length=60)
    period = models.CharField(max_length=20)  # the due date the reminder is about (ISO)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["patient", "rule_id", "period"], name="one_reminder_per_item_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rule_id} {self.period} for {self.patient_id}"
