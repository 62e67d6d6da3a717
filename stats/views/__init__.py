"""Page view-models: what each page shows, worked out from frames (pure; no Streamlit)."""
