"""python manage.py import_fhir PATH... [--care-team NAME]"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from portal.careteam.models import CareTeam
from portal.records.fhir_import import ImportRefused, bundle_files, import_bundle


class Command(BaseCommand):
    help = "Import FHIR R4 Bundles (files or folders); prints a JSON summary per bundle."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--care-team", help="Assign imported patients to this care team.")

    def handle(self, *args: Any, **options: Any) -> None:
        team = None
        if options["care_team"]:
            team, _ = CareTeam.objects.get_or_create(name=options["care_team"])
        files = bundle_files(options["paths"])
        if not files:
            raise CommandError("No bundle files found in the given paths.")
        refused = 0
        for path in files:
            try:
                summary = import_bundle(path, care_team=team)
            except ImportRefused as exc:
                refused += 1
                self.stderr.write(f"refused: {exc}")
                continue
            self.stdout.write(json.dumps(summary.as_dict()))
        if refused:
            raise CommandError(f"{refused} of {len(files)} bundle(s) refused; see above.")
