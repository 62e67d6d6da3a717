"""Alembic's environment: the models' metadata, and the connection data.migrations hands over (or, run by
Alembic's own command line, an engine for DATABASE_URL as data.db makes it)."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString

from data import models  # noqa: F401  (registers every table on SQLModel.metadata)


def render_item(kind: str, item, _context):
    """A revision autogenerate writes says sa.String, not SQLModel's AutoString (the same VARCHAR)."""
    if kind == "type" and isinstance(item, AutoString):
        return "sa.String()" if item.length is None else f"sa.String(length={item.length})"
    return False


OPTIONS = {
    "target_metadata": SQLModel.metadata,
    "compare_type": True,
    "render_as_batch": True,  # SQLite alters a table by copying it
    "render_item": render_item,
}


def run(connection) -> None:
    context.configure(connection=connection, **OPTIONS)
    with context.begin_transaction():
        context.run_migrations()


def main() -> None:
    connection = context.config.attributes.get("connection")
    if context.is_offline_mode():
        from data.db import database_url

        context.configure(url=database_url(), literal_binds=True, **OPTIONS)
        with context.begin_transaction():
            context.run_migrations()
    elif connection is not None:
        run(connection)
    else:
        from data.db import make_engine

        engine = make_engine()
        try:
            with engine.begin() as connection:
                run(connection)
        finally:
            engine.dispose()


if hasattr(context, "config"):  # run by Alembic; imported otherwise (a walk of data/), it does nothing
    main()
