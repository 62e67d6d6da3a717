"""python -m data.accounts: add, reset, disable, link and list accounts (see data.accounts.users)."""

import sys

from data.accounts.users import main
from data.settings import require_configuration

require_configuration("python -m data.accounts")
sys.exit(main())
