"""The stock entry page on the app_db fixture (tests/pages/conftest.py), every figure worked by hand.

Stock on hand at the end of 22 June (the latest day; received − sent − doses given):
  State store  Covishield 10,000 − 4,000 − 1,000 − 600 = 4,400;  Covaxin 2,000 − 1,000 = 1,000
  Raipur       Covishield 4,000 − 2,800 (100 + 200 + … + 700) = 1,200;  Covaxin 1,000 − 6 × 50 = 700
  Durg         Covishield 1,000 − (7 × 30 + 10) = 780;  Bastar  Covishield 600 − 500 = 100
Days of cover, Raipur Covishield: 1,200 ÷ (2,800 ÷ 7 = 400 a day) = 3.0.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from data.models import AuditEvent
from tests.conftest import snapshot
from tests.files import stored_stock
from tests.pages.conftest import NOT_AVAILABLE, open_page, open_page_alone

PAGE = "stock"
DAY = date(2021, 6, 22)


def tables(app: AppTest) -> dict[str, pd.DataFrame]:
    """The page's tables by what they hold: problems, stock (on hand), movements (the latest)."""
    named = {}
    for element in app.dataframe:
        shown = element.value
        columns = set(shown.columns)
        if {"Rule", "नियम"} & columns:
            named["problems"] = shown
        elif {"Days of cover", "कितने दिन चलेगा"} & columns:
            named["stock"] = shown
        else:
            named["movements"] = shown
    return named


def stock(app: AppTest) -> dict[tuple[str, str], tuple[str, str]]:
    """(store, vaccine) -> (on hand, days of cover) as shown."""
    table = tables(app)["stock"]
    return {(r[0], r[1]): (r[2], r[4]) for r in table.itertuples(index=False)}


def enter(app: AppTest, kind: str, **fields) -> AppTest:
    """Fill the form for a kind of movement (fields: day, vaccine, store, amount, reference) and submit it."""
    app.radio(key="stock-kind").set_value(kind).run()
    if "day" in fields:
        app.date_input(key=f"stock-date-{kind}").set_value(fields["day"])
    app.selectbox(key=f"stock-vaccine-{kind}").set_value(fields.get("vaccine", "COVISHIELD"))
    if "store" in fields:
        app.selectbox(key=f"stock-store-{kind}").set_value(fields["store"])
    if "amount" in fields:
        app.number_input(key=f"stock-amount-{kind}").set_value(fields["amount"])
    app.text_input(key=f"stock-reference-{kind}").set_value(fields.get("reference", "DOC-7"))
    next(b for b in app.button if b.label in ("Record", "दर्ज करें")).click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def entry_events(engine) -> list[tuple]:
    table = AuditEvent.__table__
    query = select(table.c.actor, table.c.subject).where(table.c.action == "stock-entry").order_by(table.c.id)
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]


def test_stock_on_hand_and_days_of_cover(app_db):
    app = open_page(PAGE)
    assert [t.value for t in app.title] == ["Stock entry"]
    assert app.date_input(key="stock-date-receipt").value == DAY
    assert stock(app) == {
        # every store: 6,480 ÷ (3,520 ÷ 7 = 502.9 a day) = 12.89, rounded down as everywhere (stats.stock.cover_tenths)
        ("State store", "Covishield"): ("4,400", "12.8"),
        ("State store", "Covaxin"): ("1,000", "39.6"),  # 1,700 ÷ (300 ÷ 7) = 39.67
        ("Bastar", "Covishield"): ("100", "1.4"),
        ("Durg", "Covishield"): ("780", "24.8"),
        ("Raipur", "Covishield"): ("1,200", "3.0"),
        ("Raipur", "Covaxin"): ("700", "16.3"),
    }
    assert len(tables(app)["movements"]) == 6
    assert "Download CSV" in [d.label for d in app.get("download_button")]
    # Issue 14: the warning colours (Bastar and Raipur Covishield red, the state's Covishield amber) and their note.
    styles = next(f for f in app.dataframe if "Days of cover" in f.value.columns).proto.arrow_data.styler.styles
    assert "background-color: #FFD6D6" in styles and "background-color: #FFE9B8" in styles
    assert any(c.value.startswith("Days of cover in red: under 7 days") for c in app.caption)


def test_an_officer_records_a_receipt_and_sees_the_stock_change(app_db):
    app = enter(open_page(PAGE), "receipt", amount=2500, reference="GRN-22")
    assert [s.value for s in app.success] == [
        "Recorded: 2,500 doses of Covishield from Supplier to State store on 22 June 2021."
    ]
    assert stock(app)[("State store", "Covishield")][0] == "6,900"  # 4,400 + 2,500
    assert stored_stock(app_db)[(DAY, "COVISHIELD", "SUPPLIER", "STATE", "GRN-22")] == 2500
    latest = tables(app)["movements"].iloc[0]
    assert (latest["Reference"], latest["Doses"], latest["Entered by"]) == ("GRN-22", "2,500", "officer.test")
    assert [actor for actor, _ in entry_events(app_db)] == ["officer.test"]


def test_an_issue_moves_stock_from_the_state_to_a_district(app_db):
    app = enter(open_page(PAGE), "issue", store="DRG", amount=400, reference="ISS-22")
    assert stock(app)[("State store", "Covishield")][0] == "4,000"
    assert stock(app)[("Durg", "Covishield")][0] == "1,180"


def test_a_physical_count_records_the_adjustment(app_db):
    app = enter(open_page(PAGE), "adjustment", store="STATE", vaccine="COVAXIN", amount=950, reference="COUNT-1")
    assert [s.value for s in app.success] == [
        "Counted 950 against 1,000 on hand; recorded: 50 doses of Covaxin from State store to Adjustment (count) "
        "on 22 June 2021."
    ]
    assert stock(app)[("State store", "Covaxin")][0] == "950"


def test_a_count_that_agrees_records_nothing(app_db):
    before = snapshot(app_db)
    app = enter(open_page(PAGE), "adjustment", store="RPR", amount=1200, reference="COUNT-2")
    assert [i.value for i in app.info] == ["The count (1,200) agrees with the stock on hand; nothing was recorded."]
    assert snapshot(app_db) == before


@pytest.mark.parametrize(
    "kind, fields, rule",
    [
        ("issue", {"store": "DRG", "amount": 4401}, "stock_below_zero"),
        ("wastage", {"store": "RPR", "amount": 1201}, "on_hand_below_zero"),
        ("receipt", {"amount": 100, "reference": "   "}, "required"),
        ("receipt", {"reference": "GRN-99"}, "required"),
        ("receipt", {"amount": 100, "day": date.today() + timedelta(days=2)}, "future_date"),
        ("receipt", {"amount": 5, "reference": "GRN-1", "day": date(2021, 6, 15)}, "already_recorded"),
    ],
    ids=["beyond-state-store", "beyond-doses-given", "no-reference", "no-quantity", "future", "already-recorded"],
)
def test_a_refused_movement_writes_nothing_and_says_why(app_db, kind, fields, rule):
    before = snapshot(app_db)
    app = enter(open_page(PAGE), kind, **fields)
    assert [e.value for e in app.error] == [
        "Not recorded: the entry was refused for the reasons below. Nothing was written."
    ]
    problems = tables(app)["problems"]
    assert list(problems.columns) == ["Field", "Value", "Rule", "What is wrong"]
    assert list(problems["Rule"]) == [rule]
    assert not app.success and snapshot(app_db) == before
    assert stock(app)[("State store", "Covishield")][0] == "4,400"


def test_the_stock_store_refusal_names_the_store_and_day(app_db):
    app = enter(open_page(PAGE), "wastage", store="RPR", amount=1201)
    message = tables(app)["problems"]["What is wrong"].iloc[0]
    assert message == (
        "Raipur has 1,200 doses of Covishield on hand on 22 June 2021 (after the doses given there); this movement "
        "would leave −1, below zero."
    )


def test_hindi(app_db):
    app = open_page(PAGE, lang="hi")
    assert [t.value for t in app.title] == ["स्टॉक प्रविष्टि"]
    assert app.radio(key="stock-kind").options == [
        "आपूर्तिकर्ता से प्राप्ति",
        "ज़िले को जारी",
        "बर्बादी",
        "भौतिक गिनती",
    ]
    table = tables(app)["stock"]
    assert list(table.columns) == ["भंडार", "टीका", "भंडार में", "प्रतिदिन खुराकें (7 दिन का औसत)", "कितने दिन चलेगा"]
    assert table.iloc[0].tolist()[:3] == ["राज्य भंडार", "कोविशील्ड", "4,400"]
    app = enter(app, "issue", store="DRG", amount=5000)
    assert [e.value for e in app.error] == ["दर्ज नहीं हुआ: प्रविष्टि नीचे दिए कारणों से अस्वीकार हुई। कुछ भी नहीं लिखा गया।"]
    assert "शून्य से नीचे" in tables(app)["problems"]["क्या ग़लत है"].iloc[0]


@pytest.mark.parametrize("user", ["collector.rpr", None], ids=["collector", "public"])
def test_only_officers_may_open_it(app_db, user):
    app = open_page_alone(PAGE, user)
    assert [w.value for w in app.warning] == [NOT_AVAILABLE]
    assert not app.title and not app.dataframe and not app.number_input and not app.radio and not app.button


def test_the_downloads_are_audited(app_db):
    app = open_page(PAGE)
    buttons = {b.key: b for b in app.get("download_button")}
    buttons["stock-on-hand-download"].click()
    app.run()
    buttons = {b.key: b for b in app.get("download_button")}
    buttons["stock-movements-download"].click()
    app.run()
    assert not app.exception
    table = AuditEvent.__table__
    query = select(table.c.actor, table.c.subject, table.c.counts).where(table.c.action == "export")
    with app_db.connect() as conn:
        assert [tuple(r) for r in conn.execute(query.order_by(table.c.id))] == [
            ("officer.test", "stock-on-hand-2021-06-22.csv", '{"rows": 6}'),
            ("officer.test", "stock-movements-latest.csv", '{"rows": 6}'),
        ]
