"""factory_boy factories for the portal's models."""

from __future__ import annotations

from datetime import date

import factory
from allauth.account.models import EmailAddress

from portal.accounts.models import Role, User
from portal.careteam.models import CareTeam, Membership
from portal.records.models import Condition, Patient, Sex

PASSWORD = "correct-horse-battery-42"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.test")
    first_name = "Pat"
    last_name = factory.Sequence(lambda n: f"Person{n}")
    role = Role.PATIENT
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj: User, create: bool, extracted: object, **kwargs: object) -> None:  # noqa: N805
        if create:
            obj.save()
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class CareTeamFactory(factory.django.DjangoModelFactory[CareTeam]):
    class Meta:
        model = CareTeam

    name = factory.Sequence(lambda n: f"Care team {n}")


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    team = factory.SubFactory(CareTeamFactory)
    user = factory.SubFactory(UserFactory, role=Role.CLINICIAN)
    title = "Nurse"


class PatientFactory(factory.django.DjangoModelFactory[Patient]):
    class Meta:
        model = Patient

    mrn = factory.Sequence(lambda n: f"MRN{n:06d}")
    given_name = "Ana"
    family_name = factory.Sequence(lambda n: f"Example{n}")
    birth_date = date(1970, 5, 17)
    sex_at_birth = Sex.FEMALE
    care_team = factory.SubFactory(CareTeamFactory)


class ConditionFactory(factory.django.DjangoModelFactory[Condition]):
    class Meta:
        model = Condition

    patient = factory.SubFactory(PatientFactory)
    fhir_id = factory.Sequence(lambda n: f"cond-{n}")
    system = "http://snomed.info/sct"
    code = "44054006"
    display = "Diabetes"
    clinical_status = "active"
    onset = date(2019, 3, 1)
