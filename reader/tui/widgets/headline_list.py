"""The headline list: 100,000 rows without 100,000 widgets.

A ``ScrollView`` that draws each visible line itself (the Line API), over a plain list of article
ids.  Rows (slim ``Headline`` records) are fetched from the store in pages by a thread worker
and kept in a bounded LRU cache, as toolong's ``LogLines`` does for log files, so memory and the
cost of a move stay flat however long the list is.  A line whose page has not arrived yet is drawn
as a placeholder and redrawn when it lands; the UI thread never touches the database.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.models import Headline, SearchHit
from reader.tui.text import safe_text, short_date, snippet_text
from reader.tui.widgets.list_bindings import LIST_BINDINGS

PAGE_SIZE = 200
CACHE_ROWS = 6_000  # about 30 pages: several screens either side of any jump

RowFetcher = Callable[[Sequence[int]], list[Headline]]


class HeadlineList(ScrollView, can_focus=True):
    """Newest-first headlines of the current view (a feed, Unread, Starred, or search results)."""

    BINDINGS: ClassVar[list[BindingType]] = list(LIST_BINDINGS)

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "headline-list--cursor",
        "headline-list--unread",
        "headline-list--read",
        "headline-list--date",
        "headline-list--feed",
        "headline-list--star",
        "headline-list--mark",
        "headline-list--snippet",
        "headline-list--match",
        "headline-list--placeholder",
    }

    DEFAULT_CSS = """
    HeadlineList {
        background: $surface;
        scrollbar-gutter: stable;
        & > .headline-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .headline-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .headline-list--unread { color: $foreground; text-style: bold; }
        & > .headline-list--read { color: $foreground-muted; }
        & > .headline-list--date { color: $text-secondary; }
        & > .headline-list--feed { color: $text-primary; }
        & > .headline-list--star { color: $text-warning; }
        & > .headline-list--mark { color: $text-accent; }
        & > .headline-list--snippet { color: $foreground-muted; }
        & > .headline-list--match { color: $text-warning; text-style: bold underline; }
        & > .headline-list--placeholder { color: $foreground-disabled; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor moved to another headline."""

        def __init__(self, headline_list: HeadlineList, article_id: int | None, index: int):
            super().__init__()
            self.headline_list = headline_list
            self.article_id = article_id
            self.index = index

        @property
        def control(self) -> HeadlineList:
            return self.headline_list

    class Selected(Message):
        """A headline was chosen (enter or click): open its article."""

        def __init__(
            self, headline_list: HeadlineList, article_id: int, index: int, via_click: bool
        ) -> None:
            super().__init__()
            self.headline_list = headline_list
            self.article_id = article_id
            self.index = index
            self.via_click = via_click

        @property
        def control(self) -> HeadlineList:
            return self.headline_list

    class RowsLoaded(Message):
        """A page of rows arrived from the store (posted by the page worker to this list)."""

        def __init__(self, generation: int, page: int, rows: list[Headline]) -> None:
            super().__init__()
            self.generation = generation
            self.page = page
            self.rows = rows

    def __init__(
        self,
        fetch_rows: RowFetcher,
        *,
        clock: Callable[[], float],
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._fetch_rows = fetch_rows
        self._clock = clock
        self._ids: list[int] = []
        self._rows: OrderedDict[int, Headline] = OrderedDict()
        self._stale: dict[int, Headline] = {}
        self._loading: set[int] = set()
        self._generation = 0
        self._snippets: dict[int, str] | None = None
        self._row_height = 1
        self._user_moved = False  # has the reader chosen a headline in this list?
        self._now = datetime.fromtimestamp(clock(), UTC)
        self.empty_message = "No articles here."

    # -- public API -----------------------------------------------------------------

    @property
    def ids(self) -> list[int]:
        return self._ids

    @property
    def in_search(self) -> bool:
        return self._snippets is not None

    @property
    def current_id(self) -> int | None:
        if 0 <= self.cursor < len(self._ids):
            return self._ids[self.cursor]
        return None

    def row(self, article_id: int) -> Headline | None:
        """The cached row of an article, if it is loaded."""
        return self._rows.get(article_id) or self._stale.get(article_id)

    def set_ids(
        self,
        ids: list[int],
        rows: Sequence[Headline] = (),
        *,
        keep_selection: bool = False,
        select_id: int | None = None,
    ) -> None:
        """Show a new list; ``rows`` preloads the first page so the first paint has text.

        With ``keep_selection`` (a reload of the same view, as during a refresh) a headline the
        reader chose stays highlighted, at the same place on screen when the list is scrolled;
        at the top of the list the view stays at the top so new articles show above it.  If
        the reader has not moved yet, the highlight stays on the newest article instead of
        following whichever article happened to be first while the list was filling.
        """
        old_id = self.current_id
        old_scroll = round(self.scroll_y)
        old_offset = self.cursor * self._row_height - old_scroll
        old_cursor = self.cursor
        follow = keep_selection and self._user_moved
        self._generation += 1
        self._loading.clear()
        # Keep the old rows to draw while fresh ones load: no flash of placeholders on refresh.
        self._stale = dict(self._rows) if keep_selection else {}
        self._rows.clear()
        self._snippets = None
        self._row_height = 1
        self._ids = ids
        self._now = datetime.fromtimestamp(self._clock(), UTC)
        self._add_rows(rows)
        target = select_id if select_id is not None else (old_id if follow else None)
        index = self._index_of(target) if target is not None else None
        found = index is not None
        if index is None:
            index = min(old_cursor, len(ids) - 1) if follow else 0
        self._user_moved = follow or (select_id is not None and found)
        self._relayout()
        top = 0
        if follow and target is not None:
            anchored = index * self._row_height - old_offset
            height = self.scrollable_content_region.height
            top = anchored if old_scroll > 0 else 0
            if index * self._row_height - top >= height - self._row_height + 1:
                top = anchored  # pinned to the top, the highlight would leave the screen
        self.scroll_to(y=max(0, top), animate=False, immediate=True)
        self._move(max(index, 0), center=select_id is not None and not keep_selection)
        self.refresh()

    def set_hits(self, hits: Sequence[SearchHit]) -> None:
        """Show ranked search results, two lines each: the headline and its snippet."""
        self._generation += 1
        self._loading.clear()
        self._stale = {}
        self._rows.clear()
        self._ids = [h.headline.id for h in hits]
        self._add_rows([h.headline for h in hits])
        self._snippets = {h.headline.id: h.snippet for h in hits}
        self._row_height = 2
        self._relayout()
        self.scroll_to(y=0, animate=False, immediate=True)
        self._move(0)
        self.refresh()

    def end_search(self) -> None:
        """Leave search mode; the caller loads the view to show next."""
        self._snippets = None

    def update_row(self, headline: Headline) -> None:
        """Redraw one row after its read/star state changed (no database round trip)."""
        if headline.id in self._rows or headline.id in self._stale:
            self._rows[headline.id] = headline
            self._stale.pop(headline.id, None)
        index = self._index_of(headline.id)
        if index is not None:
            self._refresh_index(index)

    def set_flags(self, article_id: int, *, read: bool | None = None, starred: bool | None = None):
        """Change the marks of a cached row; returns the new row (or None if not cached)."""
        row = self.row(article_id)
        if row is None:
            return None
        changes: dict[str, bool] = {}
        if read is not None:
            changes["read"] = read
        if starred is not None:
            changes["starred"] = starred
        new = dataclasses.replace(row, **changes)
        self.update_row(new)
        return new

    def mark_all_cached_read(self) -> None:
        for cache in (self._rows, self._stale):
            for key, row in list(cache.items()):
                if not row.read:
                    cache[key] = dataclasses.replace(row, read=True)
        self.refresh()

    def select_index(self, index: int, *, open_it: bool = False, via_click: bool = False):
        if not self._ids:
            return
        self._user_moved = True
        self._move(max(0, min(index, len(self._ids) - 1)))
        if open_it:
            self._select(via_click)

    def select_id(self, article_id: int, *, open_it: bool = False) -> bool:
        index = self._index_of(article_id)
        if index is None:
            return False
        self.select_index(index, open_it=open_it)
        return True

    def next_unread_index(self, start: int, step: int) -> int | None:
        """The next unread row among the cached rows, or None if the answer needs the store."""
        i = start + step
        while 0 <= i < len(self._ids):
            row = self.row(self._ids[i])
            if row is None:
                return None
            if not row.read:
                return i
            i += step
        return -1

    # -- actions -------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.select_index(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.select_index(self.cursor - 1)

    def action_page_down(self) -> None:
        self.select_index(self.cursor + max(1, self._page_rows() - 1))

    def action_page_up(self) -> None:
        self.select_index(self.cursor - max(1, self._page_rows() - 1))

    def action_first(self) -> None:
        self.select_index(0)

    def action_last(self) -> None:
        self.select_index(len(self._ids) - 1)

    def action_select(self) -> None:
        self._select(via_click=False)

    def _select(self, via_click: bool) -> None:
        article_id = self.current_id
        if article_id is not None:
            self.post_message(self.Selected(self, article_id, self.cursor, via_click))

    # -- events -------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (offset.y + round(self.scroll_y)) // self._row_height
        if 0 <= index < len(self._ids):
            self.focus()
            self.select_index(index, open_it=True, via_click=True)

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self._scroll_to_cursor()

    def _on_headline_list_rows_loaded(self, message: HeadlineList.RowsLoaded) -> None:
        message.stop()
        self._loading.discard(message.page)
        if message.generation != self._generation:
            return
        self._add_rows(message.rows)
        self.refresh()
        if self.current_id is not None and self.cursor // PAGE_SIZE == message.page:
            self.post_message(self.Highlighted(self, self.current_id, self.cursor))

    # -- drawing -------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = round(self.scroll_y) + y
        index, sub = divmod(line, self._row_height)
        base = self.rich_style
        if not self._ids:
            if y == 1:
                text = Text("  " + self.empty_message, style=self._style("placeholder"), end="")
                return self._strip(text, width, base)
            return Strip.blank(width, base)
        if index >= len(self._ids):
            return Strip.blank(width, base)
        article_id = self._ids[index]
        row = self._rows.get(article_id)
        if row is not None:
            self._rows.move_to_end(article_id)
        else:
            row = self._stale.get(article_id)
            self._request_page(index // PAGE_SIZE)
        self._prefetch(index)
        selected = index == self.cursor
        text = self._headline_text(row, width) if sub == 0 else self._snippet_line(article_id)
        style = base + self._style("cursor") if selected else base
        return self._strip(text, width, style)

    def _headline_text(self, row: Headline | None, width: int) -> Text:
        if row is None:
            return Text("   …", style=self._style("placeholder"), end="")
        unread = not row.read
        mark = Text("●" if unread else " ", style=self._style("mark"))
        star = Text("★" if row.starred else " ", style=self._style("star"))
        date = short_date(row.published, self._now).rjust(8)
        text = Text(end="", no_wrap=True)
        text.append_text(mark)
        text.append_text(star)
        text.append(f"{date} ", style=self._style("date"))
        title_style = self._style("unread" if unread else "read")
        if width >= 70:
            feed_width = min(20, max(10, width // 6))
            feed = safe_text(row.feed_title)
            feed.truncate(feed_width, overflow="ellipsis", pad=True)
            feed.stylize(self._style("feed"))
            text.append_text(feed)
            text.append(" ")
        text.append_text(safe_text(row.title, title_style))
        return text

    def _snippet_line(self, article_id: int) -> Text:
        snippet = (self._snippets or {}).get(article_id, "")
        text = Text("    ", end="", no_wrap=True)
        text.append_text(snippet_text(snippet, self._style("match"), style=self._style("snippet")))
        return text

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = [
            Segment(seg.text, style + seg.style if seg.style else style, seg.control)
            for seg in text.render(self.app.console, end="")
        ]
        return Strip(segments).crop_extend(0, width, style)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"headline-list--{name}", partial=True)

    # -- paging ----------------------------------------------------------------------

    def _prefetch(self, index: int) -> None:
        """Ask for the next page a little before the reader reaches it."""
        page, pos = divmod(index, PAGE_SIZE)
        if pos > PAGE_SIZE - 60 and (page + 1) * PAGE_SIZE < len(self._ids):
            nxt = self._ids[(page + 1) * PAGE_SIZE]
            if nxt not in self._rows:
                self._request_page(page + 1)
        elif pos < 60 and page > 0:
            prev = self._ids[page * PAGE_SIZE - 1]
            if prev not in self._rows:
                self._request_page(page - 1)

    def _request_page(self, page: int) -> None:
        if page in self._loading:
            return
        self._loading.add(page)
        ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        self._load_page(self._generation, page, ids)

    @work(thread=True, group="headline-pages", exit_on_error=False)
    def _load_page(self, generation: int, page: int, ids: list[int]) -> None:
        rows = self._fetch_rows(ids)
        self.post_message(self.RowsLoaded(generation, page, rows))

    def _add_rows(self, rows: Sequence[Headline]) -> None:
        for row in rows:
            self._rows[row.id] = row
            self._stale.pop(row.id, None)
        while len(self._rows) > CACHE_ROWS:
            self._rows.popitem(last=False)

    # -- cursor and geometry -------------------------------------------------------------

    def _index_of(self, article_id: int | None) -> int | None:
        if article_id is None:
            return None
        try:
            return self._ids.index(article_id)
        except ValueError:
            return None

    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height // self._row_height)

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width or self.size.width
        self.virtual_size = Size(width, len(self._ids) * self._row_height)

    def _refresh_index(self, index: int) -> None:
        top = index * self._row_height - round(self.scroll_y)
        for dy in range(self._row_height):
            self.refresh_line(top + dy)

    def _move(self, index: int, *, center: bool = False) -> None:
        if not self._ids:
            self.cursor = 0
            return
        previous = self.cursor
        self.cursor = index
        self._refresh_index(previous)
        self._refresh_index(index)
        self._scroll_to_cursor(center=center)

    def _scroll_to_cursor(self, *, center: bool = False) -> None:
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        top = self.cursor * self._row_height
        bottom = top + self._row_height
        scroll_y = round(self.scroll_y)
        if center:
            self.scroll_to(y=max(0, top - height // 2), animate=False, immediate=True)
        elif top < scroll_y:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif bottom > scroll_y + height:
            self.scroll_to(y=bottom - height, animate=False, immediate=True)

    def watch_cursor(self, cursor: int) -> None:
        self.post_message(self.Highlighted(self, self.current_id, cursor))
