"""python manage.py screen --jsonl IN: the input guard over a JSONL file, streamed.

Input lines {"id", "text"}; output lines {"id", "action", "level", "rules", "micros"}.
Constant memory: one line in, one line out.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assistant.safety import screen_jsonl


class Command(BaseCommand):
    help = "Screen messages with the safety guard (JSONL in, JSONL out)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--jsonl", required=True, help="Input file, or - for stdin.")

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["jsonl"]
        if path == "-":
            screen_jsonl(sys.stdin, sys.stdout)
            return
        try:
            with open(path, encoding="utf-8") as inp:
                screen_jsonl(inp, sys.stdout)
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from None
