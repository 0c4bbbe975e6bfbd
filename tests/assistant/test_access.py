"""open_conversation: the patient's own conversations only, with the checked record loaded."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assistant.access import NotFound, open_conversation
from assistant.models import Conversation


@pytest.mark.parametrize("which", ["latest", "by_id", "new"])
def test_the_conversation_carries_the_checked_patient(patient: Any, which: str) -> None:
    if which != "new":
        existing = Conversation.objects.create(patient=patient)
    public_id = str(existing.public_id) if which == "by_id" else None

    conversation = open_conversation(patient.user, public_id)

    with CaptureQueriesContext(connection) as captured:
        loaded = conversation.patient
    assert loaded.pk == patient.pk
    assert captured.captured_queries == []  # the consumer builds its context from it


def test_another_patients_conversation_is_not_found(patient: Any, other_patient: Any) -> None:
    theirs = Conversation.objects.create(patient=other_patient)
    with pytest.raises(NotFound):
        open_conversation(patient.user, str(theirs.public_id))


@pytest.mark.parametrize("persona", ["clinician", "moderator"])
def test_staff_have_no_conversation_of_their_own(persona: str, request: Any) -> None:
    with pytest.raises(NotFound):
        open_conversation(request.getfixturevalue(persona))
