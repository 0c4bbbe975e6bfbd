"""Accessibility of the chat and the pages around it, in a real browser.

axe-core already runs on every page the flows visit (conftest.Browse.check); these tests
cover what a rule engine cannot: the chat by keyboard alone, each streamed sentence
announced once, a visible focus ring, and contrast on the states only a live chat shows.
"""

from __future__ import annotations

from typing import Any

import pytest

from portal.records.models import Patient
from tests.browser.conftest import BROWSER_MARKS, Browse

pytestmark = BROWSER_MARKS

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    text: (el.getAttribute("aria-label") || el.textContent || "").trim().slice(0, 80),
    href: el.getAttribute("href") || "",
    inAnswer: !!el.closest(".msg.assistant"),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
  };
}"""


def tab_until(page: Any, wanted: Any, *, key: str = "Tab", limit: int = 60) -> list[dict[str, Any]]:
    """Press `key` until the focused element satisfies `wanted`; every stop on the way."""
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED)
        stops.append(focused)
        if wanted(focused):
            return stops
    raise AssertionError(f"never reached the element; focus went through {stops}")


def test_the_chat_works_by_keyboard_alone(browse: Browse, diabetic: Patient) -> None:
    page = browse.signed_in_page(diabetic.user)
    page.goto("/chat/")
    page.locator("#chat-status").wait_for(state="attached")

    tab_until(page, lambda f: f["id"] == "chat-input")
    page.keyboard.type("What is type 2 diabetes?")
    page.keyboard.press("Enter")
    page.locator(".msg.assistant .feedback").wait_for()
    assert page.evaluate("() => document.activeElement.id") == "chat-input"

    # The answer sits above the input: Shift+Tab walks back through it.
    stops = tab_until(page, lambda f: f["text"] == "Yes, helpful", key="Shift+Tab")
    assert any(f["text"] == "No, not helpful" for f in stops)
    back = "Shift+Tab"
    stops += tab_until(page, lambda f: f["inAnswer"] and "/articles/" in f["href"], key=back)
    stops += tab_until(page, lambda f: f["inAnswer"] and f["href"].startswith("#src-"), key=back)
    assert all(f["outlineStyle"] != "none" for f in stops if f["inAnswer"])

    tab_until(page, lambda f: f["text"] == "Yes, helpful")
    page.keyboard.press("Enter")
    page.locator("#chat-status", has_text="Thank you for your feedback.").wait_for()
    browse.check(page)


def test_each_streamed_sentence_is_announced_once(browse: Browse, diabetic: Patient) -> None:
    page = browse.signed_in_page(diabetic.user)
    page.goto("/chat/")
    live = page.locator("#chat-live")
    assert live.get_attribute("aria-live") == "polite"
    page.fill("#chat-input", "What is type 2 diabetes?")
    page.click("#chat-send")
    answer = page.locator(".msg.assistant").last
    answer.locator(".feedback").wait_for()
    browse.check(page)

    sentences = [s.strip() for s in answer.locator(".sentence").all_inner_texts()]
    announced = live.locator("p").all_inner_texts()
    assert len(sentences) >= 2
    for sentence in sentences:
        assert announced.count(sentence) == 1, (sentence, announced)

    # Coming back to the conversation shows the history without reading it out again.
    page.reload()
    page.locator(".msg.assistant .feedback").wait_for()
    page.wait_for_timeout(300)  # a resume after connecting must not announce it either
    assert live.locator("p").count() == 0


@pytest.mark.parametrize("width", [pytest.param(375, id="phone"), pytest.param(1280, id="desktop")])
def test_focus_is_always_visible(browse: Browse, diabetic: Patient, width: int) -> None:
    page = browse.signed_in_page(diabetic.user, width=width)
    page.goto("/")
    browse.check(page)
    stops = tab_until(page, lambda f: f["tag"] == "body")[:-1]  # once round the page
    assert len(stops) >= 8
    assert stops[0]["text"] == "Skip to main content"
    invisible = [f for f in stops if f["outlineStyle"] == "none" or f["outlineWidth"] < 2]
    assert not invisible, invisible


def test_contrast_of_live_chat_states(browse: Browse, diabetic: Patient) -> None:
    """Answers, safety messages, tickets and the emergency banner only exist after a frame."""
    page = browse.signed_in_page(diabetic.user, width=375)
    page.goto("/chat/")
    page.fill("#chat-input", "What is type 2 diabetes?")
    page.click("#chat-send")
    page.locator(".msg.assistant .feedback").wait_for()
    page.fill("#chat-input", "Should I double my metformin dose?")
    page.click("#chat-send")
    page.get_by_role("button", name="Send to my care team").click()
    page.locator(".msg.ticket").wait_for()
    page.fill("#chat-input", "I have crushing chest pain right now")
    page.click("#chat-send")
    page.locator("#emergency-banner").wait_for(state="visible")
    page.keyboard.press("Tab")  # a focus ring drawn over the page must not hide contrast

    violations = browse.check(page, rules=["color-contrast"])
    assert violations == [], [v["nodes"][0]["target"] for v in violations]
