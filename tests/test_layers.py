"""The embedded channel layer sweeps expired messages at most once per interval."""

from __future__ import annotations

import asyncio
from typing import Any

from channels.layers import InMemoryChannelLayer

from portal.layers import ResilientInMemoryChannelLayer


def test_the_sweep_runs_once_per_interval(monkeypatch: Any) -> None:
    sweeps: list[int] = []
    monkeypatch.setattr(InMemoryChannelLayer, "_clean_expired", lambda self: sweeps.append(1))
    layer = ResilientInMemoryChannelLayer()
    for _ in range(1000):
        layer._clean_expired()
    assert len(sweeps) == 1


def test_expired_messages_are_still_removed() -> None:
    async def scenario() -> tuple[bool, dict[str, Any]]:
        layer = ResilientInMemoryChannelLayer(expiry=0)
        layer.CLEAN_EVERY_SECONDS = 0.0
        await layer.send("chat.expired", {"type": "old"})
        await asyncio.sleep(0.01)
        layer._clean_expired()
        gone = "chat.expired" not in layer.channels
        await layer.send("chat.fresh", {"type": "new"})
        layer.expiry = 60
        await layer.send("chat.fresh", {"type": "newer"})
        return gone, await layer.receive("chat.fresh")

    gone, received = asyncio.run(scenario())
    assert gone
    assert received["type"] in ("new", "newer")
