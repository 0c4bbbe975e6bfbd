"""python manage.py redact --jsonl IN [--patient MRN]: PHI redaction over JSONL, streamed.

Input lines {"id", "text"}; output lines {"id", "text", "spans": [[start, end, type]]}.
With --patient, the patient's own identifiers from the record are replaced exactly too.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assistant.context import patient_identifiers
from assistant.safety import redact_jsonl
from portal.records.models import Patient


class Command(BaseCommand):
    help = "Redact identifiers from text (JSONL in, JSONL out)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--jsonl", required=True, help="Input file, or - for stdin.")
        parser.add_argument("--patient", help="MRN of the patient whose identifiers to use.")

    def handle(self, *args: Any, **options: Any) -> None:
        identifiers = None
        if options["patient"]:
            patient = Patient.objects.filter(mrn=options["patient"]).first()
            if patient is None:
                raise CommandError(f"No patient with MRN {options['patient']!r}.")
            identifiers = patient_identifiers(patient)
        path = options["jsonl"]
        if path == "-":
            redact_jsonl(sys.stdin, sys.stdout, identifiers)
            return
        try:
            with open(path, encoding="utf-8") as inp:
                redact_jsonl(inp, sys.stdout, identifiers)
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from None
