"""python -m data.backup dump|restore|compare|drill: the commands, their tables, their messages (no traceback)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from data.backup import drill, store
from data.backup.errors import BackupError, shown, unreachable
from data.backup.manifest import TableCheck, read_manifest
from data.db import database_url
from stats.formatting import indian_number

OK, FAILED, ERROR = 0, 1, 2
"""Exit codes: everything matched; a table differs; the command could not run."""


def _rows(value: int | None) -> str:
    return "—" if value is None else indian_number(value)


def checks_table(checks: list[TableCheck]) -> str:
    """One line per table: rows in the dump, rows restored, the checksum, and ok or what differs."""
    header = ("table", "rows (dump)", "rows (restored)", "checksum", "result")
    lines = [
        (
            check.table,
            _rows(check.expected.rows if check.expected else None),
            _rows(check.found.rows if check.found else None),
            (check.expected or check.found).checksum,  # type: ignore[union-attr]
            "ok" if check.ok else f"MISMATCH: {check.problem}",
        )
        for check in checks
    ]
    widths = [max(len(row[i]) for row in [header, *lines]) for i in range(len(header))]
    aligned = []
    for row in [header, *lines]:
        cells = [
            cell.rjust(w) if i in (1, 2) else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        aligned.append("  ".join(cells).rstrip())
    return "\n".join(aligned)


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{indian_number(n)} bytes"


def verdict(checks: list[TableCheck]) -> tuple[int, str]:
    """Exit code and closing line: the tables that differ are named."""
    failed = [check.table for check in checks if not check.ok]
    if failed:
        return FAILED, f"FAILED: {len(failed)} of {len(checks)} tables differ from the dump: {', '.join(failed)}"
    return OK, f"OK: all {len(checks)} tables match the dump (rows and checksums)"


def cmd_dump(args: argparse.Namespace) -> int:
    dumped = store.dump(args.url, args.to)
    m = dumped.manifest
    print(f"{m.kind} dump: {dumped.path} ({_size(m.dump_bytes)}, {m.seconds:.1f} s)")
    print(f"manifest: {dumped.path.name}.manifest.json ({len(m.tables)} tables, revision {m.revision or 'none'})")
    return OK


def cmd_restore(args: argparse.Namespace) -> int:
    manifest = store.restore(args.path, args.into, force=args.force)
    print(f"restored {args.path} into {shown(database_url(args.into))}")
    checks = store.verify(manifest, args.into)
    print(checks_table(checks))
    code, line = verdict(checks)
    print(line)
    return code


def cmd_compare(args: argparse.Namespace) -> int:
    if not args.path.is_file():
        raise BackupError(f"no dump at {args.path}")
    url = database_url(args.url)
    print(f"{shown(url)} against {args.path}")
    checks = store.verify(read_manifest(args.path), url)
    print(checks_table(checks).replace("rows (restored)", "rows (now)"))
    code, line = verdict(checks)
    print(line.replace("differ from the dump", "changed since the dump"))
    return code


def cmd_drill(args: argparse.Namespace, after_restore: drill.AfterRestore | None = None) -> int:
    url = database_url(args.url)
    store.kind_of(url)
    print(f"drill on {shown(url)}")
    result = drill.run(url, folder=args.keep, after_restore=after_restore)
    print(checks_table(result.checks))
    t = result.timings
    print(
        f"dump {t['dump']:.1f} s ({_size(result.dump_bytes)}), restore {t['restore']:.1f} s, "
        f"compare {t['compare']:.1f} s, total {sum(t.values()):.1f} s"
    )
    code, line = verdict(result.checks)
    print(line)
    return code


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="python -m data.backup", description="Back up, restore, drill.")
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="dump|restore|compare|drill")
    dump = commands.add_parser("dump", help="back up the database and write its manifest beside the dump")
    dump.add_argument(
        "--to",
        type=Path,
        help="the dump file (with a suffix: .dump, .db) or a folder for a dated name (default ./backups/)",
    )
    dump.add_argument("--url", help="database URL (default DATABASE_URL, else the embedded data/teeka.db)")
    dump.set_defaults(run=cmd_dump)
    restore = commands.add_parser("restore", help="restore a dump into an empty database and check it")
    restore.add_argument("path", type=Path, help="the dump (its .manifest.json beside it)")
    restore.add_argument("--into", required=True, help="URL of the target database (PostgreSQL: made if missing)")
    restore.add_argument("--force", action="store_true", help="replace a target that already holds tables")
    restore.set_defaults(run=cmd_restore)
    compare = commands.add_parser("compare", help="compare a database with a dump's manifest, table by table")
    compare.add_argument("path", type=Path, help="the dump (its .manifest.json beside it)")
    compare.add_argument("--url", help="database URL (default DATABASE_URL, else the embedded data/teeka.db)")
    compare.set_defaults(run=cmd_compare)
    drill_parser = commands.add_parser("drill", help="dump, restore into a scratch database, compare every table")
    drill_parser.add_argument("--url", help="database URL (default DATABASE_URL, else the embedded data/teeka.db)")
    drill_parser.add_argument("--keep", type=Path, help="keep the drill's dump in this folder")
    drill_parser.set_defaults(run=cmd_drill)
    return main_parser


def main(argv: list[str] | None = None, run: Callable[[argparse.Namespace], int] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return (run or args.run)(args)
    except BackupError as error:
        print(f"error: {error}", file=sys.stderr)
        return ERROR
    except DBAPIError as error:
        url = database_url(getattr(args, "url", None) or getattr(args, "into", None))
        print(f"error: {unreachable(url, error)}", file=sys.stderr)
        return ERROR
