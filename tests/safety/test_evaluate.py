"""The evaluation command on a small labelled sample kept with the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.safety import evaluate

DATA = Path(__file__).parent / "data"


def test_sample_meets_targets(capsys: pytest.CaptureFixture[str]) -> None:
    assert evaluate.main(["--dir", str(DATA)]) == 0
    out = capsys.readouterr().out
    assert "emergency+crisis recall 100.0%" in out
    assert "identifier recall 100.0%" in out


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    assert evaluate.main(["--dir", str(tmp_path)]) == 2


def test_miss_is_listed_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "screen-x.jsonl").write_text(
        '{"id": "m-1", "text": "what is an A1c", "expected": "emergency", "category": "c"}\n'
        "not json\n",
        encoding="utf-8",
    )
    assert evaluate.main(["--dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "m-1\temergency\tanswer" in out
    assert "invalid JSON" in out


def test_held_out_shows_counts_not_items(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "screen-x.jsonl").write_text(
        '{"id": "m-1", "text": "what is an A1c", "expected": "emergency", "category": "c"}\n',
        encoding="utf-8",
    )
    assert evaluate.main(["--dir", str(tmp_path), "--held-out"]) == 0
    out = capsys.readouterr().out
    assert "c: emergency -> answer: 1" in out
    assert "m-1" not in out
    assert "target missed" in out
