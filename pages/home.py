"""Landing page: what the database holds, as of which date, and the state's totals."""

import plotly.express as px
import streamlit as st

from data import cached
from stats.formatting import indian_number, long_date

st.title("Teeka · टीका")
st.caption("Chhattisgarh COVID-19 vaccination · छत्तीसगढ़ कोविड-19 टीकाकरण")

first, last = cached.load("date_range")
if last is None:
    st.info("No doses have been imported yet. · अभी तक कोई खुराक आयात नहीं हुई है।")
    st.stop()

st.markdown(
    f"**Data as of {long_date(last)} · आँकड़े {long_date(last, 'hi')} तक** "
    f"(from {long_date(first)} · {long_date(first, 'hi')} से)"
)
latest = cached.load("last_import")
if latest:
    st.caption(
        f"Last import · अंतिम आयात: #{latest['id']} {latest['file_name']} "
        f"({latest['kind']}), {latest['imported_at']:%Y-%m-%d %H:%M} UTC, {latest['imported_by']}"
    )

by_dose = cached.load("total_doses", by=("dose_number",)).set_index("dose_number")["doses"]
total = int(by_dose.sum())
columns = st.columns(4)
cards = [
    ("Total doses · कुल खुराकें", total),
    ("First doses · पहली खुराक", int(by_dose.get(1, 0))),
    ("Second doses · दूसरी खुराक", int(by_dose.get(2, 0))),
    ("Precaution doses · एहतियाती खुराक", int(by_dose.get(3, 0))),
]
for column, (label, value) in zip(columns, cards, strict=True):
    column.metric(label, indian_number(value))

daily = cached.load("daily_doses")
figure = px.bar(
    daily,
    x="date",
    y="doses",
    labels={"date": "Date · तारीख़", "doses": "Doses · खुराकें"},
    title="Doses per day · प्रतिदिन खुराकें",
)
figure.update_layout(separators=".,", yaxis_tickformat=",d")
tab_chart, tab_table = st.tabs(["Chart · चार्ट", "Table · तालिका"])
tab_chart.plotly_chart(figure, width="stretch")
tab_table.dataframe(daily, width="stretch", hide_index=True)
