"""The guard's vocabulary: actions, escalation levels, verdicts, and how verdicts combine.

The level of a verdict is a function of its action (``LEVEL_OF``); a ``Verdict`` whose level
disagrees with its action is refused at construction, so no caller can build an emergency that
escalates as routine.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Action(StrEnum):
    """What the pipeline does with a patient message."""

    EMERGENCY = "emergency"
    CRISIS = "crisis"
    URGENT = "urgent"
    OUT_OF_SCOPE = "out_of_scope"
    HARMFUL = "harmful"
    INJECTION = "injection"
    ANSWER = "answer"


class Level(StrEnum):
    """How fast the care team must see the message."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    ROUTINE = "routine"
    NONE = "none"


LEVEL_OF: dict[Action, Level] = {
    Action.EMERGENCY: Level.EMERGENCY,
    Action.CRISIS: Level.EMERGENCY,
    Action.URGENT: Level.URGENT,
    Action.OUT_OF_SCOPE: Level.ROUTINE,
    Action.HARMFUL: Level.NONE,
    Action.INJECTION: Level.NONE,
    Action.ANSWER: Level.NONE,
}

# Severity order used both to pick the winning action among matched rules and to decide
# whether a second opinion raises a verdict. Clinical escalations outrank refusals: a
# message that is both a jailbreak attempt and a report of chest pain must reach the care
# team as an emergency (its reply is a fixed text that never goes to a model, so the
# attempt gains nothing). Refusals outrank routing to the care team, and routing outranks
# answering. Emergency outranks crisis because an emergency in progress (an overdose taken
# with suicidal intent) needs the emergency number first; the crisis text also gives it.
SEVERITY: dict[Action, int] = {
    Action.ANSWER: 0,
    Action.OUT_OF_SCOPE: 1,
    Action.INJECTION: 2,
    Action.HARMFUL: 3,
    Action.URGENT: 4,
    Action.CRISIS: 5,
    Action.EMERGENCY: 6,
}


@dataclass(frozen=True)
class Verdict:
    """The guard's decision on one patient message.

    ``rules`` lists every rule id that matched (winning action first, then the others), so
    the audit trail shows all signals; ``reason`` is a short sentence for staff.
    Raises ``ValueError`` if ``level`` is not the level of ``action``.
    """

    action: Action
    level: Level
    rules: tuple[str, ...]
    reason: str

    def __post_init__(self) -> None:
        if LEVEL_OF[self.action] is not self.level:
            raise ValueError(
                f"level {self.level.value!r} does not match action {self.action.value!r}"
            )

    @classmethod
    def of(cls, action: Action, rules: tuple[str, ...] = (), reason: str = "") -> Verdict:
        """Build a verdict whose level is derived from ``action``."""
        return cls(action=action, level=LEVEL_OF[action], rules=rules, reason=reason)


ANSWER = Verdict.of(Action.ANSWER, (), "no safety rule matched")


def combine(rule_verdict: Verdict, second_opinion: Verdict | None) -> Verdict:
    """Merge the rule verdict with an optional model-based second opinion.

    The second opinion may only raise severity (``SEVERITY``), never lower it: when it is
    absent, equal or milder, the rule verdict is returned unchanged. When it is stricter,
    its action wins, its level is re-derived from that action (a second opinion cannot
    smuggle in a mismatched level), and the rule ids of both are kept so the audit shows
    the rule signals and the model's.
    """
    if second_opinion is None:
        return rule_verdict
    if SEVERITY[second_opinion.action] <= SEVERITY[rule_verdict.action]:
        return rule_verdict
    rules = second_opinion.rules + tuple(
        r for r in rule_verdict.rules if r not in second_opinion.rules
    )
    reason = f"second opinion raised {rule_verdict.action.value} to {second_opinion.action.value}"
    if second_opinion.reason:
        reason += f": {second_opinion.reason}"
    return Verdict.of(second_opinion.action, rules, reason)
