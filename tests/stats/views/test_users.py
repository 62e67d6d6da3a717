"""stats.views.users: the accounts table (no hash), form choices, and every account refusal in both languages."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest

from data.models import UserPublic
from stats.names import district_options
from stats.views import users as view

DISTRICTS = pd.DataFrame({"code": ["RPR", "DRG"], "name_en": ["Raipur", "Durg"], "name_hi": ["रायपुर", "दुर्ग"]})
MOMENT = datetime(2021, 6, 22, 4, 30, tzinfo=UTC)


def account(username: str, role: str = "collector", district: str | None = "RPR", **fields) -> UserPublic:
    values = {
        "username": username,
        "display_name": username.title(),
        "role": role,
        "district_code": district if role == "collector" else None,
        "created_at": MOMENT,
        "password_changed_at": MOMENT,
        **fields,
    }
    return UserPublic(**values)


ACCOUNTS = [
    account("officer", "officer", demo=True),
    account("collector.drg", district="DRG", active=False),
    account("collector.rpr"),
]


def test_accounts_table():
    table = view.accounts_table(ACCOUNTS, DISTRICTS)
    assert [tuple(r) for r in table.itertuples(index=False)] == [
        (
            "officer",
            "Officer",
            "State officer",
            "—",
            "Active (demo)",
            "22 June 2021, 10:00 IST",
            "22 June 2021, 10:00 IST",
        ),
        (
            "collector.drg",
            "Collector.Drg",
            "District collector",
            "Durg",
            "Disabled",
            "22 June 2021, 10:00 IST",
            "22 June 2021, 10:00 IST",
        ),
        (
            "collector.rpr",
            "Collector.Rpr",
            "District collector",
            "Raipur",
            "Active",
            "22 June 2021, 10:00 IST",
            "22 June 2021, 10:00 IST",
        ),
    ]
    hindi = view.accounts_table(ACCOUNTS, DISTRICTS, "hi")
    assert hindi.iloc[1, :5].tolist() == ["collector.drg", "Collector.Drg", "ज़िला कलेक्टर", "दुर्ग", "निष्क्रिय"]
    assert hindi.iloc[0, 4] == "सक्रिय (डेमो)"
    assert view.accounts_table([], DISTRICTS).empty


def test_account_options():
    assert view.account_options(ACCOUNTS) == {
        "officer": "officer · Officer",
        "collector.rpr": "collector.rpr · Collector.Rpr",
    }
    assert list(view.account_options(ACCOUNTS, exclude="officer")) == ["collector.rpr"]
    assert list(view.account_options(ACCOUNTS, active_only=False)) == ["officer", "collector.drg", "collector.rpr"]


def test_district_names_in_alphabetical_order_of_the_language():
    assert district_options(DISTRICTS) == {"DRG": "Durg", "RPR": "Raipur"}
    assert district_options(DISTRICTS, "hi") == {"DRG": "दुर्ग", "RPR": "रायपुर"}


@pytest.mark.parametrize(
    "message, english, hindi",
    [
        (
            "a username is 3 to 32 characters: lower-case letters, digits, '.', '_' or '-'",
            "A username is 3 to 32 characters: lower-case letters, digits, '.', '_' or '-'.",
            "उपयोगकर्ता नाम 3 से 32 अक्षरों का हो: छोटे अंग्रेज़ी अक्षर, अंक, '.', '_' या '-'।",
        ),
        (
            "a password needs at least 10 characters",
            "A password needs at least 10 characters.",
            "पासवर्ड में कम से कम 10 अक्षर होने चाहिए।",
        ),
        (
            "a password may have at most 1024 characters",
            "A password may have at most 1024 characters.",
            "पासवर्ड में अधिकतम 1024 अक्षर हो सकते हैं।",
        ),
        (
            "a password cannot be only spaces",
            "A password cannot be only spaces.",
            "पासवर्ड केवल खाली जगहों का नहीं हो सकता।",
        ),
        ("no account named 'x.y'", "There is no account named 'x.y'.", "'x.y' नाम का कोई खाता नहीं है।"),
        (
            "role must be one of officer, collector",
            "Choose a role: state officer or district collector.",
            "भूमिका चुनें: राज्य अधिकारी या ज़िला कलेक्टर।",
        ),
        (
            "a collector needs a district",
            "A district collector needs a district.",
            "ज़िला कलेक्टर के लिए ज़िला चुनना ज़रूरी है।",
        ),
        (
            "an officer sees the whole state: give no district",
            "A state officer sees the whole state: choose no district.",
            "राज्य अधिकारी पूरा राज्य देखते हैं: कोई ज़िला न चुनें।",
        ),
        ("unknown district 'XYZ'", "'XYZ' is not a district of the master list.", "'XYZ' ज़िलों की मास्टर सूची में नहीं है।"),
        (
            "an account named 'abc' already exists",
            "An account named 'abc' already exists.",
            "'abc' नाम का खाता पहले से मौजूद है।",
        ),
        (
            "give the e-mail address the identity provider reports for this person",
            "Give the e-mail address the identity provider reports for this person.",
            "वह ई-मेल पता दें जो पहचान प्रदाता इस व्यक्ति के लिए बताता है।",
        ),
        (
            "that identity is already linked to another account",
            "That identity is already linked to another account.",
            "यह पहचान पहले से किसी दूसरे खाते से जुड़ी है।",
        ),
        ("the two passwords differ", "The two passwords differ.", "दोनों पासवर्ड अलग-अलग हैं।"),
        ("something new", "The request was refused: something new", "अनुरोध अस्वीकार हुआ: something new"),
    ],
    ids=[
        "username",
        "short",
        "long",
        "spaces",
        "no-account",
        "role",
        "collector-district",
        "officer-district",
        "unknown-district",
        "exists",
        "email",
        "email-linked",
        "differ",
        "unknown-message",
    ],
)
def test_user_error_text(message, english, hindi):
    assert view.user_error_text(message, "en") == english
    assert view.user_error_text(message, "hi") == hindi


def test_every_user_error_of_data_users_is_translated():
    """Each UserError message data.accounts.users can raise to the page matches a pattern (not the general sentence)."""
    source = (Path(__file__).resolve().parents[3] / "data" / "accounts" / "users.py").read_text(encoding="utf-8")
    page_functions = source.split("# --- CLI")[0]  # the CLI's own messages never reach the page
    literals = re.findall(r'raise UserError\(f?"([^"]*)"\)', page_functions)
    assert len(literals) >= 11
    for literal in literals:
        sample = re.sub(r"\{[^}]*!r\}", "'x'", literal)
        sample = re.sub(r"\{MIN_PASSWORD\}|\{MAX_PASSWORD\}", "10", sample)
        sample = re.sub(r"\{', '\.join\(ROLES\)\}", "officer, collector", sample)
        assert not view.user_error_text(sample).startswith("The request was refused"), literal
