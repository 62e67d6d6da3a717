"""Pure statistics: DataFrames in, DataFrames, numbers, figures or text out. No Streamlit, no I/O."""

STATE = "STATE"
"""The whole state as an area and as the state vaccine store (the same code as data.models.STATE)."""
