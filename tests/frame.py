"""Running app.py (the frame) on every AppTest run: the one place the tests and benchmarks touch a private
Streamlit class.

A server runs app.py, whose st.navigation turns Streamlit's legacy pages/ mode off for the rest of the process
(pages/_frame.py). AppTest resets PagesManager.uses_pages_directory before every run, and with a pages/ folder
beside app.py that would put every run in legacy mode, where a page runs alone, without the frame. Streamlit
offers no public way to say that a pages/ folder is not a legacy pages directory, so this patches the private
class; checked against Streamlit 1.67.0 (requirements.txt). A Streamlit upgrade that changes PagesManager makes
tests/pages fail here first.
"""

from __future__ import annotations

from collections.abc import Callable


def frame_runs_every_time() -> Callable[[], None]:
    """Make every AppTest run go through app.py, as a server does; returns the function that undoes it."""
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:
        PagesManager.uses_pages_directory = False
        original(self, *args, **kwargs)

    PagesManager.__init__ = init

    def undo() -> None:
        PagesManager.__init__ = original

    return undo
