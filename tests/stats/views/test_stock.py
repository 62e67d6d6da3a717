"""stats.views.stock: a form's movement as stores, the adjustment a count calls for, a store's stock day by day,
and the stock entry page's tables, against hand-worked values."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime

import pandas as pd
import pytest

from data.imports.problems import Problem
from stats import stock as stock_rules
from stats.formatting import doses_text
from stats.views import stock as view
from tests.stats import day, frame

DISTRICTS = pd.DataFrame(
    {"code": ["RPR", "BST", "DRG"], "name_en": ["Raipur", "Bastar", "Durg"], "name_hi": ["रायपुर", "बस्तर", "दुर्ग"]}
)
VACCINES = pd.DataFrame(
    {
        "code": ["CORBEVAX", "COVAXIN", "COVISHIELD"],
        "name_en": ["Corbevax", "Covaxin", "Covishield"],
        "name_hi": ["कॉर्बेवैक्स", "कोवैक्सिन", "कोविशील्ड"],
    }
)


@pytest.mark.parametrize(
    "kind, store, expected",
    [
        ("receipt", None, ("SUPPLIER", "STATE", 10)),
        ("receipt", "RPR", ("SUPPLIER", "STATE", 10)),  # a receipt always goes to the state store
        ("issue", "RPR", ("STATE", "RPR", 10)),
        ("wastage", "RPR", ("RPR", "WASTAGE", 10)),
        ("wastage", "STATE", ("STATE", "WASTAGE", 10)),
    ],
    ids=["receipt", "receipt-ignores-store", "issue", "wastage-district", "wastage-state"],
)
def test_movement_stores(kind, store, expected):
    assert tuple(stock_rules.movement_stores(kind, store, 10)) == expected


@pytest.mark.parametrize(
    "kind, store",
    [("issue", "STATE"), ("issue", None), ("wastage", "WASTAGE"), ("wastage", ""), ("adjustment", "RPR"), ("x", "RPR")],
    ids=["issue-to-state", "issue-nowhere", "wastage-of-wastage", "wastage-nowhere", "adjustment", "unknown"],
)
def test_movement_stores_refuses(kind, store):
    with pytest.raises(ValueError):
        stock_rules.movement_stores(kind, store, 10)


@pytest.mark.parametrize(
    "on_hand, counted, expected",
    [
        (1000, 950, ("RPR", "ADJUSTMENT", 50)),
        (1000, 1200, ("ADJUSTMENT", "RPR", 200)),
        (1000, 1000, None),
        (1000, 0, ("RPR", "ADJUSTMENT", 1000)),
        (-300, 0, ("ADJUSTMENT", "RPR", 300)),  # doses given beyond the stock: the count puts it right
        (0, 0, None),
    ],
    ids=["lower", "higher", "agrees", "empty", "was-negative", "nothing-either-way"],
)
def test_count_adjustment(on_hand, counted, expected):
    result = stock_rules.count_adjustment("RPR", on_hand, counted)
    assert (tuple(result) if result else None) == expected


def test_count_adjustment_refuses_a_negative_count():
    with pytest.raises(ValueError):
        stock_rules.count_adjustment("RPR", 10, -1)


@pytest.mark.parametrize(
    "stores, expected",
    [
        (stock_rules.Stores("SUPPLIER", "STATE", 1), None),
        (stock_rules.Stores("ADJUSTMENT", "RPR", 1), None),
        (stock_rules.Stores("STATE", "RPR", 1), "STATE"),
        (stock_rules.Stores("RPR", "WASTAGE", 1), "RPR"),
    ],
    ids=["receipt", "count-higher", "issue", "wastage"],
)
def test_outflow_store(stores, expected):
    assert stock_rules.outflow_store(stores) == expected


# The store A: 1,000 in on day 1, 300 out on day 2 (to B), 70 given on day 3, 5 back in on day 5, 20 given on 5.
MOVEMENTS = frame(
    "date from_store to_store quantity",
    [(1, "STATE", "A", 1000), (2, "A", "B", 300), (5, "ADJUSTMENT", "A", 5), (4, "STATE", "B", 50)],
)
GIVEN = frame("date doses", [(3, 70), (5, 20)])


def test_daily_on_hand():
    daily = stock_rules.daily_on_hand(MOVEMENTS, GIVEN, "A")
    assert list(zip(daily["date"], daily["on_hand"], strict=True)) == [
        (day(1), 1000),
        (day(2), 700),
        (day(3), 630),
        (day(5), 615),
    ]
    assert stock_rules.daily_on_hand(MOVEMENTS.iloc[0:0], GIVEN.iloc[0:0], "A").empty


@pytest.mark.parametrize(
    "on, expected", [(0, 0), (1, 1000), (2, 700), (4, 630), (5, 615), (9, 615)], ids=lambda v: str(v)
)
def test_on_hand_on(on, expected):
    assert stock_rules.on_hand_on(stock_rules.daily_on_hand(MOVEMENTS, GIVEN, "A"), day(on)) == expected


@pytest.mark.parametrize(
    "start, expected",
    [(1, (5, 615)), (4, (5, 615)), (6, (6, 615))],
    ids=["from-the-first-day", "from-a-quiet-day", "after-the-last-change"],
)
def test_lowest_on_hand(start, expected):
    lowest = stock_rules.lowest_on_hand(stock_rules.daily_on_hand(MOVEMENTS, GIVEN, "A"), day(start))
    assert (lowest.day, lowest.on_hand) == (day(expected[0]), expected[1])


def test_lowest_on_hand_finds_the_first_lowest_day():
    daily = frame("date on_hand", [(1, 100), (2, 40), (3, 90), (4, 40)])
    assert stock_rules.lowest_on_hand(daily, day(1)) == stock_rules.Lowest(day(2), 40)
    assert stock_rules.lowest_on_hand(daily, day(3)) == stock_rules.Lowest(day(4), 40)


@pytest.mark.parametrize(
    "last, now, expected",
    [
        (date(2021, 6, 22), None, date(2021, 6, 22)),
        (None, datetime(2021, 6, 22, 19, 0, tzinfo=UTC), date(2021, 6, 23)),  # 00:30 in India
        (None, datetime(2021, 6, 22, 18, 0, tzinfo=UTC), date(2021, 6, 22)),
    ],
    ids=["latest-data", "no-data-after-midnight-in-india", "no-data-before"],
)
def test_default_entry_date(last, now, expected):
    assert view.default_entry_date(last, now) == expected


def test_pace_start_is_six_days_before():
    assert view.pace_start(date(2021, 6, 22)) == date(2021, 6, 16)


def test_options_in_both_languages():
    assert view.vaccine_options(VACCINES) == {"COVISHIELD": "Covishield", "COVAXIN": "Covaxin", "CORBEVAX": "Corbevax"}
    assert list(view.vaccine_options(VACCINES, "hi").values()) == ["कोविशील्ड", "कोवैक्सिन", "कॉर्बेवैक्स"]
    assert view.store_options("receipt", DISTRICTS) == {}
    assert view.store_options("issue", DISTRICTS) == {"BST": "Bastar", "DRG": "Durg", "RPR": "Raipur"}
    assert view.store_options("wastage", DISTRICTS, "hi") == {
        "STATE": "राज्य भंडार",
        "DRG": "दुर्ग",
        "BST": "बस्तर",
        "RPR": "रायपुर",
    }


@pytest.mark.parametrize(
    "n, lang, expected", [(2500, "en", "2,500"), (-500, "en", "−500"), (0, "hi", "0"), (1234567, "hi", "12,34,567")]
)
def test_doses_text(n, lang, expected):
    assert doses_text(n, lang) == expected


def test_stock_table():
    stock = frame(
        "store vaccine on_hand",
        [
            ("RPR", "COVISHIELD", 1200),
            ("STATE", "COVISHIELD", 4400),
            ("STATE", "COVAXIN", 1000),
            ("BST", "COVISHIELD", 0),
        ],
    )
    doses = frame("date district_code vaccine doses", [(7, "RPR", "COVISHIELD", 2800), (7, "BST", "COVISHIELD", 700)])
    cover = view.stock_cover(stock, doses, day(7))
    table = view.stock_table(cover, DISTRICTS, VACCINES)
    assert list(table.columns) == ["Store", "Vaccine", "On hand", "Doses a day (7-day average)", "Days of cover"]
    assert [tuple(r) for r in table.itertuples(index=False)] == [
        ("State store", "Covishield", "4,400", "500", "11.2"),  # 5,600 in the state ÷ 3,500/7 a day
        ("State store", "Covaxin", "1,000", "0", "—"),  # stock but no doses given
        ("Bastar", "Covishield", "0", "100", "0.0"),
        ("Raipur", "Covishield", "1,200", "400", "3.0"),
    ]
    hindi = view.stock_table(cover, DISTRICTS, VACCINES, "hi")
    assert hindi.iloc[0].tolist()[:2] == ["राज्य भंडार", "कोविशील्ड"]
    plain = view.stock_table(cover, DISTRICTS, VACCINES, formatted=False)  # for the downloads
    assert list(plain.columns) == list(table.columns)
    assert plain.iloc[[0, 2, 3]].values.tolist() == [
        ["State store", "Covishield", 4400, 500.0, 11.2],
        ["Bastar", "Covishield", 0, 100.0, 0.0],
        ["Raipur", "Covishield", 1200, 400.0, 3.0],
    ]
    assert plain[table.columns[2]].dtype == "int64"


def test_stock_cover_averages_over_the_whole_window():
    """Doses on the window's last day only: 700 ÷ 7 days = 100 a day, not 700 (a calendar from the first row)."""
    stock = frame("store vaccine on_hand", [("BST", "COVISHIELD", 1000), ("STATE", "COVISHIELD", 0)])
    doses = frame("date district_code vaccine doses", [(3, "BST", "COVISHIELD", 50), (7, "BST", "COVISHIELD", 700)])
    cover = view.stock_cover(stock, doses, day(7))  # window days 1-7: both days count
    assert list(cover["average_7d"]) == [750 / 7, 750 / 7]
    cover = view.stock_cover(stock, doses.iloc[1:], day(9))  # window days 3-9
    assert list(cover["average_7d"]) == [100.0, 100.0]
    assert list(cover["days_of_cover"]) == [10.0, 10.0]
    empty = view.stock_cover(stock, doses.iloc[0:0], day(9))
    assert list(empty["days_of_cover"]) == [math.inf, math.inf]


@pytest.mark.parametrize(
    "days, expected", [(3.04, "3.0"), (12.95, "12.9"), (math.inf, "—"), (None, "—"), (-1.0, "0.0")]
)
def test_cover_text(days, expected):
    assert view.cover_text(days) == expected


def test_movements_table():
    latest = pd.DataFrame(
        {
            "date": [date(2021, 6, 22)],
            "vaccine": ["COVISHIELD"],
            "from_store": ["STATE"],
            "to_store": ["DRG"],
            "quantity": [150000],
            "reference": ["ISS-7"],
            "entered_by": ["officer.test"],
            "entered_at": pd.to_datetime([datetime(2021, 6, 22, 4, 30, tzinfo=UTC)], utc=True),
            "file_name": ["stock-entry-issue-2021-06-22.csv"],
        }
    )
    (row,) = view.movements_table(latest, DISTRICTS, VACCINES).itertuples(index=False)
    assert tuple(row) == (
        "22 June 2021",
        "Covishield",
        "State store",
        "Durg",
        "1,50,000",
        "ISS-7",
        "officer.test",
        "22 June 2021, 10:00 IST",
    )
    (plain,) = view.movements_table(latest, DISTRICTS, VACCINES, formatted=False).itertuples(index=False)
    assert tuple(plain) == (
        date(2021, 6, 22),
        "Covishield",
        "State store",
        "Durg",
        150000,
        "ISS-7",
        "officer.test",
        datetime(2021, 6, 22, 10, 0),  # India time, as a spreadsheet cell holds it
    )


def test_problem_table_names_the_form_fields():
    problems = [
        Problem(2, "quantity", "-5", "positive"),
        Problem(2, "to_store", "STATE → STATE", "store_direction", "same_store"),
        Problem(2, "reference", "", "required"),
    ]
    table = view.problem_table(problems, "hi")
    assert list(table.columns) == ["फ़ील्ड", "मान", "नियम", "क्या ग़लत है"]
    assert list(table["फ़ील्ड"]) == ["खुराकें", "भंडार", "संदर्भ (दस्तावेज़ क्रमांक)"]
    assert table["क्या ग़लत है"].iloc[1] == "एक प्रविष्टि के लिए दो अलग-अलग भंडार चाहिए।"
    assert view.field_name(None) == "—" and view.field_name("batch") == "batch"


def test_movement_text():
    stores = stock_rules.Stores("SUPPLIER", "STATE", 200000)
    assert view.movement_text(stores, "COVAXIN", date(2021, 6, 22), DISTRICTS, VACCINES) == (
        "2,00,000 doses of Covaxin from Supplier to State store on 22 June 2021"
    )
    assert view.movement_text(stores, "COVAXIN", date(2021, 6, 22), DISTRICTS, VACCINES, "hi") == (
        "22 जून 2021 को कोवैक्सिन की 2,00,000 खुराकें आपूर्तिकर्ता से राज्य भंडार को"
    )


def test_a_balance_below_zero_reads_as_an_alert_not_stock():
    # Bastar gave 3,91,000 more than it received: its row says so; the state store's cover counts 4,400 + 1,200,
    # not 4,400 + 1,200 − 3,91,000.
    stock = frame(
        "store vaccine on_hand",
        [("RPR", "COVISHIELD", 1200), ("STATE", "COVISHIELD", 4400), ("BST", "COVISHIELD", -3_91_000)],
    )
    doses = frame("date district_code vaccine doses", [(7, "RPR", "COVISHIELD", 2800), (7, "BST", "COVISHIELD", 700)])
    table = view.stock_table(view.stock_cover(stock, doses, day(7)), DISTRICTS, VACCINES)
    assert [tuple(r) for r in table.itertuples(index=False)] == [
        ("State store", "Covishield", "4,400", "500", "11.2"),  # 5,600 ÷ 3,500/7 a day
        ("Bastar", "Covishield", "More issued than received: check the ledger", "100", "—"),
        ("Raipur", "Covishield", "1,200", "400", "3.0"),
    ]
    hindi = view.stock_table(view.stock_cover(stock, doses, day(7)), DISTRICTS, VACCINES, "hi")
    assert hindi.iloc[1, 2] == "प्राप्ति से अधिक जारी: रजिस्टर जाँचें"


# --- projected stock-outs, written (issue 14) -----------------------------------------------------------

LASTS_UNTIL = [
    ("date", date(2022, 4, 5), "en", "5 April 2022", "a day"),
    ("date", date(2022, 4, 5), "hi", "5 अप्रैल 2022", "a day in Hindi"),
    ("out", date(2022, 3, 31), "en", "Out of stock", "nothing left"),
    ("no_use", None, "en", "No recent use", "no pace"),
    ("no_use", None, "hi", "हाल में उपयोग नहीं", "no pace in Hindi"),
    ("ledger", date(2022, 3, 31), "en", "More issued than received: check the ledger", "negative balance"),
]


@pytest.mark.parametrize("state, day_, lang, expected", [c[:4] for c in LASTS_UNTIL], ids=[c[4] for c in LASTS_UNTIL])
def test_lasts_until_text(state, day_, lang, expected):
    assert view.lasts_until_text(state, day_, lang) == expected


def test_stockout_table_most_urgent_first_with_colours():
    # RPR Covishield 45 at 10 a day: 4.5 → 4.5 days (red), lasts until day 7 + 4 = day 11; the state: every store
    # (45 + 0, the negative balance counts as nothing) ÷ 10 = 4.5; DRG's −5 is a ledger check and comes first.
    stock = frame("store vaccine on_hand", [("RPR", "COVISHIELD", 45), ("DRG", "COVISHIELD", -5)])
    given = frame("date district_code vaccine doses", [(n, "RPR", "COVISHIELD", 10) for n in range(1, 8)])
    rows = stock_rules.stockouts(view.stock_cover(stock, given, day(7)), day(7))
    table = view.stockout_table(rows, DISTRICTS, VACCINES)
    assert table.values.tolist() == [
        [
            "Durg",
            "Covishield",
            "—",
            "More issued than received: check the ledger",
            "More issued than received: check the ledger",
            "0",
        ],
        ["Raipur", "Covishield", "4.5", view.long_date(day(11)), "45", "10"],
        ["State (every store)", "Covishield", "4.5", view.long_date(day(11)), "45", "10"],
    ]
    html = view.stockout_styler(rows, DISTRICTS, VACCINES).to_html()
    # the two red rows' days of cover (column 2), not the ledger check's
    assert "_row1_col2, #T_" in html and "_row2_col2 {\n  background-color: #FFD6D6" in html
    assert "_row0_col2" not in html.split("</style>")[0]


def test_cover_colours_note_names_the_thresholds():
    assert view.cover_colours_note().startswith("Days of cover in red: under 7 days")
    assert "14 दिन से कम" in view.cover_colours_note("hi")
