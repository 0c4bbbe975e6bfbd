"""The live queue: a websocket per clinician, joined to their care teams' groups.

It carries only "something changed" events; the page fetches its rows over HTTP, so
access rules stay in one place (assistant.access) and nothing is pushed to the wrong team.
"""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from assistant.access import care_team_ids_for
from assistant.sessions import SessionBound
from portal.accounts.middleware import has_totp
from portal.careteam.services import queue_group
from portal.consumers import DirectDispatch


class QueueConsumer(DirectDispatch, SessionBound, AsyncJsonWebsocketConsumer):
    groups_joined: list[str]

    async def connect(self) -> None:
        self.groups_joined = []
        user = self.scope.get("user")
        teams = await database_sync_to_async(self._teams)(user)
        if not teams:
            await self.close(code=4404)
            return
        for team_id in teams:
            group = queue_group(team_id)
            await self.channel_layer.group_add(group, self.channel_name)
            self.groups_joined.append(group)
        await self.accept()
        await self.session_bind()  # closes the socket when the session ends

    @staticmethod
    def _teams(user: Any) -> list[int]:
        # Staff need an authenticator before any staff page, live ones included.
        if user is None or not user.is_authenticated or not has_totp(user):
            return []
        return care_team_ids_for(user)

    async def disconnect(self, code: int) -> None:
        await self.session_unbind()
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        await self.send_json(
            {"type": "error", "code": "read_only", "detail": "This socket only listens."}
        )

    async def queue_changed(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "queue.changed", "escalation_id": event["escalation_id"]})
