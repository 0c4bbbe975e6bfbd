"""Every route of the project against every persona, from one table.

The routes come from the URL configuration itself (django.urls.get_resolver(), walked
recursively, allauth's and the admin's included) and from assistant.routing: a route
added without a row here fails `test_every_route_has_a_row`. Parameters are real objects
of the `patient` persona (their record, conversation, escalation, a flag, an article
version), so "404" below means "refused", not "does not exist".

Reading the table: 200 shown, 302 redirected (to sign-in for anonymous visitors, to the
persona's own home otherwise), 403 refused, 404 refused without saying whether the object
exists, 405 method not allowed. Websocket rows: 101 accepted, 4404 closed at the handshake.
"""

from __future__ import annotations

from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.urls import reverse

from assistant.routing import websocket_urlpatterns
from portal.asgi import application
from tests.assistant.conftest import ORIGIN, chat_socket, session_cookie
from tests.factories import PASSWORD
from tests.security.conftest import PERSONAS, World, client_for, project_routes

Row = tuple[str, tuple[int, int, int, int, int, int, int]]

# Admin routes are checked by group: every admin/ route is Django's admin site, guarded by
# one login check; the rows test its index, a model page and its sign-in page.
ADMIN_GROUP = {"admin:index": "/admin/", "admin:model": "/admin/accounts/user/"}
ADMIN_LOGIN = "admin:login"

# fmt: off
MATRIX: dict[str, Row] = {
    # route                                  method  anon  pat   other clin  other mod   admin
    #                                                            pat         team
    "home":                                 ("GET",  (200, 200, 200, 302, 302, 302, 302)),
    "healthz":                              ("GET",  (200, 200, 200, 200, 200, 200, 200)),
    "set_language":                         ("POST", (302, 302, 302, 302, 302, 302, 302)),
    "activate":                             ("GET",  (200, 302, 302, 302, 302, 302, 302)),
    "article":                              ("GET",  (200, 200, 200, 200, 200, 200, 200)),
    # The patient's own pages.
    "record":                               ("GET",  (302, 200, 404, 200, 404, 404, 200)),
    "preventive":                           ("GET",  (302, 200, 404, 200, 404, 404, 200)),
    "export_record":                        ("GET",  (302, 200, 404, 200, 404, 404, 200)),
    "chat":                                 ("GET",  (302, 200, 200, 404, 404, 404, 404)),
    "chat_new":                             ("POST", (302, 302, 302, 404, 404, 404, 404)),
    "chat_history":                         ("GET",  (302, 200, 200, 404, 404, 404, 404)),
    "export_conversations":                 ("GET",  (302, 200, 200, 404, 404, 404, 404)),
    "chat_conversation":                    ("GET",  (302, 200, 404, 404, 404, 404, 404)),
    "chat_delete":                          ("GET",  (302, 200, 404, 404, 404, 404, 404)),
    "chat_delete POST":                     ("POST", (302, 302, 404, 404, 404, 404, 404)),
    # Care-team pages.
    "staff_home":                           ("GET",  (302, 302, 302, 200, 200, 200, 200)),
    "queue":                                ("GET",  (302, 404, 404, 200, 200, 404, 200)),
    "queue_rows":                           ("GET",  (302, 404, 404, 200, 200, 404, 200)),
    "careteam_dashboard":                   ("GET",  (302, 404, 404, 200, 200, 404, 200)),
    "escalation":                           ("GET",  (302, 404, 404, 200, 404, 404, 200)),
    "escalation_claim":                     ("POST", (302, 404, 404, 302, 404, 404, 302)),
    "escalation_reply":                     ("POST", (302, 404, 404, 302, 404, 404, 302)),
    "escalation_close":                     ("POST", (302, 404, 404, 302, 404, 404, 302)),
    # Moderation and knowledge governance (article texts hold no patient data).
    "moderation_queue":                     ("GET",  (302, 404, 404, 404, 404, 200, 200)),
    "moderation_flag":                      ("GET",  (302, 404, 404, 404, 404, 200, 200)),
    "moderation_flag POST":                 ("POST", (302, 404, 404, 404, 404, 302, 302)),
    "moderation_guard":                     ("GET",  (302, 404, 404, 404, 404, 200, 200)),
    "moderation_audit":                     ("GET",  (302, 404, 404, 404, 404, 404, 200)),
    "moderation_knowledge":                 ("GET",  (302, 404, 404, 200, 200, 200, 200)),
    "moderation_version":                   ("GET",  (302, 404, 404, 200, 200, 200, 200)),
    "moderation_approve":                   ("POST", (302, 404, 404, 302, 302, 404, 302)),
    # Accounts (allauth). Signed-in visitors are sent away from the sign-in pages.
    "account_login":                        ("GET",  (200, 302, 302, 302, 302, 302, 302)),
    "account_logout":                       ("GET",  (302, 200, 200, 200, 200, 200, 200)),
    "account_signup":                       ("GET",  (200, 302, 302, 302, 302, 302, 302)),
    "account_inactive":                     ("GET",  (200, 200, 200, 200, 200, 200, 200)),
    "account_reauthenticate":               ("GET",  (302, 200, 200, 200, 200, 200, 200)),
    "account_email":                        ("GET",  (302, 200, 200, 200, 200, 200, 200)),
    "account_email_verification_sent":      ("GET",  (200, 200, 200, 200, 200, 200, 200)),
    "account_confirm_email":                ("GET",  (200, 200, 200, 200, 200, 200, 200)),
    "account_change_password":              ("GET",  (302, 200, 200, 200, 200, 200, 200)),
    "account_set_password":                 ("GET",  (302, 302, 302, 302, 302, 302, 302)),
    "account_reset_password":               ("GET",  (200, 200, 200, 200, 200, 200, 200)),
    "account_reset_password_done":          ("GET",  (200, 200, 200, 200, 200, 200, 200)),
    "account_reset_password_from_key":      ("GET",  (200, 200, 200, 200, 200, 200, 200)),
    "account_reset_password_from_key_done": ("GET",  (200, 200, 200, 200, 200, 200, 200)),
    "account_confirm_login_code":           ("GET",  (302, 302, 302, 302, 302, 302, 302)),
    "mfa_index":                            ("GET",  (302, 200, 200, 200, 200, 200, 200)),
    "mfa_authenticate":                     ("GET",  (302, 302, 302, 302, 302, 302, 302)),
    "mfa_reauthenticate":                   ("GET",  (302, 302, 302, 200, 200, 200, 200)),
    "mfa_activate_totp":                    ("GET",  (302, 302, 302, 302, 302, 302, 302)),
    "mfa_deactivate_totp":                  ("GET",  (302, 404, 404, 302, 302, 302, 302)),
    "mfa_view_recovery_codes":              ("GET",  (302, 404, 404, 404, 404, 404, 404)),
    "mfa_generate_recovery_codes":          ("GET",  (302, 302, 302, 302, 302, 302, 302)),
    "mfa_download_recovery_codes":          ("GET",  (302, 404, 404, 404, 404, 404, 404)),
    # The admin site (every admin/ route), signed in through allauth only.
    "admin:index":                          ("GET",  (302, 302, 302, 302, 302, 302, 200)),
    "admin:model":                          ("GET",  (302, 302, 302, 302, 302, 302, 200)),
    "admin:login":                          ("GET",  (302, 403, 403, 403, 403, 403, 302)),
}

# Websockets: the chat opens the patient persona's conversation (?conversation=...).
WS_MATRIX: dict[str, tuple[int, int, int, int, int, int, int]] = {
    # route            anon  pat   other clin  other mod   admin
    "ws/chat/":       (4404, 101, 4404, 4404, 4404, 4404, 4404),
    "ws/careteam/":   (4404, 4404, 4404, 101, 101, 4404, 4404),
}
# fmt: on

POST_DATA: dict[str, dict[str, str]] = {
    "escalation_reply": {"text": "We will call you this afternoon."},
    "escalation_close": {"note": "Called the patient."},
    "moderation_flag POST": {"action": "note", "note": "Checked."},
    "set_language": {"language": "es", "next": "/"},
}


def url_for(key: str, world: World) -> str:
    """The URL of a row, its parameters filled from the world's objects."""
    if key in ADMIN_GROUP:
        return ADMIN_GROUP[key]
    if key == ADMIN_LOGIN:
        return "/admin/login/"
    name = key.split()[0]
    patient = world.conversation.patient
    params: dict[str, dict[str, Any]] = {
        "record": {"public_id": patient.public_id},
        "preventive": {"public_id": patient.public_id},
        "export_record": {"public_id": patient.public_id},
        "chat_conversation": {"public_id": world.conversation.public_id},
        "chat_delete": {"public_id": world.conversation.public_id},
        "escalation": {"escalation_id": world.escalation.pk},
        "escalation_claim": {"escalation_id": world.escalation.pk},
        "escalation_reply": {"escalation_id": world.escalation.pk},
        "escalation_close": {"escalation_id": world.escalation.pk},
        "moderation_flag": {"flag_id": world.flag.pk},
        "moderation_version": {"version_id": world.in_review.pk},
        "moderation_approve": {"version_id": world.in_review.pk},
        "article": {"slug": world.approved.article.slug},
        "account_confirm_email": {"key": "not-a-real-key"},
        "account_reset_password_from_key": {"uidb36": "1", "key": "set-password"},
    }
    return reverse(name, kwargs=params.get(name, {}))


def test_every_route_has_a_row() -> None:
    """A new route must be added to MATRIX (or WS_MATRIX) before its tests can pass."""
    routes = project_routes()
    names = {route.name for route in routes if not route.pattern.startswith("admin/")}
    unnamed = [r.pattern for r in routes if not r.name and not r.pattern.startswith("admin/")]
    rows = {key.split()[0] for key in MATRIX if not key.startswith("admin:")}
    assert not unnamed, f"name these routes so the matrix can refer to them: {unnamed}"
    assert names - rows == set(), f"routes without a row in MATRIX: {sorted(names - rows)}"
    assert rows - names == set(), f"rows for routes that no longer exist: {sorted(rows - names)}"
    admin = [route for route in routes if route.pattern.startswith("admin/")]
    assert admin
    assert all(route.module.startswith("django.") for route in admin), (
        "only Django's admin site may live under admin/ (it is checked as one group)"
    )
    ws = {str(pattern.pattern) for pattern in websocket_urlpatterns}
    assert ws == set(WS_MATRIX), "every websocket route needs a row in WS_MATRIX"


CASES = [
    pytest.param(key, persona, expected, id=f"{key.replace(' ', '-')}-{persona}")
    for key, (_, statuses) in MATRIX.items()
    for persona, expected in zip(PERSONAS, statuses, strict=True)
]


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "persona", "expected"), CASES)
def test_http_route(key: str, persona: str, expected: int, world: World, persona_user: Any) -> None:
    method = MATRIX[key][0]
    client = client_for(persona_user(persona))
    url = url_for(key, world)
    if method == "POST":
        response = client.post(url, POST_DATA.get(key, {}))
    else:
        response = client.get(url)
    assert response.status_code == expected, f"{method} {url} as {persona}"
    if (
        persona == "anonymous"
        and expected == 302
        and not key.startswith(("account_", "mfa_", "set_language"))
    ):
        assert response["Location"].startswith(("/accounts/login/", "/admin/login/"))


WS_CASES = [
    pytest.param(route, persona, expected, id=f"{route}-{persona}")
    for route, statuses in WS_MATRIX.items()
    for persona, expected in zip(PERSONAS, statuses, strict=True)
]


@pytest.fixture
def everyone(world: World, persona_user: Any) -> dict[str, Any]:
    return {persona: persona_user(persona) for persona in PERSONAS}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("route", "persona", "expected"), WS_CASES)
async def test_websocket_route(
    route: str, persona: str, expected: int, world: World, everyone: dict[str, Any]
) -> None:
    user = everyone[persona]
    if route == "ws/chat/":
        query = f"?conversation={world.conversation.public_id}"
        async with chat_socket(user, query=query) as socket:
            connected, code = await socket.connect(timeout=5)
    else:
        headers = [(b"origin", ORIGIN.encode())]
        if user is not None:
            cookie = await database_sync_to_async(session_cookie)(user)
            headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()))
        socket = WebsocketCommunicator(application, f"/{route}", headers=headers)
        try:
            connected, code = await socket.connect(timeout=5)
        finally:
            await socket.disconnect()
    assert (101 if connected else code) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    "target",
    [
        pytest.param("https://evil.example/", id="other-site"),
        pytest.param("//evil.example/", id="scheme-relative"),
        pytest.param("/\\evil.example/", id="backslash"),
        pytest.param("http://127.0.0.1:8000@evil.example/", id="userinfo"),
    ],
)
def test_redirect_targets_stay_on_the_site(target: str, persona_user: Any) -> None:
    """The language switch and sign-in take a `next`; neither may send anyone elsewhere."""
    client = client_for(persona_user("patient"))
    switched = client.post(reverse("set_language"), {"language": "es", "next": target})
    assert switched["Location"] == "/"
    signed_in = client_for(None).post(
        reverse("account_login"),
        {"login": "patient@example.test", "password": PASSWORD, "next": target},
    )
    assert signed_in.status_code == 302
    assert signed_in["Location"] == "/"
