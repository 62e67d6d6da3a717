"""Plotly figures of the pages (pure; no Streamlit)."""
