"""Feed discovery: the feeds an HTML page names in its ``<link rel="alternate">`` tags.

People paste a site's address, not its feed's. Browsers and every feed reader
follow the same convention (the RSS Autodiscovery spec): the page's head lists
its feeds as ``<link rel="alternate" type="application/rss+xml" href=...>``.
The stdlib HTML parser is enough: it is tolerant of broken markup, and the
page is never rendered, only scanned for those tags.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

from reader.errors import NewsdeckError

# In order of preference when a page offers the same feed in several formats.
FEED_TYPES = {
    "application/rss+xml": 0,
    "application/atom+xml": 0,
    "application/feed+json": 0,
    "application/rdf+xml": 1,
    "application/json": 2,  # JSON Feed 1.0 pages use it, but so do REST APIs
    "application/x.atom+xml": 1,
    "application/x-atom+xml": 1,
    "text/xml": 2,
    "application/xml": 2,
}


class DiscoveryError(NewsdeckError):
    """The page is not a feed and names none (or --pick is out of range)."""


@dataclass(frozen=True, slots=True)
class FeedLink:
    url: str
    type: str
    title: str | None = None


def unfeed(url: str) -> str:
    """``feed:https://host/x`` and ``feed://host/x`` (old browser pseudo-schemes) to http(s)."""
    if urlparse(url).scheme.lower() != "feed":
        return url
    rest = url[5:]
    if rest.lower().startswith(("http://", "https://")):
        return rest
    return "http:" + rest if rest.startswith("//") else "http://" + rest


class _LinkFinder(HTMLParser):
    def __init__(self, base_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base_url
        self.links: list[FeedLink] = []
        self._rank: list[int] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "base":
            href = dict(attrs).get("href")
            if href:
                self.base = urljoin(self.base, href.strip())
            return
        if tag != "link":
            return
        a = {k.lower(): (v or "") for k, v in attrs}
        rels = a.get("rel", "").lower().split()
        kind = a.get("type", "").lower().split(";")[0].strip()
        href = a.get("href", "").strip()
        if "alternate" not in rels or kind not in FEED_TYPES or not href:
            return
        if kind == "application/json" and "/wp-json/" in href:
            return  # WordPress's REST API announces itself the same way
        url = unfeed(urljoin(self.base, href))
        if any(link.url == url for link in self.links):
            return
        self.links.append(FeedLink(url=url, type=kind, title=a.get("title", "").strip() or None))
        self._rank.append(FEED_TYPES[kind])

    def ranked(self) -> list[FeedLink]:
        """Document order within a rank: the site lists its main feed first."""
        order = sorted(range(len(self.links)), key=lambda i: self._rank[i])
        return [self.links[i] for i in order]


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Bytes to text the way a browser would, well enough to read link tags."""
    charset = None
    if content_type and "charset=" in content_type.lower():
        charset = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    if charset is None:
        match = _META_CHARSET.search(data[:4096])
        if match:
            charset = match.group(1).decode("ascii", "replace")
    if data.startswith(codecs.BOM_UTF8):
        charset = "utf-8-sig"
    try:
        return data.decode(charset or "utf-8", errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def find_feed_links(
    html: str | bytes, base_url: str, content_type: str | None = None
) -> list[FeedLink]:
    """The feeds a page links to, best first, with relative hrefs resolved."""
    text = decode_html(html, content_type) if isinstance(html, bytes) else html
    finder = _LinkFinder(base_url)
    try:
        finder.feed(text)
        finder.close()
    except Exception:  # HTMLParser is tolerant, but never let a page crash ``add``
        pass
    return finder.ranked()


def pick_link(links: list[FeedLink], pick: int | None, page_url: str) -> FeedLink:
    """``--pick N`` counts from 1 in the order the list was shown; default: the first."""
    if not links:
        raise DiscoveryError(f"{page_url}: not a feed, and the page names no feed")
    if pick is None:
        return links[0]
    if not 1 <= pick <= len(links):
        raise DiscoveryError(
            f"{page_url}: --pick {pick} is out of range (the page names {len(links)} "
            f"feed{'s' if len(links) != 1 else ''})"
        )
    return links[pick - 1]
