"""stats.figures.data_quality: the completeness heatmap's colour scale follows the data (issue 14 item 5), and
its slanted date ticks leave room for the axis title."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from stats.figures.data_quality import completeness_figure, scale_ticks, share_range
from tests.stats import day

# The lowest and highest share rounded outwards to 10 points; one value gets a step below it (above it at 0 %).
RANGES = [
    ([0.15, 0.22, 0.30], (0.1, 0.3), "the demo's 15–30 %"),
    ([0.0, 0.5, 1.0], (0.0, 1.0), "0 to 100 %"),
    ([0.07, 0.93], (0.0, 1.0), "rounded outwards to the ends"),
    ([0.333, 0.667], (0.3, 0.7), "thirds"),
    ([0.2, 0.3], (0.2, 0.3), "already on the steps"),
    ([0.5, 0.5], (0.4, 0.5), "one value: a step below it"),
    ([0.0], (0.0, 0.1), "nothing reported: a step above 0"),
    ([1.0, math.nan], (0.9, 1.0), "every centre, a missing share ignored"),
    ([], (0.0, 1.0), "no share: 0 to 100 %"),
]


@pytest.mark.parametrize("shares, expected", [c[:2] for c in RANGES], ids=[c[2] for c in RANGES])
def test_share_range(shares, expected):
    assert share_range(pd.Series(shares, dtype="float64")) == pytest.approx(expected)


# Steps of 5, 10, 20 or 25 points: the first giving at most 6 ticks from the low end.
TICKS = [
    ((0.1, 0.3), [0.1, 0.15, 0.2, 0.25, 0.3], "20 points: every 5"),
    ((0.0, 1.0), [0.0, 0.2, 0.4, 0.6, 0.8, 1.0], "100 points: every 20"),
    ((0.3, 0.7), [0.3, 0.4, 0.5, 0.6, 0.7], "40 points: every 10"),
    ((0.2, 0.9), [0.2, 0.4, 0.6, 0.8], "70 points: every 20, the top unmarked"),
    ((0.4, 0.5), [0.4, 0.45, 0.5], "10 points: every 5"),
]


@pytest.mark.parametrize("ends, expected", [c[:2] for c in TICKS], ids=[c[2] for c in TICKS])
def test_scale_ticks(ends, expected):
    assert scale_ticks(*ends) == pytest.approx(expected)


def completeness(shares: dict[str, list[float]]) -> pd.DataFrame:
    """A completeness frame of 20 known centres per district, days 1, 2, … (shares in multiples of 5 %)."""
    rows = [
        (code, day(i + 1), round(share * 20), 20, share)
        for code, values in shares.items()
        for i, share in enumerate(values)
    ]
    return pd.DataFrame(rows, columns=["district_code", "date", "reported", "known", "share"])


def test_the_scale_follows_the_data_and_says_its_range():
    # Raipur 15 %, 30 %; Durg 20 %, 25 %: 3 to 6 of 20 centres. The scale runs 10–30 %, not 0–100 %.
    figure = completeness_figure(completeness({"RPR": [0.15, 0.3], "DRG": [0.2, 0.25]}), "en")
    (heatmap,) = figure.data
    assert (heatmap.zmin, heatmap.zmax) == pytest.approx((0.1, 0.3))
    assert list(heatmap.colorbar.ticktext) == ["10%", "15%", "20%", "25%", "30%"]
    assert heatmap.colorbar.title.text == "Reported<br>10%–30%"
    hindi = completeness_figure(completeness({"RPR": [0.15, 0.3]}), "hi").data[0]
    assert hindi.colorbar.title.text == "रिपोर्ट<br>10%–30%"


def test_date_ticks_are_slanted_clear_of_the_axis_title():
    figure = completeness_figure(completeness({"RPR": [0.5, 0.5, 0.5]}), "en")
    axis = figure.layout.xaxis
    assert (axis.tickangle, axis.automargin, axis.title.standoff) == (-45, True, 16)
    assert axis.title.text == "Date"
    assert figure.layout.height == 200 + 24  # one district
