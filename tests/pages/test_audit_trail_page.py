"""The audit trail page: rows newest first in India time, filters (dates in India time, actor, action), the
download that writes its own "export" row, Hindi labels, officers only.

The app database's trail (tests/pages/conftest.py), all recorded today: three "user-add" rows by "test"
(officer.test, collector.rpr, collector.drg), then three "import" rows by "test-officer" (doses, stock,
series). The tests add rows of their own at fixed times.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pandas as pd
import pytest
from sqlalchemy import select
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from data.accounts import audit
from data.models import AuditEvent
from stats.formatting import today_in_india
from stats.views import audit_trail as view
from tests.pages.conftest import NOT_AVAILABLE, open_page, open_page_alone

PAGE = "audit_trail"


def rows(app: AppTest) -> pd.DataFrame:
    (table,) = [d.value for d in app.dataframe]
    return table


def filtered(app: AppTest, **widgets) -> AppTest:
    for key, value in widgets.items():
        if key == "range":
            app.date_input(key="audit-range").set_value(value)
        elif key == "actor":
            app.text_input(key="audit-actor").set_value(value)
        else:
            app.selectbox(key="audit-action").set_value(value)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def exports(engine) -> list[tuple]:
    table = AuditEvent.__table__
    query = select(table.c.actor, table.c.subject, table.c.counts, table.c.detail).where(table.c.action == "export")
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query.order_by(table.c.id))]


def test_the_trail_newest_first(app_db):
    app = open_page(PAGE)
    assert [t.value for t in app.title] == ["Audit trail"]
    table = rows(app)
    assert list(table.columns) == ["Time (IST)", "Who", "What", "Code", "About", "Counts", "Detail"]
    assert list(table["Code"]) == ["import"] * 3 + ["user-add"] * 3
    assert list(table["What"][:1]) == ["Import"] and list(table["What"][3:4]) == ["Account added"]
    assert list(table["About"][3:]) == ["collector.drg", "collector.rpr", "officer.test"]
    assert table["Counts"].iloc[-4] == "new 22 · changed 0 · unchanged 0"  # the daily doses file
    assert table["Time (IST)"].str.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d").all()


@pytest.mark.parametrize(
    "widgets, codes",
    [
        ({"action": "user-add"}, ["user-add"] * 3),
        ({"action": "sign-in"}, []),
        ({"actor": " test-officer "}, ["import"] * 3),
        ({"actor": "test", "action": "import"}, []),
    ],
    ids=["action", "action-none", "actor", "actor-and-action"],
)
def test_filters(app_db, widgets, codes):
    app = filtered(open_page(PAGE), **widgets)
    assert list(rows(app)["Code"]) == codes
    assert bool(app.info) == (not codes)


def test_dates_are_days_in_india(app_db):
    """20:00 UTC on 21 June is 01:30 on 22 June in India: the row belongs to 22 June."""
    with Session(app_db) as session:
        audit.record_now(
            "export", session=session, actor="someone", subject="x", now=datetime(2021, 6, 21, 20, 0, tzinfo=UTC)
        )
    app = filtered(open_page(PAGE), range=(date(2021, 6, 22), date(2021, 6, 22)))
    assert list(rows(app)[["Time (IST)", "Who"]].itertuples(index=False, name=None)) == [
        ("2021-06-22 01:30:00", "someone")
    ]
    assert "Rows: 1, from 22 June 2021 to 22 June 2021, newest first." in [c.value for c in app.caption]
    app = filtered(app, range=(date(2021, 6, 21), date(2021, 6, 21)))
    assert rows(app).empty and [i.value for i in app.info] == ["Nothing recorded for these dates and filters."]


def test_the_download_is_audited(app_db):
    app = filtered(open_page(PAGE), action="user-add")
    assert exports(app_db) == []
    assert [b.key for b in app.get("download_button")] == ["audit-download", "audit-download-xlsx"]
    button = app.get("download_button")[0]  # the CSV
    button.click()
    app.run()
    assert not app.exception
    ((actor, subject, counts, detail),) = exports(app_db)
    first, last = view.default_range(today_in_india())
    name = f"audit-trail-{first.isoformat()}-{last.isoformat()}.csv"  # the file downloaded
    assert (actor, subject, json.loads(counts)) == ("officer.test", name, {"rows": 3})
    assert detail.endswith(" IST action=user-add")
    app = filtered(app, action="export")
    assert list(rows(app)[["Who", "What", "About", "Counts"]].itertuples(index=False, name=None)) == [
        ("officer.test", "Download", name, "rows 3")
    ]


def test_hindi(app_db):
    app = open_page(PAGE, lang="hi")
    assert [t.value for t in app.title] == ["ऑडिट ट्रेल"]
    table = rows(app)
    assert list(table.columns) == ["समय (IST)", "किसने", "क्या", "कोड", "किस बारे में", "संख्याएँ", "विवरण"]
    assert table["क्या"].iloc[0] == "आयात" and table["संख्याएँ"].iloc[0].startswith("नई ")
    assert app.selectbox(key="audit-action").options[:2] == ["सभी गतिविधियाँ", "आयात"]
    assert [d.label for d in app.get("download_button")] == ["CSV डाउनलोड करें", "एक्सेल डाउनलोड करें (.xlsx)"]


@pytest.mark.parametrize("user", ["collector.rpr", None], ids=["collector", "public"])
def test_only_officers_may_open_it(app_db, user):
    app = open_page_alone(PAGE, user)
    assert [w.value for w in app.warning] == [NOT_AVAILABLE]
    assert not app.title and not app.dataframe and not app.get("download_button")
