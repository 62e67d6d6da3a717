"""stats.sources.check_jumps: the jump rule with what it judged by (the one rule stats.quality's spikes read)."""

from __future__ import annotations

import pytest

from stats.sources import ALONE, CONFIRMED, KNOWN, UNCONFIRMED, check_jumps, covering, mark_jumps
from tests.stats import day_number
from tests.stats.test_quality import WEEK, days_of

CASES = [
    # (CoWIN's days, the ministry's (None: none), [(day, verdict, typical, others)])
    (WEEK + [900], None, [(8, ALONE, 100, ())]),
    (WEEK + [900], WEEK + [600], [(8, CONFIRMED, 100, (("mohfw", 600),))]),
    (WEEK + [900], WEEK + [599], [(8, UNCONFIRMED, 100, (("mohfw", 599),))]),
    (WEEK + [400], WEEK + [100], []),  # not above 4 × 100
    # ALONE stays a regular day: day 9's median is that of 7 × 100 and 900, still 100
    (WEEK + [900, 900], None, [(8, ALONE, 100, ()), (9, ALONE, 100, ())]),
    # UNCONFIRMED does not: day 9 is judged against the 7 days of 100 alone
    (
        WEEK + [900, 900],
        WEEK + [100, 100],
        [(8, UNCONFIRMED, 100, (("mohfw", 100),)), (9, UNCONFIRMED, 100, (("mohfw", 100),))],
    ),
]


@pytest.mark.parametrize("cowin, mohfw, expected", CASES)
def test_check_jumps(cowin, mohfw, expected):
    others = None if mohfw is None else days_of(mohfw, "mohfw")
    checks = check_jumps(days_of(cowin), others)
    assert [(day_number(c.date), c.verdict, c.typical, c.others) for c in checks] == expected


def test_a_marked_frame_is_judged_as_before_its_marking():
    cowin, mohfw = days_of(WEEK + [900, 100]), days_of(WEEK + [100, 100], "mohfw")
    marked = mark_jumps(covering([cowin, mohfw]))
    assert list(marked["status"]).count("jump") == 1
    assert check_jumps(marked) == check_jumps(covering([cowin, mohfw]))


def test_known_jumps_whatever_their_size():
    from datetime import date

    (check,) = check_jumps(days_of([100] * 14 + [100], on=date(2021, 3, 2)))
    assert (check.date, check.verdict, check.reason) == (date(2021, 3, 16), KNOWN, "definition")
