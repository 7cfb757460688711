"""The feeds pane: All, Unread, Starred, then every subscription with its unread count.

Subscriptions number in the tens or hundreds, so an ``OptionList`` (one measured prompt per
feed) is the right tool here, unlike the headline list.  A feed whose last refresh failed is
marked with "!" and carries the reason on a second line, so a summary notification can stay
short and the details are where the reader looks for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.models import Feed
from reader.tui.text import safe_text
from reader.tui.widgets.list_bindings import LIST_BINDINGS

VIRTUAL_VIEWS = ("all", "unread", "starred")
VIEW_TITLES = {"all": "All articles", "unread": "Unread", "starred": "Starred"}


def feed_key(feed_id: int) -> str:
    return f"feed:{feed_id}"


def parse_key(key: str) -> int | None:
    """The feed id of a view key, or None for the virtual views."""
    return int(key.split(":", 1)[1]) if key.startswith("feed:") else None


class FeedList(OptionList, inherit_bindings=False):
    """Views and subscriptions; highlighting one shows its headlines."""

    BINDINGS: ClassVar[list[BindingType]] = list(LIST_BINDINGS)

    DEFAULT_CSS = """
    FeedList {
        border: none;
        padding: 0;
        background: $surface;
        & > .option-list--option { padding: 0 1; }
    }
    """

    class ViewChanged(Message):
        """The highlighted view changed: show its headlines."""

        def __init__(self, feed_list: FeedList, key: str) -> None:
            super().__init__()
            self.feed_list = feed_list
            self.key = key

        @property
        def control(self) -> FeedList:
            return self.feed_list

    class ViewChosen(Message):
        """Enter or a click on a view: move to its headlines."""

        def __init__(self, feed_list: FeedList, key: str) -> None:
            super().__init__()
            self.feed_list = feed_list
            self.key = key

        @property
        def control(self) -> FeedList:
            return self.feed_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._feeds: dict[int, Feed] = {}
        self._keys: list[str] = []
        self._announced: str | None = None
        self._counts: dict[str, int] = {}
        self._width = 26

    @property
    def current_key(self) -> str:
        if self.highlighted is None or not self._keys:
            return "all"
        return self._keys[self.highlighted]

    def feed(self, feed_id: int) -> Feed | None:
        return self._feeds.get(feed_id)

    def view_title(self, key: str) -> str:
        feed_id = parse_key(key)
        if feed_id is None:
            return VIEW_TITLES.get(key, key)
        feed = self._feeds.get(feed_id)
        return feed.display_title if feed else key

    def show(self, feeds: Sequence[Feed], counts: dict[str, int], *, select: str | None = None):
        """Replace the list, keeping the highlighted view (no ViewChanged is posted for that)."""
        keep = select or self.current_key
        self._feeds = {f.id: f for f in feeds}
        self._counts = dict(counts)
        width = self.scrollable_content_region.width - 2
        if width > 0:
            self._width = width
        keys = [*VIRTUAL_VIEWS, *(feed_key(f.id) for f in feeds)]
        options = [Option(p, id=k) for p, k in zip(self._prompts(), keys, strict=True)]
        self._keys = [o.id or "" for o in options]
        self.clear_options()
        self.add_options(options)
        index = self._keys.index(keep) if keep in self._keys else 0
        # Highlight events arrive later; remembering what was announced keeps a redraw of the
        # counts from reloading the headlines.
        self._announced = self._keys[index]
        self.highlighted = index

    def select_key(self, key: str) -> None:
        if key in self._keys:
            self._announced = key
            self.highlighted = self._keys.index(key)

    def _prompt(
        self, title: str | Text, count: int, *, bold: bool = False, error: str | None = None
    ) -> Text:
        """The name cut to leave room for the unread count flush right; the error below it."""
        width = max(8, self._width)
        count_text = f"{count:,}" if count else ""
        name = title.copy() if isinstance(title, Text) else Text(title)
        name.no_wrap = True
        name.end = ""
        if bold or count:
            name.stylize("bold")
        name.truncate(max(1, width - len(count_text) - 1), overflow="ellipsis", pad=True)
        line = Text(no_wrap=True, end="")
        line.append_text(name)
        line.append(" " + count_text if count_text else " ", style="bold")
        if error:
            below = Text("  " + error, style="dim", no_wrap=True, end="")
            below.truncate(width, overflow="ellipsis")
            line.append("\n")
            line.append_text(below)
        return line

    def _feed_prompt(self, feed: Feed) -> Text:
        title = Text(no_wrap=True, end="")
        if feed.last_error:
            title.append("! ", style="bold red")
        title.append_text(safe_text(feed.display_title))
        error = safe_text(feed.last_error).plain if feed.last_error else None
        return self._prompt(title, feed.unread, error=error)

    def _prompts(self) -> list[Text]:
        counts = self._counts
        prompts = [self._prompt(VIEW_TITLES[k], counts.get(k, 0), bold=True) for k in VIRTUAL_VIEWS]
        prompts.extend(self._feed_prompt(f) for f in self._feeds.values())
        return prompts

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width - 2  # the option padding
        if width > 0 and width != self._width and self._keys:
            self._width = width
            for index, prompt in enumerate(self._prompts()):
                self.replace_option_prompt_at_index(index, prompt)

    # -- messages ---------------------------------------------------------------------

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option_id and event.option_id != self._announced:
            self._announced = event.option_id
            self.post_message(self.ViewChanged(self, event.option_id))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id:
            self.post_message(self.ViewChosen(self, event.option_id))
