"""The reader's main screen: feeds, headlines, the article and its fact sidebar.

Wide terminals show the panes together (feeds on the left; headlines above the article on the
right).  Below 100 columns the screen gets the ``-narrow`` class and shows one pane at a time,
feeds → headlines → article, with ``q``/escape stepping back; which one is shown follows
``pane``, which this screen keeps in step with the focus.  The data work lives in the app; this
screen owns layout and movement between panes.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.fact_sidebar import FactSidebar
from reader.tui.widgets.feed_list import FeedList
from reader.tui.widgets.headline_list import HeadlineList
from reader.tui.widgets.key_bar import KeyBar
from reader.tui.widgets.search_bar import SearchBar
from reader.tui.widgets.status_bar import StatusBar

Pane = Literal["feeds", "headlines", "article"]
PANES: tuple[Pane, ...] = ("feeds", "headlines", "article")
SIDEBAR_AUTO_WIDTH = 130  # the sidebar is on by default only where the article keeps its room


class MainScreen(Screen):
    """Three panes, or one at a time on a narrow terminal."""

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_pane", "Next pane", show=False, id="next-pane"),
        Binding("shift+tab", "previous_pane", "Previous pane", show=False, id="previous-pane"),
        Binding("q", "back(True)", "Back/quit", id="back"),
        Binding("escape", "back(False)", "Back", show=False, id="close"),
    ]

    pane: reactive[Pane] = reactive("headlines", init=False)
    sidebar_wanted: reactive[bool | None] = reactive(None, init=False)

    def __init__(self, fetch_rows, clock) -> None:
        super().__init__()
        self.narrow_sidebar = False
        self._fetch_rows = fetch_rows
        self._clock = clock

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="feeds-pane"):
                yield FeedList(id="feeds")
            with Vertical(id="reading"):
                with Vertical(id="headlines-pane"):
                    search = SearchBar(id="search")
                    search.display = False
                    yield search
                    yield HeadlineList(self._fetch_rows, clock=self._clock, id="headlines")
                with Horizontal(id="article-pane"):
                    yield ArticleView(id="article")
                    yield FactSidebar(id="sidebar")
        with Vertical(id="bottom"):
            yield StatusBar(id="status")
            yield KeyBar(id="keys")

    def on_mount(self) -> None:
        self.query_one("#feeds-pane").border_title = "Feeds"
        self.query_one("#headlines-pane").border_title = "Headlines"
        self.query_one("#article-pane").border_title = "Article"
        self._apply_pane(self.pane)
        self._apply_sidebar()
        self.show_keys()
        ready = getattr(self.app, "main_screen_ready", None)
        if ready is not None:
            ready()

    def show_keys(self) -> None:
        """Fill the key bar from the live bindings (so a remapped key shows its new key)."""
        from reader.tui.screens.help import bindings_of, describe_bindings

        shown: list[tuple[str, str]] = []
        for source in (self, self.app):
            bindings = bindings_of(source)
            visible = {b.id for bs in bindings.key_to_bindings.values() for b in bs if b.show}
            for keys, _description, ident in describe_bindings(self.app, bindings):
                if ident in visible:
                    short = next(
                        b.description
                        for bs in bindings.key_to_bindings.values()
                        for b in bs
                        if b.id == ident
                    )
                    shown.append((keys.split()[0], short))
        palette = self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, ""))
        shown.append((palette, "Commands"))
        self.query_one(KeyBar).show_keys(shown)

    # -- widgets -------------------------------------------------------------------

    @property
    def feed_list(self) -> FeedList:
        return self.query_one(FeedList)

    @property
    def headline_list(self) -> HeadlineList:
        return self.query_one(HeadlineList)

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def sidebar(self) -> FactSidebar:
        return self.query_one(FactSidebar)

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    # -- panes ---------------------------------------------------------------------

    def show_pane(self, pane: Pane, *, focus: bool = True) -> None:
        """Make ``pane`` the current one (the visible one when narrow) and focus it."""
        self.pane = pane
        self._apply_pane(pane)
        if focus or self.narrow:  # a narrow screen shows only this pane: it must have focus
            self.focus_now(self._pane_widget(pane))

    def focus_now(self, widget: Widget) -> None:
        """Focus at once, not after the queued events (``Widget.focus`` defers).

        Keys typed quickly after ``/`` or enter are already queued when the action runs; with a
        deferred focus they would go to the old widget ("Banjska" typed into the list would
        press n, "next unread").
        """
        if self.app.screen is self:
            self.set_focus(widget)
        else:
            widget.focus()

    def _pane_widget(self, pane: Pane) -> Widget:
        if pane == "feeds":
            return self.feed_list
        if pane == "headlines":
            return self.headline_list
        if self.narrow and self.narrow_sidebar:
            return self.sidebar  # f swapped the article for its facts
        return self.article_view

    def _sidebar_is_stop(self) -> bool:
        """Tab visits the fact sidebar only when it is beside the article and has rows."""
        return not self.narrow and self.sidebar_shown and self.sidebar.has_entries

    def _apply_pane(self, pane: Pane) -> None:
        """Narrow: show only ``pane``.  Wide: show everything.

        This sets ``display`` on the three pane containers rather than a class on the screen:
        a screen class restyles every widget (about 0.1 s on each tab), this touches three.
        """
        narrow = self.narrow
        wanted = {
            "#feeds-pane": not narrow or pane == "feeds",
            "#reading": not narrow or pane != "feeds",
            "#headlines-pane": not narrow or pane == "headlines",
            "#article-pane": not narrow or pane == "article",
        }
        for selector, shown in wanted.items():
            widget = self.query_one(selector)
            if widget.display != shown:
                widget.display = shown

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        if widget is self.sidebar and self.pane != "article":
            self.pane = "article"  # the sidebar belongs to the article pane
            self._apply_pane("article")
            return
        for pane in PANES:
            if widget is self._pane_widget(pane) and self.pane != pane:
                self.pane = pane
                self._apply_pane(pane)

    def action_next_pane(self) -> None:
        if self._sidebar_is_stop() and self.focused is self.article_view:
            self.focus_now(self.sidebar)
            return
        self.show_pane(PANES[(PANES.index(self.pane) + 1) % len(PANES)])

    def action_previous_pane(self) -> None:
        if self._sidebar_is_stop():
            if self.focused is self.sidebar:
                self.show_pane("article")
                return
            if self.pane == "feeds":
                self.show_pane("article", focus=False)
                self.focus_now(self.sidebar)
                return
        self.show_pane(PANES[(PANES.index(self.pane) - 1) % len(PANES)])

    def action_back(self, may_quit: bool) -> None:
        """Step back: article → headlines (→ leave search) → feeds → quit (q only)."""
        app = self.app
        if self.pane == "article":
            self.show_pane("headlines")
        elif self.pane == "headlines":
            if self.headline_list.in_search:
                app.leave_search()  # type: ignore[attr-defined]
            else:
                self.show_pane("feeds")
        elif may_quit:
            app.exit()

    # -- sidebar ----------------------------------------------------------------------

    @property
    def sidebar_shown(self) -> bool:
        # One pane at a time when narrow: there f swaps the article for its facts, and that
        # choice is not remembered (it would hide the article on the next start).
        if self.narrow:
            return self.narrow_sidebar
        if self.sidebar_wanted is not None:
            return self.sidebar_wanted
        return bool(getattr(self.app, "config_sidebar", True)) and (
            self.size.width >= SIDEBAR_AUTO_WIDTH
        )

    def toggle_sidebar(self) -> bool | None:
        """Flip the sidebar; returns the choice to remember (None when narrow)."""
        if self.narrow:
            self.narrow_sidebar = not self.narrow_sidebar
            self._apply_sidebar()
            if self.pane == "article":
                self.focus_now(self._pane_widget("article"))
            return None
        self.sidebar_wanted = not self.sidebar_shown
        return self.sidebar_wanted

    def watch_sidebar_wanted(self) -> None:
        self._apply_sidebar()

    def on_resize(self) -> None:
        self._apply_pane(self.pane)
        self._apply_sidebar()
        self.call_after_refresh(self._keep_focus_visible)

    def _keep_focus_visible(self) -> None:
        """After a layout change, never leave the focus on (or lost to) a hidden pane."""
        focused = self.focused
        if isinstance(self.app.screen, MainScreen) and (
            focused is None or (self.narrow and focused.region.width == 0)
        ):
            self.focus_now(self._pane_widget(self.pane))

    def _apply_sidebar(self) -> None:
        if self.has_class("-sidebar") != self.sidebar_shown:
            self.set_class(self.sidebar_shown, "-sidebar")
        if not self.sidebar_shown and self.focused is self.sidebar:
            self.focus_now(self.article_view)  # never leave the focus on a hidden sidebar
