"""The movement keys every list pane shares, so one keymap entry remaps them all."""

from __future__ import annotations

from textual.binding import Binding, BindingType

LIST_BINDINGS: list[BindingType] = [
    Binding("j,down", "cursor_down", "Down", show=False, id="cursor-down"),
    Binding("k,up", "cursor_up", "Up", show=False, id="cursor-up"),
    Binding("pagedown,ctrl+f", "page_down", "Page down", show=False, id="page-down"),
    Binding("pageup,ctrl+b", "page_up", "Page up", show=False, id="page-up"),
    Binding("g,home", "first", "First", show=False, id="first"),
    Binding("G,end", "last", "Last", show=False, id="last"),
    Binding("enter", "select", "Open", id="open"),
]
