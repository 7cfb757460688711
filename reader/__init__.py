"""newsdeck: a keyboard-driven terminal news reader.

The import package is ``reader``; the distribution and the command are ``newsdeck``.
Everything outside ``reader.tui`` is free of Textual so the CLI starts fast and the
core can be tested and reused without a terminal.
"""

__version__ = "0.1.0"
PROJECT_URL = "https://github.com/newsdeck/newsdeck"
