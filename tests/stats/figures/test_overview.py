"""stats.figures.overview: traces, colours, the record mark and labels in both languages."""

from __future__ import annotations

from datetime import date

import pytest

from stats import trend
from stats.doses import RecordDay
from stats.figures import overview as charts
from stats.figures.charts import ACCENT, BAND_COLOURS, DOSE_COLOURS, VACCINE_COLOURS
from stats.views import overview as view
from tests.stats import day, doses_frame, frame, master_names

NAMES = master_names()

# Days 16–22 June of the app_db fixture (tests/pages/conftest.py): 180 … 1,080 on 20 June … 740.
DOSES = doses_frame([(16, 180), (17, 280), (18, 380), (19, 480), (20, 1_080), (21, 680), (22, 740)])
DAILY = trend.daily_series(DOSES, day(16), day(22))
RECORD = RecordDay(day(20), 1_080)


def test_daily_figure_bars_line_and_record():
    figure = charts.daily_doses_figure(DAILY, RECORD, "en")
    bars, line = figure.data
    assert (bars.type, line.type) == ("bar", "scatter")
    assert list(bars.y) == [180, 280, 380, 480, 1_080, 680, 740]
    assert line.line.color == ACCENT
    assert list(bars.customdata[4]) == ["20 June 2021", "1,080"]
    (note,) = figure.layout.annotations
    assert note.text == "Record: 1,080 on 20 June 2021"
    assert (note.x, note.y) == (day(20), 1_080)
    assert figure.layout.title.text == "Doses per day"


def test_daily_figure_leaves_a_record_outside_the_days_unmarked():
    figure = charts.daily_doses_figure(DAILY[DAILY["date"] > day(20)], RECORD, "en")
    assert figure.layout.annotations == ()


def test_daily_figure_in_hindi_with_indian_axis():
    big = doses_frame([(1, 1_00_000), (2, 2_50_000)])
    figure = charts.daily_doses_figure(trend.daily_series(big, day(1), day(2)), None, "hi")
    assert figure.layout.title.text == "प्रतिदिन खुराकें"
    assert [t.name for t in figure.data] == ["खुराकें", "7 दिन का औसत"]
    # Top 2,50,000 plus room for the record mark: ticks every lakh up to 3,00,000, where the axis ends.
    assert list(figure.layout.yaxis.ticktext) == ["0", "1,00,000", "2,00,000", "3,00,000"]
    assert figure.layout.yaxis.range == (0, 3_00_000)
    assert list(figure.layout.xaxis.ticktext) == ["1 जून", "2 जून"]


def test_cumulative_figure_one_line_per_dose_in_its_colour():
    cumulative = frame("date dose_number cumulative", [(1, 1, 10), (1, 2, 5), (2, 1, 30), (2, 2, 5)])
    figure = charts.cumulative_figure(cumulative, NAMES, "en")
    assert [(t.name, t.line.color) for t in figure.data] == [
        ("First dose", DOSE_COLOURS[1]),
        ("Second dose", DOSE_COLOURS[2]),
    ]
    assert list(figure.data[0].y) == [10, 30]


def test_bands_figure_stacked_in_band_order_and_colours():
    bands = view.band_series(doses_frame([(1, "60+", 3), (1, "18-44", 5)], "age_band"), day(1), day(1), NAMES)
    figure = charts.bands_figure(bands, NAMES, "hi")
    assert figure.layout.barmode == "stack"
    assert [(t.name, t.marker.color) for t in figure.data] == [
        ("18–44 वर्ष", BAND_COLOURS["18-44"]),
        ("60+ वर्ष", BAND_COLOURS["60+"]),
    ]


def test_vaccine_mix_figure():
    mix = view.vaccine_mix(frame("vaccine doses", [("COVAXIN", 300), ("COVISHIELD", 3_520)]), NAMES)
    figure = charts.vaccine_mix_figure(mix, day(16), day(22), NAMES, "en")
    (pie,) = figure.data
    assert list(pie.labels) == ["Covishield", "Covaxin"]
    assert list(pie.marker.colors) == [VACCINE_COLOURS["COVISHIELD"], VACCINE_COLOURS["COVAXIN"]]
    assert list(pie.customdata[0]) == ["3,520", "92.1%"]
    assert figure.layout.title.text == "Vaccine mix, 16 June 2021 to 22 June 2021"


def test_figures_without_rows():
    empty = frame("date age_band doses", [])
    assert charts.bands_figure(empty, NAMES, "en").data == ()
    no_mix = view.vaccine_mix(frame("vaccine doses", []), NAMES)
    assert charts.vaccine_mix_figure(no_mix, day(1), day(2), NAMES).data[0].labels == ()


def test_time_axis_spans_the_days_shown():
    figure = charts.daily_doses_figure(DAILY, RECORD, "en")
    low, high = figure.layout.xaxis.range
    assert (str(low), str(high)) == ("2021-06-15 12:00:00", "2021-06-22 12:00:00")


@pytest.mark.parametrize(
    "on, anchor", [(1, "left"), (5, "center"), (9, "right"), (10, "right")], ids=["early", "middle", "late", "last"]
)
def test_record_anchor(on, anchor):
    assert charts.record_anchor(day(on), [day(d) for d in range(1, 11)]) == anchor


@pytest.mark.parametrize(
    "days, lang, ticks, labels",
    [
        ([day(1), day(2)], "en", [day(1), day(2)], ["1 Jun", "2 Jun"]),
        ([day(d) for d in range(1, 15)], "en", [day(d) for d in (1, 3, 5, 7, 9, 11, 13)], None),
        ([date(2021, 12, 31), date(2022, 1, 1)], "hi", None, ["31 दिस॰ 2021", "1 जन॰ 2022"]),
        ([], "en", [], []),
    ],
    ids=["two days", "a fortnight: every other day", "across a year: with the year", "no days"],
)
def test_date_ticks(days, lang, ticks, labels):
    got_ticks, got_labels = charts.date_ticks(days, lang)
    if ticks is not None:
        assert got_ticks == ticks
    if labels is not None:
        assert got_labels == labels
