"""Reads for the assistant. Patient data is never read here without an access check first."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max

from assistant.backends.base import Turn
from assistant.knowledge.articles import Article as ParsedArticle
from assistant.knowledge.articles import parse_article
from assistant.knowledge.codes import normalize_code_key
from assistant.knowledge.index import KnowledgeIndex
from assistant.models import ArticleStatus, ArticleVersion, Message, MessageState, Role


@dataclass(frozen=True)
class Library:
    """The approved articles and the index built over them, for one approval state."""

    stamp: tuple[int, object]
    articles: dict[str, ParsedArticle]
    index: KnowledgeIndex
    by_code: dict[str, ParsedArticle]


_lock = threading.Lock()
_library: Library | None = None


def _approved_stamp() -> tuple[int, object]:
    agg = ArticleVersion.objects.filter(status=ArticleStatus.APPROVED).aggregate(
        n=Count("id"), last=Max("approved_at")
    )
    return (agg["n"], agg["last"])


def library() -> Library:
    """The current approved library. One cheap query checks it is still current;
    the index is rebuilt only after an approval changes it."""
    global _library
    stamp = _approved_stamp()
    current = _library
    if current is not None and current.stamp == stamp:
        return current
    with _lock:
        if _library is not None and _library.stamp == stamp:
            return _library
        versions = ArticleVersion.objects.filter(status=ArticleStatus.APPROVED).only(
            "text", "article_id"
        )
        articles = {}
        for version in versions:
            parsed = parse_article(version.text, source=f"version:{version.pk}")
            articles[parsed.slug] = parsed
        by_code = {code.key: a for a in articles.values() for code in a.codes}
        _library = Library(
            stamp=stamp,
            articles=articles,
            index=KnowledgeIndex.build(articles.values()),
            by_code=by_code,
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


def last_seq(*, conversation_id: int) -> int:
    value = Message.objects.filter(conversation_id=conversation_id).aggregate(n=Max("seq"))["n"]
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
