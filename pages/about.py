"""About the data (every role): the sources and what each counts, the order a figure is taken in, how daily figures
are derived (the numbers stats.sources applies), the known oddities, what is synthetic in the demo, and when each
source was last imported."""

import streamlit as st

from data import demo
from data.read import about, reference
from pages._frame import require_frame
from pages._shared import label
from stats.views import about as view

ctx = require_frame("about")

language = ctx.lang
rules = view.Rules()  # the order and the numbers of stats.sources
names = reference.names(ctx)

st.title(label("about.title"))
st.caption(label("about.intro"))

st.subheader(label("about.sources"))
st.table(view.sources_table(names, language, rules.order), hide_index=True)
st.caption(label("about.credit"))

st.subheader(label("about.order"))
st.markdown(label("about.order_intro"))
st.markdown(view.bullets(view.order_steps(rules.order, language), numbered=True))
st.markdown(label("about.order_pin"))

st.subheader(label("about.derived"))
st.markdown(view.bullets(view.derivation(rules, language)))
st.markdown(f"**{label('about.known_jumps')}**")
st.table(view.known_jumps_table(rules.known_jumps, names, language), hide_index=True)

st.subheader(label("about.oddities"))
st.markdown(label("about.oddities_intro"))
st.markdown(view.bullets(view.oddities(language)))

st.subheader(label("about.demo"))
if demo.is_demo():
    st.info(label("about.demo_running"), icon=":material/science:")
for paragraph in view.demo_paragraphs(language):
    st.markdown(paragraph)

st.subheader(label("about.imports"))
st.table(view.imports_table(about.source_imports(ctx), language), hide_index=True)
st.caption(label("about.imports_help"))
