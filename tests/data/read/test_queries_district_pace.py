"""data.read.reference.vaccine_intervals on SQLite and PostgreSQL: the master vaccines with their dose intervals."""

from __future__ import annotations

import pandas as pd
from sqlmodel import Session

from data.read import reference


def test_vaccine_intervals_are_the_master_list(engine):
    with Session(engine) as session:
        out = reference.vaccine_intervals.run(session)
    assert list(out.columns) == [
        "code",
        "name_en",
        "name_hi",
        "dose2_min_days",
        "dose2_max_days",
        "precaution_min_days",
    ]
    # data/master/vaccines.csv, by code.
    assert out[["code", "dose2_min_days", "dose2_max_days", "precaution_min_days"]].values.tolist() == [
        ["CORBEVAX", 28, 42, 273],
        ["COVAXIN", 28, 42, 273],
        ["COVISHIELD", 84, 112, 273],
        ["SPUTNIK", 21, 90, 273],
    ]
    assert out.set_index("code").loc["COVISHIELD", "name_hi"] == "कोविशील्ड"
    assert all(pd.api.types.is_integer_dtype(out[c]) for c in out.columns[3:])
