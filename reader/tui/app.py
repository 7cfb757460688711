"""The newsdeck reader app: the controller between the Library and the widgets.

Everything that touches the database or the network runs in a thread worker, because the one
SQLite connection is shared (behind a lock) with the refresh pipeline and a page query must never
freeze a keypress.  Workers only post messages; the handlers here own the state (which view is
shown, which article is open) and update widgets, and one handler turns failures into
notifications.  Remembered UI state (last view, last article, theme, sidebar) goes through
``Library.get_state``/``set_state``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import queue
import threading
import time
import webbrowser
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input
from textual.worker import Worker, WorkerState, get_current_worker

from reader.content.document import Document, from_html
from reader.content.fulltext import FullTextResult
from reader.errors import NewsdeckError
from reader.library import Library
from reader.models import Article, ArticleFilter, Feed, Headline, SearchHit, UpdateResult
from reader.sanitize import clean_inline
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.main import MainScreen
from reader.tui.screens.prompt import PromptScreen
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.fact_sidebar import FactEntry, FactSidebar
from reader.tui.widgets.feed_list import VIEW_TITLES, FeedList, parse_key
from reader.tui.widgets.headline_list import PAGE_SIZE, HeadlineList
from reader.tui.widgets.search_bar import SearchBar

DEFAULT_THEME = "textual-dark"
RELOAD_INTERVAL = 0.5  # during a refresh, show new articles at most this often

STATE_VIEW = "tui.view"
STATE_ARTICLE = "tui.article"
STATE_THEME = "tui.theme"
STATE_SIDEBAR = "tui.sidebar"

_OFFLINE_HINTS = (
    "connect",
    "network",
    "resolve",
    "name or service",
    "nodename",
    "temporary failure",
    "unreachable",
    "timed out",
    "timeout",
    "offline",
    "no route",
    "dns",
)


def is_offline_failure(result: UpdateResult) -> bool:
    """A failure that says the network is down, not that the feed is broken."""
    if not result.failed or not result.error:
        return False
    error = result.error.lower()
    return any(hint in error for hint in _OFFLINE_HINTS)


def article_filter(key: str) -> ArticleFilter:
    feed_id = parse_key(key)
    if feed_id is not None:
        return ArticleFilter(feed_id=feed_id)
    if key == "unread":
        return ArticleFilter(unread_only=True)
    if key == "starred":
        return ArticleFilter(starred_only=True)
    return ArticleFilter()


class NewsdeckApp(App[int]):
    """Feeds, headlines and articles from the local cache; refreshes in the background."""

    TITLE = "newsdeck"
    CSS_PATH = "app.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space",
            "page_article",
            "Page/next",
            id="page-article",
            tooltip="Page down the article, then open the next unread one",
        ),
        Binding(
            "n",
            "next_unread(1)",
            "Next unread",
            id="next-unread",
            tooltip="Open the next unread article",
        ),
        Binding(
            "N",
            "next_unread(-1)",
            "Prev unread",
            show=False,
            id="previous-unread",
            tooltip="Open the previous unread article",
        ),
        Binding(
            "m",
            "toggle_read",
            "Read/unread",
            show=False,
            id="toggle-read",
            tooltip="Mark the article read or unread",
        ),
        Binding("s", "toggle_star", "Star", id="toggle-star", tooltip="Star or unstar the article"),
        Binding(
            "A",
            "mark_view_read",
            "All read",
            show=False,
            id="mark-feed-read",
            tooltip="Mark every article of this feed (or view) read",
        ),
        Binding("r", "refresh", "Refresh", id="refresh", tooltip="Refresh all feeds"),
        # A priority binding runs as the key arrives, before the keys typed after it are handed
        # to the focused widget, so a query typed straight after "/" lands in the search box.
        Binding(
            "slash",
            "search",
            "Search",
            id="search",
            priority=True,
            tooltip="Search all cached articles",
        ),
        Binding(
            "right_square_bracket",
            "next_quote(1)",
            "Quote",
            id="next-quote",
            tooltip="Jump to the next quotation in the article",
        ),
        Binding(
            "left_square_bracket",
            "next_quote(-1)",
            "Prev quote",
            show=False,
            id="previous-quote",
            tooltip="Jump to the previous quotation in the article",
        ),
        Binding(
            "f",
            "toggle_sidebar",
            "Facts",
            id="toggle-sidebar",
            tooltip="Show or hide the fact sidebar",
        ),
        Binding(
            "o",
            "open_link",
            "Browser",
            show=False,
            id="open-browser",
            tooltip="Open the article's link in a web browser",
        ),
        Binding(
            "y",
            "copy_link",
            "Copy link",
            show=False,
            id="copy-link",
            tooltip="Copy the article's link to the clipboard",
        ),
        Binding(
            "F",
            "full_text",
            "Full text",
            show=False,
            id="full-text",
            tooltip="Fetch the full article from its web page (when the feed gives a summary)",
        ),
        Binding("question_mark", "help", "Help", id="help", tooltip="Show every key"),
        Binding(
            "ctrl+q", "quit", "Quit", show=False, priority=True, id="quit", tooltip="Quit at once"
        ),
    ]

    # -- messages from workers ------------------------------------------------------

    class FeedsLoaded(Message):
        def __init__(self, feeds: list[Feed], counts: dict[str, int], select: str | None):
            super().__init__()
            self.feeds = feeds
            self.counts = counts
            self.select = select

    class ViewLoaded(Message):
        def __init__(
            self,
            generation: int,
            key: str,
            ids: list[int],
            rows: list[Headline],
            *,
            select_id: int | None,
            keep_selection: bool,
            open_selected: bool,
        ) -> None:
            super().__init__()
            self.generation = generation
            self.key = key
            self.ids = ids
            self.rows = rows
            self.select_id = select_id
            self.keep_selection = keep_selection
            self.open_selected = open_selected

    class ArticleLoaded(Message):
        def __init__(self, article: Article, document: Document, marked_read: bool) -> None:
            super().__init__()
            self.article = article
            self.document = document
            self.marked_read = marked_read

    class SearchDone(Message):
        def __init__(self, query: str, hits: list[SearchHit]) -> None:
            super().__init__()
            self.query = query
            self.hits = hits

    class UnreadFound(Message):
        def __init__(self, index: int | None, direction: int) -> None:
            super().__init__()
            self.index = index
            self.direction = direction

    class RefreshStarted(Message):
        def __init__(self, total: int) -> None:
            super().__init__()
            self.total = total

    class RefreshProgress(Message):
        def __init__(self, done: int, total: int, result: UpdateResult) -> None:
            super().__init__()
            self.done = done
            self.total = total
            self.result = result

    class RefreshFinished(Message):
        def __init__(self, results: list[UpdateResult]) -> None:
            super().__init__()
            self.results = results

    class Startup(Message):
        def __init__(self, samples_added: bool, state: dict[str, str | None]) -> None:
            super().__init__()
            self.samples_added = samples_added
            self.state = state

    class Notice(Message):
        """A worker's result to show the reader (text from feeds is never markup)."""

        def __init__(self, text: str, severity: str = "information", reload: bool = False):
            super().__init__()
            self.text = text
            self.severity = severity
            self.reload = reload

    class FullTextFetched(Message):
        """The linked page of an article was fetched (or why not): show it if it is open."""

        def __init__(self, result: FullTextResult) -> None:
            super().__init__()
            self.result = result

    class LinkReady(Message):
        def __init__(self, link: str | None, purpose: str) -> None:
            super().__init__()
            self.link = link
            self.purpose = purpose

    # -- lifecycle ---------------------------------------------------------------------

    def __init__(
        self,
        library: Library,
        *,
        clock: Callable[[], float] = time.time,
        startup_refresh: bool = True,
    ) -> None:
        super().__init__()
        self.lib = library
        self.config = library.config
        self.clock = clock
        self.startup_refresh = startup_refresh
        self.view_key = "all"
        self.view_generation = 0
        self.current_article: Article | None = None
        self.current_document: Document | None = None
        self.refreshing = False
        self.offline = False
        self._search_return: tuple[str, int | None] | None = None
        self._search_query: str | None = None
        self._list_title: str | None = None  # "Mentions of Kosovo" instead of "Search: …"
        self._last_reload = 0.0
        self._refreshed = False  # once a refresh has run, the status line keeps its summary
        self._restore_article: int | None = None
        self._main: MainScreen | None = None
        self._feed_titles: dict[int, str] = {}

    @property
    def config_sidebar(self) -> bool:
        return self.config.sidebar

    def get_default_screen(self) -> Screen:
        self._main = MainScreen(self.lib.headlines, self.clock)
        return self._main

    @property
    def main(self) -> MainScreen:
        assert self._main is not None
        return self._main

    def on_mount(self) -> None:
        self._apply_keymap(self.config.keys)
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def main_screen_ready(self) -> None:
        """Called by the main screen once its widgets exist: start reading the cache."""
        self.main.headline_list.focus()
        self._startup()

    def _apply_keymap(self, keys: dict[str, str]) -> None:
        """Remap keys from config.toml; an id that names no binding is reported, not ignored."""
        if not keys:
            return
        known = known_binding_ids()
        unknown = [ident for ident in keys if ident not in known]
        for ident in unknown:
            where = self.config.path or "config.toml"
            self.notify(
                f"{where}: keys.{ident}: no such binding id (press ? for the list)",
                severity="error",
                markup=False,
                timeout=10,
            )
        self.set_keymap({k: v for k, v in keys.items() if k in known})
        if self._main is not None and self._main.is_mounted:
            self._main.show_keys()

    @work(thread=True, group="startup", exit_on_error=False)
    def _startup(self) -> None:
        samples = self.lib.ensure_samples()
        state = {
            key: self.lib.get_state(key)
            for key in (STATE_VIEW, STATE_ARTICLE, STATE_THEME, STATE_SIDEBAR)
        }
        self.post_message(self.Startup(samples, state))

    def on_newsdeck_app_startup(self, message: Startup) -> None:
        state = message.state
        theme = state.get(STATE_THEME) or self.config.theme
        if theme:
            if theme in self.available_themes:
                self.theme = theme
            elif theme == self.config.theme:
                where = self.config.path or "config.toml"
                self.notify(
                    f"{where}: reader.theme: no theme named {theme!r} "
                    f"(one of: {', '.join(sorted(self.available_themes))})",
                    severity="error",
                    markup=False,
                    timeout=10,
                )
        if state.get(STATE_SIDEBAR) in ("0", "1"):
            self.main.sidebar_wanted = state[STATE_SIDEBAR] == "1"
        key = state.get(STATE_VIEW) or "all"
        article = state.get(STATE_ARTICLE)
        self._restore_article = int(article) if article and article.isdigit() else None
        self.view_key = key
        self.load_feeds(select=key)
        self.load_view(key, select_id=self._restore_article, open_selected=True)
        if self.startup_refresh and (message.samples_added or self.config.refresh_on_start):
            self.action_refresh()

    # -- feeds and views ---------------------------------------------------------------

    @work(thread=True, group="feeds", exclusive=True, exit_on_error=False)
    def load_feeds(self, select: str | None = None) -> None:
        feeds = self.lib.feeds()
        counts = self.lib.counts()
        if not get_current_worker().is_cancelled:
            self.post_message(self.FeedsLoaded(feeds, counts, select))

    def on_newsdeck_app_feeds_loaded(self, message: FeedsLoaded) -> None:
        self._feed_titles = {f.id: f.display_title for f in message.feeds}
        select = message.select
        feed_id = parse_key(self.view_key)
        if feed_id is not None and feed_id not in self._feed_titles:
            # The remembered (or shown) feed is gone: unsubscribed elsewhere.
            select = "all"
            self.view_key = "all"
            self.load_view("all")
        feed_list = self.main.feed_list
        feed_list.show(message.feeds, message.counts, select=select)
        feed_list.border_title = Text(f"Feeds · {message.counts.get('unread', 0):,} unread")
        if not self.refreshing and not self._refreshed:
            failing = sum(1 for f in message.feeds if f.last_error)
            text = (
                f"{message.counts.get('all', 0):,} articles in {len(message.feeds):,} feeds"
                " · r refreshes"
            )
            if failing:
                text += f" · {failing:,} feeds failing (marked !)"
            self.main.status.set_text(text)
        self._title_headlines()

    def load_view(
        self,
        key: str,
        *,
        select_id: int | None = None,
        keep_selection: bool = False,
        open_selected: bool = False,
    ) -> None:
        self.view_generation += 1
        self._load_view(self.view_generation, key, select_id, keep_selection, open_selected)

    @work(thread=True, group="view", exclusive=True, exit_on_error=False)
    def _load_view(
        self,
        generation: int,
        key: str,
        select_id: int | None,
        keep_selection: bool,
        open_selected: bool,
    ) -> None:
        ids = self.lib.article_ids(article_filter(key))
        index = 0
        if select_id is not None:
            try:
                index = ids.index(select_id)
            except ValueError:
                index = 0
        start = max(0, index - PAGE_SIZE // 2)
        rows = self.lib.headlines(ids[start : start + PAGE_SIZE]) if ids else []
        if not get_current_worker().is_cancelled:
            self.post_message(
                self.ViewLoaded(
                    generation,
                    key,
                    ids,
                    rows,
                    select_id=select_id,
                    keep_selection=keep_selection,
                    open_selected=open_selected,
                )
            )

    def on_newsdeck_app_view_loaded(self, message: ViewLoaded) -> None:
        if (
            message.generation != self.view_generation  # a newer load is on its way
            or message.key != self.view_key
            or self.main.headline_list.in_search
        ):
            return
        headlines = self.main.headline_list
        headlines.empty_message = self._empty_message(message.key)
        headlines.set_ids(
            message.ids,
            message.rows,
            keep_selection=message.keep_selection,
            select_id=message.select_id,
        )
        self._title_headlines()
        if (
            message.open_selected
            and message.select_id is not None
            and headlines.current_id == message.select_id
        ):
            self.open_article(message.select_id, mark_read=False, focus=False)

    def _empty_message(self, key: str) -> str:
        if key == "unread":
            return "No unread articles. Press r to refresh."
        if key == "starred":
            return "No starred articles. Press s on a headline to star it."
        return "No articles yet. Press r to refresh."

    def _title_headlines(self) -> None:
        pane = self.main.query_one("#headlines-pane")
        headlines = self.main.headline_list
        if headlines.in_search and self._list_title:
            title = Text(f"{self._list_title} · {len(headlines.ids):,} articles")
        elif headlines.in_search:
            n = len(headlines.ids)
            title = Text(f"Search: {self._search_query} · {n:,} result{'' if n == 1 else 's'}")
        else:
            title = Text(self._view_title(self.view_key))
            title.append(f" · {len(headlines.ids):,}")
        pane.border_title = title

    def _view_title(self, key: str) -> str:
        feed_id = parse_key(key)
        if feed_id is None:
            return VIEW_TITLES.get(key, key)
        return clean_inline(self._feed_titles.get(feed_id, "Feed"))

    @on(FeedList.ViewChanged)
    def _view_changed(self, message: FeedList.ViewChanged) -> None:
        self._switch_view(message.key)

    @on(FeedList.ViewChosen)
    def _view_chosen(self, message: FeedList.ViewChosen) -> None:
        if message.key != self.view_key or self.main.headline_list.in_search:
            self._switch_view(message.key)
        self.main.show_pane("headlines")

    def _switch_view(self, key: str) -> None:
        if self.main.headline_list.in_search:
            self._end_search_ui()
        self.view_key = key
        self._save_state(STATE_VIEW, key)
        self.load_view(key)

    # -- articles ------------------------------------------------------------------------

    @on(HeadlineList.Selected)
    def _headline_selected(self, message: HeadlineList.Selected) -> None:
        self.open_article(message.article_id, focus=not message.via_click)

    def open_article(self, article_id: int, *, mark_read: bool | None = None, focus=True):
        """Load and show an article; marks it read unless configured (or asked) not to."""
        if mark_read is None:
            mark_read = self.config.mark_read_on_open
        if focus or self.main.narrow:
            self.main.show_pane("article", focus=focus)
        self.main.headline_list.set_flags(article_id, read=True if mark_read else None)
        self._load_article(article_id, mark_read)

    @work(thread=True, group="article", exclusive=True, exit_on_error=False)
    def _load_article(self, article_id: int, mark_read: bool) -> None:
        from reader.content.annotate import article_html

        article = self.lib.article(article_id)
        if article is None:
            self.post_message(self.Notice("That article is no longer in the cache.", "warning"))
            return
        html, _full = article_html(article)
        document = from_html(html, base_url=article.link)
        marked = False
        if mark_read and not article.read:
            self.lib.mark_read([article_id])
            article = dataclasses.replace(article, read=True)
            marked = True
        self.lib.set_state(STATE_ARTICLE, str(article_id))
        if not get_current_worker().is_cancelled:
            self.post_message(self.ArticleLoaded(article, document, marked))

    def on_newsdeck_app_article_loaded(self, message: ArticleLoaded) -> None:
        self.current_article = message.article
        self.current_document = message.document
        main = self.main
        main.article_view.set_article(message.article, message.document)
        main.sidebar.show_article(message.article, message.document)
        main.query_one("#article-pane").border_title = Text("Article")
        main.query_one("#article-pane").border_subtitle = ""
        self._annotate(message.article, message.document)
        if message.marked_read:
            self.load_feeds()

    def _target_id(self) -> int | None:
        """The article a key acts on: the open one when reading it, else the highlighted one."""
        main = self.main
        if main.pane == "article" and self.current_article is not None:
            return self.current_article.id
        return main.headline_list.current_id or (
            self.current_article.id if self.current_article else None
        )

    # -- full articles (issue 8) ---------------------------------------------------------

    def action_full_text(self) -> None:
        """Fetch the open (or highlighted) article's page; the pane shows it when it lands."""
        target = self._target_id()
        if target is None:
            return
        self.notify("Fetching the full article…", timeout=2)
        self._fetch_full_text(target)

    @work(thread=True, group="full-text", exit_on_error=False)
    def _fetch_full_text(self, article_id: int) -> None:
        try:
            result = self.lib.fetch_full_text(article_id)
        except NewsdeckError as exc:
            self.post_message(self.Notice(str(exc), "error"))
            return
        self.post_message(self.FullTextFetched(result))

    def on_newsdeck_app_full_text_fetched(self, message: FullTextFetched) -> None:
        result = message.result
        self.notify(
            result.message,
            severity="information" if result.ok else "warning",
            markup=False,
            timeout=6,
        )
        if self.current_article is not None and self.current_article.id == result.article_id:
            self._load_article(result.article_id, False)

    def _selected_feed_id(self) -> int | None:
        """The feed a feed command acts on: the one highlighted, in view, or of the open article."""
        main = self.main
        if main.pane == "feeds":
            feed_id = parse_key(main.feed_list.current_key)
            if feed_id is not None:
                return feed_id
        feed_id = parse_key(self.view_key)
        if feed_id is not None:
            return feed_id
        return self.current_article.feed_id if self.current_article is not None else None

    def action_toggle_feed_full_text(self) -> None:
        feed_id = self._selected_feed_id()
        if feed_id is None:
            self.notify("Choose a feed first.", severity="warning", timeout=3)
            return
        self._toggle_feed_full_text(feed_id)

    @work(thread=True, group="feed-settings", exit_on_error=False)
    def _toggle_feed_full_text(self, feed_id: int) -> None:
        try:
            feed = self.lib.feed(feed_id)
        except NewsdeckError as exc:
            self.post_message(self.Notice(str(exc), "error"))
            return
        name = clean_inline(feed.display_title)
        if self.config.feed_full_text(feed.url):
            self.post_message(
                self.Notice(f"Full text is on for {name} in config.toml; change it there.")
            )
            return
        on = not feed.full_text
        self.lib.set_feed_full_text(feed.id, on)
        text = (
            f"Full text on for {name}: each refresh fetches its new articles' pages."
            if on
            else f"Full text off for {name}."
        )
        self.post_message(self.Notice(text, reload=True))

    # -- marks -----------------------------------------------------------------------------

    def action_toggle_read(self) -> None:
        target = self._target_id()
        if target is None:
            return
        row = self.main.headline_list.row(target)
        if row is not None:
            read = not row.read
        elif self.current_article and self.current_article.id == target:
            read = not self.current_article.read
        else:
            return
        self.main.headline_list.set_flags(target, read=read)
        if self.current_article and self.current_article.id == target:
            self.current_article = dataclasses.replace(self.current_article, read=read)
        self._write_marks([target], read=read)

    def action_toggle_star(self) -> None:
        target = self._target_id()
        if target is None:
            return
        row = self.main.headline_list.row(target)
        if row is not None:
            starred = not row.starred
        elif self.current_article and self.current_article.id == target:
            starred = not self.current_article.starred
        else:
            return
        self.main.headline_list.set_flags(target, starred=starred)
        if self.current_article and self.current_article.id == target:
            self.current_article = dataclasses.replace(self.current_article, starred=starred)
        self._write_marks([target], starred=starred)
        self.notify("Starred" if starred else "Unstarred", timeout=2)

    @work(thread=True, group="marks", exit_on_error=False)
    def _write_marks(
        self, ids: list[int], *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        if read is not None:
            self.lib.mark_read(ids, read)
        if starred is not None:
            self.lib.mark_starred(ids, starred)
        self.call_from_thread(self.load_feeds)

    def action_mark_view_read(self) -> None:
        headlines = self.main.headline_list
        if headlines.in_search:
            self._mark_ids_read(list(headlines.ids), "these search results")
            return
        feed_id = parse_key(self.view_key)
        if feed_id is not None:
            what = self._view_title(self.view_key)
        elif self.view_key == "starred":
            self._mark_ids_read(list(headlines.ids), "starred articles")
            return
        else:
            what = "every feed"
        headlines.mark_all_cached_read()
        self._mark_feed_read(feed_id, what)

    def _mark_ids_read(self, ids: list[int], what: str) -> None:
        self.main.headline_list.mark_all_cached_read()
        self._write_marks(ids, read=True)
        self.notify(f"Marked {what} read", markup=False, timeout=3)

    @work(thread=True, group="marks", exit_on_error=False)
    def _mark_feed_read(self, feed_id: int | None, what: str) -> None:
        count = self.lib.mark_all_read(feed_id)
        self.post_message(self.Notice(f"Marked {count:,} articles read ({what})"))
        self.call_from_thread(self.load_feeds)

    # -- moving through unread articles -------------------------------------------------------

    def action_next_unread(self, direction: int) -> None:
        headlines = self.main.headline_list
        if not headlines.ids:
            return
        start = headlines.cursor
        if (
            self.current_article is not None
            and self.main.pane == "article"
            and headlines.current_id != self.current_article.id
        ):
            index = (
                headlines.ids.index(self.current_article.id)
                if (self.current_article.id in headlines.ids)
                else start
            )
            start = index
        found = headlines.next_unread_index(start, direction)
        if found is None:
            self._find_unread(list(headlines.ids), start, direction)
        else:
            self._goto_unread(found if found >= 0 else None, direction)

    @work(thread=True, group="find-unread", exclusive=True, exit_on_error=False)
    def _find_unread(self, ids: list[int], start: int, direction: int) -> None:
        worker = get_current_worker()
        i = start + direction
        while 0 <= i < len(ids) and not worker.is_cancelled:
            chunk_ids = (
                ids[i : i + PAGE_SIZE] if direction > 0 else ids[max(0, i - PAGE_SIZE + 1) : i + 1]
            )
            rows = self.lib.headlines(chunk_ids)
            if direction < 0:
                rows.reverse()
            for row in rows:
                if not row.read:
                    self.post_message(self.UnreadFound(ids.index(row.id), direction))
                    return
            i += direction * len(chunk_ids)
        self.post_message(self.UnreadFound(None, direction))

    def on_newsdeck_app_unread_found(self, message: UnreadFound) -> None:
        self._goto_unread(message.index, message.direction)

    def _goto_unread(self, index: int | None, direction: int) -> None:
        if index is None:
            word = "after" if direction > 0 else "before"
            self.notify(f"No unread articles {word} this one in this list.", timeout=3)
            return
        headlines = self.main.headline_list
        headlines.select_index(index)
        article_id = headlines.current_id
        if article_id is not None:
            self.open_article(article_id, focus=self.main.pane == "article" or self.main.narrow)

    def action_page_article(self) -> None:
        main = self.main
        if self.current_article is not None and main.article_view.page_down():
            if main.narrow and main.pane != "article":
                main.show_pane("article")
            return
        self.action_next_unread(1)

    # -- links -----------------------------------------------------------------------------------

    def action_open_link(self) -> None:
        self._with_link("open")

    def action_copy_link(self) -> None:
        self._with_link("copy")

    def _with_link(self, purpose: str) -> None:
        target = self._target_id()
        if target is None:
            return
        if self.current_article is not None and self.current_article.id == target:
            self.on_newsdeck_app_link_ready(self.LinkReady(self.current_article.link, purpose))
        else:
            self._fetch_link(target, purpose)

    @work(thread=True, group="links", exit_on_error=False)
    def _fetch_link(self, article_id: int, purpose: str) -> None:
        article = self.lib.article(article_id)
        self.post_message(self.LinkReady(article.link if article else None, purpose))

    def on_newsdeck_app_link_ready(self, message: LinkReady) -> None:
        if not message.link:
            self.notify("This article has no link.", severity="warning", timeout=3)
            return
        if message.purpose == "copy":
            self.copy_to_clipboard(message.link)
            self.notify(f"Copied {clean_inline(message.link)}", markup=False, timeout=3)
        else:
            self._open_browser(message.link)

    @work(thread=True, group="browser", exit_on_error=False)
    def _open_browser(self, url: str) -> None:
        try:
            browser = webbrowser.get(self.config.browser) if self.config.browser else None
            opened = browser.open(url) if browser else webbrowser.open(url)
        except webbrowser.Error as exc:
            self.post_message(self.Notice(f"Could not open a browser: {exc}", "error"))
            return
        if not opened:
            self.post_message(self.Notice("No web browser could be started.", "error"))

    # -- search ----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "search":
            # Inside a text box (the search box itself, a prompt) "/" is just a character.
            return isinstance(self.screen, MainScreen) and not isinstance(self.focused, Input)
        return True

    def action_search(self) -> None:
        main = self.main
        bar = main.search_bar
        bar.display = True
        main.show_pane("headlines", focus=False)
        main.focus_now(bar)

    @on(SearchBar.Submitted)
    def _search_submitted(self, event: SearchBar.Submitted) -> None:
        event.stop()
        query = event.value.strip()
        if not query:
            return
        self._search_query = query
        self._run_search(query)

    @work(thread=True, group="search", exclusive=True, exit_on_error=False)
    def _run_search(self, query: str) -> None:
        hits = self.lib.search(query)
        if not get_current_worker().is_cancelled:
            self.post_message(self.SearchDone(query, hits))

    def on_newsdeck_app_search_done(self, message: SearchDone) -> None:
        main = self.main
        headlines = main.headline_list
        if not headlines.in_search:
            self._search_return = (self.view_key, headlines.current_id)
        self._list_title = None
        headlines.empty_message = f"Nothing matches “{message.query}”. Escape returns."
        headlines.set_hits(message.hits)
        main.search_bar.display = False
        main.show_pane("headlines")
        self._title_headlines()

    @on(SearchBar.Cancelled)
    def _search_cancelled(self) -> None:
        main = self.main
        main.search_bar.display = False
        main.show_pane("headlines")

    def leave_search(self) -> None:
        """Back from search results to the view they replaced, on the same headline."""
        back = self._search_return
        self._end_search_ui()
        key, article_id = back if back else (self.view_key, None)
        self.view_key = key
        self.load_view(key, select_id=article_id)

    def _end_search_ui(self) -> None:
        self._search_return = None
        self._search_query = None
        self._list_title = None
        self.main.headline_list.end_search()
        self.main.search_bar.display = False

    # -- refresh ---------------------------------------------------------------------------------

    def action_refresh(self) -> None:
        if self.refreshing:
            self.notify("A refresh is already running.", timeout=2)
            return
        self.refreshing = True
        self._refresh_worker()

    @work(thread=True, group="refresh", exclusive=True, exit_on_error=False)
    def _refresh_worker(self, urls: list[str] | None = None) -> None:
        """Consume the update stream, posting progress; returns at once when cancelled.

        The stream itself runs in a daemon thread: a fetch can wait up to the configured
        timeout, and quitting the reader must not wait for it (a cancelled Textual thread
        worker would otherwise hold the process open until the fetch gave up).
        """
        worker = get_current_worker()
        total = len(urls) if urls else len(self.lib.feeds())
        self.post_message(self.RefreshStarted(total))
        stream: queue.Queue[tuple[str, object]] = queue.Queue()

        def pump() -> None:
            try:
                for result in self.lib.update(urls=urls):
                    stream.put(("result", result))
            except BaseException as exc:  # handed to the worker, which reports it
                stream.put(("error", exc))
            finally:
                stream.put(("done", None))
            # Index what the refresh stored while the reader shows the results, so the
            # next search need not. In small batches: the store lock is shared.
            with contextlib.suppress(Exception):
                self.lib.index_pending(batch=300)

        threading.Thread(target=pump, name="newsdeck-refresh", daemon=True).start()
        results: list[UpdateResult] = []
        try:
            while not worker.is_cancelled:
                try:
                    kind, value = stream.get(timeout=0.1)
                except queue.Empty:
                    continue
                if kind == "done":
                    break
                if kind == "error":
                    assert isinstance(value, BaseException)
                    raise value
                assert isinstance(value, UpdateResult)
                results.append(value)
                self.post_message(self.RefreshProgress(len(results), total, value))
        finally:
            self.post_message(self.RefreshFinished(results))

    def on_newsdeck_app_refresh_started(self, message: RefreshStarted) -> None:
        self.main.status.start_refresh(message.total)

    def on_newsdeck_app_refresh_progress(self, message: RefreshProgress) -> None:
        self.main.status.progress(message.done, message.total)
        if message.result.new_articles:
            now = time.monotonic()
            if now - self._last_reload >= RELOAD_INTERVAL:  # the rest land at the end
                self._reload_after_refresh()

    def _reload_after_refresh(self) -> None:
        """Show new articles without moving the reader's place in the list."""
        self._last_reload = time.monotonic()
        self.load_feeds()
        if not self.main.headline_list.in_search:
            self.load_view(self.view_key, keep_selection=True)

    def on_newsdeck_app_refresh_finished(self, message: RefreshFinished) -> None:
        self.refreshing = False
        self._refreshed = True
        results = message.results
        self._reload_after_refresh()
        self.main.status.end_refresh(refresh_summary(results))
        failed = [r for r in results if r.failed]
        offline = (
            bool(failed)
            and all(is_offline_failure(r) for r in failed)
            and not any(
                r.status.value in ("new", "updated", "not_modified")
                and "://" in r.url
                and not r.url.startswith("file:")
                for r in results
            )
        )
        self.offline = offline
        self.main.status.set_state("offline" if offline else "")
        if offline:
            self.notify(
                "Offline: no feed could be reached. Reading from the cache.",
                severity="warning",
                timeout=6,
            )
        elif failed:
            self.notify(
                failure_summary(failed, self._feed_titles),
                title="Refresh",
                severity="warning",
                markup=False,
                timeout=8,
            )

    # -- quotations and facts --------------------------------------------------------------------

    class AnnotationsLoaded(Message):
        def __init__(
            self,
            article_id: int,
            document: Document,
            summary: str,
            quotes: tuple,
            title_quotes: tuple,
            entries: dict[str, list[FactEntry]],
        ) -> None:
            super().__init__()
            self.article_id = article_id
            self.document = document
            self.summary = summary
            self.quotes = quotes
            self.title_quotes = title_quotes
            self.entries = entries

    class MentionsFound(Message):
        def __init__(self, name: str, hits: list[SearchHit]) -> None:
            super().__init__()
            self.name = name
            self.hits = hits

    @work(thread=True, group="annotate", exclusive=True, exit_on_error=False)
    def _annotate(self, article: Article, document: Document) -> None:
        """Quotes and facts of the open article (cached per content; the first time takes a
        fraction of a second, so the text is shown first and the highlights follow)."""
        from reader.content.annotate import Annotations
        from reader.content.quotes import extract_quotes
        from reader.tui.widgets.fact_sidebar import build_entries

        annotations = self.lib.annotations(article, document)
        # The headline is part of what the reader sees ("“…,” NATO Official Says"): its
        # quotation counts and is highlighted in the header.
        title = clean_inline(article.display_title)
        title_quotes = tuple(extract_quotes(title)) if title else ()
        summary = Annotations(title_quotes + tuple(annotations.quotes), ()).summary()
        entries = build_entries(annotations, title_quotes, document.text, title)
        if not get_current_worker().is_cancelled:
            self.post_message(
                self.AnnotationsLoaded(
                    article.id,
                    document,
                    summary,
                    tuple(annotations.quotes),
                    title_quotes,
                    entries,
                )
            )

    def on_newsdeck_app_annotations_loaded(self, message: AnnotationsLoaded) -> None:
        if (
            self.current_article is None
            or self.current_article.id != message.article_id
            or self.current_document is not message.document
        ):
            return  # another article (or another version of it) is on screen now
        main = self.main
        main.article_view.set_quotes(message.quotes, message.title_quotes)
        main.sidebar.show_facts(message.entries)
        main.query_one("#article-pane").border_title = Text(message.summary)

    def action_next_quote(self, step: int) -> None:
        main = self.main
        view = main.article_view
        if self.current_article is None:
            return
        if not view.quotes:
            self.notify("No quotations in this article.", timeout=2)
            return
        if main.narrow and main.pane != "article":
            main.show_pane("article")
        if view.next_quote(step) is None:
            word = "after" if step > 0 else "before"
            self.notify(f"No quotation {word} this one.", timeout=2)

    @on(ArticleView.QuoteChanged)
    def _quote_changed(self, message: ArticleView.QuoteChanged) -> None:
        speaker = clean_inline(message.quote.speaker) if message.quote.speaker else "unattributed"
        self.main.query_one("#article-pane").border_subtitle = Text(
            f"quote {message.index + 1} of {message.total} · {speaker}"
        )

    @on(ArticleView.LinkChosen)
    def _link_chosen(self, message: ArticleView.LinkChosen) -> None:
        self.notify(f"Opening link {message.number}: {clean_inline(message.url)}", timeout=3)
        self._open_browser(message.url)

    @on(FactSidebar.EntryHighlighted)
    def _fact_highlighted(self, message: FactSidebar.EntryHighlighted) -> None:
        entry = message.entry
        self.main.article_view.select(entry.ranges, entry.title_ranges, reveal=message.reveal)

    @on(FactSidebar.EntryChosen)
    def _fact_chosen(self, message: FactSidebar.EntryChosen) -> None:
        entry = message.entry
        if not entry.searchable:
            # Nothing to look up for a number, a date or a speaker: step through where it is.
            self.main.article_view.reveal_next_selected()
            return
        exclude = self.current_article.id if self.current_article else None
        self._find_mentions(entry.name, entry.search_query(), exclude)

    @work(thread=True, group="search", exclusive=True, exit_on_error=False)
    def _find_mentions(self, name: str, query: str, exclude: int | None) -> None:
        hits = [hit for hit in self.lib.search(query) if hit.headline.id != exclude]
        if not get_current_worker().is_cancelled:
            self.post_message(self.MentionsFound(name, hits))

    def on_newsdeck_app_mentions_found(self, message: MentionsFound) -> None:
        main = self.main
        headlines = main.headline_list
        if not headlines.in_search:
            self._search_return = (self.view_key, headlines.current_id)
        self._search_query = None
        self._list_title = f"Mentions of {message.name}"
        headlines.empty_message = (
            f"No other cached article mentions {message.name}. Escape returns."
        )
        headlines.set_hits(message.hits)
        main.search_bar.display = False
        main.show_pane("headlines")
        self._title_headlines()

    # -- sidebar, help, themes ----------------------------------------------------------------------

    def action_toggle_sidebar(self) -> None:
        shown = self.main.toggle_sidebar()
        if shown is not None:
            self._save_state(STATE_SIDEBAR, "1" if shown else "0")

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def _remember_theme(self, theme) -> None:
        self._save_state(STATE_THEME, theme.name)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("Refresh feeds", "Fetch every feed now", self.action_refresh)
        yield SystemCommand(
            "Mark all read",
            "Mark every article of the current view read",
            self.action_mark_view_read,
        )
        yield SystemCommand(
            "Toggle sidebar", "Show or hide the fact sidebar", self.action_toggle_sidebar
        )
        yield SystemCommand("Switch theme", "Choose a colour theme", self.action_change_theme)
        yield SystemCommand(
            "Import OPML",
            "Subscribe to the feeds of an OPML or newsboat urls file",
            self.action_import_opml,
        )
        yield SystemCommand("Add feed", "Subscribe to a feed by its URL", self.action_add_feed)
        feed_id = self._selected_feed_id() if self._main is not None else None
        feed = self.main.feed_list.feed(feed_id) if feed_id is not None else None
        if feed is not None:
            state = "off" if self.lib.feed_wants_full_text(feed) else "on"
            yield SystemCommand(
                f"Full text for this feed: turn {state}",
                f"Fetch the page of every new article of {clean_inline(feed.display_title)} "
                "during refresh, to read it offline",
                self.action_toggle_feed_full_text,
            )
        yield SystemCommand(
            "Fetch full article", "Fetch the open article's web page (F)", self.action_full_text
        )
        yield SystemCommand("Help", "Show every key", self.action_help)
        yield from super().get_system_commands(screen)

    def action_add_feed(self) -> None:
        def done(url: str | None) -> None:
            if url:
                self._add_feed(url)

        self.push_screen(
            PromptScreen(
                "Add feed",
                "The feed's URL (or a local file); enter adds it.",
                "https://example.org/feed.xml",
            ),
            done,
        )

    @work(thread=True, group="subscribe", exit_on_error=False)
    def _add_feed(self, url: str) -> None:
        try:
            feed = self.lib.add_feed(url)
        except NewsdeckError as exc:
            self.post_message(self.Notice(str(exc), "error"))
            return
        self.post_message(self.Notice(f"Subscribed to {feed.url}", reload=True))
        self.call_from_thread(self._refresh_now, [feed.url])

    def action_import_opml(self) -> None:
        def done(path: str | None) -> None:
            if path:
                self._import(path)

        self.push_screen(
            PromptScreen("Import OPML", "Path to an OPML or newsboat urls file.", "~/feeds.opml"),
            done,
        )

    @work(thread=True, group="subscribe", exit_on_error=False)
    def _import(self, path: str) -> None:
        try:
            report = self.lib.import_subscriptions(Path(path).expanduser())
        except NewsdeckError as exc:
            self.post_message(self.Notice(str(exc), "error"))
            return
        self.post_message(
            self.Notice(
                f"Imported {report.added:,} new feeds ({report.already:,} already subscribed)",
                reload=True,
            )
        )
        if report.urls:
            self.call_from_thread(self._refresh_now, list(report.urls))

    def _refresh_now(self, urls: list[str]) -> None:
        if self.refreshing:
            return
        self.refreshing = True
        self._refresh_worker(urls)

    def on_newsdeck_app_notice(self, message: Notice) -> None:
        self.notify(message.text, severity=message.severity, markup=False)  # type: ignore[arg-type]
        if message.reload:
            self.load_feeds()

    # -- state and failures ---------------------------------------------------------------------

    def _save_state(self, key: str, value: str | None) -> None:
        self._write_state(key, value)

    @work(thread=True, group="state", exit_on_error=False)
    def _write_state(self, key: str, value: str | None) -> None:
        self.lib.set_state(key, value)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place a worker's unexpected failure becomes something the reader sees."""
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            self.notify(
                f"{event.worker.group or event.worker.name}: {type(error).__name__}: {error}",
                severity="error",
                markup=False,
                timeout=10,
            )
            if event.worker.group == "refresh":
                self.refreshing = False
                self.main.status.end_refresh("Refresh failed")


def refresh_summary(results: list[UpdateResult]) -> str:
    new = sum(r.new_articles for r in results)
    failed = sum(r.failed for r in results)
    noun = "feed" if len(results) == 1 else "feeds"
    text = f"Refreshed {len(results):,} {noun}: {new:,} new article{'s' if new != 1 else ''}"
    pages = sum(r.full_text_pages for r in results)
    if pages:
        text += f", {pages:,} full-text page{'s' if pages != 1 else ''}"
    if failed:
        text += f", {failed:,} failed (marked ! in the feeds pane)"
    return text


def failure_summary(failed: list[UpdateResult], titles: dict[int, str]) -> str:
    """One notification for every failure of a refresh; the details live on each feed line."""
    names = []
    for r in failed[:3]:
        title = (r.feed_id is not None and titles.get(r.feed_id)) or r.title or r.url
        names.append(f"{clean_inline(title)} ({clean_inline(r.error) or 'failed'})")
    more = f" and {len(failed) - 3:,} more" if len(failed) > 3 else ""
    noun = "feed" if len(failed) == 1 else "feeds"
    return f"{len(failed):,} {noun} failed: " + "; ".join(names) + more + "."


def known_binding_ids() -> set[str]:
    """Every binding id a config.toml [keys] table may name."""
    from reader.tui.screens.help import HelpScreen
    from reader.tui.screens.prompt import PromptScreen
    from reader.tui.widgets.feed_list import FeedList as _FeedList

    ids: set[str] = set()
    for cls in (
        NewsdeckApp,
        MainScreen,
        HeadlineList,
        _FeedList,
        ArticleView,
        FactSidebar,
        SearchBar,
        HelpScreen,
        PromptScreen,
    ):
        for binding in cls.BINDINGS:
            if isinstance(binding, Binding) and binding.id:
                ids.add(binding.id)
    return ids
