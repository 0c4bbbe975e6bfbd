"""Screenshots of the key pages at 375 px and 1280 px, written to docs/screenshots/.

Usage: python scripts/screenshots.py [BASE_URL]   (the demo portal must be running;
`make screenshots` starts one). Uses Debian's Chromium (CHROMIUM, default /usr/bin/chromium).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WIDTHS = {"phone": 375, "desktop": 1280}


def sign_in(page: Page, email: str, password: str) -> None:
    page.goto(f"{BASE}/accounts/login/")
    page.fill("#id_login", email)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_load_state("networkidle")


def shoot(page: Page, name: str, width: str) -> None:
    page.screenshot(path=str(OUT / f"{name}-{width}.png"), full_page=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width_name, width in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": 800})
            page = context.new_page()
            page.goto(f"{BASE}/")
            shoot(page, "landing", width_name)
            sign_in(page, "louis@demo.test", "demo-patient-1")
            shoot(page, "patient-home", width_name)
            page.click("text=See your whole record")
            page.wait_for_load_state("networkidle")
            shoot(page, "record", width_name)
            page.click("text=Preventive care")
            page.wait_for_load_state("networkidle")
            shoot(page, "preventive", width_name)
            page.goto(f"{BASE}/chat/")
            page.click("text=New conversation")
            page.wait_for_load_state("networkidle")
            page.fill("#chat-input", "What does my A1c number mean?")
            page.click("#chat-send")
            page.wait_for_selector(".msg.assistant .sources", timeout=15000)
            shoot(page, "chat-answer", width_name)
            page.fill("#chat-input", "I have crushing chest pain right now")
            page.click("#chat-send")
            page.wait_for_selector("#emergency-banner:not([hidden])", timeout=15000)
            shoot(page, "chat-emergency", width_name)
            page.goto(f"{BASE}/articles/type-2-diabetes/")
            shoot(page, "article", width_name)
            context.close()
        browser.close()
    print(f"screenshots written to {OUT}")


if __name__ == "__main__":
    main()
