"""config.toml: every key optional, every mistake named.

A typo in a config key silently doing nothing is the worst kind of bug for a
keyboard-driven app (the user's binding just "doesn't work"), so unknown keys
and wrong types are errors that name the file and the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.errors import ConfigError

# section -> key -> (python type(s), default). Types are checked strictly.
_SCHEMA: dict[str, dict[str, tuple[tuple[type, ...], Any]]] = {
    "reader": {
        "mark_read_on_open": ((bool,), True),
        "refresh_on_start": ((bool,), False),
        "theme": ((str,), None),
        "sidebar": ((bool,), True),
        "browser": ((str,), None),
    },
    "fetch": {
        "max_connections": ((int,), 16),
        "max_per_host": ((int,), 4),
        "connect_timeout": ((int, float), 10.0),
        "timeout": ((int, float), 30.0),
        "max_body_mb": ((int, float), 10),
        "max_backoff_hours": ((int, float), 24),
        "user_agent": ((str,), None),
    },
}
_POSITIVE = {
    "fetch.max_connections",
    "fetch.max_per_host",
    "fetch.connect_timeout",
    "fetch.timeout",
    "fetch.max_body_mb",
    "fetch.max_backoff_hours",
}
_FEED_KEYS: dict[str, tuple[type, ...]] = {"full_text": (bool,)}


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    mark_read_on_open: bool = True
    refresh_on_start: bool = False
    theme: str | None = None
    sidebar: bool = True
    browser: str | None = None
    max_connections: int = 16
    max_per_host: int = 4
    connect_timeout: float = 10.0
    timeout: float = 30.0
    max_body_mb: float = 10
    max_backoff_hours: float = 24
    user_agent: str | None = None
    keys: dict[str, str] = field(default_factory=dict)  # binding id -> keys
    feeds: dict[str, dict[str, Any]] = field(default_factory=dict)  # feed URL -> settings

    @property
    def max_body_bytes(self) -> int:
        return int(self.max_body_mb * 1024 * 1024)

    def feed_full_text(self, url: str) -> bool:
        return bool(self.feeds.get(url, {}).get("full_text", False))


def _type_name(types: tuple[type, ...]) -> str:
    names = {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}
    return " or ".join(dict.fromkeys(names[t] for t in types))


def load_config(path: Path | None) -> Config:
    """Read the config file; a missing file simply means all defaults."""
    if path is None or not path.exists():
        return Config(path=path)
    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{where}: cannot read: {exc}") from None

    values: dict[str, Any] = {}
    for section, body in data.items():
        if section == "keys":
            if not isinstance(body, dict):
                raise ConfigError(f'{where}: [keys] must be a table of binding id = "keys"')
            for key, value in body.items():
                if not isinstance(value, str) or not value.strip():
                    raise ConfigError(
                        f'{where}: keys.{key} must be a string of keys such as "j,down"'
                    )
            values["keys"] = dict(body)
            continue
        if section == "feeds":
            if not isinstance(body, dict):
                raise ConfigError(f"{where}: [feeds] must hold tables named by feed URL")
            feeds: dict[str, dict[str, Any]] = {}
            for url, settings in body.items():
                if not isinstance(settings, dict):
                    raise ConfigError(f'{where}: feeds."{url}" must be a table')
                for key, value in settings.items():
                    if key not in _FEED_KEYS:
                        raise ConfigError(f'{where}: unknown key feeds."{url}".{key}')
                    if not isinstance(value, _FEED_KEYS[key]):
                        raise ConfigError(
                            f'{where}: feeds."{url}".{key} must be {_type_name(_FEED_KEYS[key])}'
                        )
                feeds[url] = dict(settings)
            values["feeds"] = feeds
            continue
        schema = _SCHEMA.get(section)
        if schema is None:
            raise ConfigError(f"{where}: unknown section [{section}]")
        if not isinstance(body, dict):
            raise ConfigError(f"{where}: {section} must be a table ([{section}])")
        for key, value in body.items():
            if key not in schema:
                raise ConfigError(f"{where}: unknown key {section}.{key}")
            types, _default = schema[key]
            # bool is an int in Python; never accept true for a number.
            if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
                raise ConfigError(f"{where}: {section}.{key} must be {_type_name(types)}")
            if f"{section}.{key}" in _POSITIVE and value <= 0:
                raise ConfigError(f"{where}: {section}.{key} must be greater than 0")
            values[key] = value
    return Config(path=path, **values)
