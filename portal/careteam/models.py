"""Care teams and their clinician members."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models


class CareTeam(models.Model):
    name = models.CharField(max_length=120, unique=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="care_teams"
    )

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    team = models.ForeignKey(CareTeam, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # How the patient sees the clinician's replies: "Nurse", "Physician", ...
    title = models.CharField(max_length=60, default="Clinician")
    is_lead = models.BooleanField(default=False)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["team", "user"], name="unique_team_member")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.team}"
