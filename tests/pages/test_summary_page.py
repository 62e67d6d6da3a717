"""The public summary on the app_db fixture: state and district totals to the sidebar's day, worked by hand.

To 22 June 2021: 3,820 doses — first 2,800 (RPR-1) + 210 (DRG-1) + 500 (BST-1) = 3,510, second 300 (RPR-2),
precaution 10 (DRG-1); 740 on 22 June (700 + 30 + 10). Populations of every band (data/master/district_targets.csv):
Raipur 1,46,730 + 1,44,243 + 10,99,234 + 3,30,765 + 2,03,930 = 19,24,902, so first-dose coverage 2,800 ÷ 19,24,902 =
0.15% (0.1%); Bastar 7,43,259: 500 → 0.07% (0.1%); Durg 15,33,907: 210 → 0.01% (0.0%).
"""

from __future__ import annotations

from tests.pages.conftest import open_page


def _district_rows(app) -> dict[str, list[str]]:
    table = app.dataframe[-1].value
    return {row[0]: list(row[1:]) for row in table.itertuples(index=False)}


def test_headline_figures_and_district_totals(app_db) -> None:
    app = open_page(user=None)
    assert app.title[0].value == "COVID-19 vaccination in Chhattisgarh"
    assert [(m.label, m.value) for m in app.metric] == [
        ("Doses on the day", "740"),
        ("All doses to date", "3,820"),
        ("First dose", "3,510"),
        ("Second dose", "300"),
        ("Precaution dose", "10"),
    ]
    rows = _district_rows(app)
    assert len(rows) == 28  # the districts of June 2021: the five of 2022 are still part of their parents
    assert rows["Raipur"] == ["3,100", "2,800", "300", "0", "0.1%", "0.0%", "State reports"]
    assert rows["Durg"] == ["220", "210", "0", "10", "0.0%", "0.0%", "State reports"]
    assert rows["Bastar"] == ["500", "500", "0", "0", "0.1%", "0.0%", "State reports"]
    assert rows["Balod"] == ["0", "0", "0", "0", "0.0%", "0.0%", "State reports"]
    assert list(app.dataframe[-1].value.columns) == [
        "District",
        "All doses",
        "First dose",
        "Second dose",
        "Precaution dose",
        "Dose 1, % of 12+",
        "Dose 2, % of 12+",
        "Source",
    ]
    assert "on 22 June 2021 · State reports" in [c.value for c in app.caption]
    assert app.get("plotly_chart")


def test_the_summary_in_hindi(app_db) -> None:
    app = open_page(user=None, lang="hi")
    assert app.title[0].value == "छत्तीसगढ़ में कोविड-19 टीकाकरण"
    assert app.metric[1].label == "अब तक की कुल खुराकें"
    assert "रायपुर" in _district_rows(app)


def test_an_earlier_day(app_db) -> None:
    from datetime import date

    app = open_page(user=None)
    app.sidebar.date_input[0].set_value(date(2021, 6, 20)).run()
    assert not app.exception
    assert [(m.label, m.value) for m in app.metric][:2] == [
        ("Doses on the day", "1,080"),
        ("All doses to date", "2,400"),
    ]


def test_an_empty_database_says_so(empty_app_db) -> None:
    app = open_page(user=None)
    assert not app.exception
    assert [i.value for i in app.info][-1] == "No doses have been imported yet."


def test_the_view_is_built_once_per_data_version_language_and_day_and_shared_by_sessions(
    any_app_db, monkeypatch
) -> None:
    """Sessions share what the summary shows; an import (a new data version) builds it anew, with its figures."""
    from datetime import date

    from stats.views import summary as view
    from tests.files import doses_csv, run_import

    built = []
    original = view.summary
    monkeypatch.setattr(view, "summary", lambda *args: built.append(args[-3:-1]) or original(*args))
    for _ in range(3):  # three visitors
        assert open_page(user=None).metric[1].value == "3,820"
    assert built == [(date(2021, 6, 22), "en")]
    open_page(user=None, lang="hi")
    open_page(user=None).sidebar.date_input[0].set_value(date(2021, 6, 20)).run()
    assert built[1:] == [(date(2021, 6, 22), "hi"), (date(2021, 6, 20), "en")]

    row = {"date": "2021-06-22", "centre_code": "RPR-9", "centre_name": "PHC New", "doses": "1000"}
    assert run_import(any_app_db, doses_csv([row])).status == "committed"
    app = open_page(user=None)
    shown = [(m.label, m.value) for m in app.metric][:2]
    assert shown == [("Doses on the day", "1,740"), ("All doses to date", "4,820")]  # 740 + 1,000; 3,820 + 1,000
    assert len(built) == 4
