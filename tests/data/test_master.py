"""The reference data in data/master/: headers, codes, Hindi names, aliases, targets (read with csv only)."""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

MASTER = Path(__file__).resolve().parents[2] / "data" / "master"
REAL_DISTRICT_DAILY = Path(__file__).resolve().parents[2] / "data" / "published" / "cg_district_daily.csv"

HEADERS = {
    "districts.csv": ["code", "name_en", "name_hi", "formed_on", "parent_code", "aliases"],
    "district_targets.csv": ["district_code", "age_band", "population", "source"],
    "age_bands.csv": ["code", "label_en", "label_hi", "min_age", "max_age", "sort_order", "aliases"],
    "vaccines.csv": [
        "code",
        "name_en",
        "name_hi",
        "dose2_min_days",
        "dose2_max_days",
        "precaution_min_days",
        "aliases",
    ],
    "dose_numbers.csv": ["number", "label_en", "label_hi", "aliases"],
    "state.csv": ["code", "name_en", "name_hi", "aliases"],
    "genders.csv": ["code", "name_en", "name_hi", "aliases"],
    "id_types.csv": ["code", "label_en", "label_hi", "pattern", "form_en", "form_hi", "aliases"],
}
TARGET_BANDS = {"12-14", "15-17", "18-44", "45-59", "60+"}
ADULT_BANDS = ("18-44", "45-59", "60+")
RESERVED_CODES = {"STATE", "SUPPLIER", "WASTAGE", "ADJUSTMENT"}
CRORE = 10_000_000


def read(file_name: str) -> tuple[list[str], list[dict[str, str]]]:
    with open(MASTER / file_name, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def rows(file_name: str) -> list[dict[str, str]]:
    return read(file_name)[1]


def key(text: str) -> str:
    """Matching key as the importer uses it: NFC, casefold, - _ . / as spaces, single spaces, stripped."""
    folded = unicodedata.normalize("NFC", text).casefold()
    for separator in "-_./":
        folded = folded.replace(separator, " ")
    return " ".join(folded.split())


def aliases(row: dict[str, str]) -> list[str]:
    return [alias for alias in row["aliases"].split("|") if alias.strip()]


def names_by_key(file_name: str, code_field: str, name_fields: tuple[str, ...]) -> dict[str, set[str]]:
    """Every matching key (code, names, aliases) of a table, with the codes it would resolve to."""
    found: dict[str, set[str]] = defaultdict(set)
    for row in rows(file_name):
        for name in (row[code_field], *(row[f] for f in name_fields), *aliases(row)):
            found[key(name)].add(row[code_field])
    return found


def is_devanagari(text: str) -> bool:
    letters = [c for c in text if unicodedata.category(c)[0] in "LM"]
    return bool(letters) and all("\u0900" <= c <= "\u097f" for c in letters)


@pytest.mark.parametrize("file_name", sorted(HEADERS), ids=sorted(HEADERS))
def test_header_is_exact(file_name):
    header, body = read(file_name)
    assert header == HEADERS[file_name]
    assert body, f"{file_name} has no rows"
    assert all(None not in row and None not in row.values() for row in body), f"{file_name}: ragged row"


@pytest.mark.parametrize("file_name", sorted(HEADERS), ids=sorted(HEADERS))
def test_text_is_nfc_and_trimmed(file_name):
    for row in rows(file_name):
        for column, value in row.items():
            assert value == value.strip(), f"{file_name} {column}: {value!r} has surrounding spaces"
            assert value == unicodedata.normalize("NFC", value), f"{file_name} {column}: {value!r} is not NFC"


def test_district_codes_are_unique_three_letters():
    codes = [row["code"] for row in rows("districts.csv")]
    assert len(codes) == 33
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes), codes
    assert not RESERVED_CODES & set(codes)


@pytest.mark.parametrize(
    ("file_name", "column"),
    [
        ("districts.csv", "name_hi"),
        ("age_bands.csv", "label_hi"),
        ("vaccines.csv", "name_hi"),
        ("dose_numbers.csv", "label_hi"),
        ("state.csv", "name_hi"),
        ("genders.csv", "name_hi"),
        ("id_types.csv", "label_hi"),
    ],
    ids=["districts", "age_bands", "vaccines", "dose_numbers", "state", "genders", "id_types"],
)
def test_hindi_names_are_devanagari(file_name, column):
    bad = [row[column] for row in rows(file_name) if not is_devanagari(row[column])]
    assert not bad


@pytest.mark.parametrize(
    ("file_name", "code_field", "name_fields"),
    [
        ("districts.csv", "code", ("name_en", "name_hi")),
        ("age_bands.csv", "code", ("label_en", "label_hi")),
        ("vaccines.csv", "code", ("name_en", "name_hi")),
        ("dose_numbers.csv", "number", ("label_en", "label_hi")),
        ("state.csv", "code", ("name_en", "name_hi")),
        ("genders.csv", "code", ("name_en", "name_hi")),
        ("id_types.csv", "code", ("label_en", "label_hi")),
    ],
    ids=["districts", "age_bands", "vaccines", "dose_numbers", "state", "genders", "id_types"],
)
def test_no_name_or_alias_resolves_to_two_codes(file_name, code_field, name_fields):
    found = names_by_key(file_name, code_field, name_fields)
    clashes = {name: sorted(codes) for name, codes in found.items() if len(codes) > 1}
    assert not clashes
    assert "" not in found


def test_district_aliases_are_not_empty_pieces():
    for row in rows("districts.csv"):
        if row["aliases"]:
            assert all(alias.strip() for alias in row["aliases"].split("|")), row["code"]


@pytest.mark.parametrize("column", ["district", "cowin_key"], ids=["district", "cowin_key"])
def test_every_real_data_spelling_resolves_to_one_district(column):
    if not REAL_DISTRICT_DAILY.exists():
        pytest.skip(f"{REAL_DISTRICT_DAILY} is not present")
    found = names_by_key("districts.csv", "code", ("name_en", "name_hi"))
    with open(REAL_DISTRICT_DAILY, encoding="utf-8", newline="") as handle:
        spellings = {row[column].strip() for row in csv.DictReader(handle)}
    assert len(spellings) == 28
    resolved = {spelling: found.get(key(spelling), set()) for spelling in spellings}
    assert {s: c for s, c in resolved.items() if len(c) != 1} == {}
    assert len({code for codes in resolved.values() for code in codes}) == 28


def test_districts_formed_later_name_an_existing_parent():
    districts = rows("districts.csv")
    codes = {row["code"] for row in districts}
    seen: set[str] = set()
    for row in districts:
        if row["parent_code"]:
            assert row["parent_code"] in codes, row
            assert row["parent_code"] in seen, f"{row['code']}: parent must come first"
            assert row["parent_code"] != row["code"]
            assert date.fromisoformat(row["formed_on"]) > date(2011, 3, 1), row
        else:
            assert row["formed_on"] == "", row
        seen.add(row["code"])
    assert sum(1 for row in districts if row["formed_on"].startswith("2022-")) == 5


def test_every_district_has_a_positive_target_for_each_band():
    codes = {row["code"] for row in rows("districts.csv")}
    bands: dict[str, list[str]] = defaultdict(list)
    for row in rows("district_targets.csv"):
        assert row["population"].isdigit(), row
        assert int(row["population"]) > 0, row
        assert row["source"], row
        bands[row["district_code"]].append(row["age_band"])
    assert set(bands) == codes
    for code, listed in bands.items():
        assert sorted(listed) == sorted(TARGET_BANDS), code
    assert len({row["source"] for row in rows("district_targets.csv")}) == 1


def test_target_bands_exist_and_45_plus_is_derived():
    band_codes = {row["code"] for row in rows("age_bands.csv")}
    assert band_codes == TARGET_BANDS | {"45+"}
    assert "45+" not in {row["age_band"] for row in rows("district_targets.csv")}


def test_state_adult_target_is_about_two_crore():
    adults = sum(int(row["population"]) for row in rows("district_targets.csv") if row["age_band"] in ADULT_BANDS)
    assert 1.8 * CRORE <= adults <= 2.1 * CRORE


@pytest.mark.parametrize(
    ("code", "min_age", "max_age"),
    [("12-14", 12, 14), ("15-17", 15, 17), ("18-44", 18, 44), ("45-59", 45, 59), ("60+", 60, None), ("45+", 45, None)],
    ids=["12-14", "15-17", "18-44", "45-59", "60+", "45+"],
)
def test_age_band_limits(code, min_age, max_age):
    row = {r["code"]: r for r in rows("age_bands.csv")}[code]
    assert int(row["min_age"]) == min_age
    assert (int(row["max_age"]) if row["max_age"] else None) == max_age


@pytest.mark.parametrize(
    ("code", "dose2_min", "dose2_max"),
    [("COVISHIELD", 84, 112), ("COVAXIN", 28, 42), ("SPUTNIK", 21, 90), ("CORBEVAX", 28, 42)],
    ids=["covishield", "covaxin", "sputnik", "corbevax"],
)
def test_vaccine_intervals(code, dose2_min, dose2_max):
    row = {r["code"]: r for r in rows("vaccines.csv")}[code]
    assert (int(row["dose2_min_days"]), int(row["dose2_max_days"])) == (dose2_min, dose2_max)
    assert int(row["precaution_min_days"]) == 273


@pytest.mark.parametrize(
    ("file_name", "code_field", "name_fields", "spelling", "expected"),
    [
        ("districts.csv", "code", ("name_en", "name_hi"), "  kawardha ", "KBD"),
        ("districts.csv", "code", ("name_en", "name_hi"), "KOREA", "KRY"),
        ("districts.csv", "code", ("name_en", "name_hi"), "Baloda_Bazar", "BLB"),
        ("districts.csv", "code", ("name_en", "name_hi"), "दंतेवाड़ा", "DTW"),
        ("age_bands.csv", "code", ("label_en", "label_hi"), "18 to 45", "18-44"),
        ("age_bands.csv", "code", ("label_en", "label_hi"), "60 and above", "60+"),
        ("vaccines.csv", "code", ("name_en", "name_hi"), "Sputnik-V", "SPUTNIK"),
        ("vaccines.csv", "code", ("name_en", "name_hi"), "कोविशील्ड", "COVISHIELD"),
        ("dose_numbers.csv", "number", ("label_en", "label_hi"), "Booster", "3"),
        ("dose_numbers.csv", "number", ("label_en", "label_hi"), "1st", "1"),
        ("state.csv", "code", ("name_en", "name_hi"), "CHHATTISGARH", "CT"),
        ("state.csv", "code", ("name_en", "name_hi"), "छत्तीसगढ़", "CT"),
        ("state.csv", "code", ("name_en", "name_hi"), "cg", "CT"),
        ("genders.csv", "code", ("name_en", "name_hi"), "female", "F"),
        ("genders.csv", "code", ("name_en", "name_hi"), "पुरुष", "M"),
        ("genders.csv", "code", ("name_en", "name_hi"), "Third Gender", "O"),
        ("id_types.csv", "code", ("label_en", "label_hi"), "aadhar card", "AADHAAR"),
        ("id_types.csv", "code", ("label_en", "label_hi"), "पैन कार्ड", "PAN"),
        ("id_types.csv", "code", ("label_en", "label_hi"), "EPIC", "VOTER_ID"),
    ],
    ids=[
        "kawardha",
        "korea",
        "baloda-underscore",
        "dantewada-hindi",
        "18-to-45",
        "60-above",
        "sputnik-v",
        "covishield-hindi",
        "booster",
        "1st",
        "state-upper-case",
        "state-hindi",
        "state-cg",
        "female",
        "male-hindi",
        "third-gender",
        "aadhar-card",
        "pan-card-hindi",
        "epic",
    ],
)
def test_common_spellings_resolve(file_name, code_field, name_fields, spelling, expected):
    assert names_by_key(file_name, code_field, name_fields).get(key(spelling)) == {expected}


def test_the_state_is_one_row_whose_names_are_no_district():
    (state,) = rows("state.csv")
    assert state["code"] not in RESERVED_CODES
    districts = names_by_key("districts.csv", "code", ("name_en", "name_hi"))
    assert not set(names_by_key("state.csv", "code", ("name_en", "name_hi"))) & set(districts)


def test_gender_codes_are_the_ones_certificates_carry():
    assert [row["code"] for row in rows("genders.csv")] == ["M", "F", "O"]


@pytest.mark.parametrize("row", rows("id_types.csv"), ids=[row["code"] for row in rows("id_types.csv")])
def test_an_id_type_pattern_compiles_and_fits_its_own_example(row):
    pattern = re.compile(row["pattern"])
    assert re.fullmatch(r"[A-Z_]+", row["code"]), row["code"]
    assert row["form_en"] and row["form_hi"]
    example = re.search(r"like (.+)$", row["form_en"])
    if example:  # the example in the description, normalised as the importer normalises a number
        assert pattern.fullmatch(re.sub(r"[\s\-/.]", "", example.group(1)).upper()), row["form_en"]
        assert example.group(1) in row["form_hi"], "the Hindi description shows the same example"
