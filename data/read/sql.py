"""Small helpers the read queries share: sums as BIGINT, rows into frames, filters."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import BigInteger, cast, func
from sqlmodel import Session


def bigint_sum(column):
    """SUM as a BIGINT (PostgreSQL's SUM of BIGINT is NUMERIC, which arrives as Decimal)."""
    return cast(func.sum(column), BigInteger)


def frame(session: Session, query, columns: list[str]) -> pd.DataFrame:
    """The query's rows as a frame with these columns."""
    # Plain tuples: building a frame from SQLAlchemy Row objects is about five times slower.
    return pd.DataFrame([tuple(row) for row in session.connection().execute(query)], columns=columns)


def as_list(value) -> list | None:
    """A filter argument as a list: None stays None (no filter), one string becomes a list of one."""
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value)
