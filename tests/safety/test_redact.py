"""PHI redaction: identifiers replaced exactly, clinical words left alone."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.safety import PatientIdentifiers, Redactor

IDS = PatientIdentifiers(
    names=("Rosa Delgado",),
    birth_date=date(1961, 7, 9),
    mrn="MR-778812",
    ssn="321-54-9876",
    addresses=("48 Willow Avenue, Riverton, OH 44012",),
    phones=("(614) 555-0199",),
    emails=("rosa.d@example.net",),
    relatives=("Tomas Delgado",),
)

FOUND = [
    pytest.param("I am Rosa Delgado", "Rosa Delgado", "NAME", id="full-name"),
    pytest.param("rosa here", "rosa", "NAME", id="first-name-lowercase"),
    pytest.param("ask Tomas about it", "Tomas", "NAME", id="relative"),
    pytest.param("born 07/09/1961", "07/09/1961", "DATE", id="dob-numeric"),
    pytest.param("born July 9, 1961", "July 9, 1961", "DATE", id="dob-words"),
    pytest.param("born 1961-07-09", "1961-07-09", "DATE", id="dob-iso"),
    pytest.param("my chart MR778812 says", "MR778812", "MRN", id="mrn-no-dash"),
    pytest.param("ssn 321 54 9876", "321 54 9876", "SSN", id="ssn-spaces"),
    pytest.param("I live on 48 Willow Ave", "48 Willow Ave", "ADDRESS", id="address-abbrev"),
    pytest.param("near Riverton", "Riverton", "ADDRESS", id="city"),
    pytest.param("call 614.555.0199", "614.555.0199", "PHONE", id="phone-dots"),
    pytest.param("mail ROSA.D@example.net", "ROSA.D@example.net", "EMAIL", id="email-case"),
    pytest.param("write to j.smith@mail.org", "j.smith@mail.org", "EMAIL", id="email-general"),
    pytest.param("or 312-555-0123", "312-555-0123", "PHONE", id="phone-general"),
    pytest.param("ssn 123-45-6789", "123-45-6789", "SSN", id="ssn-general"),
    pytest.param("seen on 3/14/2023", "3/14/2023", "DATE", id="date-general"),
    pytest.param("on March 3rd, 2022", "March 3rd, 2022", "DATE", id="date-words"),
    pytest.param("el 14 de marzo de 2020", "14 de marzo de 2020", "DATE", id="date-spanish"),
    pytest.param("account number 99812345", "99812345", "ID", id="account"),
    pytest.param("member id XK4458812", "XK4458812", "ID", id="member-id"),
    pytest.param("MRN: 5566778", "5566778", "MRN", id="mrn-general"),
    pytest.param(
        "see https://portal.example.com/x", "https://portal.example.com/x", "URL", id="url"
    ),
    pytest.param("from 192.168.1.20", "192.168.1.20", "IP", id="ip"),
    pytest.param("I moved to 12 Main Street", "12 Main Street", "ADDRESS", id="street"),
    pytest.param("my name is Alma Ruiz", "Alma Ruiz", "NAME", id="name-introduced"),
    pytest.param("my daughter Lucia has a cough", "Lucia", "NAME", id="relative-introduced"),
    pytest.param("my son mateo has a cough", "mateo", "NAME", id="relative-lowercase"),
    pytest.param("me llamo Carmen", "Carmen", "NAME", id="spanish-name"),
    pytest.param("Dr. Okafor said so", "Okafor", "NAME", id="title"),
]


@pytest.mark.parametrize(("text", "value", "kind"), FOUND)
def test_identifiers_found(text: str, value: str, kind: str) -> None:
    redaction = Redactor(IDS).redact(text)
    found = {(text[s:e], k) for s, e, k in redaction.spans}
    assert (value, kind) in found
    assert value not in redaction.text


CLINICAL = [
    pytest.param("BP 140/90 and pulse 88", id="bp"),
    pytest.param("A1c 7.2% last month", id="a1c"),
    pytest.param("metformin 500 mg twice a day", id="dose"),
    pytest.param("lisinopril 10 mg, atorvastatin 40 mg", id="drugs"),
    pytest.param("LDL 130 mg/dL and eGFR 45", id="labs"),
    pytest.param("stage 3 chronic kidney disease", id="stage"),
    pytest.param("Type 2 diabetes and hypertension", id="conditions"),
    pytest.param("COVID-19 vaccine in 2021", id="vaccine-year"),
    pytest.param("take 1/2 tablet every 4-6 hours", id="fraction-schedule"),
    pytest.param("temperature 100.4 F", id="temperature"),
    pytest.param("vitamin B12 and vitamin D 1000 IU", id="vitamins"),
    pytest.param("I walk 10,000 steps, 150 minutes a week", id="exercise"),
    pytest.param("I am 67 years old", id="age"),
    pytest.param("I may need a flu shot", id="may-not-a-date"),
]


@pytest.mark.parametrize("text", CLINICAL)
def test_no_over_redaction(text: str) -> None:
    assert Redactor(IDS).redact(text).spans == ()


def test_placeholders_consistent_within_conversation() -> None:
    redactor = Redactor(IDS)
    first = redactor.redact("Rosa Delgado, phone (614) 555-0199")
    second = redactor.redact("call 614-555-0199 and ask for Rosa Delgado")
    assert first.text == "[NAME_1], phone [PHONE_1]"
    assert second.text == "call [PHONE_1] and ask for [NAME_1]"
    assert redactor.count == 2


def test_distinct_values_get_distinct_placeholders() -> None:
    redactor = Redactor()
    text = redactor.redact("my son Leo and my daughter Mia").text
    assert text == "my son [NAME_1] and my daughter [NAME_2]"


def test_dates_in_different_spellings_share_a_placeholder() -> None:
    redactor = Redactor(IDS)
    assert redactor.redact("born 07/09/1961").text == "born [DATE_1]"
    assert redactor.redact("born July 9, 1961").text == "born [DATE_1]"


def test_restore_round_trip() -> None:
    redactor = Redactor(IDS)
    original = "Hi, I'm Rosa Delgado (DOB 07/09/1961), email rosa.d@example.net"
    redacted = redactor.redact(original).text
    assert "Rosa" not in redacted
    assert redactor.restore(redacted) == original


def test_restore_leaves_unknown_placeholders() -> None:
    assert Redactor().restore("hello [NAME_9]") == "hello [NAME_9]"


def test_spans_index_original_text() -> None:
    text = "Call Rosa at 614 555 0199."
    redaction = Redactor(IDS).redact(text)
    assert [(text[s:e], k) for s, e, k in redaction.spans] == [
        ("Rosa", "NAME"),
        ("614 555 0199", "PHONE"),
    ]


def test_common_word_name_part_needs_capital() -> None:
    redactor = Redactor(PatientIdentifiers(names=("Will Hope",)))
    assert redactor.redact("I will hope for the best").spans == ()
    assert redactor.redact("Will came by").spans == ((0, 4, "NAME"),)
