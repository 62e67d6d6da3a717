"""The restore drill: dump the configured database, restore the dump into a scratch database (PostgreSQL: a fresh
database on the same server, dropped afterwards; SQLite: a temporary file), compare every table."""

from __future__ import annotations

import secrets
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from data.backup import store
from data.backup.manifest import TableCheck
from data.databases import drop_database, sibling_url
from data.db import database_url

AfterRestore = Callable[[str], None]
"""Called with the scratch database's URL between restore and comparison (tests tamper with the copy here)."""


@dataclass(frozen=True)
class DrillResult:
    kind: str
    dump_path: Path
    dump_bytes: int
    timings: dict[str, float]  # dump, restore, compare (seconds)
    checks: list[TableCheck]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def failed(self) -> list[TableCheck]:
        return [check for check in self.checks if not check.ok]


def run(url: str | None = None, folder: Path | None = None, after_restore: AfterRestore | None = None) -> DrillResult:
    """Dump, restore into scratch, compare; the scratch database is always removed. Dumps go to `folder` (default
    a temporary folder, removed too)."""
    url = database_url(url)
    kind = store.kind_of(url)
    with tempfile.TemporaryDirectory(prefix="teeka-drill-") as temporary:
        work = folder or Path(temporary)
        timings: dict[str, float] = {}
        started = time.perf_counter()
        dumped = store.dump(url, to=work)
        timings["dump"] = time.perf_counter() - started
        if kind == "sqlite":
            scratch = f"sqlite:///{Path(temporary) / 'scratch.db'}"
        else:
            scratch = sibling_url(url, f"teeka_drill_{secrets.token_hex(4)}")
        try:
            started = time.perf_counter()
            store.restore(dumped.path, scratch)
            timings["restore"] = time.perf_counter() - started
            if after_restore is not None:
                after_restore(scratch)
            started = time.perf_counter()
            checks = store.verify(dumped.manifest, scratch)
            timings["compare"] = time.perf_counter() - started
        finally:
            if kind == "postgresql":
                drop_database(scratch)
    return DrillResult(kind, dumped.path, dumped.manifest.dump_bytes, timings, checks)
