"""Channel layers that survive their backend (Redis) being down.

The channel layer only carries hints: "a message was stored", "the queue changed", "this
session ended". The database holds the truth, a reconnecting client resumes from it and
every socket re-checks its session on a timer (assistant.sessions). So a layer failure
must cost live updates, never the chat: without this wrapper, channels' consumer loop
dies with the first failing `receive()` and takes the patient's connection with it.

Calls that fail are logged and skipped; `receive()` waits and tries again, with a
growing pause, until the backend answers.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from channels.layers import InMemoryChannelLayer
from channels_redis.core import RedisChannelLayer

log = logging.getLogger(__name__)
RETRY_FIRST_SECONDS = 0.5
RETRY_MAX_SECONDS = 10.0


class ResilientLayerMixin:
    """Put before a channel layer class: its failures are logged instead of raised."""

    async def send(self, channel: str, message: dict[str, Any]) -> None:
        try:
            await super().send(channel, message)  # type: ignore[misc]
        except Exception:
            log.warning("channel layer send to %s failed", channel, exc_info=True)

    async def group_send(self, group: str, message: dict[str, Any]) -> None:
        try:
            await super().group_send(group, message)  # type: ignore[misc]
        except Exception:
            log.warning("channel layer group_send to %s failed", group, exc_info=True)

    async def group_add(self, group: str, channel: str) -> None:
        try:
            await super().group_add(group, channel)  # type: ignore[misc]
        except Exception:
            log.warning("channel layer group_add %s failed", group, exc_info=True)

    async def group_discard(self, group: str, channel: str) -> None:
        try:
            await super().group_discard(group, channel)  # type: ignore[misc]
        except Exception:
            log.warning("channel layer group_discard %s failed", group, exc_info=True)

    async def receive(self, channel: str) -> dict[str, Any]:
        pause = RETRY_FIRST_SECONDS
        while True:
            try:
                message: dict[str, Any] = await super().receive(channel)  # type: ignore[misc]
                return message
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("channel layer receive failed; retrying in %.1fs", pause)
                await asyncio.sleep(pause)
                pause = min(pause * 2, RETRY_MAX_SECONDS)


class ResilientRedisChannelLayer(ResilientLayerMixin, RedisChannelLayer):
    """channels-redis, for production."""


class ResilientInMemoryChannelLayer(ResilientLayerMixin, InMemoryChannelLayer):
    """The embedded default (one process).

    channels' in-memory layer sweeps every channel and group for expired messages on each
    send and receive: with thousands of open sockets that sweep costs more than the chat.
    Here it runs at most once per CLEAN_EVERY_SECONDS (expiry is a minute; a second late
    changes nothing).
    """

    CLEAN_EVERY_SECONDS = 1.0
    _cleaned_at = 0.0

    def _clean_expired(self) -> None:
        now = time.monotonic()
        if now - self._cleaned_at < self.CLEAN_EVERY_SECONDS:
            return
        self._cleaned_at = now
        super()._clean_expired()  # type: ignore[misc]
