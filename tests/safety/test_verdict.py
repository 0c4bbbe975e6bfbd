"""Verdicts and the second-opinion merge, which may only raise severity."""

from __future__ import annotations

import pytest

from assistant.safety import Action, Level, Verdict, combine
from assistant.safety.verdict import LEVEL_OF

ORDER = [
    Action.ANSWER,
    Action.OUT_OF_SCOPE,
    Action.INJECTION,
    Action.HARMFUL,
    Action.URGENT,
    Action.CRISIS,
    Action.EMERGENCY,
]


def _v(action: Action, rule: str = "r") -> Verdict:
    return Verdict.of(action, (rule,), "why")


@pytest.mark.parametrize("rule_action", ORDER)
@pytest.mark.parametrize("model_action", ORDER)
def test_combine_never_lowers(rule_action: Action, model_action: Action) -> None:
    result = combine(_v(rule_action, "rule.x"), _v(model_action, "model.y"))
    expected = max(rule_action, model_action, key=ORDER.index)
    assert result.action is expected
    assert result.level is LEVEL_OF[expected]
    assert "rule.x" in result.rules


def test_combine_without_second_opinion() -> None:
    verdict = _v(Action.URGENT)
    assert combine(verdict, None) is verdict


@pytest.mark.parametrize(
    ("action", "level"),
    [
        pytest.param(Action.EMERGENCY, Level.EMERGENCY, id="emergency"),
        pytest.param(Action.CRISIS, Level.EMERGENCY, id="crisis"),
        pytest.param(Action.URGENT, Level.URGENT, id="urgent"),
        pytest.param(Action.OUT_OF_SCOPE, Level.ROUTINE, id="oos"),
        pytest.param(Action.HARMFUL, Level.NONE, id="harmful"),
        pytest.param(Action.INJECTION, Level.NONE, id="injection"),
        pytest.param(Action.ANSWER, Level.NONE, id="answer"),
    ],
)
def test_level_mapping(action: Action, level: Level) -> None:
    assert Verdict.of(action).level is level


def test_mismatched_level_is_refused() -> None:
    with pytest.raises(ValueError, match="does not match"):
        Verdict(Action.EMERGENCY, Level.ROUTINE, (), "")
