"""python -m data.certificates: issue, verify, jwks (see data.certificates.issue)."""

import sys

from data.certificates.issue import main

sys.exit(main())
