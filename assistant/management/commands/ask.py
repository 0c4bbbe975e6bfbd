"""python manage.py ask "question" [--patient MRN]: the answer with numbered citations.

Runs the same steps as the chat (input guard, retrieval, backend, output guard) without
storing anything.
"""

from __future__ import annotations

from typing import Any

from asgiref.sync import async_to_sync
from django.core.management.base import BaseCommand, CommandError, CommandParser

from assistant.backends.base import Sentence
from assistant.context import PatientContext, general_context, patient_context
from assistant.pipeline import guarded_answer
from assistant.replies import safety_reply
from assistant.retrieval import retrieve
from assistant.safety import Action, screen
from portal.records.models import Patient


class Command(BaseCommand):
    help = "Ask the assistant a question from the command line."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("question")
        parser.add_argument("--patient", help="Answer for the patient with this MRN.")

    def handle(self, *args: Any, **options: Any) -> None:
        question = options["question"]
        ctx = self._context(options["patient"])
        verdict = screen(question)
        if verdict.action is not Action.ANSWER:
            shown = safety_reply(
                verdict.action, emergency=ctx.emergency_number, crisis=ctx.crisis_line
            )
            self.stdout.write(f"[{verdict.action.value}: {', '.join(verdict.rules)}]")
            self.stdout.write(shown.text)
            return
        # async_to_sync keeps database work on this thread (and its connection).
        answer = async_to_sync(self._answer)(ctx, question)
        for sentence in answer.sentences:
            marks = "".join(f"[{n}]" for n in sentence.cites)
            self.stdout.write(f"{sentence.text} {marks}".rstrip())
        if answer.citations:
            self.stdout.write("")
            for c in answer.citations:
                self.stdout.write(f"[{c['n']}] {c['title']}, {c['section']}: {c['url']}")
        self.stdout.write(
            f"\n({answer.kind}, backend {answer.backend}, {len(answer.dropped)} "
            "sentence(s) dropped by the output guard)"
        )

    async def _answer(self, ctx: PatientContext, question: str) -> Any:
        passages = await retrieve(question, ctx)

        async def ignore(sentences: list[Sentence]) -> None:
            return None

        return await guarded_answer(ctx, question=question, passages=passages, on_sentences=ignore)

    def _context(self, mrn: str | None) -> PatientContext:
        if mrn is None:
            return general_context()
        patient = Patient.objects.filter(mrn=mrn).first()
        if patient is None:
            raise CommandError(f"No patient with MRN {mrn!r}.")
        return patient_context(patient, conversation_id=0)
