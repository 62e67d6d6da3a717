"""The daily press note from the command line:

    python -m data.bulletin --date YYYY-MM-DD [--lang hi|en] [--district NAME] [--json]

The figures and the note are stats.bulletin's; this module only fetches their inputs from the database.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from sqlmodel import Session

from data.db import create_schema, make_engine
from data.master import districts as district_lookup
from data.read import daily, doses, quality, reference
from stats import STATE
from stats.bulletin import area_for, bulletin_figures, note_inputs, render, reports_on
from stats.labels import both
from stats.quality import flags_from_frames


def fetch_inputs(day: date, district: str | None) -> tuple[dict, str | None]:
    """Everything the note needs, fetched through the read queries."""
    engine = make_engine()
    create_schema(engine)
    try:
        with Session(engine) as session:
            districts = reference.districts.run(session)
            code = STATE
            if district:
                code = district_lookup().resolve(district)
                if code is None:
                    return {}, both("note.unknown_district", district=district)
            area = area_for(code, districts)
            frames = daily.bulletin_frames.run(session, day=day, area=area.code)
            if not reports_on(day, frames):
                first, last = doses.date_range.run(session)
                known = f" Data runs from {first} to {last}." if last else " No doses have been imported yet."
                return {}, f"No doses are reported for {area.name_en} on {day.isoformat()}.{known}"
            checks = quality.quality_frames.run(session, day=day)
            names = reference.names.run(session)
    finally:
        engine.dispose()
    return note_inputs(day, area, frames, flags_from_frames(day, STATE, checks)) | {"names": names}, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data.bulletin", description="Print the daily press note.")
    parser.add_argument("--date", required=True, type=date.fromisoformat, help="the day, YYYY-MM-DD")
    parser.add_argument("--lang", choices=("en", "hi"), default="en")
    parser.add_argument("--district", help="a district (English or Hindi name, or code); default: the whole state")
    parser.add_argument("--json", action="store_true", help="print the figures behind the note as JSON")
    args = parser.parse_args(argv)

    inputs, error = fetch_inputs(args.date, args.district)
    if error:
        print(error, file=sys.stderr)
        return 1
    figures = bulletin_figures(args.date, **inputs)
    if args.json:
        json.dump(figures.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(render(figures, args.lang, names=inputs["names"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
