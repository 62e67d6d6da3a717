"""The public summary as a public dashboard (issue 14): the day in detail, the change on the day before and on the
7-day average, the district map with its table, a district's own view kept in the link, and the fallbacks of a
bad link — on the app_db fixture (worked by hand below) and on the real published series alone.

app_db on 22 June 2021: RPR-1 700 (18-44, first, Covishield), DRG-1 30 (60+, first) and 10 (60+, precaution):
740 doses; by dose 730 / 0 / 10 (98.6%, 0.0%, 1.4%), by band 18-44 700 (94.6%) and 60+ 40 (5.4%), all Covishield;
2 centres reported. 21 June: 600 + 50 + 30 = 680, so +60 (+8.8%). The regular days 16-21 June: 180, 280, 380, 480,
1,080 (Bastar's 500 on the 20th), 680 = 3,080 over 6 days = 513.33, so +227 (+44.2%) against the 7-day average.
Raipur's population 12+ 19,24,902: 700 doses on the day = 36.4 per lakh.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data.db import make_engine
from stats.figures.summary import COLOURBAR
from tests.pages.conftest import APP, _clear_caches, add_accounts, open_page

DETAIL_KEYS = {
    "Doses by dose number": "summary-detail-dose",
    "Doses by age band (the state's bands)": "summary-detail-band",
    "Doses by vaccine": "summary-detail-vaccine",
    "Sites and sessions": "summary-detail-sites",
    "People vaccinated by age band (CoWIN's bands)": "summary-detail-band_people",
    "People vaccinated by gender": "summary-detail-gender_people",
    "Doses by age band (CoWIN's bands)": "summary-detail-band",
    "Doses by gender": "summary-detail-gender",
}


def _table(app, key: str) -> list[list[str]]:
    return [list(row) for row in _by_key(app, key).value.itertuples(index=False)]


def _by_key(app, key: str):
    """A table by what it is: the map's (district and one figure), or a table of the day in detail (their bold
    titles come in the same order as their tables)."""
    frames = list(app.dataframe)
    if key == "summary-map-table":
        return next(d for d in frames if len(d.value.columns) == 2 and d.value.columns[0] in ("District", "ज़िला"))
    details = [d for d in frames if d.value.columns[0] in ("What", "क्या")]
    titles = [m.value.strip("*") for m in app.markdown if m.value.startswith("**")]
    keys = [DETAIL_KEYS.get(title) for title in titles]
    assert key in keys, (key, titles)
    return details[keys.index(key)]


def _map(app):
    import json

    charts = [c for c in app.get("plotly_chart") if '"meta"' in c.proto.spec]
    assert charts, "no district map"
    return json.loads(charts[-1].proto.spec)


def _district_traces(spec) -> dict[str, str]:
    """code -> hover text of every district trace (the colour bar's trace left out)."""
    return {t["meta"]: t["name"] for t in spec["data"] if t.get("meta") != COLOURBAR}


def test_the_day_in_detail(app_db) -> None:
    app = open_page(user=None)
    assert _by_key(app, "summary-detail-dose").value.values.tolist() == [
        ["First dose", "730", "98.6%"],
        ["Second dose", "0", "0.0%"],
        ["Precaution dose", "10", "1.4%"],
    ]
    assert _table(app, "summary-detail-band") == [["18–44 years", "700", "94.6%"], ["60+ years", "40", "5.4%"]]
    assert _table(app, "summary-detail-vaccine") == [["Covishield", "740", "100.0%"]]
    assert _table(app, "summary-detail-sites") == [["Centres that reported doses", "2"]]
    captions = [c.value for c in app.caption]
    assert "The state's centre reports do not count sessions." in captions
    assert any(c.startswith("Gender: the state's centre reports do not record it") for c in captions)


def test_the_change_on_the_day_before_and_on_the_7_day_average(app_db) -> None:
    app = open_page(user=None)
    assert app.metric[0].value == "740"
    assert app.metric[0].proto.delta == "+60 (+8.8%)"
    assert "Against the 7-day average before it (513): +227 (+44.2%)" in [c.value for c in app.caption]
    assert app.metric[1].value == "3,820"  # the figure alone: its words go under it (fits a phone)


def test_the_map_has_a_trace_per_district_of_the_day_and_the_table_beside_it_agrees(app_db) -> None:
    app = open_page(user=None)
    app.selectbox(key="summary-indicator").set_value("cumulative").run()
    traces = _district_traces(_map(app))
    assert len(traces) == 28  # the 28 districts of June 2021; Gaurela-Pendra-Marwahi as a dot inside Bilaspur
    beside = dict(_table(app, "summary-map-table"))
    assert len(beside) == 28
    names = {"RPR": "Raipur", "DRG": "Durg", "BST": "Bastar", "BLD": "Balod", "GPM": "Gaurela-Pendra-Marwahi"}
    for code, name in names.items():
        assert traces[code] == f"{name}: {beside[name]}"
    assert beside["Raipur"] == "3,100" and beside["Durg"] == "220" and beside["Balod"] == "0"
    app.selectbox(key="summary-indicator").set_value("on_day_per_lakh").run()
    assert dict(_table(app, "summary-map-table"))["Raipur"] == "36.4"
    assert _district_traces(_map(app))["RPR"] == "Raipur: 36.4"


def test_the_map_in_hindi(app_db) -> None:
    app = open_page(user=None, lang="hi")
    traces = _district_traces(_map(app))
    assert traces["RPR"].startswith("रायपुर: ")
    assert list(_by_key(app, "summary-map-table").value.columns)[0] == "ज़िला"


def _linked(query: dict, lang: str = "en") -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.session_state["lang"] = lang
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_a_district_link_opens_the_district_on_its_date(app_db) -> None:
    app = _linked({"district": "RPR", "date": "2021-06-20"})
    assert app.title[0].value == "Raipur district"
    assert app.sidebar.date_input[0].value == date(2021, 6, 20)
    # Raipur on 20 June: RPR-1 500 + RPR-2 50
    assert app.metric[0].value == "550"
    assert app.selectbox(key="summary-area").value == "RPR"
    assert _table(app, "summary-detail-band") == [["18–44 years", "500", "90.9%"], ["45–59 years", "50", "9.1%"]]
    assert app.query_params["district"] == ["RPR"] or app.query_params["district"] == "RPR"
    assert app.subheader[1].value == "Daily doses in Raipur"


def test_choosing_a_district_puts_it_and_the_date_in_the_link(app_db) -> None:
    app = open_page(user=None)
    assert "district" not in app.query_params
    app.selectbox(key="summary-area").set_value("DRG").run()
    assert app.title[0].value == "Durg district"
    assert _value(app.query_params["district"]) == "DRG"
    assert _value(app.query_params["date"]) == "2021-06-22"
    assert app.metric[0].value == "40"
    app.selectbox(key="summary-area").set_value("STATE").run()
    assert "district" not in app.query_params
    assert app.metric[0].value == "740"


def _value(param) -> str:
    return param[0] if isinstance(param, list) else param


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ({"district": "XYZ"}, "The link names a district we do not know (XYZ): showing the whole state."),
        (
            {"district": "SKT", "date": "2021-06-22"},
            "Sakti was not yet a district on 22 June 2021: showing the whole state.",
        ),
        (
            {"date": "2021-02-30"},
            "The link's date (2021-02-30) is not a day we have figures for (16 June 2021 to 22 June 2021): showing "
            "22 June 2021.",
        ),
        (
            {"district": "RPR", "date": "1999-01-01"},
            "The link's date (1999-01-01) is not a day we have figures for (16 June 2021 to 22 June 2021): showing "
            "22 June 2021.",
        ),
    ],
    ids=["unknown-district", "district-not-yet-formed", "no-such-date", "date-out-of-range"],
)
def test_a_bad_link_falls_back_politely(app_db, query, note) -> None:
    app = _linked(query)
    assert note in [i.value for i in app.info]
    assert app.sidebar.date_input[0].value == date(2021, 6, 22)


def test_a_district_link_in_hindi(app_db) -> None:
    app = _linked({"district": "DRG"}, lang="hi")
    assert app.title[0].value == "दुर्ग ज़िला"
    assert app.metric[0].value == "40"


# --- The real published series alone ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_app(real_only_url: str, tmp_path_factory: pytest.TempPathFactory):
    """A copy of the real-only database as the app's database for this module."""
    source = Path(real_only_url.removeprefix("sqlite:///"))
    copy = tmp_path_factory.mktemp("real-summary") / "teeka.db"
    shutil.copy(source, copy)
    url = f"sqlite:///{copy}"
    engine = make_engine(url)
    add_accounts(engine)
    engine.dispose()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", url)
        _clear_caches()
        yield url
        _clear_caches()


def test_real_day_in_detail_comes_from_cowin_in_its_own_bands(real_app) -> None:
    app = _linked({"date": "2021-06-22"})
    titles = [m.value for m in app.markdown]
    # On 22 June 2021 CoWIN published doses by vaccine, and people vaccinated (not doses) by band and gender.
    assert "**People vaccinated by age band (CoWIN's bands)**" in titles
    assert "**Doses by vaccine**" in titles
    assert "**People vaccinated by gender**" in titles
    bands = [row[0] for row in _table(app, "summary-detail-band_people")]
    assert bands == ["18–44 (CoWIN's band)", "45–60 (CoWIN's band)", "60+ (CoWIN's band)"]
    sites = _table(app, "summary-detail-sites")
    assert [row[0] for row in sites] == ["Sessions", "Sites"]
    captions = " ".join(c.value for c in app.caption)
    assert "11,49,374" in captions  # CoWIN's implausible sessions named as such
    for row in _table(app, "summary-detail-dose"):
        assert re.fullmatch(r"[\d,]+", row[1])


def test_real_district_map_from_cowin_district_series(real_app) -> None:
    app = _linked({"date": "2021-04-20"})
    app.selectbox(key="summary-indicator").set_value("coverage_1").run()
    traces = _district_traces(_map(app))
    beside = dict(_table(app, "summary-map-table"))
    assert len(traces) == len(beside) == 28
    for name in traces.values():
        district, shown = name.rsplit(": ", 1)
        assert beside[district] == shown
    assert beside["Surguja"].endswith("%")


def test_real_district_link_after_the_district_series_ends(real_app) -> None:
    app = _linked({"district": "RPR", "date": "2021-06-22"})
    assert app.title[0].value == "Raipur district"
    assert not app.exception


def test_a_links_date_is_applied_once_then_the_sidebar_rules(app_db) -> None:
    app = _linked({"district": "RPR", "date": "2021-06-20"})
    app.sidebar.date_input[0].set_value(date(2021, 6, 21)).run()
    assert app.sidebar.date_input[0].value == date(2021, 6, 21)
    assert _value(app.query_params["date"]) == "2021-06-21"
    assert app.metric[0].value == "650"  # Raipur on 21 June: RPR-1 600 + RPR-2 50
    assert app.title[0].value == "Raipur district"
