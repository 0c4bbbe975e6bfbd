"""Reads for the assistant. Patient data is never read here without an access check first."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection
from django.db.models import Count, Max

from assistant.backends.base import Turn
from assistant.knowledge.articles import Article as ParsedArticle
from assistant.knowledge.articles import parse_article
from assistant.knowledge.codes import normalize_code_key
from assistant.knowledge.index import KnowledgeIndex
from assistant.models import ArticleStatus, ArticleVersion, Message, MessageState, Role


@dataclass(frozen=True)
class Library:
    """The approved articles and the indexes built over them, for one approval state.

    `articles`, `index` and `by_code` are the English library; `translated[lang]` holds
    each other language's approved articles and `indexes[lang]` their index.
    """

    stamp: tuple[int, object]
    articles: dict[str, ParsedArticle]
    index: KnowledgeIndex
    by_code: dict[str, ParsedArticle]
    translated: dict[str, dict[str, ParsedArticle]]
    indexes: dict[str, KnowledgeIndex]

    def in_language(self, lang: str) -> tuple[dict[str, ParsedArticle], KnowledgeIndex]:
        if lang in self.translated:
            return self.translated[lang], self.indexes[lang]
        return self.articles, self.index


_lock = threading.Lock()
_library: Library | None = None
_checked_at = 0.0


def _approved_stamp() -> tuple[int, object]:
    agg = ArticleVersion.objects.filter(status=ArticleStatus.APPROVED).aggregate(
        n=Count("id"), last=Max("approved_at")
    )
    return (agg["n"], agg["last"])


def library_if_checked() -> Library | None:
    """The library when it was checked within ASSISTANT_LIBRARY_CHECK_SECONDS, else None.

    Needs no database, so async callers can skip the hop to the database thread (most
    questions): only when this returns None do they call `library()` there.
    """
    current = _library
    if current is not None and time.monotonic() - _checked_at < (
        settings.ASSISTANT_LIBRARY_CHECK_SECONDS
    ):
        return current
    return None


def library() -> Library:
    """The current approved library. One cheap query (at most every
    ASSISTANT_LIBRARY_CHECK_SECONDS) checks it is still current; the indexes are rebuilt
    only after an approval changes it."""
    global _library, _checked_at
    current = _library
    now = time.monotonic()
    if current is not None and now - _checked_at < settings.ASSISTANT_LIBRARY_CHECK_SECONDS:
        return current
    stamp = _approved_stamp()
    _checked_at = now
    if current is not None and current.stamp == stamp:
        return current
    with _lock:
        if _library is not None and _library.stamp == stamp:
            return _library
        versions = ArticleVersion.objects.filter(status=ArticleStatus.APPROVED).only(
            "text", "article_id"
        )
        by_lang: dict[str, dict[str, ParsedArticle]] = {}
        for version in versions:
            parsed = parse_article(version.text, source=f"version:{version.pk}")
            by_lang.setdefault(parsed.lang, {})[parsed.slug] = parsed
        english = by_lang.pop("en", {})
        _library = Library(
            stamp=stamp,
            articles=english,
            index=KnowledgeIndex.build(english.values()),
            by_code={code.key: a for a in english.values() for code in a.codes},
            translated=by_lang,
            indexes={lang: KnowledgeIndex.build(a.values()) for lang, a in by_lang.items()},
        )
        return _library


def article_for_codes(codes: list[tuple[str, str]]) -> ParsedArticle | None:
    """The approved article explaining a coded condition, from (system, code) pairs."""
    lib = library()
    for system, code in codes:
        key = normalize_code_key(f"{system}|{code}")
        if key and key in lib.by_code:
            return lib.by_code[key]
    return None


def article_translation(slug: str, lang: str) -> ParsedArticle | None:
    """The approved translation of the article `slug` into `lang`, if there is one."""
    return library().translated.get(lang, {}).get(slug)


def reply_for(*, question: Message) -> Message | None:
    """The assistant's reply to `question` if it is complete."""
    return Message.objects.filter(
        reply_to=question, role=Role.ASSISTANT, state=MessageState.COMPLETE
    ).first()


def messages_after(*, conversation_id: int, after: int) -> list[Message]:
    """Complete messages after `after`, in order (what `resume` replays)."""
    return list(
        Message.objects.filter(
            conversation_id=conversation_id, seq__gt=after, state=MessageState.COMPLETE
        ).order_by("seq")
    )


# A constant statement (the model's default table name; every chat test runs it): every
# connect and every question reads it, and the ORM's aggregate cost about 0.3 ms to compile.
_LAST_SEQ = "SELECT MAX(seq) FROM assistant_message WHERE conversation_id = %s"


def last_seq(*, conversation_id: int) -> int:
    """The number of the conversation's last message (0 when it has none)."""
    with connection.cursor() as cursor:
        cursor.execute(_LAST_SEQ, [conversation_id])
        value = cursor.fetchone()[0]
    return int(value or 0)


def conversations_export(patient: Any) -> dict[str, Any]:
    """All of a patient's conversations, for their own download."""
    conversations = []
    for conversation in patient.conversations.prefetch_related("messages").order_by("created_at"):
        conversations.append(
            {
                "id": str(conversation.public_id),
                "title": conversation.title,
                "created_at": conversation.created_at.isoformat(),
                "messages": [
                    {
                        "seq": m.seq,
                        "role": m.role,
                        "kind": m.kind,
                        "author": m.author_label,
                        "text": m.text,
                        "citations": m.citations,
                        "created_at": m.created_at.isoformat(),
                    }
                    for m in sorted(conversation.messages.all(), key=lambda m: m.seq)
                    if m.state == MessageState.COMPLETE
                ],
            }
        )
    return {
        "patient": {"mrn": patient.mrn, "name": patient.full_name},
        "conversations": conversations,
    }


def recent_turns(*, conversation_id: int, limit: int = 12) -> tuple[Turn, ...]:
    """The last complete questions and answers of a conversation, oldest first."""
    rows = list(
        Message.objects.filter(
            conversation_id=conversation_id,
            state=MessageState.COMPLETE,
            role__in=(Role.PATIENT, Role.ASSISTANT),
        )
        .order_by("-seq")
        .values_list("role", "text")[:limit]
    )
    return tuple(Turn(role=role, text=text) for role, text in reversed(rows))


def _stale_before() -> Any:
    from datetime import timedelta

    from django.utils import timezone

    # No answer takes longer than its timeout: an older pending reply lost its process.
    return timezone.now() - timedelta(seconds=settings.ASSISTANT_ANSWER_TIMEOUT + 5)


def reply_in_progress(*, question: Message) -> bool:
    """A pending reply to `question` that a live process may still be writing."""
    return Message.objects.filter(
        reply_to=question,
        role=Role.ASSISTANT,
        state=MessageState.PENDING,
        created_at__gte=_stale_before(),
    ).exists()


def unanswered_questions(*, conversation_id: int) -> list[Message]:
    """Questions with no complete reply and no live pending one (their answer was lost
    when a process stopped): `resume` answers them again."""
    questions = (
        Message.objects.filter(
            conversation_id=conversation_id, role=Role.PATIENT, client_id__isnull=False
        )
        .exclude(replies__role=Role.ASSISTANT, replies__state=MessageState.COMPLETE)
        .exclude(
            replies__role=Role.ASSISTANT,
            replies__state=MessageState.PENDING,
            replies__created_at__gte=_stale_before(),
        )
    )
    return list(questions.order_by("seq")[:50])
