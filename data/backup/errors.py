"""The one error the backup commands report as a message (never a traceback), and the wording of a database
that does not answer."""

from __future__ import annotations

import re

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError


class BackupError(Exception):
    """Something an operator can act on: a missing tool, an unreachable database, a refused target."""


def shown(url: str) -> str:
    """A database URL fit to print: the password hidden (also in a URL SQLAlchemy cannot read)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def unreachable(url: str, error: Exception) -> BackupError:
    """The error for a database that refused or did not answer."""
    detail = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    first = str(detail).strip().splitlines()[0] if str(detail).strip() else type(detail).__name__
    if isinstance(error, OperationalError):
        return BackupError(f"cannot reach the database at {shown(url)}: {first}")
    return BackupError(f"the database at {shown(url)} refused: {first}")
