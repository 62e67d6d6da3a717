"""The read side the pages use: one typed, scoped, cached function per query, grouped by subject.

    from data.read import doses
    history = doses.daily_doses(ctx, end=day)     # ctx: the frame's Context for this rerun

Each query is declared with @query(scope) (data.read.query) right above its definition, so its scope is on
the same screen as its SQL: EVERYONE (the public summary's figures), STAFF (state and district totals),
OFFICER, district(argument) (centre-level detail, narrowed to a collector's own district) or own(argument)
(a collector's own records). Results are cached by data version and arguments. Queries aggregate in the
database (rollups); none returns the fact table whole.

| module | what it answers |
|---|---|
| doses | days with data, doses per day and in total by any breakdown, centres reporting, centre days |
| figures | every source's daily dose figures for the state and the districts, the days any source covers |
| reference | districts, target populations, vaccines and their intervals |
| stock | stock on hand per store, the ledger, the latest movements |
| published | the published cumulative series as stored |
| quality | what the data-quality rules read, and their flags for a day or a range |
| daily | the daily note's frames and figures, the overview's figures of the day |
| pace | the district league table |
| workspace | the last import, the import history, the audit trail, the accounts |
| about | when each source was last imported, the days it covers, the values held |
"""
