"""stats.views.district_pace and stats.figures.district_pace against small hand-worked tables."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from stats import league as league_rules
from stats.figures.district_pace import date_ticks, indicator_chart, trend_chart
from stats.names import district_options
from stats.views import district_pace as view
from tests.stats import NaN, column, day, frame

# Five districts. Eligible in the default bands (18-44, 45-59, 60+): A 1,500; B 2,000; C 500; D 100; E none.
DISTRICTS = frame(
    "code name_en name_hi",
    [
        ("A", "Alpha", "अल्फा"),
        ("B", "Beta", "बीटा"),
        ("C", "Gamma", "गामा"),
        ("D", "Delta", "डेल्टा"),
        ("E", "Epsilon", "एप्सिलॉन"),
    ],
)
TARGETS = frame(
    "district_code age_band population",
    [
        ("A", "12-14", 300),
        ("A", "18-44", 1000),
        ("A", "45-59", 400),
        ("A", "60+", 100),
        ("B", "18-44", 2000),
        ("C", "18-44", 500),
        ("D", "18-44", 100),
    ],
)
AS_OF = day(14)  # 14 June 2021; default target date 31 Dec 2021: 200 days left
# Recent doses: A 18-44 35 a day on days 1-7 and 70 a day on days 8-14, and 700 of 12-14 on day 14 (outside
# the bands); B 140 on day 14. 7-day averages on day 14: A 70 (before 35: +100%), B 20 (before 0: no change).
RECENT = frame(
    "date district_code age_band doses",
    [(d, "A", "18-44", 35) for d in range(1, 8)]
    + [(d, "A", "18-44", 70) for d in range(8, 15)]
    + [(14, "A", "12-14", 700), (14, "B", "18-44", 140)],
)
# Cumulative: A d1 600 (+300 of 12-14, outside), d2 150, d3 15 (60+); B d1 140.
TOTALS = frame(
    "district_code age_band dose_number doses",
    [
        ("A", "18-44", 1, 600),
        ("A", "12-14", 1, 300),
        ("A", "18-44", 2, 150),
        ("A", "60+", 3, 15),
        ("B", "18-44", 1, 140),
    ],
)
# Stock: A 1,540 (all bands' 7-day average 170: 9.06 days), C 100 and no doses (∞); the state store is no district.
STOCK = frame(
    "store vaccine on_hand",
    [("A", "COVISHIELD", 1540), ("A", "COVAXIN", 0), ("C", "COVISHIELD", 100), ("STATE", "COVISHIELD", 9999)],
)


def league(**kwargs) -> pd.DataFrame:
    arguments = {
        "districts": DISTRICTS,
        "targets": TARGETS,
        "totals": TOTALS,
        "recent": RECENT,
        "stock": STOCK,
        "as_of": AS_OF,
    }
    return league_rules.league_table(**{**arguments, **kwargs})


def values(table: pd.DataFrame, name: str) -> list:
    return [None if (isinstance(v, float) and math.isnan(v)) else v for v in column(table, name)]


# --- dates ---------------------------------------------------------------------------------------

TARGET_DATES = [
    (date(2021, 6, 22), date(2021, 12, 31), "31 December when as_of + 90 is earlier"),
    (date(2021, 10, 2), date(2021, 12, 31), "as_of + 90 is 31 December"),
    (date(2021, 10, 3), date(2022, 1, 1), "as_of + 90 when later"),
    (date(2022, 3, 31), date(2022, 6, 29), "the demo's last day"),
]


@pytest.mark.parametrize("as_of, expected", [c[:2] for c in TARGET_DATES], ids=[c[2] for c in TARGET_DATES])
def test_default_target_date(as_of, expected):
    assert league_rules.default_target_date(as_of) == expected


def test_windows():
    # The trend's first day, 25 March (90 days up to 22 June), averages 19-25 March.
    assert league_rules.history_start(date(2021, 6, 22)) == date(2021, 3, 19)
    assert league_rules.history_start(date(2021, 6, 22), days=1) == date(2021, 6, 16)
    assert view.centre_window(date(2021, 6, 22)) == (date(2021, 6, 16), date(2021, 6, 22))


def test_has_doses_on():
    assert view.has_doses_on(RECENT, day(14))
    assert not view.has_doses_on(RECENT, day(15))
    assert not view.has_doses_on(RECENT.iloc[0:0], day(14))


# --- writing numbers -----------------------------------------------------------------------------

FORMATS = [
    (109353, "count", "en", "1,09,353", "count"),
    (442.857, "count", "en", "443", "count rounds"),
    (0.271, "rate", "en", "0.27", "rate"),
    (1234.5, "rate", "hi", "1,234.50", "rate grouped"),
    (0.4, "percent", "en", "40.0%", "percent"),
    (1.0, "change", "en", "+100.0%", "rise"),
    (-0.254, "change", "en", "\u221225.4%", "fall with a true minus"),
    (0.0, "change", "en", "0.0%", "no change"),
    (9.06, "days", "en", "9.0", "days: one decimal"),
    (4.29, "days", "en", "4.2", "days round down, never promising more"),
    (0.0043, "days", "en", "0.0", "a trace of cover"),
    (math.inf, "days", "en", "∞", "stock never used"),
    (7644.46, "ceiling", "en", "7,645", "required rate rounds up"),
    (NaN, "rate", "en", "—", "missing"),
    (None, "count", "en", "—", "None"),
    (pd.NA, "count", "en", "—", "NA"),
]


@pytest.mark.parametrize("value, kind, lang, expected", [c[:4] for c in FORMATS], ids=[c[4] for c in FORMATS])
def test_format_value(value, kind, lang, expected):
    assert view.format_value(value, kind, lang) == expected


def test_target_text_and_height():
    assert view.target_text(90) == "90%"
    assert view.table_height(33) == 34 * view.ROW_PIXELS + 3


# --- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, expected",
    [("en", ["Alpha", "Beta", "Delta", "Epsilon", "Gamma"]), ("hi", ["अल्फा", "एप्सिलॉन", "गामा", "डेल्टा", "बीटा"])],
    ids=["English", "Hindi"],
)
def test_district_options_sorted_by_name_in_the_language(lang, expected):
    assert list(district_options(DISTRICTS, lang).values()) == expected


# --- the league table ----------------------------------------------------------------------------


def test_league_table_order_and_rank():
    table = league()
    # Pace per 1,000: A 70/1,500 = 46.67, B 20/2,000 = 10, C and D 0 (tie, by name: Delta, Gamma), E no population.
    assert values(table, "code") == ["A", "B", "D", "C", "E"]
    assert values(table, "rank") == [1, 2, 3, 3, pd.NA]
    assert values(table, "district") == ["Alpha", "Beta", "Delta", "Gamma", "Epsilon"]
    assert values(table, "population") == [1500, 2000, 100, 500, 0]
    assert values(table, "average_7d") == [70.0, 20.0, 0.0, 0.0, 0.0]
    assert values(table, "per_thousand") == [pytest.approx(1000 * 70 / 1500), 10.0, 0.0, 0.0, None]


def test_league_table_change_and_sparkline():
    table = league().set_index("code")
    assert table.loc["A", "change_7d"] == 1.0  # 70 against 35
    assert math.isnan(table.loc["B", "change_7d"])  # nothing the week before
    # The last 28 days: 14 days before the data, 7 of 35, 7 of 70 (the 12-14 doses are outside the bands).
    assert table.loc["A", "last_28_days"] == [0] * 14 + [35] * 7 + [70] * 7
    assert table.loc["B", "last_28_days"] == [0] * 27 + [140]
    assert table.loc["C", "last_28_days"] == [0] * 28


def test_league_table_coverage_and_dropout():
    table = league().set_index("code")
    assert list(table.loc["A", ["coverage_1", "coverage_2", "coverage_3"]]) == [0.4, 0.1, 0.01]
    assert list(table.loc["A", ["doses_1", "doses_2", "doses_3"]]) == [600, 150, 15]
    assert table.loc["A", "dropout"] == 0.75  # (600 − 150) ÷ 600
    assert table.loc["B", "dropout"] == 1.0
    assert table.loc["C", "coverage_1"] == 0.0
    assert math.isnan(table.loc["C", "dropout"])  # no first dose
    assert math.isnan(table.loc["E", "coverage_1"])  # no population


def test_league_table_stock_cover():
    table = league().set_index("code")
    assert list(table["on_hand"]) == [1540, 0, 0, 100, 0]
    assert table.loc["A", "days_of_cover"] == pytest.approx(1540 / 170)  # all bands: 70 + 700 ÷ 7
    assert table.loc["B", "days_of_cover"] == 0.0
    assert table.loc["C", "days_of_cover"] == math.inf


RATES = [
    ({}, {"A": 3.75, "B": 8.3, "C": 2.25, "D": 0.45, "E": None}, "90% of dose 1 by 31 Dec: (0.9 × pop − d1) ÷ 200"),
    ({"target_dose": 2}, {"A": 6.0, "B": 9.0, "C": 2.25, "D": 0.45, "E": None}, "dose 2"),
    ({"target_percent": 40}, {"A": 0.0, "B": 3.3, "C": 1.0, "D": 0.2, "E": None}, "A has reached 40%"),
    ({"target_date": AS_OF}, {"A": None, "B": None, "C": None, "D": None, "E": None}, "no day left"),
]


@pytest.mark.parametrize("kwargs, expected", [c[:2] for c in RATES], ids=[c[2] for c in RATES])
def test_league_table_required_daily_rate(kwargs, expected):
    table = league(**kwargs).set_index("code")
    got = {code: None if math.isnan(v) else pytest.approx(v) for code, v in table["required_daily_rate"].items()}
    assert got == expected


def test_league_table_bands_change_everything():
    table = league(age_bands=["12-14"]).set_index("code")
    assert table.loc["A", "population"] == 300
    assert table.loc["A", "average_7d"] == 100.0  # 700 ÷ 7
    assert table.loc["A", "coverage_1"] == 1.0  # 300 of 300
    assert list(league(age_bands=["12-14"])["code"][:1]) == ["A"]


def test_league_table_in_hindi_orders_ties_by_hindi_name():
    table = league(lang="hi")
    assert values(table, "district") == ["अल्फा", "बीटा", "गामा", "डेल्टा", "एप्सिलॉन"]


def test_league_table_without_any_data():
    empty = league(recent=RECENT.iloc[0:0], totals=TOTALS.iloc[0:0], stock=STOCK.iloc[0:0])
    assert values(empty, "code") == ["A", "B", "D", "C", "E"]  # all tied at 0, by name; E unranked
    assert values(empty, "rank") == [1, 1, 1, 1, pd.NA]
    assert values(empty, "average_7d") == [0.0] * 5
    assert values(empty, "on_hand") == [0] * 5
    assert list(empty["last_28_days"]) == [[0] * 28] * 5


def test_league_export_and_styler():
    table = league()
    export = view.league_export(table, "hi")
    assert list(export.columns)[:3] == ["क्रम", "ज़िला", "प्रति 1,000 पात्र प्रतिदिन"]
    assert "खुराकें, पिछले 28 दिन" not in export.columns  # the sparkline is not a CSV column
    first = export.iloc[0]
    assert (first["क्रम"], first["पात्र लोग"], first["कवरेज, पहली खुराक"], first["पिछले सप्ताह से बदलाव"]) == (
        "1",
        "1,500",
        "40.0%",
        "+100.0%",
    )
    assert list(export["स्टॉक कितने दिन चलेगा"]) == ["9.0", "0.0", "0.0", "∞", "0.0"]
    html = view.league_styler(table).to_html()
    assert "46.67" in html and "+100.0%" in html and "∞" in html


# --- comparing districts -------------------------------------------------------------------------

BARS = [
    ("per_thousand", ["A", "B", "D", "C", "E"], "higher is better; no population last"),
    ("dropout", ["A", "B", "D", "E", "C"], "lower is better; missing last (by name)"),
    ("days_of_cover", ["A", "B", "D", "E", "C"], "∞ has no bar: last"),
    ("required_daily_rate", ["D", "C", "A", "B", "E"], "lower is better"),
]


@pytest.mark.parametrize("indicator, codes", [c[:2] for c in BARS], ids=[c[2] for c in BARS])
def test_indicator_bars(indicator, codes):
    bars = view.indicator_bars(league(), indicator)
    assert list(bars["code"]) == codes
    levels = ["level"] if indicator == "days_of_cover" else []  # the warning colour of each bar
    assert list(bars.columns) == ["code", "district", "value", "text", *levels]


def test_indicator_chart_highlights_the_chosen_district():
    bars = view.indicator_bars(league(), "coverage_2")
    figure = indicator_chart(bars, "coverage_2", "title", "value", highlight="B")
    bar = figure.data[0]
    assert list(bar.y) == ["Alpha", "Beta", "Delta", "Gamma", "Epsilon"]  # 10%, then 0% by name, then none
    assert list(bar.marker.color) == ["#E69F00", "#D55E00", "#E69F00", "#E69F00", "#E69F00"]  # dose 2's colour
    assert list(bar.text) == ["10.0%", "0.0%", "0.0%", "0.0%", "—"]
    assert figure.layout.xaxis.tickformat == ".0%"


def test_indicator_chart_counts_on_an_indian_axis():
    table = league().assign(required_daily_rate=[150000.0, 0.0, 0.0, 0.0, NaN])
    figure = indicator_chart(view.indicator_bars(table, "required_daily_rate"), "required_daily_rate", "t", "v")
    assert "1,00,000" in figure.layout.xaxis.ticktext


# --- one district --------------------------------------------------------------------------------


def test_pace_trend():
    trend = view.pace_trend(RECENT, TARGETS, "A", AS_OF, days=2)
    # Days 13 and 14: A averages 70 (days 7-13: 35 + 6 × 70 = 455 ÷ 7 = 65 on day 13); state adds B's 140 on day 14.
    assert column(trend, "date") == [13, 14, 13, 14]
    assert column(trend, "area") == ["A", "A", "STATE", "STATE"]
    assert column(trend, "average_7d") == [65.0, 70.0, 65.0, 90.0]
    # Per 1,000: A of 1,500; the state of 4,100 (A 1,500 + B 2,000 + C 500 + D 100).
    assert column(trend, "per_thousand") == pytest.approx([65 / 1.5, 70 / 1.5, 65 / 4.1, 90 / 4.1])
    assert view.area_doses(trend, "A") == 140
    assert view.area_doses(view.pace_trend(RECENT, TARGETS, "C", AS_OF), "C") == 0
    written = view.trend_written(trend, "A", "hi")
    assert list(written.iloc[1]) == ["14 जून 2021", "46.67", "21.95"]


def test_trend_chart():
    trend = view.pace_trend(RECENT, TARGETS, "A", AS_OF, days=14)
    figure = trend_chart(trend, "A", {"A": "Alpha", "STATE": "State average"}, "t", "y", "x", "hi")
    assert [trace.name for trace in figure.data] == ["Alpha", "State average"]
    assert figure.data[1].line.dash == "dash"
    assert figure.data[0].customdata[-1] == "14 जून 2021: 46.67"
    assert figure.layout.xaxis.ticktext[-1] == "14 जून"


def test_date_ticks():
    days = [day(n) for n in range(1, 11)]
    assert date_ticks(days, "en", count=3) == ([day(2), day(6), day(10)], ["2 Jun", "6 Jun", "10 Jun"])
    assert date_ticks([], "en") == ([], [])


# Centres of one district over 16-22 June (as_of 22 June): P reports every day (10 a day), Q on 16-20 June
# (70 in all), R only on 22 June (7), S 0 doses on 21 June; a row outside the window is left out.
CENTRE_DAYS = pd.DataFrame(
    [(date(2021, 6, d), "P", "PHC P", "X", 10) for d in range(16, 23)]
    + [(date(2021, 6, d), "Q", "PHC Q", "X", 14) for d in range(16, 21)]
    + [(date(2021, 6, 22), "R", "PHC R", "X", 7), (date(2021, 6, 21), "S", "PHC S", "X", 0)]
    + [(date(2021, 6, 15), "T", "PHC T", "X", 500)],
    columns=["date", "centre_code", "centre_name", "district_code", "doses"],
)


def test_centre_performance():
    out = view.centre_performance(CENTRE_DAYS, date(2021, 6, 22))
    assert list(out["centre_code"]) == ["P", "Q", "R", "S"]
    assert list(out["doses"]) == [70, 70, 7, 0]
    assert list(out["per_day"]) == [10.0, 10.0, 1.0, 0.0]
    assert list(out["days_reported"]) == [7, 5, 1, 1]
    assert list(out["reported_on_as_of"]) == [True, False, True, False]
    assert list(view.missing_centres(out)["centre_code"]) == ["Q", "S"]  # silent since 20 June, then 21 June


TOP_BOTTOM = [
    (4, 2, ["P", "Q"], ["S", "R"], "no centre in both lists"),
    (4, 5, ["P", "Q", "R", "S"], [], "few centres: all on top"),
]


@pytest.mark.parametrize("rows, n, top, bottom", [c[:4] for c in TOP_BOTTOM], ids=[c[4] for c in TOP_BOTTOM])
def test_top_and_bottom(rows, n, top, bottom):
    performance = view.centre_performance(CENTRE_DAYS, date(2021, 6, 22)).head(rows)
    best, worst = view.top_and_bottom(performance, n)
    assert list(best["centre_code"]) == top
    assert list(worst["centre_code"]) == bottom


def test_centres_written_and_empty():
    out = view.centres_written(view.centre_performance(CENTRE_DAYS, date(2021, 6, 22)), "en")
    assert list(out.columns) == ["Code", "Centre", "Doses", "Doses a day", "Days reported", "Last reported"]
    assert list(out.iloc[1]) == ["Q", "PHC Q", "70", "10.00", "5", "20 June 2021"]
    assert view.centre_performance(CENTRE_DAYS, date(2021, 7, 30)).empty


INTERVALS = pd.DataFrame(
    [("COVAXIN", "Covaxin", "कोवैक्सिन", 28, 42, 273), ("COVISHIELD", "Covishield", "कोविशील्ड", 84, 112, 273)],
    columns=["code", "name_en", "name_hi", "dose2_min_days", "dose2_max_days", "precaution_min_days"],
)


def test_second_doses():
    # Covaxin: 100 first doses on 1 May, 30 on 1 June, 20 second doses; on 22 June (52 and 21 days on):
    # due 100 − 20 = 80, overdue (42 days) 80.
    doses = pd.DataFrame(
        [
            (date(2021, 5, 1), "COVAXIN", 1, 100),
            (date(2021, 6, 1), "COVAXIN", 1, 30),
            (date(2021, 6, 10), "COVAXIN", 2, 20),
        ],
        columns=["date", "vaccine", "dose_number", "doses"],
    )
    out = view.second_doses(doses, INTERVALS, date(2021, 6, 22), "hi")
    assert out.values.tolist() == [["कोवैक्सिन", 130, 20, 80, 80]]
    assert view.dose_totals(out, ("due", "overdue")) == {"due": 80, "overdue": 80}
    empty = view.second_doses(doses.iloc[0:0], INTERVALS, date(2021, 6, 22))
    assert empty.empty and view.dose_totals(empty, ("dose1",)) == {"dose1": 0}


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        (1633929.4, "count", 1633929),
        (7644.01, "ceiling", 7645),
        (0.26666, "rate", 0.27),
        (0.8239, "percent", 82.39),
        (-0.0195, "change", -1.95),
        (0.368, "change", 36.8),
        (12.345, "days", 12.3),
        (math.inf, "days", math.inf),
        (NaN, "percent", None),
        (None, "count", None),
    ],
    ids=["count", "ceiling", "rate", "percent", "fall", "rise", "days", "never-used", "nan", "none"],
)
def test_plain_value_for_downloads(value, kind, expected):
    assert view.plain_value(value, kind) == expected


def test_league_export_for_downloads_holds_numbers_with_units_in_headers():
    table = pd.DataFrame(
        {
            "code": ["RPR"],
            "rank": [1],
            "district": ["Raipur"],
            "per_thousand": [0.26666],
            "change_7d": [-0.0195],
            "last_28_days": [[1, 2]],
            "coverage_1": [0.8239],
            "coverage_2": [0.5],
            "coverage_3": [NaN],
            "dropout": [0.1],
            "required_daily_rate": [7644.01],
            "days_of_cover": [12.345],
            "stockout_date": [date(2021, 7, 4)],
            "on_hand": [150778],
            "average_7d": [436.6],
            "population": [1633929],
        }
    )
    out = view.league_export(table, "en", formatted=False)
    assert list(out.columns) == [
        "Rank",
        "District",
        "Per 1,000 eligible a day",
        "Change on last week (%)",
        "Coverage, dose 1 (%)",
        "Coverage, dose 2 (%)",
        "Coverage, precaution (%)",
        "Dropout, dose 1 to 2 (%)",
        "Required a day",
        "Days of cover",
        "Stock lasts until",
        "Stock on hand",
        "Doses a day (7-day avg.)",
        "Eligible people",
    ]
    row = out.iloc[0]
    assert [row["Rank"], row["Stock on hand"], row["Eligible people"], row["Required a day"]] == [
        1,
        150778,
        1633929,
        7645,
    ]
    assert [row["Change on last week (%)"], row["Coverage, dose 1 (%)"], row["Days of cover"]] == [-1.95, 82.39, 12.3]
    assert pd.isna(row["Coverage, precaution (%)"]) and out["Rank"].dtype == "Int64"
    assert row["Stock lasts until"] == date(2021, 7, 4)  # a date: ISO in the CSV, a date cell in the workbook


# --- the league on screen (issue 14 item 5) --------------------------------------------------------

HEADERS = [
    ("days_of_cover", "en", ("Cover", "Days of cover: The district store's stock of every vaccine")),
    ("coverage_3", "en", ("Precaution", "Coverage, precaution: Doses given so far in the chosen bands")),
    ("required_daily_rate", "hi", ("आवश्यक/दिन", "प्रतिदिन आवश्यक: कल से लक्ष्य की तारीख़ तक")),
    ("district", "en", ("District", "District")),  # no short header, no help: its name twice
    ("last_28_days", "hi", ("28 दिन", "खुराकें, पिछले 28 दिन")),
]


@pytest.mark.parametrize("column, lang, expected", HEADERS, ids=[f"{c}-{lang}" for c, lang, _ in HEADERS])
def test_league_header_is_short_and_its_help_starts_with_the_full_name(column, lang, expected):
    short, help_text = view.league_header(column, lang)
    assert short == expected[0]
    assert help_text.startswith(expected[1])


def test_league_screen_columns_leave_three_to_the_downloads():
    every, shown = league_rules.LEAGUE_COLUMNS, view.LEAGUE_SCREEN_COLUMNS
    assert set(every) - set(shown) == {"population", "average_7d", "on_hand"}
    assert [c for c in every if c in shown] == list(shown)
    assert sum(view.SCREEN_WIDTHS.values()) == 932  # within the 938 px of a 1,400 px screen's main block
