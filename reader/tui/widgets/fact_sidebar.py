"""The fact sidebar beside the article (``f`` toggles it).

Sections, top to bottom: Article (where it comes from, who wrote it, when, how long it takes to
read, its link), Quoted (who speaks, with their number of quotations), then what the article
states: Numbers, Dates, People, Organisations, Places, each fact once with how often it is
mentioned.  The sidebar takes the focus (tab, or a click) and moves with j/k: the entry under the
cursor is announced (:class:`FactSidebar.EntryHighlighted`) so the article can mark every
occurrence, and enter (:class:`FactSidebar.EntryChosen`) on a person, organisation or place asks
for the other articles that mention it, on anything else steps to its next occurrence.

The entries are built off the UI thread by :func:`build_entries` (plain data in, plain data out);
this widget only lays them out.  Every string shown comes from feed text, so it is cleaned and
wrapped in ``Text`` (never markup).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.console import RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.geometry import Region, Spacing
from textual.message import Message
from textual.widgets import Static

from reader.content.annotate import speaker_key
from reader.content.document import Document
from reader.models import Article
from reader.sanitize import clean_inline
from reader.tui.text import long_date, safe_text
from reader.tui.widgets.article_view import with_marks

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
# Which fact kinds (reader.content.facts.KINDS) each section lists.
SECTION_KINDS: dict[str, tuple[str, ...]] = {
    "numbers": ("number", "money", "percent"),
    "dates": ("date",),
    "people": ("person",),
    "organisations": ("organization",),
    "places": ("place",),
}
ENTRY_SECTIONS = ("quoted", *SECTION_KINDS)
ENTITY_KINDS = frozenset({"person", "organization", "place"})
UNATTRIBUTED = "(unattributed)"
_FALLBACK_WIDTH = 30  # before the first layout: the default width less border and padding
_MAX_ROW_WIDTH = 48


def reading_time(words: int) -> str:
    if words == 0:
        return "—"
    minutes = max(1, math.ceil(words / WORDS_PER_MINUTE))
    return f"{minutes} min"


@dataclass(frozen=True, slots=True)
class FactEntry:
    """One row of a section: a speaker or a fact group, with where it occurs in the article.

    ``ranges`` are offsets of the document's plain text, ``title_ranges`` of the headline
    (only a speaker quoted in the headline has those); ``terms`` are the ways the article names
    an entity, OR-ed into a full-text query for the other articles that mention it.
    """

    section: str
    kind: str  # "speaker", or a fact kind
    name: str
    count: int
    ranges: tuple[tuple[int, int], ...]
    title_ranges: tuple[tuple[int, int], ...] = ()
    detail: str | None = None
    terms: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The row as a reader sees it, without the count: "KFOR (Kosovo Force)"."""
        return f"{self.name} ({self.detail})" if self.detail else self.name

    @property
    def searchable(self) -> bool:
        return self.kind in ENTITY_KINDS and bool(self.terms)

    def search_query(self) -> str:
        """A query for ``Library.search``: any of the names the article uses for it."""
        return " OR ".join(self.terms)


def build_entries(
    annotations, title_quotes: Sequence = (), text: str = "", title: str = ""
) -> dict[str, list]:
    """The sidebar's rows for one article: ``{section key: [FactEntry, ...]}``.

    ``annotations`` is a :class:`reader.content.annotate.Annotations` over ``text`` (the
    document's plain text); ``title_quotes`` are quotations found in ``title`` (the headline as
    shown), in its offsets.  Pure and cheap, but it runs in the worker with the extraction.
    """
    entries: dict[str, list[FactEntry]] = {key: [] for key in ENTRY_SECTIONS}
    entries["quoted"] = _speaker_entries(annotations.quotes, title_quotes, text, title)
    section_of = {kind: key for key, kinds in SECTION_KINDS.items() for kind in kinds}
    for group in annotations.groups():
        section = section_of.get(group.kind)
        if section is None:
            continue
        entries[section].append(_fact_entry(section, group))
    return entries


def _speaker_entries(
    quotes: Iterable, title_quotes: Iterable, text: str, headline: str
) -> list[FactEntry]:
    """Who is quoted, most quoted first, then in order of first quotation."""
    body: dict[str, list[tuple[int, int]]] = {}
    title: dict[str, list[tuple[int, int]]] = {}
    order: dict[str, tuple[int, int]] = {}
    shown: dict[str, str] = {}  # speaker_key -> the first way the body names them
    for quote in sorted(quotes, key=lambda q: q.start):
        if quote.speaker and clean_inline(quote.speaker):
            shown.setdefault(speaker_key(clean_inline(quote.speaker)), clean_inline(quote.speaker))
    for where, (pool, source) in enumerate(((title, title_quotes), (body, quotes))):
        for quote in sorted(source, key=lambda q: q.start):
            name = clean_inline(quote.speaker) if quote.speaker else UNATTRIBUTED
            name = shown.setdefault(speaker_key(name or UNATTRIBUTED), name or UNATTRIBUTED)
            # Take in the quote marks, as the highlight does.
            span = with_marks(headline if where == 0 else text, quote.start, quote.end)
            pool.setdefault(name, []).append(span)
            order.setdefault(name, (where, quote.start))
    names = sorted(
        order,
        key=lambda n: (
            n == UNATTRIBUTED,
            -(len(body.get(n, ())) + len(title.get(n, ()))),
            order[n],
        ),
    )
    return [
        FactEntry(
            "quoted",
            "speaker",
            name,
            len(body.get(name, ())) + len(title.get(name, ())),
            tuple(body.get(name, ())),
            tuple(title.get(name, ())),
        )
        for name in names
    ]


def _fact_entry(section: str, group) -> FactEntry:
    """A fact group as a row, named the way the article names it.

    People go by their fullest name ("Barack Obama").  An organisation or place goes by the
    name the article uses most, with the canonical name beside it when that differs:
    "KFOR (Kosovo Force)", "Turkey (Türkiye)".
    """
    ranges = tuple((m.start, m.end) for m in group.mentions)
    label = clean_inline(group.label)
    name, detail = label, None
    forms = Counter(clean_inline(m.text) for m in group.mentions if m.text)
    if group.kind in ("organization", "place") and forms:
        folded = {form.casefold() for form in forms}
        if label.casefold() not in folded:
            name = forms.most_common(1)[0][0]
            detail = label or None
    terms: tuple[str, ...] = ()
    if group.kind in ENTITY_KINDS:
        seen: dict[str, str] = {}
        for term in (label, *sorted(forms, key=lambda f: -forms[f])):
            term = _strip_article(term)
            if term and term.casefold() not in seen:
                seen[term.casefold()] = term
        terms = tuple(seen.values())
    return FactEntry(section, group.kind, name or label, group.count, ranges, (), detail, terms)


def _strip_article(term: str) -> str:
    """ "the EU" is searched as "EU": a stop word would only narrow the full-text match."""
    words = term.split()
    if len(words) > 1 and words[0].casefold() in ("the", "der", "die", "das", "le", "la", "el"):
        words = words[1:]
    return " ".join(words)


class FactSidebar(VerticalScroll, can_focus=True):
    """Sections of facts about the open article; a cursor moves over speakers and facts."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor(1)", "Down", show=False, id="cursor-down"),
        Binding("k,up", "cursor(-1)", "Up", show=False, id="cursor-up"),
        Binding("pagedown,ctrl+f", "cursor_page(1)", "Page down", show=False, id="page-down"),
        Binding("pageup,ctrl+b", "cursor_page(-1)", "Page up", show=False, id="page-up"),
        Binding("g,home", "cursor_edge(0)", "First", show=False, id="first"),
        Binding("G,end", "cursor_edge(1)", "Last", show=False, id="last"),
        Binding(
            "enter",
            "choose",
            "Mentions",
            id="show-mentions",
            tooltip="Other articles mentioning this person, organisation or place; "
            "on a number, date or speaker: its next occurrence",
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "fact-sidebar--cursor",
        "fact-sidebar--count",
        "fact-sidebar--detail",
    }

    DEFAULT_CSS = """
    FactSidebar {
        width: 34;
        background: $surface;
        border-left: vkey $foreground 15%;
        padding: 0 1;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        & > .fact-sidebar--heading {
            color: $text-primary;
            text-style: bold;
            margin-top: 1;
        }
        & > .fact-sidebar--body { color: $foreground; }
        & > .fact-sidebar--empty { color: $foreground-muted; }
        & > .fact-sidebar--cursor { background: $block-cursor-blurred-background; }
        &:focus > .fact-sidebar--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
        }
        & > .fact-sidebar--count { color: $text-secondary; }
        & > .fact-sidebar--detail { color: $foreground-muted; }
    }
    """

    class EntryHighlighted(Message):
        """The cursor moved onto ``entry``: show where it occurs (scrolling there if ``reveal``)."""

        def __init__(self, sidebar: FactSidebar, entry: FactEntry, reveal: bool = True) -> None:
            super().__init__()
            self.sidebar = sidebar
            self.entry = entry
            self.reveal = reveal

        @property
        def control(self) -> FactSidebar:
            return self.sidebar

    class EntryChosen(Message):
        """Enter (or a double click) on ``entry``."""

        def __init__(self, sidebar: FactSidebar, entry: FactEntry) -> None:
            super().__init__()
            self.sidebar = sidebar
            self.entry = entry

        @property
        def control(self) -> FactSidebar:
            return self.sidebar

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._entries: dict[str, list[FactEntry]] = {}
        self._flat: list[FactEntry] = []
        self._first_index: dict[str, int] = {}
        # per section: for each entry, (first line, number of lines) in that section's body
        self._entry_lines: dict[str, list[tuple[int, int]]] = {}
        self._laid_out_width = 0
        self.cursor: int | None = None

    def compose(self) -> ComposeResult:
        for key in SECTION_ORDER:
            heading = Static(SECTION_TITLES[key], classes="fact-sidebar--heading", id=f"h-{key}")
            heading.display = False
            yield heading
            body = Static("", classes="fact-sidebar--body", id=f"s-{key}")
            body.display = False
            yield body
        yield Static("No article open.", classes="fact-sidebar--empty", id="fact-empty")

    # -- sections ---------------------------------------------------------------------

    def set_section(self, key: str, content: RenderableType | None) -> None:
        """Show a section (``None`` hides it); content must be built from Text, never markup."""
        heading = self.query_one(f"#h-{key}", Static)
        body = self.query_one(f"#s-{key}", Static)
        heading.display = body.display = content is not None
        body.update(content if content is not None else "")

    def clear(self) -> None:
        self.clear_facts()
        for key in SECTION_ORDER:
            self.set_section(key, None)
        self.query_one("#fact-empty").display = True

    def show_article(self, article: Article, document: Document | None) -> None:
        """Fill the Article section; the facts of the article shown before are dropped."""
        self.clear_facts()
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

    # -- facts ------------------------------------------------------------------------

    def show_facts(self, entries: Mapping[str, Sequence[FactEntry]]) -> None:
        """Show the speakers and facts of the open article (sections without rows stay hidden)."""
        self._entries = {key: list(entries.get(key, ())) for key in ENTRY_SECTIONS}
        self._flat = []
        self._first_index = {}
        for key in ENTRY_SECTIONS:
            self._first_index[key] = len(self._flat)
            self._flat.extend(self._entries[key])
        self.cursor = None
        self._render_entries()
        if self.has_focus and self._flat:
            self.move_to(0, reveal=False)

    def clear_facts(self) -> None:
        self._entries = {}
        self._flat = []
        self._first_index = {}
        self._entry_lines = {}
        self.cursor = None
        for key in ENTRY_SECTIONS:
            self.set_section(key, None)

    @property
    def entries(self) -> list[FactEntry]:
        """Every row, top to bottom."""
        return list(self._flat)

    def section_entries(self, key: str) -> list[FactEntry]:
        return list(self._entries.get(key, ()))

    @property
    def has_entries(self) -> bool:
        return bool(self._flat)

    @property
    def current(self) -> FactEntry | None:
        return self._flat[self.cursor] if self.cursor is not None else None

    def find(self, text: str, section: str | None = None) -> int | None:
        """Index of the first row whose text (name or detail) contains ``text``."""
        for index, entry in enumerate(self._flat):
            if (section is None or entry.section == section) and text in entry.text:
                return index
        return None

    def move_to(self, index: int, *, reveal: bool = True) -> None:
        """Put the cursor on row ``index`` and announce it."""
        if not self._flat:
            return
        index = max(0, min(index, len(self._flat) - 1))
        previous = self.cursor
        self.cursor = index
        self._render_entries({self._flat[index].section} | self._section_of(previous))
        self._scroll_to_cursor()
        self.post_message(self.EntryHighlighted(self, self._flat[index], reveal))

    def plain_text(self) -> str:
        """Everything the sidebar shows, as text (for tests and the narrow layout)."""
        parts = []
        for key in SECTION_ORDER:
            body = self.query_one(f"#s-{key}", Static)
            if not body.display:
                continue
            parts.append(SECTION_TITLES[key])
            content = body.content
            if isinstance(content, Text):
                parts.append(content.plain)
            elif key == "article" and self.is_mounted:
                console = self.app.console
                options = console.options.update_width(self._body_width())
                lines = console.render_lines(content, options, pad=False)  # type: ignore[arg-type]
                parts.append("\n".join("".join(seg.text for seg in line) for line in lines))
        return "\n".join(parts)

    # -- keys and mouse -----------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        if not self._flat:
            self.scroll_relative(y=step, animate=False, immediate=True)
            return
        if self.cursor is None:
            self.move_to(0 if step > 0 else len(self._flat) - 1)
        else:
            self.move_to(self.cursor + step)

    def action_cursor_page(self, pages: int) -> None:
        if not self._flat:
            self.scroll_relative(y=pages * self.size.height, animate=False, immediate=True)
            return
        step = max(1, self.scrollable_content_region.height - 4)
        self.move_to((self.cursor or 0) + pages * step)

    def action_cursor_edge(self, end: int) -> None:
        if self._flat:
            self.move_to(len(self._flat) - 1 if end else 0)
        else:
            self.scroll_to(y=self.max_scroll_y if end else 0, animate=False, immediate=True)

    def action_choose(self) -> None:
        entry = self.current
        if entry is not None:
            self.post_message(self.EntryChosen(self, entry))

    def on_focus(self) -> None:
        if self.cursor is None and self._flat:
            # Tabbing in marks the first row where it is, but leaves the article where the
            # reader is; moving (j/k, a click) scrolls to what the cursor lands on.
            self.move_to(0, reveal=False)
        else:
            self.call_after_refresh(self._render_cursor_section)

    def on_blur(self) -> None:
        self.call_after_refresh(self._render_cursor_section)

    def on_click(self, event: events.Click) -> None:
        for key in ENTRY_SECTIONS:
            body = self.query_one(f"#s-{key}", Static)
            if not body.display:
                continue
            offset = event.get_content_offset(body)
            if offset is None:
                continue
            index = self._entry_at(key, offset.y)
            if index is None:
                return
            event.stop()
            if index != self.cursor:
                self.move_to(index)
            if event.chain >= 2:
                self.action_choose()
            return

    def notify_style_update(self) -> None:
        # The theme changed: the rows carry resolved colours (cursor, counts), so redraw them
        # once the component classes have their new styles.
        super().notify_style_update()
        if self.is_mounted and self._flat:
            self.call_after_refresh(self._render_entries)

    def on_resize(self, event: events.Resize) -> None:
        if self._flat and self._body_width() != self._laid_out_width:
            self._render_entries()

    # -- layout -------------------------------------------------------------------------

    def _section_of(self, index: int | None) -> set[str]:
        if index is None or not 0 <= index < len(self._flat):
            return set()
        return {self._flat[index].section}

    def _entry_at(self, key: str, y: int) -> int | None:
        for i, (first, count) in enumerate(self._entry_lines.get(key, ())):
            if first <= y < first + count:
                return self._first_index[key] + i
        return None

    def _body_width(self) -> int:
        width = self.scrollable_content_region.width
        # Full screen (narrow layout) a count 70 columns from its name is hard to pair with it.
        return min(width, _MAX_ROW_WIDTH) if width > 4 else _FALLBACK_WIDTH

    def _render_cursor_section(self) -> None:
        if self.cursor is not None:
            self._render_entries(self._section_of(self.cursor))

    def _render_entries(self, only: set[str] | None = None) -> None:
        width = self._body_width()
        self._laid_out_width = width
        cursor_style = self._component_style("cursor")
        count_style = self._component_style("count")
        detail_style = self._component_style("detail")
        console = self.app.console
        for key in ENTRY_SECTIONS:
            if only is not None and key not in only:
                continue
            entries = self._entries.get(key, [])
            if not entries:
                self._entry_lines[key] = []
                self.set_section(key, None)
                continue
            lines: list[Text] = []
            spans: list[tuple[int, int]] = []
            for i, entry in enumerate(entries):
                count = f"{entry.count:,}"
                label = Text(entry.name, end="")
                if entry.detail:
                    label.append(f" ({entry.detail})", detail_style)
                wrapped = label.wrap(console, max(4, width - cell_len(count) - 1), overflow="fold")
                first = len(lines)
                for n, line in enumerate(wrapped):
                    line.end = ""
                    line.rstrip()
                    pad = width - cell_len(line.plain)
                    if n == 0:
                        line.append(" " * (pad - cell_len(count)))
                        line.append(count, count_style)
                    else:
                        line.append(" " * pad)
                    if self._first_index[key] + i == self.cursor:
                        line.stylize(cursor_style)
                    lines.append(line)
                spans.append((first, len(lines) - first))
            self._entry_lines[key] = spans
            body = Text("\n", end="").join(lines)
            body.no_wrap = True
            body.overflow = "crop"
            self.set_section(key, body)

    def _component_style(self, name: str) -> Style:
        return self.get_component_rich_style(f"fact-sidebar--{name}", partial=True)

    def _scroll_to_cursor(self) -> None:
        """Keep the cursor's row in view (after the sections have their new heights)."""

        def scroll() -> None:
            entry = self.current
            if entry is None:
                return
            body = self.query_one(f"#s-{entry.section}", Static)
            row = (self.cursor or 0) - self._first_index[entry.section]
            first, count = self._entry_lines[entry.section][row]
            region = body.virtual_region
            target = Region(region.x, region.y + first, region.width, count)
            if entry is self._first_in_section(entry.section):
                # The first row brings its heading along.
                target = Region(target.x, target.y - 2, target.width, target.height + 2)
            # A little room below, so the next row is seen coming.
            self.scroll_to_region(
                target, spacing=Spacing(0, 0, 2, 0), animate=False, immediate=True
            )

        self.call_after_refresh(scroll)

    def _first_in_section(self, key: str) -> FactEntry | None:
        entries = self._entries.get(key)
        return entries[0] if entries else None
