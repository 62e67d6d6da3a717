"""python -m data.demo: fill the embedded database with demo data (see data.demo)."""

import sys

from data.demo import main

sys.exit(main())
