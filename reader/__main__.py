"""Let ``python -m reader`` behave exactly like the ``newsdeck`` command."""

import sys

from reader.cli import main

sys.exit(main())
