"""The search input that opens above the headlines on ``/``."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """One line for an FTS query; enter searches, escape gives up."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel search", show=False, id="cancel-search")
    ]

    DEFAULT_CSS = """
    SearchBar {
        dock: top;
        border: none;
        height: 1;
        padding: 0 1;
        background: $boost;
        &:focus { border: none; background: $boost; }
    }
    """

    class Cancelled(Message):
        """Escape in the search box."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Search articles (enter to search, escape to cancel)", id=id)

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
