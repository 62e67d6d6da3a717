"""Teeka's data layer: models, database, access, reads, imports, certificates, accounts, demo. All SQL is here."""
