"""The only code that speaks SQL.

One SQLite file in WAL mode holds feeds, articles, read/starred state, the FTS5
index and the cache of extracted quotes and facts. The schema version lives in
``PRAGMA user_version`` and grows only through the ordered ``MIGRATIONS`` list,
so an old database is always carried forward and never recreated: it holds
the user's stars and read state, which no refresh can bring back.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from reader.models import (
    ALL,
    Article,
    ArticleFilter,
    Enclosure,
    Feed,
    Headline,
    ParsedFeed,
    SearchHit,
)
from reader.sanitize import clean_inline, html_to_text

# -- schema ---------------------------------------------------------------

_V1 = """
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT,
    link TEXT,
    description TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    added_at INTEGER NOT NULL,
    updated_at INTEGER,
    checked_at INTEGER,
    last_error TEXT,
    error_count INTEGER NOT NULL DEFAULT 0,
    retry_after INTEGER,
    disabled INTEGER NOT NULL DEFAULT 0,
    etag TEXT,
    last_modified TEXT,
    body_hash TEXT
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid TEXT NOT NULL,
    title TEXT,
    link TEXT,
    author TEXT,
    published INTEGER NOT NULL,
    updated INTEGER,
    first_seen INTEGER NOT NULL,
    summary TEXT,
    content TEXT,
    content_hash TEXT,
    enclosures TEXT,
    read INTEGER NOT NULL DEFAULT 0,
    read_at INTEGER,
    starred INTEGER NOT NULL DEFAULT 0,
    starred_at INTEGER,
    UNIQUE (feed_id, guid)
);
CREATE INDEX articles_by_feed ON articles (feed_id, published DESC, id DESC);
CREATE INDEX articles_by_date ON articles (published DESC, id DESC);
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_V2 = """
CREATE INDEX articles_unread ON articles (published DESC, id DESC) WHERE read = 0;
CREATE INDEX articles_starred ON articles (published DESC, id DESC) WHERE starred = 1;
CREATE INDEX articles_feed_read ON articles (feed_id, read);
ALTER TABLE articles ADD COLUMN full_text TEXT;
ALTER TABLE articles ADD COLUMN full_text_status TEXT;
ALTER TABLE articles ADD COLUMN full_text_at INTEGER;
ALTER TABLE feeds ADD COLUMN full_text INTEGER NOT NULL DEFAULT 0;
CREATE TABLE annotations (
    content_hash TEXT NOT NULL,
    version INTEGER NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (content_hash, version)
);
"""

# v3: the search index is filled after a refresh, not during it. Tokenising every
# body for FTS5 was half the cost of storing a feed; articles wait in fts_pending
# and are indexed in one pass before the next search (or by the reader when idle).
_V3 = """
CREATE TABLE fts_pending (id INTEGER PRIMARY KEY);
"""

MIGRATIONS: list[str] = [_V1, _V2, _V3]
SCHEMA_VERSION = len(MIGRATIONS)

_FEED_COLUMNS = (
    "f.id, f.url, f.title, f.link, f.description, f.tags, f.added_at, f.updated_at, "
    "f.checked_at, f.last_error, f.error_count, f.retry_after, f.disabled, f.etag, "
    "f.last_modified, f.body_hash, f.full_text"
)
_HEADLINE_COLUMNS = (
    "a.id, a.feed_id, a.title, a.link, a.published, a.read, a.starred, coalesce(f.title, f.url)"
)
_ARTICLE_COLUMNS = (
    "a.id, a.feed_id, a.guid, a.title, a.link, a.author, a.published, a.first_seen, a.read, "
    "a.starred, a.read_at, a.starred_at, coalesce(f.title, f.url), a.summary, a.content, "
    "a.content_hash, a.enclosures, a.full_text, a.full_text_status"
)


class StoreError(Exception):
    """The database file cannot be opened or is not ours."""


def _ts(value: datetime | None) -> int | None:
    return None if value is None else int(value.timestamp())


def _dt(value: int | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def content_hash(title: str | None, content: str | None, summary: str | None) -> str:
    """What counts as "the article changed": the words a reader would see."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (title, content, summary):
        digest.update((part or "").encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


_FTS_TOKEN = re.compile(r"[\w][\w'’-]*\*?", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Turn what a user types into a safe FTS5 query.

    Users type words, not FTS syntax; a stray quote or a dash must not become
    an SQL error. Each word is quoted (so ``AND`` or ``-`` mean nothing special)
    and a trailing ``*`` keeps its prefix meaning. ``OR`` between words is kept.
    """
    parts: list[str] = []
    for token in _FTS_TOKEN.findall(text):
        if token == "OR" and parts and parts[-1] != "OR":
            parts.append("OR")
            continue
        prefix = token.endswith("*")
        word = token.rstrip("*").replace('"', "")
        if word:
            parts.append(f'"{word}"' + ("*" if prefix else ""))
    while parts and parts[-1] == "OR":
        parts.pop()
    return " ".join(parts) or None


class Store:
    """A connection to the newsdeck database, safe to share between threads.

    Every public method takes the lock, so a Textual worker thread and the
    refresh thread never interleave statements on one connection. Readers in
    other processes are not blocked thanks to WAL.
    """

    def __init__(self, path: Path | str, *, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self._clock = clock
        self._lock = threading.RLock()
        self._batching = self._batch_failed = False
        if str(path) != ":memory:":
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"{self.path.parent}: cannot create folder: {exc.strerror}"
                ) from None
        try:
            self._db = sqlite3.connect(
                str(path), check_same_thread=False, isolation_level=None, timeout=30
            )
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA temp_store = MEMORY")
            self._db.execute("PRAGMA cache_size = -32000")
            migrate(self._db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a newsdeck database ({exc})") from None

    # -- plumbing ---------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> int:
        return int(self._clock())

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._batching:
                # Inside batch(): share its transaction. Not a savepoint: FTS5 writes out
                # its pending index at every savepoint, the very cost batching saves.
                try:
                    yield self._db
                except BaseException:
                    self._batch_failed = True  # the batch must not commit half of this
                    raise
                return
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run several units of writing (feeds stored, bookkeeping) as one transaction.

        A cold refresh stores hundreds of feeds; a commit per feed makes SQLite write a
        new full-text index segment and merge segments hundreds of times, about a fifth
        of the refresh. The batch is all or nothing: if any write in it fails, nothing
        of it is committed and the error goes on, even if the caller caught it. The lock
        is held throughout, so keep a batch to what is ready now.
        """
        with self._lock:
            if self._batching:
                yield
                return
            self._db.execute("BEGIN IMMEDIATE")
            self._batching, self._batch_failed = True, False
            try:
                yield
            except BaseException:
                self._batching = False
                self._db.execute("ROLLBACK")
                raise
            self._batching = False
            if self._batch_failed:
                self._db.execute("ROLLBACK")
                raise StoreError("a write in a batch failed, so none of the batch was saved")
            self._db.execute("COMMIT")

    def _query(self, sql: str, params: Sequence | dict = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    @property
    def schema_version(self) -> int:
        return self._query("PRAGMA user_version")[0][0]

    # -- feeds ------------------------------------------------------------

    def add_feed(self, url: str, *, title: str | None = None, tags: Iterable[str] = ()) -> Feed:
        """Subscribe; adding a URL twice keeps the first row (and merges tags)."""
        tags = list(dict.fromkeys(tags))
        with self.transaction() as db:
            row = db.execute("SELECT id, tags FROM feeds WHERE url = ?", (url,)).fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO feeds (url, title, tags, added_at) VALUES (?, ?, ?, ?)",
                    (url, title, json.dumps(tags), self.now()),
                )
            elif tags:
                merged = list(dict.fromkeys([*json.loads(row[1]), *tags]))
                db.execute("UPDATE feeds SET tags = ? WHERE id = ?", (json.dumps(merged), row[0]))
            if row is not None and title:
                db.execute(
                    "UPDATE feeds SET title = coalesce(title, ?) WHERE id = ?", (title, row[0])
                )
        feed = self.get_feed(url)
        assert feed is not None
        return feed

    def remove_feed(self, url: str) -> bool:
        with self.transaction() as db:
            row = db.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
            if row is None:
                return False
            db.execute(
                "DELETE FROM articles_fts WHERE rowid IN (SELECT id FROM articles WHERE feed_id = ?)",
                (row[0],),
            )
            db.execute(
                "DELETE FROM fts_pending WHERE id IN (SELECT id FROM articles WHERE feed_id = ?)",
                (row[0],),
            )
            db.execute("DELETE FROM articles WHERE feed_id = ?", (row[0],))
            db.execute("DELETE FROM feeds WHERE id = ?", (row[0],))
        return True

    def _feed_from_row(self, row: tuple, unread: int = 0, total: int = 0) -> Feed:
        return Feed(
            id=row[0],
            url=row[1],
            title=row[2],
            link=row[3],
            description=row[4],
            tags=tuple(json.loads(row[5] or "[]")),
            added_at=_dt(row[6]),
            updated_at=_dt(row[7]),
            checked_at=_dt(row[8]),
            last_error=row[9],
            error_count=row[10],
            retry_after=_dt(row[11]),
            disabled=bool(row[12]),
            etag=row[13],
            last_modified=row[14],
            body_hash=row[15],
            full_text=bool(row[16]),
            unread=unread,
            total=total,
        )

    def get_feed(self, key: str | int) -> Feed | None:
        column = "id" if isinstance(key, int) else "url"
        rows = self._query(f"SELECT {_FEED_COLUMNS} FROM feeds f WHERE f.{column} = ?", (key,))
        if not rows:
            return None
        counts = self._query(
            "SELECT count(*), coalesce(sum(read = 0), 0) FROM articles WHERE feed_id = ?",
            (rows[0][0],),
        )[0]
        return self._feed_from_row(rows[0], unread=counts[1], total=counts[0])

    def feeds(self, *, with_counts: bool = True) -> list[Feed]:
        """All subscriptions, by title, with their unread and total counts."""
        rows = self._query(
            f"SELECT {_FEED_COLUMNS} FROM feeds f ORDER BY lower(coalesce(f.title, f.url)), f.id"
        )
        counts: dict[int, tuple[int, int]] = {}
        if with_counts:
            for feed_id, total, unread in self._query(
                "SELECT feed_id, count(*), sum(read = 0) FROM articles GROUP BY feed_id"
            ):
                counts[feed_id] = (unread, total)
        return [self._feed_from_row(r, *counts.get(r[0], (0, 0))) for r in rows]

    def feed_count(self) -> int:
        return self._query("SELECT count(*) FROM feeds")[0][0]

    def update_feed(self, feed_id: int, **fields: object) -> None:
        """Write fetch bookkeeping (etag, errors, backoff...) for one feed."""
        allowed = {
            "url",
            "title",
            "link",
            "description",
            "updated_at",
            "checked_at",
            "last_error",
            "error_count",
            "retry_after",
            "disabled",
            "etag",
            "last_modified",
            "body_hash",
            "full_text",
            "tags",
        }
        if not fields:
            return
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"unknown feed fields: {sorted(unknown)}")
        values = []
        for key, value in fields.items():
            if isinstance(value, datetime):
                value = _ts(value)
            elif key == "tags":
                value = json.dumps(list(value))  # type: ignore[call-overload]
            elif isinstance(value, bool):
                value = int(value)
            values.append(value)
        assignments = ", ".join(f"{k} = ?" for k in fields)
        with self.transaction() as db:
            db.execute(f"UPDATE feeds SET {assignments} WHERE id = ?", (*values, feed_id))

    # -- articles: writing --------------------------------------------------

    def store_parsed(self, feed_id: int, parsed: ParsedFeed) -> tuple[int, int]:
        """Merge a parsed feed into the cache; return (new, updated) article counts.

        Read and starred state are never touched here: a publisher fixing a typo
        must not mark an article unread again, and an article that has dropped
        out of the feed stays in the cache.

        New and changed articles are queued for the search index (``index_pending``).
        """
        now = self.now()
        new = updated = 0
        with self.transaction() as db:
            existing = {
                guid: (aid, chash)
                for aid, guid, chash in db.execute(
                    "SELECT id, guid, content_hash FROM articles WHERE feed_id = ?", (feed_id,)
                )
            }
            inserts: list[tuple] = []
            updates: list[tuple] = []
            seen: set[str] = set()
            for art in parsed.articles:
                if art.guid in seen:
                    continue  # a feed listing one entry twice keeps the first
                seen.add(art.guid)
                title = clean_inline(art.title) or None
                chash = content_hash(title, art.content, art.summary)
                enclosures = (
                    json.dumps([[e.url, e.type, e.length] for e in art.enclosures])
                    if art.enclosures
                    else None
                )
                published = _ts(art.published) or now
                old = existing.get(art.guid)
                if old is None:
                    inserts.append(
                        (
                            feed_id,
                            art.guid,
                            title,
                            art.link,
                            clean_inline(art.author) or None,
                            published,
                            _ts(art.updated),
                            now,
                            art.summary,
                            art.content,
                            chash,
                            enclosures,
                        )
                    )
                elif old[1] != chash:
                    updates.append(
                        (
                            title,
                            art.link,
                            clean_inline(art.author) or None,
                            _ts(art.updated),
                            art.summary,
                            art.content,
                            chash,
                            enclosures,
                            old[0],
                        )
                    )
            if inserts:
                # Choose the ids here (no one else can insert inside this write
                # transaction) so one executemany fills both tables: a cold refresh
                # stores tens of thousands of articles, and a call per row is slow.
                first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]
                ids = range(first, first + len(inserts))
                db.executemany(
                    "INSERT INTO articles (id, feed_id, guid, title, link, author, published, "
                    "updated, first_seen, summary, content, content_hash, enclosures) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(i, *row) for i, row in zip(ids, inserts, strict=True)],
                )
                db.executemany(
                    "INSERT OR IGNORE INTO fts_pending (id) VALUES (?)", [(i,) for i in ids]
                )
                new = len(inserts)
            if updates:
                db.executemany(
                    "UPDATE articles SET title = ?, link = ?, author = ?, updated = ?, "
                    "summary = ?, content = ?, content_hash = ?, enclosures = ? WHERE id = ?",
                    updates,
                )
                db.executemany(
                    "INSERT OR IGNORE INTO fts_pending (id) VALUES (?)", [(u[-1],) for u in updates]
                )
                updated = len(updates)
            meta = {
                "title": clean_inline(parsed.title) or None,
                "link": parsed.link,
                "description": clean_inline(parsed.description) or None,
            }
            sets = [f"{k} = coalesce(?, {k})" for k in meta]
            params: list[object] = list(meta.values())
            if new or updated:
                sets.append("updated_at = ?")
                params.append(now)
            db.execute(f"UPDATE feeds SET {', '.join(sets)} WHERE id = ?", (*params, feed_id))
        return new, updated

    def set_full_text(self, article_id: int, html: str | None, status: str | None) -> None:
        """Store the linked page's extracted article (or why it could not be had)."""
        with self.transaction() as db:
            db.execute(
                "UPDATE articles SET full_text = coalesce(?, full_text), full_text_status = ?, "
                "full_text_at = ? WHERE id = ?",
                (html, status, self.now(), article_id),
            )
            if html:
                db.execute("INSERT OR IGNORE INTO fts_pending (id) VALUES (?)", (article_id,))

    # -- articles: state ----------------------------------------------------

    def set_read(self, ids: Iterable[int], read: bool = True) -> int:
        ids = list(ids)
        with self.transaction() as db:
            cur = db.executemany(
                "UPDATE articles SET read = ?, read_at = ? WHERE id = ? AND read != ?",
                [(int(read), self.now(), i, int(read)) for i in ids],
            )
            return cur.rowcount

    def set_starred(self, ids: Iterable[int], starred: bool = True) -> int:
        ids = list(ids)
        with self.transaction() as db:
            cur = db.executemany(
                "UPDATE articles SET starred = ?, starred_at = ? WHERE id = ? AND starred != ?",
                [(int(starred), self.now(), i, int(starred)) for i in ids],
            )
            return cur.rowcount

    def mark_all_read(self, feed_id: int | None = None) -> int:
        with self.transaction() as db:
            if feed_id is None:
                cur = db.execute(
                    "UPDATE articles SET read = 1, read_at = ? WHERE read = 0", (self.now(),)
                )
            else:
                cur = db.execute(
                    "UPDATE articles SET read = 1, read_at = ? WHERE read = 0 AND feed_id = ?",
                    (self.now(), feed_id),
                )
            return cur.rowcount

    # -- articles: reading ----------------------------------------------------

    @staticmethod
    def _where(flt: ArticleFilter) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        if flt.feed_id is not None:
            clauses.append("a.feed_id = ?")
            params.append(flt.feed_id)
        if flt.unread_only:
            clauses.append("a.read = 0")
        if flt.starred_only:
            clauses.append("a.starred = 1")
        if flt.tags:
            clauses.append(
                "a.feed_id IN (SELECT f2.id FROM feeds f2, json_each(f2.tags) t WHERE t.value IN ("
                + ",".join("?" * len(flt.tags))
                + "))"
            )
            params.extend(flt.tags)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def article_ids(self, flt: ArticleFilter = ALL) -> list[int]:
        """The ids a headline list shows, newest first.

        Loading ids only (not rows) keeps this fast at 100k articles; the list
        then pulls rows for the lines it draws with ``headlines``.
        """
        if flt.ids is not None:
            return list(flt.ids)
        where, params = self._where(flt)
        rows = self._query(
            f"SELECT a.id FROM articles a{where} ORDER BY a.published DESC, a.id DESC", params
        )
        return [r[0] for r in rows]

    def count_articles(self, flt: ArticleFilter = ALL) -> int:
        where, params = self._where(flt)
        return self._query(f"SELECT count(*) FROM articles a{where}", params)[0][0]

    def unread_count(self) -> int:
        return self._query("SELECT count(*) FROM articles WHERE read = 0")[0][0]

    def starred_count(self) -> int:
        return self._query("SELECT count(*) FROM articles WHERE starred = 1")[0][0]

    @staticmethod
    def _headline(row: tuple) -> Headline:
        return Headline(
            id=row[0],
            feed_id=row[1],
            title=row[2] or row[3] or "(untitled)",
            published=datetime.fromtimestamp(row[4], UTC),
            read=bool(row[5]),
            starred=bool(row[6]),
            feed_title=row[7],
        )

    def headlines(self, ids: Sequence[int]) -> list[Headline]:
        """Rows for these ids, in the order given (missing ids are skipped)."""
        if not ids:
            return []
        found: dict[int, Headline] = {}
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            rows = self._query(
                f"SELECT {_HEADLINE_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id "
                f"WHERE a.id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            found.update((r[0], self._headline(r)) for r in rows)
        return [found[i] for i in ids if i in found]

    def get_article(self, article_id: int) -> Article | None:
        rows = self._query(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id "
            "WHERE a.id = ?",
            (article_id,),
        )
        if not rows:
            return None
        r = rows[0]
        enclosures = tuple(Enclosure(*e) for e in json.loads(r[16])) if r[16] else ()
        return Article(
            id=r[0],
            feed_id=r[1],
            guid=r[2],
            title=r[3],
            link=r[4],
            author=r[5],
            published=datetime.fromtimestamp(r[6], UTC),
            first_seen=datetime.fromtimestamp(r[7], UTC),
            read=bool(r[8]),
            starred=bool(r[9]),
            read_at=_dt(r[10]),
            starred_at=_dt(r[11]),
            feed_title=r[12],
            summary=r[13],
            content=r[14],
            content_hash=r[15],
            enclosures=enclosures,
            full_text=r[17],
            full_text_status=r[18],
        )

    def articles_needing_full_text(self, feed_id: int, limit: int = 50) -> list[int]:
        rows = self._query(
            "SELECT id FROM articles WHERE feed_id = ? AND full_text IS NULL "
            "AND full_text_status IS NULL AND link IS NOT NULL ORDER BY published DESC LIMIT ?",
            (feed_id, limit),
        )
        return [r[0] for r in rows]

    # -- search ---------------------------------------------------------------

    def pending_index_count(self) -> int:
        return self._query("SELECT count(*) FROM fts_pending")[0][0]

    def index_pending(self, batch: int = 2000) -> int:
        """Bring the search index up to date with what refreshes stored; return how many.

        Runs in batches so a reader thread can interleave; each batch is one
        transaction, so an interrupted run loses nothing (the rest stays queued).
        """
        done = 0
        while True:
            with self.transaction() as db:
                rows = db.execute(
                    "SELECT p.id, a.title, coalesce(a.full_text, a.content, a.summary, '') "
                    "FROM fts_pending p LEFT JOIN articles a ON a.id = p.id LIMIT ?",
                    (batch,),
                ).fetchall()
                if not rows:
                    return done
                ids = [(r[0],) for r in rows]
                db.executemany("DELETE FROM articles_fts WHERE rowid = ?", ids)
                db.executemany(
                    "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                    [
                        (r[0], r[1] or "", html_to_text(r[2]))
                        for r in rows
                        if r[1] is not None or r[2]
                    ],
                )
                db.executemany("DELETE FROM fts_pending WHERE id = ?", ids)
            done += len(rows)

    def search(
        self, query: str, *, limit: int = 200, feed_id: int | None = None
    ) -> list[SearchHit]:
        """Ranked full-text search; titles weigh ten times the body."""
        match = fts_query(query)
        if match is None:
            return []
        self.index_pending()
        sql = (
            "SELECT s.rowid, bm25(articles_fts, 10.0, 1.0) AS rank, "
            "snippet(articles_fts, 1, char(2), char(3), '…', 16) "
            "FROM articles_fts s WHERE articles_fts MATCH ?"
        )
        params: list[object] = [match]
        if feed_id is not None:
            sql += " AND s.rowid IN (SELECT id FROM articles WHERE feed_id = ?)"
            params.append(feed_id)
        sql += " ORDER BY rank LIMIT ?"
        params.append(limit)
        try:
            rows = self._query(sql, params)
        except sqlite3.OperationalError:
            return []
        heads = {h.id: h for h in self.headlines([r[0] for r in rows])}
        return [
            SearchHit(headline=heads[r[0]], snippet=_clean_snippet(r[2]), rank=r[1])
            for r in rows
            if r[0] in heads
        ]

    # -- annotation cache and UI state ----------------------------------------

    def get_annotations(self, chash: str, version: int) -> dict | None:
        rows = self._query(
            "SELECT data FROM annotations WHERE content_hash = ? AND version = ?", (chash, version)
        )
        return json.loads(rows[0][0]) if rows else None

    def put_annotations(self, chash: str, version: int, data: dict) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO annotations (content_hash, version, data) VALUES (?, ?, ?)",
                (chash, version, json.dumps(data, ensure_ascii=False)),
            )

    def get_state(self, key: str, default: str | None = None) -> str | None:
        rows = self._query("SELECT value FROM state WHERE key = ?", (key,))
        return rows[0][0] if rows else default

    def set_state(self, key: str, value: str | None) -> None:
        with self.transaction() as db:
            if value is None:
                db.execute("DELETE FROM state WHERE key = ?", (key,))
            else:
                db.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?, ?)", (key, value))


def _clean_snippet(snippet: str | None) -> str:
    """Clean the text between the match markers, keeping the \x02 \x03 markers themselves."""
    pieces = re.split("([\x02\x03])", snippet or "")
    out = []
    for piece in pieces:
        if piece in ("\x02", "\x03") or not piece:
            out.append(piece)
            continue
        cleaned = clean_inline(piece)  # strips the ends, so put their spaces back
        lead = " " if piece[0].isspace() and cleaned else ""
        trail = " " if piece[-1].isspace() and cleaned else ""
        out.append(lead + cleaned + trail)
    return "".join(out)


def migrate(db: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the schema up to ``target``, one recorded step at a time."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise sqlite3.DatabaseError(
            f"schema version {version} is newer than this newsdeck ({SCHEMA_VERSION}); upgrade newsdeck"
        )
    if version == 0:
        tables = db.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
        if tables:
            raise sqlite3.DatabaseError("it has tables but no newsdeck schema version")
    for step in range(version, target):
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in _split_sql(MIGRATIONS[step]):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {step + 1}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    return max(version, target)


def _split_sql(script: str) -> list[str]:
    """Statements of a migration, so they run inside one transaction with the version bump."""
    return [s.strip() for s in script.split(";") if s.strip()]
