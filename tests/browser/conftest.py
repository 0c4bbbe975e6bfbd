"""End-to-end fixtures: the real ASGI app on a loopback port, driven by headless Chromium.

pytest-django's live_server is WSGI-only and cannot carry websockets, so `portal_url`
serves portal.asgi.application with uvicorn in a thread of the test process. The thread
shares the test database (tests use `transactional_db`, so what a test writes is
committed and visible to the server) and Django's locmem mail outbox.

Every page a test opens through `Browse` is checked with axe-core (tests/browser/vendor/,
injected with the page's CSP bypassed); a serious or critical violation fails the test,
and so does a page that was navigated to but never checked.
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings

from tests.conftest import require_service
from tests.factories import PASSWORD

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
BLOCKING = ("serious", "critical")
# Long enough for a slow CI machine, short enough that a hang fails fast.
WAIT_MS = 15_000
# Every browser test: slow, and quiet about whitenoise serving static files (a synchronous
# file iterator) through the ASGI handler, which is expected here.
BROWSER_MARKS = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume synchronous"),
]


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """One headless Chromium for the package (Debian's; Playwright cannot download one here)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_service(False, "Playwright for Python is not installed")
    require_service(Path(CHROMIUM).is_file(), f"Chromium not found at {CHROMIUM}")
    # Playwright's sync API runs an event loop under the test's feet; the ORM calls that
    # tests make between browser steps are ordinary synchronous calls all the same.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def portal_server() -> Iterator[str]:
    """uvicorn serving portal.asgi.application on a free loopback port; yields its origin.

    The socket is bound before the server starts, so the port is known (and allowed as
    an origin and a host) before the first request is handled.
    """
    import uvicorn

    from portal.asgi import application

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    origin = f"http://127.0.0.1:{sock.getsockname()[1]}"
    overrides = override_settings(
        ALLOWED_HOSTS=["127.0.0.1"],
        ALLOWED_ORIGINS=[origin],
        CSRF_TRUSTED_ORIGINS=[origin],
    )
    overrides.enable()
    config = uvicorn.Config(
        application, lifespan="off", log_level="warning", timeout_graceful_shutdown=1
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield origin
    finally:
        server.should_exit = True
        thread.join(timeout=5)
        sock.close()
        overrides.disable()


@pytest.fixture
def portal_url(portal_server: str, transactional_db: None, browser: Any) -> str:
    """The running portal's origin, for a test whose data the server can see.

    The cache starts empty: earlier tests' failed sign-ins from 127.0.0.1 would otherwise
    count against this test's (allauth's login rate limits live in the cache).
    """
    mail.outbox = []
    cache.clear()
    return portal_server


@dataclass
class Browse:
    """Browser contexts for one test, with every visited page checked by axe-core."""

    browser: Any
    base_url: str
    contexts: list[Any] = field(default_factory=list)
    visited: set[str] = field(default_factory=set)
    checked: set[str] = field(default_factory=set)

    def page(self, *, width: int = 1280, locale: str = "en-US") -> Any:
        context = self.browser.new_context(
            base_url=self.base_url,
            bypass_csp=True,
            locale=locale,
            viewport={"width": width, "height": 900},
        )
        context.set_default_timeout(WAIT_MS)
        self.contexts.append(context)
        page = context.new_page()
        page.on("framenavigated", lambda frame: self._navigated(page, frame))
        return page

    def signed_in_page(self, user: Any, **kwargs: Any) -> Any:
        """A page whose context already holds `user`'s session (no sign-in form)."""
        page = self.page(**kwargs)
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": self.base_url}]
        )
        return page

    def _navigated(self, page: Any, frame: Any) -> None:
        if frame == page.main_frame:
            self.visited.add(urlsplit(frame.url).path)

    def check(self, page: Any, *, rules: list[str] | None = None) -> list[dict[str, Any]]:
        """Run axe-core on the page as it is now; fail on serious or critical violations.

        Returns every violation (of any impact) for a test that wants to look closer.
        """
        page.wait_for_load_state("load")
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=str(AXE))
        options: dict[str, Any] = {"resultTypes": ["violations"]}
        if rules:
            options["runOnly"] = {"type": "rule", "values": rules}
        violations: list[dict[str, Any]] = page.evaluate(
            "async (options) => (await axe.run(document, options)).violations", options
        )
        self.checked.add(urlsplit(page.url).path)
        blocking = [v for v in violations if v["impact"] in BLOCKING]
        assert not blocking, f"axe on {page.url}:\n" + "\n".join(map(describe, blocking))
        return violations

    def close(self) -> None:
        for context in self.contexts:
            context.close()


def describe(violation: dict[str, Any]) -> str:
    targets = "; ".join(", ".join(node["target"]) for node in violation["nodes"][:5])
    return f"  [{violation['impact']}] {violation['id']}: {violation['help']} at {targets}"


@pytest.fixture
def browse(browser: Any, portal_url: str) -> Iterator[Browse]:
    session = Browse(browser, portal_url)
    try:
        yield session
    finally:
        session.close()
    unchecked = session.visited - session.checked - {""}
    assert not unchecked, f"pages visited but never checked with axe: {sorted(unchecked)}"


def totp_code(user: Any) -> str:
    """The current code of the user's authenticator app, computed from its stored secret."""
    totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = get_mfa_adapter().decrypt(totp.data["secret"])
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(browse: Browse, page: Any, email: str, *, user: Any = None) -> None:
    """Sign in through the forms; with `user` given, answer the two-step code too.

    Every page on the way, and the one signing in lands on, is checked with axe.
    """
    page.goto("/accounts/login/")
    browse.check(page)
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state("load")
    if user is not None:
        page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
        browse.check(page)
        page.fill("input[name=code]", totp_code(user))
        page.click("main button[type=submit]")
        page.wait_for_load_state("load")
    browse.check(page)
