"""The district map (stats.figures.summary): a trace per district of the day, hover text as the table shows it,
a colour bar, districts without an outline as a dot inside their parent's."""

from __future__ import annotations

from datetime import date

import pandas as pd

from data.master import district_table
from data.master.boundaries import district_points, district_shapes
from stats.districts import districts_on
from stats.figures.summary import COLOURBAR, NO_FIGURE, district_map, district_traces


def _indicators(day: date) -> pd.DataFrame:
    of_day = districts_on(district_table(), day)
    codes = list(of_day["code"])
    return pd.DataFrame(
        {
            "district_code": codes,
            "district": list(of_day["name_en"]),
            "source": "own",
            "on_day_per_lakh": float("nan"),
            "week_per_thousand": float("nan"),
            "coverage_1": float("nan"),
            "cumulative": [float(1000 * (i + 1)) for i in range(len(codes))],
        }
    )


def test_a_trace_per_district_of_2021_and_of_2023() -> None:
    for day, count in ((date(2021, 6, 22), 28), (date(2023, 1, 1), 33)):
        indicators = _indicators(day)
        figure = district_map(indicators, "cumulative", district_shapes(), district_points())
        traces = district_traces(figure)
        assert len(traces) == count
        assert set(traces) == set(indicators["district_code"])
        assert sum(t.meta == COLOURBAR for t in figure.data) == 1


def test_hover_names_the_district_and_its_figure_and_the_chosen_district_stands_out() -> None:
    indicators = _indicators(date(2021, 6, 22))
    figure = district_map(indicators, "cumulative", district_shapes(), district_points(), chosen="RPR")
    traces = district_traces(figure)
    raipur = indicators.set_index("district_code").loc["RPR"]
    assert traces["RPR"].name == f"Raipur: {int(raipur['cumulative']):,}"  # below a lakh: grouped alike
    assert traces["RPR"].line.color == "#222222"
    assert traces["DRG"].line.color == "#ffffff"
    assert traces["GPM"].mode == "markers"  # formed in 2020: a dot at Gaurela inside Bilaspur's outline


def test_a_district_without_a_figure_is_grey() -> None:
    indicators = _indicators(date(2021, 6, 22))
    figure = district_map(indicators, "coverage_1", district_shapes(), district_points())
    assert {t.fillcolor for t in district_traces(figure).values() if t.fill} == {NO_FIGURE}
    assert not [t for t in figure.data if t.meta == COLOURBAR]  # no figures, no scale
