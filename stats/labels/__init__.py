"""Every visible label in English and Hindi, from one catalogue: t("key", lang, **values).

Each page has a module of its own here (common.py holds what the frame and several pages share);
a key is "<module>.<name>", e.g. t("overview.title", "hi").
"""

from __future__ import annotations

from importlib import import_module

LANGS = ("en", "hi")
MODULES = (
    "common",
    "overview",
    "district_pace",
    "data_quality",
    "quality",
    "note",
    "sms",
    "demo",
    "bulletin",
    "certificate",
    "verify",
    "workspace",
    "summary",
    "about",
    "upload",
    "stock",
    "users",
    "audit_trail",
    "problems",
    "kinds",
    "imports",
    "sources",
    "published",
)


def _catalogue() -> dict[str, tuple[str, str]]:
    entries: dict[str, tuple[str, str]] = {}
    for name in MODULES:
        try:
            module = import_module(f"stats.labels.{name}")
        except ModuleNotFoundError:
            continue
        for key, pair in module.LABELS.items():
            entries[f"{name}.{key}"] = pair
    return entries


CATALOGUE = _catalogue()


def t(key: str, lang: str = "en", **values: object) -> str:
    """The label in the language, with {placeholders} filled; an unknown key raises KeyError."""
    english, hindi = CATALOGUE[key]
    text = hindi if lang == "hi" else english
    return text.format(**values) if values else text


def both(key: str, **values: object) -> str:
    """English and Hindi side by side, for places shown before a language is chosen."""
    return f"{t(key, 'en', **values)} · {t(key, 'hi', **values)}"
