"""Screenshots of the key pages at 375 px and 1280 px, written to docs/screenshots/.

Usage:
  python scripts/screenshots.py --serve    build a fresh demo database (var/screenshots.sqlite3),
                                           serve it on a free port, shoot it (`make screenshots`)
  python scripts/screenshots.py BASE_URL   shoot a demo portal that is already running

Patients are shown in English (louis@demo.test) and in Spanish (alberto@demo.test, whose
record says he prefers Spanish); the clinician's queue and escalation page and the
moderation queue follow from what the patient did. Staff sign in with their two-step code,
computed from the demo authenticator secret. Uses Debian's Chromium (CHROMIUM, default
/usr/bin/chromium), with the portal's Content-Security-Policy in force.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDTHS = {"phone": 375, "desktop": 1280}
DB = ROOT / "var" / "screenshots.sqlite3"
STAFF_PASSWORDS = {
    "nora.patel@demo.test": "demo-clinician-1",
    "mod@demo.test": "demo-moderator-1",
}


def shoot(page: Page, name: str) -> None:
    """One full-page screenshot per width, of the page as it is now."""
    for width_name, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 800})
        # From the top: a sticky element (the emergency banner) is drawn where the view is.
        page.evaluate("window.scrollTo(0, 0)")
        page.wait_for_timeout(150)  # let the layout settle after the resize
        page.screenshot(path=str(OUT / f"{name}-{width_name}.png"), full_page=True)


def sign_in(page: Page, base: str, email: str, password: str, code: str = "") -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state("networkidle")
    if code:
        page.fill("input[name=code]", code)
        page.click("main button[type=submit]")
        page.wait_for_load_state("networkidle")


def ask(page: Page, text: str) -> None:
    page.fill("#chat-input", text)
    page.click("#chat-send")


def totp_secrets() -> dict[str, str]:
    """Each demo staff member's authenticator secret, read from the database.

    Read before the browser starts: Playwright's event loop makes Django refuse ORM calls.
    """
    from allauth.mfa.adapter import get_adapter
    from allauth.mfa.models import Authenticator

    found = Authenticator.objects.filter(
        user__email__in=STAFF_PASSWORDS, type=Authenticator.Type.TOTP
    ).select_related("user")
    return {a.user.email: get_adapter().decrypt(a.data["secret"]) for a in found}


def totp_code(secret: str) -> str:
    """The current two-step code for an authenticator secret (what the phone app shows)."""
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def patient_pages(browser: Browser, base: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{base}/")
    shoot(page, "landing")
    page.goto(f"{base}/activate/")
    shoot(page, "activate")
    sign_in(page, base, "louis@demo.test", "demo-patient-1")
    shoot(page, "patient-home")
    page.click("text=See your whole record")
    page.wait_for_load_state("networkidle")
    shoot(page, "record")
    page.click("main >> text=Preventive care")
    page.wait_for_load_state("networkidle")
    shoot(page, "preventive")

    page.goto(f"{base}/chat/")
    page.click("text=New conversation")
    page.wait_for_load_state("networkidle")
    ask(page, "What does my A1c number mean?")
    page.wait_for_selector(".msg.assistant .feedback")
    page.once("dialog", lambda dialog: dialog.accept("I wanted to know my target number."))
    page.get_by_role("button", name="No, not helpful").click()
    page.wait_for_selector("#chat-status:has-text('Thank you')")
    shoot(page, "chat-answer")
    ask(page, "Should I double my metformin dose?")
    page.get_by_role("button", name="Send to my care team").click()
    page.wait_for_selector(".msg.ticket")
    shoot(page, "chat-care-team")
    ask(page, "I have crushing chest pain right now")
    page.wait_for_selector("#emergency-banner:not([hidden])")
    shoot(page, "chat-emergency")
    page.locator(".msg.assistant ol.sources a").first.click()
    page.wait_for_load_state("networkidle")
    shoot(page, "article")
    context.close()


def spanish_pages(browser: Browser, base: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US")
    page = context.new_page()
    sign_in(page, base, "alberto@demo.test", "demo-patient-2")
    shoot(page, "es-patient-home")
    page.click("text=Ver todo su historial")
    page.wait_for_load_state("networkidle")
    shoot(page, "es-record")
    page.click("main >> text=Atención preventiva")
    page.wait_for_load_state("networkidle")
    shoot(page, "es-preventive")
    page.go_back()
    page.locator("li.row a", has_text="Explicar esto").first.click()
    page.wait_for_selector(".msg.assistant .feedback, .msg.safety")
    shoot(page, "es-chat-answer")
    context.close()


def staff_pages(browser: Browser, base: str, secrets: dict[str, str]) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    email = "nora.patel@demo.test"
    sign_in(page, base, email, STAFF_PASSWORDS[email], totp_code(secrets[email]))
    page.goto(f"{base}/staff/queue/")
    page.wait_for_selector("#queue-status:has-text('Live')")
    shoot(page, "queue")
    page.locator("#queue-rows tr", has_text="metformin").get_by_role("link").click()
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Claim").click()
    page.wait_for_load_state("networkidle")
    page.fill("#id_text", "Please keep your dose as it is for now. I will call you today.")
    page.get_by_role("button", name="Send reply").click()
    page.wait_for_load_state("networkidle")
    shoot(page, "escalation")
    context.close()

    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    email = "mod@demo.test"
    sign_in(page, base, email, STAFF_PASSWORDS[email], totp_code(secrets[email]))
    page.goto(f"{base}/staff/moderation/")
    shoot(page, "moderation-queue")
    page.locator("tr", has_text="thumbs-down").get_by_role("link", name="Review").first.click()
    page.wait_for_load_state("networkidle")
    shoot(page, "moderation-flag")
    context.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def demo_portal() -> Iterator[str]:
    """A fresh demo database, served by uvicorn on a free port, for as long as the block runs."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    DB.unlink(missing_ok=True)
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{DB}",
        "ALLOWED_ORIGINS": base,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update({k: env[k] for k in ("DEBUG", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")})
    # Fixed argument lists (this interpreter, our manage.py): no outside input reaches them.
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], check=True, env=env, cwd=ROOT)  # noqa: S603
    subprocess.run([*manage, "demo"], check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)  # noqa: S603
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "uvicorn", "portal.asgi:application", "--port", str(port)]
        + ["--host", "127.0.0.1", "--log-level", "warning"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,  # the console email backend prints every notice here
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1)  # noqa: S310 (loopback)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the demo portal did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def shoot_all(base: str) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("DEBUG", "true")  # the demo portal's settings (staff codes come from it)
    sys.path.insert(0, str(ROOT))
    django.setup()
    secrets = totp_secrets()
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        patient_pages(browser, base)
        spanish_pages(browser, base)
        staff_pages(browser, base, secrets)
        browser.close()
    print(f"screenshots written to {OUT}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", nargs="?", default="http://127.0.0.1:8000")
    parser.add_argument("--serve", action="store_true", help="serve a fresh demo portal first")
    options = parser.parse_args()
    if options.serve:
        with demo_portal() as base:
            shoot_all(base)
    else:
        shoot_all(options.base_url.rstrip("/"))


if __name__ == "__main__":
    main()
