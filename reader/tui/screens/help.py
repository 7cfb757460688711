"""The help screen, generated from the live bindings.

It reads the BINDINGS of the app, the main screen and each widget, applies the user's keymap the
way Textual does, and lists every key under the binding's description, so a key remapped in
config.toml shows its new key here and help can never drift from what the keys really do.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static


def help_sections(app) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(section title, [(keys, description, binding id)]) for every bound key, keymap applied."""
    from reader.tui.screens.main import MainScreen
    from reader.tui.widgets.article_view import ArticleView
    from reader.tui.widgets.fact_sidebar import FactSidebar
    from reader.tui.widgets.feed_list import FeedList
    from reader.tui.widgets.headline_list import HeadlineList
    from reader.tui.widgets.search_bar import SearchBar

    sources: list[tuple[str, type[DOMNode] | DOMNode]] = [
        ("Reading", app),
        ("Panes", MainScreen),
        ("Headlines", HeadlineList),
        ("Feeds", FeedList),
        ("Article", ArticleView),
        ("Facts", FactSidebar),
        ("Search box", SearchBar),
    ]
    sections = []
    for title, source in sources:
        sections.append((title, describe_bindings(app, bindings_of(source))))
    return sections


def bindings_of(source: type[DOMNode] | DOMNode) -> BindingsMap:
    if isinstance(source, DOMNode):
        return source._bindings.copy()
    merged = source._merged_bindings
    return merged.copy() if merged is not None else BindingsMap()


def describe_bindings(app, bindings: BindingsMap) -> list[tuple[str, str, str]]:
    keymap = getattr(app, "_keymap", {}) or {}
    if keymap:
        bindings.apply_keymap(keymap)
    by_id: dict[str, tuple[list[str], Binding]] = {}
    order: list[str] = []
    for key, key_bindings in bindings.key_to_bindings.items():
        for binding in key_bindings:
            # Only our own bindings (all have ids) and the palette: Textual's inherited scroll
            # and copy keys would drown the list.
            if binding.system or (binding.id is None and binding.action != "command_palette"):
                continue
            ident = binding.id or f"{binding.action}:{binding.description}"
            if ident not in by_id:
                by_id[ident] = ([], binding)
                order.append(ident)
            display = app.get_key_display(binding.with_key(key, key_display=None))
            if display not in by_id[ident][0]:
                by_id[ident][0].append(display)
    rows = []
    for ident in order:
        keys, binding = by_id[ident]
        description = binding.tooltip or binding.description or binding.action
        # Letters first ("j ↓", never "↓ j"), then named keys, each group in binding order.
        keys = sorted(keys, key=lambda k: not (len(k) == 1 and k.isalnum()))
        rows.append((" ".join(keys), description, binding.id or ""))
    return rows


class HelpScreen(ModalScreen[None]):
    """Every key, by where it works; escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="close-help"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        & > VerticalScroll {
            width: 84;
            max-width: 100%;
            height: 90%;
            border: round $primary;
            border-title-color: $text-primary;
            background: $surface;
            padding: 0 1;
        }
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "newsdeck keys"
            scroll.border_subtitle = "escape to close"
            yield Static(self._table(), id="help-keys")

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True, min_width=14)
        table.add_column()
        for title, rows in help_sections(self.app):
            if not rows:
                continue
            table.add_row(Text(title, style="bold underline"), "")
            for keys, description, _id in rows:
                table.add_row(Text(keys), Text(description))
            table.add_row("", "")
        return table
