"""Output guard: per-sentence checks, failing and passing sentences side by side."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pytest

from assistant.safety import RecordFacts, check_sentence
from assistant.safety.output import condition_on_record
from assistant.safety.support import lexical_support

RECORD = RecordFacts(
    conditions=("Type 2 diabetes mellitus", "Essential hypertension", "high blood pressure"),
    medications=(
        "Metformin 500 mg tablet, take 1 tablet by mouth twice daily",
        "Lisinopril 10 mg tablet daily",
    ),
)
PASSAGES = (
    "The A1c test shows your average blood sugar over the past two to three months.",
    "Metformin lowers the sugar your liver releases and helps your body respond to insulin.",
    "Eating less salt, staying active and limiting alcohol help lower blood pressure.",
    "Diabetes cannot be cured, but it can be managed well with care.",
)

CASES = [
    pytest.param(
        "Your A1c shows your average blood sugar over the past three months.", (), id="supported"
    ),
    pytest.param("Your metformin 500 mg is taken twice daily.", (), id="dose-from-record"),
    pytest.param("Take 1000 mg of metformin.", ("out.dose_number",), id="dose-not-in-record"),
    pytest.param(
        "Take two tablets of ibuprofen every 6 hours.",
        ("out.dose_number", "out.dosing_instruction"),
        id="dose-and-schedule",
    ),
    pytest.param("Your LDL goal is often under 100 mg/dL.", (), id="lab-unit-not-dose"),
    pytest.param(
        "You have type 2 diabetes and metformin helps your body respond to insulin.",
        (),
        id="diagnosis-on-record",
    ),
    pytest.param("You have chronic kidney disease.", ("out.new_diagnosis",), id="new-diagnosis"),
    pytest.param(
        "It sounds like you have an infection.", ("out.new_diagnosis",), id="sounds-like-diagnosis"
    ),
    pytest.param(
        "If you have high blood pressure, eating less salt helps.", (), id="conditional-not-claim"
    ),
    pytest.param(
        "You can stop taking your lisinopril.", ("out.treatment_change",), id="stop-advice"
    ),
    pytest.param(
        "Do not stop taking your metformin without talking to your care team.",
        (),
        id="safe-stop-advice",
    ),
    pytest.param("This diet will cure your diabetes.", ("out.cure_promise",), id="cure-promise"),
    pytest.param("Diabetes cannot be cured, but it can be managed well.", (), id="no-cure"),
    pytest.param("Please contact your care team if anything changes.", (), id="care-team"),
]


@pytest.mark.parametrize(("sentence", "rules"), CASES)
def test_check_sentence(sentence: str, rules: tuple[str, ...]) -> None:
    result = check_sentence(sentence, passages=PASSAGES, record=RECORD)
    failed = tuple(r for r in result.rules if r != "out.unsupported")
    assert failed == rules
    assert result.ok is (not result.rules)


@pytest.mark.parametrize(
    ("sentence", "supported"),
    [
        pytest.param("Metformin helps your body respond to insulin.", True, id="grounded"),
        pytest.param("Cinnamon capsules replace medicine for most people.", False, id="ungrounded"),
        pytest.param("Thanks for asking.", True, id="no-content-words"),
    ],
)
def test_unsupported(sentence: str, supported: bool) -> None:
    result = check_sentence(sentence, passages=PASSAGES, record=RECORD)
    assert ("out.unsupported" not in result.rules) is supported


@pytest.mark.parametrize(
    ("sentence", "ok"),
    [
        pytest.param(
            "I have nothing approved on that, but I can send your question to your care team.",
            True,
            id="offer-to-send",
        ),
        pytest.param("Your care team can help with that.", True, id="care-team-can-help"),
        pytest.param(
            "No tengo nada aprobado, pero puedo enviar su pregunta a su equipo de atención.",
            True,
            id="offer-to-send-es",
        ),
        pytest.param(
            "I can send your question to your care team, and meanwhile take 800 mg twice a day.",
            False,
            id="offer-does-not-cover-a-dose",
        ),
        pytest.param("Your care team prefers garlic to statins.", False, id="not-an-offer"),
    ],
)
def test_offers_to_reach_the_care_team_need_no_passage(sentence: str, ok: bool) -> None:
    """The backend's own "I can send this to your care team" is not an unsupported claim
    (dropping it raised a moderation flag for every question the library cannot answer)."""
    assert check_sentence(sentence, passages=PASSAGES, record=RECORD).ok is ok


def test_question_echo_is_not_support() -> None:
    question = "is it safe to drink alcohol with metformin"
    score = lexical_support(
        "It is safe to drink alcohol with metformin.", PASSAGES[:2], question=question
    )
    assert score < 0.5


def test_scorer_can_be_replaced() -> None:
    def strict(
        sentence: str,
        passages: Sequence[str],
        *,
        record_terms: Iterable[str] = (),
        question: str = "",
    ) -> float:
        return 0.0

    result = check_sentence(
        "Metformin helps your body.", passages=PASSAGES, record=RECORD, scorer=strict
    )
    assert result.rules == ("out.unsupported",)
    assert result.support == 0.0


@pytest.mark.parametrize(
    ("claimed", "expected"),
    [
        pytest.param("diabetes", True, id="word-in-record"),
        pytest.param("hypertension", True, id="alias"),
        pytest.param("prediabetes", False, id="different-condition"),
        pytest.param("asthma", False, id="absent"),
    ],
)
def test_condition_on_record(claimed: str, expected: bool) -> None:
    assert condition_on_record(claimed, RECORD) is expected


def test_prediabetes_record_does_not_allow_diabetes_claim() -> None:
    record = RecordFacts(conditions=("Prediabetes",))
    result = check_sentence("You have diabetes.", passages=("diabetes",), record=record)
    assert "out.new_diagnosis" in result.rules
