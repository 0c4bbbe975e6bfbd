"""The websocket protocol, version 2: parsing client frames and building server frames.

Plain Python. Client frames are JSON objects with a "type":
  ask {client_id, text}            feedback {message_id, rating: 1 | -1, comment?}
  resume {after}                   escalate {message_id}          ping {}
Server frames: hello, ack, answer.start, answer.delta, answer.end, safety, escalation,
careteam.reply, feedback.saved, pong, error {code, detail}. docs/PROTOCOL.md lists them.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Any

PROTOCOL_VERSION = 2  # 2: answer.delta carries a list of sentences
MAX_TEXT_CHARS = 4000
MAX_COMMENT_CHARS = 2000
MAX_FRAME_BYTES = 16 * 1024  # larger frames close the socket with 1009 (message too big)
_CLIENT_ID = re.compile(r"[A-Za-z0-9_.:-]{1,64}")

Frame = dict[str, Any]


class FrameError(Exception):
    """A frame the server cannot act on. `code` is short and stable; `detail` is for people."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Ask:
    client_id: str
    text: str


@dataclass(frozen=True)
class FeedbackFrame:
    message_id: int
    rating: int
    comment: str


@dataclass(frozen=True)
class Resume:
    after: int


@dataclass(frozen=True)
class Escalate:
    message_id: int


@dataclass(frozen=True)
class Ping:
    pass


ClientFrame = Ask | FeedbackFrame | Resume | Escalate | Ping


def _int(data: Frame, key: str, *, minimum: int = 0) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise FrameError("invalid", f"'{key}' must be a whole number of at least {minimum}.")
    return value


def _storable(value: str) -> bool:
    """False for text that cannot be stored or sent back: lone surrogates (JSON allows the
    escape "\\ud800", UTF-8 does not) and NUL (PostgreSQL text cannot hold it)."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_frame(raw: str) -> ClientFrame:
    """Parse one text frame. Raises FrameError with a short code for anything unusable."""
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, RecursionError):
        raise FrameError("bad_json", "The message was not valid JSON.") from None
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise FrameError("bad_frame", "A frame is a JSON object with a 'type'.")
    kind = data["type"]
    if kind == "ask":
        client_id, text = data.get("client_id"), data.get("text")
        if not isinstance(client_id, str) or not _CLIENT_ID.fullmatch(client_id):
            raise FrameError("invalid", "'client_id' must be 1-64 letters, digits or - _ . :")
        if not isinstance(text, str) or not text.strip():
            raise FrameError("invalid", "'text' must be a non-empty string.")
        if not _storable(text):
            raise FrameError("invalid", "'text' contains characters that cannot be sent.")
        if len(text) > MAX_TEXT_CHARS:
            raise FrameError(
                "too_long", f"Messages can be up to {MAX_TEXT_CHARS} characters. Please shorten it."
            )
        return Ask(client_id=client_id, text=text.strip())
    if kind == "feedback":
        rating = data.get("rating")
        if rating not in (1, -1) or isinstance(rating, bool):
            raise FrameError("invalid", "'rating' must be 1 (helpful) or -1 (not helpful).")
        comment = data.get("comment") or ""
        if (
            not isinstance(comment, str)
            or len(comment) > MAX_COMMENT_CHARS
            or not _storable(comment)
        ):
            raise FrameError(
                "invalid", f"'comment' must be text up to {MAX_COMMENT_CHARS} characters."
            )
        return FeedbackFrame(
            message_id=_int(data, "message_id", minimum=1), rating=rating, comment=comment
        )
    if kind == "resume":
        return Resume(after=_int(data, "after"))
    if kind == "escalate":
        return Escalate(message_id=_int(data, "message_id", minimum=1))
    if kind == "ping":
        return Ping()
    raise FrameError("unknown_type", f"Unknown frame type {kind[:40]!r}.")


def dumps(frame: Frame) -> str:
    return json.dumps(frame, ensure_ascii=False, separators=(",", ":"))


def error(code: str, detail: str, **extra: Any) -> Frame:
    return {"type": "error", "code": code, "detail": detail, **extra}


# --- Server frames ----------------------------------------------------------------------
# Builders take stored rows (assistant.models.Message, careteam Escalation) so that a live
# stream and a replay after reconnect send exactly the same frames.


def hello(*, conversation: str, last_seq: int) -> Frame:
    return {
        "type": "hello",
        "protocol": PROTOCOL_VERSION,
        "conversation": conversation,
        "last_seq": last_seq,
    }


def ack(question: Any) -> Frame:
    return {
        "type": "ack",
        "client_id": question.client_id,
        "message_id": question.pk,
        "seq": question.seq,
    }


def answer_start(reply: Any) -> Frame:
    return {"type": "answer.start", "message_id": reply.pk, "reply_to": reply.reply_to_id}


def answer_delta(reply: Any, sentences: Any) -> Frame:
    """One or more whole sentences that passed the output guard, in order."""
    return {
        "type": "answer.delta",
        "message_id": reply.pk,
        "sentences": [{"text": s.text, "cites": list(s.cites)} for s in sentences],
    }


def answer_end(reply: Any) -> Frame:
    return {
        "type": "answer.end",
        "message_id": reply.pk,
        "seq": reply.seq,
        "kind": reply.kind,
        "citations": reply.citations,
        "disclaimer": disclaimer(reply.language or "en"),
        "actions": [] if reply.kind == "answer" else [send_to_care_team(reply.language or "en")],
    }


def safety(reply: Any) -> Frame:
    return {
        "type": "safety",
        "message_id": reply.pk,
        "seq": reply.seq,
        "reply_to": reply.reply_to_id,
        "level": reply.safety.get("level", ""),
        "text": reply.text,
        "actions": reply.safety.get("actions", []),
    }


def safety_unsaved(level: str, text: str, actions: list[dict[str, Any]]) -> Frame:
    """Emergency or crisis instructions that could not be stored (the database failed).

    No message_id or seq: nothing was stored. The fixed texts end with the sentence that
    the care team was told, which is not true here, so it is left out.
    """
    sentences = text.rsplit(". ", 1)
    return {
        "type": "safety",
        "message_id": None,
        "seq": None,
        "reply_to": None,
        "level": level,
        "text": sentences[0] + "." if len(sentences) == 2 else text,
        "actions": actions,
        "stored": False,
    }


def escalation(item: Any, *, promise: str = "") -> Frame:
    return {
        "type": "escalation",
        "id": item.pk,
        "status": item.status,
        "level": item.level,
        "message_id": item.message_id,
        "promise": promise,
    }


def careteam_reply(reply: Any) -> Frame:
    return {
        "type": "careteam.reply",
        "message_id": reply.pk,
        "seq": reply.seq,
        "author": reply.author_label,
        "text": reply.text,
        "at": reply.created_at.isoformat(),
    }


def question(message: Any) -> Frame:
    return {
        "type": "question",
        "message_id": message.pk,
        "seq": message.seq,
        "client_id": message.client_id,
        "text": message.text,
    }


def message_frames(message: Any) -> list[Frame]:
    """Frames that deliver one stored, complete message (for resume and other tabs)."""
    if message.role == "patient":
        return [question(message)]
    if message.role == "careteam":
        return [careteam_reply(message)]
    if message.kind == "safety":
        return [safety(message)]
    stored = [{"text": s["text"], "cites": s.get("cites", [])} for s in message.sentences]
    deltas = (
        [{"type": "answer.delta", "message_id": message.pk, "sentences": stored}] if stored else []
    )
    return [answer_start(message), *deltas, answer_end(message)]


def citations(sentences: Any, passages: Any) -> list[dict[str, Any]]:
    """Numbered sources actually cited by the kept sentences, in passage order."""
    used = sorted({n for s in sentences for n in s.cites})
    by_n = {p.n: p for p in passages}
    return [
        {
            "n": n,
            "slug": by_n[n].slug,
            "title": by_n[n].title,
            "section": by_n[n].section,
            "label": section_label(by_n[n].section, by_n[n].lang),
            "url": f"/articles/{by_n[n].slug}/"
            + ("" if by_n[n].lang == "en" else f"?lang={by_n[n].lang}")
            + f"#{_anchor(by_n[n].section)}",
        }
        for n in used
        if n in by_n
    ]


def section_label(section: str, lang: str) -> str:
    """The heading of canonical section `section` as the article in `lang` shows it."""
    from assistant.knowledge.articles import SECTION_HEADINGS, SECTION_HEADINGS_BY_LANG

    if section not in SECTION_HEADINGS:
        return section
    headings = SECTION_HEADINGS_BY_LANG.get(lang, SECTION_HEADINGS)
    return headings[SECTION_HEADINGS.index(section)]


def _anchor(heading: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")


def disclaimer(language: str = "en") -> str:
    """The line under every answer, in `language`: the language the answer is written in,
    which is not always the language of the page (a Spanish question gets a Spanish answer)."""
    from django.conf import settings

    return _disclaimer(language, settings.EMERGENCY_NUMBER)


def send_to_care_team(language: str = "en") -> Frame:
    """The action offered under an answer that did not answer, labelled in `language`."""
    return {"type": "send_to_care_team", "label": _send_label(language)}


# Switching the active translation costs more than building the rest of an answer's last
# frame; the catalogs are compiled files that do not change while the process runs.
@functools.lru_cache(maxsize=32)
def _disclaimer(language: str, number: str) -> str:
    from django.utils import translation

    with translation.override(language):
        return translation.gettext(
            "This explains information from approved articles and your record. It is not a "
            "diagnosis or medical advice. In an emergency, call %(number)s."
        ) % {"number": number}


@functools.lru_cache(maxsize=32)
def _send_label(language: str) -> str:
    from django.utils import translation

    with translation.override(language):
        return translation.gettext("Send to my care team")
