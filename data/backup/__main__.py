"""python -m data.backup dump|restore|compare|drill (see data.backup.cli)."""

import sys

from data.backup.cli import main

sys.exit(main())
