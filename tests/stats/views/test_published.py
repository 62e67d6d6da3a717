"""What a published source gives beyond its dose totals (stats.views.published), on small frames worked by hand."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from stats import STATE
from stats.views import published as view
from tests.stats import master_names

NAMES = master_names()
VACCINE, BAND, GENDER, BAND_PEOPLE, GENDER_PEOPLE, AEFI = view.STATE_GROUPS
D_VACCINE, D_GENDER_PEOPLE, D_REGISTRATIONS = view.DISTRICT_GROUPS
COVISHIELD, COVAXIN, SPUTNIK = VACCINE.metrics
NA = None


def series(*parts: tuple[str, dict[date, int]], area: str = STATE) -> pd.DataFrame:
    """Published cumulative figures as data.read.published.published_values returns them."""
    rows = [
        {"date": day, "source": "cowin", "area": area, "metric": metric, "value": value}
        for metric, figures in parts
        for day, value in figures.items()
    ]
    return pd.DataFrame(rows).astype({"value": "int64"})


def d(month: int, day: int) -> date:
    return date(2021, month, day)


def _daily_rows(frame: pd.DataFrame) -> list[tuple]:
    return [
        (r.date, r.status, None if pd.isna(r.value) else int(r.value), r.note) for r in frame.itertuples(index=False)
    ]


# --- Day by day ------------------------------------------------------------------------------------------

CORRECTION_SERIES = series((COVISHIELD, {d(3, 1): 100, d(3, 2): 150, d(3, 3): 140, d(3, 4): 200}))


@pytest.mark.parametrize(
    "start, lang, expected",
    [
        (
            d(3, 1),
            "en",
            [
                (d(3, 1), "start", NA, "first published figure: everything up to this day, not one day's"),
                (d(3, 2), "day", 50, ""),
                (d(3, 3), "correction", NA, "correction: the cumulative fell by 10 (a recount, not a negative figure)"),
                (d(3, 4), "day", 60, ""),  # 200 − 140
            ],
        ),
        (
            d(3, 2),  # the day before the range still gives 2 March its figure
            "hi",
            [
                (d(3, 2), "day", 50, ""),
                (d(3, 3), "correction", NA, "सुधार: संचयी आँकड़ा 10 घटा (पुनर्गणना, ऋणात्मक आँकड़ा नहीं)"),
                (d(3, 4), "day", 60, ""),
            ],
        ),
    ],
    ids=["whole-series-en", "from-the-second-day-hi"],
)
def test_daily_figures_are_differences_and_a_fall_is_a_correction(start, lang, expected) -> None:
    days = view.daily(CORRECTION_SERIES, VACCINE, start, d(3, 4), names=NAMES, lang=lang)
    assert _daily_rows(days) == expected
    assert set(days["name"]) == {"Covishield" if lang == "en" else NAMES.vaccine("COVISHIELD", "hi")}
    assert list(days["cumulative"]) == [100, 150, 140, 200][-len(expected) :]


JUMP_DAYS = {d(6, 24): 1000, d(6, 25): 1500}


@pytest.mark.parametrize(
    "group, metric, area, status, value",
    [
        (VACCINE, COVAXIN, STATE, "jump", NA),  # CoWIN's state catch-up of 25 June 2021
        (AEFI, "AEFI", STATE, "day", 500),  # the dose totals' jump is not AEFI's
        (D_VACCINE, "Total Covaxin Administered", "RPR", "day", 500),  # nor the district series'
    ],
    ids=["state-doses", "aefi", "district"],
)
def test_a_known_jump_of_the_dose_totals_is_not_one_days_figure(group, metric, area, status, value) -> None:
    days = view.daily(series((metric, JUMP_DAYS), area=area), group, d(6, 25), d(6, 25), area=area)
    assert _daily_rows(days)[0][1:3] == (status, value)
    if status == "jump":
        assert days["note"].iloc[0] == (
            "the day of a known jump in CoWIN's totals (doses recorded late): not one day's figure"
        )


def test_a_zero_aefi_is_missing_but_a_zero_vaccine_figure_is_a_fall() -> None:
    figures = {d(8, 14): 10, d(8, 15): 0, d(8, 16): 12}
    aefi = view.daily(series(("AEFI", figures)), AEFI, d(8, 15), d(8, 16))
    assert _daily_rows(aefi) == [
        (d(8, 15), "missing", NA, "published as 0: most likely missing, not a real zero"),
        (d(8, 16), "span", NA, "covers 2 days (the days before have no usable figure)"),
    ]
    covaxin = view.daily(series((COVAXIN, figures)), VACCINE, d(8, 15), d(8, 16))
    assert _daily_rows(covaxin) == [
        (d(8, 15), "correction", NA, "correction: the cumulative fell by 10 (a recount, not a negative figure)"),
        (d(8, 16), "day", 12, ""),
    ]


def test_daily_table_in_both_languages() -> None:
    days = view.daily(CORRECTION_SERIES, VACCINE, d(3, 3), d(3, 4), names=NAMES)
    assert view.daily_table(days).to_dict("records") == [
        {
            "Date": "3 March 2021",
            "What": "Covishield",
            "On the day": "—",
            "Cumulative as published": "140",
            "Note": "correction: the cumulative fell by 10 (a recount, not a negative figure)",
        },
        {
            "Date": "4 March 2021",
            "What": "Covishield",
            "On the day": "60",
            "Cumulative as published": "200",
            "Note": "",
        },
    ]
    hindi = view.daily_table(view.daily(CORRECTION_SERIES, VACCINE, d(3, 4), d(3, 4), names=NAMES, lang="hi"), "hi")
    assert list(hindi.columns) == ["तारीख़", "क्या", "उस दिन", "प्रकाशित संचयी आँकड़ा", "टिप्पणी"]
    assert list(hindi.iloc[0])[0::2] == ["4 मार्च 2021", "60", ""]


# --- Splits of a range -----------------------------------------------------------------------------------

SPLIT_SERIES = series(
    (COVISHIELD, {d(5, 31): 1000, d(6, 1): 1100, d(6, 5): 1500}),
    (COVAXIN, {d(5, 31): 200, d(6, 5): 300}),
    (SPUTNIK, {d(6, 3): 0, d(6, 5): 10}),  # first published on 3 June
)


def test_split_is_the_end_minus_the_day_before_and_says_which_days_it_covers() -> None:
    split = view.split(SPLIT_SERIES, VACCINE, d(6, 1), d(6, 5), names=NAMES)
    rows = [(r.name, int(r.count), r.first, r.last, r.note) for r in split.itertuples(index=False)]
    assert rows == [
        ("Covishield", 500, d(6, 1), d(6, 5), ""),  # 1,500 − 1,000 (31 May)
        ("Covaxin", 100, d(6, 1), d(6, 5), ""),  # 300 − 200
        (
            "Sputnik V",
            10,
            d(6, 4),
            d(6, 5),
            "CoWIN publishes this from 3 June 2021 to 5 June 2021: the figure covers 4 June 2021 to 5 June 2021 only",
        ),
    ]
    # Shares among the counts over the whole range: 500 and 100 of 600; Sputnik V covers other days.
    assert split["share"].iloc[:2].round(4).tolist() == [0.8333, 0.1667]
    assert pd.isna(split["share"].iloc[2])


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "en",
            {
                "What": "Covishield",
                "Count in the range": "500",
                "Share": "83.3%",
                "Days covered": "1 June 2021 to 5 June 2021",
                "Note": "",
            },
        ),
        (
            "hi",
            {
                "क्या": "कोविशील्ड",
                "अवधि में संख्या": "500",
                "हिस्सा": "83.3%",
                "शामिल दिन": "1 जून 2021 से 5 जून 2021 तक",
                "टिप्पणी": "",
            },
        ),
    ],
    ids=["en", "hi"],
)
def test_split_table(lang, expected) -> None:
    table = view.split_table(view.split(SPLIT_SERIES, VACCINE, d(6, 1), d(6, 5), names=NAMES, lang=lang), lang)
    assert table.iloc[0].to_dict() == expected
    assert table.iloc[2].iloc[2] == "—"  # Sputnik V's share: other days


def test_split_names_corrections_and_jumps_inside_the_range() -> None:
    figures = {d(6, 23): 100, d(6, 24): 90, d(6, 25): 400, d(6, 26): 450}
    split = view.split(series((COVAXIN, figures)), VACCINE, d(6, 24), d(6, 26))
    assert int(split["count"].iloc[0]) == 350  # 450 − 100: the cumulative as published, corrections included
    assert split["note"].iloc[0] == (
        "includes corrections (falls of the cumulative) on 24 June 2021; "
        "includes the known jumps of 25 June 2021, 26 June 2021 (not one day's figures)"
    )


def test_no_split_without_two_figures_around_the_range() -> None:
    only_start = series(("18-44 Years (Doses Administered)", {d(6, 25): 1_468_832}))
    assert view.split(only_start, BAND, d(6, 20), d(6, 25)).empty  # the first figure alone is not a range's
    assert view.split(only_start, BAND, d(5, 1), d(5, 31)).empty


def test_cowin_bands_are_named_as_cowins() -> None:
    figures = series(("45-60 Years (Doses Administered)", {d(7, 1): 10, d(7, 2): 15}))
    assert view.split(figures, BAND, d(7, 2), d(7, 2))["name"].tolist() == ["45–60 (CoWIN's band)"]
    assert view.split(figures, BAND, d(7, 2), d(7, 2), lang="hi")["name"].tolist() == ["45–60 (कोविन का वर्ग)"]
    assert "never added together" in view.split_notes(BAND, d(7, 2), d(7, 2))[0]


# --- Sessions and sites ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "area, metric, expected",
    [
        (
            STATE,
            "Sessions",
            [
                (d(3, 8), 500, "cumulative", "a count so far, not the day's (per day only from 9 March 2021)"),
                (d(3, 9), 40, "day", "the day's count as published"),
                (d(3, 10), 0, "missing", "published as 0: most likely missing, not a real zero"),
            ],
        ),
        (
            "RPR",
            "Total Sessions Conducted",
            [
                (d(3, 8), 500, "cumulative", "a count so far, not the day's (per day only from 4 April 2021)"),
                (d(3, 9), 40, "cumulative", "a count so far, not the day's (per day only from 4 April 2021)"),
                (d(3, 10), 0, "cumulative", "a count so far, not the day's (per day only from 4 April 2021)"),
            ],
        ),
    ],
    ids=["state", "district"],
)
def test_sessions_are_shown_as_published(area, metric, expected) -> None:
    figures = series((metric, {d(3, 8): 500, d(3, 9): 40, d(3, 10): 0}), area=area)
    rows = view.counts(figures, d(3, 8), d(3, 10), area)
    assert [(r.date, r.value, r.status, r.note) for r in rows.itertuples(index=False)] == expected
    assert set(rows["name"]) == {"Sessions"}


# --- What the source lacks -------------------------------------------------------------------------------


def test_what_the_state_series_lacks() -> None:
    figures = series(
        (COVAXIN, {d(3, 1): 1, d(3, 10): 2, d(9, 29): 3}),
        ("18-44 Years (Doses Administered)", {d(6, 25): 5, d(9, 29): 6}),
    )
    assert view.what_lacks(figures, STATE, d(3, 1), d(10, 2), district_last=d(4, 25)) == [
        "Doses by gender: not published by CoWIN.",
        "People vaccinated by age band (CoWIN's bands): not published by CoWIN.",
        "People vaccinated by gender: not published by CoWIN.",
        "Adverse events following immunisation (AEFI): not published by CoWIN.",
        "The figures of CoWIN end on 29 September 2021: nothing from it after that day.",
        "CoWIN's state series has no split by dose number per age band or per vaccine: only totals of first and "
        "second doses.",
        "The health ministry's series gives first, second and total doses only.",
        "No precaution doses and no 12–14 or 15–17 bands: the published series end in 2021, before those began.",
        "No centres: the published series give the state and the districts only.",
        "No district figures after 25 April 2021: CoWIN's district series ends on that day.",
    ]
    march = view.what_lacks(figures, STATE, d(3, 1), d(3, 31), lang="hi", district_last=d(4, 25))
    assert march[0] == (
        "आयु वर्ग के अनुसार खुराकें (कोविन के वर्ग): कोविन इन्हें केवल 25 जून 2021 से 29 सितंबर 2021 तक प्रकाशित "
        "करता है, इन तारीख़ों के लिए नहीं।"
    )
    assert not any("25 अप्रैल" in line for line in march)


def test_what_a_district_series_lacks() -> None:
    figures = series(
        ("Total Covaxin Administered", {d(4, 24): 1, d(4, 25): 2}),
        ("Male(Individuals Vaccinated)", {d(4, 24): 1, d(4, 25): 2}),
        ("Total Individuals Registered", {d(4, 24): 1, d(4, 25): 2}),
        area="RPR",
    )
    assert view.what_lacks(figures, "RPR", d(4, 20), d(4, 30), district_last=d(4, 25)) == [
        "The figures of CoWIN (district series) end on 25 April 2021: nothing from it after that day.",
        "CoWIN's district series has no age bands, no AEFI and no doses by gender (only people vaccinated by gender).",
        "No precaution doses and no 12–14 or 15–17 bands: the published series end in 2021, before those began.",
        "No centres: the published series give the state and the districts only.",
    ]


# --- One day of the district series ----------------------------------------------------------------------


def test_district_day() -> None:
    figures = pd.concat(
        [
            series(
                ("First Dose Administered", {d(4, 3): 100, d(4, 4): 150}),
                ("Second Dose Administered", {d(4, 3): 10, d(4, 4): 8}),
                ("Total Sessions Conducted", {d(4, 3): 900, d(4, 4): 40}),
                area="RPR",
            ),
            series(("First Dose Administered", {d(4, 4): 70}), area="DRG"),  # its first published day
            series(("First Dose Administered", {d(4, 4): 9999})),  # the state: not a district
        ]
    )
    table = view.district_day(figures, d(4, 4), NAMES, formatted=False)
    assert table["District"].tolist() == ["Durg", "Raipur"]
    raipur, durg = table.iloc[1], table.iloc[0]
    assert raipur["First doses on the day"] == 50
    assert pd.isna(raipur["Second doses on the day"])
    assert raipur["Sessions"] == 40
    assert raipur["First doses so far"] == 150
    assert raipur["Note"] == "Second doses on the day: correction, fell by 2"
    assert pd.isna(durg["First doses on the day"]) and durg["First doses so far"] == 70
    assert durg["Note"] == "first published day: figures up to this day, not the day's"
    hindi = view.district_day(figures, d(4, 4), NAMES, "hi")
    assert hindi.iloc[1].tolist()[:3] == [NAMES.district("RPR", "hi"), "50", "—"]
    assert hindi.iloc[1].iloc[-1] == "उस दिन दूसरी खुराकें: सुधार, 2 घटा"


# --- The real 2021 files ---------------------------------------------------------------------------------


def _real_long(real_data_dir) -> pd.DataFrame:
    """The state and district CoWIN files in the long layout published_value holds, read with pandas."""
    from tests.data.imports.test_load_real import DISTRICTS

    state = pd.read_csv(real_data_dir / "cg_state_daily.csv").drop(columns=["Updated On", "State"])
    state = state.melt(id_vars="date", var_name="metric").assign(area=STATE)
    districts = pd.read_csv(real_data_dir / "cg_district_daily.csv")
    districts = districts.assign(area=districts["district"].map(DISTRICTS)).drop(
        columns=["source_date", "s_no", "state_code", "state", "district_key", "cowin_key", "district"]
    )
    districts = districts.melt(id_vars=["date", "area"], var_name="metric")
    long = pd.concat([state, districts], ignore_index=True).dropna(subset=["value"])
    return long.assign(date=pd.to_datetime(long["date"]).dt.date, source="cowin", value=long["value"].astype("int64"))


MONTHS = [(d(m, 1), d(m + 1, 1) - pd.Timedelta(days=1).to_pytimedelta()) for m in range(1, 10)]


def test_real_series_every_area_and_month(real_data_dir) -> None:
    """On the real files, for every area and month: no figure below zero, every fall of a cumulative marked as a
    correction (or, for AEFI, a missing zero), and every split equal to end minus the day before, computed
    independently here."""
    long = _real_long(real_data_dir)
    for area, values in long.groupby("area"):
        for group in view.groups(area):
            for start, end in MONTHS if area == STATE else MONTHS[:4]:  # the district series ends in April
                days = view.daily(values, group, start, end, area, NAMES)
                assert (days["value"].dropna() >= 0).all(), (area, group.key, start)
                falls = days[days["figure"].notna() & (days["figure"] < 0)]
                assert set(falls["status"]) <= {"correction"}, (area, group.key, start)
                split = view.split(values, group, start, end, area, NAMES)
                for row in split.itertuples(index=False):
                    mine = values[values["metric"] == row.metric].set_index("date")["value"]
                    if group.zero_is_missing:
                        mine = mine[~((mine == 0) & (mine.cummax().shift(1).fillna(0) > 0))]
                    assert row.count == mine[row.last] - mine[mine.index < row.first].iloc[-1], (area, row.metric)
            assert view.what_lacks(values, area, d(1, 16), d(12, 31), district_last=d(4, 25))


def test_real_series_oddities(real_data_dir) -> None:
    long = _real_long(real_data_dir)
    state = long[long["area"] == STATE]
    # 9 March 2021, the recount: Covaxin 433 → 0 is a correction; Covishield 5,50,576 → 6,00,691 a day's 50,115.
    march = view.daily(state, VACCINE, d(3, 9), d(3, 9), names=NAMES).set_index("category")
    assert march.loc["COVAXIN", "status"] == "correction"
    assert march.loc["COVAXIN", "note"] == "correction: the cumulative fell by 433 (a recount, not a negative figure)"
    assert march.loc["COVISHIELD", "value"] == 50_115
    # AEFI reads 0 on 15–18 and 20–21 August and 12 September: missing, never a fall and a rise.
    aefi = view.daily(state, AEFI, d(8, 1), d(9, 30))
    assert sorted(aefi.loc[aefi["status"] == "missing", "date"]) == [
        d(8, 15),
        d(8, 16),
        d(8, 17),
        d(8, 18),
        d(8, 20),
        d(8, 21),
        d(9, 12),
    ]
    # Real falls of one report stay corrections: 646 → 645 on 3 August, 668 → 667 on 10 September.
    assert list(aefi.loc[aefi["status"] == "correction", "date"]) == [d(8, 3), d(9, 10)]
    # 28 July 2021: sessions and sites read 0.
    july = view.counts(state, d(7, 28), d(7, 28))
    assert set(july["status"]) == {"missing"}


def test_registrations_redefined_on_4_april_are_not_a_days_registrations() -> None:
    figures = series(("Total Individuals Registered", {d(4, 3): 1000, d(4, 4): 1500, d(4, 5): 1600}), area="RPR")
    days = view.daily(figures, D_REGISTRATIONS, d(4, 4), d(4, 5), area="RPR")
    assert _daily_rows(days) == [
        (
            d(4, 4),
            "jump",
            NA,
            "registrations redefined: from 4 April 2021 CoWIN's district registrations equal first doses (not one "
            "day's registrations)",
        ),
        (d(4, 5), "day", 100, ""),
    ]
    table = view.district_day(figures, d(4, 4), NAMES, formatted=False)
    assert pd.isna(table["People registered on the day"].iloc[0])
    assert table["Note"].iloc[0].startswith("registrations redefined")


@pytest.mark.parametrize(
    "day, lang, expected",
    [
        (
            d(3, 1),
            "en",
            ["Sessions and sites are counts so far on this day, not the day's (per day only from 4 April 2021)."],
        ),
        (
            d(3, 9),
            "hi",
            [
                "इस दिन सत्र और स्थल अब तक की गिनती हैं, उस दिन की नहीं (प्रति दिन केवल 4 अप्रैल 2021 से)।",
                "9 मार्च से 3 अप्रैल 2021 तक कोविन के ज़िलों का जोड़ उसके राज्य के आँकड़ों के बराबर नहीं (9 मार्च को पहली "
                "खुराकें: ज़िलों में 5,81,574, राज्य में 4,56,120)।",
            ],
        ),
        (d(4, 4), "en", []),
    ],
    ids=["before-9-march", "disagreeing-days-hi", "from-4-april"],
)
def test_district_day_notes(day, lang, expected) -> None:
    assert view.district_day_notes(day, lang) == expected


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (d(3, 1), d(3, 31), ["vaccine", "counts"]),
        (d(6, 25), d(6, 30), ["band"]),  # a group needs a figure inside the dates
        (d(10, 1), d(10, 31), []),
    ],
    ids=["march", "june", "after-the-series"],
)
def test_available_groups(start, end, expected) -> None:
    figures = series(
        (COVAXIN, {d(3, 1): 1, d(9, 29): 3}),
        ("18-44 Years (Doses Administered)", {d(6, 25): 5, d(9, 29): 6}),
        ("Sites", {d(3, 9): 40, d(9, 29): 50}),
    )
    assert view.available(figures, STATE, start, end) == expected
