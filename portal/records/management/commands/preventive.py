"""python manage.py preventive --patient MRN [--json] [--date YYYY-MM-DD]"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from portal.records.models import Patient
from portal.records.preventive import recommendations_for


class Command(BaseCommand):
    help = "Print a patient's preventive-care recommendations."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--patient", required=True, help="The patient's MRN.")
        parser.add_argument("--json", action="store_true", help="One JSON document.")
        parser.add_argument("--date", help="Evaluate as of this day (default: today).")

    def handle(self, *args: Any, **options: Any) -> None:
        patient = Patient.objects.filter(mrn=options["patient"]).first()
        if patient is None:
            raise CommandError(f"No patient with MRN {options['patient']!r}.")
        try:
            today = date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError:
            raise CommandError("--date must look like 2026-11-25.") from None
        items = recommendations_for(patient, today=today)
        if options["json"]:
            rows = [
                {
                    "rule": i.rule_id,
                    "title": i.title,
                    "status": str(i.status),
                    "next_due": i.next_due.isoformat() if i.next_due else None,
                    "last_done": i.last_done.isoformat() if i.last_done else None,
                    "reason": i.reason,
                    "source": i.source_url,
                    "source_date": i.source_date.isoformat(),
                }
                for i in items
            ]
            self.stdout.write(
                json.dumps({"mrn": patient.mrn, "date": today.isoformat(), "items": rows}, indent=1)
            )
            return
        for i in items:
            due = f" (next due {i.next_due})" if i.next_due else ""
            self.stdout.write(f"{i.status:<15} {i.title}{due}\n  {i.reason}")
