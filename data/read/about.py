"""What the About page says of each source: when it was last imported, the days it covers, how many values."""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select
from sqlmodel import Session

from data.access import EVERYONE
from data.models import STATE, CentreRollup, ImportBatch, PublishedValue, StateDoseRollup
from data.read.query import query
from stats.sources import ORDER

PUBLISHED_KINDS = {"cowin_district": "cowin_district", "cowin": "cowin_state", "mohfw": "mohfw_state"}
"""A published source → the kind of file (data.imports.kinds) that brings it."""
OWN_KINDS = ("doses",)
"""The kinds of file that bring the state's own centre reports (and the demo's batch of them, below)."""
DEMO_REPORTS = ("demo", "demo")
"""(kind, file name) of the demo's batch of centre reports (data.demo; its registry batch is another file name)."""


def _published_filter(source: str, table):
    """The published values of a source: CoWIN's state series, CoWIN's districts, the ministry's."""
    if source == "cowin":
        return and_(table.c.source == "cowin", table.c.area == STATE)
    if source == "cowin_district":
        return and_(table.c.source == "cowin", table.c.area != STATE)
    return table.c.source == "mohfw"


@query(EVERYONE)
def source_imports(session: Session, /) -> list[dict]:
    """One dict per source, in the default order (stats.sources.ORDER): source, imported_at (the last import still
    in force, UTC; None when never imported), first and last (the days its values cover; None without values) and
    values (own reports: one per centre and day that reported; a published series: the figures stored, every
    metric and area).

    A published source's last import is the latest committed batch of its kind of file, or of any file (such as
    the long format) that wrote one of its values; the own reports' the latest batch of daily doses or the
    demo's reports.
    """
    conn = session.connection()
    batch, values = ImportBatch.__table__, PublishedValue.__table__
    in_force = batch.c.status != "undone"
    rows = []
    for source in ORDER:
        if source == "own":
            demo_kind, demo_file = DEMO_REPORTS
            demo_reports = and_(batch.c.kind == demo_kind, batch.c.file_name == demo_file)
            of_source = or_(batch.c.kind.in_(OWN_KINDS), demo_reports)
            state = StateDoseRollup.__table__
            first, last = conn.execute(select(func.min(state.c.date), func.max(state.c.date))).one()
            count = conn.execute(select(func.count()).select_from(CentreRollup.__table__)).scalar_one()
        else:
            where = _published_filter(source, values)
            wrote = select(values.c.batch_id).where(where).distinct()
            of_source = or_(batch.c.kind == PUBLISHED_KINDS[source], batch.c.id.in_(wrote))
            first, last, count = conn.execute(
                select(func.min(values.c.date), func.max(values.c.date), func.count()).where(where)
            ).one()
        imported_at = conn.execute(select(func.max(batch.c.imported_at)).where(in_force, of_source)).scalar_one()
        rows.append(
            {"source": source, "imported_at": imported_at, "first": first, "last": last, "values": int(count or 0)}
        )
    return rows
