"""ASGI entry point: HTTP through Django, websockets through Channels.

The websocket stack is the canonical one: the origin must be one of ALLOWED_ORIGINS
(scheme, host and port), then the session authenticates the user.
"""

import os
from typing import Any

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import OriginValidator, WebsocketDenier  # noqa: E402
from django.conf import settings  # noqa: E402

from assistant.routing import websocket_urlpatterns  # noqa: E402
from portal.security import origin_allowed  # noqa: E402


class SettingsOriginValidator(OriginValidator):
    """OriginValidator that reads settings.ALLOWED_ORIGINS on every handshake.

    The list is not frozen at import, so a test server on a port chosen at run time can
    allow its own origin with override_settings.
    """

    def __init__(self, application: Any) -> None:
        super().__init__(application, [])

    @property  # type: ignore[override]
    def allowed_origins(self) -> list[str]:
        return list(settings.ALLOWED_ORIGINS)

    @allowed_origins.setter
    def allowed_origins(self, value: list[str]) -> None:
        """The base class assigns the list in __init__; settings are the only source."""

    async def __call__(self, scope: Any, receive: Any, send: Any) -> Any:
        # Stricter than the base class: one Origin header, parsed without raising
        # (portal.security.origin_allowed), compared in scheme, host and port.
        if scope["type"] != "websocket" or not origin_allowed(
            scope.get("headers", []), self.allowed_origins
        ):
            return await WebsocketDenier()(scope, receive, send)
        return await self.application(scope, receive, send)


application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": SettingsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
