"""What every websocket consumer of the project shares."""

from __future__ import annotations

from typing import Any

from channels.consumer import get_handler_name


class DirectDispatch:
    """Dispatch frames and channel-layer events to their handlers without a thread hop.

    Channels' own `dispatch` first runs Django's `close_old_connections` in a worker
    thread, before every frame and every event, for handlers that use the ORM directly.
    Ours never do: every database call goes through `database_sync_to_async`, which
    closes stale connections itself, in the thread, before and after the call. The hop
    cost about 50 µs of CPU and two thread switches per frame and per event (a chat turn
    has two: the ask and the "answer stored" event). Put it first among the bases.
    """

    async def dispatch(self, message: dict[str, Any]) -> None:
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)
