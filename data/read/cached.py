"""The app's one engine and its cached loaders, keyed on the data version so an import refreshes them.

Every loader runs in the scope of the signed-in viewer (data.access): the frame puts the viewer it checked
on this rerun in session state, each query is checked and narrowed by access.scoped_kwargs, and the
viewer's role and district are part of every cache key, so a result cached for one district's collector is
never served to another's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from importlib import import_module

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine
from sqlmodel import Session

from data.access import PUBLIC, Viewer, scoped_kwargs
from data.db import create_schema, is_default_database, make_engine
from data.models import STATE
from data.read import queries
from stats.quality import Flag, flags_from_frames


@st.cache_resource(show_spinner=False, on_release=lambda engine: engine.dispose())
def engine() -> Engine:
    """One engine per server process, with the schema and reference data in place."""
    engine = make_engine()
    create_schema(engine)
    return engine


def session() -> Session:
    return Session(engine())


def in_session(function: Callable, /, *args: object, **kwargs: object) -> object:
    """function(*args, session=<a new session>, **kwargs): one unit of work for a page, which holds no session."""
    with session() as s:
        return function(*args, session=s, **kwargs)


def ensure_demo_data(progress: Callable[[float, str], None] | None = None) -> bool:
    """Fill the embedded database with demo data on first start; never touches a configured database."""
    if not is_default_database():
        return False
    from data.accounts.users import ensure_demo_accounts
    from data.demo import ensure_demo

    loaded = ensure_demo(engine(), progress=progress)
    in_session(ensure_demo_accounts)
    if loaded:
        clear()
    return loaded


def is_demo() -> bool:
    """True when the app runs on the embedded demo database."""
    return is_default_database()


def demo_accounts() -> list:
    """The documented demo accounts (data.accounts.users.DEMO_ACCOUNTS); none outside the demo."""
    if not is_demo():
        return []
    from data.accounts.users import DEMO_ACCOUNTS

    return list(DEMO_ACCOUNTS)


def demo_people() -> list:
    """The demo's documented registrations (data.demo.DemoPerson: reference id, mobile, name); none outside
    the demo."""
    if not is_demo():
        return []
    from data.demo import demo_people

    return demo_people()


def data_version() -> str:
    with session() as s:
        return queries.data_version(session=s)


VIEWER_KEY = "viewer"
"""Session-state key of the Viewer the frame (app.py) checked on this rerun."""


def viewer() -> Viewer:
    """Who is looking, as the frame checked it on this rerun (public when nobody is signed in)."""
    current = st.session_state.get(VIEWER_KEY)
    return current if isinstance(current, Viewer) else PUBLIC


@st.cache_data(show_spinner=False, max_entries=256)
def _cached(version: str, scope: tuple, name: str, kwargs: tuple) -> pd.DataFrame | object:
    with session() as s:
        return getattr(queries, name)(session=s, **dict(kwargs))


def load(name: str, **kwargs) -> pd.DataFrame | object:
    """data.read.queries.<name>(**kwargs) as the viewer may see it (AccessDenied otherwise), cached until the next
    import changes the data version."""
    current = viewer()
    allowed = scoped_kwargs(current, name, kwargs)
    arguments = tuple(sorted(allowed.items()))
    return _cached(data_version(), current.scope, name, arguments)


def clear() -> None:
    """Forget every cached result (after an import)."""
    _cached.clear()
    _day_flags.clear()
    _computed.clear()


@st.cache_data(show_spinner=False, max_entries=64)
def _day_flags(version: str, scope: tuple, day: date) -> list[Flag]:
    return flags_from_frames(day, STATE, load("quality_frames", day=day))


def day_flags(day: date) -> list[Flag]:
    """Every data-quality flag of the day, state-wide (centres: as far as the viewer sees them), worked out
    once per day, data version and scope (it takes a good part of a second at state scale; the overview and
    the bulletin share it)."""
    return _day_flags(data_version(), viewer().scope, day)


@st.cache_data(show_spinner=False, max_entries=64)
def _computed(version: str, scope: tuple, function: str, args: tuple, kwargs: tuple) -> object:
    module, name = function.rsplit(".", 1)
    return getattr(import_module(module), name)(*args, **dict(kwargs))


def computed(function: str, *args: object, **kwargs: object) -> object:
    """stats function (dotted name) of cached frames, kept until the data version changes.

    For page computations that take a noticeable time on a year of data (flags over a range, the league
    table); arguments must be hashable by st.cache_data (frames, dates, strings, tuples, dicts).
    """
    return _computed(data_version(), viewer().scope, function, args, tuple(sorted(kwargs.items())))
