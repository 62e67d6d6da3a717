"""What the frame asks of the schema (the pages may not import data.db): the database at the code's revision, or
why not (SchemaBehind, SchemaUnknown, SchemaMismatch), and the command that upgrades it."""

from __future__ import annotations

from data.db import app_engine
from data.migrations import UPGRADE_COMMAND, SchemaBehind, SchemaError, SchemaMismatch, SchemaUnknown

__all__ = ["UPGRADE_COMMAND", "SchemaBehind", "SchemaError", "SchemaMismatch", "SchemaUnknown"]


def require_current_schema() -> None:
    """The app's first step: its database at the code's revision (the embedded demo one, or an empty one, is
    upgraded); SchemaBehind (or SchemaUnknown, SchemaMismatch) otherwise. Checked until it passes, then free."""
    app_engine()
