"""Errors the front-ends turn into one clear line (never a traceback)."""

from __future__ import annotations

from pathlib import Path


class NewsdeckError(Exception):
    """Something the user can fix: the message names the thing and the reason."""


class ConfigError(NewsdeckError):
    pass


class InputFileError(NewsdeckError):
    """A file given on the command line is missing or cannot be read."""


class FeedNotFound(NewsdeckError):
    pass


def read_input_file(path: Path, kind: str) -> bytes:
    """Read a file the user named, turning every OS failure into one line naming it."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputFileError(f"{path}: is a folder, not {kind}") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
