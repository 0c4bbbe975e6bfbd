"""Browser-facing security controls that Django does not provide out of the box.

- `SecurityHeadersMiddleware` adds the Content-Security-Policy and Permissions-Policy
  headers to every HTTP response (Django's SecurityMiddleware already sends HSTS,
  nosniff, the referrer policy and COOP; XFrameOptionsMiddleware sends X-Frame-Options).
- `origin_allowed` decides a websocket handshake's Origin: exactly one header, parsed
  strictly, equal in scheme, host and port to one of ALLOWED_ORIGINS. A browser attaches
  the session cookie to a websocket opened by any site, so this is the line that stops
  cross-site websocket hijacking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse

DEFAULT_PORTS = {"http": 80, "https": 443}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def _websocket_origins(origins: Iterable[str]) -> list[str]:
    """ws:// and wss:// twins of the allowed origins, for connect-src.

    CSP Level 3 lets 'self' cover same-host websockets, but older browsers need them named.
    """
    return [origin.replace("http", "ws", 1) for origin in origins]


def content_security_policy() -> str:
    """The policy: our own files only, no inline code, never framed.

    Scripts and styles are external files; json_script blocks carry data, not code, and
    browsers do not execute type="application/json". `data:` images are the QR code of
    the authenticator enrolment page.
    """
    connect = " ".join(["'self'", *_websocket_origins(settings.ALLOWED_ORIGINS)])
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            f"connect-src {connect}",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response.

    A view that sets its own header keeps it (setdefault), so a page with a real need
    can loosen its policy in one visible place.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.policy = content_security_policy()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def _normalized(origin: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of a serialized origin, or None when it is not one.

    Raises nothing: a malformed header ("http://[::1", port 99999, userinfo, a path) is
    simply not an origin.
    """
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname
    if scheme not in DEFAULT_PORTS or not host:
        return None
    if "@" in parts.netloc or parts.path or parts.query or parts.fragment:
        return None
    return scheme, host.lower(), port if port is not None else DEFAULT_PORTS[scheme]


def origin_allowed(headers: Iterable[tuple[bytes, bytes]], allowed: Iterable[str]) -> bool:
    """True when the handshake carries exactly one Origin and it is one of `allowed`."""
    origins = [value for name, value in headers if name.lower() == b"origin"]
    if len(origins) != 1:
        return False
    try:
        given = _normalized(origins[0].decode("ascii"))
    except UnicodeDecodeError:
        return False
    return given is not None and any(given == _normalized(origin) for origin in allowed)
