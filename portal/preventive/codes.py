"""Real clinical codes -> the facts the rules engine reads.

Tables map SNOMED CT and ICD-10-CM condition codes to condition tags, CVX vaccine codes,
SNOMED procedure codes and LOINC observation codes to event keys, and RxNorm codes to
medication tags. Only codes checked against a public code list or seen in the Synthea
sample bundles are listed; an unknown code maps to nothing rather than to a guess.

The helpers take plain tuples so that any caller (the Django records app, a FHIR import,
a test) can use them without sharing models:

    coded row:       (system, code, date)
    observation row: (system, code, date, value)   value: number, answer code, or None

`system` may be a FHIR URI ("http://snomed.info/sct") or a short name ("SNOMED",
"ICD-10-CM", "LOINC", "CVX", "RxNorm"), in any letter case.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType

from portal.preventive.engine import PatientFacts

CodedRow = tuple[str, str, date]
ObservationRow = tuple[str, str, date, float | str | None]

SNOMED, ICD10, LOINC, CVX, RXNORM = "snomed", "icd10", "loinc", "cvx", "rxnorm"

_SYSTEM_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "http://snomed.info/sct": SNOMED,
        "snomed": SNOMED,
        "snomed-ct": SNOMED,
        "snomedct": SNOMED,
        "sct": SNOMED,
        "http://hl7.org/fhir/sid/icd-10-cm": ICD10,
        "http://hl7.org/fhir/sid/icd-10": ICD10,
        "icd-10-cm": ICD10,
        "icd-10": ICD10,
        "icd10cm": ICD10,
        "icd10": ICD10,
        "http://loinc.org": LOINC,
        "loinc": LOINC,
        "http://hl7.org/fhir/sid/cvx": CVX,
        "cvx": CVX,
        "http://www.nlm.nih.gov/research/umls/rxnorm": RXNORM,
        "rxnorm": RXNORM,
    }
)


def normalize_system(system: str) -> str | None:
    """The short system name for a URI or alias, or None if unknown."""
    return _SYSTEM_ALIASES.get(system.strip().lower().rstrip("/"))


def _normalize_code(system: str, code: str) -> str:
    code = code.strip()
    if system == ICD10:
        return code.replace(".", "").upper()
    if system == CVX:
        # CVX codes are written both as "08" and "8"; keep the unpadded form.
        return code.lstrip("0") or "0"
    return code


# ----- conditions -----

SNOMED_CONDITIONS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        code: frozenset(tags)
        for code, tags in {
            # diabetes and blood sugar
            "44054006": {"diabetes"},  # Diabetes mellitus type 2
            "46635009": {"diabetes"},  # Diabetes mellitus type 1
            "73211009": {"diabetes"},  # Diabetes mellitus
            "15777000": {"prediabetes"},  # Prediabetes
            "127013003": {"diabetes", "diabetes_complications", "ckd"},  # Diabetic renal disease
            "90781000119102": {"diabetes", "diabetes_complications"},  # Microalbuminuria, T2DM
            "157141000119108": {"diabetes", "diabetes_complications"},  # Proteinuria, T2DM
            "368581000119106": {"diabetes", "diabetes_complications"},  # Neuropathy, T2DM
            "422034002": {"diabetes", "diabetes_complications"},  # Retinopathy, T2DM
            "1551000119108": {"diabetes", "diabetes_complications"},  # Nonprolif. retinopathy
            # heart and vessels
            "38341003": {"hypertension"},  # Hypertensive disorder
            "59621000": {"hypertension"},  # Essential hypertension
            "55822004": {"hyperlipidemia"},  # Hyperlipidemia
            "13644009": {"hyperlipidemia"},  # Hypercholesterolemia
            "302870006": {"hyperlipidemia"},  # Hypertriglyceridemia
            "370992007": {"hyperlipidemia"},  # Dyslipidemia
            "84114007": {"heart_failure"},  # Heart failure
            "42343007": {"heart_failure"},  # Congestive heart failure
            "88805009": {"heart_failure"},  # Chronic congestive heart failure
            "53741008": {"coronary_disease"},  # Coronary arteriosclerosis
            "414545008": {"coronary_disease"},  # Ischemic heart disease
            "22298006": {"coronary_disease"},  # Myocardial infarction
            "399211009": {"coronary_disease"},  # History of myocardial infarction
            "230690007": {"stroke"},  # Cerebrovascular accident
            "399957001": {"pad"},  # Peripheral arterial occlusive disease
            # weight
            "162864005": {"obesity"},  # Body mass index 30+ - obesity
            "414916001": {"obesity"},  # Obesity
            "408512008": {"obesity", "severe_obesity"},  # Body mass index 40+ - severely obese
            "238136002": {"obesity", "severe_obesity"},  # Morbid obesity
            "238131007": {"overweight"},  # Overweight
            # lungs, kidneys, liver
            "13645005": {"copd"},  # Chronic obstructive lung disease
            "185086009": {"copd"},  # Chronic obstructive bronchitis
            "87433001": {"copd"},  # Pulmonary emphysema
            "195967001": {"asthma"},  # Asthma
            "233678006": {"asthma"},  # Childhood asthma
            "709044004": {"ckd"},  # Chronic kidney disease
            "431855005": {"ckd"},  # CKD stage 1
            "431856006": {"ckd"},  # CKD stage 2
            "433144002": {"ckd"},  # CKD stage 3
            "431857002": {"ckd"},  # CKD stage 4
            "433146000": {"ckd"},  # CKD stage 5
            "46177005": {"ckd"},  # End-stage renal disease
            "19943007": {"liver_disease"},  # Cirrhosis of liver
            # infections
            "86406008": {"hiv"},  # Human immunodeficiency virus infection
            "165816005": {"hiv"},  # HIV positive
            "61977001": {"hepatitis_b", "liver_disease"},  # Chronic type B viral hepatitis
            "66071002": {"hepatitis_b"},  # Viral hepatitis type B
            "128302006": {"hepatitis_c", "liver_disease"},  # Chronic hepatitis C
            "50711007": {"hepatitis_c"},  # Viral hepatitis type C
            # bones and falls
            "64859006": {"osteoporosis"},  # Osteoporosis
            "1912002": {"fall"},  # Fall
            "5913000": {"fracture"},  # Fracture of neck of femur
            "65966004": {"fracture"},  # Fracture of forearm
            "16114001": {"fracture"},  # Fracture of ankle
            "58150001": {"fracture"},  # Fracture of clavicle
            "125605004": {"fracture"},  # Fracture of bone
            # mental health and substance use
            "35489007": {"depression"},  # Depressive disorder
            "370143000": {"depression"},  # Major depressive disorder
            "36923009": {"depression"},  # Major depression, single episode
            "197480006": {"anxiety"},  # Anxiety disorder
            "21897009": {"anxiety"},  # Generalized anxiety disorder
            "7200002": {"alcohol_use_disorder"},  # Alcoholism
            # cancer and surgery history
            "363406005": {"colorectal_cancer"},  # Malignant neoplasm of colon
            "93761005": {"colorectal_cancer"},  # Primary malignant neoplasm of colon
            "109838007": {"colorectal_cancer"},  # Overlapping malignant neoplasm of colon
            "116140006": {"hysterectomy"},  # Total hysterectomy (procedure, cervix removed)
            # pregnancy
            "72892002": {"pregnancy"},  # Normal pregnancy
            "77386006": {"pregnancy"},  # Pregnancy
        }.items()
    }
)

# ICD-10-CM by prefix, without the dot; the longest matching prefix wins.
ICD10_CONDITION_PREFIXES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        prefix: frozenset(tags)
        for prefix, tags in {
            "E10": {"diabetes"},
            "E11": {"diabetes"},
            "E13": {"diabetes"},
            "E102": {"diabetes", "diabetes_complications"},
            "E103": {"diabetes", "diabetes_complications"},
            "E104": {"diabetes", "diabetes_complications"},
            "E105": {"diabetes", "diabetes_complications"},
            "E112": {"diabetes", "diabetes_complications"},
            "E113": {"diabetes", "diabetes_complications"},
            "E114": {"diabetes", "diabetes_complications"},
            "E115": {"diabetes", "diabetes_complications"},
            "R7303": {"prediabetes"},
            "I10": {"hypertension"},
            "I11": {"hypertension"},
            "I12": {"hypertension", "ckd"},
            "I13": {"hypertension", "ckd"},
            "I110": {"hypertension", "heart_failure"},
            "E78": {"hyperlipidemia"},
            "I50": {"heart_failure"},
            "I20": {"coronary_disease"},
            "I21": {"coronary_disease"},
            "I22": {"coronary_disease"},
            "I25": {"coronary_disease"},
            "I63": {"stroke"},
            "I69": {"stroke"},
            "Z8673": {"stroke"},
            "I702": {"pad"},
            "I739": {"pad"},
            "E66": {"obesity"},
            "E6601": {"obesity", "severe_obesity"},
            "E663": {"overweight"},
            "Z6841": {"obesity", "severe_obesity"},
            "Z6842": {"obesity", "severe_obesity"},
            "Z6843": {"obesity", "severe_obesity"},
            "Z6844": {"obesity", "severe_obesity"},
            "Z6845": {"obesity", "severe_obesity"},
            "J43": {"copd"},
            "J44": {"copd"},
            "J45": {"asthma"},
            "N18": {"ckd"},
            "Z992": {"ckd"},
            "K70": {"liver_disease"},
            "K703": {"liver_disease", "alcohol_use_disorder"},
            "K74": {"liver_disease"},
            "K76": {"liver_disease"},
            "B20": {"hiv"},
            "Z21": {"hiv"},
            "B180": {"hepatitis_b", "liver_disease"},
            "B181": {"hepatitis_b", "liver_disease"},
            "B182": {"hepatitis_c", "liver_disease"},
            "B16": {"hepatitis_b"},
            "B171": {"hepatitis_c"},
            "D80": {"immunocompromised"},
            "D81": {"immunocompromised"},
            "D82": {"immunocompromised"},
            "D83": {"immunocompromised"},
            "D84": {"immunocompromised"},
            "M80": {"osteoporosis"},
            "M81": {"osteoporosis"},
            "Z9181": {"fall"},
            "R296": {"fall"},
            "W19": {"fall"},
            "F32": {"depression"},
            "F33": {"depression"},
            "F411": {"anxiety"},
            "F419": {"anxiety"},
            "F102": {"alcohol_use_disorder"},
            "C18": {"colorectal_cancer"},
            "C19": {"colorectal_cancer"},
            "C20": {"colorectal_cancer"},
            "Z85038": {"colorectal_cancer"},
            "Z85048": {"colorectal_cancer"},
            # Absence of uterus *and* cervix, or of the cervix alone. Z90.711 (cervix
            # kept) is left out on purpose: screening still applies then.
            "Z90710": {"hysterectomy"},
            "Z90712": {"hysterectomy"},
            "O": {"pregnancy"},
            "Z33": {"pregnancy"},
            "Z34": {"pregnancy"},
        }.items()
    }
)


def condition_tags(system: str, code: str) -> frozenset[str]:
    """Condition tags for one SNOMED CT or ICD-10-CM code (empty if unmapped).

    Pregnancy codes (ICD-10 chapter O) are tagged "pregnancy"; pass current problems
    only, since the engine treats every tag as true today.
    """
    short = normalize_system(system)
    if short is None:
        return frozenset()
    code = _normalize_code(short, code)
    if short == SNOMED:
        return SNOMED_CONDITIONS.get(code, frozenset())
    if short == ICD10:
        for end in range(len(code), 0, -1):
            tags = ICD10_CONDITION_PREFIXES.get(code[:end])
            if tags is not None:
                return tags
    return frozenset()


# ----- events: immunizations, procedures, observations -----


def _cvx(key: str, *codes: str) -> dict[str, str]:
    return {code: key for code in codes}


CVX_EVENTS: Mapping[str, str] = MappingProxyType(
    {
        # Seasonal influenza, all formulations and hemispheres. Pandemic and avian
        # vaccines (123, 125-128, 160, 321-323) are not seasonal shots and are left out.
        **_cvx(
            "vax:flu",
            "15",
            "16",
            "88",
            "111",
            "135",
            "140",
            "141",
            "144",
            "149",
            "150",
            "151",
            "153",
            "155",
            "158",
            "161",
            "166",
            "168",
            "171",
            "185",
            "186",
            "194",
            "197",
            "200",
            "201",
            "202",
            "205",
            "231",
            "320",
            "331",
            "333",
        ),  # fmt: skip
        # COVID-19, all US products and the non-US codes (500-521).
        **_cvx(
            "vax:covid",
            "207",
            "208",
            "210",
            "211",
            "212",
            "213",
            "217",
            "218",
            "219",
            "221",
            "225",
            "226",
            "227",
            "228",
            "229",
            "230",
            "300",
            "301",
            "302",
            "308",
            "309",
            "310",
            "311",
            "312",
            "313",
            *(str(code) for code in range(500, 522)),
        ),  # fmt: skip
        **_cvx("vax:tdap", "115"),
        **_cvx("vax:td", "9", "113", "138", "139", "196"),
        # Recombinant zoster (Shingrix) counts toward the series; 188 "unspecified" is
        # counted too, since it is mostly used for doses given elsewhere after 2017.
        **_cvx("vax:zoster", "187", "188"),
        **_cvx("vax:zoster:live", "121"),
        **_cvx("vax:pneumococcal:ppsv23", "33"),
        **_cvx("vax:pneumococcal:pcv13", "133"),
        **_cvx("vax:pneumococcal:pcv15", "215"),
        **_cvx("vax:pneumococcal:pcv20", "216"),
        **_cvx("vax:pneumococcal:pcv21", "327"),
        **_cvx("vax:pneumococcal:other", "100", "152", "177"),
        **_cvx("vax:pneumococcal", "109"),
        **_cvx("vax:hpv", "62", "118", "137", "165"),
        # Hepatitis B alone or in combinations (adult, pediatric and the combination
        # vaccines an adult may have had as a child all count as a dose).
        **_cvx(
            "vax:hepb",
            "8",
            "42",
            "43",
            "44",
            "45",
            "51",
            "102",
            "104",
            "110",
            "132",
            "146",
            "193",
            "198",
            "220",
        ),  # fmt: skip
        **_cvx("vax:hepb:cpg", "189"),  # Heplisav-B: a 2-dose series
        # RSV vaccines for adults. The infant antibodies (nirsevimab 306/307,
        # clesrovimab 332, unspecified antibody 315) are not vaccines and are left out.
        **_cvx("vax:rsv", "303", "304", "305", "314", "326"),
        # Vaccines no rule here tracks: mapped so an import can tell "known, not
        # tracked" from "unknown code".
        **_cvx("vax:other:hepa", "52", "83", "84", "31", "85"),
        **_cvx("vax:other:meningococcal", "114", "136", "147", "108", "203", "162", "163", "164"),
        **_cvx("vax:other:mmr", "3", "94"),
        **_cvx("vax:other:varicella", "21"),
    }
)

SNOMED_EVENTS: Mapping[str, str] = MappingProxyType(
    {
        "73761001": "colonoscopy",  # Colonoscopy
        "44441009": "sigmoidoscopy",  # Flexible fiberoptic sigmoidoscopy
        "396226005": "sigmoidoscopy",  # Flexible fiberoptic sigmoidoscopy with biopsy
        "418714002": "ct_colonography",  # Virtual computed tomography colonoscopy
        "71651007": "mammogram",  # Mammography
        "24623002": "mammogram",  # Screening mammography
        "90226004": "pap",  # Cytopathology procedure, preparation of smear, genital source
        "16334891000119106": "ldct",  # Low dose computed tomography of thorax
        "312681000": "dexa",  # Bone density scan
        "171207006": "phq",  # Depression screening
        "715252007": "phq",  # Depression screening using PHQ-9
        "454711000124102": "phq",  # Depression screening using PHQ-2
        "710841007": "gad",  # Assessment of anxiety
    }
)

LOINC_EVENTS: Mapping[str, str] = MappingProxyType(
    {
        # blood pressure: panels and the systolic/diastolic parts
        "55284-4": "bp_measured",
        "85354-9": "bp_measured",
        "8480-6": "bp_measured",
        "8462-4": "bp_measured",
        # blood sugar
        "4548-4": "a1c",  # Hemoglobin A1c/Hemoglobin.total in Blood
        "17856-6": "a1c",  # Hemoglobin A1c/Hemoglobin.total in Blood by HPLC
        "2339-0": "glucose",  # Glucose [Mass/volume] in Blood
        "2345-7": "glucose",  # Glucose [Mass/volume] in Serum or Plasma
        "1558-6": "glucose",  # Fasting glucose [Mass/volume] in Serum or Plasma
        # colon cancer stool tests
        "29771-3": "fit",  # Hemoglobin.gastrointestinal [Presence] in Stool by Immunoassay
        "57905-2": "fit",  # ... by Immunoassay, 1st specimen
        "56490-6": "fit",  # ... by Immunoassay, 2nd specimen
        "56491-4": "fit",  # ... by Immunoassay, 3rd specimen
        "2335-8": "fobt",  # Hemoglobin.gastrointestinal [Presence] in Stool
        "14563-1": "fobt",  # ... 1st specimen
        "14564-9": "fobt",  # ... 2nd specimen
        "14565-6": "fobt",  # ... 3rd specimen
        "77353-1": "stool_dna",  # Noninvasive colorectal cancer DNA and occult blood screening
        "77354-9": "stool_dna",  # ... [Presence]
        # cervical cancer
        "10524-7": "pap",  # Microscopic observation in Cervix by Cyto stain
        "19762-4": "pap",  # General categories in Cervical or vaginal smear
        "19765-7": "pap",  # Microscopic observation in Cervical or vaginal smear
        "33717-0": "pap",  # Cytology Cervical or vaginal smear or scraping study
        "47527-7": "pap",  # Cytology report of Cervical or vaginal smear (liquid based)
        "21440-3": "hpv_test",  # HPV I/H risk DNA [Presence] in Cervix by Probe
        "30167-1": "hpv_test",  # HPV Ag [Presence] in Cervix
        "59420-0": "hpv_test",  # HPV 16+18 DNA [Presence] in Cervix
        "71431-1": "hpv_test",  # HPV I/H risk 4 DNA in Cervix
        "77379-6": "hpv_test",  # HPV 16 and 18 and 31+33+35+39+45+51+52+56+58+59+66+68
        # infections
        "5196-1": "hbv_test",  # Hepatitis B virus surface Ag [Presence]
        "16933-4": "hbv_test",  # Hepatitis B virus core Ab [Presence]
        "16935-9": "hbv_test",  # Hepatitis B virus surface Ab [Units/volume]
        "13955-0": "hcv_test",  # Hepatitis C virus Ab [Presence]
        "16128-1": "hcv_test",  # Hepatitis C virus Ab [Presence] (screen)
        "11259-9": "hcv_test",  # Hepatitis C virus RNA [Presence]
        "75622-1": "hiv_test",  # HIV 1+2 Ab + HIV1 p24 Ag [Presence]
        "56888-1": "hiv_test",  # HIV 1+2 Ab + HIV1 p24 Ag [Presence] by Immunoassay
        "7917-8": "hiv_test",  # HIV 1 Ab [Presence]
        "7918-6": "hiv_test",  # HIV 1+2 Ab [Presence]
        # questionnaires
        "44249-1": "phq",  # PHQ-9 quick depression assessment panel
        "44261-6": "phq",  # PHQ-9 total score
        "55757-9": "phq",  # PHQ-2 panel
        "55758-7": "phq",  # PHQ-2 total score
        "69737-5": "gad",  # GAD-7 panel
        "70274-6": "gad",  # GAD-7 total score
        # bone density
        "38265-5": "dexa",  # DXA [T-score] Bone density
        # mammography reports
        "24606-6": "mammogram",  # MG Breast Screening
        "24604-1": "mammogram",  # MG Breast Diagnostic
    }
)

EVENT_TABLES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {CVX: CVX_EVENTS, SNOMED: SNOMED_EVENTS, LOINC: LOINC_EVENTS}
)


def event_key(system: str, code: str) -> str | None:
    """The event key for a CVX, SNOMED CT procedure or LOINC code, or None."""
    short = normalize_system(system)
    if short is None or short not in EVENT_TABLES:
        return None
    return EVENT_TABLES[short].get(_normalize_code(short, code))


# ----- smoking, BMI, medications -----

SMOKING_STATUS_LOINC = "72166-2"  # Tobacco smoking status
BMI_LOINC = "39156-5"  # Body mass index (BMI) [Ratio]

SMOKING_ANSWERS: Mapping[str, str] = MappingProxyType(
    {
        "266919005": "never",  # Never smoked tobacco
        "8517006": "former",  # Ex-smoker
        "77176002": "current",  # Smoker
        "449868002": "current",  # Smokes tobacco daily
        "428041000124106": "current",  # Occasional tobacco smoker
        "428071000124103": "current",  # Heavy tobacco smoker
        "428061000124105": "current",  # Light tobacco smoker
        "266927001": "unknown",  # Tobacco smoking consumption unknown
    }
)

STATIN_RXNORM: Mapping[str, str] = MappingProxyType(
    {
        "83367": "statin",  # atorvastatin
        "36567": "statin",  # simvastatin
        "301542": "statin",  # rosuvastatin
        "42463": "statin",  # pravastatin
        "6472": "statin",  # lovastatin
        "41127": "statin",  # fluvastatin
        "861634": "statin",  # pitavastatin
        "316672": "statin",  # simvastatin 10 MG Oral Tablet (Synthea)
        "312961": "statin",  # simvastatin 20 MG Oral Tablet
        "259255": "statin",  # atorvastatin 80 MG Oral Tablet
    }
)


def smoking_status(observations: Iterable[ObservationRow]) -> tuple[str, int | None]:
    """(status, estimated quit year) from tobacco smoking status observations.

    The latest answer wins. The quit year is the year of the first "former" answer after
    the last "current" one, when the record shows both; otherwise None.
    """
    answers = sorted(
        (day, SMOKING_ANSWERS[str(value)])
        for system, code, day, value in observations
        if normalize_system(system) == LOINC
        and code == SMOKING_STATUS_LOINC
        and str(value) in SMOKING_ANSWERS
    )
    known = [(day, status) for day, status in answers if status != "unknown"]
    if not known:
        return "unknown", None
    status = known[-1][1]
    quit_year = None
    if status == "former":
        current_days = [day for day, s in known if s == "current"]
        if current_days:
            quit_year = min(d for d, s in known if s == "former" and d > current_days[-1]).year
    return status, quit_year


def latest_bmi(observations: Iterable[ObservationRow]) -> float | None:
    """The most recent numeric BMI observation, or None."""
    values = sorted(
        (day, float(value))
        for system, code, day, value in observations
        if normalize_system(system) == LOINC
        and code == BMI_LOINC
        and isinstance(value, int | float)
    )
    return values[-1][1] if values else None


def medication_tags(system: str, code: str) -> frozenset[str]:
    """Medication tags ("statin") for one RxNorm code."""
    if normalize_system(system) != RXNORM:
        return frozenset()
    tag = STATIN_RXNORM.get(code.strip())
    return frozenset({tag}) if tag else frozenset()


def events_from_codes(rows: Iterable[CodedRow]) -> dict[str, tuple[date, ...]]:
    """Event key -> sorted unique dates, from CVX, SNOMED procedure and LOINC rows."""
    found: dict[str, set[date]] = {}
    for system, code, day in rows:
        key = event_key(system, code)
        if key is not None:
            found.setdefault(key, set()).add(day)
    return {key: tuple(sorted(days)) for key, days in found.items()}


def conditions_from_codes(rows: Iterable[CodedRow]) -> frozenset[str]:
    """Union of the condition tags of SNOMED CT and ICD-10-CM rows."""
    tags: set[str] = set()
    for system, code, _day in rows:
        tags |= condition_tags(system, code)
    return frozenset(tags)


def facts_from_codes(
    *,
    birth_date: date,
    sex_at_birth: str,
    conditions: Iterable[CodedRow] = (),
    procedures: Iterable[CodedRow] = (),
    immunizations: Iterable[CodedRow] = (),
    observations: Iterable[ObservationRow] = (),
    medications: Iterable[CodedRow] = (),
    medication_names: Iterable[str] = (),
    pack_years: float | None = None,
    quit_year: int | None = None,
) -> PatientFacts:
    """PatientFacts from coded rows, ready for engine.evaluate.

    Contract for callers:
    - `conditions`: current problems plus lasting history (a fracture, a fall, a
      hysterectomy); leave out resolved episodes such as a past pregnancy.
    - `procedures` may also carry condition codes (a hysterectomy procedure sets the
      "hysterectomy" tag); `observations` can carry components (pass a blood pressure
      panel's systolic row too: either counts).
    - `medications`: active medications only; `medication_names` adds free-text names
      (any name containing a statin's name counts as a statin).
    - `pack_years`/`quit_year` override what the observations say, when known.
    - `sex_at_birth`: "female", "male" or "unknown"; anything else raises ValueError.
    """
    procedures = tuple(procedures)
    observations = tuple(observations)
    tags = conditions_from_codes(conditions) | conditions_from_codes(procedures)
    events = events_from_codes(
        (*procedures, *immunizations, *((s, c, d) for s, c, d, _v in observations))
    )
    smoking, observed_quit = smoking_status(observations)
    meds: set[str] = set(medication_names)
    for system, code, _day in medications:
        meds |= medication_tags(system, code)
    return PatientFacts(
        birth_date=birth_date,
        sex_at_birth=sex_at_birth,
        conditions=tags,
        smoking=smoking,
        pack_years=pack_years,
        quit_year=quit_year if quit_year is not None else observed_quit,
        bmi=latest_bmi(observations),
        medications=tuple(sorted(meds)),
        events=MappingProxyType(events),
    )
