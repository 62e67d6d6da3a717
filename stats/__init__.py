"""Pure statistics: DataFrames in, DataFrames, numbers, figures or text out. No Streamlit, no I/O."""
