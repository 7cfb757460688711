"""The refresh pipeline: due feeds -> fetch -> parse -> store.

It yields one UpdateResult per feed and never raises for a feed's failure, so
the CLI's progress bar and the TUI's refresh worker consume the same stream.
Deciding what to do (which feeds are due, how long to back off) is kept in
pure functions apart from the IO, so it is testable without a server.
"""

from __future__ import annotations

import concurrent.futures
import concurrent.futures.process
import hashlib
import os
import queue
import re
import sys
import time
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
    # Feeds with validators mostly answer 304 and need no parse: only the others count
    # towards a pool (forking one costs ~40 ms, a third of a refresh where nothing changed).
    likely_bodies = sum(1 for r in requests if not (r.etag or r.last_modified))
    pool = _ParsePool(likely_bodies)  # it forks, so before run.start() makes a thread
    waiting_fetch, parsing = len(requests), 0
    try:
        run.start()
        while waiting_fetch or parsing:
            # Group commit: what arrives within BATCH_WAIT is stored in one transaction, then
            # reported, so a consumer only hears of what is saved, and a cold refresh, where
            # bodies queue up behind the store, commits dozens of feeds at once instead of
            # one by one. A slow network gives batches of one.
            ready = [inbox.get()]
            until = time.monotonic() + BATCH_WAIT
            expected = min(BATCH_MAX, waiting_fetch + parsing)  # no waiting for what can't come
            while len(ready) < expected:
                try:
                    ready.append(inbox.get(timeout=max(0.0, until - time.monotonic())))
                except queue.Empty:
                    break
            results: list[UpdateResult] = []
            with store.batch():
                for kind, payload in ready:
                    if kind == "fetched":
                        waiting_fetch -= 1
                        fetched = payload
                        assert isinstance(fetched, FetchResult)
                        feed = by_url[fetched.url]
                        fetched = record_move(store, feed, fetched)
                        early = triage(store, config, feed, fetched, now=now, force=force)
                        if early is not None:
                            run.release()
                            results.append(early)
                            continue
                        url = early_url(feed, fetched)
                        future = pool.submit(fetched.data or b"", url, fetched.content_type, now)
                        if future is None:  # parsed right here
                            outcome = parse_outcome(
                                fetched.data or b"", url, fetched.content_type, now
                            )
                            results.append(
                                store_outcome(store, config, feed, fetched, outcome, now=now)
                            )
                            run.release()
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
                        except concurrent.futures.process.BrokenProcessPool:
                            # Not retried here: the feed may be what killed the worker.
                            outcome = "parser crashed (its worker process died)"
                        except Exception as exc:
                            outcome = f"parser error: {type(exc).__name__}: {exc}"
                        results.append(
                            store_outcome(store, config, feed, fetched, outcome, now=now)
                        )
                        run.release()
            yield from results
    finally:
        run.close()
        pool.shutdown()


# A batch is what arrives within BATCH_WAIT seconds, at most BATCH_MAX results (the store's
# lock is held while it is written: about 5 ms a feed of 50 new articles).
BATCH_MAX = 64
BATCH_WAIT = 0.05

# Below this many feeds a pool is not worth its start; it also needs a second core.
POOL_THRESHOLD = 24


class _ParsePool:
    """Worker processes that parse while this thread stores.

    Parsing is pure Python and holds the GIL, so threads cannot parse in
    parallel; processes can. Measured on 200 feeds of 50 items: parsing is
    about 5 ms a feed with the fast path (20 ms with feedparser) and storing
    about 6 ms, so on two cores a pool takes the parse off the storing thread.

    The workers are forked up front, before the fetch thread exists: "spawn"
    would re-import the caller's ``__main__`` (a user's script without a
    ``__main__`` guard would recurse), and forking a process whose other
    threads may hold locks is how forked children deadlock. Forked workers
    leave with ``os._exit`` and never touch the parent's SQLite connection.
    Linux only; elsewhere, and for small batches, parsing stays in this thread.
    """

    def __init__(self, batch_size: int) -> None:
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        workers = min(os.cpu_count() or 1, 4)
        if not (
            workers > 1
            and batch_size >= POOL_THRESHOLD
            and _POOL_ALLOWED
            and sys.platform.startswith("linux")
        ):
            return
        import multiprocessing
        import warnings

        try:
            pool = concurrent.futures.ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_init
            )
            with warnings.catch_warnings():
                # Python 3.12+ warns about fork() whenever the process has threads (the
                # TUI's); the children only parse bytes and never use their locks.
                warnings.simplefilter("ignore", DeprecationWarning)
                pool.submit(int)  # with "fork", the first submit forks every worker, here
        except Exception:  # no pool (no /dev/shm, process limits...): parse here
            return
        self._pool = pool

    def submit(
        self, data: bytes, url: str, content_type: str | None, now: datetime
    ) -> concurrent.futures.Future[ParsedFeed | str] | None:
        """A future for the parse, or None: parse it yourself."""
        if self._pool is None:
            return None
        try:
            return self._pool.submit(parse_outcome, data, url, content_type, now)
        except RuntimeError:  # a worker died and broke the pool: carry on without it
            self._pool = None
            return None

    def shutdown(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


_POOL_ALLOWED = os.environ.get("NEWSDECK_PARSE_POOL", "1") != "0"


def _worker_init() -> None:
    """Forget the parent's signal handlers in a forked parse worker.

    The terminal sends Ctrl+C, Ctrl+Z and resizes to the whole process group.
    Inherited handlers (the TUI's suspend and resize code, Python's
    KeyboardInterrupt) would make a worker draw on the terminal or print a
    traceback per worker; the parent decides, and shuts the pool down.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTSTP", "SIGCONT", "SIGWINCH", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)


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


_DOCTYPE_OPEN = re.compile(rb"<!DOCTYPE[^\[>]*([\[>])")
_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*\[(.*?)\]\s*>", re.S)
_ENTITY = re.compile(rb"<!ENTITY\s+(%\s*)?([\w.:-]+)\s+(?:\"([^\"]*)\"|'([^']*)')", re.S)
_ENTITY_REF = re.compile(rb"[&%]([\w.:-]+);")


def entity_bomb(data: bytes) -> str | None:
    """Refuse documents built to explode when their XML entities are expanded.

    Two shapes: "billion laughs" (entities defined in terms of other entities,
    so ten levels of ten references make 10^9 copies) and its quadratic cousin
    (one big entity used many times). feedparser drops such declarations and
    expat 2.4+ caps amplification, but a fast parser that replaces feedparser
    need not do either, so the guard lives here, ahead of any parser. Real
    feeds declare at most a few character entities; they pass untouched.
    """
    head = data[:65536]
    doctype = head.find(b"<!DOCTYPE")
    if doctype < 0 or b"<!ENTITY" not in head[doctype:]:
        return None  # no DTD, no entities: "<!ENTITY" in an article's text is harmless
    opening = _DOCTYPE_OPEN.match(head, doctype)
    if opening is None or opening.group(1) == b">":
        return None  # no internal subset: only an external DTD, which is never loaded
    match = _DOCTYPE.match(head, doctype)
    if match is None:
        return "refused: XML DTD larger than 64 KB (entity expansion attack)"
    subset = match.group(1)
    declared: dict[bytes, bytes] = {}
    for m in _ENTITY.finditer(subset):
        if m.group(1):  # a parameter entity (%name;): only the DTD itself uses those
            declared[b"%" + m.group(2)] = m.group(3) if m.group(3) is not None else m.group(4)
        else:
            declared[m.group(2)] = m.group(3) if m.group(3) is not None else (m.group(4) or b"")
    names = {n for n in declared if not n.startswith(b"%")}
    for value in declared.values():
        if set(_ENTITY_REF.findall(value or b"")) & names:
            return "refused: XML entities defined by other entities (entity expansion attack)"
    expanded = sum(data.count(b"&" + name + b";") * len(declared[name]) for name in names)
    if expanded > MAX_ENTITY_EXPANSION:
        return "refused: XML entities would expand past 4 MB (entity expansion attack)"
    return None


MAX_ENTITY_EXPANSION = 4 * 1024 * 1024


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
        parts.append(f"{pages:,} full-text page{'s' if pages != 1 else ''}")
    return f"{len(results):,} {noun}: " + ", ".join(parts)
