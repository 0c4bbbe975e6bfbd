"""The assistant's data: knowledge article versions (conversations follow)."""

from __future__ import annotations

import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    APPROVED = "approved", "Approved"
    RETIRED = "retired", "Retired"


class Article(models.Model):
    """One article in one language; a translation shares the slug of its English article."""

    slug = models.SlugField(max_length=100)
    lang = models.CharField(max_length=8, default="en")

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["slug", "lang"], name="unique_article_slug_lang")
        ]

    def __str__(self) -> str:
        return self.slug if self.lang == "en" else f"{self.slug} ({self.lang})"


class ArticleVersion(models.Model):
    """One version of an article's text. Only an approved version is ever retrieved."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(
        max_length=12, choices=ArticleStatus.choices, default=ArticleStatus.IN_REVIEW
    )
    text = models.TextField()  # the whole file, front matter included
    body_hash = models.CharField(max_length=64)  # sha256 of the whole file text
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20)
    codes = models.JSONField(default=list)  # ["snomed|44054006", "icd10|E11.9"]
    reviewed_by = models.CharField(max_length=200, blank=True)
    reviewed_on = models.DateField(null=True, blank=True)
    next_review = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approver_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering: ClassVar = ["article__slug", "-number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["article", "number"], name="unique_article_version"),
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(status="approved"),
                name="one_approved_version_per_article",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article.slug} v{self.number} ({self.status})"


class Conversation(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Set when the patient asks to delete it; purged after CONVERSATION_DELETE_GRACE_DAYS.
    delete_requested_at = models.DateTimeField(null=True, blank=True)
    patient = models.ForeignKey(
        "records.Patient", on_delete=models.CASCADE, related_name="conversations"
    )
    title = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-updated_at"]

    def __str__(self) -> str:
        return self.title or f"Conversation {self.public_id}"


class Role(models.TextChoices):
    PATIENT = "patient", _("Patient")
    ASSISTANT = "assistant", _("Assistant")
    CARETEAM = "careteam", _("Care team")


class Kind(models.TextChoices):
    QUESTION = "question", _("Question")
    ANSWER = "answer", _("Answer")
    NO_ANSWER = "no_answer", _("No approved information")
    SAFETY = "safety", _("Safety message")
    FALLBACK = "fallback", _("Fallback after a failure")
    REPLY = "reply", _("Care-team reply")


class MessageState(models.TextChoices):
    PENDING = "pending", _("Being answered")
    COMPLETE = "complete", _("Complete")


class Message(models.Model):
    """One turn. `seq` orders a conversation and is what `resume {after}` counts."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    seq = models.PositiveIntegerField()
    role = models.CharField(max_length=12, choices=Role.choices)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    state = models.CharField(
        max_length=10, choices=MessageState.choices, default=MessageState.COMPLETE
    )
    client_id = models.CharField(max_length=64, null=True, blank=True)
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    text = models.TextField(blank=True)
    sentences = models.JSONField(default=list, blank=True)  # [{"text", "cites"}] as streamed
    citations = models.JSONField(
        default=list, blank=True
    )  # [{"n", "slug", "title", "section", "url"}]
    verdict = models.JSONField(default=dict, blank=True)  # input guard: action, level, rules
    safety = models.JSONField(
        default=dict, blank=True
    )  # what the patient was shown: level, actions
    backend = models.CharField(max_length=60, blank=True)
    latency_ms = models.PositiveIntegerField(null=True, blank=True)
    dropped = models.PositiveSmallIntegerField(default=0)  # sentences the output guard removed
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_label = models.CharField(max_length=120, blank=True)  # "Nora Patel, Nurse"
    # The language an assistant reply was written in ("en", "es"): its disclaimer and
    # labels are sent in the same language, live and on every replay. Blank before 0006.
    language = models.CharField(max_length=8, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["conversation", "seq"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["conversation", "seq"], name="unique_message_seq"),
            models.UniqueConstraint(
                fields=["conversation", "client_id"],
                condition=Q(client_id__isnull=False),
                name="unique_client_id_per_conversation",
            ),
            models.UniqueConstraint(
                fields=["reply_to"],
                condition=Q(role="assistant"),
                name="one_assistant_reply_per_question",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.conversation_id}#{self.seq} {self.role}"


class GuardStage(models.TextChoices):
    INPUT = "input", "Input screening"
    OUTPUT = "output", "Output check"


class GuardEvent(models.Model):
    """What the guard decided about a message; dropped output sentences are kept for review."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="guard_events")
    stage = models.CharField(max_length=8, choices=GuardStage.choices)
    action = models.CharField(max_length=20)
    rules = models.JSONField(default=list)
    text = models.TextField(blank=True)  # the dropped sentence (output stage)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.stage} {self.action} {self.rules}"


class Feedback(models.Model):
    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="feedback")
    rating = models.SmallIntegerField()  # +1 or -1
    comment = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.rating:+d} on {self.message_id}"


class FlagKind(models.TextChoices):
    HARMFUL = "harmful", "Harmful request"
    INJECTION = "injection", "Injection attempt"
    DROPPED = "dropped", "Sentence dropped by the output guard"
    THUMBS_DOWN = "thumbs_down", "Patient thumbs-down"
    FALLBACK = "fallback", "Fallback after a failure"


class FlagStatus(models.TextChoices):
    OPEN = "open", "Open"
    DISMISSED = "dismissed", "Dismissed"
    CONFIRMED = "confirmed", "Confirmed"
    SENT = "sent", "Sent to a clinician"


class Flag(models.Model):
    """An item for moderators. One per (kind, message); created where the event happens."""

    kind = models.CharField(max_length=12, choices=FlagKind.choices)
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="flags")
    detail = models.TextField(blank=True)  # the dropped sentence, the patient's comment
    rules = models.JSONField(default=list, blank=True)
    status = models.CharField(max_length=10, choices=FlagStatus.choices, default=FlagStatus.OPEN)
    note = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-created_at"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["kind", "message"], name="one_flag_per_kind_message")
        ]

    def __str__(self) -> str:
        return f"{self.kind} on {self.message_id} ({self.status})"
