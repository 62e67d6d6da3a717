"""The accounts page: listing (never a password hash), add / reset / disable / link through data.accounts.users as the
signed-in officer with their audit rows, refusals in the user's language, and no password left in session
state. The app database holds officer.test, collector.rpr and collector.drg (tests/pages/conftest.py)."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import select
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from data.accounts import users
from data.models import AuditEvent, UserAccount, UserIdentity
from tests.conftest import snapshot
from tests.pages.conftest import NOT_AVAILABLE, PASSWORD, open_page, open_page_alone

PAGE = "users"
NEW_PASSWORD = "a brand new passphrase"
PASSWORD_KEYS = ("users-add-password", "users-add-again", "users-reset-password", "users-reset-again")


def accounts(app: AppTest) -> pd.DataFrame:
    (table,) = [d.value for d in app.dataframe]
    return table


def events(engine, action: str) -> list[tuple]:
    table = AuditEvent.__table__
    query = select(table.c.actor, table.c.subject).where(table.c.action == action).order_by(table.c.id)
    with engine.connect() as conn:
        return [tuple(row) for row in conn.execute(query)]


def account(engine, username: str) -> UserAccount | None:
    with Session(engine) as session:
        return session.get(UserAccount, username)


def form_button(app: AppTest, label: str):
    return next(b for b in app.button if b.label == label)


def no_password_kept(app: AppTest) -> bool:
    state = app.session_state
    return all(key not in state or state[key] in ("", None) for key in PASSWORD_KEYS)


def add(app: AppTest, username: str, password: str, again: str | None = None, **fields) -> AppTest:
    if "role" in fields:
        app.selectbox(key="users-role").set_value(fields["role"]).run()
    inputs = {t.label: t for t in app.text_input if t.key not in PASSWORD_KEYS}
    inputs["Username"].set_value(username)
    inputs["Name shown"].set_value(fields.get("name", ""))
    if "district" in fields:
        next(s for s in app.selectbox if s.label == "District (collectors)").set_value(fields["district"])
    app.text_input(key="users-add-password").set_value(password)
    app.text_input(key="users-add-again").set_value(password if again is None else again)
    form_button(app, "Add account").click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def account_choice(app: AppTest, form: int):
    """The account selectbox of the reset (0), disable (1) or link (2) form."""
    return [s for s in app.selectbox if s.label in ("Account", "खाता")][form]


def test_the_accounts_are_listed_without_password_hashes(app_db):
    app = open_page(PAGE)
    assert [t.value for t in app.title] == ["Accounts"]
    table = accounts(app)
    assert list(table.columns) == [
        "Username",
        "Name",
        "Role",
        "District",
        "Status",
        "Created",
        "Password changed",
    ]
    rows = {r[0]: r[1:5] for r in table.itertuples(index=False)}
    assert rows == {
        "collector.drg": ("Collector Durg", "District collector", "Durg", "Active"),
        "collector.rpr": ("Collector Raipur", "District collector", "Raipur", "Active"),
        "officer.test": ("Test Officer", "State officer", "—", "Active"),
    }
    assert "$argon2" not in table.to_csv()
    assert table["Created"].str.endswith(" IST").all()


def test_adding_a_collector(app_db):
    app = add(open_page(PAGE), "Collector.BST", NEW_PASSWORD, role="collector", district="BST", name="Collector Bastar")
    assert [s.value for s in app.success] == ["Account collector.bst added."]
    assert ("collector.bst", "Collector Bastar", "District collector", "Bastar", "Active") in [
        tuple(r[:5]) for r in accounts(app).itertuples(index=False)
    ]
    created = account(app_db, "collector.bst")
    assert (created.role, created.district_code, created.active) == ("collector", "BST", True)
    assert events(app_db, "user-add")[-1] == ("officer.test", "collector.bst")
    assert no_password_kept(app)
    with Session(app_db) as session:
        assert users.authenticate("collector.bst", NEW_PASSWORD, session=session, client="test") is not None


def test_adding_an_officer(app_db):
    app = add(open_page(PAGE), "officer.two", NEW_PASSWORD, name="Second Officer")
    assert [s.value for s in app.success] == ["Account officer.two added."]
    assert account(app_db, "officer.two").role == "officer"


@pytest.mark.parametrize(
    "lang, username, password, again, fields, message",
    [
        ("en", "collector.bst", NEW_PASSWORD, "something else entirely", {}, "The two passwords differ."),
        ("en", "collector.bst", "short", None, {}, "A password needs at least 10 characters."),
        ("hi", "collector.bst", "short", None, {}, "पासवर्ड में कम से कम 10 अक्षर होने चाहिए।"),
        ("en", "collector.rpr", NEW_PASSWORD, None, {}, "An account named 'collector.rpr' already exists."),
        ("hi", "collector.rpr", NEW_PASSWORD, None, {}, "'collector.rpr' नाम का खाता पहले से मौजूद है।"),
        (
            "en",
            "x",
            NEW_PASSWORD,
            None,
            {},
            "A username is 3 to 32 characters: lower-case letters, digits, '.', '_' or '-'.",
        ),
        ("en", "collector.bst", NEW_PASSWORD, None, {"role": "collector"}, "A district collector needs a district."),
    ],
    ids=["passwords-differ", "short", "short-hi", "exists", "exists-hi", "bad-username", "no-district"],
)
def test_a_refused_account_says_why_and_writes_nothing(app_db, lang, username, password, again, fields, message):
    before = snapshot(app_db)
    app = open_page(PAGE, lang=lang)
    if lang == "hi":  # the labels of the form in Hindi
        app.text_input(key="users-add-password").set_value(password)
        app.text_input(key="users-add-again").set_value(password if again is None else again)
        [t for t in app.text_input if t.label == "उपयोगकर्ता नाम"][0].set_value(username)
        form_button(app, "खाता जोड़ें").click()
        app.run()
    else:
        app = add(app, username, password, again, **fields)
    assert [e.value for e in app.error] == [message]
    assert not app.success and snapshot(app_db) == before
    assert no_password_kept(app)


def test_resetting_a_password(app_db):
    app = open_page(PAGE)
    account_choice(app, 0).set_value("collector.rpr")
    app.text_input(key="users-reset-password").set_value(NEW_PASSWORD)
    app.text_input(key="users-reset-again").set_value(NEW_PASSWORD)
    form_button(app, "Set new password").click()
    app.run()
    assert [s.value for s in app.success] == ["The password of collector.rpr was changed."]
    assert events(app_db, "user-reset") == [("officer.test", "collector.rpr")]
    assert no_password_kept(app)
    with Session(app_db) as session:
        assert users.authenticate("collector.rpr", NEW_PASSWORD, session=session, client="test") is not None
        assert users.authenticate("collector.rpr", PASSWORD, session=session, client="test") is None


def test_resetting_needs_an_account(app_db):
    before = snapshot(app_db)
    app = open_page(PAGE)
    app.text_input(key="users-reset-password").set_value(NEW_PASSWORD)
    app.text_input(key="users-reset-again").set_value(NEW_PASSWORD)
    form_button(app, "Set new password").click()
    app.run()
    assert [e.value for e in app.error] == ["Choose an account."]
    assert snapshot(app_db) == before and no_password_kept(app)


def test_disabling_an_account(app_db):
    app = open_page(PAGE)
    choice = account_choice(app, 1)
    assert "officer.test" not in choice.options[0] and len(choice.options) == 2  # never the officer's own
    choice.set_value("collector.drg")
    next(c for c in app.checkbox if c.label.startswith("I understand")).check()
    form_button(app, "Disable account").click()
    app.run()
    assert [s.value for s in app.success] == ["Account collector.drg was disabled."]
    assert account(app_db, "collector.drg").active is False
    assert events(app_db, "user-disable") == [("officer.test", "collector.drg")]
    statuses = {r[0]: r[4] for r in accounts(app).itertuples(index=False)}
    assert statuses["collector.drg"] == "Disabled"
    assert account_choice(app, 1).options == ["collector.rpr · Collector Raipur"]


def test_disabling_needs_confirmation(app_db):
    before = snapshot(app_db)
    app = open_page(PAGE)
    account_choice(app, 1).set_value("collector.drg")
    form_button(app, "Disable account").click()
    app.run()
    assert [e.value for e in app.error] == ["Tick the box to confirm."]
    assert snapshot(app_db) == before


def test_linking_a_single_sign_on_identity(app_db):
    app = open_page(PAGE)
    account_choice(app, 2).set_value("collector.rpr")
    next(t for t in app.text_input if t.label.startswith("E-mail")).set_value(" Collector.Raipur@CG.gov.in ")
    form_button(app, "Link identity").click()
    app.run()
    assert [s.value for s in app.success] == ["Collector.Raipur@CG.gov.in now signs in as collector.rpr."]
    with Session(app_db) as session:
        assert session.get(UserIdentity, "collector.raipur@cg.gov.in").username == "collector.rpr"
    assert events(app_db, "user-link") == [("officer.test", "collector.rpr")]


def test_a_bad_e_mail_is_refused(app_db):
    app = open_page(PAGE, lang="hi")
    account_choice(app, 2).set_value("collector.rpr")
    next(t for t in app.text_input if t.label.startswith("सिंगल")).set_value("not-an-address")
    form_button(app, "पहचान जोड़ें").click()
    app.run()
    assert [e.value for e in app.error] == ["वह ई-मेल पता दें जो पहचान प्रदाता इस व्यक्ति के लिए बताता है।"]
    assert events(app_db, "user-link") == []


def test_hindi(app_db):
    app = open_page(PAGE, lang="hi")
    assert [t.value for t in app.title] == ["खाते"]
    table = accounts(app)
    assert list(table.columns)[:5] == ["उपयोगकर्ता नाम", "नाम", "भूमिका", "ज़िला", "स्थिति"]
    assert set(table["भूमिका"]) == {"राज्य अधिकारी", "ज़िला कलेक्टर"} and set(table["ज़िला"]) == {"रायपुर", "दुर्ग", "—"}
    assert [t.label for t in app.tabs] == ["खाता जोड़ें", "पासवर्ड बदलें", "खाता निष्क्रिय करें", "सिंगल साइन-ऑन जोड़ें"]


@pytest.mark.parametrize("user", ["collector.rpr", None], ids=["collector", "public"])
def test_only_officers_may_open_it(app_db, user):
    app = open_page_alone(PAGE, user)
    assert [w.value for w in app.warning] == [NOT_AVAILABLE]
    assert not app.title and not app.dataframe and not app.text_input and not app.button


def test_the_download_is_audited(app_db):
    app = open_page(PAGE)
    for key in ("users-accounts-download", "users-accounts-download-xlsx"):  # the CSV, then the XLSX beside it
        (button,) = [b for b in app.get("download_button") if b.key == key]
        button.click()
        app.run()
        assert not app.exception
    assert events(app_db, "export") == [("officer.test", "accounts.csv"), ("officer.test", "accounts.xlsx")]
