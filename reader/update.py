"""The refresh pipeline: due feeds -> fetch -> parse -> store.

It yields one UpdateResult per feed and never raises for a feed's failure, so
the CLI's progress bar and the TUI's refresh worker consume the same stream.
Deciding what to do (which feeds are due, how long to back off) is kept in
pure functions apart from the IO, so it is testable without a server.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, timedelta

from reader.config import Config
from reader.fetch import FetchRequest, FetchResult, fetch_all
from reader.models import Feed, UpdateResult, UpdateStatus
from reader.parse import ParseError, parse_feed
from reader.store import Store

BASE_BACKOFF = timedelta(minutes=15)


# -- pure decisions ------------------------------------------------------------


def is_due(feed: Feed, now: datetime, *, force: bool = False) -> bool:
    if feed.disabled and not force:
        return False
    if force or feed.retry_after is None:
        return True
    return feed.retry_after <= now


def backoff_until(
    error_count: int,
    now: datetime,
    *,
    max_hours: float = 24,
    retry_after: float | None = None,
) -> datetime:
    """Exponential backoff after ``error_count`` failures in a row, capped.

    A server's own Retry-After wins when it asks for longer than our schedule.
    """
    cap = timedelta(hours=max_hours)
    delay = min(BASE_BACKOFF * (2 ** max(error_count - 1, 0)), cap)
    if retry_after is not None:
        delay = max(delay, min(timedelta(seconds=retry_after), cap))
    return now + delay


def body_digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


# -- the pipeline ----------------------------------------------------------------


def update_feeds(
    store: Store,
    config: Config,
    *,
    feeds: Sequence[Feed] | None = None,
    force: bool = False,
    now: datetime | None = None,
) -> Iterator[UpdateResult]:
    """Refresh ``feeds`` (default: all) and yield each one's outcome as it lands."""
    now = now or datetime.fromtimestamp(store.now(), UTC)
    all_feeds = list(feeds) if feeds is not None else store.feeds(with_counts=False)
    due: list[Feed] = []
    for feed in all_feeds:
        if is_due(feed, now, force=force):
            due.append(feed)
        else:
            reason = "disabled" if feed.disabled else f"backing off until {feed.retry_after:%H:%M}"
            yield UpdateResult(
                feed.url, UpdateStatus.SKIPPED, feed_id=feed.id, error=reason, title=feed.title
            )
    by_url = {f.url: f for f in due}
    requests = [
        FetchRequest(
            f.url,
            etag=None if force else f.etag,
            last_modified=None if force else f.last_modified,
        )
        for f in due
    ]
    for fetched in fetch_all(requests, config):
        feed = by_url[fetched.url]
        yield apply_fetch(store, config, feed, fetched, now=now, force=force)


def _fail(
    store: Store,
    config: Config,
    feed: Feed,
    reason: str,
    now: datetime,
    *,
    retry_after: float | None = None,
    gone: bool = False,
) -> UpdateResult:
    count = feed.error_count + 1
    fields: dict[str, object] = {
        "checked_at": now,
        "last_error": reason,
        "error_count": count,
        "retry_after": backoff_until(
            count, now, max_hours=config.max_backoff_hours, retry_after=retry_after
        ),
    }
    if gone:
        fields["disabled"] = True
    store.update_feed(feed.id, **fields)
    return UpdateResult(
        feed.url, UpdateStatus.FAILED, feed_id=feed.id, error=reason, title=feed.title
    )


def apply_fetch(
    store: Store,
    config: Config,
    feed: Feed,
    fetched: FetchResult,
    *,
    now: datetime,
    force: bool = False,
) -> UpdateResult:
    """Turn one fetch into stored articles and bookkeeping; never raises for the feed's faults."""
    moved_to = None
    if fetched.permanent_url and fetched.permanent_url != feed.url:
        if store.get_feed(fetched.permanent_url) is None:
            store.update_feed(feed.id, url=fetched.permanent_url)
            moved_to = fetched.permanent_url
    if not fetched.ok:
        result = _fail(
            store,
            config,
            feed,
            fetched.error or "failed",
            now,
            retry_after=fetched.retry_after,
            gone=fetched.gone,
        )
        return _with_move(result, moved_to)
    clean = {"checked_at": now, "last_error": None, "error_count": 0, "retry_after": None}
    if fetched.not_modified:
        store.update_feed(feed.id, **clean)
        return UpdateResult(
            feed.url,
            UpdateStatus.NOT_MODIFIED,
            feed_id=feed.id,
            moved_to=moved_to,
            title=feed.title,
        )
    data = fetched.data or b""
    digest = body_digest(data)
    http_meta = {"etag": fetched.etag, "last_modified": fetched.last_modified}
    if digest == feed.body_hash and not force:
        store.update_feed(feed.id, **clean, **http_meta)
        return UpdateResult(
            feed.url,
            UpdateStatus.NOT_MODIFIED,
            feed_id=feed.id,
            moved_to=moved_to,
            title=feed.title,
        )
    try:
        parsed = parse_feed(data, moved_to or feed.url, fetched.content_type, now=now)
    except ParseError as exc:
        return _with_move(_fail(store, config, feed, str(exc), now), moved_to)
    except Exception as exc:  # a parser bug must cost one feed, not the refresh
        return _with_move(
            _fail(store, config, feed, f"parser error: {type(exc).__name__}: {exc}", now),
            moved_to,
        )
    first = feed.checked_at is None and feed.updated_at is None
    new, updated = store.store_parsed(feed.id, parsed)
    bookkeeping = {**clean, **http_meta, "body_hash": digest}
    if parsed.warning:
        bookkeeping["last_error"] = f"partly readable: {parsed.warning}"
    store.update_feed(feed.id, **bookkeeping)
    return UpdateResult(
        feed.url,
        UpdateStatus.NEW if first else UpdateStatus.UPDATED,
        feed_id=feed.id,
        new_articles=new,
        updated_articles=updated,
        moved_to=moved_to,
        title=parsed.title or feed.title,
    )


def _with_move(result: UpdateResult, moved_to: str | None) -> UpdateResult:
    if moved_to is None:
        return result
    from dataclasses import replace

    return replace(result, moved_to=moved_to)


def summarize(results: Iterable[UpdateResult]) -> str:
    """The one line a refresh ends with: "200 feeds: 180 updated (3,456 new articles), ..."."""
    results = list(results)
    updated = [r for r in results if r.status in (UpdateStatus.NEW, UpdateStatus.UPDATED)]
    new_articles = sum(r.new_articles for r in updated)
    not_modified = sum(r.status is UpdateStatus.NOT_MODIFIED for r in results)
    failed = sum(r.status is UpdateStatus.FAILED for r in results)
    skipped = sum(r.status is UpdateStatus.SKIPPED for r in results)
    pages = sum(r.full_text_pages for r in results)
    noun = "feed" if len(results) == 1 else "feeds"
    art = "article" if new_articles == 1 else "articles"
    parts = [
        f"{len(updated):,} updated ({new_articles:,} new {art})",
        f"{not_modified:,} not modified",
        f"{failed:,} failed",
    ]
    if skipped:
        parts.append(f"{skipped:,} skipped")
    if pages:
        parts.append(f"{pages:,} full-text pages")
    return f"{len(results):,} {noun}: " + ", ".join(parts)
