"""python -m data.certificates: issue, verify, jwks (see data.certificates.issue)."""

import sys

from data.certificates.issue import main
from data.settings import require_configuration

require_configuration("python -m data.certificates")
sys.exit(main())
