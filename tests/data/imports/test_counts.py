"""Plausible counts (data.imports.cells: MAX_DOSES per cell and per centre-day, MAX_STOCK_QUANTITY,
MAX_PUBLISHED_VALUE): impossible counts are refused with a row/column/rule message in English and Hindi before
anything reaches the database, on SQLite and PostgreSQL; the largest plausible ones are stored exactly."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data.imports.cells import MAX_DOSES, MAX_PUBLISHED_VALUE, MAX_STOCK_QUANTITY, dose_count, published_value
from data.imports.parse import ParseError
from tests.conftest import snapshot
from tests.files import doses_csv, problems_of, run_import, series_csv, stock_csv, stored_doses

BIGINT = 2**63 - 1


class Case(NamedTuple):
    id: str
    content: bytes
    problem: tuple | None  # (row, column, value, rule) or None when the file is committed


FIVE = str(5 * 10**18)
BIG = str(BIGINT)
OVER = "count_above_maximum"
CASES = [
    Case("doses at the maximum", doses_csv([{"doses": "1,00,000"}]), None),
    Case("doses one over", doses_csv([{"doses": "100001"}]), (2, "doses", "100001", OVER)),
    Case("doses 5 x 10^18", doses_csv([{"doses": FIVE}]), (2, "doses", FIVE, OVER)),
    Case("doses 2^63 - 1", doses_csv([{"doses": BIG}]), (2, "doses", BIG, OVER)),
    Case("doses 2^63", doses_csv([{"doses": str(BIGINT + 1)}]), (2, "doses", str(BIGINT + 1), "count_too_large")),
    Case("doses in Devanagari digits", doses_csv([{"doses": "१,००,००१"}]), (2, "doses", "१,००,००१", OVER)),
    Case("stock at the maximum", stock_csv([{"quantity": "1,00,00,000"}]), None),
    Case("stock one over", stock_csv([{"quantity": "1,00,00,001"}]), (2, "quantity", "1,00,00,001", OVER)),
    Case("stock 2^63 - 1", stock_csv([{"quantity": BIG}]), (2, "quantity", BIG, OVER)),
    Case("published at the maximum", series_csv([{"value": "10,00,00,00,000"}]), None),
    Case("published one over", series_csv([{"value": "10000000001"}]), (2, "value", "10000000001", OVER)),
    Case("published 5 x 10^18", series_csv([{"value": FIVE}]), (2, "value", FIVE, OVER)),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_count_maxima_on_both_backends(engine, case: Case) -> None:
    before = snapshot(engine)
    report = run_import(engine, case.content)
    if case.problem is None:
        assert (report.status, report.problems) == ("committed", [])
        return
    assert report.status == "rejected"
    assert problems_of(report) == [case.problem]
    for problem in report.problems:
        english, hindi = problem.message("en"), problem.message("hi")
        assert english and hindi and english != hindi and "{" not in english + hindi
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    ("column", "maximum", "content"),
    [
        ("doses", "1,00,000", doses_csv([{"doses": "100001"}])),
        ("quantity", "1,00,00,000", stock_csv([{"quantity": "10000001"}])),
        ("value", "10,00,00,00,000", series_csv([{"value": "10000000001"}])),
    ],
    ids=["doses", "stock", "published"],
)
def test_the_message_names_the_maximum_in_both_languages(column: str, maximum: str, content: bytes, engine) -> None:
    (problem,) = run_import(engine, content).problems
    value = problem.value
    assert problem.message("en") == (
        f"'{value}' is more than {maximum}, the most one cell of '{column}' may hold; check the number."
    )
    assert problem.message("hi") == (
        f"'{value}', {maximum} से अधिक है, जो '{column}' के एक खाने में हो सकने वाली सबसे बड़ी संख्या है; संख्या जाँचें।"
    )


def test_a_centre_day_above_the_maximum_is_refused(engine) -> None:
    """60,000 + 50,000 doses at one centre on one day (two age bands): 1,10,000 > 1,00,000, named on its first row;
    the same doses on two days, or at two centres, are accepted."""
    before = snapshot(engine)
    rows = [{"doses": "60,000"}, {"age_band": "45-59", "doses": "50,000"}]
    report = run_import(engine, doses_csv(rows))
    assert report.status == "rejected"
    assert problems_of(report) == [(2, "doses", "RPR-PHC-01", "centre_day_above_maximum")]
    (problem,) = report.problems
    assert problem.message("en") == (
        "the rows of centre 'RPR-PHC-01' on 22 June 2021 add up to 1,10,000 doses, more than 1,00,000, the most one "
        "centre can give in a day; check the numbers."
    )
    assert problem.message("hi") == (
        "केंद्र 'RPR-PHC-01' की 22 जून 2021 की पंक्तियों का योग 1,10,000 खुराक है, जो 1,00,000 से अधिक है, जितनी एक "
        "केंद्र एक दिन में दे सकता है; संख्याएँ जाँचें।"
    )
    assert snapshot(engine) == before

    rows = [{"doses": "60,000"}, {"date": "2021-06-21", "doses": "50,000"}, {"centre_code": "RPR-PHC-02", "doses": "1"}]
    assert run_import(engine, doses_csv(rows)).status == "committed"
    assert sum(stored_doses(engine).values()) == 110_001


@settings(max_examples=200, deadline=None)
@given(n=st.integers(0, 10**20))
def test_count_rules_accept_exactly_up_to_their_maximum(n: int) -> None:
    for rule, maximum in ((dose_count, MAX_DOSES), (published_value, MAX_PUBLISHED_VALUE)):
        try:
            assert rule(str(n)) == n and n <= maximum
        except ParseError as error:  # beyond a BIGINT
            assert error.rule == "count_too_large" and n > BIGINT
        except Exception as error:  # Invalid
            assert error.rule == "count_above_maximum" and maximum < n <= BIGINT  # type: ignore[attr-defined]


def test_every_maximum_and_a_file_of_them_fit_a_database_integer() -> None:
    """2,00,000 rows at the maximum sum far below 2^63 - 1: no sum a rollup makes can overflow."""
    assert 200_000 * max(MAX_DOSES, MAX_STOCK_QUANTITY, MAX_PUBLISHED_VALUE) < 2**53 < BIGINT
