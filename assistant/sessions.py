"""Websockets live no longer than the session that opened them.

A socket is authenticated once, at the handshake. Afterwards its session can end in
several ways, and each one closes the socket (code 4401) within seconds:

- sign-out, a password change, set or reset, an authenticator added, removed or reset:
  the receivers below send `session.end` to the group "user.<id>", which every socket of
  that user joined;
- the idle or absolute timeout (portal.accounts.middleware.session_timed_out), the
  session row deleted or expired, the account deactivated, or the password changed in
  another session: each socket re-checks its session every
  WEBSOCKET_SESSION_CHECK_SECONDS. This check needs only the database, so it also
  covers an event lost while the channel layer was down.

Consumers mix in SessionBound: `await self.session_bind()` after accepting,
`await self.session_unbind()` on disconnect, `await self.session_touch()` when the person
acts (a question counts as activity for the idle timeout; pings and resumes, which
the client sends by itself, do not).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from importlib import import_module
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from allauth.account.signals import password_changed, password_reset, password_set
from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib.auth import get_user
from django.contrib.auth.signals import user_logged_out
from django.contrib.sessions.backends.base import SessionBase, UpdateError
from django.dispatch import receiver

from portal.accounts.middleware import session_timed_out

log = logging.getLogger(__name__)
SESSION_ENDED = 4401
TOUCH_EVERY_SECONDS = 30  # as the HTTP middleware: an idle limit of minutes needs no more


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def _store(session_key: str) -> SessionBase:
    engine = import_module(settings.SESSION_ENGINE)
    store: SessionBase = engine.SessionStore(session_key)
    return store


def session_alive(session_key: str | None, user_id: int) -> bool:
    """True while `session_key` still signs in `user_id` and has not timed out.

    Django's own get_user() decides the sign-in part: the session row must exist and be
    unexpired, name this user, match their current password hash, and the user must be
    active.
    """
    if not session_key:
        return False
    store = _store(session_key)
    if not store.load():
        return False
    if get_user(SimpleNamespace(session=store)).pk != user_id:  # type: ignore[arg-type]
        return False
    return not session_timed_out(store, time.time())


def session_touch(session_key: str) -> None:
    """Record activity seen on a socket, as a page request would (idle timeout)."""
    store = _store(session_key)
    if not store.load():
        return
    store["last_seen"] = time.time()
    with contextlib.suppress(UpdateError):  # signed out meanwhile: nothing to extend
        store.save()


def end_user_sockets(user_id: int) -> None:
    """Close every open socket of `user_id` (from sync code: views, signal receivers).

    Best effort: the layer may be down; the periodic check closes the sockets then.
    """
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(user_group(user_id), {"type": "session.end"})
    except Exception:
        log.warning("could not tell user %s's sockets that the session ended", user_id)


@receiver(user_logged_out, dispatch_uid="sessions.logged_out")
@receiver(password_changed, dispatch_uid="sessions.password_changed")
@receiver(password_set, dispatch_uid="sessions.password_set")
@receiver(password_reset, dispatch_uid="sessions.password_reset")
@receiver(authenticator_added, dispatch_uid="sessions.authenticator_added")
@receiver(authenticator_removed, dispatch_uid="sessions.authenticator_removed")
@receiver(authenticator_reset, dispatch_uid="sessions.authenticator_reset")
def _credentials_changed(sender: Any, user: Any = None, **kwargs: Any) -> None:
    if user is not None and user.pk is not None:
        end_user_sockets(user.pk)


class SessionBound:
    """Mixin for websocket consumers (put it before the channels base class)."""

    scope: dict[str, Any]
    channel_layer: Any
    channel_name: str
    _session_watch: asyncio.Task[None] | None = None
    _session_user: int | None = None
    _session_touched: float = 0.0

    if TYPE_CHECKING:  # provided by the channels consumer class

        async def close(self, code: int | bool | None = None, reason: str | None = None) -> None:
            """Close the websocket."""

    def _session_key(self) -> str | None:
        session = self.scope.get("session")
        return getattr(session, "session_key", None) if session is not None else None

    async def session_bind(self) -> None:
        """Join the user's group and start the periodic check (call after accept)."""
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            return
        self._session_user = user.pk
        self._session_touched = time.monotonic()
        await self.channel_layer.group_add(user_group(user.pk), self.channel_name)
        self._session_watch = asyncio.create_task(self._watch())

    async def session_unbind(self) -> None:
        if self._session_watch is not None:
            self._session_watch.cancel()
            self._session_watch = None
        if self._session_user is not None:
            await self.channel_layer.group_discard(
                user_group(self._session_user), self.channel_name
            )
            self._session_user = None

    async def session_touch(self) -> None:
        key = self._session_key()
        if key and time.monotonic() - self._session_touched >= TOUCH_EVERY_SECONDS:
            self._session_touched = time.monotonic()
            await database_sync_to_async(session_touch)(key)

    async def _watch(self) -> None:
        key, user_id = self._session_key(), self._session_user
        while True:
            await asyncio.sleep(settings.WEBSOCKET_SESSION_CHECK_SECONDS)
            try:
                alive = await database_sync_to_async(session_alive)(key, user_id or 0)
            except Exception:  # the database is briefly away: keep the socket, check again
                log.warning("session check failed", exc_info=True)
                continue
            if not alive:
                await self.session_end({"type": "session.end"})
                return

    async def session_end(self, event: dict[str, Any]) -> None:
        """Channel-layer event `session.end`: the session is over; close the socket."""
        watch, self._session_watch = self._session_watch, None
        if watch is not None and watch is not asyncio.current_task():
            watch.cancel()
        await self.close(code=SESSION_ENDED)
