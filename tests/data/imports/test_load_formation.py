"""A row for a district dated before its formation (data/master/districts.csv) is refused, naming the district its
area then belonged to, in English and Hindi, with row, column and rule, and nothing changed; on SQLite and
PostgreSQL. Every kind that carries a district and a date: daily doses, stock movements, published series and
vaccinations (by the district of the centre)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from data.imports.importer import describe
from tests.conftest import snapshot
from tests.files import (
    beneficiaries_csv,
    doses_csv,
    problems_of,
    run_import,
    series_csv,
    stock_csv,
    stored_doses,
    vaccinations_csv,
)

TODAY = date(2022, 12, 31)
"""After the districts of September 2022."""
SBG_CENTRE = {"district": "Sarangarh-Bilaigarh", "centre_code": "SBG-PHC-01", "centre_name": "PHC Sarangarh"}


@dataclass(frozen=True)
class Refused:
    id: str
    content: bytes
    problem: tuple  # (row, column, value, rule)
    message: str  # the English message, whole
    message_hi: str  # the Hindi message, whole
    before: tuple[bytes, ...] = ()


SBG_2021 = (
    "Sarangarh-Bilaigarh was formed on 3 September 2022; file doses of 22 June 2021 under Raigarh.",
    "सारंगढ़-बिलाईगढ़ ज़िले का गठन 3 सितंबर 2022 को हुआ; 22 जून 2021 की खुराकें रायगढ़ ज़िले में दर्ज करें।",
)

REFUSED = [
    Refused(
        "doses-row-7-sarangarh-2021",
        # Rows 2-6 are good (Raipur, five age bands); row 7 is Sarangarh-Bilaigarh on 22 June 2021.
        doses_csv(
            [{"age_band": band} for band in ("12-14", "15-17", "18-44", "45-59", "60+")]
            + [{**SBG_CENTRE, "date": "2021-06-22"}]
        ),
        (7, "district", "Sarangarh-Bilaigarh", "district_not_formed"),
        *SBG_2021,
    ),
    Refused(
        "doses-hindi-name-the-day-before",
        doses_csv([{**SBG_CENTRE, "district": "सारंगढ़-बिलाईगढ़", "date": "02-09-2022"}]),
        (2, "district", "सारंगढ़-बिलाईगढ़", "district_not_formed"),
        "Sarangarh-Bilaigarh was formed on 3 September 2022; file doses of 2 September 2022 under Raigarh.",
        "सारंगढ़-बिलाईगढ़ ज़िले का गठन 3 सितंबर 2022 को हुआ; 2 सितंबर 2022 की खुराकें रायगढ़ ज़िले में दर्ज करें।",
    ),
    Refused(
        "doses-manendragarh-under-koriya",
        doses_csv([{"district": "MCB", "centre_code": "MCB-1", "date": "2022-09-08"}]),
        (2, "district", "MCB", "district_not_formed"),
        "Manendragarh-Chirmiri-Bharatpur was formed on 9 September 2022; file doses of 8 September 2022 under Koriya.",
        "मनेंद्रगढ़-चिरमिरी-भरतपुर ज़िले का गठन 9 सितंबर 2022 को हुआ; 8 सितंबर 2022 की खुराकें कोरिया ज़िले में दर्ज करें।",
    ),
    Refused(
        "stock-to-a-store-not-yet-formed",
        stock_csv([{}, {"date": "2021-06-02", "from_store": "STATE", "to_store": "Sakti", "reference": "ISS-1"}]),
        (3, "to_store", "Sakti", "store_not_formed"),
        "Sakti was formed on 9 September 2022; its store did not exist on 2 June 2021: record the movement under "
        "Janjgir-Champa.",
        "सक्ती ज़िले का गठन 9 सितंबर 2022 को हुआ; 2 जून 2021 को उसका भंडार नहीं था: यह प्रविष्टि जांजगीर-चांपा के भंडार में दर्ज करें।",
    ),
    Refused(
        "stock-from-a-store-not-yet-formed",
        stock_csv([{"date": "2022-01-05", "from_store": "KCG", "to_store": "WASTAGE", "reference": "W-1"}]),
        (2, "from_store", "KCG", "store_not_formed"),
        "Khairagarh-Chhuikhadan-Gandai was formed on 3 September 2022; its store did not exist on 5 January 2022: "
        "record the movement under Rajnandgaon.",
        "खैरागढ़-छुईखदान-गंडई ज़िले का गठन 3 सितंबर 2022 को हुआ; 5 जनवरी 2022 को उसका भंडार नहीं था: यह प्रविष्टि "
        "राजनांदगांव के भंडार में दर्ज करें।",
    ),
    Refused(
        "series-area-not-yet-formed",
        series_csv([{}, {"area": "Mohla-Manpur-Ambagarh Chowki", "metric": "First Dose Administered"}]),
        (3, "area", "Mohla-Manpur-Ambagarh Chowki", "area_not_formed"),
        "Mohla-Manpur-Ambagarh Chowki was formed on 2 September 2022; file figures of 22 June 2021 under Rajnandgaon.",
        "मोहला-मानपुर-अंबागढ़ चौकी ज़िले का गठन 2 सितंबर 2022 को हुआ; 22 जून 2021 के आँकड़े राजनांदगांव ज़िले में दर्ज करें।",
    ),
    Refused(
        "vaccination-at-a-centre-of-a-district-not-yet-formed",
        vaccinations_csv([{"centre_code": "SBG-PHC-01", "date": "2021-06-22"}]),
        (2, "centre_code", "SBG-PHC-01", "centre_not_formed"),
        "centre 'SBG-PHC-01' is in Sarangarh-Bilaigarh, which was formed on 3 September 2022; a dose of 22 June 2021 "
        "belongs to a centre of Raigarh.",
        "केंद्र 'SBG-PHC-01' सारंगढ़-बिलाईगढ़ ज़िले में है, जिसका गठन 3 सितंबर 2022 को हुआ; 22 जून 2021 की खुराक "
        "रायगढ़ ज़िले के किसी केंद्र में दर्ज करें।",
        before=(doses_csv([{**SBG_CENTRE, "date": "2022-09-10"}]), beneficiaries_csv([{}])),
    ),
]


@pytest.mark.parametrize("case", REFUSED, ids=[case.id for case in REFUSED])
def test_a_row_before_its_district_was_formed_is_refused(engine, case: Refused) -> None:
    for content in case.before:
        report = run_import(engine, content, "earlier.csv", today=TODAY)
        assert report.status == "committed", describe(report)
    before = snapshot(engine)

    report = run_import(engine, case.content, "early.csv", today=TODAY)

    assert report.status == "rejected"
    assert problems_of(report) == [case.problem]
    assert (report.problems[0].message("en"), report.problems[0].message("hi")) == (case.message, case.message_hi)
    assert (report.new, report.changed, report.unchanged, report.batch_id) == (0, 0, 0, None)
    assert snapshot(engine) == before


ACCEPTED = [
    ("SBG", "Sarangarh-Bilaigarh", "2022-09-03", "the day of its formation"),
    ("SBG", "सारंगढ़-बिलाईगढ़", "2022-12-31", "after it, by its Hindi name"),
    ("GPM", "Gaurela-Pendra-Marwahi", "2021-01-16", "formed in 2020, before the campaign"),
    ("RGH", "Raigarh", "2021-06-22", "the parent, for the area before the split"),
]


@pytest.mark.parametrize("code, district, day", [c[:3] for c in ACCEPTED], ids=[c[3] for c in ACCEPTED])
def test_a_row_on_or_after_the_formation_is_stored_under_the_district(engine, code, district, day) -> None:
    content = doses_csv([{"district": district, "centre_code": f"{code}-PHC-01", "date": day}])
    report = run_import(engine, content, "ok.csv", today=TODAY)
    assert report.status == "committed", describe(report)
    assert [key[1] for key in stored_doses(engine)] == [code]


def test_every_early_row_is_reported_not_only_the_first(sqlite_engine) -> None:
    rows = [{**SBG_CENTRE, "date": d} for d in ("2021-06-22", "2022-09-03", "2022-09-01")]
    rows.append({"district": "Sakti", "centre_code": "SKT-1", "date": "2022-09-08"})
    report = run_import(sqlite_engine, doses_csv(rows), "early.csv", today=TODAY)
    assert [(p.row, p.rule) for p in report.problems] == [
        (2, "district_not_formed"),
        (4, "district_not_formed"),
        (5, "district_not_formed"),
    ]
    assert "under Janjgir-Champa" in report.problems[2].message("en")
