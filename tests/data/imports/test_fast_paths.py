"""The import's fast paths give what the general ones give: a CSV read in one go (data.imports.files._csv_table)
against record by record, each row's first value of its key (data.imports.cells.first_in_file), the garbage
collector paused for an import (data.imports.importer.collector_paused) and left as it was, and the stored centres
of a file naming many read in one query (data.imports.kinds.doses.stored_centres), and the corrections' keys
written a column at a time as json.dumps writes them (data.imports.facts.natural_key_texts)."""

from __future__ import annotations

import gc
import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine

from data.imports import files
from data.imports.cells import first_in_file
from data.imports.facts import natural_key_texts
from data.imports.files import read_table
from data.imports.importer import collector_paused
from data.imports.kinds import doses
from tests.files import doses_csv, run_import

HEADER = "date,district,centre_code,centre_name,age_band,dose_number,vaccine,doses"
GOOD = "2021-06-22,Raipur,RPR-PHC-01,PHC Mana,18-44,1,Covishield,5"
OTHER = "2021-06-22,Raipur,RPR-PHC-02,PHC Arang,45-59,2,Covaxin,7"
TWO_LINES = GOOD.replace("PHC Mana", '"PHC\nMana"')


@pytest.mark.parametrize(
    ("text", "lines", "fast"),
    [
        (f"{HEADER}\r\n{GOOD}\r\n{OTHER}\r\n", [2, 3], True),
        (f"\ufeff{HEADER}\n{GOOD}\n{OTHER}", [2, 3], True),  # BOM, no line break at the end
        (f"{HEADER}\r{GOOD}\r{OTHER}\r", [2, 3], True),  # old Mac line breaks
        (f"{HEADER},\n{GOOD},\n{OTHER},\n", [2, 3], False),  # an empty ninth column: ignored, record by record
        (f"{HEADER}\n{TWO_LINES}\n{OTHER}\n", [2, 4], False),  # a cell over two lines
        (f"{HEADER}\n{GOOD}\n\n{OTHER}\n", [2, 4], False),  # a blank line
        (f"{HEADER}\n{GOOD}\n,,,,,,,\n{OTHER}\n", [2, 4], True),  # a row of empty cells
        (f"{HEADER}\n2021-06-22,Raipur\n{OTHER}\n", [2, 3], False),  # a short row
        (f"{HEADER}\n{GOOD},,\n{OTHER}\n", [2, 3], False),  # empty cells beyond the header
    ],
    ids=["crlf", "bom", "cr", "empty ninth", "multi-line cell", "blank line", "empty row", "short row", "wide row"],
)
def test_a_csv_read_in_one_go_is_read_as_record_by_record(
    monkeypatch: pytest.MonkeyPatch, text: str, lines: list[int], fast: bool
) -> None:
    content = text.encode("utf-8")
    assert (files._csv_table(content) is not None) == fast
    table, problems = read_table(content, "f.csv")
    monkeypatch.setattr(files, "_csv_table", lambda content: None)
    slow, slow_problems = read_table(content, "f.csv")
    assert problems == slow_problems == []
    assert table.columns == slow.columns
    assert table.frame["_row"].tolist() == lines
    pd.testing.assert_frame_equal(table.frame, slow.frame)


PLAIN = st.text(alphabet=st.sampled_from(list("ab -1स्टॉक")), max_size=6)
TRICKY = st.text(alphabet=st.sampled_from(list('ab ,"\n\r\t\ufeff\x00स्टॉक1-')), max_size=6)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    """A CSV, mostly of plain cells in rows of the header's width: now and then a cell with quotes, separators, line
    breaks, NUL or a BOM, a short or wide row, a blank line; any line ending, with or without a BOM."""
    header = draw(st.lists(st.sampled_from(["date", "doses", " Vaccine ", "a b", '"x"', ""]), min_size=1, max_size=4))
    records = [",".join(header)]
    for _ in range(draw(st.integers(0, 5))):
        width = draw(st.sampled_from([len(header)] * 8 + [0, len(header) - 1, len(header) + 1]))
        cells = [draw(st.one_of(PLAIN, PLAIN, PLAIN, TRICKY)) for _ in range(max(width, 0))]
        records.append(",".join(_quoted(cell) for cell in cells))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = ("\ufeff" if draw(st.booleans()) else "") + ending.join(records) + (ending if draw(st.booleans()) else "")
    return text.encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(content=csv_files())
def test_any_csv_reads_the_same_in_one_go_and_record_by_record(content: bytes) -> None:
    """The one-go reader either declines (None) or gives exactly what the record-by-record reader gives."""
    fast = read_table(content, "f.csv")
    original = files._csv_table
    try:
        files._csv_table = lambda content: None
        slow = read_table(content, "f.csv")
    finally:
        files._csv_table = original
    assert fast[1] == slow[1]
    if fast[0] is None or slow[0] is None:
        assert fast[0] is slow[0] is None
        return
    assert fast[0].columns == slow[0].columns
    pd.testing.assert_frame_equal(fast[0].frame, slow[0].frame)


def _quoted(cell: str) -> str:
    """A cell as a spreadsheet writes it: quoted (quotes doubled) when it holds a separator, quote or line break;
    now and then a quote left bare, as hand-made files have."""
    if cell.startswith("a"):
        return cell  # as typed, stray quotes and all
    if any(mark in cell for mark in ',"\n\r'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def test_a_csv_of_more_rows_than_the_cap_is_refused_in_one_go_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_ROWS", 2)
    assert files._csv_table(f"{HEADER}\n{GOOD}\n{OTHER}\n".encode()) is not None
    content = f"{HEADER}\n{GOOD}\n{OTHER}\n{GOOD}\n".encode()
    assert files._csv_table(content) is None
    assert [p.rule for p in read_table(content, "f.csv")[1]] == ["too_many_rows"]


@pytest.mark.parametrize(
    ("keys", "values", "expected"),
    [
        (["a", "b", "a", "c", "b"], ["x", "y", "z", "w", "v"], ["x", "y", "x", "w", "y"]),
        (["a"], ["x"], ["x"]),
        ([], [], []),
    ],
    ids=["repeated keys", "one row", "no rows"],
)
def test_first_in_file(keys: list[str], values: list[str], expected: list[str]) -> None:
    got = first_in_file(pd.Series(keys, dtype=object), pd.Series(values, dtype=object))
    assert got.tolist() == expected


@pytest.mark.parametrize("enabled", [True, False], ids=["on", "off"])
def test_the_collector_is_paused_and_left_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(ZeroDivisionError), collector_paused():
            assert not gc.isenabled()
            _ = 1 / 0
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_the_stored_centres_of_many_codes_are_those_of_few(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"centre_code": f"RPR-{n}", "centre_name": f"PHC {n}"} for n in range(5)]
    rows.append({"district": "Durg", "centre_code": "DRG-1", "centre_name": "PHC Durg"})
    assert run_import(engine, doses_csv(rows)).status == "committed"
    codes = ["RPR-0", "RPR-3", "DRG-1", "NOT-STORED"]
    with engine.connect() as conn:
        few = doses.stored_centres(codes, conn)
        monkeypatch.setattr(doses, "READ_EVERY_CENTRE", 2)  # 4 codes: every centre read, then kept if named
        many = doses.stored_centres(codes, conn)
    assert many == few
    assert sorted(few) == ["DRG-1", "RPR-0", "RPR-3"]
    assert (few["DRG-1"].district_code, few["DRG-1"].name) == ("DRG", "PHC Durg")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.dates(), st.text(max_size=8), st.integers(-(2**63), 2**63 - 1), st.sampled_from(["18-44", "60+"])),
        min_size=1,
        max_size=20,
    )
)
def test_natural_key_texts_are_what_json_dumps_writes(rows: list[tuple]) -> None:
    """Quotes, backslashes, control characters, Devanagari, any integer: the corrections' keys as json.dumps
    writes them, so undo (json.loads) reads them back."""
    key = ["date", "centre_code", "dose_number", "age_band"]
    frame = pd.DataFrame(rows, columns=key).astype({"date": object, "centre_code": object})
    expected = [
        json.dumps({"date": d.isoformat(), "centre_code": c, "dose_number": n, "age_band": b}, ensure_ascii=False)
        for d, c, n, b in rows
    ]
    assert natural_key_texts(frame, key) == expected
