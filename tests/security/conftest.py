"""Fixtures for the security tests: one small world every route can be filled from.

`world` holds the `patient` persona's conversation, a question escalated to their team,
a moderation flag on it and an article with an approved and an in-review version, so that
every URL parameter (public ids, escalation, flag, article version, slug) has a real value.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import hypothesis
import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from assistant.models import ArticleVersion, Conversation, Flag, FlagKind, Kind, Message, Role
from assistant.services import ARTICLES_DIR, article_versions_load
from portal.careteam.models import Escalation, Level
from portal.careteam.services import escalation_create

# Hypothesis examples per fuzz test: a few hundred in the normal suite, FUZZ_EXAMPLES
# (`make fuzz` sets 10,000) when fuzzing on purpose. The live-socket fuzz test runs a
# tenth of that: each of its examples is a whole websocket session.
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
hypothesis.settings.register_profile(
    "security-fuzz",
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    database=None,  # no .hypothesis/ folder in the tree; failures print their example
    derandomize=not os.environ.get("FUZZ_EXAMPLES"),  # the normal suite is repeatable
    suppress_health_check=[hypothesis.HealthCheck.too_slow],
)
FUZZ = hypothesis.settings.get_profile("security-fuzz")
SOCKET_FUZZ = hypothesis.settings(
    FUZZ,
    max_examples=max(30, FUZZ_EXAMPLES // 10),
    suppress_health_check=[
        hypothesis.HealthCheck.too_slow,
        hypothesis.HealthCheck.function_scoped_fixture,  # one patient for all examples
    ],
)

PERSONAS = (
    "anonymous",
    "patient",
    "other_patient",
    "clinician",
    "other_team_clinician",
    "moderator",
    "admin",
)
ARTICLE = "asthma"


@dataclass(frozen=True)
class Route:
    """One URL pattern of the project, its full pattern text and where its view lives."""

    pattern: str
    name: str
    module: str


def project_routes() -> list[Route]:
    """Every URL pattern reachable from ROOT_URLCONF, includes walked recursively."""

    def walk(patterns: list[Any], prefix: str) -> Iterator[Route]:
        for item in patterns:
            if isinstance(item, URLResolver):
                yield from walk(item.url_patterns, prefix + str(item.pattern))
            elif isinstance(item, URLPattern):
                module = getattr(item.callback, "__module__", "")
                yield Route(prefix + str(item.pattern), item.name or "", module)

    return list(walk(get_resolver().url_patterns, ""))


@dataclass(frozen=True)
class World:
    conversation: Conversation
    question: Message
    escalation: Escalation
    flag: Flag
    approved: ArticleVersion
    in_review: ArticleVersion


@pytest.fixture(autouse=True)
def _fresh_rate_limits() -> None:
    """allauth's login and reauthentication limits count per IP in the process-wide cache:
    earlier tests' failed sign-ins from 127.0.0.1 must not refuse these tests' sign-ins."""
    cache.clear()


@pytest.fixture
def world(patient: Any, tmp_path: Path) -> World:
    conversation = Conversation.objects.create(patient=patient)
    question = Message.objects.create(
        conversation=conversation,
        seq=1,
        role=Role.PATIENT,
        kind=Kind.QUESTION,
        text="I ran out of insulin yesterday",
        client_id="q1",
    )
    escalation, _ = escalation_create(message=question, level=Level.URGENT, reason="urgent")
    flag = Flag.objects.create(kind=FlagKind.DROPPED, message=question, detail="Take 2 pills.")
    source = (ARTICLES_DIR / f"{ARTICLE}.md").read_text(encoding="utf-8")
    (tmp_path / f"{ARTICLE}.md").write_text(source, encoding="utf-8")
    article_versions_load(folder=tmp_path, approve_as="Test reviewer")
    (tmp_path / f"{ARTICLE}.md").write_text(source + "\nOne more line.\n", encoding="utf-8")
    article_versions_load(folder=tmp_path)
    versions = ArticleVersion.objects.filter(article__slug=ARTICLE).order_by("number")
    return World(conversation, question, escalation, flag, versions[0], versions[1])


@pytest.fixture
def persona_user(request: pytest.FixtureRequest) -> Any:
    """The user behind a persona name (None for anonymous)."""

    def get(name: str) -> Any:
        if name == "anonymous":
            return None
        fixture = "admin_user" if name == "admin" else name
        person = request.getfixturevalue(fixture)
        return getattr(person, "user", person)

    return get


def client_for(user: Any, **kwargs: Any) -> Client:
    client = Client(**kwargs)
    if user is not None:
        client.force_login(user)
    return client
