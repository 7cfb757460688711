"""A fast reader for the clean, common feeds, with feedparser kept for everything else.

feedparser costs about 20-30 ms for a 50-item feed, nearly all of it in pure-Python SAX
callbacks, relative-URI resolution and HTML sanitizing; a refresh of hundreds of feeds spends
most of its time there. Most feeds on the web are well-formed UTF-8 RSS 2.0 or Atom 1.0 whose
item HTML is already harmless, and for those the C parser in the standard library
(``xml.etree.ElementTree`` over expat) plus a few regular expressions give the same articles in
well under a millisecond.

The rule is: **same articles as feedparser, or no answer**. :func:`read_fast` returns the
entries in the shape feedparser gives them (so :mod:`reader.parse` turns both into articles
with one piece of code), reproducing feedparser's rules where they matter: whitespace
stripping, a permalink guid standing in for a missing link and resolved like one, the
"looks like HTML" guess for RSS titles, Atom's ``name (email)`` authors, the last HTML
alternate link winning, UTF-8 mis-decoded as Latin-1 repaired and cp1252 code points mapped.
HTML that feedparser's sanitizer or URI resolver would change (anything beyond its allowed
elements and attributes, ``style``, comments, relative or unsafe URLs, unknown entities) is
put through those very feedparser functions, field by field, so the output is theirs.

It returns ``None``, and the caller falls back to feedparser for the whole document, for
anything it is not sure to read the same way: documents that are not well-formed (feedparser's
tolerant mode handles those), any encoding but UTF-8/ASCII, a DOCTYPE, ``xml:base``, RSS other
than 2.0, Atom other than 1.0, RSS 1.0/RDF, XHTML content, an element in an item whose meaning
it does not know, two titles or two links, a date in a format other than RFC 822 or ISO 8601.
``tests/test_parse_fast.py`` holds it to this on real-world feeds.
"""

from __future__ import annotations

import contextlib
import html
import re
import time
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urljoin

__all__ = ["FastFeed", "read_fast", "why_not_fast"]

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"

# Children of an RSS <item> whose meaning feedparser gives to fields we never read, so they can
# be skipped (as long as nothing inside them is a title, a description... see _inert).
# Anything not here and not handled below sends the feed to feedparser.
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
_RSS_ITEM_IGNORED = frozenset(
    {
        "category",
        "comments",
        "language",
        "source",
        f"{ITUNES}duration",
        f"{ITUNES}explicit",
        f"{ITUNES}episode",
        f"{ITUNES}season",
        f"{ITUNES}episodeType",
        f"{ITUNES}image",
        f"{ITUNES}keywords",
        f"{ITUNES}block",
        f"{ITUNES}order",
        "{http://podlove.org/simple-chapters}chapters",
        "{http://wellformedweb.org/CommentAPI/}commentRSS",
        f"{DC}subject",
        f"{DC}language",
        f"{DC}rights",
        f"{DC}publisher",
        "{http://purl.org/rss/1.0/modules/slash/}comments",
        "{http://purl.org/rss/1.0/modules/slash/}section",
        "{http://purl.org/rss/1.0/modules/slash/}department",
        "{http://purl.org/rss/1.0/modules/slash/}hit_parade",
        "{http://wellformedweb.org/CommentAPI/}commentRss",
        "{http://wellformedweb.org/CommentAPI/}comment",
        "{http://purl.org/syndication/thread/1.0}total",
        "{http://rssnamespace.org/feedburner/ext/1.0}origLink",
        "{http://search.yahoo.com/mrss/}thumbnail",
        "{http://search.yahoo.com/mrss/}content",
        "{http://search.yahoo.com/mrss/}group",
        "{http://www.georss.org/georss}point",
        "{http://www.w3.org/2003/01/geo/wgs84_pos#}lat",
        "{http://www.w3.org/2003/01/geo/wgs84_pos#}long",
    }
)
_ATOM_ENTRY_IGNORED = frozenset(
    {
        f"{ATOM}category",
        f"{ATOM}rights",
        f"{ATOM}contributor",
        "{http://purl.org/syndication/thread/1.0}total",
        "{http://purl.org/syndication/thread/1.0}in-reply-to",
        "{http://rssnamespace.org/feedburner/ext/1.0}origLink",
        "{http://search.yahoo.com/mrss/}thumbnail",
        "{http://search.yahoo.com/mrss/}content",
    }
)
# Local names feedparser files under an entry's title, link, id, dates, author or body wherever
# they are nested (media:description inside media:content becomes the summary...): an ignored
# element holding one of these is not ignorable after all.
_MEANINGFUL = frozenset(
    [
        "title",
        "link",
        "guid",
        "id",
        "description",
        "summary",
        "subtitle",
        "content",
        "encoded",
        "author",
        "creator",
        "name",
        "email",
        "pubDate",
        "date",
        "published",
        "updated",
        "issued",
        "modified",
        "created",
        "enclosure",
    ]
)


def _inert(el: ET.Element) -> bool:
    return not any(
        isinstance(d.tag, str) and d.tag.rpartition("}")[2] in _MEANINGFUL
        for d in el.iter()
        if d is not el
    )


# Feed-level elements from other vocabularies that feedparser maps onto the feed's title, link
# or description; their presence means we cannot be sure which value wins.
_FEED_FIELD_NAMES = frozenset({"title", "link", "description", "subtitle", "tagline", "summary"})

_XML_DECL = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^\s;\"']+)", re.I)
_UTF8 = frozenset({"utf-8", "utf8", "us-ascii", "ascii"})

# -- feedparser's text rules ------------------------------------------------------------------

# feedparser.html._cp1252: C1 code points that are really Windows-1252 characters.
_CP1252 = {
    c: bytes([c]).decode("cp1252")
    for c in range(0x80, 0xA0)
    if c not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_C1 = re.compile("[\x80-\x9f]")
_URIFIXER = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")


_LATIN1_HIGH = re.compile("[\x80-\xff]")


def _finish(text: str) -> str:
    """feedparser's last steps for every value: repair double-decoded UTF-8, map cp1252."""
    # Both steps need a character from U+0080-U+00FF; text whose only non-ASCII characters
    # lie above (curly quotes, dashes, any non-Latin script) is left as it is, quickly.
    if not text.isascii() and _LATIN1_HIGH.search(text):
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            text = text.encode("iso-8859-1").decode("utf-8")
        if _C1.search(text):
            text = text.translate(_CP1252)
    return text


_PLAIN_ABSOLUTE = re.compile(r"https?://[^/?#;\s\\]+(?:/[^?#;\s\\]*)?", re.ASCII)


def _urljoin(base: str, uri: str) -> str:
    """feedparser.urls._urljoin."""
    if _PLAIN_ABSOLUTE.fullmatch(uri):
        # An absolute http(s) URL with no query, fragment or params comes out of urljoin
        # unchanged; skipping it saves a third of the time per item.
        return uri
    uri = _URIFIXER.sub(r"\1\3", uri)
    try:
        return urljoin(base, uri)
    except ValueError:
        return ""


class _Unsure(Exception):
    """Raised anywhere in the fast path: let feedparser read this document."""


# -- HTML that feedparser would leave alone ----------------------------------------------------

_ACCEPTABLE_ELEMENTS = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "address",
        "area",
        "article",
        "aside",
        "audio",
        "b",
        "big",
        "blockquote",
        "br",
        "button",
        "canvas",
        "caption",
        "center",
        "cite",
        "code",
        "col",
        "colgroup",
        "command",
        "datagrid",
        "datalist",
        "dd",
        "del",
        "details",
        "dfn",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "em",
        "event-source",
        "fieldset",
        "figcaption",
        "figure",
        "font",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "i",
        "img",
        "input",
        "ins",
        "kbd",
        "keygen",
        "label",
        "legend",
        "li",
        "m",
        "map",
        "menu",
        "meter",
        "multicol",
        "nav",
        "nextid",
        "noscript",
        "ol",
        "optgroup",
        "option",
        "output",
        "p",
        "pre",
        "progress",
        "q",
        "s",
        "samp",
        "section",
        "select",
        "small",
        "sound",
        "source",
        "spacer",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "tt",
        "u",
        "ul",
        "var",
        "video",
    ]
)
_ACCEPTABLE_ATTRIBUTES = frozenset(
    [
        "abbr",
        "accept",
        "accept-charset",
        "accesskey",
        "action",
        "align",
        "alt",
        "autocomplete",
        "autofocus",
        "axis",
        "background",
        "balance",
        "bgcolor",
        "bgproperties",
        "border",
        "bordercolor",
        "bordercolordark",
        "bordercolorlight",
        "bottompadding",
        "cellpadding",
        "cellspacing",
        "ch",
        "challenge",
        "char",
        "charoff",
        "charset",
        "checked",
        "choff",
        "cite",
        "class",
        "clear",
        "color",
        "cols",
        "colspan",
        "compact",
        "contenteditable",
        "controls",
        "coords",
        "data",
        "datafld",
        "datapagesize",
        "datasrc",
        "datetime",
        "default",
        "delay",
        "dir",
        "disabled",
        "draggable",
        "dynsrc",
        "enctype",
        "end",
        "face",
        "for",
        "form",
        "frame",
        "galleryimg",
        "gutter",
        "headers",
        "height",
        "hidden",
        "hidefocus",
        "high",
        "href",
        "hreflang",
        "hspace",
        "icon",
        "id",
        "inputmode",
        "ismap",
        "keytype",
        "label",
        "lang",
        "leftspacing",
        "list",
        "longdesc",
        "loop",
        "loopcount",
        "loopend",
        "loopstart",
        "low",
        "lowsrc",
        "max",
        "maxlength",
        "media",
        "method",
        "min",
        "multiple",
        "name",
        "nohref",
        "noshade",
        "nowrap",
        "open",
        "optimum",
        "pattern",
        "ping",
        "point-size",
        "poster",
        "pqg",
        "preload",
        "prompt",
        "radiogroup",
        "readonly",
        "rel",
        "repeat-max",
        "repeat-min",
        "replace",
        "required",
        "rev",
        "rightspacing",
        "rows",
        "rowspan",
        "rules",
        "scope",
        "selected",
        "shape",
        "size",
        "span",
        "src",
        "start",
        "step",
        "summary",
        "suppress",
        "tabindex",
        "target",
        "template",
        "title",
        "toppadding",
        "type",
        "unselectable",
        "urn",
        "usemap",
        "valign",
        "value",
        "variable",
        "volume",
        "vrml",
        "vspace",
        "width",
        "wrap",
        "xml:lang",
    ]  # "style" is acceptable to feedparser but rewritten: not here
)
# Attributes feedparser resolves against the base URI (feedparser.urls.RelativeURIResolver).
_URI_ATTRIBUTES = frozenset(
    {
        ("a", "href"),
        ("applet", "codebase"),
        ("area", "href"),
        ("audio", "src"),
        ("blockquote", "cite"),
        ("body", "background"),
        ("del", "cite"),
        ("form", "action"),
        ("frame", "longdesc"),
        ("frame", "src"),
        ("iframe", "longdesc"),
        ("iframe", "src"),
        ("head", "profile"),
        ("img", "longdesc"),
        ("img", "src"),
        ("img", "usemap"),
        ("input", "src"),
        ("input", "usemap"),
        ("ins", "cite"),
        ("link", "href"),
        ("object", "classid"),
        ("object", "codebase"),
        ("object", "data"),
        ("object", "usemap"),
        ("q", "cite"),
        ("script", "src"),
        ("source", "src"),
        ("video", "poster"),
        ("video", "src"),
    }
)
_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "ftp"})
_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[^\s=/>\"']+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>\"'=<`]+))?)*)\s*(/?)>"
)
_ATTR = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"'=<`]+)))?")
_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_HTML4_ENTITIES = frozenset(html.entities.entitydefs)


def _attributes_unchanged(name: str, attrs: str) -> bool:
    for a in _ATTR.finditer(attrs):
        key = a.group(1).lower()
        if key not in _ACCEPTABLE_ATTRIBUTES:
            return False
        if (name, key) in _URI_ATTRIBUTES:
            raw = a.group(2) if a.group(2) is not None else a.group(3)
            if raw is None:
                raw = a.group(4) or ""
            uri = html.unescape(raw).strip() if "&" in raw else raw.strip()
            scheme = uri.split(":", 1)[0].lower() if ":" in uri else ""
            if scheme not in _SAFE_SCHEMES or ("://" not in uri and scheme != "mailto"):
                return False
    return True


def _html_unchanged(value: str) -> bool:
    """Would feedparser's URI resolver and sanitizer keep every element, attribute and URL?

    They re-serialize the markup (``<br>`` becomes ``<br />``, attributes get quoted), which
    changes bytes but not what a reader sees; anything they would drop or rewrite makes this
    False, and the caller then runs them for real.
    """
    if "<" in value:
        tags = _TAG.findall(value)  # one pass in C; Python looks only at tags with attributes
        if len(tags) != value.count("<"):
            return False  # a stray "<", a comment, CDATA, a processing instruction
        names = {t[1] for t in tags}
        if not {n.lower() for n in names} <= _ACCEPTABLE_ELEMENTS:
            return False
        for _slash, name, attrs, _end in tags:
            if attrs and not _attributes_unchanged(name.lower(), attrs):
                return False
    if "&" in value:
        for m in _ENTITY.finditer(value):
            ref = m.group(1)
            if ref[0] != "#" and ref not in _HTML4_ENTITIES:
                return False
    return True


def _clean_html(value: str, base: str, content_type: str = "text/html") -> str:
    """feedparser's treatment of an HTML field: resolve relative URIs, then sanitize."""
    if not value or _html_unchanged(value):
        return value
    from feedparser.sanitizer import _sanitize_html
    from feedparser.urls import resolve_relative_uris

    value = resolve_relative_uris(value, base, "utf-8", content_type)
    return _sanitize_html(value, "utf-8", content_type)


_LOOKS_HTML = re.compile(r"</(\w+)>|&#?\w+;")


def _exact_html(value: str, base: str) -> str:
    """feedparser's output to the byte, for short fields shown as they are (titles, the
    feed's description): the shortcut of :func:`_clean_html` keeps the meaning of markup
    but not its spelling, which only bodies (read through the document model) can afford."""
    if "<" not in value and "&" not in value:
        return value
    from feedparser.sanitizer import _sanitize_html
    from feedparser.urls import resolve_relative_uris

    value = resolve_relative_uris(value, base, "utf-8", "text/html")
    return _sanitize_html(value, "utf-8", "text/html")


def _plain_or_html(value: str, base: str) -> str:
    """An RSS title or other nominally plain field: feedparser guesses HTML from its looks."""
    if not _LOOKS_HTML.search(value):
        return value
    from feedparser.mixin import _FeedParserMixin

    if _FeedParserMixin.looks_like_html(value):
        return _exact_html(value, base)
    return value


# -- dates ----------------------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}
_ZONES = {"ut": 0, "utc": 0, "gmt": 0, "z": 0, "edt": -4, "est": -5, "cdt": -5, "cst": -6}
_ZONES.update({"mdt": -6, "mst": -7, "pdt": -7, "pst": -8})
_RFC822 = re.compile(
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{4})\s+"
    r"(\d{1,2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|[a-z]{1,3})",
    re.I,
)
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})"
)


def _date(value: str) -> time.struct_time:
    """RFC 822 or ISO 8601 as feedparser reads them (UTC struct_time); anything else: unsure."""
    m = _RFC822.fullmatch(value)
    if m:
        day, mon, year, hh, mm, ss, zone = m.groups()
        month = _MONTHS.get(mon.lower())
        zone = zone.lower()
        if month is None:
            raise _Unsure("month")
        if zone[0] in "+-":
            hours, minutes = int(zone[1:3]), int(zone[3:])
            offset = timedelta(hours=hours, minutes=minutes) * (-1 if zone[0] == "-" else 1)
        elif zone in _ZONES:
            offset = timedelta(hours=_ZONES[zone])
        else:
            raise _Unsure("zone")
        try:
            stamp = datetime(int(year), month, int(day), int(hh), int(mm), int(ss or 0))
        except ValueError:
            raise _Unsure("date out of range") from None
        return (stamp - offset).utctimetuple()
    m = _ISO.fullmatch(value)
    if m:
        year, month, day, hh, mm, ss, zone = m.groups()
        try:
            stamp = datetime(int(year), int(month), int(day), int(hh), int(mm), int(ss or 0))
        except ValueError:
            raise _Unsure("date out of range") from None
        if zone not in ("Z", "z"):
            sign = -1 if zone[0] == "-" else 1
            stamp -= sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
        return stamp.replace(tzinfo=UTC).utctimetuple()
    raise _Unsure(f"date format: {value!r}")


# -- the document ------------------------------------------------------------------------------


class FastFeed:
    """What :func:`read_fast` read: feedparser-shaped dictionaries, and the version string."""

    __slots__ = ("entries", "feed", "version")

    def __init__(self, feed: dict[str, Any], entries: list[dict[str, Any]], version: str) -> None:
        self.feed, self.entries, self.version = feed, entries, version


def _text(el: ET.Element) -> str:
    if len(el):
        raise _Unsure(f"markup inside <{el.tag}>")
    return _finish((el.text or "").strip())


def _once(entry: dict[str, Any], key: str, value: Any) -> None:
    if key in entry:
        raise _Unsure(f"two {key} elements")
    entry[key] = value


def _encoding_ok(data: bytes, content_type: str | None) -> bool:
    if content_type:
        m = _CHARSET.search(content_type)
        if m and m.group(1).lower() not in _UTF8:
            return False
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:64]:
        return False  # UTF-16/32
    m = _XML_DECL.match(data)
    return m is None or m.group(1).decode().lower() in _UTF8


def read_fast(data: bytes, url: str = "", content_type: str | None = None) -> FastFeed | None:
    """Read a clean RSS 2.0 or Atom 1.0 document exactly as feedparser would, else None."""
    try:
        return _read(data, url, content_type)
    except (_Unsure, ValueError, RecursionError):
        return None


def why_not_fast(data: bytes, url: str = "", content_type: str | None = None) -> str | None:
    """The reason :func:`read_fast` leaves a document to feedparser (None: it reads it)."""
    try:
        _read(data, url, content_type)
    except (_Unsure, ValueError, RecursionError) as exc:
        return str(exc) or type(exc).__name__
    return None


def _read(data: bytes, url: str, content_type: str | None) -> FastFeed:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    data = data.lstrip(b" \t\r\n")
    if not data.startswith(b"<"):
        raise _Unsure("does not start with markup")
    if not _encoding_ok(data, content_type):
        raise _Unsure("not UTF-8")
    head = data[:4096]
    if b"<!DOCTYPE" in head or b"<!doctype" in head or b"<!ENTITY" in data:
        raise _Unsure("DOCTYPE")
    if b"xml:base" in data:
        raise _Unsure("xml:base")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:  # not well-formed: feedparser's tolerant reader does better
        raise _Unsure(f"not well-formed: {exc}") from None
    if root.tag == "rss" and (root.get("version") or "").strip() == "2.0":
        return _read_rss(root, url)
    if root.tag == f"{ATOM}feed":
        return _read_atom(root, url)
    raise _Unsure(f"root element {root.tag} version {root.get('version')}")


def _check_feed_fields(el: ET.Element, own: str = "") -> None:
    """Fields from other vocabularies that feedparser would let override title/link/subtitle."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or not tag.startswith("{") or tag.startswith(own or "}"):
            continue
        local = tag.rpartition("}")[2]
        if local in _FEED_FIELD_NAMES and tag != f"{ATOM}link":
            raise _Unsure(f"feed-level {tag}")
        if tag == f"{ATOM}link" and (child.get("rel") or "alternate") == "alternate":
            raise _Unsure("atom:link alternate in an RSS channel")


def _read_rss(root: ET.Element, base: str) -> FastFeed:
    channels = [c for c in root if c.tag == "channel"]
    if len(channels) != 1 or any(c.tag == "item" for c in root):
        raise _Unsure("channel layout")
    channel = channels[0]
    _check_feed_fields(channel)
    feed: dict[str, Any] = {}
    entries: list[dict[str, Any]] = []
    for child in channel:
        tag = child.tag
        if tag == "item":
            entries.append(_rss_item(child, base))
        elif tag == "title":
            _once(feed, "title", _plain_or_html(_text(child), base))
        elif tag == "link":
            link = _text(child)
            if link:
                link = _urljoin(base, link)
            _once(feed, "link", re.sub("&([A-Za-z0-9_]+);", r"&\g<1>", link))
        elif tag == "description":
            _once(feed, "subtitle", _exact_html(_text(child), base))
    return FastFeed(feed, entries, "rss20")


def _rss_item(item: ET.Element, base: str) -> dict[str, Any]:
    e: dict[str, Any] = {}
    enclosures: list[dict[str, str]] = []
    guid = None
    permalink = False
    for child in item:
        tag = child.tag
        if tag == "title":
            _once(e, "title", _plain_or_html(_text(child), base))
        elif tag == "link":
            link = _text(child)
            if not link:
                raise _Unsure("empty link")
            link = _urljoin(base, link).replace("&amp;", "&")
            _once(e, "link", re.sub("&([A-Za-z0-9_]+);", r"&\g<1>", link))
        elif tag == "guid":
            if guid is not None:
                raise _Unsure("two guids")
            # feedparser lower-cases attribute names, but compares the value as written.
            flags = [v for k, v in child.attrib.items() if k.lower() == "ispermalink"]
            if len(flags) > 1:
                raise _Unsure("guid attributes")
            permalink = (flags[0] if flags else "true") == "true"
            guid = _text(child)
            if permalink and guid:
                guid = _urljoin(base, guid)
        elif tag == "description":
            _once(e, "summary", _clean_html(_text(child), base))
        elif tag == f"{CONTENT}encoded":
            _once(e, "content", [{"value": _clean_html(_text(child), base)}])
        elif tag == "pubDate":
            value = _text(child)
            _once(e, "published", value)
            e["published_parsed"] = _date(value)
        elif tag == f"{DC}date":
            value = _text(child)
            _once(e, "updated", value)
            e["updated_parsed"] = _date(value)
        elif tag in ("author", f"{DC}creator"):
            _once(e, "author", _text(child))
        elif tag == "enclosure":
            enc = {k.lower(): v for k, v in child.attrib.items()}
            if "url" in enc:
                enc["href"] = enc.pop("url")
            enclosures.append(enc)
        elif tag not in _RSS_ITEM_IGNORED or (len(child) and not _inert(child)):
            raise _Unsure(f"item element {tag}")
    if guid is not None:
        e["id"] = guid
        if permalink and "link" not in e:
            e["link"] = guid
    if enclosures:
        e["enclosures"] = enclosures
    return e


def _atom_text(el: ET.Element, base: str, *, body: bool = False) -> str:
    kind = (el.get("type") or "text").lower()
    if kind in ("text", "text/plain"):
        return _text(el)
    if kind in ("html", "text/html"):
        return _clean_html(_text(el), base) if body else _exact_html(_text(el), base)
    raise _Unsure(f"Atom text type {kind}")


def _atom_link(el: ET.Element, base: str) -> dict[str, str] | None:
    attrs = dict(el.attrib)
    rel = attrs.setdefault("rel", "alternate")
    attrs.setdefault("type", "application/atom+xml" if rel == "self" else "text/html")
    if "href" not in attrs:
        raise _Unsure("link without href")
    attrs["href"] = _urljoin(base, attrs["href"])
    return attrs


def _is_html_alternate(link: dict[str, str]) -> bool:
    kind = link["type"].lower()
    return link["rel"] == "alternate" and kind in (
        "text/html",
        "html",
        "application/xhtml+xml",
        "xhtml",
    )


def _read_atom(root: ET.Element, base: str) -> FastFeed:
    _check_feed_fields(root, ATOM)
    feed: dict[str, Any] = {}
    entries: list[dict[str, Any]] = []
    for child in root:
        tag = child.tag
        if tag == f"{ATOM}entry":
            entries.append(_atom_entry(child, base))
        elif tag == f"{ATOM}title":
            _once(feed, "title", _atom_text(child, base))
        elif tag == f"{ATOM}subtitle":
            _once(feed, "subtitle", _atom_text(child, base))
        elif tag == f"{ATOM}link":
            link = _atom_link(child, base)
            if link and _is_html_alternate(link):
                feed["link"] = link["href"]
    return FastFeed(feed, entries, "atom10")


def _atom_entry(entry: ET.Element, base: str) -> dict[str, Any]:
    e: dict[str, Any] = {}
    enclosures: list[dict[str, str]] = []
    link = None
    for child in entry:
        tag = child.tag
        if tag == f"{ATOM}id":
            value = _text(child)
            _once(e, "id", _urljoin(base, value) if value else value)
        elif tag == f"{ATOM}title":
            _once(e, "title", _atom_text(child, base))
        elif tag == f"{ATOM}link":
            attrs = _atom_link(child, base)
            assert attrs is not None
            if attrs["rel"] == "enclosure":
                enclosures.append(attrs)
            elif _is_html_alternate(attrs):
                link = attrs["href"]
        elif tag == f"{ATOM}summary":
            _once(e, "summary", _atom_text(child, base, body=True))
        elif tag == f"{ATOM}content":
            if child.get("src") is not None:
                raise _Unsure("content src")
            _once(e, "content", [{"value": _atom_text(child, base, body=True)}])
        elif tag == f"{ATOM}published":
            value = _text(child)
            _once(e, "published", value)
            e["published_parsed"] = _date(value)
        elif tag == f"{ATOM}updated":
            value = _text(child)
            _once(e, "updated", value)
            e["updated_parsed"] = _date(value)
        elif tag == f"{ATOM}author":
            if "author" in e:
                raise _Unsure("two authors")
            name = email = ""
            for part in child:
                if part.tag == f"{ATOM}name":
                    name = _text(part)
                elif part.tag == f"{ATOM}email":
                    email = _text(part)
                elif part.tag != f"{ATOM}uri":
                    raise _Unsure(f"author element {part.tag}")
            if name and email:
                e["author"] = f"{name} ({email})"
            elif name or email:
                e["author"] = name or email
        elif tag not in _ATOM_ENTRY_IGNORED or (len(child) and not _inert(child)):
            raise _Unsure(f"entry element {tag}")
    if link is not None:
        e["link"] = link
    elif e.get("id"):
        e["link"] = e["id"]  # feedparser: an Atom id is a permalink guid
    if enclosures:
        e["enclosures"] = enclosures
    return e
