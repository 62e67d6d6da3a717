"""The public CoWIN and health-ministry files in their own wide layouts (one row per date, one column per
metric), as in ../shared/data/real/: every figure becomes one row of the long format, stored as published series."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from data import master as reference
from data.imports.files import RawTable, header_key
from data.imports.kind import FileKind
from data.imports.kinds import series
from data.imports.problems import Problem
from data.models import STATE


@dataclass(frozen=True)
class WideLayout:
    """A wide layout: its identifying columns (every other column is a metric) and where a row's area comes from."""

    id_columns: tuple[str, ...]
    source: str
    area_columns: tuple[str, ...] = ()
    """The area is the first of these cells that is not empty; none: the state."""
    area_label: str = "State"
    """The column problems about the area name."""

    def validate(self, table: RawTable, today: date) -> tuple[pd.DataFrame, list[Problem]]:
        """Every figure as one (source, area, date, metric, value) of the published series."""
        problems: list[Problem] = []
        long, labels = self._long(table, problems)
        if long.empty and not problems:  # every figure is empty: nothing to store
            return long, [Problem(1, None, None, "no_rows")]
        return series.typed_series(long, labels, problems, table, today)

    def _long(self, table: RawTable, problems: list[Problem]) -> tuple[pd.DataFrame, dict]:
        frame = table.frame
        frame = frame.assign(**{c: frame[c].str.strip() for c in frame.columns if c != "_row"})  # wide files are small
        date_column = "date" if "date" in frame.columns else self.id_columns[1]
        metrics = [c for c in table.columns if header_key(c) not in self.id_columns]
        state_name = reference.state_names()[0]
        for row, state in zip(frame["_row"], frame["state"], strict=True):
            if not series.is_state(state):
                problems.append(Problem(int(row), "State", state, "wrong_state", state_name))
        if self.area_columns:
            area = frame[self.area_columns[0]]
            for column in self.area_columns[1:]:
                area = area.where(area != "", frame[column])
        else:
            area = pd.Series(STATE, index=frame.index)
        parts = []
        for metric in metrics:
            cells = frame[header_key(metric)]
            present = cells != ""
            parts.append(
                pd.DataFrame(
                    {
                        "_row": frame.loc[present, "_row"],
                        "source": self.source,
                        "area": area[present],
                        "date": frame.loc[present, date_column],
                        "metric": metric,
                        "value": cells[present],
                    }
                )
            )
        long = (
            pd.concat(parts, ignore_index=True)
            if parts
            else pd.DataFrame(columns=["_row", "source", "area", "date", "metric", "value"])
        )
        long = long.astype({"_row": "int64"}).reset_index(drop=True)
        return long, {"area": self.area_label, "date": date_column, "value": long["metric"]}


def _published(*, code: str, columns: tuple[str, ...], title: str, layout: WideLayout) -> FileKind:
    """A wide layout's record: read its own way, stored as published series."""
    return FileKind(
        code=code,
        columns=columns,
        title=title,
        table=series.FACTS.table,
        key=series.FACTS.table_key,
        values=(series.FACTS.value,),
        validate=layout.validate,
        plan=series.FACTS.plan,
        write=series.FACTS.write,
        undo=series.FACTS.undo,
    )


COWIN_STATE = _published(
    code="cowin_state",
    columns=("updated on", "state", "total doses administered", "first dose administered"),
    title="kinds.cowin_state",
    layout=WideLayout(id_columns=("date", "updated on", "state"), source="cowin"),
)
COWIN_DISTRICT = _published(
    code="cowin_district",
    columns=("source_date", "state", "district", "cowin_key", "first dose administered", "second dose administered"),
    title="kinds.cowin_district",
    layout=WideLayout(
        id_columns=("date", "source_date", "s_no", "state_code", "state", "district_key", "cowin_key", "district"),
        source="cowin",
        area_columns=("district", "cowin_key"),
        area_label="district",
    ),
)
MOHFW_STATE = _published(
    code="mohfw_state",
    columns=("vaccinated as of", "state", "first dose administered", "total doses administered"),
    title="kinds.mohfw_state",
    layout=WideLayout(id_columns=("date", "vaccinated as of", "state"), source="mohfw"),
)
