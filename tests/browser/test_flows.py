"""End-to-end flows in headless Chromium against the real ASGI app (see conftest.py).

Each flow is what a person does: a patient activates an account, reads the record, asks;
a clinician works the live queue; a moderator reviews a thumbs-down. Every page they see
is checked with axe-core on the way.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from django.core import mail

from assistant.models import Flag, FlagKind, FlagStatus
from portal.accounts.services import invitation_create
from portal.careteam.models import Escalation, EscalationStatus
from portal.records.models import Patient
from tests.browser.conftest import BROWSER_MARKS, Browse, sign_in
from tests.factories import PASSWORD, PatientFactory

pytestmark = BROWSER_MARKS

OUT_OF_SCOPE = "Should I double my metformin dose?"
EMERGENCY = "I have crushing chest pain right now"


def frames_of(page: Any) -> list[dict[str, Any]]:
    """Every websocket frame the page receives from now on, parsed, in order."""
    frames: list[dict[str, Any]] = []

    def on_socket(ws: Any) -> None:
        ws.on("framereceived", lambda payload: frames.append(json.loads(payload)))

    page.on("websocket", on_socket)
    return frames


def mark_page(page: Any) -> None:
    """Tag the document, so a later check can tell the page was never reloaded."""
    page.evaluate("() => { window.__noReload = true; }")


def assert_not_reloaded(page: Any) -> None:
    assert page.evaluate("() => window.__noReload === true"), "the page was reloaded"


def ask(page: Any, text: str) -> None:
    page.fill("#chat-input", text)
    page.click("#chat-send")


def wait_for_answer(page: Any) -> Any:
    answer = page.locator(".msg.assistant").last
    answer.locator(".feedback").wait_for()
    return answer


def test_invitation_activation_verification_and_sign_in(browse: Browse, team: Any) -> None:
    patient = PatientFactory(care_team=team, given_name="Rosa", birth_date=date(1961, 4, 2))
    code = invitation_create(patient=patient).code
    page = browse.page()

    page.goto("/")
    browse.check(page)
    page.click("text=I have an activation code")
    browse.check(page)
    page.fill("#id_code", code)
    page.fill("#id_birth_date", patient.birth_date.isoformat())
    page.fill("#id_email", "rosa@example.test")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    browse.check(page)

    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    page.goto(link.group(0))
    browse.check(page)
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/accounts/login/"))

    sign_in(browse, page, "rosa@example.test")
    page.wait_for_url(f"{browse.base_url}/")
    browse.check(page)
    assert page.locator("h1").inner_text() == "Hello, Rosa"


def test_record_explain_streams_a_cited_answer_that_opens_the_article(
    browse: Browse, diabetic: Patient
) -> None:
    page = browse.signed_in_page(diabetic.user)
    frames = frames_of(page)
    page.goto("/")
    browse.check(page)
    page.click("text=See your whole record")
    page.wait_for_url(re.compile(r"/patients/"))
    browse.check(page)

    page.locator("li.row", has_text="diabetes").get_by_role(
        "link", name=re.compile("Explain")
    ).click()
    page.wait_for_url(re.compile(r"/chat/"))
    answer = wait_for_answer(page)
    browse.check(page)

    kinds = [f["type"] for f in frames]
    streamed = [s for f in frames if f["type"] == "answer.delta" for s in f["sentences"]]
    assert len(streamed) >= 2, kinds
    assert kinds.index("answer.end") > kinds.index("answer.delta"), "sentences stream first"
    sentences = answer.locator(".sentence").all_inner_texts()
    assert [s.strip() for s in sentences] == [d["text"] for d in streamed]
    assert answer.locator("sup.cite a").count() >= 1

    source = answer.locator("ol.sources a").first
    title = source.inner_text().split(" — ")[0]
    source.click()
    page.wait_for_url(re.compile(r"/articles/"))
    browse.check(page)
    assert page.locator("h1").inner_text() == title


def test_an_emergency_shows_the_banner_at_once(browse: Browse, diabetic: Patient) -> None:
    page = browse.signed_in_page(diabetic.user)
    page.goto("/chat/")
    page.locator("#chat-status").wait_for(state="attached")
    ask(page, EMERGENCY)
    banner = page.locator("#emergency-banner")
    banner.wait_for(state="visible", timeout=3000)
    assert "911" in banner.inner_text()
    assert page.get_by_role("link", name="Call 911").first.get_attribute("href") == "tel:911"
    browse.check(page)


def test_care_team_sees_the_question_live_claims_and_replies_live(
    browse: Browse, diabetic: Patient, clinician: Any
) -> None:
    staff = browse.page()
    sign_in(browse, staff, clinician.email, user=clinician)
    staff.goto("/staff/queue/")
    staff.locator("#queue-status", has_text="Live.").wait_for()
    browse.check(staff)
    mark_page(staff)

    patient = browse.signed_in_page(diabetic.user)
    patient.goto("/chat/")
    ask(patient, OUT_OF_SCOPE)
    offer = patient.locator(".msg.safety.out_of_scope")
    offer.get_by_role("button", name="Send to my care team").click()
    patient.locator(".msg.ticket", has_text="Sent to your care team").wait_for()
    browse.check(patient)
    mark_page(patient)

    row = staff.locator("#queue-rows tr", has_text="metformin")
    row.wait_for()
    assert_not_reloaded(staff)
    escalation = Escalation.objects.get()
    assert row.get_attribute("data-id") == str(escalation.pk)

    row.get_by_role("link").click()
    staff.wait_for_url(re.compile(r"/staff/escalations/\d+/$"))
    browse.check(staff)
    staff.get_by_role("button", name="Claim").click()
    staff.locator(".message", has_text="You claimed this message.").wait_for()
    staff.fill("#id_text", "Please keep your dose as it is. I will call you this afternoon.")
    staff.get_by_role("button", name="Send reply").click()
    staff.locator(".message", has_text="in the patient's chat").wait_for()
    browse.check(staff)

    reply = patient.locator(".msg.careteam", has_text="I will call you this afternoon")
    reply.wait_for()
    assert_not_reloaded(patient)
    assert clinician.last_name in reply.locator(".who").inner_text()
    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.ANSWERED
    browse.check(patient)


def test_moderator_reviews_a_thumbs_down(browse: Browse, diabetic: Patient, moderator: Any) -> None:
    patient = browse.signed_in_page(diabetic.user)
    patient.goto("/chat/")
    ask(patient, "What is type 2 diabetes?")
    answer = wait_for_answer(patient)
    patient.once("dialog", lambda dialog: dialog.accept("It did not say what to eat."))
    answer.get_by_role("button", name="No, not helpful").click()
    patient.locator("#chat-status", has_text="Thank you for your feedback.").wait_for()
    browse.check(patient)

    flag = Flag.objects.get(kind=FlagKind.THUMBS_DOWN)
    assert "what to eat" in flag.detail

    staff = browse.page()
    sign_in(browse, staff, moderator.email, user=moderator)
    staff.goto("/staff/moderation/")
    browse.check(staff)
    staff.locator("tr", has_text="thumbs-down").get_by_role("link", name="Review").click()
    staff.wait_for_url(re.compile(r"/flags/\d+/$"))
    browse.check(staff)
    assert "what to eat" in staff.locator("main").inner_text()
    staff.fill("#note", "Article lacks a food section; raised with the content team.")
    staff.get_by_role("button", name="Confirm").click()
    staff.wait_for_url(re.compile(r"/staff/moderation/$"))
    browse.check(staff)
    flag.refresh_from_db()
    assert flag.status == FlagStatus.CONFIRMED
    assert "content team" in flag.note
