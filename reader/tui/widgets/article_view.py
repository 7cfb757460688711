"""The article pane: a header (title, feed, author, date, link) over the rendered body.

The body is laid out by :func:`reader.content.render.render_document`, which knows which text
offsets each line shows; this widget only draws those lines (the Line API, so a long article costs
nothing to scroll) and re-lays them out when the width changes.  Quotes and facts are layered on
through :meth:`ArticleView.set_highlights`: ranges of the document's plain text with a style
name, drawn in theme colours taken from this widget's component classes.

Quotations arrive after the text (:meth:`ArticleView.set_quotes`, from a worker): each is drawn in
the ``quote`` style with its speaker's attribution in ``speaker``, and ``]``/``[`` step through
them in reading order, the headline's own quotation first.  A selection from the fact sidebar
(:meth:`ArticleView.select`) is drawn over everything in ``fact-selected``.  Typing a link's number
opens it; digits typed in quick succession make one number, so link 12 is "1" then "2".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
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
from textual.timer import Timer

from reader.content.document import Document
from reader.content.fulltext import header_note, word_count
from reader.content.render import DEFAULT_STYLES, Highlight, RenderedDocument, render_document
from reader.models import Article
from reader.tui.text import long_date, safe_text

MAX_TEXT_WIDTH = 100  # long lines are hard to read; wider panes get a margin instead
LINK_DIGIT_DELAY = 0.8  # seconds to wait for a second digit before opening link N
QUOTE_MARKS = frozenset("“”\"„‘’'‚«»‹›「」『』")

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
    "quote-current": "quote-current",
    "image": "image",
}


@dataclass(frozen=True, slots=True)
class QuoteMark:
    """One quotation on screen: in the headline (title offsets) or the body (text offsets)."""

    in_title: bool
    start: int
    end: int
    speaker: str | None
    speaker_start: int | None = None
    speaker_end: int | None = None

    @classmethod
    def of(cls, quote, *, in_title: bool = False) -> QuoteMark:
        """From a :class:`reader.content.quotes.Quote` (duck-typed: the cache may hand dicts back)."""
        return cls(
            in_title, quote.start, quote.end, quote.speaker, quote.speaker_start, quote.speaker_end
        )


def with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a quotation's range to take in its own quote marks, so the marks are coloured too."""
    if start > 0 and text[start - 1 : start] in QUOTE_MARKS:
        start -= 1
    if end < len(text) and text[end : end + 1] in QUOTE_MARKS:
        end += 1
    return start, end


class ArticleView(ScrollView, can_focus=True):
    """One article, scrollable; shows a hint when nothing is open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_line(1)", "Down", show=False, id="cursor-down"),
        Binding("k,up", "scroll_line(-1)", "Up", show=False, id="cursor-up"),
        Binding("pagedown,ctrl+f", "scroll_page(1)", "Page down", show=False, id="page-down"),
        Binding("pageup,ctrl+b", "scroll_page(-1)", "Page up", show=False, id="page-up"),
        Binding("g,home", "scroll_edge(0)", "Top", show=False, id="first"),
        Binding("G,end", "scroll_edge(1)", "Bottom", show=False, id="last"),
        *(
            Binding(
                str(digit),
                f"link_digit({digit})",
                "Open link",
                show=False,
                id="open-link-number",
                tooltip="Open link N of the article (type its number: 1 then 2 is link 12)",
            )
            for digit in (1, 2, 3, 4, 5, 6, 7, 8, 9, 0)
        ),
        Binding(
            "enter",
            "commit_link",
            "Open link now",
            show=False,
            id="open-link-now",
            tooltip="Open the link whose number is being typed without waiting",
        ),
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
        & > .article-view--url { color: $text-secondary; text-style: underline; }
        & > .article-view--rule { color: $foreground-darken-3; }
        & > .article-view--hint { color: $foreground-muted; }
        & > .article-view--heading { color: $text-primary; text-style: bold; }
        /* Links keep off the quotations' colour ($text-accent is $text-warning in some themes). */
        & > .article-view--link { color: $text-secondary; text-style: underline; }
        & > .article-view--link-number { color: $text-primary; text-style: bold; }
        & > .article-view--code { color: $text-success; }
        & > .article-view--image { color: $text-secondary; text-style: italic; }
        & > .article-view--quote { color: $text-warning; }
        & > .article-view--speaker { color: $text-warning; text-style: bold underline; }
        & > .article-view--fact { text-style: underline; }
        & > .article-view--fact-selected { background: $primary 60%; color: $text; }
        & > .article-view--quote-current { background: $warning 18%; }
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

    class QuoteChanged(Message):
        """``]``/``[`` made quotation ``index`` (0-based, of ``total``) the current one."""

        def __init__(
            self, article_view: ArticleView, index: int, total: int, quote: QuoteMark
        ) -> None:
            super().__init__()
            self.article_view = article_view
            self.index = index
            self.total = total
            self.quote = quote

        @property
        def control(self) -> ArticleView:
            return self.article_view

    class LinkChosen(Message):
        """The reader typed the number of one of the article's links: open ``url``."""

        def __init__(self, article_view: ArticleView, number: int, url: str) -> None:
            super().__init__()
            self.article_view = article_view
            self.number = number
            self.url = url

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
        self._quotes: tuple[QuoteMark, ...] = ()
        self._current: int | None = None
        self._selected: tuple[tuple[int, int], ...] = ()
        self._selected_title: tuple[tuple[int, int], ...] = ()
        self._revealed = 0  # which occurrence of the selection was last scrolled to
        self._digits = ""
        self._digit_timer: Timer | None = None
        self.link_delay = LINK_DIGIT_DELAY

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
        """Show ``article`` (its body already parsed into ``document``) from the top.

        Quotations and any selection belong to the article shown before: they are dropped until
        :meth:`set_quotes` brings this one's.
        """
        self._article = article
        self._document = document
        self._highlights = tuple(highlights)
        self._quotes = ()
        self._current = None
        self._selected = self._selected_title = ()
        self._reset_digits()
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

    # -- quotations --------------------------------------------------------------

    def set_quotes(self, quotes: Sequence, title_quotes: Sequence = ()) -> None:
        """Highlight the article's quotations (body offsets) and the headline's (title offsets).

        Called when the worker that extracts them is done, so the text is already on screen;
        the scroll position is kept.
        """
        marks = [QuoteMark.of(q, in_title=True) for q in sorted(title_quotes, key=_start)]
        marks += [QuoteMark.of(q) for q in sorted(quotes, key=_start)]
        self._quotes = tuple(marks)
        self._current = None
        self._relayout_keeping_scroll()

    @property
    def quotes(self) -> tuple[QuoteMark, ...]:
        """Every quotation in reading order: the headline's first, then the body's."""
        return self._quotes

    @property
    def current_quote(self) -> int | None:
        """Index into :attr:`quotes` of the one ``]``/``[`` last moved to."""
        return self._current

    def next_quote(self, step: int = 1) -> QuoteMark | None:
        """Move to the next (``step`` 1) or previous (-1) quotation and bring it into view.

        From a quotation still on screen the move is relative to it; after the reader scrolled
        away it starts from what is on screen, so ``]`` never jumps back above the view.
        Returns ``None`` (and stays) when there is no quotation that way.
        """
        if not self._quotes:
            return None
        lines = [self._quote_lines(q) for q in self._quotes]
        top = round(self.scroll_y)
        height = max(1, self.scrollable_content_region.height)
        current = self._current
        if current is not None and not (
            lines[current].start < top + height and lines[current].stop > top
        ):
            current = None  # scrolled away from it
        if current is not None:
            target = current + step
        elif step > 0:
            target = next((i for i, r in enumerate(lines) if r.start >= top), len(lines))
        else:
            target = next((i for i in reversed(range(len(lines))) if lines[i].start < top), -1)
        if not 0 <= target < len(self._quotes):
            return None
        self._current = target
        self._relayout_keeping_scroll()
        self._reveal(lines[target])
        quote = self._quotes[target]
        self.post_message(self.QuoteChanged(self, target, len(self._quotes), quote))
        return quote

    def quote_line_range(self, index: int) -> range:
        """The lines (of :attr:`lines`) quotation ``index`` covers."""
        return self._quote_lines(self._quotes[index])

    # -- selection from the fact sidebar -------------------------------------------------

    def select(
        self,
        ranges: Sequence[tuple[int, int]],
        title_ranges: Sequence[tuple[int, int]] = (),
        *,
        reveal: bool = True,
    ) -> None:
        """Mark every occurrence of a fact (or a speaker's quotations) and scroll to the first."""
        self._selected = tuple(sorted((a, b) for a, b in ranges if b > a))
        self._selected_title = tuple(sorted((a, b) for a, b in title_ranges if b > a))
        self._revealed = 0
        self._relayout_keeping_scroll()
        if not reveal:
            return
        if self._selected_title:
            self.scroll_to(y=0, animate=False, immediate=True)
        elif self._selected:
            self._reveal_selected(0)

    def reveal_next_selected(self) -> int | None:
        """Scroll to the next occurrence of the selection (after the last, the first again).

        Returns its index among the occurrences (the headline's count first), or ``None``.
        """
        count = len(self._selected_title) + len(self._selected)
        if not count:
            return None
        self._revealed = (self._revealed + 1) % count
        if self._revealed < len(self._selected_title):
            self.scroll_to(y=0, animate=False, immediate=True)
        else:
            self._reveal_selected(self._revealed - len(self._selected_title))
        return self._revealed

    def _reveal_selected(self, index: int) -> None:
        if self._rendered is None:
            return
        start, end = self._selected[index]
        body = self._rendered.line_range(start, end)
        self._reveal(range(body.start + self._header_height, body.stop + self._header_height))

    def clear_selection(self) -> None:
        if self._selected or self._selected_title:
            self.select((), reveal=False)

    @property
    def selection(self) -> tuple[tuple[int, int], ...]:
        """The selected ranges of the body text (what the fact sidebar asked to highlight)."""
        return self._selected

    @property
    def body_highlights(self) -> tuple[Highlight, ...]:
        """Every highlight drawn over the body, in drawing order (later over earlier)."""
        return self._body_highlights()

    def styles_at(self, offset: int) -> set[str]:
        """The highlight style names drawn at a body text offset (for tests and tooltips)."""
        return {h.style for h in self._body_highlights() if h.start <= offset < h.end}

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

    # -- links by number ----------------------------------------------------------------

    @property
    def links(self) -> tuple[str, ...]:
        return self._document.links if self._document is not None else ()

    @property
    def pending_link(self) -> str:
        """The digits typed so far of a link number (empty when none)."""
        return self._digits

    def action_link_digit(self, digit: int) -> None:
        """Collect a digit of a link number; open at once when no longer number can follow."""
        links = self.links
        if not links:
            if self._article is not None:
                self.notify("This article has no links.", timeout=2)
            return
        if not self._digits and digit == 0:
            return
        self._digits += str(digit)
        number = int(self._digits)
        if number * 10 > len(links):  # no link number starts with these digits and goes on
            self._commit_link()
            return
        if self._digit_timer is not None:
            self._digit_timer.stop()
        self._digit_timer = self.set_timer(self.link_delay, self._commit_link)

    def action_commit_link(self) -> None:
        self._commit_link()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "commit_link":
            return bool(self._digits)  # otherwise enter means whatever it means around us
        return True

    def _commit_link(self) -> None:
        digits = self._digits
        self._reset_digits()
        if not digits:
            return
        number, links = int(digits), self.links
        if not 1 <= number <= len(links):
            noun = "link" if len(links) == 1 else "links"
            self.notify(
                f"No link {number}: this article has {len(links)} {noun}.",
                severity="warning",
                timeout=3,
            )
            return
        self.post_message(self.LinkChosen(self, number, links[number - 1]))

    def _reset_digits(self) -> None:
        self._digits = ""
        if self._digit_timer is not None:
            self._digit_timer.stop()
            self._digit_timer = None

    # -- layout -------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._layout()

    def notify_style_update(self) -> None:
        # The theme changed: the lines carry resolved colours, so lay them out again -- after
        # this refresh, once the component classes (quote, speaker, ...) have their new styles.
        super().notify_style_update()
        if self.is_mounted:
            self.call_after_refresh(self._relayout_keeping_scroll)

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
                    self._document, width, self._body_highlights(), self._styles()
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
        self._stylize_title(title)
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
        # Where the text comes from: the linked page ("full text from example.org, 1,240
        # words"), or the feed's teaser with the key that fetches the rest.
        words = None
        if article.full_text and self._document is not None:
            words = word_count(self._document.text)
        note = header_note(article, words, key=self._full_text_key())
        if note:
            line = Text(note, style=self._style("meta"), no_wrap=False)
            lines.extend(line.wrap(console, width))
        lines.append(Text("─" * min(width, 40), style=self._style("rule")))
        lines.append(Text(""))
        for line in lines:
            line.end = ""
        return lines

    def _full_text_key(self) -> str:
        """The key the header offers for "fetch the full article" (config.toml may remap it)."""
        keys = getattr(getattr(self.app, "config", None), "keys", None) or {}
        first = str(keys.get("full-text") or "F").split(",")[0].strip()
        return first or "F"

    def _body_highlights(self) -> tuple[Highlight, ...]:
        """Quotations, then the current one, then the caller's highlights, then the selection."""
        out: list[Highlight] = []
        text = self._document.text if self._document is not None else ""
        for quote in self._quotes:
            if quote.in_title:
                continue
            out.append(Highlight(*with_marks(text, quote.start, quote.end), "quote"))
            if quote.speaker_start is not None and quote.speaker_end is not None:
                out.append(Highlight(quote.speaker_start, quote.speaker_end, "speaker"))
        if self._current is not None and not self._quotes[self._current].in_title:
            quote = self._quotes[self._current]
            out.append(Highlight(*with_marks(text, quote.start, quote.end), "quote-current"))
        out.extend(self._highlights)
        out.extend(Highlight(a, b, "fact-selected") for a, b in self._selected)
        return tuple(out)

    def _stylize_title(self, title: Text) -> None:
        """The headline's own quotation ("“…,” NATO Official Says") gets the body's styles."""
        plain = title.plain
        for index, quote in enumerate(self._quotes):
            if not quote.in_title or quote.end > len(plain):
                continue
            start, end = with_marks(plain, quote.start, quote.end)
            title.stylize(self._style("quote"), start, end)
            if index == self._current:
                title.stylize(self._style("quote-current"), start, end)
            if quote.speaker_start is not None and quote.speaker_end is not None:
                title.stylize(self._style("speaker"), quote.speaker_start, quote.speaker_end)
        for start, end in self._selected_title:
            title.stylize(self._style("fact-selected"), start, end)

    def _quote_lines(self, quote: QuoteMark) -> range:
        """The lines of :attr:`lines` a quotation covers (the headline starts at line 0)."""
        if quote.in_title or self._rendered is None:
            return range(0, 1)
        body = self._rendered.line_range(quote.start, quote.end)
        return range(body.start + self._header_height, body.stop + self._header_height)

    def _reveal(self, lines: range) -> None:
        """Bring lines into view: all of them when they fit, else their start near the top."""
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if lines.start >= top and lines.stop <= top + height:
            return
        if len(lines) <= height:
            # A third of the way down reads naturally; never cut off the quotation's end.
            y = max(lines.start - height // 3, lines.stop - height)
        else:
            y = lines.start - 1
        self.scroll_to(y=max(0, y), animate=False, immediate=True)

    def _relayout_keeping_scroll(self) -> None:
        y = self.scroll_y
        self._layout(force=True)
        self.scroll_to(y=y, animate=False, immediate=True)

    def _style(self, name: str) -> Style:
        style = self.get_component_rich_style(f"article-view--{name}", partial=True)
        # A translucent background ("$warning 18%") comes back opaque from the rich style:
        # blend it over the pane's own background, as Textual would draw it.
        background = self.get_component_styles(f"article-view--{name}").background
        if 0 < background.a < 1:
            blended = self.styles.background + background
            style += Style(bgcolor=blended.rich_color)
        return style

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
            console = self.app.console
            # Text.render leaves out the line's own style when it has no spans (the title's
            # second line, the link): put it back.
            plain = None if text.spans or not text.style else base + console.get_style(text.style)
            segments = [
                Segment(seg.text, base + seg.style if seg.style else (plain or base), seg.control)
                for seg in text.render(console, end="")
            ]
            strip = Strip(segments)
            self._strip_cache[index] = strip
        return strip.crop_extend(0, width, base)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if round(old) != round(new):
            self.post_message(self.Scrolled(self, self.at_end))


def _start(quote) -> int:
    return quote.start
