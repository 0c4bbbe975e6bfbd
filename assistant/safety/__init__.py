"""The safety guard: input screening, output checks and PHI redaction. Plain Python, no I/O.

- ``screen(text) -> Verdict``: what to do with a patient message (``screen.py``, rules in
  ``input_rules.py``, normalisation in ``normalize.py``).
- ``check_sentence(...) -> SentenceCheck``: whether a generated sentence may be streamed
  (``output.py``, support score in ``support.py``).
- ``Redactor`` / ``PatientIdentifiers``: PHI redaction before external model calls and
  restoring the reply (``redact.py``).
- ``screen_jsonl`` / ``redact_jsonl``: streaming batch front ends (``jsonl.py``).
- ``combine``: merge a model second opinion that may only raise severity (``verdict.py``).
"""

from assistant.safety.jsonl import redact_jsonl, screen_jsonl
from assistant.safety.output import RecordFacts, SentenceCheck, check_sentence
from assistant.safety.redact import PatientIdentifiers, Redaction, Redactor
from assistant.safety.screen import screen
from assistant.safety.verdict import Action, Level, Verdict, combine

__all__ = [
    "Action",
    "Level",
    "PatientIdentifiers",
    "RecordFacts",
    "Redaction",
    "Redactor",
    "SentenceCheck",
    "Verdict",
    "check_sentence",
    "combine",
    "redact_jsonl",
    "screen",
    "screen_jsonl",
]
