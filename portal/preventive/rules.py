"""The preventive-care rules as data.

Each row is one recommendation from a public source (USPSTF, CDC/ACIP). The engine
(engine.py) reads the ages, sexes, event keys and intervals from here; the logic that
is special to one rule (risk factors, dose series) lives in that rule's evaluator in
engine.py, registered under the same id. Rule ids are stable: they appear in the audit
trail and are the slugs of the knowledge articles that explain them.

Ages are whole years and both ends are inclusive ("45 to 75" means from the 45th
birthday until the day before the 76th). Intervals are in months; None means "once".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

USPSTF = "https://www.uspreventiveservicestaskforce.org/uspstf/recommendation/"
CDC_ADULT_SCHEDULE = "https://www.cdc.gov/vaccines/hcp/imz-schedules/adult-age.html"


def gettext_noop(message: str) -> str:
    """Mark `message` for translation and return it unchanged.

    `make messages` collects every string marked this way into the Spanish catalogue;
    titles and labels are translated when a recommendation is worded for a patient
    (engine.Translator), not here, so this module stays plain data.
    """
    return message


@dataclass(frozen=True)
class Test:
    """One way to satisfy a rule: an event key and how long it counts for.

    `months` is None for something done once in a lifetime. `label` is the plain name
    used in reasons ("colonoscopy", "flu shot"), in English (translated where used).
    """

    event: str
    months: int | None
    label: str


@dataclass(frozen=True)
class Rule:
    """One recommendation. `title` is shown to patients (in English here, translated where
    shown); `who` and `interval` are plain words for docs."""

    id: str
    title: str
    kind: str  # "screening" | "vaccine" | "counseling" | "medication"
    who: str
    interval: str
    source_name: str
    source_url: str
    source_date: date
    min_age: int
    max_age: int | None = None
    sex: str | None = None  # "female" | "male" | None for everyone
    tests: tuple[Test, ...] = ()

    @property
    def article_slug(self) -> str:
        """The knowledge article that explains this rule has the rule id as its slug."""
        return self.id


RULES: tuple[Rule, ...] = (
    # ----- USPSTF grade A and B (and CDC screening) -----
    Rule(
        id="colorectal-cancer-screening",
        title=gettext_noop("Colon cancer screening"),
        kind="screening",
        who="Adults 45 to 75",
        interval=(
            "colonoscopy every 10 years; CT colonography or flexible sigmoidoscopy every "
            "5 years; stool DNA-FIT every 3 years; FIT or guaiac stool test every year"
        ),
        source_name="USPSTF",
        source_url=USPSTF + "colorectal-cancer-screening",
        source_date=date(2021, 5, 18),
        min_age=45,
        max_age=75,
        tests=(
            Test("colonoscopy", 120, gettext_noop("colonoscopy")),
            Test("ct_colonography", 60, gettext_noop("CT colonography")),
            Test("sigmoidoscopy", 60, gettext_noop("sigmoidoscopy")),
            Test("stool_dna", 36, gettext_noop("stool DNA test")),
            Test("fit", 12, gettext_noop("FIT stool test")),
            Test("fobt", 12, gettext_noop("stool blood test")),
        ),
    ),
    Rule(
        id="breast-cancer-screening",
        title=gettext_noop("Breast cancer screening (mammogram)"),
        kind="screening",
        who="Women 40 to 74",
        interval="mammogram every 2 years",
        source_name="USPSTF",
        source_url=USPSTF + "breast-cancer-screening",
        source_date=date(2024, 4, 30),
        min_age=40,
        max_age=74,
        sex="female",
        tests=(Test("mammogram", 24, gettext_noop("mammogram")),),
    ),
    Rule(
        id="cervical-cancer-screening",
        title=gettext_noop("Cervical cancer screening"),
        kind="screening",
        who="Women 21 to 65 who have a cervix",
        interval=(
            "21 to 29: Pap test every 3 years; 30 to 65: Pap test every 3 years "
            "or HPV test every 5 years"
        ),
        source_name="USPSTF",
        source_url=USPSTF + "cervical-cancer-screening",
        source_date=date(2018, 8, 21),
        min_age=21,
        max_age=65,
        sex="female",
        tests=(
            Test("pap", 36, gettext_noop("Pap test")),
            Test("hpv_test", 60, gettext_noop("HPV test")),
        ),
    ),
    Rule(
        id="lung-cancer-screening",
        title=gettext_noop("Lung cancer screening (low-dose CT)"),
        kind="screening",
        who=(
            "Adults 50 to 80 who smoked at least 20 pack-years and still smoke or quit "
            "within the past 15 years"
        ),
        interval="low-dose CT scan every year",
        source_name="USPSTF",
        source_url=USPSTF + "lung-cancer-screening",
        source_date=date(2021, 3, 9),
        min_age=50,
        max_age=80,
        tests=(Test("ldct", 12, gettext_noop("low-dose CT scan")),),
    ),
    Rule(
        id="blood-pressure-screening",
        title=gettext_noop("Blood pressure check"),
        kind="screening",
        who="Adults 18 and older without a high blood pressure diagnosis",
        interval="every year from 40 or with risk factors; every 3 years from 18 to 39 otherwise",
        source_name="USPSTF",
        source_url=USPSTF + "hypertension-in-adults-screening",
        source_date=date(2021, 4, 27),
        min_age=18,
        tests=(Test("bp_measured", 12, gettext_noop("blood pressure check")),),
    ),
    Rule(
        id="diabetes-screening",
        title=gettext_noop("Prediabetes and type 2 diabetes screening"),
        kind="screening",
        who="Adults 35 to 70 with overweight or obesity (BMI 25 or more), without diabetes",
        interval="blood sugar test (A1C or fasting glucose) every 3 years",
        source_name="USPSTF",
        source_url=USPSTF + "screening-for-prediabetes-and-type-2-diabetes",
        source_date=date(2021, 8, 24),
        min_age=35,
        max_age=70,
        tests=(
            Test("a1c", 36, gettext_noop("A1C blood sugar test")),
            Test("glucose", 36, gettext_noop("blood sugar test")),
            Test("ogtt", 36, gettext_noop("glucose tolerance test")),
        ),
    ),
    Rule(
        id="statin-use",
        title=gettext_noop("Statin to prevent heart disease and stroke"),
        kind="medication",
        who=(
            "Adults 40 to 75 with high cholesterol, diabetes, high blood pressure or smoking, "
            "who have not had heart disease or a stroke and do not take a statin"
        ),
        interval="a talk with the care team (no test)",
        source_name="USPSTF",
        source_url=USPSTF + "statin-use-in-adults-preventive-medication",
        source_date=date(2022, 8, 23),
        min_age=40,
        max_age=75,
    ),
    Rule(
        id="hepatitis-b-screening",
        title=gettext_noop("Hepatitis B screening"),
        kind="screening",
        who="All adults 18 and older",
        interval="once",
        source_name="CDC",
        source_url="https://www.cdc.gov/mmwr/volumes/72/rr/rr7201a1.htm",
        source_date=date(2023, 3, 10),
        min_age=18,
        tests=(Test("hbv_test", None, gettext_noop("hepatitis B blood test")),),
    ),
    Rule(
        id="hepatitis-c-screening",
        title=gettext_noop("Hepatitis C screening"),
        kind="screening",
        who="Adults 18 to 79",
        interval="once",
        source_name="USPSTF",
        source_url=USPSTF + "hepatitis-c-screening",
        source_date=date(2020, 3, 2),
        min_age=18,
        max_age=79,
        tests=(Test("hcv_test", None, gettext_noop("hepatitis C blood test")),),
    ),
    Rule(
        id="hiv-screening",
        title=gettext_noop("HIV screening"),
        kind="screening",
        who="People 15 to 65",
        interval="at least once",
        source_name="USPSTF",
        source_url=USPSTF + "human-immunodeficiency-virus-hiv-infection-screening",
        source_date=date(2019, 6, 11),
        min_age=15,
        max_age=65,
        tests=(Test("hiv_test", None, gettext_noop("HIV test")),),
    ),
    Rule(
        id="depression-screening",
        title=gettext_noop("Depression screening"),
        kind="screening",
        who="All adults 18 and older",
        interval="every year (common practice; the USPSTF sets no interval)",
        source_name="USPSTF",
        source_url=USPSTF + "screening-depression-suicide-risk-adults",
        source_date=date(2023, 6, 20),
        min_age=18,
        tests=(Test("phq", 12, gettext_noop("depression screening")),),
    ),
    Rule(
        id="anxiety-screening",
        title=gettext_noop("Anxiety screening"),
        kind="screening",
        who="Adults 18 to 64",
        interval="every year (common practice; the USPSTF sets no interval)",
        source_name="USPSTF",
        source_url=USPSTF + "anxiety-adults-screening",
        source_date=date(2023, 6, 20),
        min_age=18,
        max_age=64,
        tests=(Test("gad", 12, gettext_noop("anxiety screening")),),
    ),
    Rule(
        id="osteoporosis-screening",
        title=gettext_noop("Bone density test (osteoporosis screening)"),
        kind="screening",
        who="Women 65 and older; women 50 to 64 with a risk factor we can see in the record",
        interval="once; the care team decides if and when to repeat it",
        source_name="USPSTF",
        source_url=USPSTF + "osteoporosis-screening",
        source_date=date(2025, 1, 14),
        min_age=50,
        sex="female",
        tests=(Test("dexa", None, gettext_noop("bone density test")),),
    ),
    Rule(
        id="aaa-screening",
        title=gettext_noop("Abdominal aortic aneurysm screening"),
        kind="screening",
        who="Men 65 to 75 who have ever smoked",
        interval="once, by ultrasound",
        source_name="USPSTF",
        source_url=USPSTF + "abdominal-aortic-aneurysm-screening",
        source_date=date(2019, 12, 10),
        min_age=65,
        max_age=75,
        sex="male",
        tests=(Test("aaa_ultrasound", None, gettext_noop("belly ultrasound of the aorta")),),
    ),
    Rule(
        id="falls-prevention",
        title=gettext_noop("Exercise to prevent falls"),
        kind="counseling",
        who="Adults 65 and older with a fall or osteoporosis in their record",
        interval="a talk with the care team about exercise (no test)",
        source_name="USPSTF",
        source_url=USPSTF + "falls-prevention-community-dwelling-older-adults-interventions",
        source_date=date(2024, 6, 4),
        min_age=65,
    ),
    Rule(
        id="tobacco-counseling",
        title=gettext_noop("Help to quit smoking"),
        kind="counseling",
        who="Adults 18 and older who smoke",
        interval="at visits; counted as every year here",
        source_name="USPSTF",
        source_url=USPSTF + "tobacco-use-in-adults-and-pregnant-women-counseling-and-interventions",
        source_date=date(2021, 1, 19),
        min_age=18,
        tests=(Test("tobacco_counseling", 12, gettext_noop("talk about quitting")),),
    ),
    # ----- CDC adult immunization schedule -----
    Rule(
        id="flu-vaccine",
        title=gettext_noop("Flu vaccine"),
        kind="vaccine",
        who="All adults 18 and older",
        interval="every flu season (the season counts from August 1)",
        source_name="CDC",
        source_url=CDC_ADULT_SCHEDULE,
        source_date=date(2024, 6, 27),
        min_age=18,
        tests=(Test("vax:flu", 12, gettext_noop("flu shot")),),
    ),
    Rule(
        id="covid-vaccine",
        title=gettext_noop("COVID-19 vaccine"),
        kind="vaccine",
        who="All adults 18 and older",
        interval="one dose of the current season's vaccine (the season counts from August 1)",
        source_name="CDC",
        source_url=CDC_ADULT_SCHEDULE,
        source_date=date(2024, 6, 27),
        min_age=18,
        tests=(Test("vax:covid", 12, gettext_noop("COVID-19 shot")),),
    ),
    Rule(
        id="tdap-vaccine",
        title=gettext_noop("Tetanus, diphtheria and whooping cough vaccine (Tdap/Td)"),
        kind="vaccine",
        who="All adults 19 and older",
        interval="one Tdap, then a Td or Tdap booster every 10 years",
        source_name="CDC",
        source_url=CDC_ADULT_SCHEDULE,
        source_date=date(2020, 1, 24),
        min_age=19,
        tests=(
            Test("vax:tdap", 120, gettext_noop("Tdap shot")),
            Test("vax:td", 120, gettext_noop("tetanus shot")),
        ),
    ),
    Rule(
        id="shingles-vaccine",
        title=gettext_noop("Shingles vaccine"),
        kind="vaccine",
        who="Adults 50 and older",
        interval="2 doses of the recombinant vaccine, 2 to 6 months apart",
        source_name="CDC",
        source_url=CDC_ADULT_SCHEDULE,
        source_date=date(2018, 1, 26),
        min_age=50,
        tests=(Test("vax:zoster", None, gettext_noop("shingles shot")),),
    ),
    Rule(
        id="pneumococcal-vaccine",
        title=gettext_noop("Pneumonia (pneumococcal) vaccine"),
        kind="vaccine",
        who="Adults 50 and older; adults 19 to 49 with a risk condition",
        interval="once: PCV20 or PCV21 (or PCV15 followed by PPSV23)",
        source_name="CDC",
        source_url=CDC_ADULT_SCHEDULE,
        source_date=date(2024, 10, 23),
        min_age=19,
        tests=(Test("vax:pneumococcal", None, gettext_noop("pneumonia shot")),),
    ),
    Rule(
        id="hpv-vaccine",
        title=gettext_noop("HPV vaccine"),
        kind="vaccine",
        who="People through age 26 who did not finish the series",
        interval="2 doses if started before 15, otherwise 3 doses",
        source_name="CDC",
        source_url=CDC_ADULT_SCHEDULE,
        source_date=date(2019, 8, 16),
        min_age=18,
        max_age=26,
        tests=(Test("vax:hpv", None, gettext_noop("HPV shot")),),
    ),
    Rule(
        id="hepatitis-b-vaccine",
        title=gettext_noop("Hepatitis B vaccine"),
        kind="vaccine",
        who="Adults 18 to 59; adults 60 and older with a risk factor such as diabetes",
        interval="2 or 3 doses, depending on the vaccine",
        source_name="CDC",
        source_url=CDC_ADULT_SCHEDULE,
        source_date=date(2022, 4, 1),
        min_age=18,
        tests=(Test("vax:hepb", None, gettext_noop("hepatitis B shot")),),
    ),
    Rule(
        id="rsv-vaccine",
        title=gettext_noop("RSV vaccine"),
        kind="vaccine",
        who="Adults 75 and older; adults 50 to 74 at higher risk of severe RSV",
        interval="one dose in a lifetime",
        source_name="CDC",
        source_url=CDC_ADULT_SCHEDULE,
        source_date=date(2025, 4, 16),
        min_age=50,
        tests=(Test("vax:rsv", None, gettext_noop("RSV shot")),),
    ),
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
