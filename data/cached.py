"""The app's one engine and its cached loaders, keyed on the data version so an import refreshes them."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine
from sqlmodel import Session

from data import queries
from data.db import create_schema, is_default_database, make_engine


@st.cache_resource(show_spinner=False)
def engine() -> Engine:
    """One engine per server process, with the schema and reference data in place."""
    engine = make_engine()
    create_schema(engine)
    return engine


def session() -> Session:
    return Session(engine())


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
