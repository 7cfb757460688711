"""The one facade both front-ends use.

The TUI and the CLI never import sqlite3 or httpx: they open a Library and ask
it for feeds, headlines, articles, search results and refreshes. Like
lemon24/reader's ``make_reader``, it ties storage, fetching and the clock
together so tests can swap the paths and the clock and nothing else.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader import paths
from reader.config import Config, load_config
from reader.errors import FeedNotFound, InputFileError
from reader.models import (
    ALL,
    Article,
    ArticleFilter,
    Feed,
    Headline,
    SearchHit,
    UpdateResult,
)
from reader.store import Store

if TYPE_CHECKING:
    from reader.content.fulltext import FullTextResult
    from reader.discover import FeedLink

SAMPLE_SCHEME = "sample:"


@dataclass(frozen=True, slots=True)
class Subscription:
    """What ``subscribe`` did: the feed, its first fetch, and what a page offered."""

    feed: Feed
    result: UpdateResult | None = None  # the first fetch (None when not fetched)
    already: bool = False  # it was subscribed before: nothing changed
    found: tuple[FeedLink, ...] = ()  # the feeds an HTML page named, best first
    page_url: str | None = None  # the page the feed was discovered on


@dataclass(frozen=True, slots=True)
class ImportReport:
    added: int
    already: int
    urls: tuple[str, ...]


class Library:
    def __init__(self, store: Store, config: Config) -> None:
        self.store = store
        self.config = config

    # -- lifecycle ---------------------------------------------------------------

    @classmethod
    def open(
        cls,
        db_path: Path | str | None = None,
        config_path: Path | str | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> Library:
        """Open (and create or migrate) the database; read config.toml."""
        config = load_config(Path(config_path) if config_path else paths.default_config_path())
        store = Store(Path(db_path) if db_path else paths.default_db_path(), clock=clock)
        return cls(store, config)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- subscriptions -------------------------------------------------------------

    def feeds(self) -> list[Feed]:
        return self.store.feeds()

    def feed(self, key: str | int) -> Feed:
        feed = self.store.get_feed(key)
        if feed is None:
            raise FeedNotFound(f"{key}: not subscribed")
        return feed

    def add_feed(self, url: str, *, title: str | None = None, tags: Iterable[str] = ()) -> Feed:
        url = normalize_url(url)
        return self.store.add_feed(url, title=title, tags=tags)

    def feed_count(self) -> int:
        return self.store.feed_count()

    def subscribe(
        self,
        url: str,
        *,
        title: str | None = None,
        tags: Iterable[str] = (),
        pick: int | None = None,
        fetch: bool = True,
    ) -> Subscription:
        """Subscribe to a feed, or to the feed a web page names, checking it works.

        The URL is fetched once: a feed is subscribed and its articles stored
        right away (so ``feeds`` shows counts); an HTML page is searched for
        ``<link rel="alternate">`` feeds and the first (or ``pick``-th) is
        fetched and subscribed instead. Nothing is subscribed when the fetch
        fails (FetchFailed) or nothing readable is found (DiscoveryError).
        ``fetch=False`` subscribes without asking the server (offline use).
        """
        from dataclasses import replace
        from datetime import UTC, datetime

        from reader.discover import DiscoveryError, find_feed_links, pick_link, unfeed
        from reader.fetch import FetchFailed, fetch_one
        from reader.parse import looks_like_html
        from reader.update import parse_outcome, store_outcome

        url = normalize_url(unfeed(url.strip()))
        existing = self.store.get_feed(url)
        if existing is not None:
            return Subscription(existing, already=True)
        if not fetch:
            return Subscription(self.store.add_feed(url, title=title, tags=tags))
        now = datetime.fromtimestamp(self.store.now(), UTC)
        fetched = fetch_one(url, self.config)
        if not fetched.ok:
            raise FetchFailed(f"{url}: {fetched.error}")
        base = fetched.final_url or url
        outcome = parse_outcome(fetched.data or b"", base, fetched.content_type, now)
        found: tuple = ()
        page_url = None
        if isinstance(outcome, str):
            data = fetched.data or b""
            ctype = (fetched.content_type or "").lower()
            if not (looks_like_html(data) or "html" in ctype):
                raise DiscoveryError(f"{url}: {outcome}")
            found = tuple(find_feed_links(data, base, fetched.content_type))
            chosen = pick_link(list(found), pick, url)
            page_url, url = url, chosen.url
            existing = self.store.get_feed(url)
            if existing is not None:
                return Subscription(existing, already=True, found=found, page_url=page_url)
            fetched = fetch_one(url, self.config)
            if not fetched.ok:
                raise FetchFailed(f"{url}: {fetched.error}")
            base = fetched.final_url or url
            outcome = parse_outcome(fetched.data or b"", base, fetched.content_type, now)
            if isinstance(outcome, str):
                raise DiscoveryError(f"{url}: {outcome} (named as a feed by {page_url})")
        # A permanent redirect on the first fetch: subscribe to where the feed lives now.
        url = fetched.permanent_url or url
        existing = self.store.get_feed(url)
        if existing is not None:
            return Subscription(existing, already=True, found=found, page_url=page_url)
        feed = self.store.add_feed(url, title=title, tags=tags)
        result = store_outcome(
            self.store, self.config, feed, replace(fetched, permanent_url=None), outcome, now=now
        )
        return Subscription(
            self.store.get_feed(feed.id) or feed, result=result, found=found, page_url=page_url
        )

    def remove_feed(self, url: str) -> None:
        if not self.store.remove_feed(url) and not self.store.remove_feed(normalize_url(url)):
            raise FeedNotFound(f"{url}: not subscribed")

    def ensure_samples(self) -> bool:
        """On first start, subscribe to the bundled samples so there is something to read."""
        if self.store.feed_count() or self.store.get_state("samples_offered"):
            return False
        files = paths.sample_feed_files()
        for path in files:
            self.store.add_feed(SAMPLE_SCHEME + path.name, tags=["samples"])
        self.store.set_state("samples_offered", "1")
        return bool(files)

    def set_feed_full_text(self, feed_id: int, enabled: bool) -> None:
        self.store.update_feed(feed_id, full_text=enabled)

    def import_subscriptions(self, path: Path | str) -> ImportReport:
        from reader.opml import read_subscriptions

        subs = read_subscriptions(Path(path))
        added = already = 0
        urls = []
        for sub in subs:
            url = normalize_url(sub.url)
            if self.store.get_feed(url) is None:
                added += 1
                urls.append(url)
            else:
                already += 1
            self.store.add_feed(url, title=sub.title, tags=sub.tags)
        return ImportReport(added, already, tuple(urls))

    def export_opml(self) -> str:
        from reader.opml import to_opml

        return to_opml(self.store.feeds(with_counts=False))

    # -- refresh ---------------------------------------------------------------------

    def update(
        self,
        *,
        urls: Sequence[str] | None = None,
        force: bool = False,
        full_text: bool = False,
    ) -> Iterator[UpdateResult]:
        """Refresh feeds; yields one result per feed as each finishes (never raises per feed).

        Feeds with full text on (``full_text = true`` or the palette toggle) then
        get the pages of their new articles, so those are readable offline;
        ``full_text=True`` (``fetch --full-text``) does it for every feed's
        teasers, and with ``force`` asks again for pages that failed before.
        Each result's ``full_text_pages`` counts the full texts stored.
        """
        from reader.content.fulltext import with_full_text
        from reader.update import update_feeds

        feeds = None
        if urls:
            feeds = [self.feed(normalize_url(u)) for u in urls]
        results = update_feeds(self.store, self.config, feeds=feeds, force=force)
        return with_full_text(
            self.store, self.config, results, teasers=full_text, retry_failed=force and full_text
        )

    # -- articles --------------------------------------------------------------------

    def article_ids(self, flt: ArticleFilter = ALL) -> list[int]:
        return self.store.article_ids(flt)

    def headlines(self, ids: Sequence[int]) -> list[Headline]:
        return self.store.headlines(ids)

    def article(self, article_id: int) -> Article | None:
        return self.store.get_article(article_id)

    def counts(self) -> dict[str, int]:
        """Totals for the feeds pane's virtual entries (All, Unread, Starred)."""
        return {
            "all": self.store.count_articles(),
            "unread": self.store.unread_count(),
            "starred": self.store.starred_count(),
        }

    def mark_read(self, ids: Iterable[int], read: bool = True) -> int:
        return self.store.set_read(ids, read)

    def mark_starred(self, ids: Iterable[int], starred: bool = True) -> int:
        return self.store.set_starred(ids, starred)

    def mark_all_read(self, feed_id: int | None = None) -> int:
        return self.store.mark_all_read(feed_id)

    def index_pending(self, batch: int = 2000) -> int:
        """Add what refreshes stored to the search index (search also does it first)."""
        return self.store.index_pending(batch)

    def search(
        self, query: str, *, limit: int = 200, feed_id: int | None = None
    ) -> list[SearchHit]:
        return self.store.search(query, limit=limit, feed_id=feed_id)

    # -- what an article says -------------------------------------------------------

    def document(self, article: Article):
        """The article's body as a document model (full text when we have it)."""
        from reader.content.annotate import article_html
        from reader.content.document import from_html

        html, _ = article_html(article)
        return from_html(html, base_url=article.link)

    def annotations(self, article: Article, doc=None):
        """Quotes and facts, computed once per content and cached in the store."""
        from reader.content.annotate import ANNOTATIONS_VERSION, Annotations, annotate, cache_key

        doc = doc if doc is not None else self.document(article)
        key = cache_key(doc, article.published)
        cached = self.store.get_annotations(key, ANNOTATIONS_VERSION)
        if cached is not None:
            try:
                return Annotations.from_cache(cached)
            except (KeyError, TypeError):
                pass  # an older shape: recompute below
        result = annotate(doc.text, article.published)
        self.store.put_annotations(key, ANNOTATIONS_VERSION, result.to_cache())
        return result

    # -- full articles (the linked page) -------------------------------------------------

    def wants_full_text(self, article: Article) -> bool:
        """Offer ``F``: the article links to a web page and the feed gave only a teaser."""
        from reader.content.fulltext import is_fetchable, needs_full_text

        return (
            not article.full_text
            and is_fetchable(article.link)
            and needs_full_text(article.content or article.summary)
        )

    def feed_wants_full_text(self, feed: Feed) -> bool:
        """Whether a refresh fetches every new article's page (palette toggle or config.toml)."""
        return feed.full_text or self.config.feed_full_text(feed.url)

    def fetch_full_text(self, article_id: int) -> FullTextResult:
        """Fetch one article's page now (``F``), even if an earlier try failed."""
        for result in self.fetch_full_texts([article_id]):
            return result
        raise AssertionError("fetch_full_texts yielded nothing")  # pragma: no cover

    def fetch_full_texts(self, article_ids: Iterable[int]) -> Iterator[FullTextResult]:
        """Fetch these articles' pages through the polite fetcher; store each as it lands."""
        from reader.content.fulltext import fetch_full_texts

        return fetch_full_texts(self.store, self.config, article_ids)

    def full_text_note(self, article: Article, words: int | None = None) -> str | None:
        """The article header's line: "full text from example.org, 1,240 words", or why not."""
        from reader.content.fulltext import full_text_note

        return full_text_note(article, words)

    # -- small persistent UI state ---------------------------------------------------

    def get_state(self, key: str, default: str | None = None) -> str | None:
        return self.store.get_state(key, default)

    def set_state(self, key: str, value: str | None) -> None:
        self.store.set_state(key, value)


def normalize_url(url: str) -> str:
    """Make local paths absolute so the same file is one subscription, wherever it was named."""
    url = url.strip()
    if url.startswith(SAMPLE_SCHEME) or "://" in url:
        return url
    path = Path(url).expanduser()
    if not path.exists():
        raise InputFileError(f"{url}: no such file (give a URL with http:// or https://)")
    return path.resolve().as_uri()
