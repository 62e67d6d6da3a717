"""stats.bulletin's stock: a balance below zero is an alert to check the ledger, never a stock figure, and is
not netted off the state's stock; without a ledger there is no stock line at all (hand-worked figures)."""

from __future__ import annotations

import pytest

from stats import STATE
from stats.bulletin import Area, bulletin_figures, render
from tests.stats import day, frame, master_names

STATE_AREA = Area(STATE, "Chhattisgarh", "छत्तीसगढ़")
RAIPUR = Area("RPR", "Raipur", "रायपुर")
DOSES = frame("date age_band dose_number doses", [(d, "18-44", 1, 1_000) for d in range(1, 8)])
CENTRES = frame("date centres", [(7, 10)])
STOCK_COLUMNS = "store vaccine received sent administered on_hand"
# The state store holds 5,00,000; Durg 20,000 Covishield; Raipur gave 3,91,000 more Covishield than it received.
LEDGER = frame(
    STOCK_COLUMNS,
    [
        ("STATE", "COVISHIELD", 9_00_000, 4_00_000, 0, 5_00_000),
        ("DRG", "COVISHIELD", 1_00_000, 0, 80_000, 20_000),
        ("RPR", "COVISHIELD", 3_00_000, 0, 6_91_000, -3_91_000),
    ],
)
NO_LEDGER = frame(STOCK_COLUMNS, [("RPR", "COVISHIELD", 0, 0, 7_000, -7_000)])


def figures(area: Area, stock):
    return bulletin_figures(day(7), area, DOSES, CENTRES, stock, names=master_names())


STOCK = [
    # (area, stock, stock on hand, balances to check)
    (STATE_AREA, LEDGER, 5_20_000, [("RPR", "COVISHIELD", -3_91_000)]),  # 5,00,000 + 20,000, not − 3,91,000
    (RAIPUR, LEDGER, None, [("RPR", "COVISHIELD", -3_91_000)]),  # never "−3,91,000 on hand"
    (Area("DRG", "Durg", "दुर्ग"), LEDGER, 20_000, []),
    (STATE_AREA, NO_LEDGER, None, []),  # no movement at all: nothing known, nothing to check
    (STATE_AREA, None, None, []),
]


@pytest.mark.parametrize("area, stock, on_hand, to_check", STOCK, ids=["state", "raipur", "durg", "no-ledger", "none"])
def test_stock_figures(area, stock, on_hand, to_check):
    out = figures(area, stock)
    assert out.stock_on_hand == on_hand
    assert [(r["store"], r["vaccine"], r["on_hand"]) for r in out.stock_to_check] == to_check


def test_the_state_note_counts_only_sound_balances_and_names_the_ledger_to_check():
    note = render(figures(STATE_AREA, LEDGER), "en", names=master_names())
    assert "Stock on hand: 5,20,000 doses" in note
    assert (
        "More issued than received: check the ledger of Raipur (Covishield, 3,91,000 doses more issued than "
        "received); it is not counted in the stock above."
    ) in note
    assert "3,91,000 doses, enough" not in note and "COVISHIELD" not in note and "RPR" not in note


def test_a_district_below_zero_gets_an_alert_not_a_stock_figure():
    out = figures(RAIPUR, LEDGER)
    english, hindi = (render(out, lang, names=master_names()) for lang in ("en", "hi"))
    assert "Stock on hand" not in english and "−3,91,000" not in english and "-3,91,000" not in english
    assert "More issued than received: check the ledger of Raipur (Covishield, 3,91,000 doses more" in english
    assert "प्राप्ति से अधिक खुराकें जारी: रायपुर (कोविशील्ड, प्राप्ति से 3,91,000 खुराकें अधिक जारी)" in hindi
    assert out.to_dict()["stock_to_check"][0]["store_hi"] == "रायपुर"


def test_without_a_ledger_the_note_says_nothing_of_stock():
    note = render(figures(STATE_AREA, NO_LEDGER), "en", names=master_names())
    assert "Stock" not in note and "ledger" not in note
