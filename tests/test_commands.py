"""The command-line tools: screen, redact, kb, ask, preventive."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.records.fhir_import import import_bundle

# database_sync_to_async closes a connection left in a transaction: no wrapping transaction.
pytestmark = pytest.mark.django_db(transaction=True)
FIXTURES = Path(__file__).resolve().parent.parent / "portal/records/fixtures/synthea"


def run(*args: str, capsys: Any) -> list[str]:
    call_command(*args)
    return capsys.readouterr().out.strip().splitlines()


def test_screen_streams_one_line_per_input(tmp_path: Path, capsys: Any) -> None:
    lines = [{"id": i, "text": t} for i, t in enumerate(["what is gout", "I can't breathe"] * 500)]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n")
    out = [json.loads(line) for line in run("screen", "--jsonl", str(path), capsys=capsys)]
    assert len(out) == 1001
    assert out[0]["action"] == "answer"
    assert out[1]["action"] == "emergency"
    assert "error" in out[-1]
    assert all(isinstance(x.get("micros", 0), int) for x in out)


def test_redact_uses_the_patients_identifiers(tmp_path: Path, capsys: Any) -> None:
    mrn = import_bundle(next(FIXTURES.glob("Louis_*.json"))).mrn
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "a", "text": f"I am Louis Maggio, MRN {mrn}, I take metformin"})
    )
    out = json.loads(run("redact", "--jsonl", str(path), "--patient", mrn, capsys=capsys)[0])
    assert "Maggio" not in out["text"]
    assert mrn not in out["text"]
    assert "metformin" in out["text"]
    assert {span[2] for span in out["spans"]} == {"NAME", "MRN"}
    with pytest.raises(CommandError, match="No patient"):
        call_command("redact", "--jsonl", str(path), "--patient", "nope")


def test_kb_load_and_search(tmp_path: Path, capsys: Any) -> None:
    assert "approved" in run("kb", "load", "--approve-as", "Test", capsys=capsys)[0]
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": 1, "text": "what is a1c"}\n{"id": 2, "text": "fix my car brakes"}\n')
    out = [
        json.loads(x) for x in run("kb", "search", "--jsonl", str(path), "--k", "3", capsys=capsys)
    ]
    assert out[0]["results"][0]["slug"] == "hba1c"
    assert {"slug", "title", "section", "score"} <= set(out[0]["results"][0])
    assert out[1]["results"] == []


def test_ask_prints_a_cited_answer_and_blocks_emergencies(capsys: Any, library: None) -> None:
    lines = run("ask", "what is gout", capsys=capsys)
    assert any("[1]" in line for line in lines)
    assert any(line.startswith("[1] Gout") for line in lines)
    lines = run("ask", "my husband is not breathing", capsys=capsys)
    assert lines[0].startswith("[emergency")
    assert "911" in " ".join(lines)


def test_preventive_json(capsys: Any) -> None:
    mrn = import_bundle(next(FIXTURES.glob("Tom_*.json"))).mrn
    data = json.loads(
        "\n".join(
            run("preventive", "--patient", mrn, "--json", "--date", "2026-11-25", capsys=capsys)
        )
    )
    rules = {item["rule"]: item for item in data["items"]}
    assert rules["colorectal-cancer-screening"]["status"] in ("due", "overdue", "up_to_date")
    assert rules["breast-cancer-screening"]["status"] == "not_applicable"  # male
    assert all(item["source"].startswith("https://") for item in data["items"])
