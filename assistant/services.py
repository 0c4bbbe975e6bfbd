"""Writes for the assistant (`<entity>_<action>`, keyword-only)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone

from assistant import selectors, sql
from assistant.knowledge.articles import LANGUAGES, parse_article
from assistant.knowledge.articles import Article as ParsedArticle
from assistant.models import (
    Article,
    ArticleStatus,
    ArticleVersion,
    Conversation,
    Feedback,
    Flag,
    FlagKind,
    FlagStatus,
    GuardEvent,
    GuardStage,
    Kind,
    Message,
    MessageState,
    Role,
)

ARTICLES_DIR = Path(__file__).resolve().parent / "knowledge" / "articles"


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)  # slugs with a new version
    unchanged: list[str] = field(default_factory=list)
    approved: list[str] = field(default_factory=list)


def article_versions_load(
    *, folder: Path = ARTICLES_DIR, approve_as: str | None = None, approver: Any = None
) -> LoadReport:
    """Load every article file as a new version when its text changed.

    New versions go to review; the approved version keeps answering until a reviewer
    approves the new one. `approve_as` (a reviewer's name) approves new versions at
    once: the demo seeds an empty library that way.
    """
    report = LoadReport()
    for path in article_files(folder):
        text = path.read_text(encoding="utf-8")
        parsed = parse_article(text, source=str(path))
        text_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
        with transaction.atomic():
            article, _ = Article.objects.get_or_create(slug=parsed.slug, lang=parsed.lang)
            latest = article.versions.order_by("-number").first()
            if latest is not None and latest.body_hash == text_hash:
                if approve_as and latest.status == ArticleStatus.IN_REVIEW:
                    article_version_approve(
                        version=latest, reviewer_name=approve_as, approver=approver
                    )
                    report.approved.append(parsed.slug)
                else:
                    report.unchanged.append(parsed.slug)
                continue
            version = _new_version(article, parsed, text, text_hash)
            report.created.append(parsed.slug)
            if approve_as:
                article_version_approve(
                    version=version, reviewer_name=approve_as, approver=approver
                )
                report.approved.append(parsed.slug)
    return report


def article_files(folder: Path) -> list[Path]:
    """Article files: the English ones in `folder`, translations in its language folders."""
    return sorted(folder.glob("*.md")) + sorted(
        p for lang in LANGUAGES for p in (folder / lang).glob("*.md")
    )


def _new_version(
    article: Article, parsed: ParsedArticle, text: str, text_hash: str
) -> ArticleVersion:
    number = (article.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    return ArticleVersion.objects.create(
        article=article,
        number=number,
        status=ArticleStatus.IN_REVIEW,
        text=text,
        body_hash=text_hash,
        title=parsed.title,
        kind=parsed.kind,
        codes=[code.key for code in parsed.codes],
        reviewed_by=parsed.reviewed_by,
        reviewed_on=parsed.reviewed_on,
        next_review=parsed.next_review,
    )


def article_version_approve(
    *, version: ArticleVersion, reviewer_name: str, approver: Any = None
) -> ArticleVersion:
    """Make `version` the one approved version of its article; the previous one retires."""
    with transaction.atomic():
        ArticleVersion.objects.filter(
            article=version.article, status=ArticleStatus.APPROVED
        ).exclude(pk=version.pk).update(status=ArticleStatus.RETIRED)
        version.status = ArticleStatus.APPROVED
        version.approved_at = timezone.now()
        version.approver_name = reviewer_name
        version.approved_by = approver if getattr(approver, "is_authenticated", False) else None
        version.save(update_fields=["status", "approved_at", "approver_name", "approved_by"])
    return version


# --- Conversations ---------------------------------------------------------------------


# A constant statement (the model's default table name; every chat test runs it), values
# always as parameters.
_TOUCH_CONVERSATION = (
    "UPDATE assistant_conversation SET updated_at = %s,"
    " title = CASE WHEN title = '' THEN %s ELSE title END WHERE id = %s"
)


def next_seq(conversation_id: int, *, title: str = "") -> int:
    """The next message number (call inside atomic); `title` names the conversation if it
    has no title yet.

    The UPDATE takes the conversation's row lock until commit, so concurrent writers to one
    conversation get distinct numbers (and the unique constraint backs that up). The MAX is
    read in a statement of its own, after the lock, so that it sees what the previous holder
    committed. Plain SQL: every question takes this path, and compiling these two statements
    cost the ORM about 0.7 ms of CPU per question (docs/PERFORMANCE.md).
    """
    with connection.cursor() as cursor:
        cursor.execute(
            _TOUCH_CONVERSATION,
            [connection.ops.adapt_datetimefield_value(timezone.now()), title, conversation_id],
        )
    return selectors.last_seq(conversation_id=conversation_id) + 1


def question_store(
    *, conversation_id: int, client_id: str, text: str
) -> tuple[Message, Message | None]:
    """Store the patient's words first, before anything else happens, and reserve the
    assistant's reply (pending, numbered right after the question): one transaction.

    Idempotent on `client_id`: the same ask sent twice returns the stored question and no
    reply (the unique constraint decides, so two racing copies store one). Every question
    takes this path: the INSERTs skip the ORM's compiler (assistant/sql.py).
    """
    try:
        with transaction.atomic():
            seq = next_seq(conversation_id, title=text[:120])  # the first question names it
            question = Message(
                conversation_id=conversation_id,
                seq=seq,
                role=Role.PATIENT,
                kind=Kind.QUESTION,
                client_id=client_id,
                text=text,
            )
            sql.insert(question)
            reply = Message(
                conversation_id=conversation_id,
                seq=seq + 1,
                role=Role.ASSISTANT,
                kind=Kind.ANSWER,
                state=MessageState.PENDING,
                reply_to=question,
            )
            sql.insert(reply)
    except IntegrityError:
        return Message.objects.get(conversation_id=conversation_id, client_id=client_id), None
    return question, reply


def reply_start(*, question: Message, kind: str = Kind.ANSWER) -> tuple[Message, bool]:
    """Reserve the assistant's reply to `question` (pending); one reply per question, ever."""
    try:
        with transaction.atomic():
            reply = Message.objects.create(
                conversation_id=question.conversation_id,
                seq=next_seq(question.conversation_id),
                role=Role.ASSISTANT,
                kind=kind,
                state=MessageState.PENDING,
                reply_to=question,
            )
    except IntegrityError:
        return Message.objects.get(reply_to=question, role=Role.ASSISTANT), False
    return reply, True


def reply_takeover(*, question: Message) -> Message:
    """The reply to a question nobody is answering (a process stopped mid-answer): take
    over its pending reply, restarting its clock so that no other process takes it at the
    same time, or reserve one if there is none."""
    reply = Message.objects.filter(
        reply_to=question, role=Role.ASSISTANT, state=MessageState.PENDING
    ).first()
    if reply is None:
        return reply_start(question=question)[0]
    reply.created_at = timezone.now()
    reply.save(update_fields=["created_at"])
    return reply


def reply_record(
    *,
    question: Message,
    reply: Message,
    screening: dict[str, Any],
    dropped_events: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> Message:
    """Complete the reply and record the guard's findings (the input verdict on the
    question, dropped output sentences on the reply): one transaction."""
    with transaction.atomic():
        guard_events_record(message=question, stage=GuardStage.INPUT, events=[screening])
        if dropped_events:
            guard_events_record(message=reply, stage=GuardStage.OUTPUT, events=dropped_events)
        return reply_finish(reply=reply, **fields)


def reply_finish(*, reply: Message, **fields: Any) -> Message:
    """Complete a pending reply with its text, sentences, citations and figures.

    A fallback (the backend failed) is flagged for moderators.
    """
    for key, value in fields.items():
        setattr(reply, key, value)
    reply.state = MessageState.COMPLETE
    sql.update(reply, fields=[*fields, "state"])  # every answer: no ORM compiler (sql.py)
    if reply.kind == Kind.FALLBACK:
        flag_raise(kind=FlagKind.FALLBACK, message=reply, detail=reply.backend)
    return reply


FLAGGED_INPUT = {"harmful": FlagKind.HARMFUL, "injection": FlagKind.INJECTION}


def guard_events_record(*, message: Message, stage: str, events: list[dict[str, Any]]) -> None:
    """Record the guard's findings; harmful and injection inputs and dropped output
    sentences are flagged for moderators."""
    for e in events:  # one row a statement: usually one event (the input verdict)
        sql.insert(
            GuardEvent(
                message=message,
                stage=stage,
                action=e["action"],
                rules=list(e.get("rules", ())),
                text=e.get("text", ""),
            )
        )
    for event in events:
        if stage == GuardStage.INPUT and event["action"] in FLAGGED_INPUT:
            flag_raise(kind=FLAGGED_INPUT[event["action"]], message=message, rules=event["rules"])
    dropped = [e for e in events if stage == GuardStage.OUTPUT]
    if dropped:
        flag_raise(
            kind=FlagKind.DROPPED,
            message=message,
            detail="\n".join(e.get("text", "") for e in dropped),
            rules=sorted({r for e in dropped for r in e.get("rules", ())}),
        )


def feedback_store(*, message: Message, rating: int, comment: str) -> Feedback:
    """Save the patient's rating; a thumbs-down goes to the moderation queue."""
    feedback, _ = Feedback.objects.update_or_create(
        message=message, defaults={"rating": rating, "comment": comment}
    )
    if rating < 0:
        flag_raise(kind=FlagKind.THUMBS_DOWN, message=message, detail=comment)
    return feedback


def flag_raise(*, kind: str, message: Message, detail: str = "", rules: Any = ()) -> Flag:
    flag, created = Flag.objects.get_or_create(
        kind=kind, message=message, defaults={"detail": detail, "rules": list(rules)}
    )
    if not created and detail and flag.detail != detail:
        flag.detail = detail
        flag.status = FlagStatus.OPEN
        flag.save(update_fields=["detail", "status"])
    return flag


def flag_review(*, flag: Flag, user: Any, action: str, note: str = "") -> Flag:
    """A moderator acts on a flag: dismiss, confirm, note, or send to a clinician."""
    from portal.careteam.models import Level
    from portal.careteam.services import escalation_create

    if action == "send":
        message = flag.message
        question = message if message.role == Role.PATIENT else message.reply_to
        if question is not None:
            escalation_create(message=question, level=Level.ROUTINE, reason="moderator")
    status = {
        "dismiss": FlagStatus.DISMISSED,
        "confirm": FlagStatus.CONFIRMED,
        "send": FlagStatus.SENT,
    }.get(action, flag.status)
    flag.status = status
    if note:
        flag.note = f"{flag.note}\n{note}".strip()
    flag.reviewed_by = user
    flag.reviewed_at = timezone.now()
    flag.save(update_fields=["status", "note", "reviewed_by", "reviewed_at"])
    return flag


def conversation_delete_request(*, conversation: Conversation, undo: bool = False) -> None:
    """The patient deletes a conversation; it is purged after the grace period unless undone."""
    conversation.delete_requested_at = None if undo else timezone.now()
    conversation.save(update_fields=["delete_requested_at"])


def conversations_purge(*, now: Any = None) -> int:
    """Delete conversations past retention or past their deletion grace period.

    Audit events are separate rows with no link to conversations, so they stay.
    """
    from datetime import timedelta

    from django.conf import settings

    now = now or timezone.now()
    expired = Conversation.objects.filter(
        updated_at__lt=now - timedelta(days=settings.CONVERSATION_RETENTION_DAYS)
    ) | Conversation.objects.filter(
        delete_requested_at__lt=now - timedelta(days=settings.CONVERSATION_DELETE_GRACE_DAYS)
    )
    ids = list(expired.values_list("pk", flat=True))
    Conversation.objects.filter(pk__in=ids).delete()
    return len(ids)
