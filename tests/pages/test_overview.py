"""The state overview page on the app_db fixture (figures at the top of tests/pages/conftest.py).

Worked by hand for 22 June 2021:
  doses 700 (RPR-1) + 30 + 10 (DRG-1) = 740; 21 June 600 + 50 + 30 = 680: +60, 60 / 680 = +8.8%.
  7-day average 16–22 June: 3,820 / 7 = 545.71 → 546; 740 − 545.71 = +194, 194.29 / 545.71 = +35.6%.
  centres: RPR-1, DRG-1 = 2; 21 June RPR-1, RPR-2, DRG-1 = 3: −1 (−33.3%).
  first doses 700 + 30 = 730 (to date 2,800 + 210 + 500 = 3,510); second 0 (to date 6 × 50 = 300);
  precaution 10 (to date 10); total 3,820.
  stock: 10,000 + 2,000 received − 3,820 given = 8,180; cover 8,180 / 545.71 = 14.99 → 14.9 days, rounded down.
  stock-outs (stock ÷ that store's 7-day pace of that vaccine, rounded down; lasts until 22 June + whole days):
    Bastar Covishield 600 − 500 = 100 ÷ (500 / 7) = 1.4 (red, 23 June); Raipur Covishield 4,000 − 2,800 = 1,200
    ÷ 400 = 3.0 (red, 25 June); state Covishield 4,400 + 1,200 + 780 + 100 = 6,480 ÷ (3,520 / 7) = 12.88 → 12.8
    (amber, 4 July); Raipur Covaxin 1,000 − 300 = 700 ÷ (300 / 7) = 16.3 (8 July); Durg Covishield 1,000 − 220
    = 780 ÷ (220 / 7) = 24.8 (16 July); state Covaxin 1,000 + 700 = 1,700 ÷ (300 / 7) = 39.6 (31 July).
  record day to 22 June: 20 June, 500 (RPR-1) + 50 (RPR-2) + 30 (DRG-1) + 500 (BST-1) = 1,080.
  vaccine mix 16–22 June: Covaxin 6 × 50 = 300 (7.9%), Covishield 3,820 − 300 = 3,520 (92.1%).
  data checks: none (RPR-2, silent on 22 June, has reported on one Tuesday only: not a habit yet).
Raipur, the Raipur collector's home (the state's figures beside):
  doses 700 (RPR-1), 21 June 600 + 50 = 650: +50 (+7.7%); 700 / 740 = 94.6% of the state.
  7-day average 3,100 / 7 = 442.86 → 443 (81.2% of the state's 545.71); 700 − 442.86 = +257 (+58.1%).
  centres 1 (RPR-1), 21 June 2: −1 (−50.0%); 1 / 2 = 50.0% of the state.
  total 2,800 + 300 = 3,100 (81.2% of 3,820); first 700 (95.9% of 730), second 0 (state 0), precaution 0 (0.0% of 10).
  stock 4,000 + 1,000 − 3,100 = 1,900 (state 8,180); cover 1,900 / 442.86 = 4.29 → 4.2 days (state 14.9 days).
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from data.read import quality as quality_reads
from stats.quality import Flag
from tests.files import doses_csv, run_import
from tests.pages.conftest import open_page

DAY = date(2021, 6, 22)
RANGE_KEY = "overview-range-2021-06-22"


def metrics(app) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.delta) for m in app.metric}


STOCKOUT_HEADERS = ("Lasts until", "कब तक चलेगा")


def tables(app) -> list:
    """The chart tables in order (the projected stock-outs table is stockout_table's)."""
    return [frame.value for frame in app.dataframe if not set(STOCKOUT_HEADERS) & set(frame.value.columns)]


def stockout_table(app):
    (table,) = [frame for frame in app.dataframe if set(STOCKOUT_HEADERS) & set(frame.value.columns)]
    return table


@pytest.fixture
def page(app_db):
    return open_page("overview", "en", as_of=DAY)


def test_headline_cards(page):
    assert page.title[0].value == "State overview"
    assert metrics(page) == {
        "Doses": ("740", "+60 (+8.8%)"),
        "7-day average": ("546", "+194 (+35.6%)"),
        "Centres reporting": ("2", "−1 (−33.3%)"),
        "Total doses": ("3,820", ""),
        "Stock on hand": ("8,180", ""),
        "Days of cover": ("14.9 days", ""),  # 14 days or more: no warning (stats.stock.COVER_AMBER_DAYS)
        "First doses": ("730", ""),
        "Second doses": ("0", ""),
        "Precaution doses": ("10", ""),
    }
    captions = [c.value for c in page.caption]
    # Each card says which day it is for.
    assert captions.count("On 22 June 2021") == 5
    assert captions.count("At the end of 22 June 2021") == 2
    assert {"To 22 June 2021", "The 7 days to 22 June 2021"} <= set(captions)
    first_doses = next(m for m in page.metric if m.label == "First doses")
    assert first_doses.help == "Given on 22 June 2021. To 22 June 2021 in all: 3,510."
    assert not page.info


def test_projected_stock_outs_most_urgent_first(page):
    # Issue 14: stock you can act on, the state and every district store by vaccine, worked out at the top.
    table = stockout_table(page)
    assert table.value.values.tolist() == [
        ["Bastar", "Covishield", "1.4", "23 June 2021", "100", "71"],
        ["Raipur", "Covishield", "3.0", "25 June 2021", "1,200", "400"],
        ["State (every store)", "Covishield", "12.8", "4 July 2021", "6,480", "503"],
        ["Raipur", "Covaxin", "16.3", "8 July 2021", "700", "43"],
        ["Durg", "Covishield", "24.8", "16 July 2021", "780", "31"],
        ["State (every store)", "Covaxin", "39.6", "31 July 2021", "1,700", "43"],
    ]
    styles = table.proto.arrow_data.styler.styles
    assert styles.count("background-color: #FFD6D6") >= 1 and "background-color: #FFE9B8" in styles
    assert "Vaccine stocks with under 7 days of cover: 2 (in red below)." in [w.value for w in page.warning]
    assert any(c.value.startswith("Days of cover in red: under 7 days") for c in page.caption)
    # Issue 14 item 5: six columns are wider than a phone; the store stays put while the rest scrolls beside it.
    assert json.loads(table.proto.columns)["Store"]["pinned"] is True


def test_charts_show_the_last_90_days_within_the_data(page):
    (picker,) = page.main.date_input
    assert picker.value == (date(2021, 6, 16), DAY)
    assert "Charts show 16 June 2021 to 22 June 2021." in [c.value for c in page.caption]
    assert (
        "The record day to 22 June 2021 according to the state's centre reports is 20 June 2021, with 1,080 doses."
        in [c.value for c in page.caption]
    )
    daily, cumulative, bands, vaccines = tables(page)
    assert list(daily["Doses"]) == ["180", "280", "380", "480", "1,080", "680", "740"]
    # 7-day average since data began on 16 June: 180, 460/2, 840/3, 1,320/4, 2,400/5, 3,080/6, 3,820/7.
    assert list(daily["7-day average"]) == ["180", "230", "280", "330", "480", "513", "546"]
    assert cumulative.iloc[-1].tolist() == ["22 June 2021", "3,510", "300", "10"]
    assert bands.iloc[4].tolist() == ["20 June 2021", "1,000", "50", "30"]
    assert vaccines.values.tolist() == [["Covishield", "3,520", "92.1%"], ["Covaxin", "300", "7.9%"]]


def test_no_data_check_for_a_centre_without_a_habit(page):
    # RPR-2 is silent on Tuesday 22 June after one week of reports: not a centre that reports every Tuesday.
    assert [s.value for s in page.success] == ["All clear: no data check found anything to look at for 22 June 2021."]
    assert [w.value for w in page.warning] == ["Vaccine stocks with under 7 days of cover: 2 (in red below)."]


def two_flags(day, area, frames) -> list[Flag]:
    """A data check in Raipur and one in Durg on the day (stands in for the rules, whatever the data)."""
    return [
        Flag("DRG", day, "missing_centres", {}, "A check in Durg.", "दुर्ग की जाँच।"),
        Flag("RPR", day, "missing_centres", {}, "A check in Raipur.", "रायपुर की जाँच।"),
    ]


def test_alerts_list_each_flag(app_db, monkeypatch):
    monkeypatch.setattr(quality_reads, "flags_from_frames", two_flags)
    app = open_page("overview", "en", as_of=DAY)
    assert [w.value for w in app.warning] == [
        "Vaccine stocks with under 7 days of cover: 2 (in red below).",
        "2 figures for 22 June 2021 need a look:",
    ]
    assert [m.value for m in app.markdown] == ["- A check in Durg.\n- A check in Raipur."]
    assert "A check" not in app.code[0].value  # the press note carries no data checks


def test_bulletin_with_copy_and_download(page):
    (note,) = page.code
    assert note.value.splitlines() == [
        "Vaccination bulletin — Chhattisgarh, 22 June 2021",
        "",
        "On 22 June 2021, 740 doses were given at 2 centres in Chhattisgarh. The total so far is 3,820.",
        "First doses 730, second doses 0, precaution doses 10.",
        "18–44 years: 700 first doses.",
        "60+ years: 30 first doses, 10 precaution doses.",
        "CoWIN reported 800 doses for the day.",
        "Stock on hand: 8,180 doses, enough for 14 days at the 7-day average of 546 doses a day.",
        "The record so far is 1,080 doses on 20 June 2021; this day reached 69% of it.",
        "Source: the state's centre reports.",
    ]
    download = page.get("download_button")[-1]
    assert download.key == "overview-bulletin-download"
    assert download.label == "Download the bulletin (.txt)"
    assert download.proto.url  # the note is served as a file


def test_all_clear_on_a_quiet_day(app_db):
    # 17 June: every centre of 16 June reported again, no published figures yet, stock ample.
    app = open_page("overview", "en", as_of=date(2021, 6, 17))
    assert [s.value for s in app.success] == ["All clear: no data check found anything to look at for 17 June 2021."]
    assert not app.warning
    assert metrics(app)["Doses"] == ("280", "+100 (+55.6%)")


def test_picking_dates_redraws_the_charts(page):
    page.date_input(key=RANGE_KEY).set_value((date(2021, 6, 21), DAY))
    page.session_state["as_of"] = DAY
    page.run()
    assert not page.exception
    daily, cumulative, bands, vaccines = tables(page)
    assert list(daily["Date"]) == ["21 June 2021", "22 June 2021"]
    # The average on 21 June still reaches back over the days before the range: 3,080 / 6 = 513.
    assert list(daily["7-day average"]) == ["513", "546"]
    assert cumulative.iloc[0].tolist() == ["21 June 2021", "2,780", "300", "0"]
    # 21–22 June: Covishield 600 + 30 + 740 = 1,370 (1,370 / 1,420 = 96.5%), Covaxin 50 (3.5%).
    assert vaccines.values.tolist() == [["Covishield", "1,370", "96.5%"], ["Covaxin", "50", "3.5%"]]
    assert (
        "The record day to 22 June 2021 according to the state's centre reports is 20 June 2021, with 1,080 doses: "
        "outside the dates shown." in [c.value for c in page.caption]
    )
    assert metrics(page)["Doses"] == ("740", "+60 (+8.8%)")  # the cards keep to the day


def test_hindi_labels(app_db):
    app = open_page("overview", "hi", as_of=DAY)
    assert app.title[0].value == "राज्य अवलोकन"
    assert [s.value for s in app.subheader] == [
        "22 जून 2021 के आँकड़े",
        "अनुमानित स्टॉक समाप्ति, 22 जून 2021",
        "रुझान",
        "22 जून 2021 के आँकड़ों की जाँच",
        "22 जून 2021 का बुलेटिन",
    ]
    assert list(metrics(app)) == [
        "खुराकें",
        "7 दिन का औसत",
        "रिपोर्ट करने वाले केंद्र",
        "कुल खुराकें",
        "भंडार में खुराकें",
        "भंडार कितने दिन चलेगा",
        "पहली खुराकें",
        "दूसरी खुराकें",
        "एहतियाती खुराकें",
    ]
    assert metrics(app)["भंडार कितने दिन चलेगा"] == ("14.9 दिन", "")
    assert "22 जून 2021 को" in [c.value for c in app.caption]
    assert app.date_input[0].label == "चार्ट में दिखाई गई तारीख़ें"
    daily, cumulative, bands, vaccines = tables(app)
    assert list(daily.columns) == ["तारीख़", "खुराकें", "7 दिन का औसत", "स्रोत", "टिप्पणी"]
    assert list(cumulative.columns) == ["तारीख़", "पहली खुराक", "दूसरी खुराक", "एहतियाती खुराक"]
    assert list(bands.columns) == ["तारीख़", "18–44 वर्ष", "45–59 वर्ष", "60+ वर्ष"]
    assert vaccines.values.tolist() == [["कोविशील्ड", "3,520", "92.1%"], ["कोवैक्सिन", "300", "7.9%"]]
    assert [w.value for w in app.warning] == ["7 दिन से कम चलने वाले टीका-स्टॉक: 2 (नीचे लाल में)।"]
    assert app.code[0].value.startswith("टीकाकरण बुलेटिन — छत्तीसगढ़, 22 जून 2021")
    assert app.get("download_button")[-1].label == "बुलेटिन डाउनलोड करें (.txt)"
    assert {tab.label for tab in app.tabs} == {"चार्ट", "तालिका"}


def test_empty_database(empty_app_db):
    app = open_page("overview", "en")
    assert app.title[0].value == "State overview"
    assert [i.value for i in app.info] == ["No doses have been imported yet."]
    assert not app.metric


def test_empty_database_in_hindi(empty_app_db):
    app = open_page("overview", "hi")
    assert [i.value for i in app.info] == ["अभी तक कोई खुराक आयात नहीं हुई है।"]


def test_a_day_without_reports(empty_app_db):
    rows = [{"date": "2021-06-16", "doses": "300"}, {"date": "2021-06-18", "doses": "100"}]
    assert run_import(empty_app_db, doses_csv(rows)).status == "committed"
    app = open_page("overview", "en", as_of=date(2021, 6, 17))
    assert [i.value for i in app.info] == ["No doses are reported for 17 June 2021."]
    shown = metrics(app)
    assert shown["Doses"] == ("0", "−300 (−100.0%)")
    assert shown["Total doses"] == ("300", "")
    assert shown["Stock on hand"] == ("—", "")  # no stock ledger imported
    assert app.code[0].value.splitlines()[2] == (
        "No doses were reported in Chhattisgarh on 17 June 2021. The total so far is 300."
    )
    assert list(tables(app)[0]["Doses"]) == ["300", "0"]  # 16–17 June: the range ends on the day


# --- The Raipur collector's home: their district, the state beside it ------------------------------------------


def test_the_collector_lands_on_their_district(app_db):
    app = open_page(None, "en", user="collector.rpr", as_of=DAY)  # the app as opened: no page asked for
    assert app.title[0].value == "Raipur: district overview"
    assert metrics(app) == {
        "Doses": ("700", "+50 (+7.7%)"),
        "7-day average": ("443", "+257 (+58.1%)"),
        "Centres reporting": ("1", "−1 (−50.0%)"),
        "Total doses": ("3,100", ""),
        "Stock on hand": ("1,900", ""),
        "Days of cover": ("4.2 days", "Under 7 days: act today"),
        "First doses": ("700", ""),
        "Second doses": ("0", ""),
        "Precaution doses": ("0", ""),
    }
    captions = [c.value for c in app.caption]
    assert [c for c in captions if c.startswith("Chhattisgarh:")] == [
        "Chhattisgarh: 740 · 94.6% of the state",
        "Chhattisgarh: 546 · 81.2% of the state",
        "Chhattisgarh: 2 · 50.0% of the state",
        "Chhattisgarh: 3,820 · 81.2% of the state",
        "Chhattisgarh: 8,180",
        "Chhattisgarh: 14.9 days",
        "Chhattisgarh: 730 · 95.9% of the state",
        "Chhattisgarh: 0",
        "Chhattisgarh: 10 · 0.0% of the state",
    ]
    daily, cumulative, bands, vaccines = tables(app)
    assert list(daily["Doses"]) == ["150", "250", "350", "450", "550", "650", "700"]  # Raipur's days only
    assert cumulative.iloc[-1].tolist() == ["22 June 2021", "2,800", "300"]
    assert vaccines.values.tolist() == [["Covishield", "2,800", "90.3%"], ["Covaxin", "300", "9.7%"]]
    assert app.code[0].value.splitlines()[0] == "Vaccination bulletin — Raipur, 22 June 2021"
    assert app.get("download_button")[-1].proto.label == "Download the bulletin (.txt)"


def test_the_collector_sees_their_own_data_checks_only(app_db, monkeypatch):
    monkeypatch.setattr(quality_reads, "flags_from_frames", two_flags)
    app = open_page("overview", "en", user="collector.rpr", as_of=DAY)
    assert [m.value for m in app.markdown] == ["- A check in Raipur."]


def test_the_collectors_home_in_hindi(app_db):
    app = open_page("overview", "hi", user="collector.rpr", as_of=DAY)
    assert app.title[0].value == "रायपुर: ज़िला अवलोकन"
    assert "छत्तीसगढ़: 740 · राज्य का 94.6%" in [c.value for c in app.caption]
    assert app.code[0].value.startswith("टीकाकरण बुलेटिन — रायपुर, 22 जून 2021")


def test_the_officer_keeps_the_state(app_db):
    app = open_page(None, "en", user="officer.test", as_of=DAY)
    assert app.title[0].value == "State overview"
    assert metrics(app)["Doses"] == ("740", "+60 (+8.8%)")
    assert not [c.value for c in app.caption if c.value.startswith("Chhattisgarh:")]
