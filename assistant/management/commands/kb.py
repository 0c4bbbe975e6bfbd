"""python manage.py kb load [--approve-as NAME] | kb search --jsonl IN [--k 5]"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assistant.knowledge.index import search_jsonl
from assistant.selectors import library
from assistant.services import ARTICLES_DIR, article_versions_load


class Command(BaseCommand):
    help = "Knowledge base: load article files as versions, or search the approved library."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="Load article files; changed files become new versions.")
        load.add_argument("--folder", default=str(ARTICLES_DIR))
        load.add_argument(
            "--approve-as",
            help="Approve new versions at once under this reviewer name (seeding a library).",
        )
        search = sub.add_parser("search", help="Search: JSONL {id, text} in, results out.")
        search.add_argument("--jsonl", required=True, help="Input file, or - for stdin.")
        search.add_argument("--k", type=int, default=5)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "load":
            folder = Path(options["folder"])
            if not folder.is_dir():
                raise CommandError(f"No such folder: {folder}")
            report = article_versions_load(folder=folder, approve_as=options["approve_as"])
            self.stdout.write(
                f"{len(report.created)} new version(s), {len(report.approved)} approved, "
                f"{len(report.unchanged)} unchanged"
            )
            return
        index = library().index
        path = options["jsonl"]
        if path == "-":
            search_jsonl(index, sys.stdin, sys.stdout, options["k"])
            return
        try:
            with open(path, encoding="utf-8") as inp:
                search_jsonl(index, inp, sys.stdout, options["k"])
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from None
