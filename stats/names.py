"""Districts and vaccines by code, named in the user's language (from data.read.reference.districts and
data.read.reference.vaccine_intervals: code, name_en, name_hi)."""

from __future__ import annotations

import pandas as pd


def _names(frame: pd.DataFrame, lang: str) -> dict[str, str]:
    column = "name_hi" if lang == "hi" else "name_en"
    return dict(zip(frame["code"], frame[column], strict=True))


def district_options(districts: pd.DataFrame, lang: str = "en") -> dict[str, str]:
    """District code → name in the language, in alphabetical order of the names (for a selectbox)."""
    return dict(sorted(_names(districts, lang).items(), key=lambda item: item[1]))


def vaccine_names(vaccines: pd.DataFrame, lang: str = "en") -> dict[str, str]:
    """Vaccine code → name in the language."""
    return _names(vaccines, lang)
