"""Cross-process events over the channel layer.

One group per conversation. The answer stream itself never crosses the channel layer:
only "a message was stored" (one hop per patient message), so that other connections of
the same patient (another tab, a reconnect to another server) fetch it from the database.
Care-team replies and escalation updates use the same group.
"""

from __future__ import annotations

from typing import Any

from channels.layers import get_channel_layer


def conversation_group(conversation_id: int) -> str:
    return f"conversation.{conversation_id}"


async def notify_stored(message: Any) -> None:
    """Tell every connection on the conversation that message `message.pk` is complete."""
    layer = get_channel_layer()
    if layer is None:
        return
    await layer.group_send(
        conversation_group(message.conversation_id),
        {"type": "chat.stored", "message_id": message.pk, "seq": message.seq},
    )


async def notify_escalation(escalation: Any, *, promise: str) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    await layer.group_send(
        conversation_group(escalation.conversation_id),
        {"type": "chat.escalation", "escalation_id": escalation.pk, "promise": promise},
    )
