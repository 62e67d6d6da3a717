"""Teeka's data layer: models, database, imports, queries and demo data. All SQL lives here."""
