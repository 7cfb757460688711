"""The key hints along the bottom of the screen.

Textual's ``Footer`` rebuilds a widget per key on every focus change, which cost about a tenth of
a second on each tab here; the reader's main keys do not depend on the focus, so this bar draws
one line of text from the live bindings (the user's keymap applied) and redraws only when asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.widgets import Static


class KeyBar(Static):
    """One line: key, then what it does, for the bindings marked ``show``."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description"}

    DEFAULT_CSS = """
    KeyBar {
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        padding: 0 1;
        & > .key-bar--key { color: $footer-key-foreground; text-style: bold; }
        & > .key-bar--description { color: $footer-description-foreground; }
    }
    """

    def show_keys(self, keys: Iterable[tuple[str, str]]) -> None:
        """Draw these (key, description) pairs."""
        key_style = self.get_component_rich_style("key-bar--key", partial=True)
        text_style = self.get_component_rich_style("key-bar--description", partial=True)
        line = Text(no_wrap=True, overflow="ellipsis", end="")
        for key, description in keys:
            if line:
                line.append("  ")
            line.append(key, key_style)
            line.append(" ")
            line.append(description, text_style)
        self.update(line)
