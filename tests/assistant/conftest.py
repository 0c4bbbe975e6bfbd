"""Fixtures for chat tests: an approved library, a signed-in patient's websocket."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from portal.asgi import application

ORIGIN = settings.ALLOWED_ORIGINS[0]


def session_cookie(user: Any) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@asynccontextmanager
async def chat_socket(
    user: Any = None, *, origin: str | None = ORIGIN, query: str = ""
) -> AsyncIterator[WebsocketCommunicator]:
    headers = []
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    if user is not None:
        cookie = await database_sync_to_async(session_cookie)(user)
        headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()))
    communicator = WebsocketCommunicator(application, f"/ws/chat/{query}", headers=headers)
    try:
        yield communicator
    finally:
        await communicator.disconnect()


async def connect(communicator: WebsocketCommunicator) -> dict[str, Any]:
    connected, _ = await communicator.connect(timeout=5)
    assert connected
    hello = await communicator.receive_json_from(timeout=5)
    assert hello["type"] == "hello"
    assert hello["protocol"] == 2
    return hello


async def receive_until(
    communicator: WebsocketCommunicator, done: Callable[[dict[str, Any]], bool], within: float = 5
) -> list[dict[str, Any]]:
    """Frames up to and including the first one for which `done` is true."""
    frames: list[dict[str, Any]] = []
    async with asyncio.timeout(within):
        while True:
            frame = await communicator.receive_json_from(timeout=within)
            frames.append(frame)
            if done(frame):
                return frames


def is_end(frame: dict[str, Any]) -> bool:
    return frame["type"] in ("answer.end", "safety")


async def send_json(communicator: WebsocketCommunicator, frame: dict[str, Any]) -> None:
    await communicator.send_to(text_data=json.dumps(frame))
