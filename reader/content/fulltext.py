"""Full articles offline: the linked page's main content, extracted with trafilatura.

Many feeds carry a two-line teaser. When the user asks (``F``, ``newsdeck fetch
--full-text``, or ``full_text = true`` on a feed) the article's link is fetched
through :mod:`reader.fetch` -- the same polite layer as feeds: timeouts, size cap,
per-host limits, reasons in words -- and trafilatura picks the article out of the
page. The result is stored beside the feed's own content, so the full text, its
quotes and its facts are there offline.

Why trafilatura: it scores best of the Python main-content extractors on the
public benchmarks (ScrapingHub's article-extraction-benchmark, its own eval
set), keeps structure (paragraphs, headings, lists, quotes, tables, images) in
its HTML output, and needs nothing at run time beyond its PyPI dependencies.

Why ``favor_precision``: measured on ten real news pages (newspaper4k's test
pages), default, precision and recall modes kept exactly the same quotations
(all of them on nine pages; the tenth loses the same paragraph in every mode),
but recall also pulled in datelines, "STORY HIGHLIGHTS" and related-story lists,
and precision drops the "related stories" link lists that default keeps. What a
reader shows as "the article" should be the article.

Repairs on trafilatura's output:
- it trims the space around inline elements (adbar/trafilatura#661), so
  ``a <a>security fair</a> in`` comes out as ``security fairin``. Where a
  junction has no space but the page's own text has one there, it is put back
  (checked against the page, so real joins such as "2019" stay joined).
- relative links and images are made absolute against the page's final URL
  (after redirects), which the article's link may not be.
- the page's classes, ids and styles are dropped (only what a reader needs
  is stored), as are widget leftovers ("Loading weather data ...") and a first
  heading that repeats the headline the article header already shows.

The extraction functions do no IO; :func:`fetch_full_texts` at the end is the one
place that fetches pages (through reader.fetch) and stores what came of them, used
by :class:`reader.library.Library` (``F``, ``--full-text``) and by the refresh.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlparse

from reader.errors import NewsdeckError
from reader.sanitize import html_to_text

if TYPE_CHECKING:
    from reader.config import Config
    from reader.models import Article, UpdateResult
    from reader.store import Store

__all__ = [
    "MIN_WORDS",
    "SHORT_FEED_WORDS",
    "ExtractResult",
    "ExtractorUnavailable",
    "FullTextResult",
    "decode_page",
    "extract_main_content",
    "fetch_full_texts",
    "full_text_note",
    "header_note",
    "is_fetchable",
    "needs_full_text",
    "page_result",
    "status_reason",
    "with_full_text",
    "word_count",
]

# A feed body shorter than this is a teaser, not an article (a typical news story runs 400-1,200).
SHORT_FEED_WORDS = 80
# Less than this out of a whole page is a cookie wall, an error page or a gallery, not an article.
MIN_WORDS = 25

_SUCCESS_PREFIX = "from "

# Endings of a teaser: the feed says itself that there is more on the page.
_TEASER_END = re.compile(
    r"""(?:
        \u2026                          # …
      | \.\.\.                          # ...
      | \[\s*(?:\u2026|\.\.\.)\s*\]     # […] [...]
      | \(\s*more\s*(?:\u2026|\.\.\.)?\s*\)   # (more…)
      | \b(?:read|see|view)\s+(?:the\s+)?(?:more|full\s+(?:story|article|post)|rest(?:\s+of\s+(?:the|this)\s+\w+)?)
      | \bcontinue\s+reading(?:\s+\S+){0,4}
      | \bkeep\s+reading
      | \bweiterlesen | \blire\s+la\s+suite | \bleer\s+m[áa]s | \bcontinua\s+a\s+leggere
    )[\s.:!»›→>\-–—)\]"'”’]*$""",
    re.IGNORECASE | re.VERBOSE,
)
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")


@dataclass(frozen=True, slots=True)
class ExtractResult:
    """trafilatura's reading of one page: the article's HTML, or why there is none."""

    html: str | None
    words: int = 0
    reason: str | None = None  # one line in words when html is None
    redirect: str | None = None  # an interstitial page's <meta http-equiv="refresh"> target

    @property
    def ok(self) -> bool:
        return self.html is not None


@dataclass(frozen=True, slots=True)
class FullTextResult:
    """What fetching one article's page did, for the status line and the refresh summary."""

    article_id: int
    ok: bool
    words: int = 0
    host: str | None = None  # where the text came from (after redirects)
    reason: str | None = None  # why not, when not ok
    fetched: bool = False  # a page was downloaded (whether or not it held an article)

    @property
    def message(self) -> str:
        """One line: "full text from example.org, 1,240 words" or why there is none."""
        if self.ok:
            return f"full text from {self.host or 'the page'}, {self.words:,} words"
        return f"no full text: {self.reason}; showing the feed's text"


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def needs_full_text(text_or_html: str | None) -> bool:
    """Whether the feed's body looks like a teaser of a longer article.

    True when it is shorter than a typical article (< 80 words) or ends the way
    teasers end: "…", "[…]", "Read more", "Continue reading", "(more…)".
    """
    if not text_or_html:
        return True
    text = (
        html_to_text(text_or_html) if "<" in text_or_html or "&" in text_or_html else text_or_html
    )
    text = text.strip()
    if word_count(text) < SHORT_FEED_WORDS:
        return True
    return bool(_TEASER_END.search(text[-120:]))


def is_fetchable(url: str | None) -> bool:
    """Only web pages are fetched for full text (a file:// link or a mailto: is not a page)."""
    return bool(url) and urlparse(url).scheme.lower() in ("http", "https")  # type: ignore[arg-type]


# -- HTTP outcome -> words -------------------------------------------------------------------

_STATUS_REASONS = {
    401: "HTTP 401 (login required)",
    402: "HTTP 402 (paywall)",
    403: "HTTP 403 (paywall or blocked)",
    404: "HTTP 404 (page not found)",
    410: "HTTP 410 (page removed)",
    429: "HTTP 429 (too many requests to the site)",
    451: "HTTP 451 (unavailable for legal reasons)",
}


def status_reason(status: int | None, error: str | None) -> str:
    """The one-line reason for a failed page fetch.

    reader.fetch words its errors for feeds ("HTTP 410 Gone: the feed was
    removed; ..."); a page is not a feed, so the statuses a page fetch meets
    most often get their own words.
    """
    if status is not None and status in _STATUS_REASONS:
        return _STATUS_REASONS[status]
    if status is not None and 500 <= status < 600:
        return f"HTTP {status} (the site had an error)"
    return error or (f"HTTP {status}" if status else "the page could not be fetched")


_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml+xhtml")
_SNIFF_HTML = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p)\b", re.I | re.S
)
_SNIFF_TYPES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
    (b"PK\x03\x04", "application/zip"),
)


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _charset(content_type: str | None) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    return m.group(1) if m else None


def not_html_reason(data: bytes, content_type: str | None) -> str | None:
    """None for an HTML page; otherwise "not HTML (application/pdf)".

    The body is sniffed as well as the header: servers label PDFs text/html and
    pages application/octet-stream often enough.
    """
    head = data[:1024].lstrip()
    for magic, kind in _SNIFF_TYPES:
        if head.startswith(magic):
            return f"not HTML ({kind})"
    media = _media_type(content_type)
    if media in _HTML_TYPES:
        return None
    if _SNIFF_HTML.match(data[:4096]) and media in ("", "application/octet-stream", "text/plain"):
        return None  # an unlabelled or mislabelled page
    return f"not HTML ({media or 'no content type'})"


def decode_page(data: bytes, content_type: str | None) -> str:
    """Bytes to text: the header's charset, else the page's own <meta>, else detection."""
    for charset in (_charset(content_type), _meta_charset(data)):
        if charset:
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from trafilatura.utils import decode_file

        decoded = decode_file(data)
        return decoded if isinstance(decoded, str) else data.decode("cp1252", "replace")


def _meta_charset(data: bytes) -> str | None:
    m = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", data[:8192], re.I)
    return m.group(1).decode("ascii", "replace") if m else None


def page_result(
    data: bytes | None, content_type: str | None, url: str, *, title: str | None = None
) -> ExtractResult:
    """A fetched page's body to its article, or the reason in words."""
    if not data:
        return ExtractResult(None, 0, "the page was empty")
    reason = not_html_reason(data, content_type)
    if reason:
        return ExtractResult(None, 0, reason)
    return extract_main_content(decode_page(data, content_type), url, title=title)


class ExtractorUnavailable(NewsdeckError):
    """trafilatura cannot be imported: an installation problem, not a page's."""


@functools.cache
def extractor_problem() -> str | None:
    """None when trafilatura imports; otherwise the one-line reason.

    Checked before any page is fetched, so a broken installation is reported
    once and no article is marked as failed because of it (they are fetched
    once the installation is fixed). A real case: ``pip install trafilatura``
    with lxml 6 leaves out lxml_html_clean, which jusText imports.
    """
    try:
        import trafilatura  # noqa: F401
    except ImportError as exc:
        return f"full text needs trafilatura, which cannot be imported ({exc})"
    return None


# -- extraction ---------------------------------------------------------------------------------

_INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "cite",
        "code",
        "del",
        "dfn",
        "em",
        "i",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "u",
        "var",
    ]
)
_BLOCKS_WITH_TEXT = frozenset(
    [
        "p",
        "li",
        "dd",
        "dt",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "figcaption",
        "caption",
        "div",
    ]
)


def extract_main_content(html: str, url: str, *, title: str | None = None) -> ExtractResult:
    """The article in a web page, as HTML, with its word count; or why there is none.

    ``title`` is the headline the header already shows; a first heading that
    repeats it is dropped.

    Keeps paragraphs, headings, lists, block quotes, tables, links and images.
    Runs in about 20 ms on a typical news page (bench/fulltext.py); no network.
    """
    import trafilatura
    from lxml import etree
    from lxml import html as lxml_html

    if not html or not html.strip():
        return ExtractResult(None, 0, "the page was empty")
    if "\x00" in html:
        html = html.replace("\x00", "")
    # lxml refuses a str that declares its encoding (XHTML pages do); it is decoded already.
    html = _XML_DECLARATION.sub("", html, count=1)
    try:
        page = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        return ExtractResult(None, 0, f"not readable as HTML ({exc})")
    # The page's own text is the reference for the spacing repair; read it before trafilatura
    # works on (and changes) the tree.
    reference = _reference_text(page)
    try:
        out = trafilatura.extract(
            page,
            url=url,
            output_format="html",
            include_formatting=True,
            include_links=True,
            include_images=True,
            include_tables=True,
            include_comments=False,
            favor_precision=True,
            with_metadata=False,
        )
    except Exception as exc:  # a library bug on one odd page must cost that page only
        return ExtractResult(None, 0, f"could not extract the article ({type(exc).__name__})")
    if not out:
        return _no_content(page, url)
    try:
        tree = lxml_html.fragment_fromstring(out, create_parent="div")
    except (etree.ParserError, ValueError):
        return ExtractResult(None, 0, "no main content found")
    body = tree.find(".//body")
    root = body if body is not None else tree
    _restore_spaces(root, reference)
    _absolute_urls(root, url)
    _drop_attributes(root)
    _drop_placeholders(root)
    if title:
        _drop_repeated_title(root, title)
    text = root.text_content()
    words = word_count(text)
    if words < MIN_WORDS:
        return _no_content(page, url, words)
    inner = (root.text or "") + "".join(
        etree.tostring(child, encoding="unicode", method="html") for child in root
    )
    return ExtractResult(inner.strip(), words, None)


def _no_content(page, url: str, words: int = 0) -> ExtractResult:  # type: ignore[no-untyped-def]
    """No article here; an interstitial page may still name where the article is."""
    target = meta_refresh_target(page, url)
    if target:
        return ExtractResult(None, words, "the page only redirects elsewhere", redirect=target)
    return ExtractResult(None, words, "no main content found")


_REFRESH_URL = re.compile(r"^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?['\"]?([^'\"\s]+)", re.I)


def meta_refresh_target(page, url: str) -> str | None:  # type: ignore[no-untyped-def]
    """The URL a ``<meta http-equiv="refresh" content="0;url=...">`` sends the browser to.

    A bare delay ("600", a page that reloads itself) is not a redirect.
    """
    for meta in page.iter("meta"):
        if (meta.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        content = meta.get("content") or ""
        if "url" not in content.lower() and ";" not in content and "," not in content:
            continue
        m = _REFRESH_URL.match(content)
        if m:
            target = urljoin(url, m.group(1).strip())
            if target != url:
                return target
    return None


_SPACES = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
_SKIP_TEXT = frozenset(("script", "style", "noscript", "template", "svg", "head"))


def _reference_text(page) -> str:  # type: ignore[no-untyped-def]
    """The page's visible text with whitespace collapsed, for checking junctions."""
    body = page.find("body")
    root = body if body is not None else page
    parts: list[str] = []

    def walk(el) -> None:  # type: ignore[no-untyped-def]
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.lower() not in _SKIP_TEXT and tag:
            if el.text:
                parts.append(el.text)
            for child in el:
                walk(child)
        if el.tail:
            parts.append(el.tail)

    if root.text:
        parts.append(root.text)
    for child in root:
        walk(child)
    return _SPACES.sub(" ", "".join(parts))


def _restore_spaces(root, reference: str) -> None:  # type: ignore[no-untyped-def]
    """Put back the spaces trafilatura trimmed at inline-element boundaries.

    Each text run of a block is laid out as a list of (element, "text" | "tail")
    slots; where two neighbouring runs meet with no whitespace on either side,
    the page's own text decides: if it has the two runs with a space between
    and never without, the space goes back. Real joins ("2019", "link</a>s")
    are left alone because the page has them joined.
    """
    for block in root.iter():
        tag = block.tag if isinstance(block.tag, str) else ""
        if tag not in _BLOCKS_WITH_TEXT:
            continue
        slots: list[tuple[object, str] | None] = []
        _collect(block, slots)
        prev: tuple[object, str] | None = None
        for slot in slots:
            if slot is None:  # a break, an image or a nested block: no junction across it
                prev = None
                continue
            el, attr = slot
            value = getattr(el, attr)
            if not value:
                continue
            if prev is not None:
                pel, pattr = prev
                left = getattr(pel, pattr)
                if left and not left[-1].isspace() and not value[0].isspace():
                    a = _SPACES.sub(" ", left)[-24:].lstrip()
                    b = _SPACES.sub(" ", value)[:24].rstrip()
                    if a and b and f"{a} {b}" in reference and f"{a}{b}" not in reference:
                        setattr(el, attr, " " + value)
            prev = slot


def _collect(el, slots: list[tuple[object, str] | None]) -> None:  # type: ignore[no-untyped-def]
    """Text runs of a block in reading order; inline children continue the run."""
    slots.append((el, "text"))
    for child in el:
        ctag = child.tag if isinstance(child.tag, str) else ""
        if ctag in _INLINE:
            _collect(child, slots)
        else:
            slots.append(None)
        slots.append((child, "tail"))


def _absolute_urls(root, base: str) -> None:  # type: ignore[no-untyped-def]
    for el in root.iter("a", "img"):
        attr = "href" if el.tag == "a" else "src"
        value = (el.get(attr) or "").strip()
        if value and not value.startswith(("#", "data:", "mailto:")):
            try:
                el.set(attr, urljoin(base, value))
            except ValueError:
                el.attrib.pop(attr, None)


# Attributes that mean something to a reader; the page's classes, ids and styles do not.
_KEEP_ATTRIBUTES = frozenset(
    ("href", "src", "alt", "title", "colspan", "rowspan", "start", "reversed", "type", "value")
)


def _drop_attributes(root) -> None:  # type: ignore[no-untyped-def]
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name in [n for n in el.attrib if n not in _KEEP_ATTRIBUTES]:
            del el.attrib[name]


# Widget text that survives extraction and is not the article: "Loading weather data ...".
_PLACEHOLDER = re.compile(
    r"^\s*(?:loading\b[\w\s]*(?:\.\.\.|\u2026)?|advertisement|ad|story continues below(?: advertisement)?)\s*$",
    re.IGNORECASE,
)


def _drop_placeholders(root) -> None:  # type: ignore[no-untyped-def]
    for el in list(root.iter("p", "div", "span", "strong", "li")):
        if (
            len(el) <= 1
            and _PLACEHOLDER.match(el.text_content() or "")
            and el.getparent() is not None
        ):
            el.drop_tree()


def _drop_repeated_title(root, title: str) -> None:  # type: ignore[no-untyped-def]
    first = next((el for el in root if isinstance(el.tag, str)), None)
    if first is None or first.tag not in ("h1", "h2", "h3", "p"):
        return

    def key(s: str) -> str:
        return _SPACES.sub(" ", s).strip().casefold()

    if key(first.text_content()) == key(title):
        first.drop_tree()


# -- what the article pane says --------------------------------------------------------------


def success_status(host: str | None) -> str:
    """full_text_status for a stored page: where it came from."""
    return f"{_SUCCESS_PREFIX}{host or 'the page'}"


def full_text_note(article, words: int | None = None) -> str | None:  # type: ignore[no-untyped-def]
    """The article header's line about the full text, or None when there is nothing to say.

    "full text from example.org, 1,240 words"; after a failed fetch
    "feed text only: HTTP 403 (paywall or blocked)".
    """
    status = article.full_text_status
    if article.full_text:
        if words is None:
            words = word_count(html_to_text(article.full_text))
        if status and status.startswith(_SUCCESS_PREFIX):
            return f"full text {status}, {words:,} words"
        host = urlparse(article.link or "").hostname or "the page"
        note = f"full text from {host}, {words:,} words"
        return f"{note} (a later fetch failed: {status})" if status else note
    if status and not status.startswith(_SUCCESS_PREFIX):
        return f"feed text only: {status}"
    return None


def header_note(article: Article, words: int | None = None, key: str = "F") -> str | None:
    """The article header's full-text line, offering ``key`` when the feed gave a teaser.

    "full text from example.org, 1,240 words"; "only a summary in the feed ·
    F fetches the full article"; "feed text only: HTTP 403 (paywall or
    blocked) · F tries again"; None for a feed that carries whole articles.
    """
    note = full_text_note(article, words)
    if note is not None:
        if not article.full_text and is_fetchable(article.link):
            return f"{note} · {key} tries again"
        return note
    if is_fetchable(article.link) and needs_full_text(article.content or article.summary):
        return f"only a summary in the feed · {key} fetches the full article"
    return None


# -- fetching pages (the one part with IO) ------------------------------------------------------


def feed_words(article: Article) -> int:
    body = article.content or article.summary or ""
    return word_count(html_to_text(body) if "<" in body or "&" in body else body)


def fetch_full_texts(
    store: Store, config: Config, article_ids: Iterable[int]
) -> Iterator[FullTextResult]:
    """Fetch each article's page, extract the article and store it (or why not).

    Pages are downloaded by reader.fetch (concurrently, within its total and
    per-host limits); each is extracted as it lands, so a slow site never holds
    up the others. One result per article id, in completion order. A failure is
    stored as the article's full_text_status -- the feed's own content stays --
    so refreshes do not ask again; ``F`` and ``--full-text --force`` do.
    """
    from reader.fetch import FetchRequest, fetch_all

    problem = extractor_problem()
    if problem:
        raise ExtractorUnavailable(problem)
    waiting: dict[str, list[Article]] = {}
    for article_id in dict.fromkeys(article_ids):
        article = store.get_article(article_id)
        if article is None:
            yield FullTextResult(article_id, ok=False, reason="no such article")
            continue
        if not is_fetchable(article.link):
            reason = "the article has no web link" if not article.link else "not a web page link"
            store.set_full_text(article.id, None, reason)
            yield FullTextResult(article_id, ok=False, reason=reason)
            continue
        waiting.setdefault(article.link, []).append(article)  # type: ignore[arg-type]
    # One more round for interstitial pages that only point elsewhere (a meta refresh):
    # the page they name is fetched once; a second interstitial is not followed.
    for hop in range(2):
        if not waiting:
            return
        onward: dict[str, list[Article]] = {}
        for fetched in fetch_all([FetchRequest(url) for url in waiting], config):
            page_url = fetched.final_url or fetched.url
            host = urlparse(page_url).hostname
            articles = waiting.pop(fetched.url, [])
            if fetched.ok and not fetched.not_modified:
                titles = {a.title for a in articles if a.title}
                extracted = page_result(
                    fetched.data,
                    fetched.content_type,
                    page_url,
                    title=next(iter(titles)) if len(titles) == 1 else None,
                )
            else:
                extracted = ExtractResult(None, 0, status_reason(fetched.status, fetched.error))
            if extracted.redirect and hop == 0 and is_fetchable(extracted.redirect):
                onward.setdefault(extracted.redirect, []).extend(articles)
                continue
            for article in articles:
                yield _store_one(store, article, extracted, host, fetched=fetched.ok)
        waiting = onward


def _store_one(
    store: Store, article: Article, extracted: ExtractResult, host: str | None, *, fetched: bool
) -> FullTextResult:
    reason = extracted.reason
    if extracted.ok:
        own = feed_words(article)
        if extracted.words < own:
            reason = (
                f"the page has less text than the feed ({extracted.words:,} words against {own:,})"
            )
    if reason is None:
        store.set_full_text(article.id, extracted.html, success_status(host))
        return FullTextResult(
            article.id, ok=True, words=extracted.words, host=host, fetched=fetched
        )
    store.set_full_text(article.id, None, reason)
    return FullTextResult(article.id, ok=False, host=host, reason=reason, fetched=fetched)


# -- during a refresh ------------------------------------------------------------------------------

# Pages fetched per feed and refresh at most: enabling full text on a feed with a
# thousand stored articles must not start a thousand downloads.
REFRESH_LIMIT = 50


def with_full_text(
    store: Store,
    config: Config,
    results: Iterable[UpdateResult],
    *,
    teasers: bool = False,
    retry_failed: bool = False,
    limit: int = REFRESH_LIMIT,
) -> Iterator[UpdateResult]:
    """Pass a refresh's results through, fetching full texts where they are wanted.

    A feed with ``full_text`` on (the palette toggle, or ``full_text = true``
    in config.toml) gets the page of every article that has neither a full text
    nor a recorded failure; ``teasers`` (``newsdeck fetch --full-text``) does
    the same for the teaser articles of every feed; ``retry_failed`` (with
    ``--force``) asks again for pages that failed before. Results of feeds
    with nothing to fetch pass straight through; the others are held until all
    pages are in (one concurrent batch through reader.fetch) and come out with
    ``full_text_pages`` set, so the refresh summary counts them.
    """
    from dataclasses import replace

    from reader.models import ArticleFilter, UpdateStatus

    held: list[UpdateResult] = []
    owner: dict[int, int] = {}  # article id -> feed id
    for result in results:
        if result.feed_id is None or result.status not in (
            UpdateStatus.NEW,
            UpdateStatus.UPDATED,
            UpdateStatus.NOT_MODIFIED,
        ):
            yield result
            continue
        feed = store.get_feed(result.feed_id)
        every = feed is not None and (feed.full_text or config.feed_full_text(feed.url))
        if feed is None or not (every or teasers):
            yield result
            continue
        ids = store.articles_needing_full_text(feed.id, limit)
        if retry_failed:
            for aid in store.article_ids(ArticleFilter(feed_id=feed.id))[:limit]:
                article = store.get_article(aid)
                if (
                    article is not None
                    and not article.full_text
                    and article.full_text_status
                    and not article.full_text_status.startswith(_SUCCESS_PREFIX)
                    and aid not in ids
                ):
                    ids.append(aid)
        if not every:
            ids = [aid for aid in ids if _is_teaser(store.get_article(aid))]
        if not ids:
            yield result
            continue
        held.append(result)
        for aid in ids:
            owner[aid] = feed.id
    if not held:
        return
    problem = extractor_problem()
    if problem:  # the refresh itself worked: say why there is no full text, fetch nothing
        for result in held:
            yield replace(result, error=result.error or problem)
        return
    pages: dict[int, int] = {}
    missed: dict[int, list[str]] = {}
    for outcome in fetch_full_texts(store, config, list(owner)):
        feed_id = owner[outcome.article_id]
        if outcome.ok:
            pages[feed_id] = pages.get(feed_id, 0) + 1
        else:
            missed.setdefault(feed_id, []).append(outcome.reason or "failed")
    for result in held:
        feed_id = result.feed_id or -1
        got, lost = pages.get(feed_id, 0), missed.get(feed_id, [])
        note = result.error
        if lost and not note:  # a note, not a failure: the feed itself was read
            tried = got + len(lost)
            note = f"full text: {len(lost)} of {tried} pages could not be read ({lost[0]})"
        yield replace(result, full_text_pages=got, error=note)


def _is_teaser(article: Article | None) -> bool:
    return (
        article is not None
        and is_fetchable(article.link)
        and needs_full_text(article.content or article.summary)
    )
