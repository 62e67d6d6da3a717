"""What the audit trail page shows: the dates asked for as UTC bounds, and the rows with India times and
localised headers, action names and counts.

Pure functions (no Streamlit, no I/O): pages/audit_trail.py fetches through data.accounts.audit.browse (at: UTC
timestamps; counts: JSON text or None) and hands the frame here.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, date, datetime, time, timedelta

import pandas as pd

from stats.formatting import INDIA, MISSING, india_moment, indian_number
from stats.labels import t

DEFAULT_DAYS = 30
"""The dates shown to start with: the last 30 days in India, today included."""
LIMIT = 1000
"""At most this many rows (the latest) are shown and downloaded."""


def limit_reached(rows: int) -> bool:
    """True when browsing returned as many rows as it may (older ones are left out)."""
    return rows >= LIMIT


def default_range(today: date, days: int = DEFAULT_DAYS) -> tuple[date, date]:
    """The last `days` days up to today, both included."""
    return today - timedelta(days=days - 1), today


def picked_range(picked: object, default: tuple[date, date]) -> tuple[date, date]:
    """What a range date_input returned as (first, last): one day while only the first is picked, the default
    when nothing is; reversed ends are put in order."""
    days = [picked] if isinstance(picked, date) else [d for d in (picked or ()) if isinstance(d, date)]
    if not days:
        return default
    return min(days), max(days)


def utc_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """Days in India as UTC bounds for data.accounts.audit.browse: from midnight starting first (inclusive) to midnight
    ending last (exclusive)."""
    since = datetime.combine(first, time.min, tzinfo=INDIA)
    until = datetime.combine(last + timedelta(days=1), time.min, tzinfo=INDIA)
    return since.astimezone(UTC), until.astimezone(UTC)


def actor_filter(text: str | None) -> str | None:
    """The actor typed (trimmed), None for all."""
    return (text or "").strip() or None


def action_name(code: str, lang: str = "en") -> str:
    """An action code in words (an unknown code as it is)."""
    try:
        return t(f"audit_trail.action_{code}", lang)
    except KeyError:
        return code


def action_choice(code: str, lang: str = "en") -> str:
    """An action in the filter's list: its name, or "All actions" for the empty choice."""
    return action_name(code, lang) if code else t("audit_trail.all_actions", lang)


def india_time(moment: object) -> str:
    """A UTC timestamp as India time: 2021-06-22 10:00:05."""
    if moment is None or (isinstance(moment, float) and math.isnan(moment)) or pd.isna(moment):
        return MISSING
    stamp = pd.Timestamp(moment)
    stamp = stamp.tz_localize(UTC) if stamp.tzinfo is None else stamp
    return f"{stamp.tz_convert(INDIA):%Y-%m-%d %H:%M:%S}"


def counts_text(counts: object, lang: str = "en") -> str:
    """Recorded counts (JSON text) in words with Indian grouping: "new 3 · changed 0"; empty when none."""
    if counts is None or (isinstance(counts, float) and math.isnan(counts)) or counts == "":
        return ""
    try:
        values = json.loads(str(counts))
    except ValueError:
        return str(counts)
    if not isinstance(values, dict):
        return str(counts)
    parts = []
    for key, value in sorted(values.items(), key=lambda item: _count_rank(item[0])):
        try:
            name = t(f"audit_trail.count_{key}", lang)
        except KeyError:
            name = str(key)
        number = indian_number(value, lang) if isinstance(value, int) and not isinstance(value, bool) else value
        parts.append(f"{name} {number}")
    return " · ".join(parts)


COUNT_ORDER = ("new", "changed", "unchanged", "rows")
"""Counts in this order, any other after them by name."""


def _count_rank(key: str) -> tuple[int, str]:
    return (COUNT_ORDER.index(key) if key in COUNT_ORDER else len(COUNT_ORDER), str(key))


def audit_table(frame: pd.DataFrame, lang: str = "en", *, formatted: bool = True) -> pd.DataFrame:
    """The rows of data.accounts.audit.browse as shown and downloaded: India time, who, what (in words, with its code),
    about what, counts, detail; headers in the language. Not formatted (the downloads): the time a datetime."""
    at = t("audit_trail.col_at", lang)
    return pd.DataFrame(
        {
            at: [india_time(m) for m in frame["at"]] if formatted else [india_moment(m) for m in frame["at"]],
            t("audit_trail.col_actor", lang): list(frame["actor"]),
            t("audit_trail.col_action", lang): [action_name(a, lang) for a in frame["action"]],
            t("audit_trail.col_code", lang): list(frame["action"]),
            t("audit_trail.col_subject", lang): list(frame["subject"]),
            t("audit_trail.col_counts", lang): [counts_text(c, lang) for c in frame["counts"]],
            t("audit_trail.col_detail", lang): list(frame["detail"]),
        },
        dtype="object" if formatted else None,
    )


def export_detail(first: date, last: date, actor: str | None, action: str | None) -> str:
    """What an export of the audit trail held, for its own audit row."""
    filters = [f"{first.isoformat()} to {last.isoformat()} IST"]
    if actor:
        filters.append(f"actor={actor}")
    if action:
        filters.append(f"action={action}")
    return " ".join(filters)


def export_file_name(first: date, last: date) -> str:
    return f"audit-trail-{first.isoformat()}-{last.isoformat()}.csv"
