"""The About page's texts and tables (stats.views.about), worked by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from stats import sources
from stats.views.about import (
    Rules,
    bullets,
    demo_paragraphs,
    derivation,
    imports_table,
    known_jumps_table,
    oddities,
    order_steps,
    sources_table,
)
from tests.stats import master_names

NAMES = master_names()


def test_the_rules_are_the_code_s() -> None:
    rules = Rules()
    assert tuple(rules.order) == sources.ORDER == ("own", "cowin_district", "cowin", "mohfw")
    assert (rules.jump_factor, rules.median_days, rules.agree_factor) == (4, 14, 1.5)
    assert dict(rules.known_jumps) == sources.KNOWN_JUMPS


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            "A catch-up jump is marked: the known ones listed below, and any day more than 4 times the median of the "
            "14 regular days before it that no other source confirms within a factor of 1.5.",
        ),
        (
            "hi",
            "अचानक उछाल (पिछली खुराकों की भरपाई) चिह्नित किया जाता है: नीचे दिए ज्ञात उछाल, और ऐसा कोई भी दिन जो अपने "
            "पहले के 14 सामान्य दिनों की माध्यिका के 4 गुना से अधिक हो और जिसकी पुष्टि कोई दूसरा स्रोत 1.5 गुना के "
            "भीतर न करे।",
        ),
    ],
    ids=["en", "hi"],
)
def test_the_jump_rule_says_the_code_s_numbers(lang, expected) -> None:
    rules = derivation(Rules(), lang)
    assert len(rules) == 8
    assert rules[3] == expected


def test_other_numbers_are_said_as_given() -> None:
    rule = derivation(Rules(jump_factor=5, median_days=28, agree_factor=2), "en")[3]
    assert "more than 5 times the median of the 28 regular days" in rule and "within a factor of 2." in rule


def test_the_order_follows_the_order_given() -> None:
    assert order_steps(("cowin", "own"), "en") == [
        "CoWIN's state series;",
        "the state's own centre reports, when any were imported for that day;",
    ]
    assert bullets(["a", "b"], numbered=True) == "1. a\n2. b"
    assert bullets(["a", "b"]) == "- a\n- b"


def test_the_sources_table() -> None:
    table = sources_table(NAMES, "en")
    assert list(table.columns) == ["Source", "Area", "Days published", "What it counts"]
    assert table.values[:, :3].tolist() == [
        ["State's own centre reports", "Each centre, district and the state", "The days imported (see the last table)"],
        ["CoWIN, district series", "Each district (the 28 districts of 2021)", "16 January 2021 – 25 April 2021"],
        ["CoWIN, state series", "The whole state", "16 January 2021 – 29 September 2021"],
        [
            "Health ministry (MoHFW), state series",
            "The whole state",
            "16 January 2021 – 24 October 2021 (no figures for 17 January and 28 August)",
        ],
    ]
    own = table.iloc[0, 3]
    assert "by age band (12–14 years, 15–17 years, 18–44 years, 45–59 years, 60+ years, 45+ years)" in own
    assert "dose (First dose, Second dose, Precaution dose)" in own
    assert "vaccine (Covishield, Covaxin, Sputnik V, Corbevax)" in own
    assert "18–44, 45–60, 60+: CoWIN's 45–60, not our 45–59" in table.iloc[2, 3]
    assert "AEFI" in table.iloc[2, 3] and "registrations" in table.iloc[1, 3]


def test_the_sources_table_in_hindi() -> None:
    table = sources_table(NAMES, "hi", order=("mohfw",))
    assert list(table.columns) == ["स्रोत", "क्षेत्र", "प्रकाशित दिन", "यह क्या गिनता है"]
    assert table.values[0, :3].tolist() == [
        "स्वास्थ्य मंत्रालय (MoHFW), राज्य शृंखला",
        "पूरा राज्य",
        "16 जनवरी 2021 – 24 अक्टूबर 2021 (17 जनवरी और 28 अगस्त के आँकड़े नहीं)",
    ]


def test_known_jumps_by_date_with_their_reason() -> None:
    table = known_jumps_table(sources.KNOWN_JUMPS, NAMES, "en")
    assert list(table.columns) == ["Source", "Area", "Date", "Why"]
    assert table.values.tolist() == [
        [
            "CoWIN, state series",
            "The whole state",
            "16 March 2021",
            "CoWIN changed what it counts: the total jumps by 2,02,576",
        ],
        [
            "Health ministry (MoHFW), state series",
            "The whole state",
            "20 May 2021",
            "Reconciliation by the ministry: the total jumps by 7,32,212",
        ],
        [
            "CoWIN, state series",
            "The whole state",
            "25 June 2021",
            "Catch-up: doses recorded late, larger than any real day before",
        ],
        [
            "CoWIN, state series",
            "The whole state",
            "26 June 2021",
            "Catch-up: doses recorded late, larger than any real day before",
        ],
    ]


def test_a_district_jump_names_the_district_and_an_unknown_reason_stays_as_given() -> None:
    table = known_jumps_table({("cowin_district", "RPR", date(2021, 4, 4)): "odd"}, NAMES, "hi")
    assert table.values.tolist() == [["CoWIN, ज़िलेवार शृंखला", "रायपुर", "4 अप्रैल 2021", "odd"]]


def test_oddities_and_the_demo_in_both_languages() -> None:
    english, hindi = oddities("en"), oddities("hi")
    assert len(english) == len(hindi) == 10
    assert english[0].startswith("9 March 2021, CoWIN state: the total falls by 83,734 doses")
    assert hindi[0].startswith("9 मार्च 2021, CoWIN राज्य")
    assert any("7,32,212" in line for line in english)
    assert len(demo_paragraphs("en")) == len(demo_paragraphs("hi")) == 3
    assert "16 January to 29 September 2021" in demo_paragraphs("en")[0]


IMPORTS = [
    {"source": "own", "imported_at": datetime(2021, 6, 22, 8, 35, tzinfo=UTC), "first": date(2021, 1, 16),
     "last": date(2022, 3, 31), "values": 12_34_567},
    {"source": "cowin_district", "imported_at": None, "first": None, "last": None, "values": 0},
    {"source": "cowin", "imported_at": datetime(2021, 6, 21, 20, 0), "first": date(2021, 1, 16),
     "last": date(2021, 9, 29), "values": 3_494},
]  # fmt: skip
"""8:35 UTC is 14:05 IST; 20:00 UTC (no zone: UTC) is 01:30 IST on the next day."""


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            [
                [
                    "State's own centre reports",
                    "22 June 2021, 14:05 IST",
                    "16 January 2021",
                    "31 March 2022",
                    "12,34,567",
                ],
                ["CoWIN, district series", "never imported", "–", "–", "0"],
                ["CoWIN, state series", "22 June 2021, 01:30 IST", "16 January 2021", "29 September 2021", "3,494"],
            ],
        ),
        (
            "hi",
            [
                ["राज्य की अपनी केंद्र रिपोर्टें", "22 जून 2021, 14:05 IST", "16 जनवरी 2021", "31 मार्च 2022", "12,34,567"],
                ["CoWIN, ज़िलेवार शृंखला", "कभी आयात नहीं", "–", "–", "0"],
                ["CoWIN, राज्य शृंखला", "22 जून 2021, 01:30 IST", "16 जनवरी 2021", "29 सितंबर 2021", "3,494"],
            ],
        ),
    ],
    ids=["en", "hi"],
)
def test_imports_table(lang, expected) -> None:
    table = imports_table(IMPORTS, lang)
    assert table.values.tolist() == expected


def test_imports_table_columns() -> None:
    assert list(imports_table([], "en").columns) == ["Source", "Last imported", "First day", "Last day", "Values held"]
