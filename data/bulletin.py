"""The daily press note from the command line:

    python -m data.bulletin --date YYYY-MM-DD [--lang hi|en] [--district NAME] [--source best|own|cowin|mohfw]
                            [--json]

The figures come from the source that stands for the day (stats.sources: by default the state's own reports,
else CoWIN's district or state series, else the health ministry's), and the note names it. With --json every
answer is JSON, errors included ({"error": code, "message": …, "message_hi": …} on standard output, exit 1);
with --lang hi every word is Hindi, errors included. The figures and the note are stats.bulletin's; this module
only fetches them through the read queries.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from sqlmodel import Session

from data.db import make_engine, prepare_command_schema
from data.master import districts as district_lookup
from data.read import daily, figures, reference
from data.settings import require_configuration
from stats import STATE
from stats.bulletin import BulletinFigures, area_for, render
from stats.formatting import long_date
from stats.labels import t
from stats.names import Names
from stats.sources import PINNABLE


class NoteError(Exception):
    """A note that cannot be written: its code and the values of its message."""

    def __init__(self, code: str, key: str, **values: object) -> None:
        super().__init__(code)
        self.code, self.key, self.values = code, key, values

    def message(self, lang: str) -> str:
        values = {k: (v(lang) if callable(v) else v) for k, v in self.values.items()}
        return t(self.key, lang, **values)


def fetch(day: date, district: str | None, source: str) -> tuple[BulletinFigures, Names]:
    """The note's figures and the names it uses; NoteError when there is no note to write."""
    engine = make_engine()
    prepare_command_schema(engine, "python -m data.bulletin")
    try:
        with Session(engine) as session:
            districts = reference.districts.run(session)
            code = STATE
            if district:
                code = district_lookup().resolve(district)
                if code is None:
                    raise NoteError("unknown_district", "note.unknown_district", district=district)
            area = area_for(code, districts)
            found = daily.note_figures.run(session, day=day, area=area, source=source)
            if found is None:
                first, last = figures.figure_span.run(session)
                if last is None:
                    known = lambda lang: t("note.known_none", lang)  # noqa: E731
                else:
                    known = lambda lang: t(  # noqa: E731
                        "note.known_span", lang, first=long_date(first, lang), last=long_date(last, lang)
                    )
                raise NoteError(
                    "no_figures",
                    "note.no_figures",
                    area=lambda lang: area.name_hi if lang == "hi" else area.name_en,
                    date=lambda lang: long_date(day, lang),
                    known=known,
                )
            return found, reference.names.run(session)
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data.bulletin", description="Print the daily press note.")
    parser.add_argument("--date", required=True, type=date.fromisoformat, help="the day, YYYY-MM-DD")
    parser.add_argument("--lang", choices=("en", "hi"), default="en")
    parser.add_argument("--district", help="a district (English or Hindi name, or code); default: the whole state")
    parser.add_argument(
        "--source",
        choices=PINNABLE,
        default=PINNABLE[0],
        help="where the figures come from: best (the state's reports, else CoWIN, else the ministry) or one source",
    )
    parser.add_argument("--json", action="store_true", help="print the figures behind the note as JSON")
    args = parser.parse_args(argv)

    try:
        found, names = fetch(args.date, args.district, args.source)
    except NoteError as error:
        if args.json:
            answer = {"error": error.code, "message": error.message("en"), "message_hi": error.message("hi")}
            json.dump(answer, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            print(error.message(args.lang), file=sys.stderr)
        return 1
    if args.json:
        json.dump(found.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(render(found, args.lang, names=names))
    return 0


if __name__ == "__main__":
    require_configuration("python -m data.bulletin")
    sys.exit(main())
