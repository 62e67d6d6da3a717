"""stats.sources on small hand-worked frames: the status of every derived day, the order of the sources, the
best source per day, record days, jumps with and without a confirming source, the state's own reports.

Dates are day numbers (tests.stats.day: day 1 = 1 June 2021), so day 25 is 25 June 2021, a known CoWIN jump.
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stats import STATE, sources
from stats.published import FIRST, SECOND, TOTAL
from stats.sources import (
    BEST,
    CORRECTION,
    COWIN,
    COWIN_DISTRICT,
    DAY,
    JUMP,
    MOHFW,
    ORDER,
    OWN,
    SPAN,
    START,
    Record,
)
from tests.stats import column, day, frame

NA = None


def values(rows: list[tuple]) -> pd.DataFrame:
    """A published_values frame from rows (day, source, area, total, first, second); None leaves a metric out
    (CoWIN's districts publish no total)."""
    out = []
    for n, source, area, *figures in rows:
        for metric, value in zip((TOTAL, FIRST, SECOND), figures, strict=True):
            if value is not None:
                out.append((day(n), source, area, metric, value))
    return pd.DataFrame(out, columns=["date", "source", "area", "metric", "value"]).astype({"value": "int64"})


def cumulative_rows(source: str, area: str, start: int, totals: list[int]) -> list[tuple]:
    """A series with only first doses: its cumulative totals on consecutive days from start."""
    return [(start + i, source, area, total, total, 0) for i, total in enumerate(totals)]


def days(columns: str, rows: list[tuple]) -> pd.DataFrame:
    """A days frame (stats.sources.COLUMNS) from rows of the given columns; the others are filled in."""
    out = frame(columns, rows)
    for name, kind in sources.COLUMNS.items():
        if name not in out.columns:
            filler = {"days": 1.0, "reported": True}.get(name, pd.NA)
            out[name] = pd.Series([filler] * len(out), dtype=kind)
    return out[list(sources.COLUMNS)].astype(sources.COLUMNS)


def plain(out: pd.DataFrame, columns: str) -> list[tuple]:
    """Rows of the named columns as tuples of plain values (dates as day numbers, <NA> and NaN as None)."""

    def value(v):
        if v is pd.NA or (isinstance(v, float) and math.isnan(v)):
            return None
        return int(v) if isinstance(v, float) and v.is_integer() else v

    names = columns.split()
    return list(zip(*([value(v) for v in column(out, name)] for name in names), strict=True))


# --- Statuses of published days ---------------------------------------------------------------------

STATUSES = [
    (
        "start, day, correction, day, span",
        [(1, COWIN, STATE, 100, 100, 0), (2, COWIN, STATE, 150, 140, 10), (3, COWIN, STATE, 130, 125, 5)]
        + [(4, COWIN, STATE, 200, 180, 20), (7, COWIN, STATE, 260, 230, 30)],
        [
            # date source area doses first second cumulative days status
            (1, COWIN, STATE, 100, 100, 0, 100, None, START),  # everything up to day 1, not one day's doses
            (2, COWIN, STATE, 50, 40, 10, 150, 1, DAY),
            (3, COWIN, STATE, -20, -15, -5, 130, 1, CORRECTION),  # the cumulative fell: a recount
            (4, COWIN, STATE, 70, 55, 15, 200, 1, DAY),
            (7, COWIN, STATE, 60, 50, 10, 260, 3, SPAN),  # days 5 and 6 missing: three days' rise
        ],
    ),
    (
        "a fall in one dose number alone is a correction (9 March 2021's kind, the other way round)",
        [(1, MOHFW, STATE, 100, 80, 20), (2, MOHFW, STATE, 110, 95, 15)],
        [(1, MOHFW, STATE, 100, 80, 20, 100, None, START), (2, MOHFW, STATE, 10, 15, -5, 110, 1, CORRECTION)],
    ),
    (
        "a flat day is a day of no doses; a span that falls is a correction",
        [(1, MOHFW, STATE, 100, 100, 0), (2, MOHFW, STATE, 100, 100, 0), (4, MOHFW, STATE, 90, 90, 0)],
        [
            (1, MOHFW, STATE, 100, 100, 0, 100, None, START),
            (2, MOHFW, STATE, 0, 0, 0, 100, 1, DAY),
            (4, MOHFW, STATE, -10, -10, 0, 90, 2, CORRECTION),
        ],
    ),
    (
        "CoWIN's districts are a source of their own, totalled first + second",
        [(1, COWIN, "RPR", NA, 10, 0), (2, COWIN, "RPR", NA, 25, 5), (1, COWIN, "DRG", NA, 7, 0)]
        + [(3, COWIN, "DRG", NA, 12, 1)],
        [
            (1, COWIN_DISTRICT, "DRG", 7, 7, 0, 7, None, START),
            (3, COWIN_DISTRICT, "DRG", 6, 5, 1, 13, 2, SPAN),
            (1, COWIN_DISTRICT, "RPR", 10, 10, 0, 10, None, START),
            (2, COWIN_DISTRICT, "RPR", 20, 15, 5, 30, 1, DAY),
        ],
    ),
    (
        "a district date missing a cell has no figure: the next date spans it, from the last published figure",
        [(1, COWIN, "RPR", NA, 100, 0), (2, COWIN, "RPR", NA, NA, 5), (3, COWIN, "RPR", NA, 130, 6)],
        [
            (1, COWIN_DISTRICT, "RPR", 100, 100, 0, 100, None, START),
            (3, COWIN_DISTRICT, "RPR", 36, 30, 6, 136, 2, SPAN),
        ],
    ),
    (
        "a state date missing first doses: its first doses unknown, the next date's counted from the last figure",
        [(1, COWIN, STATE, 100, 100, 0), (2, COWIN, STATE, 105, NA, 5), (3, COWIN, STATE, 136, 130, 6)],
        [
            (1, COWIN, STATE, 100, 100, 0, 100, None, START),
            (2, COWIN, STATE, 5, None, 5, 105, 1, DAY),
            (3, COWIN, STATE, 31, 30, 1, 136, 1, DAY),  # not the whole 130 as one day's first doses
        ],
    ),
    (
        "known jumps are jumps whatever their size: CoWIN's state on 25 and 26 June 2021, not MoHFW's",
        [(24, COWIN, STATE, 1000, 1000, 0), (25, COWIN, STATE, 1010, 1010, 0), (26, COWIN, STATE, 1030, 1030, 0)]
        + [(27, COWIN, STATE, 1040, 1040, 0), (25, MOHFW, STATE, 500, 500, 0), (26, MOHFW, STATE, 520, 520, 0)],
        [
            (24, COWIN, STATE, 1000, 1000, 0, 1000, None, START),
            (25, COWIN, STATE, 10, 10, 0, 1010, 1, JUMP),
            (26, COWIN, STATE, 20, 20, 0, 1030, 1, JUMP),
            (27, COWIN, STATE, 10, 10, 0, 1040, 1, DAY),
            (25, MOHFW, STATE, 500, 500, 0, 500, None, START),
            (26, MOHFW, STATE, 20, 20, 0, 520, 1, DAY),
        ],
    ),
]


@pytest.mark.parametrize("rows, expected", [c[1:] for c in STATUSES], ids=[c[0] for c in STATUSES])
def test_published_days_have_a_status(rows, expected):
    out = sources.published_days(values(rows))
    assert plain(out, "date source area doses first second cumulative days status") == expected
    assert list(out.columns) == list(sources.COLUMNS)
    assert out["precaution"].isna().all() and out["cumulative_precaution"].isna().all()


def test_published_days_keep_the_cumulative_as_published():
    rows = [(1, COWIN, STATE, 100, 90, 10), (2, COWIN, STATE, 130, 110, 20), (3, COWIN, STATE, 120, 100, 20)]
    out = sources.published_days(values(rows))
    assert plain(out, "cumulative cumulative_first cumulative_second") == [
        (100, 90, 10),
        (130, 110, 20),
        (120, 100, 20),
    ]


def test_published_days_ignore_other_metrics_and_empty_input():
    other = pd.DataFrame(
        [(day(1), COWIN, STATE, "Sessions", 40)], columns=["date", "source", "area", "metric", "value"]
    ).astype({"value": "int64"})
    for stored in (other, other.iloc[:0]):
        out = sources.published_days(stored)
        assert out.empty and list(out.columns) == list(sources.COLUMNS)


def test_a_missing_date_gives_a_span_and_the_span_of_figures():
    rows = [(1, MOHFW, STATE, 50, 50, 0), (2, MOHFW, STATE, 80, 80, 0), (4, MOHFW, STATE, 140, 130, 10)]
    out = sources.published_days(values(rows))
    assert plain(out, "date doses days status") == [(1, 50, None, START), (2, 30, 1, DAY), (4, 60, 2, SPAN)]
    assert sources.regular(out)["date"].tolist() == [day(2)]  # a span's rise is not one day's doses
    assert sources.span(out) == (day(1), day(4))
    own = sources.own_days(frame("date dose_number doses", [(6, 1, 5)]))
    assert sources.span(sources.covering([out, own])) == (day(1), day(6))
    assert sources.span(sources.empty_days()) == (None, None)
    assert sources.covering([sources.empty_days(), sources.empty_days()]).empty


# --- Jumps ------------------------------------------------------------------------------------------

STEADY = [100] * 7
"""Seven regular days of 100 after a series' start: the median a day is judged against (MEDIAN_DAYS // 2 = 7)."""


def steady_then(source: str, last: int, start: int = 1, regular: list[int] = STEADY) -> list[tuple]:
    """A series: its start (1,000), the regular days, then a day of `last` doses (on day start + len + 1)."""
    totals = [1000]
    for n in [*regular, last]:
        totals.append(totals[-1] + n)
    return cumulative_rows(source, STATE, start, totals)


def status_on(out: pd.DataFrame, source: str, n: int) -> str:
    rows = out[(out["source"] == source) & (out["date"] == day(n))]
    assert len(rows) == 1
    return rows["status"].iloc[0]


JUMPS = [
    # (label, the day's doses after seven days of 100, other sources' figure for the day or None, status)
    ("a lone series is not judged: nothing confirms or questions it", 1000, None, DAY),
    ("another source far below: a jump", 1000, 100, JUMP),
    ("another source confirms it (within 1.5x)", 1000, 700, DAY),
    ("another source just outside 1.5x: a jump", 1000, 666, JUMP),
    ("another source reports 0: no evidence either way, not judged", 1000, 0, DAY),
    ("exactly 4x the median is not above it", 400, 1, DAY),
    ("just above 4x the median, unconfirmed: a jump", 401, 1, JUMP),
]


@pytest.mark.parametrize("last, other, expected", [c[1:] for c in JUMPS], ids=[c[0] for c in JUMPS])
def test_mark_jumps_with_and_without_a_confirming_source(last, other, expected):
    rows = steady_then(MOHFW, last)
    # The other source as the state's own reports (published_days' others) ...
    others = None if other is None else sources.own_days(frame("date dose_number doses", [(9, 1, other)]))
    assert status_on(sources.published_days(values(rows), others=others), MOHFW, 9) == expected
    # ... and as another published series in the same values (CoWIN and MoHFW judge each other).
    if other is not None:
        both = values([*rows, *cumulative_rows(COWIN, STATE, 8, [5000, 5000 + other])])
        assert status_on(sources.published_days(both), MOHFW, 9) == expected


def test_a_jump_needs_seven_regular_days_before_it():
    rows = steady_then(MOHFW, 1000, regular=[100] * 6)  # six regular days: too few to judge day 8
    others = sources.own_days(frame("date dose_number doses", [(8, 1, 100)]))
    assert status_on(sources.published_days(values(rows), others=others), MOHFW, 8) == DAY


def test_jumps_are_not_in_the_median():
    # Seven days of 100, then eight of 1,000 that the state's reports (10 a day) do not confirm: all eight are
    # jumps. Had the jumps joined the regular days, the median would be 550 by the eighth and it a day.
    rows = steady_then(MOHFW, 1000, regular=[100] * 7 + [1000] * 7)
    others = sources.own_days(frame("date dose_number doses", [(n, 1, 10) for n in range(9, 17)]))
    out = sources.published_days(values(rows), others=others)
    assert plain(out, "date status")[8:] == [(n, JUMP) for n in range(9, 17)]


def test_corrections_are_not_regular_days():
    # Six days of 100 and a correction: six regular days, too few to judge the day of 1,000 after them.
    rows = steady_then(MOHFW, 1000, regular=[100] * 6 + [-50])
    others = sources.own_days(frame("date dose_number doses", [(9, 1, 10)]))
    out = sources.published_days(values(rows), others=others)
    assert plain(out, "date status")[-2:] == [(8, CORRECTION), (9, DAY)]


def test_only_a_regular_day_of_another_source_confirms():
    rows = steady_then(MOHFW, 1000)
    other = days("date source area doses status", [(9, OWN, STATE, 1000, SPAN)])
    assert status_on(sources.mark_jumps(sources.published_days(values(rows)), other), MOHFW, 9) == DAY
    other = pd.concat([other, days("date source area doses status", [(9, OWN, STATE, 10, DAY)])])
    assert status_on(sources.mark_jumps(sources.published_days(values(rows)), other), MOHFW, 9) == JUMP


def test_another_area_does_not_confirm():
    rows = steady_then(MOHFW, 1000)
    others = days("date source area doses status", [(9, OWN, STATE, 10, DAY), (9, OWN, "RPR", 1000, DAY)])
    assert status_on(sources.published_days(values(rows), others=others), MOHFW, 9) == JUMP


def test_known_jumps_are_marked_on_their_day_only():
    # 16 March 2021 is not in June: day numbers cannot reach it, so the frame is built with real dates.
    frame_ = pd.DataFrame(
        [
            (date(2021, 3, 15), COWIN, STATE, TOTAL, 840_424),
            (date(2021, 3, 16), COWIN, STATE, TOTAL, 1_043_000),
            (date(2021, 3, 15), MOHFW, STATE, TOTAL, 900_000),
            (date(2021, 3, 16), MOHFW, STATE, TOTAL, 950_000),
            (date(2021, 5, 20), MOHFW, STATE, TOTAL, 960_000),
        ],
        columns=["date", "source", "area", "metric", "value"],
    )
    out = sources.published_days(frame_)
    assert list(zip(out["source"], out["date"].astype(str), out["status"], strict=True)) == [
        (COWIN, "2021-03-15", START),
        (COWIN, "2021-03-16", JUMP),  # the definition change: +2,02,576
        (MOHFW, "2021-03-15", START),
        (MOHFW, "2021-03-16", DAY),
        (MOHFW, "2021-05-20", JUMP),  # the ministry's reconciliation (here after a span: still a jump)
    ]


# --- The state's own reports --------------------------------------------------------------------------


def test_own_days_count_every_dose_number_precaution_included():
    doses = frame(
        "date dose_number doses",
        [(1, 1, 10), (1, 2, 5), (1, 3, 2), (1, 1, 1), (3, 1, 4), (3, 3, 6), (4, 2, 0)],
    )
    out = sources.own_days(doses)
    assert plain(
        out,
        "date source area doses first second precaution cumulative cumulative_first cumulative_second "
        "cumulative_precaution days status",
    ) == [
        (1, OWN, STATE, 18, 11, 5, 2, 18, 11, 5, 2, 1, DAY),  # two rows of first doses summed
        (2, OWN, STATE, 0, 0, 0, 0, 18, 11, 5, 2, 1, DAY),  # no reports on day 2: a day of 0 doses
        (3, OWN, STATE, 10, 4, 0, 6, 28, 15, 5, 8, 1, DAY),
        (4, OWN, STATE, 0, 0, 0, 0, 28, 15, 5, 8, 1, DAY),  # reported, no doses: a day of 0
    ]
    assert list(out.columns) == list(sources.COLUMNS)


def test_own_days_by_district():
    doses = frame(
        "date district_code dose_number doses",
        [(1, "RPR", 1, 10), (1, "DRG", 2, 3), (2, "RPR", 3, 4), (2, "DRG", 1, 1)],
    )
    out = sources.own_days(doses)
    assert plain(out, "date area doses first second precaution cumulative") == [
        (1, "DRG", 3, 0, 3, 0, 3),
        (2, "DRG", 1, 1, 0, 0, 4),
        (1, "RPR", 10, 10, 0, 0, 10),
        (2, "RPR", 4, 0, 0, 4, 14),
    ]


def test_own_days_of_nothing():
    out = sources.own_days(frame("date dose_number doses", []))
    assert out.empty and list(out.columns) == list(sources.COLUMNS)


# --- The order of the sources -------------------------------------------------------------------------

ORDERS = [
    (None, ORDER),
    ("", ORDER),
    ("   ", ORDER),
    ("own,cowin,mohfw", (OWN, COWIN, MOHFW)),
    (" MoHFW , own ", (MOHFW, OWN)),
    ("own,,mohfw", (OWN, MOHFW)),
    ("cowin_district,cowin", (COWIN_DISTRICT, COWIN)),
]


@pytest.mark.parametrize("setting, expected", ORDERS)
def test_order_from(setting, expected):
    assert sources.order_from(setting) == expected


@pytest.mark.parametrize("setting", ["own,own", "cowin,who", "best", "own;mohfw"])
def test_order_from_refuses_a_name_that_is_not_a_source_or_one_named_twice(setting):
    with pytest.raises(ValueError, match="name each of own, cowin_district, cowin, mohfw at most once"):
        sources.order_from(setting)


PINS = [
    (BEST, STATE, ORDER, ORDER),
    (BEST, "RPR", (MOHFW, OWN), (MOHFW, OWN)),
    (OWN, STATE, ORDER, (OWN,)),
    (OWN, "RPR", ORDER, (OWN,)),
    (COWIN, STATE, ORDER, (COWIN,)),
    (COWIN, "RPR", ORDER, (COWIN_DISTRICT,)),
    (MOHFW, STATE, ORDER, (MOHFW,)),
    (MOHFW, "RPR", ORDER, (MOHFW,)),  # the ministry has no district figures: the district shows none
]


@pytest.mark.parametrize("pin, area, order, expected", PINS)
def test_pinned_order(pin, area, order, expected):
    assert sources.pinned_order(pin, area, order) == expected


@pytest.mark.parametrize("pin", [COWIN_DISTRICT, "who", ""])
def test_pinned_order_refuses_what_staff_cannot_pin(pin):
    with pytest.raises(ValueError, match="choose from best, own, cowin, mohfw"):
        sources.pinned_order(pin)


# --- The best source per day ----------------------------------------------------------------------------

SEVERAL = days(
    "date source area doses status",
    [
        (1, MOHFW, STATE, 90, DAY),
        (1, COWIN, STATE, 100, DAY),
        (2, MOHFW, STATE, 95, DAY),
        (2, OWN, STATE, 80, DAY),
        (2, COWIN, STATE, 110, DAY),
        (3, MOHFW, STATE, 120, DAY),
        (3, COWIN, STATE, -5, CORRECTION),
        (1, COWIN_DISTRICT, "RPR", 7, DAY),
        (2, OWN, "RPR", 9, DAY),
        (2, COWIN_DISTRICT, "RPR", 8, DAY),
    ],
)

BEST_CASES = [
    (
        "the default order: own, CoWIN's districts, CoWIN, MoHFW",
        ORDER,
        [("RPR", 1, COWIN_DISTRICT), ("RPR", 2, OWN), (STATE, 1, COWIN), (STATE, 2, OWN), (STATE, 3, COWIN)],
    ),
    (
        "a configured order",
        (MOHFW, COWIN),
        [(STATE, 1, MOHFW), (STATE, 2, MOHFW), (STATE, 3, MOHFW)],
    ),
    (
        "one source pinned: only its days",
        (COWIN_DISTRICT,),
        [("RPR", 1, COWIN_DISTRICT), ("RPR", 2, COWIN_DISTRICT)],
    ),
    ("a source with no rows", (OWN,), [("RPR", 2, OWN), (STATE, 2, OWN)]),
]


@pytest.mark.parametrize("order, expected", [c[1:] for c in BEST_CASES], ids=[c[0] for c in BEST_CASES])
def test_best(order, expected):
    out = sources.best(SEVERAL, order)
    assert plain(out, "area date source") == expected
    assert list(out.columns) == list(sources.COLUMNS)


def test_best_of_nothing():
    assert sources.best(SEVERAL, ()).empty
    assert sources.best(sources.empty_days()).empty


def test_on_day_and_latest():
    assert plain(sources.on_day(SEVERAL, day(2)), "source doses") == [(OWN, 80), (COWIN, 110), (MOHFW, 95)]
    assert plain(sources.on_day(SEVERAL, day(2), "RPR"), "source doses") == [(OWN, 9), (COWIN_DISTRICT, 8)]
    latest = sources.latest(SEVERAL, day(9))
    assert sorted(plain(latest, "source date")) == [(COWIN, 3), (MOHFW, 3), (OWN, 2)]
    assert sources.sources_in(SEVERAL) == [OWN, COWIN_DISTRICT, COWIN, MOHFW]
    assert sources.sources_in(SEVERAL[SEVERAL["source"] == MOHFW]) == [MOHFW]


# --- Record days ----------------------------------------------------------------------------------------

RECORD_DAYS = days(
    "date source area doses status",
    [
        (1, COWIN, STATE, 5000, START),  # everything up to day 1: never a record
        (2, COWIN, STATE, 300, DAY),
        (3, COWIN, STATE, 900, JUMP),
        (4, COWIN, STATE, -400, CORRECTION),
        (5, COWIN, STATE, 300, DAY),  # ties the record of day 2: the earlier day keeps it
        (7, COWIN, STATE, 700, SPAN),  # two days' rise
        (2, MOHFW, STATE, 250, DAY),
        (6, MOHFW, STATE, 260, DAY),
        (2, COWIN_DISTRICT, "RPR", 40, DAY),
        (2, COWIN_DISTRICT, "DRG", 30, DAY),  # the district series' day 2: 70 over its districts
        (3, COWIN_DISTRICT, "RPR", 60, DAY),
        (3, COWIN_DISTRICT, "DRG", -1, CORRECTION),
        (1, OWN, STATE, 0, DAY),  # the state's reports have no day above 0: no record
    ],
)

RECORDS = [
    (
        "over every day",
        None,
        [Record(COWIN_DISTRICT, day(2), 70), Record(COWIN, day(2), 300), Record(MOHFW, day(6), 260)],
    ),
    ("to day 5", day(5), [Record(COWIN_DISTRICT, day(2), 70), Record(COWIN, day(2), 300), Record(MOHFW, day(2), 250)]),
    ("to day 1: only a start", day(1), []),
]


@pytest.mark.parametrize("end, expected", [c[1:] for c in RECORDS], ids=[c[0] for c in RECORDS])
def test_records_skip_starts_spans_corrections_and_jumps(end, expected):
    assert sources.records(RECORD_DAYS, end) == expected


def test_records_are_plain_values():
    (record, *_) = sources.records(RECORD_DAYS)
    assert type(record.doses) is int and record.date == day(2)


# --- Properties ------------------------------------------------------------------------------------------

PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# A published series: (days since the previous date, cumulative first, cumulative second, total beyond them),
# anything at all, so that falls (corrections), flat days and gaps all occur.
steps = st.lists(
    st.tuples(st.integers(1, 3), st.integers(0, 10**7), st.integers(0, 10**6), st.integers(0, 1000)),
    min_size=1,
    max_size=40,
)


def series_rows(source: str, area: str, series: list[tuple], total: bool = True) -> list[tuple]:
    rows, n = [], 0
    for gap, first, second, extra in series:
        n += gap
        rows.append((n, source, area, first + second + extra if total else None, first, second))
    return rows


@PROPERTY
@given(cowin=steps, mohfw=steps, district=steps)
def test_the_days_add_up_to_the_last_cumulative_and_no_day_is_negative(cowin, mohfw, district):
    rows = series_rows(COWIN, STATE, cowin) + series_rows(MOHFW, STATE, mohfw)
    rows += series_rows(COWIN, "RPR", district, total=False)
    out = sources.published_days(values(rows))
    for (source, area), series in ((COWIN, STATE), cowin), ((MOHFW, STATE), mohfw), ((COWIN_DISTRICT, "RPR"), district):
        mine = out[(out["source"] == source) & (out["area"] == area)]
        _, first, second, extra = series[-1]
        last = first + second + (extra if area == STATE else 0)
        assert int(mine["doses"].sum()) == last == int(mine["cumulative"].iloc[-1])
        assert int(mine["first"].sum()) == first and int(mine["second"].sum()) == second
        assert mine["status"].iloc[0] == START and (mine["status"].iloc[1:] != START).all()
    regular = out[out["status"] == DAY]
    assert (regular["doses"] >= 0).all() and (regular["first"] >= 0).all() and (regular["second"] >= 0).all()
    assert (regular["days"] == 1).all()
