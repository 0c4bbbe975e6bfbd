"""The rules engine, rule by rule: boundary ages, sex, risk factors, recent vs overdue.

Every case is a person of an exact age on TODAY (2025-03-15) unless the row sets
`today`. Status names: due, overdue, up_to_date, not_applicable.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, cast

import pytest
from django.utils import translation

from portal.preventive.engine import (
    GRACE_DAYS,
    PatientFacts,
    Recommendation,
    Status,
    Translator,
    add_months,
    age_on,
    evaluate,
    season_start,
    status_for,
)
from portal.preventive.rules import RULES
from tests.preventive.helpers import (
    TODAY,
    days_ago,
    kwargs,
    months_ago,
    person,
    recommendation,
    years_ago,
)

NA, DUE, OVERDUE, OK = "not_applicable", "due", "overdue", "up_to_date"

CASES = [
    # ----- colorectal-cancer-screening: 45 to 75, several tests -----
    pytest.param("colorectal-cancer-screening", kwargs(age=44), NA, id="crc-44"),
    pytest.param("colorectal-cancer-screening", kwargs(age=45), DUE, id="crc-45-never"),
    pytest.param("colorectal-cancer-screening", kwargs(age=75), DUE, id="crc-75-never"),
    pytest.param("colorectal-cancer-screening", kwargs(age=76), NA, id="crc-76"),
    pytest.param("colorectal-cancer-screening", kwargs(age=50, sex="male"), DUE, id="crc-man"),
    pytest.param(
        "colorectal-cancer-screening",
        kwargs(age=60, events={"colonoscopy": [years_ago(3)]}),
        OK,
        id="crc-colonoscopy-3y",
    ),
    pytest.param(
        "colorectal-cancer-screening",
        kwargs(age=60, events={"colonoscopy": [days_ago(3650 + 40)]}),
        DUE,
        id="crc-colonoscopy-just-past-10y",
    ),
    pytest.param(
        "colorectal-cancer-screening",
        kwargs(age=60, events={"colonoscopy": [years_ago(11)]}),
        OVERDUE,
        id="crc-colonoscopy-11y",
    ),
    pytest.param(
        "colorectal-cancer-screening",
        kwargs(age=60, events={"fit": [months_ago(6)]}),
        OK,
        id="crc-fit-6m",
    ),
    pytest.param(
        "colorectal-cancer-screening",
        kwargs(age=60, events={"fit": [months_ago(14)]}),
        DUE,
        id="crc-fit-14m",
    ),
    pytest.param(
        "colorectal-cancer-screening",
        kwargs(age=60, events={"fobt": [years_ago(2)]}),
        OVERDUE,
        id="crc-fobt-2y",
    ),
    pytest.param(
        "colorectal-cancer-screening",
        kwargs(age=60, events={"stool_dna": [years_ago(2)]}),
        OK,
        id="crc-stool-dna-2y",
    ),
    pytest.param(
        "colorectal-cancer-screening",
        kwargs(age=60, events={"stool_dna": [years_ago(4)]}),
        OVERDUE,
        id="crc-stool-dna-4y",
    ),
    pytest.param(
        "colorectal-cancer-screening",
        kwargs(age=60, events={"ct_colonography": [years_ago(4)]}),
        OK,
        id="crc-ct-colonography-4y",
    ),
    pytest.param(
        "colorectal-cancer-screening",
        kwargs(age=60, events={"sigmoidoscopy": [years_ago(6)]}),
        OVERDUE,
        id="crc-sigmoidoscopy-6y",
    ),
    pytest.param(
        "colorectal-cancer-screening",
        kwargs(age=60, events={"colonoscopy": [years_ago(11)], "fit": [months_ago(3)]}),
        OK,
        id="crc-old-colonoscopy-recent-fit",
    ),
    pytest.param(
        "colorectal-cancer-screening",
        kwargs(age=60, conditions=["colorectal_cancer"]),
        NA,
        id="crc-has-colon-cancer",
    ),
    # ----- breast-cancer-screening: women 40 to 74, every 2 years -----
    pytest.param("breast-cancer-screening", kwargs(age=39), NA, id="breast-39"),
    pytest.param("breast-cancer-screening", kwargs(age=40), DUE, id="breast-40"),
    pytest.param("breast-cancer-screening", kwargs(age=74), DUE, id="breast-74"),
    pytest.param("breast-cancer-screening", kwargs(age=75), NA, id="breast-75"),
    pytest.param("breast-cancer-screening", kwargs(age=50, sex="male"), NA, id="breast-man"),
    pytest.param(
        "breast-cancer-screening", kwargs(age=50, sex="unknown"), NA, id="breast-sex-unknown"
    ),
    pytest.param(
        "breast-cancer-screening",
        kwargs(age=50, events={"mammogram": [years_ago(1)]}),
        OK,
        id="breast-mammogram-1y",
    ),
    pytest.param(
        "breast-cancer-screening",
        kwargs(age=50, events={"mammogram": [days_ago(730 + 30)]}),
        DUE,
        id="breast-mammogram-2y-1m",
    ),
    pytest.param(
        "breast-cancer-screening",
        kwargs(age=50, events={"mammogram": [years_ago(3)]}),
        OVERDUE,
        id="breast-mammogram-3y",
    ),
    # ----- cervical-cancer-screening: women 21 to 65 with a cervix -----
    pytest.param("cervical-cancer-screening", kwargs(age=20), NA, id="cervix-20"),
    pytest.param("cervical-cancer-screening", kwargs(age=21), DUE, id="cervix-21"),
    pytest.param("cervical-cancer-screening", kwargs(age=65), DUE, id="cervix-65"),
    pytest.param("cervical-cancer-screening", kwargs(age=66), NA, id="cervix-66"),
    pytest.param("cervical-cancer-screening", kwargs(age=35, sex="male"), NA, id="cervix-man"),
    pytest.param(
        "cervical-cancer-screening",
        kwargs(age=35, conditions=["hysterectomy"]),
        NA,
        id="cervix-hysterectomy",
    ),
    pytest.param(
        "cervical-cancer-screening",
        kwargs(age=25, events={"pap": [years_ago(2)]}),
        OK,
        id="cervix-25-pap-2y",
    ),
    pytest.param(
        "cervical-cancer-screening",
        kwargs(age=29, events={"hpv_test": [years_ago(1)]}),
        DUE,
        id="cervix-29-hpv-alone-does-not-count",
    ),
    pytest.param(
        "cervical-cancer-screening",
        kwargs(age=40, events={"hpv_test": [years_ago(4)]}),
        OK,
        id="cervix-40-hpv-4y",
    ),
    pytest.param(
        "cervical-cancer-screening",
        kwargs(age=40, events={"pap": [years_ago(4)]}),
        OVERDUE,
        id="cervix-40-pap-4y",
    ),
    # ----- lung-cancer-screening: 50 to 80, 20 pack-years, smoking now or quit < 15 y -----
    pytest.param(
        "lung-cancer-screening",
        kwargs(age=49, smoking="current", pack_years=30),
        NA,
        id="lung-49",
    ),
    pytest.param(
        "lung-cancer-screening",
        kwargs(age=50, smoking="current", pack_years=20),
        DUE,
        id="lung-50-current-20py",
    ),
    pytest.param(
        "lung-cancer-screening",
        kwargs(age=80, smoking="current", pack_years=40),
        DUE,
        id="lung-80",
    ),
    pytest.param(
        "lung-cancer-screening",
        kwargs(age=81, smoking="current", pack_years=40),
        NA,
        id="lung-81",
    ),
    pytest.param(
        "lung-cancer-screening",
        kwargs(age=60, smoking="current", pack_years=19.5),
        NA,
        id="lung-under-20py",
    ),
    pytest.param("lung-cancer-screening", kwargs(age=60), NA, id="lung-never-smoked"),
    pytest.param(
        "lung-cancer-screening", kwargs(age=60, smoking="unknown"), NA, id="lung-smoking-unknown"
    ),
    pytest.param(
        "lung-cancer-screening",
        kwargs(age=60, smoking="current"),
        NA,
        id="lung-pack-years-unknown",
    ),
    pytest.param(
        "lung-cancer-screening",
        kwargs(age=60, smoking="former", pack_years=30, quit_year=2010),
        DUE,
        id="lung-quit-15y-ago",
    ),
    pytest.param(
        "lung-cancer-screening",
        kwargs(age=60, smoking="former", pack_years=30, quit_year=2009),
        NA,
        id="lung-quit-16y-ago",
    ),
    pytest.param(
        "lung-cancer-screening",
        kwargs(age=60, smoking="former", pack_years=30),
        NA,
        id="lung-quit-year-unknown",
    ),
    pytest.param(
        "lung-cancer-screening",
        kwargs(age=60, smoking="current", pack_years=30, events={"ldct": [months_ago(6)]}),
        OK,
        id="lung-ldct-6m",
    ),
    pytest.param(
        "lung-cancer-screening",
        kwargs(age=60, smoking="current", pack_years=30, events={"ldct": [months_ago(13)]}),
        DUE,
        id="lung-ldct-13m",
    ),
    pytest.param(
        "lung-cancer-screening",
        kwargs(age=60, smoking="current", pack_years=30, events={"ldct": [years_ago(2)]}),
        OVERDUE,
        id="lung-ldct-2y",
    ),
    # ----- blood-pressure-screening: 18+, yearly from 40 or with risk, else every 3 y -----
    pytest.param("blood-pressure-screening", kwargs(age=17), NA, id="bp-17"),
    pytest.param("blood-pressure-screening", kwargs(age=18), DUE, id="bp-18-never"),
    pytest.param(
        "blood-pressure-screening",
        kwargs(age=30, events={"bp_measured": [years_ago(2)]}),
        OK,
        id="bp-30-2y-no-risk",
    ),
    pytest.param(
        "blood-pressure-screening",
        kwargs(age=30, bmi=27.0, events={"bp_measured": [years_ago(2)]}),
        OVERDUE,
        id="bp-30-2y-overweight",
    ),
    pytest.param(
        "blood-pressure-screening",
        kwargs(age=39, events={"bp_measured": [years_ago(4)]}),
        OVERDUE,
        id="bp-39-4y",
    ),
    pytest.param(
        "blood-pressure-screening",
        kwargs(age=40, events={"bp_measured": [years_ago(2)]}),
        OVERDUE,
        id="bp-40-2y",
    ),
    pytest.param(
        "blood-pressure-screening",
        kwargs(age=40, events={"bp_measured": [months_ago(6)]}),
        OK,
        id="bp-40-6m",
    ),
    pytest.param(
        "blood-pressure-screening",
        kwargs(age=50, conditions=["hypertension"]),
        NA,
        id="bp-has-hypertension",
    ),
    # ----- diabetes-screening: 35 to 70 with BMI >= 25, every 3 years -----
    pytest.param("diabetes-screening", kwargs(age=34, bmi=30.0), NA, id="dm-34"),
    pytest.param("diabetes-screening", kwargs(age=35, bmi=30.0), DUE, id="dm-35-bmi-30"),
    pytest.param("diabetes-screening", kwargs(age=70, bmi=25.0), DUE, id="dm-70-bmi-25"),
    pytest.param("diabetes-screening", kwargs(age=71, bmi=30.0), NA, id="dm-71"),
    pytest.param("diabetes-screening", kwargs(age=50, bmi=24.9), NA, id="dm-bmi-under-25"),
    pytest.param("diabetes-screening", kwargs(age=50), NA, id="dm-bmi-unknown"),
    pytest.param(
        "diabetes-screening", kwargs(age=50, conditions=["obesity"]), DUE, id="dm-obesity-tag"
    ),
    pytest.param(
        "diabetes-screening",
        kwargs(age=50, bmi=30.0, conditions=["diabetes"]),
        NA,
        id="dm-has-diabetes",
    ),
    pytest.param(
        "diabetes-screening",
        kwargs(age=50, bmi=30.0, events={"a1c": [years_ago(2)]}),
        OK,
        id="dm-a1c-2y",
    ),
    pytest.param(
        "diabetes-screening",
        kwargs(age=50, bmi=30.0, events={"glucose": [years_ago(4)]}),
        OVERDUE,
        id="dm-glucose-4y",
    ),
    # ----- statin-use: 40 to 75 with a risk factor, no CVD, no statin -----
    pytest.param("statin-use", kwargs(age=39, conditions=["hypertension"]), NA, id="statin-39"),
    pytest.param("statin-use", kwargs(age=40, conditions=["hypertension"]), DUE, id="statin-40"),
    pytest.param("statin-use", kwargs(age=75, conditions=["diabetes"]), DUE, id="statin-75"),
    pytest.param("statin-use", kwargs(age=76, conditions=["diabetes"]), NA, id="statin-76"),
    pytest.param("statin-use", kwargs(age=50), NA, id="statin-no-risk"),
    pytest.param("statin-use", kwargs(age=50, smoking="current"), DUE, id="statin-smoker"),
    pytest.param("statin-use", kwargs(age=50, smoking="former"), NA, id="statin-former-smoker"),
    pytest.param(
        "statin-use",
        kwargs(age=50, conditions=["hyperlipidemia"], meds=["Atorvastatin 20 MG Oral Tablet"]),
        NA,
        id="statin-already-by-name",
    ),
    pytest.param(
        "statin-use",
        kwargs(age=50, conditions=["hyperlipidemia"], meds=["statin"]),
        NA,
        id="statin-already-by-tag",
    ),
    pytest.param(
        "statin-use",
        kwargs(age=50, conditions=["hypertension", "coronary_disease"]),
        NA,
        id="statin-has-heart-disease",
    ),
    pytest.param(
        "statin-use", kwargs(age=50, conditions=["hypertension", "stroke"]), NA, id="statin-stroke"
    ),
    # ----- hepatitis-b-screening: 18+, once -----
    pytest.param("hepatitis-b-screening", kwargs(age=17), NA, id="hbv-screen-17"),
    pytest.param("hepatitis-b-screening", kwargs(age=18), DUE, id="hbv-screen-18"),
    pytest.param("hepatitis-b-screening", kwargs(age=90), DUE, id="hbv-screen-90"),
    pytest.param(
        "hepatitis-b-screening",
        kwargs(age=40, events={"hbv_test": [years_ago(10)]}),
        OK,
        id="hbv-screen-done-10y-ago",
    ),
    pytest.param(
        "hepatitis-b-screening",
        kwargs(age=40, conditions=["hepatitis_b"]),
        NA,
        id="hbv-screen-has-hepatitis-b",
    ),
    # ----- hepatitis-c-screening: 18 to 79, once -----
    pytest.param("hepatitis-c-screening", kwargs(age=17), NA, id="hcv-17"),
    pytest.param("hepatitis-c-screening", kwargs(age=18), DUE, id="hcv-18"),
    pytest.param("hepatitis-c-screening", kwargs(age=79), DUE, id="hcv-79"),
    pytest.param("hepatitis-c-screening", kwargs(age=80), NA, id="hcv-80"),
    pytest.param(
        "hepatitis-c-screening",
        kwargs(age=40, events={"hcv_test": [years_ago(5)]}),
        OK,
        id="hcv-done",
    ),
    pytest.param(
        "hepatitis-c-screening",
        kwargs(age=40, conditions=["hepatitis_c"]),
        NA,
        id="hcv-has-hepatitis-c",
    ),
    # ----- hiv-screening: 15 to 65, at least once -----
    pytest.param("hiv-screening", kwargs(age=14), NA, id="hiv-14"),
    pytest.param("hiv-screening", kwargs(age=15), DUE, id="hiv-15"),
    pytest.param("hiv-screening", kwargs(age=65), DUE, id="hiv-65"),
    pytest.param("hiv-screening", kwargs(age=66), NA, id="hiv-66"),
    pytest.param(
        "hiv-screening", kwargs(age=30, events={"hiv_test": [years_ago(8)]}), OK, id="hiv-done"
    ),
    pytest.param("hiv-screening", kwargs(age=30, conditions=["hiv"]), NA, id="hiv-has-hiv"),
    # ----- depression-screening: adults, yearly -----
    pytest.param("depression-screening", kwargs(age=17), NA, id="depression-17"),
    pytest.param("depression-screening", kwargs(age=18), DUE, id="depression-18"),
    pytest.param("depression-screening", kwargs(age=90), DUE, id="depression-90"),
    pytest.param(
        "depression-screening",
        kwargs(age=40, events={"phq": [months_ago(6)]}),
        OK,
        id="depression-6m",
    ),
    pytest.param(
        "depression-screening",
        kwargs(age=40, events={"phq": [months_ago(13)]}),
        DUE,
        id="depression-13m",
    ),
    pytest.param(
        "depression-screening",
        kwargs(age=40, events={"phq": [years_ago(2)]}),
        OVERDUE,
        id="depression-2y",
    ),
    pytest.param(
        "depression-screening",
        kwargs(age=40, conditions=["depression"]),
        NA,
        id="depression-diagnosed",
    ),
    # ----- anxiety-screening: 18 to 64, yearly -----
    pytest.param("anxiety-screening", kwargs(age=17), NA, id="anxiety-17"),
    pytest.param("anxiety-screening", kwargs(age=18), DUE, id="anxiety-18"),
    pytest.param("anxiety-screening", kwargs(age=64), DUE, id="anxiety-64"),
    pytest.param("anxiety-screening", kwargs(age=65), NA, id="anxiety-65"),
    pytest.param(
        "anxiety-screening", kwargs(age=30, events={"gad": [months_ago(6)]}), OK, id="anxiety-6m"
    ),
    pytest.param(
        "anxiety-screening", kwargs(age=30, conditions=["anxiety"]), NA, id="anxiety-diagnosed"
    ),
    # ----- osteoporosis-screening: women 65+, 50 to 64 with a risk factor, once -----
    pytest.param("osteoporosis-screening", kwargs(age=49), NA, id="bone-49"),
    pytest.param("osteoporosis-screening", kwargs(age=64), NA, id="bone-64-no-risk"),
    pytest.param("osteoporosis-screening", kwargs(age=65), DUE, id="bone-65"),
    pytest.param(
        "osteoporosis-screening", kwargs(age=64, smoking="current"), DUE, id="bone-64-smoker"
    ),
    pytest.param("osteoporosis-screening", kwargs(age=55, bmi=19.0), DUE, id="bone-55-low-bmi"),
    pytest.param(
        "osteoporosis-screening",
        kwargs(age=55, conditions=["fracture"]),
        DUE,
        id="bone-55-fracture",
    ),
    pytest.param("osteoporosis-screening", kwargs(age=70, sex="male"), NA, id="bone-man"),
    pytest.param(
        "osteoporosis-screening", kwargs(age=70, sex="unknown"), NA, id="bone-sex-unknown"
    ),
    pytest.param(
        "osteoporosis-screening",
        kwargs(age=70, events={"dexa": [years_ago(5)]}),
        OK,
        id="bone-done-5y-ago",
    ),
    pytest.param(
        "osteoporosis-screening",
        kwargs(age=70, conditions=["osteoporosis"]),
        NA,
        id="bone-has-osteoporosis",
    ),
    # ----- aaa-screening: men 65 to 75 who ever smoked, once -----
    pytest.param("aaa-screening", kwargs(age=64, sex="male", smoking="former"), NA, id="aaa-64"),
    pytest.param("aaa-screening", kwargs(age=65, sex="male", smoking="former"), DUE, id="aaa-65"),
    pytest.param(
        "aaa-screening", kwargs(age=75, sex="male", smoking="current"), DUE, id="aaa-75-current"
    ),
    pytest.param("aaa-screening", kwargs(age=76, sex="male", smoking="former"), NA, id="aaa-76"),
    pytest.param("aaa-screening", kwargs(age=70, sex="male"), NA, id="aaa-never-smoked"),
    pytest.param(
        "aaa-screening", kwargs(age=70, sex="male", smoking="unknown"), NA, id="aaa-unknown"
    ),
    pytest.param("aaa-screening", kwargs(age=70, smoking="former"), NA, id="aaa-woman"),
    pytest.param(
        "aaa-screening",
        kwargs(age=70, sex="male", smoking="former", events={"aaa_ultrasound": [years_ago(3)]}),
        OK,
        id="aaa-done",
    ),
    # ----- falls-prevention: 65+ with a fall or osteoporosis -----
    pytest.param("falls-prevention", kwargs(age=64, conditions=["fall"]), NA, id="falls-64"),
    pytest.param("falls-prevention", kwargs(age=65, conditions=["fall"]), DUE, id="falls-65-fall"),
    pytest.param(
        "falls-prevention",
        kwargs(age=65, conditions=["osteoporosis"]),
        DUE,
        id="falls-65-osteoporosis",
    ),
    pytest.param("falls-prevention", kwargs(age=80), NA, id="falls-no-risk"),
    # ----- tobacco-counseling: adults who smoke -----
    pytest.param("tobacco-counseling", kwargs(age=17, smoking="current"), NA, id="tobacco-17"),
    pytest.param("tobacco-counseling", kwargs(age=18, smoking="current"), DUE, id="tobacco-18"),
    pytest.param("tobacco-counseling", kwargs(age=40, smoking="former"), NA, id="tobacco-former"),
    pytest.param(
        "tobacco-counseling",
        kwargs(age=40, smoking="current", events={"tobacco_counseling": [months_ago(6)]}),
        OK,
        id="tobacco-counseled-6m",
    ),
    pytest.param(
        "tobacco-counseling",
        kwargs(age=40, smoking="current", events={"tobacco_counseling": [years_ago(2)]}),
        OVERDUE,
        id="tobacco-counseled-2y",
    ),
    # ----- flu-vaccine and covid-vaccine: every season from August 1 -----
    pytest.param("flu-vaccine", kwargs(age=17), NA, id="flu-17"),
    pytest.param(
        "flu-vaccine",
        kwargs(age=40, events={"vax:flu": [date(2024, 10, 1)]}),
        OK,
        id="flu-this-season",
    ),
    pytest.param(
        "flu-vaccine",
        kwargs(age=40, events={"vax:flu": [date(2024, 7, 20)]}),
        OVERDUE,
        id="flu-last-season-checked-in-march",
    ),
    pytest.param(
        "flu-vaccine",
        kwargs(age=40, today=date(2025, 9, 15)),
        DUE,
        id="flu-none-september",
    ),
    pytest.param(
        "flu-vaccine",
        kwargs(age=40, today=date(2025, 10, 30)),
        DUE,
        id="flu-none-october-30",
    ),
    pytest.param(
        "flu-vaccine",
        kwargs(age=40, today=date(2025, 11, 15)),
        OVERDUE,
        id="flu-none-november",
    ),
    pytest.param(
        "flu-vaccine",
        kwargs(age=40, today=date(2025, 8, 1), events={"vax:flu": [date(2025, 8, 1)]}),
        OK,
        id="flu-on-season-start",
    ),
    pytest.param(
        "covid-vaccine",
        kwargs(age=70, events={"vax:covid": [date(2024, 9, 20)]}),
        OK,
        id="covid-this-season",
    ),
    pytest.param(
        "covid-vaccine",
        kwargs(age=70, today=date(2025, 9, 1), events={"vax:covid": [date(2024, 9, 20)]}),
        DUE,
        id="covid-new-season",
    ),
    pytest.param("covid-vaccine", kwargs(age=17), NA, id="covid-17"),
    # ----- tdap-vaccine: one Tdap, then Td or Tdap every 10 years -----
    pytest.param("tdap-vaccine", kwargs(age=18), NA, id="tdap-18"),
    pytest.param("tdap-vaccine", kwargs(age=19), DUE, id="tdap-19-never"),
    pytest.param(
        "tdap-vaccine",
        kwargs(age=40, events={"vax:td": [years_ago(2)]}),
        DUE,
        id="tdap-recent-td-but-never-tdap",
    ),
    pytest.param(
        "tdap-vaccine", kwargs(age=40, events={"vax:tdap": [years_ago(5)]}), OK, id="tdap-5y"
    ),
    pytest.param(
        "tdap-vaccine",
        kwargs(age=40, events={"vax:tdap": [years_ago(12)], "vax:td": [years_ago(3)]}),
        OK,
        id="tdap-then-td-booster",
    ),
    pytest.param(
        "tdap-vaccine",
        kwargs(age=40, events={"vax:tdap": [days_ago(3652 + 30)]}),
        DUE,
        id="tdap-10y-1m",
    ),
    pytest.param(
        "tdap-vaccine",
        kwargs(age=40, events={"vax:tdap": [years_ago(12)]}),
        OVERDUE,
        id="tdap-12y",
    ),
    # ----- shingles-vaccine: 50+, 2 doses 2 to 6 months apart -----
    pytest.param("shingles-vaccine", kwargs(age=49), NA, id="shingles-49"),
    pytest.param("shingles-vaccine", kwargs(age=50), DUE, id="shingles-50"),
    pytest.param(
        "shingles-vaccine",
        kwargs(age=60, events={"vax:zoster": [months_ago(1)]}),
        OK,
        id="shingles-second-not-yet",
    ),
    pytest.param(
        "shingles-vaccine",
        kwargs(age=60, events={"vax:zoster": [months_ago(3)]}),
        DUE,
        id="shingles-second-in-window",
    ),
    pytest.param(
        "shingles-vaccine",
        kwargs(age=60, events={"vax:zoster": [months_ago(8)]}),
        OVERDUE,
        id="shingles-second-late",
    ),
    pytest.param(
        "shingles-vaccine",
        kwargs(age=60, events={"vax:zoster": [months_ago(8), months_ago(5)]}),
        OK,
        id="shingles-both-doses",
    ),
    pytest.param(
        "shingles-vaccine",
        kwargs(age=75, events={"vax:zoster:live": [years_ago(10)]}),
        DUE,
        id="shingles-only-live-vaccine",
    ),
    # ----- pneumococcal-vaccine: 50+, or 19 to 49 with a risk condition -----
    pytest.param("pneumococcal-vaccine", kwargs(age=18, conditions=["diabetes"]), NA, id="pcv-18"),
    pytest.param("pneumococcal-vaccine", kwargs(age=49), NA, id="pcv-49-no-risk"),
    pytest.param("pneumococcal-vaccine", kwargs(age=50), DUE, id="pcv-50"),
    pytest.param(
        "pneumococcal-vaccine", kwargs(age=19, conditions=["diabetes"]), DUE, id="pcv-19-diabetes"
    ),
    pytest.param(
        "pneumococcal-vaccine", kwargs(age=30, smoking="current"), DUE, id="pcv-30-smoker"
    ),
    pytest.param(
        "pneumococcal-vaccine", kwargs(age=45, conditions=["ckd"]), DUE, id="pcv-45-kidney"
    ),
    pytest.param(
        "pneumococcal-vaccine",
        kwargs(age=60, events={"vax:pneumococcal:pcv20": [years_ago(2)]}),
        OK,
        id="pcv-pcv20",
    ),
    pytest.param(
        "pneumococcal-vaccine",
        kwargs(age=60, events={"vax:pneumococcal:pcv21": [months_ago(2)]}),
        OK,
        id="pcv-pcv21",
    ),
    pytest.param(
        "pneumococcal-vaccine",
        kwargs(age=60, events={"vax:pneumococcal:pcv15": [months_ago(6)]}),
        OK,
        id="pcv-pcv15-ppsv23-not-yet",
    ),
    pytest.param(
        "pneumococcal-vaccine",
        kwargs(age=60, events={"vax:pneumococcal:pcv15": [years_ago(2)]}),
        OVERDUE,
        id="pcv-pcv15-ppsv23-late",
    ),
    pytest.param(
        "pneumococcal-vaccine",
        kwargs(
            age=60,
            events={
                "vax:pneumococcal:pcv15": [years_ago(2)],
                "vax:pneumococcal:ppsv23": [years_ago(1)],
            },
        ),
        OK,
        id="pcv-pcv15-then-ppsv23",
    ),
    pytest.param(
        "pneumococcal-vaccine",
        kwargs(
            age=75,
            events={
                "vax:pneumococcal:pcv13": [years_ago(8)],
                "vax:pneumococcal:ppsv23": [years_ago(7)],
            },
        ),
        OK,
        id="pcv-old-series-after-65",
    ),
    pytest.param(
        "pneumococcal-vaccine",
        kwargs(age=60, events={"vax:pneumococcal:ppsv23": [years_ago(3)]}),
        OVERDUE,
        id="pcv-ppsv23-only-3y",
    ),
    pytest.param(
        "pneumococcal-vaccine",
        kwargs(age=60, events={"vax:pneumococcal:ppsv23": [months_ago(10)]}),
        OK,
        id="pcv-ppsv23-only-10m",
    ),
    pytest.param(
        "pneumococcal-vaccine",
        kwargs(age=60, events={"vax:pneumococcal": [months_ago(13)]}),
        DUE,
        id="pcv-unspecified-type-13m",
    ),
    # ----- hpv-vaccine: through 26 -----
    pytest.param("hpv-vaccine", kwargs(age=17), NA, id="hpv-17"),
    pytest.param("hpv-vaccine", kwargs(age=18), DUE, id="hpv-18"),
    pytest.param("hpv-vaccine", kwargs(age=26), DUE, id="hpv-26"),
    pytest.param("hpv-vaccine", kwargs(age=27), NA, id="hpv-27"),
    pytest.param("hpv-vaccine", kwargs(age=20, sex="male"), DUE, id="hpv-man"),
    pytest.param(
        "hpv-vaccine",
        kwargs(age=20, events={"vax:hpv": [years_ago(8), years_ago(7.5)]}),
        OK,
        id="hpv-2-doses-started-at-12",
    ),
    pytest.param(
        "hpv-vaccine",
        kwargs(age=20, events={"vax:hpv": [years_ago(4), years_ago(3.8)]}),
        OVERDUE,
        id="hpv-2-doses-started-at-16",
    ),
    pytest.param(
        "hpv-vaccine",
        kwargs(age=20, events={"vax:hpv": [years_ago(4), years_ago(3.8), years_ago(3.5)]}),
        OK,
        id="hpv-3-doses",
    ),
    pytest.param(
        "hpv-vaccine",
        kwargs(age=20, events={"vax:hpv": [days_ago(14)]}),
        OK,
        id="hpv-1-dose-2-weeks-ago",
    ),
    pytest.param(
        "hpv-vaccine", kwargs(age=20, conditions=["pregnancy"]), NA, id="hpv-pregnancy-waits"
    ),
    # ----- hepatitis-b-vaccine: 18 to 59; 60+ with risk -----
    pytest.param("hepatitis-b-vaccine", kwargs(age=17), NA, id="hbv-vax-17"),
    pytest.param("hepatitis-b-vaccine", kwargs(age=18), DUE, id="hbv-vax-18"),
    pytest.param("hepatitis-b-vaccine", kwargs(age=59), DUE, id="hbv-vax-59"),
    pytest.param("hepatitis-b-vaccine", kwargs(age=60), NA, id="hbv-vax-60-no-risk"),
    pytest.param(
        "hepatitis-b-vaccine",
        kwargs(age=60, conditions=["diabetes"]),
        DUE,
        id="hbv-vax-60-diabetes",
    ),
    pytest.param(
        "hepatitis-b-vaccine",
        kwargs(age=40, events={"vax:hepb": [years_ago(20), years_ago(19.9), years_ago(19.5)]}),
        OK,
        id="hbv-vax-3-doses",
    ),
    pytest.param(
        "hepatitis-b-vaccine",
        kwargs(age=40, events={"vax:hepb:cpg": [months_ago(3), months_ago(2)]}),
        OK,
        id="hbv-vax-2-doses-heplisav",
    ),
    pytest.param(
        "hepatitis-b-vaccine",
        kwargs(age=40, events={"vax:hepb": [days_ago(14)]}),
        OK,
        id="hbv-vax-1-dose-2-weeks-ago",
    ),
    pytest.param(
        "hepatitis-b-vaccine",
        kwargs(age=40, events={"vax:hepb": [years_ago(1)]}),
        OVERDUE,
        id="hbv-vax-1-dose-1y-ago",
    ),
    pytest.param(
        "hepatitis-b-vaccine",
        kwargs(age=40, events={"vax:hepb": [months_ago(7), months_ago(6)]}),
        DUE,
        id="hbv-vax-third-dose-due",
    ),
    pytest.param(
        "hepatitis-b-vaccine",
        kwargs(age=40, conditions=["hepatitis_b"]),
        NA,
        id="hbv-vax-has-hepatitis-b",
    ),
    # ----- rsv-vaccine: 75+; 50 to 74 at higher risk; once -----
    pytest.param("rsv-vaccine", kwargs(age=49, conditions=["copd"]), NA, id="rsv-49"),
    pytest.param("rsv-vaccine", kwargs(age=50, conditions=["copd"]), DUE, id="rsv-50-copd"),
    pytest.param(
        "rsv-vaccine", kwargs(age=74, conditions=["heart_failure"]), DUE, id="rsv-74-heart"
    ),
    pytest.param("rsv-vaccine", kwargs(age=74), NA, id="rsv-74-no-risk"),
    pytest.param("rsv-vaccine", kwargs(age=75), DUE, id="rsv-75"),
    pytest.param("rsv-vaccine", kwargs(age=60, bmi=41.0), DUE, id="rsv-60-bmi-41"),
    pytest.param("rsv-vaccine", kwargs(age=60, conditions=["diabetes"]), NA, id="rsv-diabetes"),
    pytest.param(
        "rsv-vaccine",
        kwargs(age=60, conditions=["diabetes_complications"]),
        DUE,
        id="rsv-diabetes-with-complications",
    ),
    pytest.param(
        "rsv-vaccine", kwargs(age=80, events={"vax:rsv": [years_ago(1)]}), OK, id="rsv-done"
    ),
]


def case_reasons(translator: Translator | None = None) -> set[str]:
    """Every distinct reason the CASES table produces (for wording checks), worded by
    `translator` (English without one)."""
    reasons = set()
    for param in CASES:
        rule_id, spec = cast(str, param.values[0]), dict(cast(dict[str, Any], param.values[1]))
        today = spec.pop("today", TODAY)
        facts = person(today=today, **spec)
        found = evaluate(facts, today=today, translator=translator)
        reasons.add(next(r.reason for r in found if r.rule_id == rule_id))
    return reasons


def _run(rule_id: str, spec: dict[str, Any]) -> tuple[Recommendation, date]:
    spec = dict(spec)
    today = spec.pop("today", TODAY)
    facts = person(today=today, **spec)
    return recommendation(rule_id, facts, today), today


@pytest.mark.parametrize(("rule_id", "spec", "expected"), CASES)
def test_rule_status(rule_id: str, spec: dict[str, Any], expected: str) -> None:
    rec, today = _run(rule_id, spec)
    assert rec.status == expected, rec.reason
    assert rec.reason.endswith("."), rec.reason
    assert "None" not in rec.reason
    if rec.status in (Status.DUE, Status.OVERDUE) and rec.next_due is not None:
        assert rec.next_due <= today
    if rec.status is Status.UP_TO_DATE and rec.next_due is not None:
        assert rec.next_due > today


def test_every_rule_has_cases() -> None:
    covered = {param.values[0] for param in CASES}
    assert covered == {rule.id for rule in RULES}


def test_every_rule_has_each_kind_of_verdict_it_can_give() -> None:
    statuses: dict[object, set[str]] = {}
    for param in CASES:
        statuses.setdefault(param.values[0], set()).add(str(param.values[2]))
    for rule_id, seen in statuses.items():
        assert {NA, DUE} <= seen or rule_id == "flu-vaccine", (rule_id, seen)


# ----- reasons say what the brief promised -----


def test_colonoscopy_reason_names_the_years() -> None:
    facts = person(60, events={"colonoscopy": [date(2016, 6, 1)]})
    rec = recommendation("colorectal-cancer-screening", facts)
    assert rec.reason == (
        "Adults 45 to 75 should be screened for colon cancer. Your last colonoscopy was in "
        "2016, so the next one is due in 2026."
    )
    assert rec.status is Status.UP_TO_DATE
    assert rec.next_due == date(2026, 6, 1)
    assert rec.last_done == date(2016, 6, 1)


def test_overdue_reason_says_when_it_was_due() -> None:
    facts = person(50, events={"mammogram": [date(2021, 1, 10)]})
    rec = recommendation("breast-cancer-screening", facts)
    assert rec.status is Status.OVERDUE
    assert "was due in January 2023" in rec.reason


def test_statin_due_has_no_test_date_and_names_the_risk() -> None:
    facts = person(55, conditions=["hypertension", "diabetes"])
    rec = recommendation("statin-use", facts)
    assert rec.status is Status.DUE
    assert rec.next_due is None
    assert "high blood pressure" in rec.reason
    assert "diabetes" in rec.reason
    assert "care team" in rec.reason


def test_too_young_gives_the_birthday_it_starts() -> None:
    facts = person(40)
    rec = recommendation("colorectal-cancer-screening", facts)
    assert rec.status is Status.NOT_APPLICABLE
    assert rec.next_due == date(2030, 3, 15)


def test_day_before_birthday_is_still_the_younger_age() -> None:
    facts = PatientFacts(birth_date=date(1980, 3, 16), sex_at_birth="female")
    rec = recommendation("colorectal-cancer-screening", facts)
    assert rec.status is Status.NOT_APPLICABLE
    assert rec.next_due == date(2025, 3, 16)


def test_flu_up_to_date_points_to_next_season() -> None:
    facts = person(40, events={"vax:flu": [date(2024, 10, 1)]})
    rec = recommendation("flu-vaccine", facts)
    assert rec.next_due == date(2025, 8, 1)
    assert rec.last_done == date(2024, 10, 1)


def test_shingles_live_vaccine_is_explained() -> None:
    facts = person(70, events={"vax:zoster:live": [date(2012, 5, 1)]})
    assert "older live shingles vaccine" in recommendation("shingles-vaccine", facts).reason


def test_future_events_are_ignored() -> None:
    facts = person(60, events={"colonoscopy": [date(2025, 6, 1)]})
    rec = recommendation("colorectal-cancer-screening", facts)
    assert rec.status is Status.DUE
    assert rec.last_done is None


def test_latest_of_several_dates_counts() -> None:
    facts = person(60, events={"fit": [years_ago(3), months_ago(2), years_ago(2)]})
    rec = recommendation("colorectal-cancer-screening", facts)
    assert rec.status is Status.UP_TO_DATE
    assert rec.last_done == months_ago(2)


# ----- in the patient's language -----

# Words that only English sentences have; a Spanish reason holding one was not translated.
ENGLISH = re.compile(r"\b(the|your|you|is|was|and|should|record|due|shot|test|in|of)\b", re.I)


def test_every_title_and_reason_has_a_spanish_translation() -> None:
    """Every case of the table, worded through Django's Spanish catalogue: nothing English
    is left (the .po must cover every message the engine can put together)."""
    checked = 0
    with translation.override("es"):
        for param in CASES:
            rule_id, spec = cast(str, param.values[0]), dict(cast(dict[str, Any], param.values[1]))
            today = spec.pop("today", TODAY)
            facts = person(today=today, **spec)
            english = recommendation(rule_id, facts, today)
            spanish = next(
                r
                for r in evaluate(facts, today=today, translator=translation)
                if r.rule_id == rule_id
            )
            for text in (spanish.title, spanish.reason):
                assert not ENGLISH.search(text), (param.id, text)
            assert spanish.reason != english.reason, param.id
            assert (spanish.status, spanish.next_due) == (english.status, english.next_due)
            checked += 1
    assert checked == len(CASES)


def test_spanish_reason_reads_in_spanish() -> None:
    facts = person(60, events={"colonoscopy": [date(2016, 6, 1)]})
    with translation.override("es"):
        rec = next(
            r
            for r in evaluate(facts, today=TODAY, translator=translation)
            if r.rule_id == "colorectal-cancer-screening"
        )
    assert rec.title == "Detección del cáncer de colon"
    assert rec.reason == (
        "Los adultos de 45 a 75 años deben hacerse pruebas de detección del cáncer de colon. "
        "Su colonoscopia más reciente fue en 2016, así que le toca de nuevo en 2026."
    )


def test_without_a_translator_the_engine_speaks_english() -> None:
    with translation.override("es"):  # Django's language does not leak into the plain engine
        rec = recommendation("colorectal-cancer-screening", person(40))
    assert rec.title == "Colon cancer screening"
    assert rec.reason.startswith("This starts at age 45")


# ----- the whole evaluation -----


def test_evaluate_gives_one_recommendation_per_rule_in_table_order() -> None:
    recs = evaluate(person(60, conditions=["hypertension"]), today=TODAY)
    assert [rec.rule_id for rec in recs] == [rule.id for rule in RULES]
    for rec, rule in zip(recs, RULES, strict=True):
        assert rec.title == rule.title
        assert rec.article_slug == rule.id
        assert rec.source_url == rule.source_url
        assert rec.source_date == rule.source_date


def test_evaluate_is_pure() -> None:
    facts = person(60, smoking="current", pack_years=30, events={"ldct": [years_ago(2)]})
    assert evaluate(facts, today=TODAY) == evaluate(facts, today=TODAY)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        pytest.param("sex_at_birth", "F", id="sex-abbreviation"),
        pytest.param("sex_at_birth", "", id="sex-empty"),
        pytest.param("smoking", "yes", id="smoking-yes"),
    ],
)
def test_bad_facts_are_refused(field: str, value: str) -> None:
    values: dict[str, Any] = {"birth_date": date(1970, 1, 1), "sex_at_birth": "male"}
    values[field] = value
    with pytest.raises(ValueError, match=field):
        PatientFacts(**values)


def test_birth_after_today_is_refused() -> None:
    with pytest.raises(ValueError, match="birth_date"):
        evaluate(PatientFacts(birth_date=date(2030, 1, 1), sex_at_birth="male"), today=TODAY)


# ----- date helpers -----


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        pytest.param(date(2024, 1, 31), 1, date(2024, 2, 29), id="jan31-leap"),
        pytest.param(date(2023, 1, 31), 1, date(2023, 2, 28), id="jan31-common"),
        pytest.param(date(2020, 2, 29), 12, date(2021, 2, 28), id="feb29-plus-year"),
        pytest.param(date(2016, 6, 1), 120, date(2026, 6, 1), id="ten-years"),
        pytest.param(date(2025, 3, 15), -3, date(2024, 12, 15), id="backwards-over-new-year"),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("birth", "day", "expected"),
    [
        pytest.param(date(1980, 3, 15), date(2025, 3, 15), 45, id="birthday"),
        pytest.param(date(1980, 3, 16), date(2025, 3, 15), 44, id="day-before"),
        pytest.param(date(2000, 2, 29), date(2025, 2, 28), 24, id="leap-day-born"),
        pytest.param(date(2000, 2, 29), date(2025, 3, 1), 25, id="leap-day-born-march"),
    ],
)
def test_age_on(birth: date, day: date, expected: int) -> None:
    assert age_on(birth, day) == expected


@pytest.mark.parametrize(
    ("offset_days", "expected"),
    [
        pytest.param(-1, Status.UP_TO_DATE, id="day-before-due"),
        pytest.param(0, Status.DUE, id="on-due-date"),
        pytest.param(GRACE_DAYS, Status.DUE, id="last-day-of-grace"),
        pytest.param(GRACE_DAYS + 1, Status.OVERDUE, id="after-grace"),
    ],
)
def test_status_for_grace_period(offset_days: int, expected: Status) -> None:
    due = date(2025, 1, 1)
    assert status_for(due, date.fromordinal(due.toordinal() + offset_days)) is expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        pytest.param(date(2025, 7, 31), date(2024, 8, 1), id="july"),
        pytest.param(date(2025, 8, 1), date(2025, 8, 1), id="august-1"),
        pytest.param(date(2026, 1, 10), date(2025, 8, 1), id="january"),
    ],
)
def test_season_start(today: date, expected: date) -> None:
    assert season_start(today) == expected
