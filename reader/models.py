"""Plain value objects shared by every layer.

They are frozen so a row handed to the UI can never be mutated behind the
store's back; changes always go through the Library, which writes them down.
No IO lives here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Enclosure:
    url: str
    type: str | None = None
    length: int | None = None


@dataclass(frozen=True, slots=True)
class Feed:
    """A subscription and what we last learned about it."""

    id: int
    url: str
    title: str | None = None
    link: str | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()
    added_at: datetime | None = None
    updated_at: datetime | None = None  # last time the feed's content changed
    checked_at: datetime | None = None  # last time we asked the server
    last_error: str | None = None
    error_count: int = 0
    retry_after: datetime | None = None  # backoff: not due before this
    disabled: bool = False
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    full_text: bool = False
    unread: int = 0
    total: int = 0

    @property
    def display_title(self) -> str:
        return self.title or self.url


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """One entry as the parser read it, before it has a row in the store."""

    guid: str
    title: str | None = None
    link: str | None = None
    author: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    summary: str | None = None
    content: str | None = None  # HTML: the fullest of content/summary
    enclosures: tuple[Enclosure, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None = None
    link: str | None = None
    description: str | None = None
    articles: tuple[ParsedArticle, ...] = ()
    warning: str | None = None  # set when the parser could only read part of it (bozo)
    version: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """An article as the UI shows it; `content` is loaded only when asked for."""

    id: int
    feed_id: int
    guid: str
    title: str | None
    link: str | None
    author: str | None
    published: datetime  # never None: falls back to the time first seen
    first_seen: datetime
    read: bool = False
    starred: bool = False
    read_at: datetime | None = None
    starred_at: datetime | None = None
    feed_title: str | None = None
    summary: str | None = None
    content: str | None = None
    content_hash: str | None = None
    enclosures: tuple[Enclosure, ...] = ()
    full_text: str | None = None  # HTML of the linked page's main content, if fetched
    full_text_status: str | None = None  # why it failed, or a note on where it came from

    @property
    def display_title(self) -> str:
        return self.title or self.link or "(untitled)"


@dataclass(frozen=True, slots=True)
class Headline:
    """The slim row the headline list draws; cheap to load in pages of hundreds."""

    id: int
    feed_id: int
    title: str
    published: datetime
    read: bool
    starred: bool
    feed_title: str


@dataclass(frozen=True, slots=True)
class SearchHit:
    headline: Headline
    snippet: str  # plain text with the matched terms wrapped in \x02 ... \x03
    rank: float


class UpdateStatus(StrEnum):
    NEW = "new"  # first successful fetch of this feed
    UPDATED = "updated"  # fetched and parsed; maybe new articles
    NOT_MODIFIED = "not_modified"  # 304, or same body hash
    FAILED = "failed"
    SKIPPED = "skipped"  # not due (backoff) or disabled


@dataclass(frozen=True, slots=True)
class UpdateResult:
    """One feed's outcome; the pipeline yields these instead of raising."""

    url: str
    status: UpdateStatus
    feed_id: int | None = None
    new_articles: int = 0
    updated_articles: int = 0
    error: str | None = None
    moved_to: str | None = None  # a permanent redirect changed the stored URL
    full_text_pages: int = 0
    title: str | None = None

    @property
    def failed(self) -> bool:
        return self.status is UpdateStatus.FAILED


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Which headlines a list shows. All fields combine with AND."""

    feed_id: int | None = None
    unread_only: bool = False
    starred_only: bool = False
    ids: tuple[int, ...] | None = None  # an explicit list (search results)
    tags: tuple[str, ...] = field(default=())


ALL = ArticleFilter()  # every article, newest first
