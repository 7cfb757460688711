"""Errors the front-ends turn into one clear line (never a traceback)."""

from __future__ import annotations


class NewsdeckError(Exception):
    """Something the user can fix: the message names the thing and the reason."""


class ConfigError(NewsdeckError):
    pass


class InputFileError(NewsdeckError):
    """A file given on the command line is missing or cannot be read."""


class FeedNotFound(NewsdeckError):
    pass
