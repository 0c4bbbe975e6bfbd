"""HTTP hardening: security headers on every page, cookie flags, no inline code, CSRF.

The headers come from Django's SecurityMiddleware and XFrameOptionsMiddleware (settings
in portal/settings.py) and portal.security.SecurityHeadersMiddleware (the CSP).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from portal.security import content_security_policy
from tests.factories import PASSWORD
from tests.security.conftest import PERSONAS, World, client_for
from tests.security.test_authorization_matrix import MATRIX, url_for

pytestmark = pytest.mark.django_db
TEMPLATES = Path(settings.BASE_DIR) / "templates"

PAGES = [
    pytest.param("anonymous", "home", id="landing"),
    pytest.param("anonymous", "account_login", id="sign-in"),
    pytest.param("anonymous", "article", id="article"),
    pytest.param("patient", "home", id="patient-home"),
    pytest.param("patient", "record", id="record"),
    pytest.param("patient", "chat", id="chat"),
    pytest.param("clinician", "queue", id="queue"),
    pytest.param("moderator", "moderation_queue", id="moderation"),
    pytest.param("patient", "export_record", id="json-download"),
]


def directives(policy: str) -> dict[str, list[str]]:
    parsed = (part.split() for part in policy.split(";") if part.strip())
    return {words[0]: words[1:] for words in parsed}


def test_the_policy_allows_only_our_own_code() -> None:
    policy = directives(content_security_policy())
    assert "'unsafe-inline'" not in content_security_policy()
    assert "'unsafe-eval'" not in content_security_policy()
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert set(policy["connect-src"]) == {"'self'", "ws://127.0.0.1:8000", "ws://localhost:8000"}


@pytest.mark.parametrize(("persona", "route"), PAGES)
def test_every_page_carries_the_security_headers(
    persona: str, route: str, world: World, persona_user: Any
) -> None:
    client = client_for(persona_user(persona))
    response = client.get(url_for(route, world), secure=True)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == content_security_policy()
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_errors_carry_the_headers_too(client: Client) -> None:
    response = client.get("/patients/00000000-0000-0000-0000-000000000000/", follow=False)
    missing = client.get("/no-such-page/")
    assert response.status_code == 302
    assert missing.status_code == 404
    for each in (response, missing):
        assert each["Content-Security-Policy"] == content_security_policy()
        assert each["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("secure", [pytest.param(False, id="dev"), pytest.param(True, id="prod")])
def test_cookies_are_httponly_samesite_and_secure_in_production(patient: Any, secure: bool) -> None:
    with override_settings(SESSION_COOKIE_SECURE=secure, CSRF_COOKIE_SECURE=secure):
        client = Client()
        client.get(reverse("account_login"))
        client.post(reverse("account_login"), {"login": patient.user.email, "password": PASSWORD})
    session = client.cookies[settings.SESSION_COOKIE_NAME]
    csrf = client.cookies[settings.CSRF_COOKIE_NAME]
    for cookie in (session, csrf):
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"
        assert bool(cookie["secure"]) is secure
    assert not session["max-age"], "the session cookie is not persistent"


def test_production_defaults_turn_secure_cookies_and_hsts_on() -> None:
    """Tests run with SECURE_COOKIES=false; without it, DEBUG off means secure cookies."""
    from tests.test_settings import PRODUCTION, manage

    script = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, "
        "s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY)"
    )
    result = manage("shell", "-c", script, **PRODUCTION)
    assert result.stdout.split()[-5:] == ["True", "True", "31536000", "True", "True"], result.stderr


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I), "inline script"),
    (re.compile(r"<style\b", re.I), "style element"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


@pytest.mark.parametrize(
    "path", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES))
)
def test_templates_have_no_inline_code(path: Path) -> None:
    html = path.read_text(encoding="utf-8")
    found = [what for pattern, what in INLINE if pattern.search(html)]
    assert not found, f"{path.name}: {found} (the CSP blocks inline code; use static/ files)"


CSRF_CASES = [
    pytest.param(key, persona, id=f"{key.replace(' ', '-')}-{persona}")
    for key in MATRIX
    for persona in ("anonymous", "patient", "clinician", "admin")
]


@pytest.mark.parametrize(("key", "persona"), CSRF_CASES)
def test_a_post_without_a_csrf_token_is_refused(
    key: str, persona: str, world: World, persona_user: Any
) -> None:
    """Every route, state-changing or not: the CSRF check runs before any view."""
    assert persona in PERSONAS
    client = client_for(persona_user(persona), enforce_csrf_checks=True)
    response = client.post(url_for(key, world), {"text": "x", "note": "x", "action": "note"})
    assert response.status_code == 403


def test_a_post_with_the_token_from_the_form_is_accepted(world: World, patient: Any) -> None:
    client = client_for(patient.user, enforce_csrf_checks=True)
    page = client.get(reverse("chat_delete", args=[world.conversation.public_id]))
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.content)
    assert token is not None
    response = client.post(
        reverse("chat_delete", args=[world.conversation.public_id]),
        {"csrfmiddlewaretoken": token.group(1).decode()},
    )
    assert response.status_code == 302
