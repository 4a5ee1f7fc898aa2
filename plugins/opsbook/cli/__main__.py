"""`python -m opsbook.cli`: the same as the `opsbook` command."""

import sys

from . import main

sys.exit(main())
