"""Open websockets close (4401) within seconds when the session behind them ends.

Sign-out, password and authenticator changes close them through the user's channel-layer
group; timeouts, a deleted session or a deactivated account through the periodic check
(assistant/sessions.py). Limits on the socket: asks per minute per connection and per
patient, and the frame size.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client, override_settings
from django.urls import reverse

from assistant import protocol, sessions
from portal.asgi import application
from tests.assistant.conftest import ORIGIN, connect, is_end, receive_until, send_json
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)
CLOSED = {"type": "websocket.close", "code": sessions.SESSION_ENDED}
FAST_CHECK = override_settings(WEBSOCKET_SESSION_CHECK_SECONDS=0.1)


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@asynccontextmanager
async def socket_for(client: Client, path: str = "/ws/chat/") -> AsyncIterator[Any]:
    """A websocket that shares `client`'s session (the same browser)."""
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    headers = [
        (b"origin", ORIGIN.encode()),
        (b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()),
    ]
    communicator = WebsocketCommunicator(application, path, headers=headers)
    try:
        yield communicator
    finally:
        await communicator.disconnect()


async def opened(user: Any) -> Client:
    return await database_sync_to_async(signed_in)(user)


def edit_session(client: Client, **values: Any) -> None:
    session = client.session
    session.update(values)
    session.save()


def reauthenticate(client: Client) -> None:
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302


def activate_totp(client: Client) -> None:
    reauthenticate(client)
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret
    code = format_hotp_value(hotp_value(secret, int(time.time()) // 30))
    response = client.post(reverse("mfa_activate_totp"), {"code": code})
    assert response.status_code == 302, response.content[:300]


def deactivate_totp(client: Client) -> None:
    reauthenticate(client)
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 302


def change_password(client: Client) -> None:
    new = "a-brand-new-passphrase-77"
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new, "password2": new},
    )
    assert response.status_code == 302


def log_out(client: Client) -> None:
    client.post(reverse("account_logout"))


@pytest.mark.parametrize(
    "action",
    [
        pytest.param(log_out, id="logout"),
        pytest.param(change_password, id="password-change"),
        pytest.param(activate_totp, id="authenticator-added"),
    ],
)
async def test_patient_socket_closes_at_once(diabetic: Any, action: Any) -> None:
    client = await opened(diabetic.user)
    other_device = await opened(diabetic.user)
    async with socket_for(client) as socket, socket_for(other_device) as elsewhere:
        await connect(socket)
        await connect(elsewhere)
        await database_sync_to_async(action)(client)
        # Well before the periodic session check: the close is pushed, not polled.
        assert await socket.receive_output(timeout=3) == CLOSED
        assert await elsewhere.receive_output(timeout=3) == CLOSED


async def test_removing_an_authenticator_closes_the_staff_queue_socket(clinician: Any) -> None:
    client = await opened(clinician)
    async with socket_for(client, "/ws/careteam/") as socket:
        assert (await socket.connect(timeout=5))[0]
        await database_sync_to_async(deactivate_totp)(client)
        assert await socket.receive_output(timeout=3) == CLOSED
    assert not await database_sync_to_async(
        Authenticator.objects.filter(user=clinician, type=Authenticator.Type.TOTP).exists
    )()


async def test_another_users_socket_stays_open(diabetic: Any, other_patient: Any) -> None:
    mine, theirs = await opened(diabetic.user), await opened(other_patient.user)
    async with socket_for(mine) as socket, socket_for(theirs) as other:
        await connect(socket)
        await connect(other)
        await database_sync_to_async(log_out)(mine)
        assert await socket.receive_output(timeout=3) == CLOSED
        await send_json(other, {"type": "ping"})
        assert (await other.receive_json_from(timeout=3))["type"] == "pong"


def _idle(client: Client) -> None:
    edit_session(client, last_seen=time.time() - settings.SESSION_IDLE_MINUTES * 60 - 5)


def _too_old(client: Client) -> None:
    edit_session(client, auth_started=time.time() - settings.SESSION_ABSOLUTE_HOURS * 3600 - 5)


def _deleted(client: Client) -> None:
    Session.objects.filter(session_key=client.session.session_key).delete()


def _deactivated(client: Client) -> None:
    user = Session.objects.get(session_key=client.session.session_key).get_decoded()
    from portal.accounts.models import User

    User.objects.filter(pk=user["_auth_user_id"]).update(is_active=False)


def _expired_row(client: Client) -> None:
    from django.utils import timezone

    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now()
    )


@FAST_CHECK
@pytest.mark.parametrize(
    "end",
    [
        pytest.param(_idle, id="idle-timeout"),
        pytest.param(_too_old, id="absolute-timeout"),
        pytest.param(_deleted, id="session-deleted"),
        pytest.param(_expired_row, id="session-row-expired"),
        pytest.param(_deactivated, id="account-deactivated"),
    ],
)
async def test_periodic_check_closes_an_ended_session(diabetic: Any, end: Any) -> None:
    client = await opened(diabetic.user)
    async with socket_for(client) as socket:
        await connect(socket)
        await send_json(socket, {"type": "ping"})
        assert (await socket.receive_json_from(timeout=3))["type"] == "pong"
        await database_sync_to_async(end)(client)
        assert await socket.receive_output(timeout=3) == CLOSED


@FAST_CHECK
async def test_a_live_session_keeps_its_socket(diabetic: Any) -> None:
    client = await opened(diabetic.user)
    async with socket_for(client) as socket:
        await connect(socket)
        assert await socket.receive_nothing(timeout=0.6)
        await send_json(socket, {"type": "ping"})
        assert (await socket.receive_json_from(timeout=3))["type"] == "pong"


async def test_a_question_counts_as_activity(diabetic: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(sessions, "TOUCH_EVERY_SECONDS", 0)
    client = await opened(diabetic.user)
    stale = time.time() - 600
    await database_sync_to_async(edit_session)(client, last_seen=stale)
    async with socket_for(client) as socket:
        await connect(socket)
        await send_json(socket, {"type": "ping"})
        await socket.receive_json_from(timeout=3)
        assert await database_sync_to_async(lambda: client.session["last_seen"])() == stale
        await send_json(socket, {"type": "ask", "client_id": "a1", "text": "what is asthma"})
        await receive_until(socket, is_end)
    assert await database_sync_to_async(lambda: client.session["last_seen"])() > stale + 500


@override_settings(ASSISTANT_ASKS_PER_MINUTE=3)
async def test_the_ask_limit_is_per_patient_across_connections(diabetic: Any) -> None:
    first, second = await opened(diabetic.user), await opened(diabetic.user)
    async with socket_for(first) as one, socket_for(second) as two:
        await connect(one)
        await connect(two)
        for i, socket in enumerate((one, one, two)):
            await send_json(socket, {"type": "ask", "client_id": f"r{i}", "text": "what is gout"})
            await receive_until(socket, is_end)
        await send_json(two, {"type": "ask", "client_id": "r3", "text": "and again?"})
        # Both sockets show the same conversation, so each also receives the other's
        # stored messages; read up to the error.
        error = (await receive_until(two, lambda f: f["type"] == "error"))[-1]
        await send_json(one, {"type": "ask", "client_id": "r4", "text": "and again?"})
        error_one = (await receive_until(one, lambda f: f["type"] == "error"))[-1]
    assert (error["code"], error["client_id"]) == ("rate_limited", "r3")
    assert error_one["code"] == "rate_limited"


@pytest.mark.parametrize(
    ("size", "closes"),
    [
        pytest.param(protocol.MAX_FRAME_BYTES, False, id="at-the-limit"),
        pytest.param(protocol.MAX_FRAME_BYTES + 1, True, id="one-byte-over"),
    ],
)
async def test_frame_size_limit_counts_bytes(diabetic: Any, size: int, closes: bool) -> None:
    client = await opened(diabetic.user)
    prefix = '{"type":"ask","client_id":"big","text":"'
    room = size - len(prefix) - 2
    text = "\u00e9" * (room // 2) + "a" * (room % 2)  # two bytes per character in UTF-8
    raw = prefix + text + '"}'
    assert len(raw.encode()) == size
    async with socket_for(client) as socket:
        await connect(socket)
        await socket.send_to(text_data=raw)
        reply = await socket.receive_output(timeout=3)
    if closes:
        assert reply == {"type": "websocket.close", "code": 1009}
    else:
        assert reply["type"] == "websocket.send"
        assert '"too_long"' in reply["text"]
