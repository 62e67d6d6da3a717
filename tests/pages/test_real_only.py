"""Every page, for every role, on a database holding only the three published files (CoWIN's state and district
series, the health ministry's): figures with their source, or a plain sentence of what the sources lack for
the day — never a blank page or an exception (issue: real data first)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data.db import make_engine
from tests.pages.conftest import APP, USER_KEY, _clear_caches, add_accounts

DAYS = [
    date(2021, 1, 16),  # the first published day: a starting total, not a day's doses
    date(2021, 3, 9),  # CoWIN's correction
    date(2021, 4, 25),  # the last day of CoWIN's district series
    date(2021, 6, 22),  # 1,25,214 doses according to CoWIN, 1,10,143 according to the ministry
    date(2021, 8, 28),  # the ministry published nothing: CoWIN alone
    date(2021, 10, 24),  # the ministry's last day, after CoWIN's state series ends
]
SOURCE_WORDS = ("CoWIN", "MoHFW", "health ministry")
PAGES = {
    None: ("summary", "about"),
    "officer.test": ("overview", "district_pace", "data_quality", "bulletin", "stock", "about"),
    "collector.rpr": ("overview", "district_pace", "bulletin"),
}


@pytest.fixture(scope="module")
def real_app(real_only_url: str, tmp_path_factory: pytest.TempPathFactory):
    """A copy of the real-only database with the test accounts, as the app's database for this module."""
    source = Path(real_only_url.removeprefix("sqlite:///"))
    copy = tmp_path_factory.mktemp("real-app") / "teeka.db"
    shutil.copy(source, copy)
    url = f"sqlite:///{copy}"
    engine = make_engine(url)
    add_accounts(engine)
    engine.dispose()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", url)
        _clear_caches()
        yield url
        _clear_caches()


def run_page(page: str, user: str | None, day: date, lang: str = "en") -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=90)
    app.session_state["lang"] = lang
    if user is not None:
        app.session_state[USER_KEY] = user
    app.session_state["as_of"] = day
    app.run()
    app.switch_page(f"pages/{page}.py")
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def texts(app: AppTest) -> str:
    parts = [m.label + " " + str(m.value) for m in app.metric]
    for kind in ("caption", "info", "warning", "markdown", "code", "subheader", "success"):
        parts += [str(e.value) for e in getattr(app, kind)]
    parts += [d.value.to_csv() for d in app.dataframe]
    parts += [t.value.to_csv() for t in app.table]
    return "\n".join(parts)


CASES = [(user, page, day) for user, pages in PAGES.items() for page in pages for day in DAYS]


@pytest.mark.parametrize(
    ("user", "page", "day"), CASES, ids=[f"{u or 'public'}-{p}-{d.isoformat()}" for u, p, d in CASES]
)
def test_every_page_names_a_source_or_says_what_is_missing(real_app, user, page, day) -> None:
    app = run_page(page, user, day)
    shown = texts(app)
    assert app.session_state["as_of"] == day
    assert any(word in shown for word in SOURCE_WORDS) or app.info, shown[:2000]


def test_the_summary_on_22_june_2021(real_app) -> None:
    app = run_page("summary", None, date(2021, 6, 22))
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Doses on the day"] == "1,25,214"
    assert metrics["All doses to date"] == "66,05,593"  # CoWIN's cumulative as published
    captions = [c.value for c in app.caption]
    assert "on 22 June 2021 · CoWIN" in captions
    assert "Other sources for the day: the health ministry (MoHFW): 1,10,143 (−15,071)." in captions
    assert [i.value for i in app.info][-1].startswith("No district figures for 22 June 2021")


def test_the_summary_in_hindi(real_app) -> None:
    app = run_page("summary", None, date(2021, 6, 22), lang="hi")
    assert "22 जून 2021 को · कोविन" in [c.value for c in app.caption]


def test_9_march_2021_is_a_correction_not_negative_doses(real_app) -> None:
    app = run_page("overview", "officer.test", date(2021, 3, 9))
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Doses"] == "—" and metrics["Total doses"] == "6,00,698"
    shown = texts(app)
    assert "CoWIN: correction: the cumulative fell by 83,734 (a recount, not negative doses)" in shown
    assert "-83,734" not in shown and "−83,734" not in shown


def test_a_district_day_of_cowin_s_district_series(real_app) -> None:
    app = run_page("district_pace", "officer.test", date(2021, 4, 20))
    shown = texts(app)
    assert "The state's centre reports do not cover 20 April 2021." in shown
    assert "Raipur" in shown


def test_after_cowin_s_state_series_the_ministry_s_figures(real_app) -> None:
    app = run_page("overview", "officer.test", date(2021, 10, 24))
    captions = [c.value for c in app.caption]
    assert "On 24 October 2021 · MoHFW" in captions
    assert "Source: the health ministry (MoHFW)." in captions


def test_data_quality_says_there_is_nothing_of_its_own_to_compare(real_app) -> None:
    app = run_page("data_quality", "officer.test", date(2021, 6, 22))
    assert any(i.value.startswith("The state's centre reports do not cover these dates") for i in app.info)
