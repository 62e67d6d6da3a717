"""stats.views.audit_trail: dates in India as UTC bounds, the table in India time with localised names."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pandas as pd
import pytest

from stats.formatting import today_in_india
from stats.views import audit_trail as view


@pytest.mark.parametrize(
    "first, last, since, until",
    [
        (
            date(2021, 6, 22),
            date(2021, 6, 22),
            datetime(2021, 6, 21, 18, 30, tzinfo=UTC),
            datetime(2021, 6, 22, 18, 30, tzinfo=UTC),
        ),
        (
            date(2021, 6, 1),
            date(2021, 6, 30),
            datetime(2021, 5, 31, 18, 30, tzinfo=UTC),
            datetime(2021, 6, 30, 18, 30, tzinfo=UTC),
        ),
    ],
    ids=["one-day", "a-month"],
)
def test_utc_bounds(first, last, since, until):
    assert view.utc_bounds(first, last) == (since, until)


@pytest.mark.parametrize(
    "picked, expected",
    [
        ((date(2021, 6, 1), date(2021, 6, 5)), (date(2021, 6, 1), date(2021, 6, 5))),
        ((date(2021, 6, 5), date(2021, 6, 1)), (date(2021, 6, 1), date(2021, 6, 5))),
        ((date(2021, 6, 3),), (date(2021, 6, 3), date(2021, 6, 3))),
        (date(2021, 6, 3), (date(2021, 6, 3), date(2021, 6, 3))),
        ((), (date(2021, 5, 24), date(2021, 6, 22))),
        (None, (date(2021, 5, 24), date(2021, 6, 22))),
    ],
    ids=["range", "reversed", "first-only", "one-date", "empty", "none"],
)
def test_picked_range(picked, expected):
    assert view.picked_range(picked, view.default_range(date(2021, 6, 22))) == expected


def test_today_in_india_and_actor_filter():
    assert today_in_india(datetime(2021, 6, 22, 18, 30, tzinfo=UTC)) == date(2021, 6, 23)
    assert today_in_india(datetime(2021, 6, 22, 18, 29, tzinfo=UTC)) == date(2021, 6, 22)
    assert view.actor_filter("  officer ") == "officer"
    assert view.actor_filter("   ") is None and view.actor_filter(None) is None
    assert view.limit_reached(view.LIMIT) and not view.limit_reached(view.LIMIT - 1)


@pytest.mark.parametrize(
    "counts, lang, expected",
    [
        (json.dumps({"changed": 0, "new": 120000, "unchanged": 2}), "en", "new 1,20,000 · changed 0 · unchanged 2"),
        (json.dumps({"rows": 3}), "hi", "पंक्तियाँ 3"),
        (json.dumps({"zeta": 1, "new": 2}), "en", "new 2 · zeta 1"),
        (None, "en", ""),
        (float("nan"), "en", ""),
        ("not json", "en", "not json"),
    ],
    ids=["import", "export-hi", "unknown-key", "none", "nan", "not-json"],
)
def test_counts_text(counts, lang, expected):
    assert view.counts_text(counts, lang) == expected


def test_audit_table():
    frame = pd.DataFrame(
        {
            "id": [2, 1],
            "at": pd.to_datetime(
                [datetime(2021, 6, 21, 20, 0, 5, tzinfo=UTC), datetime(2021, 6, 21, 4, 30, tzinfo=UTC)], utc=True
            ),
            "actor": ["officer", "cli"],
            "action": ["stock-entry", "made-up"],
            "subject": ["import #4 stock-entry-receipt-2021-06-21.csv", "x"],
            "counts": ['{"changed": 0, "new": 1, "unchanged": 0}', None],
            "detail": ["stock sha256 0123abcd", ""],
        }
    )
    table = view.audit_table(frame)
    assert list(table.columns) == ["Time (IST)", "Who", "What", "Code", "About", "Counts", "Detail"]
    assert [tuple(r) for r in table.itertuples(index=False)] == [
        (
            "2021-06-22 01:30:05",
            "officer",
            "Stock entry",
            "stock-entry",
            "import #4 stock-entry-receipt-2021-06-21.csv",
            "new 1 · changed 0 · unchanged 0",
            "stock sha256 0123abcd",
        ),
        ("2021-06-21 10:00:00", "cli", "made-up", "made-up", "x", "", ""),
    ]
    hindi = view.audit_table(frame, "hi")
    assert list(hindi.columns)[:3] == ["समय (IST)", "किसने", "क्या"] and hindi.iloc[0, 2] == "स्टॉक प्रविष्टि"
    empty = view.audit_table(frame.iloc[0:0])
    assert empty.empty and list(empty.columns) == list(table.columns)


def test_every_action_has_a_name_in_both_languages():
    from data.accounts.audit import ACTIONS

    for action in ACTIONS:
        assert view.action_name(action, "en") != action and view.action_name(action, "hi") != action
    assert view.action_choice("", "hi") == "सभी गतिविधियाँ"


def test_export_detail_and_file_name():
    first, last = date(2021, 6, 1), date(2021, 6, 30)
    assert view.export_detail(first, last, None, None) == "2021-06-01 to 2021-06-30 IST"
    assert (
        view.export_detail(first, last, "officer", "import")
        == "2021-06-01 to 2021-06-30 IST actor=officer action=import"
    )
    assert view.export_file_name(first, last) == "audit-trail-2021-06-01-2021-06-30.csv"
