"""Article HTML (or plain text) to a document model: blocks of styled spans over one plain text.

Quotes and facts are found in plain text and come back as character offsets.  The renderer draws
HTML structure.  The document model is where the two meet: ``Document.text`` is the article's
plain text (blocks joined by blank lines), and every block, span and link refers to it by offset,
so an annotation found by ``quotes.py`` can be laid over the rendered article without searching
for strings again.

Feed HTML is messy (unclosed tags, layout tables, XHTML self-closing tags, tracking pixels, lazy
images) and hostile (escape sequences, bidi overrides), so parsing uses the forgiving stdlib
``html.parser`` with the implied-end-tag rules browsers apply, and every piece of text and every
URL passes through :mod:`reader.sanitize` before it reaches the model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin

from reader.sanitize import clean_inline, clean_text

__all__ = ["BLOCK_KINDS", "SPAN_STYLES", "Block", "Document", "Span", "from_html", "from_text"]

BLOCK_KINDS = frozenset(
    {"paragraph", "heading", "list_item", "blockquote", "pre", "image", "caption", "table", "rule"}
)
SPAN_STYLES = frozenset({"bold", "italic", "code", "link", "strike", "sup", "sub"})


@dataclass(frozen=True, slots=True)
class Span:
    """A styled range of ``Document.text`` (absolute offsets, ``end`` exclusive)."""

    start: int
    end: int
    styles: frozenset[str]
    link: int | None = None
    """1-based index into ``Document.links`` when the span is (part of) a link."""


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the article; its text is ``document.text[start:end]``.

    ``level`` is the heading level (1-6), the list nesting depth (1 = top level) or the
    blockquote depth.  ``marker`` is the bullet ("•") or number ("3.") of the first block of a
    list item; later paragraphs of the same item have ``None`` and are indented under it.
    A table's text is its cells joined by " | " per row and rows joined by "\\n"; ``rows`` holds
    the cells themselves.  An image's text is "[image: alt]" and ``src`` its absolute URL.
    """

    kind: str
    start: int
    end: int
    spans: tuple[Span, ...] = ()
    level: int = 0
    marker: str | None = None
    rows: tuple[tuple[str, ...], ...] | None = None
    src: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """An article: plain text, the blocks laid over it, and its numbered links."""

    text: str
    blocks: tuple[Block, ...]
    links: tuple[str, ...]

    @property
    def word_count(self) -> int:
        """Words of the plain text, for reading-time estimates."""
        return len(self.text.split())

    def block_text(self, block: Block) -> str:
        """The text of ``block`` (a slice of :attr:`text`)."""
        return self.text[block.start : block.end]

    def block_index_at(self, offset: int) -> int | None:
        """Index of the block containing text offset ``offset`` (None between blocks)."""
        lo, hi = 0, len(self.blocks)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.blocks[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.blocks) and self.blocks[lo].start <= offset < self.blocks[lo].end:
            return lo
        return None


EMPTY_DOCUMENT = Document("", (), ())

# --- parsing HTML into a small tree ----------------------------------------------------------------

_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
        "frame",
    ]
)
# Elements whose whole content is dropped: not article text, or not showable in a terminal.
_DROP = frozenset(
    [
        "script",
        "style",
        "iframe",
        "form",
        "nav",
        "noscript",
        "template",
        "svg",
        "math",
        "object",
        "embed",
        "applet",
        "canvas",
        "select",
        "textarea",
        "button",
        "input",
        "head",
        "title",
        "meta",
        "link",
        "audio",
        "video",
        "map",
        "dialog",
        "frameset",
        "frame",
    ]
)
# Block-level elements: starting one closes an open <p> (HTML's implied end tag).
_CLOSES_P = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dd",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
    ]
)
_P_SCOPE = frozenset(
    [
        "td",
        "th",
        "table",
        "li",
        "dd",
        "dt",
        "blockquote",
        "div",
        "section",
        "article",
        "figure",
        "ul",
        "ol",
        "body",
        "#root",
    ]
)
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_P = frozenset({"p"})
_MAX_DEPTH = 200


# A start tag closes an open element of these tags, searching no further than the boundary tags.
_IMPLIED_END: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu", "dir", "table", "#root"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl", "table", "#root"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl", "table", "#root"})),
    "tr": (frozenset({"tr"}), frozenset({"table", "thead", "tbody", "tfoot", "#root"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table", "#root"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table", "#root"})),
    "thead": (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table", "#root"})),
    "tbody": (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table", "#root"})),
    "tfoot": (frozenset({"thead", "tbody", "tfoot"}), frozenset({"table", "#root"})),
    "a": (frozenset({"a"}), frozenset({"td", "th", "table", "#root"})),
}


class _Node:
    __slots__ = ("attrs", "children", "tag")

    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | str] = []


def _is_hidden(attrs: dict[str, str]) -> bool:
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    if style and "none" in style:
        compact = style.replace(" ", "").lower()
        return "display:none" in compact or "visibility:hidden" in compact
    return False


class _TreeBuilder(HTMLParser):
    """Builds a forgiving element tree, applying the implied end tags browsers apply."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {})
        self.stack: list[_Node] = [self.root]
        self.skip_tag: str | None = None
        self.skip_depth = 0

    # -- helpers
    def _pop_to(self, index: int) -> None:
        del self.stack[index:]

    def _find_open(self, tags: frozenset[str], boundary: frozenset[str]) -> int:
        stack = self.stack
        for i in range(len(stack) - 1, 0, -1):
            tag = stack[i].tag
            if tag in tags:
                return i
            if tag in boundary:
                return -1
        return -1

    # -- parser callbacks
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        attr_map = {k: (v or "") for k, v in attrs}
        if tag in _DROP or (tag not in _VOID and _is_hidden(attr_map)):
            if tag not in _VOID:
                self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in _CLOSES_P:
            i = self._find_open(_P, _P_SCOPE)
            if i > 0:
                self._pop_to(i)
        implied = _IMPLIED_END.get(tag)
        if implied is not None:
            i = self._find_open(*implied)
            if i > 0:
                self._pop_to(i)
        elif tag in _HEADINGS and self.stack[-1].tag in _HEADINGS:
            self.stack.pop()
        node = _Node(tag, attr_map)
        self.stack[-1].children.append(node)
        # Broken HTML can nest thousands deep (unclosed <font> or <div>); past a sane depth the
        # content stays with the current element so the walk cannot exhaust the stack.
        if tag not in _VOID and len(self.stack) < _MAX_DEPTH:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # XHTML feed content writes <a name="x"/> or <p/>: treat them as closed right away.
        if self.skip_tag is not None:
            return
        self.handle_starttag(tag, attrs)
        if tag in _VOID:
            return
        if self.skip_tag is not None:
            self.skip_tag, self.skip_depth = None, 0
        elif self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if self.skip_tag is not None:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag == "br":  # "</br>" is read as <br> by browsers
            self.stack[-1].children.append(_Node("br", {}))
            return
        stack = self.stack
        for i in range(len(stack) - 1, 0, -1):
            if stack[i].tag == tag:
                del stack[i:]
                return
            if tag not in ("table",) and stack[i].tag == "table":
                return  # never close across a table boundary

    def handle_data(self, data: str) -> None:
        if self.skip_tag is not None or not data:
            return
        children = self.stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)

    def unknown_decl(self, data: str) -> None:
        if data.startswith("CDATA["):
            self.handle_data(data[6:])


# --- walking the tree into blocks ----------------------------------------------------------------

_WS = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_INLINE_STYLE = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "cite": "italic",
    "dfn": "italic",
    "var": "italic",
    "code": "code",
    "kbd": "code",
    "samp": "code",
    "tt": "code",
    "s": "strike",
    "strike": "strike",
    "del": "strike",
    "sup": "sup",
    "sub": "sub",
}
_BULLETS = ("•", "◦", "▪")
_BAD_SCHEMES = ("javascript:", "data:", "vbscript:", "file:", "about:", "blob:")
# Cell content that marks a table as page layout rather than data.
_LAYOUT_HINTS = frozenset(
    [
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "figure",
        "section",
        "article",
    ]
)
_EMOJI_IMG = re.compile(r"emoji|smiley", re.IGNORECASE)


def _roman(n: int) -> str:
    out = []
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _alpha(n: int) -> str:
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(97 + r) + out
    return out


def _ordinal(n: int, kind: str) -> str:
    if n > 0 and kind in ("a", "A"):
        s = _alpha(n)
        return s.upper() if kind == "A" else s
    if 0 < n < 4000 and kind in ("i", "I"):
        s = _roman(n)
        return s.upper() if kind == "I" else s
    return str(n)


def _int_attr(value: str | None, default: int) -> int:
    try:
        return int((value or "").strip())
    except ValueError:
        return default


class _ListState:
    __slots__ = ("counter", "kind", "ordered", "step")

    def __init__(self, ordered: bool, start: int, step: int, kind: str) -> None:
        self.ordered = ordered
        self.counter = start
        self.step = step
        self.kind = kind


class _MarkerBox:
    """The marker of one <li>: given to its first block only."""

    __slots__ = ("marker",)

    def __init__(self, marker: str | None) -> None:
        self.marker = marker

    def take(self) -> str | None:
        marker, self.marker = self.marker, None
        return marker


class _Builder:
    """Turns the element tree into ``Document`` blocks with absolute offsets."""

    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url
        self.parts: list[str] = []
        self.pos = 0
        self.blocks: list[Block] = []
        self.links: list[str] = []
        self.link_index: dict[str, int] = {}
        # inline context
        self.styles: frozenset[str] = frozenset()
        self.link: int | None = None
        self.q_depth = 0
        # block context
        self.kind = "paragraph"
        self.level = 0
        self.marker_box: _MarkerBox | None = None
        self.quote_depth = 0
        self.lists: list[_ListState] = []
        self.pre = False
        self.in_cell = False
        # the block being filled
        self.buf: list[str] = []
        self.buf_len = 0
        self.buf_spans: list[tuple[int, int, frozenset[str], int | None]] = []
        self.open = False
        self.open_kind = "paragraph"
        self.open_level = 0
        self.open_marker: str | None = None

    # -- text and blocks
    def text(self, data: str) -> None:
        if self.pre:
            data = clean_text(data.expandtabs(4))
            if not self.open:
                data = data.lstrip("\n")
        else:
            data = clean_text(_WS.sub(" ", data))
            if data.startswith(" ") and (
                not self.buf or self.buf[-1].endswith((" ", "\n")) or not self.open
            ):
                data = data[1:]
        if not data:
            return
        if not self.open:
            if self.in_cell:
                self.open = True
            else:
                if not self.pre and not data.strip():
                    return
                self._open_block()
        self._append(data)

    def _append(self, data: str) -> None:
        start = self.buf_len
        self.buf.append(data)
        self.buf_len += len(data)
        if self.styles or self.link is not None:
            spans = self.buf_spans
            if (
                spans
                and spans[-1][1] == start
                and spans[-1][2] == self.styles
                and spans[-1][3] == self.link
            ):
                spans[-1] = (spans[-1][0], self.buf_len, self.styles, self.link)
                return
            spans.append((start, self.buf_len, self.styles, self.link))

    def _open_block(self) -> None:
        self.open = True
        self.open_kind = self.kind
        self.open_level = self.level
        self.open_marker = self.marker_box.take() if self.marker_box is not None else None

    def line_break(self) -> None:
        if not self.open:
            return
        if self.in_cell:
            self._append(" ")
            return
        if self.pre:
            self._append("\n")
            return
        # Trailing spaces before a break are invisible noise; a second <br> ends the paragraph,
        # as "text<br><br>text" is how much feed HTML writes paragraphs.
        if self.buf and self.buf[-1].endswith(" "):
            self.buf[-1] = self.buf[-1][:-1]
            self.buf_len -= 1
            if self.buf_spans and self.buf_spans[-1][1] > self.buf_len:
                s, _e, st, ln = self.buf_spans.pop()
                if s < self.buf_len:
                    self.buf_spans.append((s, self.buf_len, st, ln))
        if self.buf and self.buf[-1].endswith("\n"):
            self.flush()
            return
        self._append("\n")

    def _take_buffer(self) -> tuple[str, list[tuple[int, int, frozenset[str], int | None]]]:
        text = "".join(self.buf)
        text = text.rstrip() if not self.pre else text.rstrip("\n ")
        spans = [(s, min(e, len(text)), st, ln) for s, e, st, ln in self.buf_spans if s < len(text)]
        self.buf, self.buf_len, self.buf_spans, self.open = [], 0, [], False
        return text, spans

    def flush(self) -> None:
        if not self.open or self.in_cell:
            return
        text, spans = self._take_buffer()
        if not text.strip():
            return
        self._emit(
            self.open_kind,
            text,
            spans,
            level=self.open_level,
            marker=self.open_marker,
        )

    def _emit(
        self,
        kind: str,
        text: str,
        spans: list[tuple[int, int, frozenset[str], int | None]] | tuple[()] = (),
        *,
        level: int = 0,
        marker: str | None = None,
        rows: tuple[tuple[str, ...], ...] | None = None,
        src: str | None = None,
    ) -> None:
        if self.blocks:
            self.parts.append("\n\n")
            self.pos += 2
        start = self.pos
        self.parts.append(text)
        self.pos += len(text)
        block_spans = tuple(Span(start + s, start + e, st, ln) for s, e, st, ln in spans if e > s)
        self.blocks.append(Block(kind, start, self.pos, block_spans, level, marker, rows, src))

    # -- links and images
    def _url(self, raw: str | None) -> str | None:
        if not raw:
            return None
        url = clean_inline(raw)
        if not url or url.startswith("#"):
            return None
        if url.lower().startswith(_BAD_SCHEMES):
            return None
        if self.base_url:
            try:
                url = urljoin(self.base_url, url)
            except ValueError:
                return None
        return url.replace(" ", "%20")

    def _link_number(self, url: str) -> int:
        number = self.link_index.get(url)
        if number is None:
            self.links.append(url)
            number = self.link_index[url] = len(self.links)
        return number

    def image(self, attrs: dict[str, str]) -> None:
        alt = clean_inline(attrs.get("alt") or attrs.get("title"))
        src_raw = attrs.get("src") or ""
        if not src_raw or src_raw.startswith("data:"):
            src_raw = attrs.get("data-src") or attrs.get("data-lazy-src") or ""
            src_raw = src_raw or attrs.get("data-original") or ""
            if not src_raw and attrs.get("srcset"):
                src_raw = attrs["srcset"].split(",")[0].strip().split(" ")[0]
        if attrs.get("width") in ("0", "1") or attrs.get("height") in ("0", "1"):
            return  # a tracking pixel
        if alt and _EMOJI_IMG.search(attrs.get("class", "") + " " + src_raw) and len(alt) <= 4:
            self.text(alt)  # WordPress emoji images stand for one character of text
            return
        src = self._url(src_raw)
        if src is None and not alt:
            return
        if self.in_cell:
            # Tables use images as check marks and icons: keep an alt-less one short.
            self.text(f"[image: {alt}]" if alt else "[img]")
            return
        self.flush()
        text = f"[image: {alt or 'image'}]"
        self._emit("image", text, level=self.quote_depth, src=src)

    # -- the walk
    def walk(self, node: _Node) -> None:
        for child in node.children:
            if isinstance(child, str):
                self.text(child)
            else:
                self.element(child)

    def element(self, node: _Node) -> None:
        tag = node.tag
        style = _INLINE_STYLE.get(tag)
        if style is not None:
            if self.pre and style == "code":
                self.walk(node)
                return
            saved = self.styles
            self.styles = saved | {style}
            self.walk(node)
            self.styles = saved
            return
        if tag == "a":
            url = self._url(node.attrs.get("href"))
            if url is None:
                self.walk(node)
                return
            saved_styles, saved_link = self.styles, self.link
            self.styles = saved_styles | {"link"}
            self.link = self._link_number(url)
            self.walk(node)
            self.styles, self.link = saved_styles, saved_link
            return
        if tag == "br":
            self.line_break()
            return
        if tag == "img":
            self.image(node.attrs)
            return
        if tag == "q":
            opening, closing = ("“", "”") if self.q_depth % 2 == 0 else ("‘", "’")
            self.text(opening)
            self.q_depth += 1
            self.walk(node)
            self.q_depth -= 1
            self.text(closing)
            return
        if tag == "wbr":
            return
        if self.in_cell:
            # Inside a data-table cell every block element is just a gap between words,
            # and list items are run together with bullets.
            if tag == "li":
                self.text(" • ")
            elif tag in _CLOSES_P or tag in ("tr", "td", "th", "caption"):
                self.text(" ")
            self.walk(node)
            return
        if tag == "hr":
            self.flush()
            self._emit("rule", "")
            return
        if tag in _HEADINGS:
            self._block(node, "heading", int(tag[1]))
            return
        if tag == "p" or tag == "div" or (tag in _CLOSES_P and tag not in _SPECIAL_BLOCKS):
            self.flush()
            self.walk(node)
            self.flush()
            return
        if tag == "blockquote":
            self.quote_depth += 1
            self._block(node, "blockquote", self.quote_depth)
            self.quote_depth -= 1
            return
        if tag in ("ul", "ol", "menu", "dir"):
            self.flush()
            ordered = tag == "ol"
            reverse = ordered and "reversed" in node.attrs
            count = sum(1 for c in node.children if isinstance(c, _Node) and c.tag == "li")
            start = _int_attr(node.attrs.get("start"), count if reverse else 1)
            kind = node.attrs.get("type", "1") if ordered else ""
            self.lists.append(_ListState(ordered, start, -1 if reverse else 1, kind))
            self.walk(node)
            self.flush()
            self.lists.pop()
            return
        if tag == "li":
            self.flush()
            depth = max(1, len(self.lists))
            state = self.lists[-1] if self.lists else None
            if state is not None and state.ordered:
                if "value" in node.attrs:
                    state.counter = _int_attr(node.attrs["value"], state.counter)
                marker = _ordinal(state.counter, state.kind) + "."
                state.counter += state.step
            else:
                marker = _BULLETS[(depth - 1) % len(_BULLETS)]
            self._block(node, "list_item", depth, _MarkerBox(marker))
            return
        if tag == "dl":
            self.flush()
            self.walk(node)
            self.flush()
            return
        if tag == "dt":
            saved = self.styles
            self.styles = saved | {"bold"}
            self._block(node, "paragraph", 0)
            self.styles = saved
            return
        if tag == "dd":
            self._block(node, "list_item", len(self.lists) + 1, _MarkerBox(None))
            return
        if tag == "pre":
            self.flush()
            saved = self.pre
            self.pre = True
            self._block(node, "pre", self.quote_depth)
            self.pre = saved
            return
        if tag in ("figcaption", "caption"):
            self._block(node, "caption", 0)
            return
        if tag == "table":
            self.flush()
            self.table(node)
            return
        if tag in ("tr", "td", "th", "thead", "tbody", "tfoot"):
            # Cells of a layout table: each cell's content flows as ordinary blocks.
            self.flush()
            self.walk(node)
            self.flush()
            return
        self.walk(node)  # inline or unknown element: transparent

    def _block(self, node: _Node, kind: str, level: int, box: _MarkerBox | None = None) -> None:
        self.flush()
        saved = (self.kind, self.level, self.marker_box)
        self.kind, self.level = kind, level
        if box is not None:
            self.marker_box = box
        elif kind != "paragraph":
            self.marker_box = None
        self.walk(node)
        self.flush()
        self.kind, self.level, self.marker_box = saved

    # -- tables
    def table(self, node: _Node) -> None:
        rows: list[tuple[_Node, bool]] = []
        captions: list[_Node] = []
        # Content misplaced between rows is shown before the table, as browsers do.
        fostered = _Node("#fostered", {})
        layout = False

        def collect(n: _Node, header: bool) -> None:
            for c in n.children:
                if isinstance(c, str):
                    if c.strip():
                        fostered.children.append(c)
                elif c.tag not in _TABLE_PARTS:
                    fostered.children.append(c)
                else:
                    if c.tag == "tr":
                        rows.append((c, header))
                    elif c.tag in ("thead", "tbody", "tfoot"):
                        collect(c, c.tag == "thead")
                    elif c.tag == "caption":
                        captions.append(c)
                    elif c.tag in ("td", "th") and (not rows or rows[-1][0] is not n):
                        rows.append((n, header))  # cells straight under the table

        collect(node, False)

        def has_layout_content(n: _Node) -> bool:
            # Lists, headings, images or several paragraphs in a cell: a table used for layout.
            paragraphs = 0
            for c in n.children:
                if isinstance(c, _Node):
                    if c.tag in _LAYOUT_HINTS or has_layout_content(c):
                        return True
                    if c.tag in ("p", "div"):
                        paragraphs += 1
            return paragraphs > 1

        cell_rows: list[list[tuple[_Node, bool]]] = []
        for row, header in rows:
            cells = []
            for c in row.children:
                if isinstance(c, str):
                    if c.strip() and row.tag == "tr":
                        fostered.children.append(c)
                elif c.tag in ("td", "th"):
                    cells.append((c, header or c.tag == "th"))
                elif row.tag == "tr":
                    fostered.children.append(c)
            if cells:
                cell_rows.append(cells)
        widest = max((len(r) for r in cell_rows), default=0)
        if widest <= 1 or len(cell_rows) < 1:
            layout = True
        else:
            for r in cell_rows:
                if any(has_layout_content(c) for c, _ in r):
                    layout = True
                    break
        if layout:
            self.walk(node)
            self.flush()
            return
        if fostered.children:
            self.walk(fostered)
            self.flush()
        for cap in captions:
            self._block(cap, "caption", 0)

        texts: list[tuple[str, ...]] = []
        all_spans: list[tuple[int, int, frozenset[str], int | None]] = []
        out: list[str] = []
        offset = 0
        saved_styles = self.styles
        self.in_cell = True
        for r_index, r in enumerate(cell_rows):
            if r_index:
                out.append("\n")
                offset += 1
            row_texts: list[str] = []
            for c_index, (cell, header) in enumerate(r):
                if c_index:
                    out.append(" | ")
                    offset += 3
                self.styles = saved_styles | {"bold"} if header else saved_styles
                self.open = False
                self.walk(cell)
                text, spans = self._take_buffer()
                if header and text:
                    # a header cell is bold as a whole, even if parts of it carry other styles
                    spans = [(s, e, st | {"bold"}, ln) for s, e, st, ln in spans] or [
                        (0, len(text), frozenset({"bold"}), None)
                    ]
                all_spans.extend((offset + s, offset + e, st, ln) for s, e, st, ln in spans)
                out.append(text)
                offset += len(text)
                row_texts.append(text)
                span_count = _int_attr(cell.attrs.get("colspan"), 1)
                for _ in range(min(span_count, 50) - 1):
                    out.append(" | ")
                    offset += 3
                    row_texts.append("")
            texts.append(tuple(row_texts))
        self.in_cell = False
        self.open = False
        self.styles = saved_styles
        if not any(any(t for t in row) for row in texts):
            return
        self._emit("table", "".join(out), all_spans, rows=tuple(texts))

    def document(self) -> Document:
        self.flush()
        return Document("".join(self.parts), tuple(self.blocks), tuple(self.links))


_TABLE_PARTS = frozenset(
    ["tr", "td", "th", "thead", "tbody", "tfoot", "caption", "colgroup", "col"]
)
_SPECIAL_BLOCKS = frozenset(
    [
        "blockquote",
        "ul",
        "ol",
        "menu",
        "dir",
        "li",
        "dl",
        "dt",
        "dd",
        "pre",
        "figcaption",
        "table",
        "hr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
    ]
)


def from_html(html: str | None, base_url: str | None = None) -> Document:
    """Build the document model of an article's HTML.

    Never raises on bad markup: broken HTML gives the best document the browser rules allow.
    Relative links and image URLs are resolved against ``base_url`` (the article's link).
    """
    if not html or not html.strip():
        return EMPTY_DOCUMENT
    parser = _TreeBuilder()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError):  # very old html.parser versions on garbage input
        pass
    builder = _Builder(base_url)
    builder.walk(parser.root)
    return builder.document()


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def from_text(text: str | None) -> Document:
    """Build the document model of a plain-text article.

    ``Document.text`` is the cleaned input itself (see :func:`reader.sanitize.clean_text`), so the
    offsets quotes and facts report for a ``.txt`` file are offsets into that file.  Paragraphs
    are split on blank lines; single line breaks stay inside their paragraph.
    """
    clean = clean_text(text)
    blocks: list[Block] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(clean):
        _add_paragraph(clean, pos, m.start(), blocks)
        pos = m.end()
    _add_paragraph(clean, pos, len(clean), blocks)
    return Document(clean, tuple(blocks), ())


def _add_paragraph(text: str, start: int, end: int, blocks: list[Block]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        blocks.append(Block("paragraph", start, end))
