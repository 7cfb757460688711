"""Make text from feeds safe to put on a terminal.

Everything a feed says (titles, authors, feed names, bodies, URLs) is hostile until it has been
through this module: a title carrying ``ESC ] 52`` could write the clipboard, ``ESC [ 2 J`` would
wipe the screen, a bidi override can make a link read backwards, and zero-width characters or
soft hyphens break both alignment and search.  Textual and Rich do not strip all of these, so we
do it once, where the text enters the program.

The functions are called for every headline of a 100,000-article cache, so they are built from
precompiled regexes and ``str.translate`` tables, with a fast path for plain printable ASCII.
"""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["clean_inline", "clean_text", "html_to_text", "neutralize"]

# --- escape sequences ---------------------------------------------------------------------------
# Terminal escape sequences are removed as a whole: removing only the ESC would leave "[31m" or
# "]0;title" litter in the text.  7-bit (ESC-prefixed) and 8-bit (C1) introducers are both handled.
#   CSI  ESC [ params intermediates final      (colours, cursor movement, screen clearing)
#   OSC  ESC ] ... BEL | ST                     (window title, clipboard, hyperlinks)
#   DCS/SOS/PM/APC  ESC P|X|^|_ ... ST          (device control strings)
#   other two/three-byte escapes: ESC ( B, ESC 7, ESC c ...
# A string sequence without its terminator runs to the next ESC or the end, as a terminal would
# swallow it.
_ESCAPES = re.compile(
    r"""
      (?:\x1b\[|\x9b) [\x30-\x3f]* [\x20-\x2f]* [\x40-\x7e]?           # CSI
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]) [^\x07\x1b\x9c]* (?:\x07|\x1b\\|\x9c)?  # OSC/DCS/...
    | \x1b [\x20-\x2f]* [\x30-\x7e]                                   # nF / Fp / Fe / Fs escapes
    """,
    re.VERBOSE,
)

# --- single characters --------------------------------------------------------------------------
# Characters that are never shown: bidi controls (can reorder what the reader sees), zero-width
# characters and soft hyphens (invisible, but they split words for search and confuse widths).
_INVISIBLE = [
    *(0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF),
    *range(0x202A, 0x202F),  # LRE RLE PDF LRO RLO
    *range(0x2061, 0x2065),  # invisible operators
    *range(0x2066, 0x206A),  # LRI RLI FSI PDI
    *range(0xFFF9, 0xFFFC),  # interlinear annotation controls
]
_CONTROLS = [c for c in range(0x20) if c not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D)] + list(
    range(0x7F, 0xA0)
)

# One-line text: every kind of line break or tab becomes a space (runs collapsed afterwards).
_INLINE_TABLE: dict[int, str | None] = dict.fromkeys(_CONTROLS + _INVISIBLE)
_INLINE_TABLE.update(dict.fromkeys([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x2028, 0x2029], " "))

# Multi-line text: one character in, at most one character out, so that offsets into a clean
# text file stay the offsets into the cleaned text (only removed characters shift them).
_TEXT_TABLE: dict[int, str | None] = dict.fromkeys(_CONTROLS + _INVISIBLE)
_TEXT_TABLE.update({0x09: " ", 0x0B: "\n", 0x0C: "\n", 0x2028: "\n", 0x2029: "\n"})

# Same-length replacement, for text that already carries offsets (see ``neutralize``).
_SAME_LENGTH_TABLE: dict[int, str] = dict.fromkeys(_CONTROLS + _INVISIBLE + [0x1B], "\ufffd")
_SAME_LENGTH_TABLE.update(dict.fromkeys([0x09, 0x0B, 0x0C, 0x0D, 0x2028, 0x2029], " "))

# Characters clean_inline must remove or turn into spaces, other than ordinary ASCII whitespace
# (which _collapse_spaces handles).  Searching first and translating only on a hit is ten times faster
# than translating every string: str.translate with a dict is slow on non-ASCII text.
_INLINE_SPECIAL = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)
_C1_OR_ESC = re.compile("[\x1b\x90\x98\x9b\x9d\x9e\x9f]")
_HAS_SPECIAL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)
_UNSAFE_FOR_TERMINAL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)


def _normalize(s: str) -> str:
    # is_normalized is a quick check (and immediate for ASCII); normalize only when needed.
    if s.isascii() or unicodedata.is_normalized("NFC", s):
        return s
    return unicodedata.normalize("NFC", s)


def _collapse_spaces(s: str) -> str:
    """Whitespace to single spaces; str.replace beats the regex ~1.5x on typical text."""
    for ch in "\t\n\r\f\v":
        if ch in s:
            s = s.replace(ch, " ")
    while "  " in s:
        s = s.replace("  ", " ")
    return s


def clean_inline(s: str | None) -> str:
    """Return ``s`` as one line that is safe and tidy on a terminal (titles, authors, names).

    Escape sequences are dropped whole, control/bidi/zero-width characters and soft hyphens are
    removed, line breaks and tabs become spaces, whitespace runs collapse, the result is NFC and
    stripped.  ``None`` gives ``""`` because feeds omit fields all the time.
    """
    if not s:
        return ""
    if s.isascii() and s.isprintable():
        # The common case: nothing to remove, only maybe spaces to tidy.
        if "  " in s:
            s = _collapse_spaces(s)
        return s.strip()
    if _INLINE_SPECIAL.search(s) is not None:
        if _C1_OR_ESC.search(s) is not None:
            s = _ESCAPES.sub("", s)
        s = s.translate(_INLINE_TABLE)
    s = _collapse_spaces(s)
    return _normalize(s).strip()


def clean_text(s: str | None) -> str:
    """Return multi-line text (a plain-text body or file) made safe, keeping its line breaks.

    Unlike :func:`clean_inline` this neither collapses spaces nor strips the ends: a clean text is
    returned unchanged, so character offsets into a ``.txt`` article (quotes, facts, the labels of
    the extraction contract) are offsets into the cleaned text.  Only what is removed (escape
    sequences, invisible characters) shifts later offsets.  ``\\r\\n`` and ``\\r`` become ``\\n``.
    """
    if not s:
        return ""
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    if s.isascii():
        if s.isprintable():
            return s
    elif not _HAS_SPECIAL.search(s):
        return _normalize(s)
    if _C1_OR_ESC.search(s) is not None:
        s = _ESCAPES.sub("", s)
    return _normalize(s.translate(_TEXT_TABLE))


def neutralize(s: str) -> str:
    """Replace every terminal-unsafe character with one harmless one, keeping the length.

    For text that already has offsets laid over it (a document built elsewhere): removing
    characters would move every annotation, so each unsafe character becomes U+FFFD (controls) or
    a space (tabs, odd line breaks) instead.  ``\\n`` is kept.
    """
    if _UNSAFE_FOR_TERMINAL.search(s) is None:
        return s
    return s.translate(_SAME_LENGTH_TABLE)


# --- HTML to plain text for the search index ----------------------------------------------------
_DROP_ELEMENTS = re.compile(
    r"<(script|style|iframe|noscript|template|svg|math|object|select|textarea|button|head|title|form|nav)\b"
    r"[^>]*>.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)
_COMMENTS = re.compile(r"<!--.*?(?:-->|$)|<!\[CDATA\[|\]\]>|<![^>]*>|<\?[^>]*>", re.DOTALL)
_BLOCK_TAGS = re.compile(
    r"</?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|pre|table|thead|tbody|tfoot|tr|caption|"
    r"figure|figcaption|section|article|header|footer|aside|main|address|hr|details|summary)\b[^>]*>",
    re.IGNORECASE,
)
_CELL_TAGS = re.compile(r"<t[dh]\b[^>]*>", re.IGNORECASE)
_BR_TAGS = re.compile(r"<br\b[^>]*>", re.IGNORECASE)
_IMG_ALT = re.compile(r"""<img\b[^>]*?\balt\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>""", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[A-Za-z][^>]*>")
# Private-use marks for "block boundary" and "line break", placed while tags are removed and turned
# into newlines after cleaning (which would otherwise remove or collapse real control characters).
_PARA, _LINE = "\ue000", "\ue001"
_MARKS = re.compile("[\ue000\ue001]+")


def _marks_to_breaks(m: re.Match[str]) -> str:
    run = m.group()
    return "\n\n" if _PARA in run else "\n" * min(run.count(_LINE), 2)


def html_to_text(html_text: str | None) -> str:
    """Return quick plain text of an HTML body, for the full-text search index.

    Blocks are separated by blank lines, ``<br>`` becomes a line break, entities are decoded and
    the result is cleaned like any other feed text.  This is deliberately a handful of regexes,
    not a parser: it runs on every stored article (about 0.1 ms for a 5 KB body), and an index
    only needs the words in roughly the right order.  For display use
    :func:`reader.content.document.from_html`.
    """
    if not html_text:
        return ""
    s = html_text
    if "\ue000" in s or "\ue001" in s:
        s = s.replace(_PARA, "").replace(_LINE, "")
    if "<" in s:
        if "<!" in s or "<?" in s:
            s = _COMMENTS.sub(" ", s)
        s = _DROP_ELEMENTS.sub(" ", s)
        s = _BLOCK_TAGS.sub(_PARA, s)
        s = _CELL_TAGS.sub(" ", s)
        s = _BR_TAGS.sub(_LINE, s)
        if "<img" in s or "<IMG" in s:
            s = _IMG_ALT.sub(lambda m: f" {m.group(1) or m.group(2) or ''} ", s)
        s = _ANY_TAG.sub("", s)
    if "&" in s:
        s = html.unescape(s)
    # Whitespace in HTML source means one space (clean_inline collapses it); only the marks
    # placed above become line breaks.
    s = clean_inline(s)
    if _PARA in s or _LINE in s:
        for mark in (_PARA, _LINE):
            s = s.replace(" " + mark, mark).replace(mark + " ", mark)
        s = _MARKS.sub(_marks_to_breaks, s).strip()
    return s
