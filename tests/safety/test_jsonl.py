"""Streaming JSONL front ends: one output line per input line, never a crash."""

from __future__ import annotations

import io
import json

import pytest

from assistant.safety import PatientIdentifiers, redact_jsonl, screen_jsonl


def _run_screen(lines: list[str]) -> list[dict[str, object]]:
    out = io.StringIO()
    count = screen_jsonl(io.StringIO("\n".join(lines) + "\n"), out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == len(rows)
    return rows


def test_screen_jsonl_fields() -> None:
    rows = _run_screen([json.dumps({"id": "a", "text": "I can't breathe"})])
    assert rows[0]["id"] == "a"
    assert rows[0]["action"] == "emergency"
    assert rows[0]["level"] == "emergency"
    assert rows[0]["rules"] == ["em.breathing"]
    assert isinstance(rows[0]["micros"], int)


@pytest.mark.parametrize(
    ("line", "has_id"),
    [
        pytest.param("not json", False, id="not-json"),
        pytest.param("[1, 2]", False, id="not-object"),
        pytest.param('{"id": 7}', True, id="missing-text"),
        pytest.param('{"id": 8, "text": 5}', True, id="text-not-string"),
    ],
)
def test_screen_jsonl_bad_lines(line: str, has_id: bool) -> None:
    rows = _run_screen([line, json.dumps({"id": "ok", "text": "what is an A1c"})])
    assert "error" in rows[0]
    assert ("id" in rows[0]) is has_id
    assert rows[1]["action"] == "answer"


def test_screen_jsonl_skips_blank_lines() -> None:
    rows = _run_screen(["", json.dumps({"id": 1, "text": "hello"}), "   "])
    assert len(rows) == 1


def test_screen_jsonl_many_lines_streams() -> None:
    lines = [json.dumps({"id": i, "text": "what is an A1c"}) for i in range(2000)]
    assert len(_run_screen(lines)) == 2000


def test_redact_jsonl_with_shared_and_per_line_identifiers() -> None:
    inp = io.StringIO(
        json.dumps({"id": 1, "text": "I'm Ana Soto"})
        + "\n"
        + json.dumps(
            {"id": 2, "text": "born 1950-02-03", "identifiers": {"birth_date": "1950-02-03"}}
        )
        + "\n"
        + json.dumps({"id": 3, "text": "x", "identifiers": {"birth_date": "not a date"}})
        + "\n"
    )
    out = io.StringIO()
    count = redact_jsonl(inp, out, PatientIdentifiers(names=("Ana Soto",)))
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert count == 3
    assert rows[0] == {"id": 1, "text": "I'm [NAME_1]", "spans": [[4, 12, "NAME"]]}
    assert rows[1]["spans"] == [[5, 15, "DATE"]]
    assert rows[2]["id"] == 3
    assert "birth_date" in rows[2]["error"]
