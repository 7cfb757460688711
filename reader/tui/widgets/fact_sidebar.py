"""The fact sidebar beside the article (``f`` toggles it).

For now it holds the "Article" section: where the article comes from, who wrote it, when, how
long it takes to read, and its link.  The fact issue adds sections (Quoted, Numbers, Dates,
People, Organisations, Places) through :meth:`FactSidebar.set_section`, so this widget owns the
frame and the order, and whoever computes a section only hands over its lines.
"""

from __future__ import annotations

import math

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from reader.content.document import Document
from reader.models import Article
from reader.tui.text import long_date, safe_text

WORDS_PER_MINUTE = 230  # a common estimate for reading news on screen

SECTION_ORDER = ("article", "quoted", "numbers", "dates", "people", "organisations", "places")
SECTION_TITLES = {
    "article": "Article",
    "quoted": "Quoted",
    "numbers": "Numbers",
    "dates": "Dates",
    "people": "People",
    "organisations": "Organisations",
    "places": "Places",
}


def reading_time(words: int) -> str:
    if words == 0:
        return "—"
    minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))
    return f"{minutes} min"


class FactSidebar(VerticalScroll, can_focus=False):
    """Sections of facts about the open article."""

    DEFAULT_CSS = """
    FactSidebar {
        width: 34;
        background: $surface;
        border-left: vkey $foreground 15%;
        padding: 0 1;
        & > .fact-sidebar--heading {
            color: $text-primary;
            text-style: bold;
            margin-top: 1;
        }
        & > .fact-sidebar--body { color: $foreground; }
        & > .fact-sidebar--empty { color: $foreground-muted; }
    }
    """

    def compose(self) -> ComposeResult:
        for key in SECTION_ORDER:
            heading = Static(SECTION_TITLES[key], classes="fact-sidebar--heading", id=f"h-{key}")
            heading.display = False
            yield heading
            body = Static("", classes="fact-sidebar--body", id=f"s-{key}")
            body.display = False
            yield body
        yield Static("No article open.", classes="fact-sidebar--empty", id="fact-empty")

    def set_section(self, key: str, content: RenderableType | None) -> None:
        """Show a section (``None`` hides it); content must be built from Text, never markup."""
        heading = self.query_one(f"#h-{key}", Static)
        body = self.query_one(f"#s-{key}", Static)
        heading.display = body.display = content is not None
        body.update(content if content is not None else "")

    def clear(self) -> None:
        for key in SECTION_ORDER:
            self.set_section(key, None)
        self.query_one("#fact-empty").display = True

    def show_article(self, article: Article, document: Document | None) -> None:
        """Fill the Article section; other sections are left to their owners."""
        self.query_one("#fact-empty").display = False
        words = document.word_count if document is not None else 0
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        rows: list[tuple[str, Text]] = [
            ("Source", safe_text(article.feed_title)),
            ("Author", safe_text(article.author) or Text("—")),
            ("Published", Text(long_date(article.published))),
            ("Reading", Text(reading_time(words))),
            ("Words", Text(f"{words:,}")),
        ]
        for label, value in rows:
            value.no_wrap = False
            grid.add_row(label, value)
        if article.link:
            link = safe_text(article.link, "underline")
            link.no_wrap = False
            link.overflow = "fold"
            grid.add_row("Link", link)
        self.set_section("article", grid)
