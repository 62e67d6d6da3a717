"""Imports: the files of the data contract, checked whole and written all or nothing.

files        reading a CSV or XLSX file into text cells (RawTable)
parse        counts, dates and name keys from a cell's text
cells        the cell rules kinds share (column converter, dates, master names, text, patterns, duplicate keys)
registry     the certificate registry's identity rules (reference id, mobile, ID documents, gender, hashing, masking)
problems     Problem: what is wrong, where, and its message from the catalogue (stats/labels/problems.py)
kind         FileKind, the record of one kind of file, and the Plan it makes
kinds/       one module per kind (or family) building its FileKind; KINDS lists them in detection order
facts        the shared plan, write and undo of the fact-table kinds (doses, stock, published series)
registry_rows  the shared plan and write of the registry kinds (beneficiaries, vaccinations)
importer     import_bytes / import_path (python -m data.load): read, detect, validate, plan, write, audit
undo         undo_import: an import's kind undoes it
uploads      the server's checks of an uploaded file before it is read
bulk         fast column-wise inserts (executemany on SQLite, COPY on PostgreSQL)
stock_entry  the officer's stock form, through the importer
workspace    the workspace pages' commands (preview, commit, undo, stock entry)
"""
