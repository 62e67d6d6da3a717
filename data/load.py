"""python -m data.load [--dry-run] [--json] [--user NAME] FILE...: import files (see data.imports.importer)."""

import sys

from data.imports.importer import main

if __name__ == "__main__":
    sys.exit(main())
