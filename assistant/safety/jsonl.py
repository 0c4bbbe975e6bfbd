"""Streaming JSONL front ends for batch screening and redaction (management commands).

Both read one JSON object per line and write one per line, holding nothing but the current
line: memory stays constant however long the input is. A line that cannot be handled (not
JSON, not an object, missing or mistyped fields) produces an output line with an "error"
key (and the "id" when one was readable) instead of stopping the run. Blank lines are
skipped.
"""

from __future__ import annotations

import json
import time
from datetime import date
from typing import Any, TextIO

from assistant.safety.redact import PatientIdentifiers, Redactor
from assistant.safety.screen import screen

_IDENTIFIER_LISTS = ("names", "addresses", "phones", "emails", "relatives")


class LineError(ValueError):
    """A line that cannot be processed; the message goes to the output line."""


def _parse(line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise LineError(f"invalid JSON: {exc.msg}") from exc
    if not isinstance(record, dict):
        raise LineError("line is not a JSON object")
    if not isinstance(record.get("text"), str):
        raise LineError('missing or non-string "text"')
    return record


def _write(out: TextIO, payload: dict[str, Any]) -> None:
    out.write(json.dumps(payload, ensure_ascii=False) + "\n")


def _error(out: TextIO, line: str, message: str) -> None:
    payload: dict[str, Any] = {"error": message}
    try:
        record = json.loads(line)
        if isinstance(record, dict) and "id" in record:
            payload = {"id": record["id"], "error": message}
    except json.JSONDecodeError:
        pass
    _write(out, payload)


def screen_jsonl(inp: TextIO, out: TextIO) -> int:
    """Screen each line {"id", "text"}; write {"id", "action", "level", "rules", "micros"}.

    ``micros`` is the screening time in microseconds. Returns the number of lines written
    (including error lines).
    """
    written = 0
    for line in inp:
        if not line.strip():
            continue
        try:
            record = _parse(line)
            started = time.perf_counter_ns()
            verdict = screen(record["text"])
            micros = (time.perf_counter_ns() - started) // 1000
            _write(
                out,
                {
                    "id": record.get("id"),
                    "action": verdict.action.value,
                    "level": verdict.level.value,
                    "rules": list(verdict.rules),
                    "micros": micros,
                },
            )
        except LineError as exc:
            _error(out, line, str(exc))
        written += 1
    return written


def identifiers_from_json(data: Any) -> PatientIdentifiers:
    """Build ``PatientIdentifiers`` from a JSON object (``birth_date`` as ISO string).

    Raises ``LineError`` on a wrong type or an invalid date.
    """
    if data is None:
        return PatientIdentifiers()
    if not isinstance(data, dict):
        raise LineError('"identifiers" is not an object')
    fields: dict[str, Any] = {}
    for key in _IDENTIFIER_LISTS:
        value = data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise LineError(f'"{key}" must be a list of strings')
        fields[key] = tuple(value)
    for key in ("mrn", "ssn"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise LineError(f'"{key}" must be a string')
        fields[key] = value
    birth = data.get("birth_date")
    if birth is not None:
        try:
            fields["birth_date"] = date.fromisoformat(str(birth))
        except ValueError as exc:
            raise LineError(f'invalid "birth_date": {birth!r}') from exc
    return PatientIdentifiers(**fields)


def redact_jsonl(inp: TextIO, out: TextIO, identifiers: PatientIdentifiers | None) -> int:
    """Redact each line {"id", "text"}; write {"id", "text", "spans": [[start, end, type]]}.

    ``identifiers`` apply to every line; a line may carry its own "identifiers" object,
    which then replaces them for that line. Each line is redacted independently (its own
    placeholders). Returns the number of lines written (including error lines).
    """
    written = 0
    for line in inp:
        if not line.strip():
            continue
        try:
            record = _parse(line)
            ids = identifiers
            if "identifiers" in record:
                ids = identifiers_from_json(record["identifiers"])
            redaction = Redactor(ids).redact(record["text"])
            _write(
                out,
                {
                    "id": record.get("id"),
                    "text": redaction.text,
                    "spans": [list(span) for span in redaction.spans],
                },
            )
        except LineError as exc:
            _error(out, line, str(exc))
        written += 1
    return written
