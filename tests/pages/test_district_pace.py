"""The District pace page on the app_db fixture (figures worked out by hand), an empty database, and in Hindi.

As of 22 June 2021 (the sidebar's default), default bands 18-44, 45-59 and 60+, whose target populations
(data/master/district_targets.csv) are: Raipur 10,99,234 + 3,30,765 + 2,03,930 = 16,33,929; Durg 8,75,952 +
2,63,578 + 1,62,507 = 13,02,037; Bastar 4,24,445 + 1,27,718 + 78,743 = 6,30,906.

Doses of 16-22 June (the 7 days up to as_of):
  Raipur  RPR-1 100 + 200 + … + 700 = 2,800 (dose 1) and RPR-2 6 × 50 = 300 (dose 2): 3,100; 7-day average 442.86
          (443); per 1,000: 442.86 ÷ 1,633.929 = 0.27
  Bastar  500 on 20 June: 71.43 (71); per 1,000 71.43 ÷ 630.906 = 0.11
  Durg    7 × 30 + 10 = 220: 31.43 (31); per 1,000 31.43 ÷ 1,302.037 = 0.02
So the ranks are Raipur 1, Bastar 2, Durg 3, and the other 25 districts of 2021 share rank 4 at 0.00, by English name
(the five districts of September 2022 are counted in their parents: 28 districts).
No dose before 16 June: the change on last week is — everywhere.
Coverage: Raipur dose 1 2,800 ÷ 16,33,929 = 0.17%; dropout (2,800 − 300) ÷ 2,800 = 89.3%; Bastar and Durg 100.0%.
Stock on 22 June: Raipur 4,000 + 1,000 − 3,100 = 1,900 (÷ 442.86 = 4.29: 4 days); Bastar 600 − 500 = 100 (÷ 71.43 =
1.4: 1 day); Durg 1,000 − 220 = 780 (÷ 31.43 = 24.8: 24 days).
Required a day for 90% first-dose coverage by 31 December 2021 (192 days after 22 June): Raipur (14,70,536.1 −
2,800) ÷ 192 = 7,644.46 → 7,645; Bastar (5,67,815.4 − 500) ÷ 192 = 2,954.77 → 2,955; Durg (11,71,833.3 − 210) ÷ 192
= 6,102.20 → 6,103; a district without doses, e.g. Balod 0.9 × 6,24,698 ÷ 192 = 2,928.27 → 2,929.
"""

from __future__ import annotations

import io
import json

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from data.master import MASTER_DIR
from tests.pages.conftest import open_page

PAGE = "district_pace"
OTHERS = (
    pd.read_csv(MASTER_DIR / "districts.csv")
    .query("code not in ['RPR', 'BST', 'DRG']")
    .loc[lambda table: table["formed_on"].fillna("") < "2021"]
    .sort_values("name_en")["name_en"]
    .tolist()
)


@pytest.fixture
def downloads(monkeypatch) -> list[tuple[bytes, str | None]]:
    """Every file handed to Streamlit's media storage (download buttons): (data, file name)."""
    saved: list[tuple[bytes, str | None]] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        saved.append((path_or_data, filename))
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return saved


def frames(app) -> list:
    """The page's st.dataframe elements in order (a dataframe has no key in AppTest): the league, the comparison
    table, the trend table, then the centre tables (top, bottom when shown, silent) and the doses due."""
    return list(app.dataframe)


def league_of(app):
    return frames(app)[0]


def table_with(app, first_column: str, index: int = 0) -> pd.DataFrame:
    """The index-th dataframe (after the league) whose first column is headed first_column."""
    found = [f.value for f in frames(app)[1:] if list(f.value.columns)[:1] == [first_column]]
    return found[index]


def shown(element) -> pd.DataFrame:
    """A st.dataframe given a Styler, as the browser writes it (the Styler's display values)."""
    stream = element.proto.arrow_data.styler.display_values
    return pa.ipc.open_stream(stream).read_all().to_pandas()


def headers(element) -> dict[str, str]:
    """The column labels of a st.dataframe's column_config, by column."""
    config = json.loads(element.proto.columns)
    return {name: column["label"] for name, column in config.items() if "label" in column}


def helps(element) -> dict[str, str]:
    """The help texts of a st.dataframe's column_config, by column."""
    config = json.loads(element.proto.columns)
    return {name: column["help"] for name, column in config.items() if "help" in column}


def test_league_table_has_every_district_in_rank_order(app_db):
    app = open_page(PAGE)
    league = league_of(app)
    table = league.value
    assert len(table) == 28
    assert list(table["district"]) == ["Raipur", "Bastar", "Durg", *OTHERS]
    assert list(table["rank"]) == [1, 2, 3] + [4] * 25
    written = shown(league).set_index("code")
    columns = [
        "population",
        "average_7d",
        "per_thousand",
        "change_7d",
        "dropout",
        "on_hand",
        "days_of_cover",
        "required_daily_rate",
    ]
    assert written.loc[["RPR", "BST", "DRG", "BLD"], columns].values.tolist() == [
        ["16,33,929", "443", "0.27", "—", "89.3%", "1,900", "4.2", "7,645"],
        ["6,30,906", "71", "0.11", "—", "100.0%", "100", "1.4", "2,955"],
        ["13,02,037", "31", "0.02", "—", "100.0%", "780", "24.8", "6,103"],
        ["6,24,698", "0", "0.00", "—", "—", "0", "0.0", "2,929"],
    ]
    raipur = table.set_index("code").loc["RPR"]
    assert raipur["coverage_1"] == pytest.approx(2800 / 1633929)
    assert list(raipur["last_28_days"]) == [0] * 21 + [150, 250, 350, 450, 550, 650, 700]


def test_league_days_of_cover_has_one_decimal_a_warning_colour_and_a_stock_out_date(app_db):
    # Issue 14: days of cover read 0 (floored to whole days). By hand, over the 7 days to 22 June 2021:
    # Raipur 1,900 ÷ (3,100 doses ÷ 7) = 4.29 → 4.2 (rounded down; red), lasts until 22 June + 4 days = 26 June;
    # Bastar 100 ÷ (500 ÷ 7) = 1.4 (red), 23 June; Durg 780 ÷ (220 ÷ 7) = 24.82 → 24.8 (no colour), 16 July.
    league = league_of(open_page(PAGE))
    written = shown(league).set_index("code")
    assert written.loc[["RPR", "BST", "DRG"], ["days_of_cover", "stockout_date"]].values.tolist() == [
        ["4.2", "26 June 2021"],
        ["1.4", "23 June 2021"],
        ["24.8", "16 July 2021"],
    ]
    assert headers(league)["stockout_date"] == "Lasts until"
    assert helps(league)["stockout_date"].startswith("Stock lasts until: The last day the district store's stock")
    styles = league.proto.arrow_data.styler.styles
    assert "background-color: #FFD6D6" in styles and "#FFE9B8" not in styles


def test_days_of_cover_chart_is_coloured_by_level_with_one_decimal_ticks(app_db):
    app = open_page(PAGE)
    app.selectbox(key="dp_indicator").set_value("days_of_cover").run()
    chart = json.loads(app.get("plotly_chart")[0].proto.spec)
    bar = chart["data"][0]
    colours = dict(zip(bar["y"], bar["marker"]["color"], strict=True))
    assert (colours["Raipur"], colours["Bastar"], colours["Durg"]) == ("#C62828", "#C62828", "#009E73")
    texts = dict(zip(bar["y"], bar["text"], strict=True))
    assert (texts["Raipur"], texts["Durg"]) == ("4.2", "24.8")
    assert chart["layout"]["xaxis"]["ticktext"][:3] == ["0.0", "5.0", "10.0"]
    assert any("red: under 7 days" in c.value for c in app.caption)


def test_the_chosen_districts_stock_by_vaccine_with_its_stock_out_date(app_db):
    # Raipur on 22 June 2021: Covishield 4,000 issued − 2,800 given = 1,200 at 2,800 ÷ 7 = 400 a day → 3.0 days,
    # lasts until 25 June; Covaxin 1,000 − 300 given (50 a day on 6 days) = 700 at 300 ÷ 7 = 42.9 a day → 16.3 days,
    # 22 June + 16 = 8 July.
    app = open_page(PAGE)
    app.selectbox(key="dp_district").set_value("RPR").run()
    table = table_with(app, "Store")
    assert list(table.columns) == [
        "Store",
        "Vaccine",
        "Days of cover",
        "Lasts until",
        "On hand",
        "Doses a day (7-day average)",
    ]
    assert set(table["Store"]) == {"Raipur"}
    covishield = table[table["Vaccine"] == "Covishield"].iloc[0]
    assert (covishield["On hand"], covishield["Days of cover"], covishield["Lasts until"]) == (
        "1,200",
        "3.0",
        "25 June 2021",
    )
    covaxin = table[table["Vaccine"] == "Covaxin"].iloc[0]
    assert (covaxin["On hand"], covaxin["Days of cover"], covaxin["Lasts until"]) == ("700", "16.3", "8 July 2021")
    stock_table = next(f for f in frames(app)[1:] if list(f.value.columns)[:1] == ["Store"])
    assert json.loads(stock_table.proto.columns)["Store"]["pinned"] is True  # a phone scrolls the rest beside it


def test_league_table_columns_are_configured(app_db):
    league = league_of(open_page(PAGE))
    config = json.loads(league.proto.columns)
    assert config["coverage_1"]["type_config"]["type"] == "progress"
    assert config["last_28_days"]["type_config"]["type"] == "line_chart"
    assert headers(league)["per_thousand"] == "Per 1,000"
    assert helps(league)["per_thousand"] == (
        "Per 1,000 eligible a day: 7-day average of doses a day in the chosen bands ÷ their target population × 1,000."
    )
    assert "code" not in league.proto.column_order


# Issue 14 item 5: the league fits a 1,400 px screen (main block 938 px with the sidebar open). On screen: 12
# columns of 40 + 120 + 72 + 64 + 60 + 84 + 84 + 84 + 72 + 92 + 64 + 96 = 932 px, with short headers whose help
# starts with the full name; doses a day, eligible people and stock on hand only in the downloads (14 columns: every
# column of the league but the 28-day sparkline).
SCREEN = {
    "rank": ("#", 40, "Rank: 1 = the fastest pace"),
    "district": ("District", 120, "District"),
    "per_thousand": ("Per 1,000", 72, "Per 1,000 eligible a day: 7-day average"),
    "change_7d": ("Change", 64, "Change on last week: The 7-day average"),
    "last_28_days": ("28 days", 60, "Doses, last 28 days"),
    "coverage_1": ("Dose 1", 84, "Coverage, dose 1: Doses given so far"),
    "coverage_2": ("Dose 2", 84, "Coverage, dose 2: Doses given so far"),
    "coverage_3": ("Precaution", 84, "Coverage, precaution: Doses given so far"),
    "dropout": ("Dropout", 72, "Dropout, dose 1 to 2: (first doses − second doses)"),
    "required_daily_rate": ("Needed a day", 92, "Required a day: Doses a day from tomorrow"),
    "days_of_cover": ("Cover", 64, "Days of cover: The district store's stock"),
    "stockout_date": ("Lasts until", 96, "Stock lasts until: The last day"),
}


def test_league_fits_a_wide_screen_and_its_downloads_keep_every_column(app_db, downloads):
    league = league_of(open_page(PAGE))
    config = json.loads(league.proto.columns)
    assert list(league.proto.column_order) == list(SCREEN)
    assert {c: (config[c]["label"], config[c]["width"]) for c in SCREEN} == {
        c: (head, width) for c, (head, width, _) in SCREEN.items()
    }
    assert sum(config[c]["width"] for c in SCREEN) == 932
    for column, (_, _, help_start) in SCREEN.items():
        assert helps(league)[column].startswith(help_start), column
    assert config["district"].get("pinned") is True  # a phone scrolls the rest beside it
    csv = pd.read_csv(io.BytesIO(next(data for data, name in downloads if name == "district-pace-2021-06-22.csv")))
    assert list(csv.columns) == [
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
    assert csv.iloc[0][["Stock on hand", "Doses a day (7-day avg.)", "Eligible people"]].tolist() == [
        1900,
        443,
        1633929,
    ]


def test_league_csv_holds_plain_numbers_for_programs(app_db, downloads):
    open_page(PAGE)
    files = [data for data, name in downloads if name == "district-pace-2021-06-22.csv"]
    assert files
    csv = pd.read_csv(io.BytesIO(files[-1]))  # default options: numbers come back as numbers
    assert len(csv) == 28
    assert csv.iloc[0][["Rank", "District", "Eligible people", "Required a day"]].tolist() == [
        1,
        "Raipur",
        1633929,
        7645,
    ]
    assert csv["Rank"].dtype == "int64" and csv["Eligible people"].dtype == "int64"
    assert "Change on last week (%)" in csv.columns and "Coverage, dose 1 (%)" in csv.columns
    assert csv["Coverage, dose 1 (%)"].dtype == "float64"


def test_comparison_chart_table_follows_the_indicator(app_db):
    app = open_page(PAGE)
    compare = frames(app)[1].value
    assert compare.iloc[:4].values.tolist() == [
        ["Raipur", "0.27"],
        ["Bastar", "0.11"],
        ["Durg", "0.02"],
        ["Balod", "0.00"],
    ]
    app.selectbox(key="dp_indicator").set_value("days_of_cover").run()
    compare = frames(app)[1].value
    assert list(compare.columns) == ["District", "Days of cover"]
    assert compare.iloc[:4].values.tolist() == [
        ["Durg", "24.8"],
        ["Raipur", "4.2"],
        ["Bastar", "1.4"],
        ["Balod", "0.0"],
    ]


def test_inputs_change_the_targets_and_bands(app_db):
    app = open_page(PAGE)
    app.number_input(key="dp_target_percent").set_value(50)
    app.selectbox(key="dp_target_dose").set_value(2)
    app.run()
    assert not app.exception
    # Raipur: (0.5 × 16,33,929 − 300 second doses) ÷ 192 = 4,253.46 → 4,254.
    assert shown(league_of(app)).set_index("code").loc["RPR", "required_daily_rate"] == "4,254"
    app.multiselect(key="dp_bands").set_value(["18-44"]).run()
    table = league_of(app).value
    # 18-44 only: Raipur 400 ÷ 1,099.234 = 0.36, Bastar 71.43 ÷ 424.445 = 0.17; Durg gave no 18-44 dose.
    assert list(table["district"][:3]) == ["Raipur", "Bastar", "Balod"]
    assert list(table["rank"][:3]) == [1, 2, 3]
    assert table.set_index("code").loc["RPR", "population"] == 1099234
    app.multiselect(key="dp_bands").set_value([]).run()
    assert [i.value for i in app.info] == ["Choose at least one age band."]


def test_a_district_in_detail(app_db):
    app = open_page(PAGE)
    assert app.selectbox(key="dp_district").value == "RPR"  # the top of the league by default
    trend = frames(app)[2].value
    # 22 June: Raipur 0.27; the state: every dose of 16-22 June is in the bands, 3,820 ÷ 7 = 545.71 a day, of
    # 1,93,15,797 eligible in the 33 districts: 0.03 per 1,000.
    assert trend.iloc[-1].tolist() == ["22 June 2021", "0.27", "0.03"]
    assert list(trend.columns) == ["Date", "Raipur", "State average"]
    assert len(trend) == 90
    top = table_with(app, "Code")
    assert top.values.tolist() == [
        ["RPR-1", "PHC Mana", "2,800", "400.00", "7", "22 June 2021"],
        ["RPR-2", "UPHC Ward 12", "300", "42.86", "6", "21 June 2021"],
    ]
    assert "2 centres reported: all are listed on the left." in [i.value for i in app.info]
    missing = table_with(app, "Code", 1)  # no bottom table: 2 centres
    assert missing["Code"].tolist() == ["RPR-2"]
    # First doses of 16-22 June are Covishield, due from 84 days on: nothing is due yet.
    assert [(m.label, m.value) for m in app.metric] == [("Due (incl. overdue)", "0"), ("Overdue", "0")]
    assert table_with(app, "Vaccine").values.tolist() == [
        ["Covaxin", "0", "300", "0", "0"],
        ["Covishield", "2,800", "0", "0", "0"],
    ]


def test_a_district_without_doses_or_centres(app_db):
    app = open_page(PAGE, dp_district="BLD")
    assert [i.value for i in app.info] == [
        "Balod has no doses in the chosen bands in the last 90 days.",
        "No stock is recorded for Balod.",
        "No centre in Balod reported doses from 16 June 2021 to 22 June 2021.",
        "Balod has given no first dose in the chosen bands.",
    ]
    assert not app.metric


def test_a_district_not_yet_formed_gives_way_to_its_parent(app_db):
    app = open_page(PAGE, dp_district="SBG")  # Sarangarh-Bilaigarh, formed 3 September 2022
    assert app.selectbox(key="dp_district").value == "RGH"
    assert "SBG" not in app.selectbox(key="dp_district").options
    (note,) = [c.value for c in app.caption if "formed later" in c.value]
    assert note == (
        "Districts as they stood on 9 June 2021, the first day of the two weeks compared: "
        "Khairagarh-Chhuikhadan-Gandai, Manendragarh-Chirmiri-Bharatpur, Mohla-Manpur-Ambagarh Chowki, Sakti, "
        "Sarangarh-Bilaigarh, formed later, are counted in the districts they were carved from "
        "(their doses, stock and eligible people)."
    )


def test_an_earlier_day(app_db):
    app = open_page(PAGE, as_of=pd.Timestamp("2021-06-19").date())
    table = league_of(app).value
    # 16-19 June: Raipur 1,000 + 4 × 50 = 1,200, Durg 120; Bastar nothing yet.
    assert list(table["district"][:2]) == ["Raipur", "Durg"]
    assert shown(league_of(app)).set_index("code").loc["BST", "rank"] == "3"


def test_empty_database(empty_app_db):
    app = open_page(PAGE)
    assert [i.value for i in app.info] == ["No doses have been imported yet."]
    assert not app.dataframe


def test_hindi(app_db):
    app = open_page(PAGE, lang="hi")
    assert app.title[0].value == "ज़िलों की गति"
    assert [s.value for s in app.subheader] == [
        "ज़िलों की तालिका",
        "ज़िलों की तुलना",
        "एक ज़िला",
        "रायपुर का स्टॉक, 22 जून 2021",
        "केंद्र, 16 जून 2021 से 22 जून 2021",
        "बकाया और विलंबित दूसरी खुराकें",
    ]
    league = league_of(app)
    assert list(league.value["district"][:3]) == ["रायपुर", "बस्तर", "दुर्ग"]
    labels = headers(league)
    assert labels["rank"] == "क्रम" and labels["coverage_1"] == "खुराक 1"
    assert helps(league)["coverage_1"].startswith("कवरेज, पहली खुराक: चुने गए आयु वर्गों में")
    assert not [text for text in labels.values() if text.isascii()]
    assert app.multiselect(key="dp_bands").label == "आयु वर्ग"
    assert app.selectbox(key="dp_target_dose").label == "लक्ष्य की खुराक"
    assert app.number_input(key="dp_target_percent").label == "लक्षित कवरेज (%)"
    assert app.date_input(key="dp_target_date").label == "लक्ष्य की तारीख़"
    assert app.selectbox(key="dp_indicator").label == "संकेतक"
    assert app.selectbox(key="dp_district").label == "ज़िला"
    assert list(frames(app)[3].value.columns) == [
        "भंडार",
        "टीका",
        "कितने दिन चलेगा",
        "कब तक चलेगा",
        "भंडार में",
        "प्रतिदिन खुराकें (7 दिन का औसत)",
    ]
    assert frames(app)[3].value.iloc[0].tolist()[:4] == ["रायपुर", "कोविशील्ड", "3.0", "25 जून 2021"]
    assert list(frames(app)[4].value.columns) == [
        "कोड",
        "केंद्र",
        "खुराकें",
        "प्रतिदिन खुराकें",
        "रिपोर्ट के दिन",
        "अंतिम रिपोर्ट",
    ]
    assert list(frames(app)[1].value.columns) == ["ज़िला", "प्रति 1,000 पात्र प्रतिदिन"]
    assert frames(app)[2].value.iloc[-1].tolist() == ["22 जून 2021", "0.27", "0.03"]
    assert list(frames(app)[2].value.columns) == ["तारीख़", "रायपुर", "राज्य औसत"]
    assert [m.label for m in app.metric] == ["बकाया (विलंबित सहित)", "विलंबित"]
    assert table_with(app, "टीका").iloc[1].tolist() == ["कोविशील्ड", "2,800", "0", "0", "0"]
    assert app.info[0].value == "2 केंद्रों ने रिपोर्ट किया: सभी बाईं ओर हैं।"
    assert all(not c.value.isascii() for c in app.caption)
