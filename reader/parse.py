"""Feed bytes -> ParsedFeed.

feedparser reads RSS 0.9x/1.0/2.0 and Atom and is tolerant of the broken feeds
the real web serves; JSON Feed gets a small parser of our own over ``json``
because feedparser does not read it. Either way the output is the same value
objects, with UTC dates and a stable identity for every entry.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import io
import json
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin

from reader.models import Enclosure, ParsedArticle, ParsedFeed


class ParseError(Exception):
    """The bytes are not a feed we can read; the message is the reason in words."""


_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html)", re.I | re.S)


def looks_like_json(data: bytes, content_type: str | None = None) -> bool:
    if content_type and "json" in content_type.lower():
        return True
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{")


def looks_like_html(data: bytes) -> bool:
    return bool(_HTML_START.match(data[:2048]))


def parse_feed(
    data: bytes, url: str = "", content_type: str | None = None, *, now: datetime | None = None
) -> ParsedFeed:
    """Parse one feed document; raise ParseError only when nothing at all can be read."""
    if not data.strip():
        raise ParseError("empty response")
    if looks_like_json(data, content_type):
        return parse_json_feed(data, url, now=now)
    return parse_xml_feed(data, url, content_type, now=now)


# -- XML feeds via feedparser ----------------------------------------------


def _struct_to_dt(value: object) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None


def stable_guid(guid: str | None, link: str | None, title: str | None, date: str | None) -> str:
    """guid, else link, else a hash of title and date: the same entry keeps its row."""
    if guid and guid.strip():
        return guid.strip()
    if link and link.strip():
        return link.strip()
    digest = hashlib.sha1(f"{title or ''}\x00{date or ''}".encode()).hexdigest()
    return f"sha1:{digest}"


def _bozo_reason(exc: BaseException | None) -> str:
    if exc is None:
        return "unreadable"
    name = type(exc).__name__
    message = str(exc) or name
    line = getattr(exc, "getLineNumber", None)
    if callable(line):
        try:
            return f"XML error line {line()}: {exc.getMessage()}"  # type: ignore[attr-defined]
        except Exception:
            pass
    if "SAXParseException" in name:
        return f"XML error: {message}"
    return message


def parse_xml_feed(
    data: bytes,
    url: str = "",
    content_type: str | None = None,
    *,
    now: datetime | None = None,
) -> ParsedFeed:
    """RSS, Atom or RDF bytes -> ParsedFeed.

    Clean UTF-8 RSS 2.0 and Atom 1.0 documents (most of the web) are read by
    :mod:`reader.parse_fast`, about fifty times faster than feedparser and with the same
    articles; everything it is not sure about, broken feeds above all, goes to feedparser.
    """
    from reader.parse_fast import read_fast

    fast = read_fast(data, url, content_type)
    if fast is not None:
        return _build(fast.feed, fast.entries, url, now, version=fast.version, warning=None)
    return parse_with_feedparser(data, url, content_type, now=now)


def parse_with_feedparser(
    data: bytes,
    url: str = "",
    content_type: str | None = None,
    *,
    now: datetime | None = None,
) -> ParsedFeed:
    """The tolerant reader: any RSS, Atom or RDF feedparser can make sense of."""
    import feedparser  # imported lazily: it costs ~40 ms and the TUI start does not need it

    # A BytesIO, never bytes: feedparser would treat bytes naming a path as a file to open.
    headers = {"content-type": content_type or "application/xml"}
    if url:
        headers["content-location"] = url
    d = feedparser.parse(
        io.BytesIO(data),
        response_headers=headers,
        resolve_relative_uris=True,
        sanitize_html=True,
    )
    bozo_exc = d.get("bozo_exception") if d.get("bozo") else None
    if isinstance(bozo_exc, feedparser.CharacterEncodingOverride | feedparser.NonXMLContentType):
        bozo_exc = None  # a wrong charset or content type label, not a broken feed
    if not d.entries and not d.get("version"):
        if looks_like_html(data):
            raise ParseError("not a feed: HTML page")
        if bozo_exc is not None:
            raise ParseError(_bozo_reason(bozo_exc))
        raise ParseError("not a feed: no RSS, Atom or RDF found")
    return _build(
        d.feed,
        d.entries,
        url,
        now,
        version=d.get("version") or None,
        warning=_bozo_reason(bozo_exc) if bozo_exc is not None else None,
    )


def _build(
    feed: Mapping[str, Any],
    entries: Iterable[Mapping[str, Any]],
    url: str,
    now: datetime | None,
    *,
    version: str | None,
    warning: str | None,
) -> ParsedFeed:
    """feedparser-shaped dictionaries -> ParsedFeed (shared by both readers, so they agree)."""
    fallback = now or datetime.now(UTC)
    articles = []
    for e in entries:
        link = e.get("link")
        if link and url:
            link = urljoin(url, link)
        title = e.get("title")
        # dict.get, not e.get: FeedParserDict maps updated<->published with a warning.
        updated = _struct_to_dt(dict.get(e, "updated_parsed"))  # type: ignore[arg-type]
        published = _struct_to_dt(dict.get(e, "published_parsed")) or updated  # type: ignore[arg-type]
        # The fullest text wins: some feeds put the article in <description> and a
        # teaser in <content:encoded>, others the other way round.
        bodies = [c.get("value") for c in e.get("content") or [] if c.get("value")]
        summary = e.get("summary") or None
        candidates = [*bodies, summary] if summary else bodies
        content = max(candidates, key=len) if candidates else None
        if summary == content:
            summary = None
        enclosures = tuple(
            Enclosure(
                url=urljoin(url, enc.get("href")) if url else enc.get("href"),
                type=enc.get("type") or None,
                length=_int_or_none(enc.get("length")),
            )
            for enc in e.get("enclosures", [])
            if enc.get("href")
        )
        author = e.get("author") or None
        articles.append(
            ParsedArticle(
                guid=stable_guid(
                    e.get("id"),
                    link,
                    title,
                    dict.get(e, "published") or dict.get(e, "updated"),  # type: ignore[arg-type]
                ),
                title=title,
                link=link,
                author=author,
                published=published or fallback,
                updated=updated,
                summary=summary,
                content=content,
                enclosures=enclosures,
            )
        )
    link = feed.get("link")
    return ParsedFeed(
        title=feed.get("title") or None,
        link=urljoin(url, link) if link and url else link,
        description=feed.get("subtitle") or None,
        articles=tuple(articles),
        warning=warning,
        version=version,
    )


def _int_or_none(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def _text_to_html(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


# -- JSON Feed 1.0 / 1.1 ----------------------------------------------------


def _json_date(value: object) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            dt = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def _sanitize(html_text: str, base: str) -> str:
    """Give JSON Feed HTML the same cleaning feedparser gives XML feeds."""
    from feedparser.sanitizer import _sanitize_html
    from feedparser.urls import resolve_relative_uris

    cleaned = _sanitize_html(html_text, "utf-8", "text/html")
    if base:
        cleaned = resolve_relative_uris(cleaned, base, "utf-8", "text/html")
    return cleaned


def parse_json_feed(data: bytes, url: str = "", *, now: datetime | None = None) -> ParsedFeed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ParseError("JSON feed is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ParseError(f"JSON error line {exc.lineno}: {exc.msg}") from None
    version = str(doc.get("version", "")) if isinstance(doc, dict) else ""
    # Some publishers (gofeed's sample among them) write the bare number.
    if not (version.startswith("https://jsonfeed.org/version/") or version in ("1", "1.0", "1.1")):
        raise ParseError("not a feed: JSON without a jsonfeed.org version")
    items = doc.get("items")
    if not isinstance(items, list):
        raise ParseError("JSON feed has no items list")
    fallback = now or datetime.now(UTC)
    base = doc.get("feed_url") or url
    warning = None
    articles = []
    for item in items:
        if not isinstance(item, dict):
            warning = "some items are not objects and were skipped"
            continue
        link = item.get("url") or item.get("external_url")
        link = urljoin(url, link) if isinstance(link, str) and url else link
        title = item.get("title") if isinstance(item.get("title"), str) else None
        content_html = item.get("content_html")
        content_text = item.get("content_text")
        if isinstance(content_html, str) and content_html.strip():
            content = _sanitize(content_html, link or base or "")
        elif isinstance(content_text, str) and content_text.strip():
            content = _text_to_html(content_text)
        else:
            content = None
        summary = item.get("summary") if isinstance(item.get("summary"), str) else None
        if content is None and summary:
            content, summary = _text_to_html(summary), None
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        names = [a.get("name") for a in authors if isinstance(a, dict) and a.get("name")]
        enclosures = tuple(
            Enclosure(
                url=a["url"], type=a.get("mime_type"), length=_int_or_none(a.get("size_in_bytes"))
            )
            for a in item.get("attachments") or []
            if isinstance(a, dict) and isinstance(a.get("url"), str)
        )
        raw_id = item.get("id")
        published = _json_date(item.get("date_published")) or _json_date(item.get("date_modified"))
        articles.append(
            ParsedArticle(
                guid=stable_guid(
                    str(raw_id) if raw_id is not None else None,
                    link,
                    title,
                    item.get("date_published"),
                ),
                title=title,
                link=link,
                author=", ".join(names) or None,
                published=published or fallback,
                updated=_json_date(item.get("date_modified")),
                summary=summary,
                content=content,
                enclosures=enclosures,
            )
        )
    version = str(doc["version"]).rsplit("/", 1)[-1]
    return ParsedFeed(
        title=doc.get("title") if isinstance(doc.get("title"), str) else None,
        link=doc.get("home_page_url") if isinstance(doc.get("home_page_url"), str) else None,
        description=doc.get("description") if isinstance(doc.get("description"), str) else None,
        articles=tuple(articles),
        warning=warning,
        version=f"json{version.replace('.', '')}",
    )
