"""Imports: reading files, the contract's rules, the importer, uploads, undo and stock entry."""
