"""python -m data.accounts: add, reset, disable, link and list accounts (see data.accounts.users)."""

import sys

from data.accounts.users import main

sys.exit(main())
