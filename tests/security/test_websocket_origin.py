"""Cross-site websocket hijacking: the handshake is refused unless the Origin is ours.

A browser attaches the session cookie to a websocket opened by any page, so the Origin
header is the only thing that tells our chat page from another site's script. It must be
exactly one of ALLOWED_ORIGINS (scheme, host and port); the allowed origin in another
letter case is the same origin (RFC 6454 compares scheme and host case-insensitively).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings

from tests.assistant.conftest import chat_socket

pytestmark = pytest.mark.django_db(transaction=True)

REFUSED = [
    pytest.param(None, id="missing"),
    pytest.param("null", id="null"),
    pytest.param("", id="empty"),
    pytest.param("https://127.0.0.1:8000", id="other-scheme-https"),
    pytest.param("ws://127.0.0.1:8000", id="other-scheme-ws"),
    pytest.param("file://127.0.0.1:8000", id="other-scheme-file"),
    pytest.param("http://127.0.0.1:8001", id="other-port"),
    pytest.param("http://127.0.0.1", id="default-port"),
    pytest.param("http://sub.127.0.0.1:8000", id="subdomain-of-ip"),
    pytest.param("http://chat.localhost:8000", id="subdomain"),
    pytest.param("http://127.0.0.1.evil.com:8000", id="look-alike-suffix"),
    pytest.param("http://localhost.evil.com:8000", id="look-alike-suffix-name"),
    pytest.param("http://evil-localhost:8000", id="look-alike-prefix"),
    pytest.param("HTTP://EVIL.EXAMPLE", id="upper-case-other-site"),
    pytest.param("http://evil.example", id="other-site"),
    pytest.param("http://127.0.0.1.:8000", id="trailing-dot-ip"),
    pytest.param("http://localhost.:8000", id="trailing-dot-name"),
    pytest.param("http://127.0.0.1:8000@evil.com", id="userinfo"),
    pytest.param("http://evil.com#@127.0.0.1:8000", id="fragment-trick"),
    pytest.param("http://xn--lcalhost-9of:8000", id="punycode-look-alike"),
    pytest.param("http://l\u043ecalhost:8000", id="non-ascii-cyrillic-o"),
    pytest.param("http://127.0.0.1:99999", id="port-out-of-range"),
    pytest.param("http://[::1:8000", id="broken-ipv6"),
    pytest.param("http://[::1]:8000", id="ipv6-loopback-not-listed"),
    pytest.param("http://0x7f.0.0.1:8000", id="hex-ip"),
    pytest.param("http://2130706433:8000", id="decimal-ip"),
]

ACCEPTED = [
    pytest.param("http://127.0.0.1:8000", id="exact"),
    pytest.param("http://localhost:8000", id="exact-second"),
    pytest.param("HTTP://LOCALHOST:8000", id="upper-case-same-origin"),
]


def test_the_default_origins_are_the_ones_these_cases_assume() -> None:
    assert settings.ALLOWED_ORIGINS == ["http://127.0.0.1:8000", "http://localhost:8000"]


@pytest.mark.parametrize("origin", REFUSED)
async def test_foreign_origins_are_refused(diabetic: Any, origin: str | None) -> None:
    async with chat_socket(diabetic.user, origin=origin) as socket:
        connected, _ = await socket.connect(timeout=5)
    assert not connected


@pytest.mark.parametrize("origin", ACCEPTED)
async def test_our_origins_are_accepted(diabetic: Any, origin: str) -> None:
    async with chat_socket(diabetic.user, origin=origin) as socket:
        connected, _ = await socket.connect(timeout=5)
    assert connected


async def test_duplicate_origin_headers_are_refused(diabetic: Any) -> None:
    """A browser sends one Origin; two (ours and another) are a forged request."""
    async with chat_socket(diabetic.user, origin="http://evil.example") as socket:
        socket.scope["headers"].append((b"origin", b"http://127.0.0.1:8000"))
        connected, _ = await socket.connect(timeout=5)
    assert not connected
