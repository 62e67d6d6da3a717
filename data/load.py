"""python -m data.load [--dry-run] [--json] [--user NAME] FILE...: import files (see data.imports.importer)."""

import sys

from data.imports.importer import main
from data.settings import require_configuration

if __name__ == "__main__":
    require_configuration("python -m data.load")
    sys.exit(main())
