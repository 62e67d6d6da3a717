"""The data-quality page on the app_db fixture (tests/pages/conftest.py), every figure worked by hand.

Default range: the 28 days up to 22 June, from the first day with data: 16–22 June 2021.
Flags (the rules of stats.quality over the range):
  missing centres  21 June, Bastar: BST-1 silent.  22 June, Raipur: RPR-2 silent. The fixture's week is too short
                   for the habit the rule asks for (each of the last 4 same weekdays), so habitual_centres stands in
                   for data.read.quality.centre_reports: as if BST-1 had reported on the 4 Mondays before 21 June and
                   RPR-2 on the 4 Tuesdays before 22 June (the query itself: tests/data/read).
  source gaps      none: CoWIN's daily total is 10,00,700 − 10,00,000 = 700 on 21 June against own 680 (gap −20,
                   −20 ÷ 700 = −2.9%) and 10,01,500 − 10,00,700 = 800 on 22 June against own 740 (−60, −7.5%):
                   both within 10%. 20 June is CoWIN's first figure (a cumulative, never compared).
  spikes, zeros    none: 16 June is the first day, so no day has the 7 days of history a median needs.
  stock            never below zero (Raipur: 4,000 Covishield in, 2,800 given; 1,000 Covaxin in, 300 given;
                   Durg 1,000 in, 220 given; Bastar 600 in, 500 given).
  coverage         far below 100% of the districts' populations.
Reporting on 22 June: Raipur 1 of 2 (RPR-2 silent), Durg 1 of 1, Bastar 0 of 1: 2 of 4 centres.
Average share over 16–22 June: Bastar 1/7 = 14.3%, Raipur (6 × 100% + 50%) ÷ 7 = 92.9%, Durg 100%.
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from tests.pages.conftest import open_page

PAGE = "data_quality"
JUNE = {n: date(2021, 6, n) for n in range(1, 31)}


@pytest.fixture(autouse=True)
def _habitual(habitual_centres):
    """Every test here: the fixture's two silent centres as habitual reporters (tests/pages/conftest.py)."""


def metrics(app) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def tables(app) -> dict[str, pd.DataFrame]:
    """The page's tables by what they hold (AppTest keeps no key for a dataframe), in page order: flags,
    comparison (beside the chart), largest (gaps), completeness (beside the heatmap), summary."""
    named: dict[str, pd.DataFrame] = {}
    for element in app.dataframe:
        shown = element.value
        if "average_share" in shown.columns:
            named["summary"] = shown
        elif len(shown.columns) == 4:
            named["flags"] = shown
        elif len(shown.columns) == 5:
            named["completeness"] = shown
        else:
            named["largest" if "comparison" in named else "comparison"] = shown
    return named


def table(app, name: str) -> list[tuple]:
    return [tuple(r) for r in tables(app)[name].itertuples(index=False)]


def columns(app, name: str) -> list[str]:
    return list(tables(app)[name].columns)


def test_page_in_english(app_db):
    app = open_page(PAGE)
    assert app.title[0].value == "Data quality and reconciliation"
    assert "16 June 2021 to 22 June 2021" in [c.value for c in app.caption]
    assert metrics(app) == {"Flags": "2", "Largest gap": "−60", "Centres reporting": "2 of 4"}
    captions = [c.value for c in app.caption]
    assert "−7.5% · CoWIN, 22 June 2021" in captions and "22 June 2021" in captions
    assert [h.value for h in app.header] == [
        "Flags",
        "Own reports against the published series",
        "Reporting completeness",
    ]

    assert columns(app, "flags") == ["Date", "Area", "Rule", "What looks wrong"]
    assert table(app, "flags") == [
        (
            "22 June 2021",
            "Raipur",
            "Centres not reporting",
            "1 centre in Raipur that reported on each of the last 4 Tuesdays sent no report on 22 June 2021: RPR-2.",
        ),
        (
            "21 June 2021",
            "Bastar",
            "Centres not reporting",
            "1 centre in Bastar that reported on each of the last 4 Mondays sent no report on 21 June 2021: BST-1.",
        ),
    ]
    assert app.get("download_button")[0].proto.label == "Download flags (CSV)"

    comparison = [
        ("21 June 2021", "CoWIN", "680", "700", "−20", "−2.9%", "1"),
        ("22 June 2021", "CoWIN", "740", "800", "−60", "−7.5%", "1"),
    ]
    assert table(app, "comparison") == comparison
    assert columns(app, "comparison") == [
        "Date",
        "Source",
        "State's own reports",
        "Published",
        "Gap (own − published)",
        "Gap (% of published)",
        "Days covered",
    ]
    assert table(app, "largest") == comparison[::-1]

    completeness = table(app, "completeness")
    assert len(completeness) == 21  # 3 districts with centres × 7 days
    assert completeness[4] == ("Bastar", "20 June 2021", "1", "1", "100.0%")
    assert completeness[-1] == ("Raipur", "22 June 2021", "1", "2", "50.0%")
    summary = tables(app)["summary"]
    assert [(d, k, round(a, 3), s) for d, k, a, s in summary.values] == [
        ("Bastar", 1, 0.143, 0.0),
        ("Raipur", 2, 0.929, 0.5),
        ("Durg", 1, 1.0, 1.0),
    ]
    assert not app.info


def test_charts_have_their_data_beside_them(app_db):
    app = open_page(PAGE)
    charts = {c.key: json.loads(c.proto.spec) for c in app.get("plotly_chart")}
    assert set(charts) == {"chart-own-vs-published", "chart-reporting-completeness"}
    own, edge, cowin = charts["chart-own-vs-published"]["data"]
    assert own["name"] == "State's own reports" and own["y"] == [180, 280, 380, 480, 1080, 680, 740]
    assert (edge["y"], cowin["y"], cowin["fill"]) == ([680, 740], [700, 800], "tonexty")
    assert cowin["customdata"] == ["CoWIN: 700 (gap −20, −2.9%)", "CoWIN: 800 (gap −60, −7.5%)"]
    (heatmap,) = charts["chart-reporting-completeness"]["data"]
    assert heatmap["y"] == ["Raipur", "Durg", "Bastar"]
    assert heatmap["z"][0] == [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5]
    assert heatmap["customdata"][0][6] == "Raipur, 22 June 2021: 1 of 2 centres (50.0%)"


def test_page_in_hindi(app_db):
    app = open_page(PAGE, lang="hi")
    assert app.title[0].value == "आँकड़ों की गुणवत्ता और मिलान"
    assert metrics(app) == {"चेतावनियाँ": "2", "सबसे बड़ा अंतर": "−60", "रिपोर्ट भेजने वाले केंद्र": "4 में से 2"}
    assert [h.value for h in app.header] == [
        "चेतावनियाँ",
        "प्रकाशित आँकड़ों से अपनी रिपोर्टों का मिलान",
        "रिपोर्टिंग की पूर्णता",
    ]
    assert app.subheader[0].value == "सबसे बड़े अंतर"
    assert "16 जून 2021 से 22 जून 2021 तक" in [c.value for c in app.caption]
    assert columns(app, "flags") == ["तारीख़", "क्षेत्र", "नियम", "क्या ग़लत लगता है"]
    assert table(app, "flags")[0] == (
        "22 जून 2021",
        "रायपुर",
        "केंद्रों की रिपोर्ट नहीं",
        "रायपुर के 1 केंद्र ने पिछले 4 मंगलवार में से हर एक को रिपोर्ट भेजी थी, पर 22 जून 2021 को कोई रिपोर्ट नहीं भेजी: RPR-2।",
    )
    assert columns(app, "comparison")[:4] == ["तारीख़", "स्रोत", "राज्य की अपनी रिपोर्टें", "प्रकाशित"]
    assert table(app, "largest")[0] == ("22 जून 2021", "CoWIN", "740", "800", "−60", "−7.5%", "1")
    assert columns(app, "completeness") == [
        "ज़िला",
        "तारीख़",
        "रिपोर्ट भेजने वाले केंद्र",
        "ज्ञात केंद्र",
        "रिपोर्ट भेजने का हिस्सा",
    ]
    summary = json.dumps(json.loads(app.dataframe[-1].proto.columns), ensure_ascii=False)
    assert "तारीख़ों में औसत हिस्सा" in summary and "अंतिम दिन का हिस्सा" in summary
    assert app.multiselect(key="dq-rules-hi").label == "नियम"
    assert app.selectbox(key="dq-area-hi").value == "*"
    assert app.selectbox(key="dq-area-hi").options[:3] == ["सभी क्षेत्र", "छत्तीसगढ़", "बालोद"]
    assert [t.label for t in app.tabs][:2] == ["चार्ट", "तालिका"]
    assert app.get("download_button")[0].proto.label == "चेतावनियाँ डाउनलोड करें (CSV)"


def test_switching_language_keeps_the_page_working(app_db):
    app = open_page(PAGE, lang="hi")
    app.selectbox(key="dq-area-hi").set_value("RPR").run()
    assert len(table(app, "flags")) == 1
    app.session_state["lang"] = "en"
    app.run()
    assert not app.exception
    assert app.selectbox(key="dq-area-en").value == "*"  # a choice does not carry across languages
    assert metrics(app)["Flags"] == "2"


FILTERS = [
    ({"rules": ["source_gap"]}, [], "a rule without flags"),
    ({"area": "BST"}, [("21 June 2021", "Bastar")], "one district"),
    ({"area": "STATE"}, [], "the state's own flags only"),
    ({"rules": ["missing_centres", "spike"], "area": "RPR"}, [("22 June 2021", "Raipur")], "rules and a district"),
]


@pytest.mark.parametrize("chosen, expected", [c[:2] for c in FILTERS], ids=[c[2] for c in FILTERS])
def test_filters(app_db, chosen, expected):
    app = open_page(PAGE)
    if "rules" in chosen:
        app.multiselect(key="dq-rules-en").set_value(chosen["rules"])
    if "area" in chosen:
        app.selectbox(key="dq-area-en").set_value(chosen["area"])
    app.run()
    assert not app.exception
    assert metrics(app)["Flags"] == str(len(expected))
    if expected:
        assert [row[:2] for row in table(app, "flags")] == expected
    else:
        assert [i.value for i in app.info][0] == "No flags for these dates and filters."


def test_one_district_narrows_completeness(app_db):
    app = open_page(PAGE)
    app.selectbox(key="dq-area-en").set_value("RPR").run()
    assert metrics(app)["Centres reporting"] == "1 of 2"
    assert {row[0] for row in table(app, "completeness")} == {"Raipur"}
    assert len(table(app, "comparison")) == 2  # the published series are the state's


def test_a_district_without_centres(app_db):
    app = open_page(PAGE)
    app.selectbox(key="dq-area-en").set_value("KRB").run()
    assert not app.exception
    assert [i.value for i in app.info] == ["No flags for these dates and filters.", "Korba has no known centres."]
    assert metrics(app)["Centres reporting"] == "0 of 0"


def test_an_earlier_date_and_a_chosen_range(app_db):
    app = open_page(PAGE, as_of=JUNE[21])
    assert "16 June 2021 to 21 June 2021" in [c.value for c in app.caption]
    assert [row[:2] for row in table(app, "flags")] == [("21 June 2021", "Bastar")]
    assert table(app, "comparison") == [("21 June 2021", "CoWIN", "680", "700", "−20", "−2.9%", "1")]

    app.date_input(key="dq-range-2021-06-21").set_value((JUNE[18], JUNE[19])).run()
    assert "18 June 2021 to 19 June 2021" in [c.value for c in app.caption]
    assert metrics(app) == {"Flags": "0", "Largest gap": "—", "Centres reporting": "3 of 4"}  # Bastar silent on 19 June
    assert [i.value for i in app.info] == [
        "No flags for these dates and filters.",
        "No published figures for these dates.",
    ]


def test_empty_database(empty_app_db):
    for lang, message in (("en", "No doses have been imported yet."), ("hi", "अभी तक कोई खुराक आयात नहीं हुई है।")):
        app = open_page(PAGE, lang=lang)
        assert [i.value for i in app.info] == [message]
        assert not app.dataframe and not app.metric
