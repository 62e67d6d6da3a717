"""What the accounts page shows: the accounts table and the choices of its forms (data.accounts.users' refusals carry
their catalogue key: UserError.text(lang)).

Pure functions (no Streamlit, no I/O). Accounts are what data.accounts.users.list_users returns (UserPublic: never a
password hash); any object with the same attributes will do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Protocol

import pandas as pd

from stats.formatting import INDIA, MISSING, india_moment, long_date
from stats.labels import t
from stats.names import district_options

ROLES = ("officer", "collector")


class Account(Protocol):
    username: str
    display_name: str
    role: str
    district_code: str | None
    active: bool
    demo: bool
    created_at: datetime
    password_changed_at: datetime


def moment_text(moment: datetime | None, lang: str = "en") -> str:
    """A UTC moment as the date and time of day in India: 22 June 2021, 10:00 IST."""
    if moment is None:
        return MISSING
    local = (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(INDIA)
    return f"{long_date(local.date(), lang)}, {local:%H:%M} IST"


def role_name(role: str, lang: str = "en") -> str:
    return t(f"users.role_{role}", lang)


def status_text(account: Account, lang: str = "en") -> str:
    """Active / disabled, and demo for a documented demo account."""
    status = t("users.status_active" if account.active else "users.status_disabled", lang)
    return f"{status} ({t('users.status_demo', lang)})" if account.demo else status


def accounts_table(
    accounts: Iterable[Account], districts: pd.DataFrame, lang: str = "en", *, formatted: bool = True
) -> pd.DataFrame:
    """Every account as the page lists it (headers in the language; no password hash, there is none here); not
    formatted (the downloads): the times as datetimes in India."""
    names = district_options(districts, lang)
    accounts = list(accounts)
    if not formatted:
        return pd.DataFrame(
            {
                t("users.col_username", lang): [a.username for a in accounts],
                t("users.col_display_name", lang): [a.display_name for a in accounts],
                t("users.col_role", lang): [role_name(a.role, lang) for a in accounts],
                t("users.col_district", lang): [names.get(a.district_code, "") for a in accounts],
                t("users.col_status", lang): [status_text(a, lang) for a in accounts],
                f"{t('users.col_created', lang)} (IST)": [india_moment(a.created_at) for a in accounts],
                f"{t('users.col_password_changed', lang)} (IST)": [
                    india_moment(a.password_changed_at) for a in accounts
                ],
            }
        )
    return pd.DataFrame(
        {
            t("users.col_username", lang): [a.username for a in accounts],
            t("users.col_display_name", lang): [a.display_name for a in accounts],
            t("users.col_role", lang): [role_name(a.role, lang) for a in accounts],
            t("users.col_district", lang): [names.get(a.district_code, MISSING) for a in accounts],
            t("users.col_status", lang): [status_text(a, lang) for a in accounts],
            t("users.col_created", lang): [moment_text(a.created_at, lang) for a in accounts],
            t("users.col_password_changed", lang): [moment_text(a.password_changed_at, lang) for a in accounts],
        },
        dtype="object",
    )


def account_options(accounts: Iterable[Account], *, active_only: bool = True, exclude: str = "") -> dict[str, str]:
    """Username → "username · display name" for a form's choice of account (active ones unless said;
    exclude: one username left out, such as the officer's own)."""
    return {
        a.username: f"{a.username} · {a.display_name}"
        for a in accounts
        if (a.active or not active_only) and a.username != exclude
    }


def passwords_differ(password: str, repeated: str) -> bool:
    """True when the password and its repetition are not the same text."""
    return password != repeated


def action_text(key: str, values: Mapping[str, str], lang: str = "en") -> str:
    """The confirmation after an action (users.done_<key>)."""
    return t(f"users.done_{key}", lang, **values)
