"""The refresh pipeline: due feeds -> fetch -> parse -> store.

It yields one UpdateResult per feed and never raises for a feed's failure, so
the CLI's progress bar and the TUI's refresh worker consume the same stream.
Deciding what to do (which feeds are due, how long to back off) is kept in
pure functions apart from the IO, so it is testable without a server.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import os
import queue
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from reader.config import Config
from reader.fetch import FetchRequest, FetchResult, FetchRun
from reader.models import Feed, ParsedFeed, UpdateResult, UpdateStatus
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
    """Refresh ``feeds`` (default: all) and yield each one's outcome as it lands.

    Downloads run in the fetcher's background thread; parsing and storing run
    here in the consuming thread (or, for big batches on a multi-core machine,
    parsing runs in a process pool), so the event loop only ever moves bytes.
    """
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
    if not due:
        return
    by_url = {f.url: f for f in due}
    requests = [
        FetchRequest(
            f.url,
            etag=None if force else f.etag,
            last_modified=None if force else f.last_modified,
        )
        for f in due
    ]
    inbox: queue.Queue[tuple[str, object]] = queue.Queue()
    run = FetchRun(requests, config, lambda r: inbox.put(("fetched", r)))
    pool = _ParsePool(len(requests))
    waiting_fetch, parsing = len(requests), 0
    try:
        run.start()
        while waiting_fetch or parsing:
            kind, payload = inbox.get()
            if kind == "fetched":
                waiting_fetch -= 1
                fetched = payload
                assert isinstance(fetched, FetchResult)
                feed = by_url[fetched.url]
                fetched = record_move(store, feed, fetched)
                early = triage(store, config, feed, fetched, now=now, force=force)
                if early is not None:
                    run.release()
                    yield early
                    continue
                url = early_url(feed, fetched)
                future = pool.submit(fetched.data or b"", url, fetched.content_type, now)
                if future is None:  # parsed right here
                    outcome = parse_outcome(fetched.data or b"", url, fetched.content_type, now)
                    result = store_outcome(store, config, feed, fetched, outcome, now=now)
                    run.release()
                    yield result
                    continue
                parsing += 1
                future.add_done_callback(
                    lambda fut, feed=feed, fetched=fetched: inbox.put(
                        ("parsed", (feed, fetched, fut))
                    )
                )
            else:
                parsing -= 1
                feed, fetched, fut = payload  # type: ignore[misc]
                try:
                    outcome = fut.result()
                except Exception as exc:  # a worker that died costs one feed
                    outcome = f"parser error: {type(exc).__name__}: {exc}"
                result = store_outcome(store, config, feed, fetched, outcome, now=now)
                run.release()
                yield result
    finally:
        run.close()
        pool.shutdown()


# Below this many feeds to parse, starting worker processes costs more than it saves.
POOL_THRESHOLD = 24


class _ParsePool:
    """A process pool started only when a batch is big enough to pay for it.

    feedparser is pure Python (about 20 ms for a 50-item feed) and holds the GIL,
    so threads cannot parse in parallel; processes can. A 304-only refresh or a
    one-feed ``add`` never starts one.
    """

    def __init__(self, batch_size: int) -> None:
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        workers = min(os.cpu_count() or 1, 4)
        self._enabled = workers > 1 and batch_size >= POOL_THRESHOLD and _POOL_ALLOWED
        self._workers = workers
        self._seen = 0

    def submit(
        self, data: bytes, url: str, content_type: str | None, now: datetime
    ) -> concurrent.futures.Future[ParsedFeed | str] | None:
        self._seen += 1
        if not self._enabled or self._seen <= 2:
            return None
        if self._pool is None:
            import multiprocessing

            try:
                self._pool = concurrent.futures.ProcessPoolExecutor(
                    self._workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_warm_worker,
                )
            except (OSError, ValueError):
                self._enabled = False
                return None
        try:
            return self._pool.submit(parse_outcome, data, url, content_type, now)
        except RuntimeError:  # broken pool: fall back to parsing here
            self._enabled = False
            return None

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


_POOL_ALLOWED = os.environ.get("NEWSDECK_PARSE_POOL", "1") != "0"


def _warm_worker() -> None:
    import feedparser  # noqa: F401  (import once per worker, not per feed)


def early_url(feed: Feed, fetched: FetchResult) -> str:
    """The URL relative links resolve against: where the body really came from."""
    return fetched.final_url or fetched.permanent_url or feed.url


def parse_outcome(
    data: bytes, url: str, content_type: str | None, now: datetime
) -> ParsedFeed | str:
    """Parse, turning every failure into its reason in words (picklable either way)."""
    refused = entity_bomb(data)
    if refused:
        return refused
    try:
        return parse_feed(data, url, content_type, now=now)
    except ParseError as exc:
        return str(exc)
    except RecursionError:
        return "parser error: nested too deeply"
    except Exception as exc:  # a parser bug must cost one feed, not the refresh
        return f"parser error: {type(exc).__name__}: {exc}"


_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*\[(.*?)\]\s*>", re.S | re.I)
_ENTITY = re.compile(rb"<!ENTITY\s+(%\s*)?([\w.:-]+)\s+(?:\"([^\"]*)\"|'([^']*)')", re.S)
_ENTITY_REF = re.compile(rb"[&%]([\w.:-]+);")


def entity_bomb(data: bytes) -> str | None:
    """Refuse documents whose DTD defines entities in terms of other entities.

    That is the shape of "billion laughs" (and its quadratic cousin, one huge
    entity used many times). feedparser happens to drop such declarations, but
    the fast parsers that may replace it need not, so the guard lives here,
    ahead of any parser. Real feeds declare at most a few character entities.
    """
    head = data[:65536]
    if b"<!ENTITY" not in head and b"<!entity" not in head:
        return None
    match = _DOCTYPE.search(head)
    subset = match.group(1) if match else head
    names: set[bytes] = set()
    total = 0
    for m in _ENTITY.finditer(subset):
        names.add(m.group(2))
        value = m.group(3) if m.group(3) is not None else (m.group(4) or b"")
        total += len(value)
        refs = {r for r in _ENTITY_REF.findall(value)}
        if refs & names:
            return "refused: XML entities defined by other entities (entity expansion attack)"
    if total > 4096:
        return "refused: XML entity declarations too large (entity expansion attack)"
    return None


def record_move(store: Store, feed: Feed, fetched: FetchResult) -> FetchResult:
    """A 301/308 changes the stored URL, unless the new one is already subscribed.

    Returns the fetch with ``permanent_url`` set only when the move was recorded,
    so the result can say "moved permanently to ...".
    """
    target = fetched.permanent_url
    if not target:
        return fetched
    if not fetched.ok:  # moved to somewhere that does not work: keep the address we know
        return replace(fetched, permanent_url=None)
    if target == feed.url or store.get_feed(target) is not None:
        return replace(fetched, permanent_url=None)
    store.update_feed(feed.id, url=target)
    return fetched


def triage(
    store: Store,
    config: Config,
    feed: Feed,
    fetched: FetchResult,
    *,
    now: datetime,
    force: bool = False,
) -> UpdateResult | None:
    """Everything that needs no parse: failures, 304s, unchanged bodies.

    Returns None when the body must be parsed. ``fetched`` has been through
    ``record_move`` already.
    """
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
    if fetched.not_modified:
        _write_if_changed(store, feed, _clean(feed, now))
        return UpdateResult(
            feed.url,
            UpdateStatus.NOT_MODIFIED,
            feed_id=feed.id,
            moved_to=moved_to,
            title=feed.title,
        )
    digest = body_digest(fetched.data or b"")
    if digest == feed.body_hash and not force:
        fields = {**_clean(feed, now), "etag": fetched.etag, "last_modified": fetched.last_modified}
        _write_if_changed(store, feed, fields)
        return UpdateResult(
            feed.url,
            UpdateStatus.NOT_MODIFIED,
            feed_id=feed.id,
            moved_to=moved_to,
            title=feed.title,
        )
    return None


def store_outcome(
    store: Store,
    config: Config,
    feed: Feed,
    fetched: FetchResult,
    outcome: ParsedFeed | str,
    *,
    now: datetime,
) -> UpdateResult:
    """Store what the parser read, or record why it could not read anything."""
    moved_to = fetched.permanent_url
    if isinstance(outcome, str):
        return _with_move(_fail(store, config, feed, outcome, now), moved_to)
    parsed = outcome
    if not parsed.articles and parsed.warning:
        # Broken before the first entry (a cut-off download, bad XML): nothing was
        # readable, which is a failure, not an empty feed.
        return _with_move(_fail(store, config, feed, parsed.warning, now), moved_to)
    first = feed.checked_at is None and feed.updated_at is None
    new, updated = store.store_parsed(feed.id, parsed)
    bookkeeping: dict[str, object] = {
        **_clean(feed, now),
        "etag": fetched.etag,
        "last_modified": fetched.last_modified,
        "body_hash": body_digest(fetched.data or b""),
    }
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
        error=None if parsed.articles else EMPTY_FEED,
    )


# Not a failure (a new podcast may have no episodes yet), but worth a line on stderr.
EMPTY_FEED = "the feed lists no articles"


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
    fetched = record_move(store, feed, fetched)
    early = triage(store, config, feed, fetched, now=now, force=force)
    if early is not None:
        return early
    outcome = parse_outcome(
        fetched.data or b"", early_url(feed, fetched), fetched.content_type, now
    )
    return store_outcome(store, config, feed, fetched, outcome, now=now)


def _clean(feed: Feed, now: datetime) -> dict[str, object]:
    """Bookkeeping after a good answer: errors and backoff forgotten."""
    fields: dict[str, object] = {
        "checked_at": now,
        "last_error": None,
        "error_count": 0,
        "retry_after": None,
    }
    if feed.disabled and (feed.last_error or "").startswith("HTTP 410"):
        fields["disabled"] = False  # a forced fetch found it back
    return fields


def _write_if_changed(store: Store, feed: Feed, fields: dict[str, object]) -> None:
    """A 304 writes checked_at and nothing else that did not change."""
    changed = {k: v for k, v in fields.items() if k == "checked_at" or getattr(feed, k) != v}
    store.update_feed(feed.id, **changed)


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
    """Record the failure and back off; the feed's articles are never touched."""
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


def _with_move(result: UpdateResult, moved_to: str | None) -> UpdateResult:
    if moved_to is None:
        return result
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
