"""The app's one engine and its cached loaders, keyed on the data version so an import refreshes them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from importlib import import_module

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine
from sqlmodel import Session

from data import queries
from data.db import create_schema, is_default_database, make_engine
from data.models import STATE
from stats.quality import Flag, flags_from_frames


@st.cache_resource(show_spinner=False)
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
    from data.demo import ensure_demo

    loaded = ensure_demo(engine(), progress=progress)
    if loaded:
        clear()
    return loaded


def is_demo() -> bool:
    """True when the app runs on the embedded demo database."""
    return is_default_database()


def demo_people() -> list[tuple[str, str, str]]:
    """The demo's documented registrations (reference id, mobile, name); none outside the demo."""
    if not is_demo():
        return []
    from data.demo import demo_people

    return [tuple(person) for person in demo_people()]


def data_version() -> str:
    with session() as s:
        return queries.data_version(session=s)


@st.cache_data(show_spinner=False, max_entries=256)
def _cached(version: str, name: str, kwargs: tuple) -> pd.DataFrame | object:
    with session() as s:
        return getattr(queries, name)(session=s, **dict(kwargs))


def load(name: str, **kwargs) -> pd.DataFrame | object:
    """Call data.queries.<name>(**kwargs), cached until the next import changes the data version."""
    return _cached(data_version(), name, tuple(sorted(kwargs.items())))


def clear() -> None:
    """Forget every cached result (after an import)."""
    _cached.clear()
    _day_flags.clear()
    _computed.clear()


@st.cache_data(show_spinner=False, max_entries=64)
def _day_flags(version: str, day: date) -> list[Flag]:
    return flags_from_frames(day, STATE, load("quality_frames", day=day))


def day_flags(day: date) -> list[Flag]:
    """Every data-quality flag of the day, state-wide, worked out once per day and data version (it takes a
    good part of a second at state scale; the overview and the bulletin share it)."""
    return _day_flags(data_version(), day)


@st.cache_data(show_spinner=False, max_entries=64)
def _computed(version: str, function: str, args: tuple, kwargs: tuple) -> object:
    module, name = function.rsplit(".", 1)
    return getattr(import_module(module), name)(*args, **dict(kwargs))


def computed(function: str, *args: object, **kwargs: object) -> object:
    """stats function (dotted name) of cached frames, kept until the data version changes.

    For page computations that take a noticeable time on a year of data (flags over a range, the league
    table); arguments must be hashable by st.cache_data (frames, dates, strings, tuples, dicts).
    """
    return _computed(data_version(), function, args, tuple(sorted(kwargs.items())))
