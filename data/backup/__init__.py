"""Backups with a restore drill: `python -m data.backup dump|restore|compare|drill`.

Modules: checksum (row counts and order-independent table checksums, streamed), manifest (the JSON beside a dump,
and comparing a database with it), sqlite and postgres (each kind's dump and restore), store (either kind), drill
(dump, restore into scratch, compare), cli (the commands and their messages).
"""
