"""Where newsdeck keeps its files.

Paths are resolved in functions, never at import time, so tests (and users) can
point NEWSDECK_HOME somewhere else after the module is imported.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "newsdeck"


def home_override() -> Path | None:
    value = os.environ.get("NEWSDECK_HOME")
    return Path(value).expanduser() if value else None


def default_db_path() -> Path:
    """The cache holds stars and read state, so it is user data, not disposable cache."""
    home = home_override()
    if home is not None:
        return home / "newsdeck.db"
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME)) / "newsdeck.db"


def default_config_path() -> Path:
    home = home_override()
    if home is not None:
        return home / "config.toml"
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME)) / "config.toml"


def sample_feeds_dir() -> Path:
    """The bundled samples: inside the wheel, or at the top of a source checkout."""
    package = Path(__file__).resolve().parent
    for candidate in (package / "sample_feeds", package.parent / "sample_feeds"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled sample_feeds folder is missing from this install")


def sample_feed_files() -> list[Path]:
    """Feed files among the samples, in a stable order (README and the like are skipped)."""
    try:
        folder = sample_feeds_dir()
    except FileNotFoundError:
        return []
    suffixes = {".xml", ".rss", ".atom", ".json", ".rdf"}
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in suffixes and p.is_file())
