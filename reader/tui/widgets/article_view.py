"""The article pane: a header (title, feed, author, date, link) over the rendered body.

The body is laid out by :func:`reader.content.render.render_document`, which knows which text
offsets each line shows; this widget only draws those lines (the Line API, so a long article costs
nothing to scroll) and re-lays them out when the width changes.  Quotes and facts are layered on
through :meth:`ArticleView.set_highlights`: ranges of the document's plain text with a style
name, drawn in theme colours taken from this widget's component classes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.content.document import Document
from reader.content.render import DEFAULT_STYLES, Highlight, RenderedDocument, render_document
from reader.models import Article
from reader.tui.text import long_date, safe_text

MAX_TEXT_WIDTH = 100  # long lines are hard to read; wider panes get a margin instead

# Style names the renderer uses that follow the theme (component class -> style name).
_THEMED = {
    "heading": "heading",
    "link": "link",
    "link-number": "link-number",
    "code": "code",
    "quote": "quote",
    "speaker": "speaker",
    "fact": "fact",
    "fact-selected": "fact-selected",
    "image": "image",
}


class ArticleView(ScrollView, can_focus=True):
    """One article, scrollable; shows a hint when nothing is open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_line(1)", "Down", show=False, id="cursor-down"),
        Binding("k,up", "scroll_line(-1)", "Up", show=False, id="cursor-up"),
        Binding("pagedown,ctrl+f", "scroll_page(1)", "Page down", show=False, id="page-down"),
        Binding("pageup,ctrl+b", "scroll_page(-1)", "Page up", show=False, id="page-up"),
        Binding("g,home", "scroll_edge(0)", "Top", show=False, id="first"),
        Binding("G,end", "scroll_edge(1)", "Bottom", show=False, id="last"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--title",
        "article-view--meta",
        "article-view--url",
        "article-view--rule",
        "article-view--hint",
        *(f"article-view--{name}" for name in _THEMED),
    }

    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        padding: 0 1;
        scrollbar-gutter: stable;
        & > .article-view--title { color: $text-primary; text-style: bold; }
        & > .article-view--meta { color: $text-secondary; }
        & > .article-view--url { color: $text-accent; text-style: underline; }
        & > .article-view--rule { color: $foreground-darken-3; }
        & > .article-view--hint { color: $foreground-muted; }
        & > .article-view--heading { color: $text-primary; text-style: bold; }
        & > .article-view--link { color: $text-accent; text-style: underline; }
        & > .article-view--link-number { color: $text-accent; text-style: bold; }
        & > .article-view--code { color: $text-success; }
        & > .article-view--image { color: $text-secondary; text-style: italic; }
        & > .article-view--quote { color: $text-warning; }
        & > .article-view--speaker { color: $text-warning; text-style: bold underline; }
        & > .article-view--fact { text-style: underline; }
        & > .article-view--fact-selected { background: $accent 40%; }
    }
    """

    class Scrolled(Message):
        """The reader scrolled; carries whether the end of the article is in view."""

        def __init__(self, article_view: ArticleView, at_end: bool) -> None:
            super().__init__()
            self.article_view = article_view
            self.at_end = at_end

        @property
        def control(self) -> ArticleView:
            return self.article_view

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._article: Article | None = None
        self._document: Document | None = None
        self._highlights: tuple[Highlight, ...] = ()
        self._lines: list[Text] = []
        self._header_height = 0
        self._rendered: RenderedDocument | None = None
        self._layout_width = 0
        self._strip_cache: dict[int, Strip] = {}
        self.hint = "Choose a headline and press enter to read it."

    # -- public API ----------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def document(self) -> Document | None:
        return self._document

    @property
    def rendered(self) -> RenderedDocument | None:
        return self._rendered

    @property
    def lines(self) -> list[Text]:
        """The laid-out lines (header and body), for tests and the sidebar."""
        return self._lines

    def set_article(
        self,
        article: Article | None,
        document: Document | None = None,
        highlights: Sequence[Highlight] = (),
    ) -> None:
        """Show ``article`` (its body already parsed into ``document``) from the top."""
        self._article = article
        self._document = document
        self._highlights = tuple(highlights)
        self._layout(force=True)
        self.scroll_to(y=0, animate=False, immediate=True)

    def set_highlights(self, highlights: Sequence[Highlight], *, reveal: int | None = None):
        """Redraw with new highlights, keeping the scroll; ``reveal`` scrolls a text offset in."""
        self._highlights = tuple(highlights)
        y = self.scroll_y
        self._layout(force=True)
        self.scroll_to(y=y, animate=False, immediate=True)
        if reveal is not None:
            self.scroll_to_offset(reveal)

    def line_of_offset(self, offset: int) -> int | None:
        if self._rendered is None:
            return None
        return self._header_height + self._rendered.line_of(offset)

    def scroll_to_offset(self, offset: int) -> None:
        """Bring the line showing a text offset into view, a third of the way down."""
        line = self.line_of_offset(offset)
        if line is None:
            return
        height = self.scrollable_content_region.height
        if not (self.scroll_y <= line < self.scroll_y + height):
            self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)

    @property
    def at_end(self) -> bool:
        return self.scroll_y >= self.max_scroll_y

    def page_down(self) -> bool:
        """Scroll a page; False when already at the end (the caller moves to the next article)."""
        if self.at_end:
            return False
        self.action_scroll_page(1)
        return True

    def plain_text(self) -> str:
        return "\n".join(line.plain for line in self._lines)

    # -- actions ------------------------------------------------------------------

    def action_scroll_line(self, lines: int) -> None:
        self.scroll_to(y=self.scroll_y + lines, animate=False, immediate=True)

    def action_scroll_page(self, pages: int) -> None:
        height = max(1, self.scrollable_content_region.height - 2)
        self.scroll_to(y=self.scroll_y + pages * height, animate=False, immediate=True)

    def action_scroll_edge(self, end: int) -> None:
        self.scroll_to(y=self.max_scroll_y if end else 0, animate=False, immediate=True)

    # -- layout -------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._layout()

    def notify_style_update(self) -> None:
        # The theme changed: the lines carry resolved colours, so lay them out again.
        super().notify_style_update()
        if self.is_mounted:
            self._layout(force=True)

    def _text_width(self) -> int:
        width = self.scrollable_content_region.width or self.size.width
        return max(10, min(width, MAX_TEXT_WIDTH))

    def _layout(self, *, force: bool = False) -> None:
        width = self._text_width()
        if width == self._layout_width and not force:
            return
        self._layout_width = width
        self._strip_cache.clear()
        if self._article is None:
            self._lines = [Text(""), Text(self.hint, style=self._style("hint"))]
            self._header_height = len(self._lines)
            self._rendered = None
        else:
            header = self._header(self._article, width)
            self._header_height = len(header)
            body: list[Text] = []
            self._rendered = None
            if self._document is not None and self._document.text:
                self._rendered = render_document(
                    self._document, width, self._highlights, self._styles()
                )
                body = list(self._rendered.lines)
            elif self._document is not None:
                body = [Text("(This article has no text. Press o to open it in a browser.)")]
                body[0].stylize(self._style("hint"))
            self._lines = header + body
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def _header(self, article: Article, width: int) -> list[Text]:
        console = self.app.console
        lines: list[Text] = []
        title = safe_text(article.display_title, self._style("title"))
        title.no_wrap = False
        lines.extend(title.wrap(console, width))
        meta = Text(no_wrap=False, end="")
        feed, author = safe_text(article.feed_title), safe_text(article.author)
        if author.plain.casefold() == feed.plain.casefold():
            author = Text()
        parts = [feed, author, Text(long_date(article.published))]
        for part in (p for p in parts if p.plain):
            if meta.plain:
                meta.append(" · ")
            meta.append_text(part)
        meta.stylize(self._style("meta"))
        if meta.plain:
            lines.extend(meta.wrap(console, width))
        if article.link:
            url = safe_text(article.link, self._style("url"))
            url.no_wrap = False
            lines.extend(url.wrap(console, width, overflow="fold"))
        lines.append(Text("─" * min(width, 40), style=self._style("rule")))
        lines.append(Text(""))
        for line in lines:
            line.end = ""
        return lines

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"article-view--{name}", partial=True)

    def _styles(self) -> dict[str, Style]:
        styles = dict(DEFAULT_STYLES)
        for component, name in _THEMED.items():
            styles[name] = self._style(component)
        return styles

    # -- drawing ----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._strip_cache.get(index)
        if strip is None:
            text = self._lines[index]
            segments = [
                Segment(seg.text, base + seg.style if seg.style else base, seg.control)
                for seg in text.render(self.app.console, end="")
            ]
            strip = Strip(segments)
            self._strip_cache[index] = strip
        return strip.crop_extend(0, width, base)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if round(old) != round(new):
            self.post_message(self.Scrolled(self, self.at_end))
