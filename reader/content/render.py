"""Render a :class:`~reader.content.document.Document` to terminal lines of Rich ``Text``.

The article pane needs more than Rich's Markdown-style rendering gives: every rendered line must
know which range of ``Document.text`` it shows, so that a quote or fact found by offset can be
highlighted in place and scrolled to (``]`` / ``[``).  So this module wraps text itself (word
wrap with hanging indents, folding of words longer than the line) and keeps, for every line, the
text offsets it covers.  It depends on Rich only; the Textual widget draws the returned lines.

Highlights are ranges of ``Document.text`` with a style *name*; the caller supplies the styles
(the TUI derives them from the Textual theme), and :data:`DEFAULT_STYLES` covers every name this
module uses.  Highlights are drawn over the document's own styles, later ones over earlier ones.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len, get_character_cell_size
from rich.errors import StyleSyntaxError
from rich.style import Style
from rich.text import Span as RichSpan
from rich.text import Text

from reader.content.document import Block, Document
from reader.sanitize import clean_inline, neutralize

__all__ = ["DEFAULT_STYLES", "Highlight", "RenderedDocument", "render_document"]

DEFAULT_STYLES: dict[str, Style] = {
    # inline styles of the document (names are Span.styles)
    "bold": Style(bold=True),
    "italic": Style(italic=True),
    "code": Style(color="green"),
    "link": Style(color="blue", underline=True),
    "link-number": Style(color="blue", bold=True),
    "strike": Style(strike=True),
    "sup": Style(dim=True),
    "sub": Style(dim=True),
    # blocks
    "heading": Style(bold=True, color="cyan"),
    "heading1": Style(underline=True),
    "bullet": Style(bold=True),
    "blockquote": Style(italic=True),
    "quote-bar": Style(dim=True),
    "image": Style(italic=True, color="magenta"),
    "caption": Style(italic=True, dim=True),
    "rule": Style(dim=True),
    "table-border": Style(dim=True),
    # annotations laid over the text by the caller
    "quote": Style(color="yellow"),
    "speaker": Style(bold=True, underline=True),
    "fact": Style(underline=True),
    "fact-selected": Style(reverse=True),
}

_MIN_WIDTH = 8
_BULLET_CONTINUATION = 2  # indent under a list item whose marker we have not seen
_QUOTE_BAR = "▌ "


@dataclass(frozen=True, slots=True)
class Highlight:
    """A range of ``Document.text`` (``end`` exclusive) to draw in the style named ``style``."""

    start: int
    end: int
    style: str


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    """The article as terminal lines, and where each text offset ended up.

    ``lines[i]`` is the i-th terminal line, already wrapped to ``width`` cells.  The three
    ``run_*`` tuples map text to lines: ``run_starts[k]:run_ends[k]`` of ``Document.text`` is shown
    on line ``run_lines[k]`` (sorted by start; a table row has one run per cell).  Use
    :meth:`line_of` and :meth:`line_range` rather than reading them directly.
    ``links_line`` is the line of the "Links" heading (``None`` if the article has no links).
    """

    lines: list[Text]
    width: int
    run_starts: tuple[int, ...] = field(repr=False)
    run_ends: tuple[int, ...] = field(repr=False)
    run_lines: tuple[int, ...] = field(repr=False)
    links_line: int | None = None

    def __len__(self) -> int:
        return len(self.lines)

    def __iter__(self) -> Iterator[Text]:
        return iter(self.lines)

    def line_of(self, offset: int) -> int:
        """The line showing text offset ``offset``.

        An offset between blocks or in a space consumed by a line break maps to the line of the
        text before it; before all text, to line 0.
        """
        k = bisect.bisect_right(self.run_starts, offset) - 1
        if k < 0:
            return self.run_lines[0] if self.run_lines else 0
        return self.run_lines[k]

    def line_range(self, start: int, end: int) -> range:
        """The lines a text range ``[start, end)`` covers (to scroll a whole quote into view)."""
        first = self.line_of(start)
        last = self.line_of(max(start, end - 1))
        return range(min(first, last), max(first, last) + 1)


# --- wrapping ------------------------------------------------------------------------------------

_WORD = re.compile(r"[^ \n]+")


def _fold(s: str, start: int, end: int, width: int, ascii_text: bool) -> list[tuple[int, int]]:
    """Cut ``s[start:end]`` (one word) into pieces of at most ``width`` cells."""
    if ascii_text:
        return [(k, min(k + width, end)) for k in range(start, end, width)]
    pieces = []
    piece_start, used = start, 0
    for i in range(start, end):
        w = get_character_cell_size(s[i])
        if used + w > width and i > piece_start:
            pieces.append((piece_start, i))
            piece_start, used = i, 0
        used += w
    pieces.append((piece_start, end))
    return pieces


def _wrap(s: str, width: int) -> list[tuple[int, int]]:
    """Word-wrap ``s`` to ``width`` cells: ``(start, end)`` ranges of ``s``, one per line.

    Breaks at spaces (consumed) and at "\\n"; a word wider than the line is folded.  No-break
    spaces and other Unicode spaces stay inside words, as their authors intended.
    """
    lines: list[tuple[int, int]] = []
    base = 0
    for seg in s.split("\n"):
        ascii_text = seg.isascii()
        line_start = -1
        line_end = 0
        used = 0
        for m in _WORD.finditer(seg):
            ws, we = m.span()
            w = we - ws if ascii_text else cell_len(m.group())
            if line_start >= 0:
                gap = ws - line_end
                if used + gap + w <= width:
                    line_end, used = we, used + gap + w
                    continue
                lines.append((base + line_start, base + line_end))
                line_start = -1
            if w <= width:
                line_start, line_end, used = ws, we, w
            else:
                pieces = _fold(seg, ws, we, width, ascii_text)
                for a, b in pieces[:-1]:
                    lines.append((base + a, base + b))
                line_start, line_end = pieces[-1]
                used = line_end - line_start if ascii_text else cell_len(seg[line_start:line_end])
        if line_start >= 0:
            lines.append((base + line_start, base + line_end))
        else:
            lines.append((base, base))
        base += len(seg) + 1
    return lines


def _pad(s: str, width: int) -> str:
    """``s`` padded with spaces to ``width`` cells."""
    w = len(s) if s.isascii() else cell_len(s)
    return s + " " * (width - w) if w < width else s


# --- one block's styled text -----------------------------------------------------------------------


@dataclass(slots=True)
class _Fragment:
    """Display text of a range of the document: the text plus inserted link numbers.

    ``inserts`` holds (text position, display position, length) of each inserted "[n]".
    """

    start: int
    disp: str
    spans: list[tuple[int, int, Style]]
    inserts: list[tuple[int, int, int]]

    def to_disp(self, offset: int, is_end: bool) -> int:
        rel = offset - self.start
        shift = 0
        for pos, _dpos, length in self.inserts:
            if pos < rel or (pos == rel and not is_end):
                shift += length
        return rel + shift

    def to_doc(self, x: int) -> int:
        inside = 0
        for _pos, dpos, length in self.inserts:
            if x > dpos:
                inside += min(length, x - dpos)
        return self.start + x - inside


class _Renderer:
    def __init__(
        self,
        doc: Document,
        width: int,
        highlights: Sequence[Highlight],
        styles: Mapping[str, Style] | None,
    ) -> None:
        self.doc = doc
        self.text = neutralize(doc.text)
        self.width = max(width, _MIN_WIDTH)
        self.styles: dict[str, Style] = dict(DEFAULT_STYLES)
        if styles:
            self.styles.update(styles)
        self.highlights = sorted(
            (
                (h.start, h.end, self._style(h.style), i)
                for i, h in enumerate(highlights)
                if h.end > h.start
            ),
            key=lambda h: h[0],
        )
        self.hl_starts = [h[0] for h in self.highlights]
        self.max_hl_len = max((h[1] - h[0] for h in self.highlights), default=0)
        self.lines: list[Text] = []
        self.runs: list[tuple[int, int, int]] = []
        self.marker_width: dict[int, int] = {}

    def _style(self, name: str) -> Style:
        style = self.styles.get(name)
        if style is None:
            try:
                style = Style.parse(name)
            except StyleSyntaxError:
                raise ValueError(
                    f"unknown highlight style {name!r}: not in the styles given"
                ) from None
            self.styles[name] = style
        return style

    # -- fragments
    def fragment(
        self, start: int, end: int, block: Block, base: Sequence[str] = (), numbers: bool = True
    ) -> _Fragment:
        """Display text of ``text[start:end]`` with its inline styles, link numbers, highlights."""
        text = self.text
        spans_in = [sp for sp in block.spans if sp.start < end and sp.end > start]
        inserts: list[tuple[int, int, int]] = []
        pieces: list[str] = []
        marks: list[tuple[int, int, Style]] = []
        if numbers and any(sp.link is not None for sp in spans_in):
            cursor = start
            shift = 0
            link_style = self.styles["link-number"]
            for i, sp in enumerate(spans_in):
                if sp.link is None:
                    continue
                nxt = spans_in[i + 1] if i + 1 < len(spans_in) else None
                if nxt is not None and nxt.start == sp.end and nxt.link == sp.link:
                    continue
                at = min(sp.end, end)
                label = f"[{sp.link}]"
                pieces.append(text[cursor:at])
                pieces.append(label)
                dpos = at - start + shift
                inserts.append((at - start, dpos, len(label)))
                marks.append((dpos, dpos + len(label), link_style))
                shift += len(label)
                cursor = at
            pieces.append(text[cursor:end])
            disp = "".join(pieces)
        else:
            disp = text[start:end]
        frag = _Fragment(start, disp, [], inserts)
        out = frag.spans
        if base:
            full = len(disp)
            out.extend((0, full, self.styles[name]) for name in base)
        for sp in spans_in:
            a = frag.to_disp(max(sp.start, start), False)
            b = frag.to_disp(min(sp.end, end), True)
            for name in sorted(sp.styles):
                out.append((a, b, self.styles[name]))
        out.extend(marks)
        if self.highlights:
            lo = bisect.bisect_left(self.hl_starts, start - self.max_hl_len)
            hi = bisect.bisect_left(self.hl_starts, end)
            for h_start, h_end, style, _order in sorted(self.highlights[lo:hi], key=lambda h: h[3]):
                if h_end > start and h_start < end:
                    a = frag.to_disp(max(h_start, start), False)
                    b = frag.to_disp(min(h_end, end), True)
                    out.append((a, b, style))
        return frag

    # -- output
    def emit(
        self,
        plain: str,
        spans: list[RichSpan],
        run: tuple[int, int] | None = None,
    ) -> None:
        index = len(self.lines)
        self.lines.append(Text(plain, spans=spans, no_wrap=True, overflow="ignore"))
        if run is not None:
            self.runs.append((run[0], run[1], index))

    def blank(self) -> None:
        self.emit("", [])

    def flow(
        self,
        frag: _Fragment,
        first_prefix: str,
        rest_prefix: str,
        prefix_spans: Sequence[tuple[int, int, Style]] = (),
        fold_only: bool = False,
    ) -> None:
        """Wrap a fragment under its prefixes and emit its lines."""
        limit = self.width // 2  # deep nesting in a narrow pane: keep room for the words
        if len(first_prefix) > limit or len(rest_prefix) > limit:
            first_prefix, rest_prefix = first_prefix[:limit], rest_prefix[:limit]
        prefix_width = max(cell_len(first_prefix), cell_len(rest_prefix))
        avail = max(self.width - prefix_width, 1)
        disp = frag.disp
        if fold_only:
            ranges = []
            base = 0
            for seg in disp.split("\n"):
                if not seg:
                    ranges.append((base, base))
                else:
                    pieces = _fold(seg, 0, len(seg), avail, seg.isascii())
                    ranges.extend((base + a, base + b) for a, b in pieces)
                base += len(seg) + 1
        else:
            ranges = _wrap(disp, avail)
        for n, (a, b) in enumerate(ranges):
            prefix = first_prefix if n == 0 else rest_prefix
            plen = len(prefix)
            spans = [RichSpan(s, e, st) for s, e, st in prefix_spans if e <= plen]
            for s, e, st in frag.spans:
                if s < b and e > a:
                    spans.append(RichSpan(max(s, a) - a + plen, min(e, b) - a + plen, st))
            run = (frag.to_doc(a), frag.to_doc(b)) if b > a else None
            self.emit(prefix + disp[a:b], spans, run)

    # -- blocks
    def render(self) -> RenderedDocument:
        previous: Block | None = None
        for block in self.doc.blocks:
            if previous is not None and not _tight(previous, block):
                self.blank()
            self.block(block)
            previous = block
        links_line = None
        if self.doc.links:
            if self.lines:
                self.blank()
            links_line = len(self.lines)
            self.emit("Links", [RichSpan(0, 5, self.styles["heading"])])
            link_style = self.styles["link"]
            number_style = self.styles["link-number"]
            digits = len(str(len(self.doc.links)))
            for n, url in enumerate(self.doc.links, 1):
                label = f"[{n}]".rjust(digits + 2) + " "
                url = clean_inline(url)
                avail = max(self.width - len(label), 1)
                pieces = _fold(url, 0, len(url), avail, url.isascii()) if url else [(0, 0)]
                for k, (a, b) in enumerate(pieces):
                    prefix = label if k == 0 else " " * len(label)
                    spans = [RichSpan(len(prefix), len(prefix) + b - a, link_style)]
                    if k == 0:
                        spans.insert(0, RichSpan(0, len(label) - 1, number_style))
                    self.emit(prefix + url[a:b], spans)
        runs = sorted(self.runs)
        return RenderedDocument(
            self.lines,
            self.width,
            tuple(r[0] for r in runs),
            tuple(r[1] for r in runs),
            tuple(r[2] for r in runs),
            links_line,
        )

    def block(self, block: Block) -> None:
        kind = block.kind
        if kind == "table" and block.rows:
            self.table(block)
            return
        if kind == "rule":
            self.emit("─" * self.width, [RichSpan(0, self.width, self.styles["rule"])])
            return
        base: tuple[str, ...] = ()
        first = rest = ""
        prefix_spans: list[tuple[int, int, Style]] = []
        fold_only = False
        if kind == "heading":
            base = ("heading", "heading1") if block.level == 1 else ("heading",)
        elif kind == "list_item":
            depth = max(block.level, 1)
            indent = min(2 * (depth - 1), self.width // 3)
            if block.marker is not None:
                marker = block.marker
                self.marker_width[depth] = len(marker) + 1
                first = " " * indent + marker + " "
                rest = " " * len(first)
                prefix_spans.append((indent, indent + len(marker), self.styles["bullet"]))
            else:
                hang = self.marker_width.get(depth, _BULLET_CONTINUATION)
                first = rest = " " * (indent + hang)
        elif kind == "blockquote":
            bars = _QUOTE_BAR * min(max(block.level, 1), 6)
            first = rest = bars
            prefix_spans.append((0, len(bars), self.styles["quote-bar"]))
            base = ("blockquote",)
        elif kind == "pre":
            bars = _QUOTE_BAR * min(block.level, 6)
            first = rest = bars + "  "
            if bars:
                prefix_spans.append((0, len(bars), self.styles["quote-bar"]))
            base = ("code",)
            fold_only = True
        elif kind == "image":
            base = ("image",)
        elif kind == "caption":
            base = ("caption",)
        if kind != "list_item":
            self.marker_width.clear()
        frag = self.fragment(block.start, block.end, block, base, numbers=kind != "pre")
        self.flow(frag, first, rest, prefix_spans, fold_only)

    # -- tables
    def table(self, block: Block) -> None:
        rows = block.rows or ()
        ncols = max(len(r) for r in rows)
        # Cell ranges in the document text, exactly as from_html laid the table out.
        cells: list[list[_Fragment | None]] = []
        pos = block.start
        for r_index, row in enumerate(rows):
            if r_index:
                pos += 1
            frags: list[_Fragment | None] = []
            for c_index, cell in enumerate(row):
                if c_index:
                    pos += 3
                frags.append(self.fragment(pos, pos + len(cell), block) if cell else None)
                pos += len(cell)
            frags.extend([None] * (ncols - len(row)))
            cells.append(frags)
        natural = [
            max(
                (cell_len(row[c].disp) if row[c] is not None else 0 for row in cells),
                default=0,
            )
            for c in range(ncols)
        ]
        natural = [max(n, 1) for n in natural]
        # Keep as many columns as fit at a minimum useful width; the rest are cut off.
        shown = ncols
        while shown > 1 and 3 * shown + 1 + 3 * shown > self.width:
            shown -= 1
        avail = self.width - (3 * shown + 1)
        widths = _share(natural[:shown], avail)
        border = self.styles["table-border"]
        header = _is_header_row(cells[0], self.styles["bold"]) and len(cells) > 1

        def rule(left: str, mid: str, right: str) -> None:
            line = left + mid.join("─" * (w + 2) for w in widths) + right
            self.emit(line, [RichSpan(0, len(line), border)])

        rule("┌", "┬", "┐")
        for r_index, row in enumerate(cells):
            wrapped = []
            for c in range(shown):
                frag = row[c]
                wrapped.append(_wrap(frag.disp, widths[c]) if frag is not None else [(0, 0)])
            height = max(len(w) for w in wrapped)
            for k in range(height):
                parts: list[str] = ["│ "]
                spans: list[RichSpan] = [RichSpan(0, 1, border)]
                x = 2
                line_runs: list[tuple[int, int]] = []
                for c in range(shown):
                    frag = row[c]
                    if frag is not None and k < len(wrapped[c]):
                        a, b = wrapped[c][k]
                        piece = frag.disp[a:b]
                        for s, e, st in frag.spans:
                            if s < b and e > a:
                                spans.append(RichSpan(max(s, a) - a + x, min(e, b) - a + x, st))
                        if b > a:
                            line_runs.append((frag.to_doc(a), frag.to_doc(b)))
                    else:
                        piece = ""
                    padded = _pad(piece, widths[c])
                    parts.append(padded)
                    x += len(padded)
                    sep = " │ " if c < shown - 1 else " │"
                    parts.append(sep)
                    spans.append(RichSpan(x + 1, x + 2, border))
                    x += len(sep)
                index = len(self.lines)
                self.emit("".join(parts), spans)
                for run in line_runs:
                    self.runs.append((run[0], run[1], index))
            if r_index == 0 and header:
                rule("├", "┼", "┤")
        rule("└", "┴", "┘")
        if shown < ncols:
            note = f"(table cut to {shown} of {ncols} columns)"
            style = self.styles["caption"]
            for a, b in _wrap(note, self.width):
                self.emit(note[a:b], [RichSpan(0, b - a, style)])


def _share(natural: list[int], avail: int) -> list[int]:
    """Column widths: natural widths if they fit, else shrink the widest columns first."""
    if sum(natural) <= avail:
        return natural
    widths = list(natural)
    floor = 3
    while sum(widths) > avail:
        widest = max(widths)
        if widest <= floor:
            break
        excess = sum(widths) - avail
        count = sum(1 for w in widths if w == widest)
        second = max((w for w in widths if w < widest), default=floor)
        cut = min(widest - max(second, floor), -(-excess // count))
        cut = max(cut, 1)
        widths = [w - cut if w == widest else w for w in widths]
    return [max(1, w) for w in widths]


def _is_header_row(row: list[_Fragment | None], bold: Style) -> bool:
    """A first row whose every cell is bold throughout (from <th> or <thead>) is a header."""
    seen = False
    for frag in row:
        if frag is None:
            continue
        seen = True
        text_end = len(frag.disp) - sum(length for _p, _d, length in frag.inserts)
        if not any(s == 0 and e >= text_end and st == bold for s, e, st in frag.spans):
            return False
    return seen


def _tight(previous: Block, block: Block) -> bool:
    """Whether ``block`` follows ``previous`` without a blank line (list items, captions)."""
    if block.kind == "list_item":
        # a list's items, and a definition (<dd>) under its term (<dt>)
        return previous.kind == "list_item" or (
            block.marker is None and previous.kind == "paragraph"
        )
    if block.kind == "table":
        return previous.kind == "caption"
    return block.kind == "caption" and previous.kind in ("image", "table")


def render_document(
    doc: Document,
    width: int,
    highlights: Sequence[Highlight] = (),
    styles: Mapping[str, Style] | None = None,
) -> RenderedDocument:
    """Lay ``doc`` out as terminal lines ``width`` cells wide, with ``highlights`` drawn in.

    ``styles`` maps style names to Rich styles and overrides :data:`DEFAULT_STYLES`; a highlight
    style name found in neither is parsed as a Rich style ("bold red"), else ``ValueError``.
    Headings, list bullets and numbers (hanging indents), blockquote bars, unwrapped code, boxed
    tables, ``[image: alt]``, links as ``text[n]`` with a numbered Links list at the end.
    """
    return _Renderer(doc, width, highlights, styles).render()
