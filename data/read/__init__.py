"""The read side the pages use."""
