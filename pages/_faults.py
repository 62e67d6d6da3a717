"""What the frame (app.py) shows instead of the dashboard when it cannot run: an incomplete configuration (the
missing settings by name, never a value), a database not at the code's schema revision (the command to run), and
a fault (a database outage, any unexpected exception in the frame
or a page) as a short reference, in English and Hindi; the traceback goes only to the server log, with the
same reference."""

from __future__ import annotations

import functools
import logging
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec

import streamlit as st

from data.schema import UPGRADE_COMMAND, SchemaBehind, SchemaError, SchemaUnknown
from stats.labels import LANGS, both, t

log = logging.getLogger("teeka.faults")
P = ParamSpec("P")


def show_configuration(missing: list[str]) -> None:
    """The configuration page: what is missing, in both languages (the frame stops after it)."""
    st.title(both("common.config_title"))
    for lang in LANGS:
        st.error(t("common.config_missing", lang, names=", ".join(missing)), icon=":material/settings:")


def show_schema(error: SchemaError) -> None:
    """The schema page: the database's revision, the code's, and the command that upgrades it, in both languages
    (the frame stops after it)."""
    st.title(both("common.schema_title"))
    for lang in LANGS:
        if isinstance(error, SchemaBehind | SchemaUnknown):
            key = "common.schema_behind" if isinstance(error, SchemaBehind) else "common.schema_unknown"
            current = error.current or t("common.schema_none", lang)
            text = t(key, lang, current=current, head=error.head, command=UPGRADE_COMMAND)
        else:
            text = t("common.schema_mismatch", lang, command=UPGRADE_COMMAND)
        st.error(text, icon=":material/database:")


def reference() -> str:
    """A short reference of one fault (8 hex characters), for the person to quote and the log to find."""
    return secrets.token_hex(4)


PENDING_KEY = "fault_pending"
"""The reference of a fault in a widget callback (which runs before the frame), shown by the frame's next run."""


def _logged(error: Exception) -> str:
    code = reference()
    log.error("fault %s: %s", code, type(error).__name__, exc_info=error)
    return code


def _show(code: str) -> None:
    st.subheader(both("common.fault_title"))
    for lang in LANGS:
        st.error(t("common.fault", lang, reference=code), icon=":material/error:")


@contextmanager
def friendly_faults() -> Iterator[None]:
    """Run the frame and its page; any exception (Streamlit's own rerun and stop pass through: they are not
    Exceptions) becomes the fault message with a reference, logged with its traceback under that reference."""
    pending = st.session_state.pop(PENDING_KEY, None)
    if pending:
        _show(pending)
    try:
        yield
    except Exception as error:
        _show(_logged(error))
        st.button(both("common.fault_again"), key="fault-again")  # any click reruns the app


def guarded(callback: Callable[P, None]) -> Callable[P, None]:
    """A widget callback whose fault is logged and shown by the frame like any other (Streamlit runs callbacks
    before the script, outside the frame's guard, and would show their traceback)."""

    @functools.wraps(callback)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            callback(*args, **kwargs)
        except Exception as error:
            st.session_state[PENDING_KEY] = _logged(error)

    return run
