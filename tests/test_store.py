"""The SQLite cache: migrations, FTS search, and state that survives refreshes.

Article text here is real: sentences from the seed article (RKS News, see
/work/shared/examples/SOURCES.tsv and sample_feeds/README.md).
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from reader.models import ArticleFilter, ParsedArticle, ParsedFeed
from reader.store import SCHEMA_VERSION, Store, StoreError, fts_query, migrate

SEED_TITLE = (
    "We Want to See Progress in the Kosovo–Serbia Dialogue, NATO Official Says: "
    "Leaders' Responsibility Is Key to Stability in the Balkans"
)
SEED_BODY = (
    "<p>NATO currently has 4,636 troops from 33 countries deployed in Kosovo as part of the "
    "KFOR mission.</p><p>NATO and the Allies continue to demand full accountability for those "
    "responsible for the attacks against KFOR in May 2023 and for the perpetrators of violence "
    "in Banjska in September of that year.</p>"
)
OTHER_TITLE = "NATO supports the dialogue between Belgrade and Pristina under EU leadership"
OTHER_BODY = "<p>It does not depend solely on the international community.</p>"


def article(guid: str, title: str, body: str, day: int = 12) -> ParsedArticle:
    return ParsedArticle(
        guid=guid,
        title=title,
        link=f"https://rks.news/{guid}",
        author="RKS News",
        published=datetime(2026, 2, day, 10, tzinfo=UTC),
        content=body,
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "newsdeck.db") as s:
        yield s


def test_new_database_is_wal_at_latest_version(store, tmp_path):
    assert store.schema_version == SCHEMA_VERSION
    mode = sqlite3.connect(tmp_path / "newsdeck.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_v1_database_is_migrated_keeping_read_and_starred(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, target=1)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    db.execute("INSERT INTO feeds (id, url, added_at) VALUES (1, 'https://rks.news/feed', 0)")
    db.execute(
        "INSERT INTO articles (id, feed_id, guid, title, published, first_seen, read, starred) "
        "VALUES (7, 1, 'g', ?, 100, 100, 1, 1)",
        (SEED_TITLE,),
    )
    db.execute("INSERT INTO articles_fts (rowid, title, body) VALUES (7, ?, '')", (SEED_TITLE,))
    db.close()

    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        art = store.get_article(7)
        assert art is not None and art.read and art.starred
        assert art.full_text is None  # a v2 column, present after the migration
        assert [h.headline.id for h in store.search("Balkans")] == [7]
        store.put_annotations("hash", 1, {"quotes": []})  # the v2 table exists
        assert store.get_annotations("hash", 1) == {"quotes": []}


def test_database_from_a_newer_newsdeck_is_refused_clearly(tmp_path):
    path = tmp_path / "future.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    with pytest.raises(StoreError, match="newer than this newsdeck"):
        Store(path)


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a newsdeck database"):
        Store(path)
    assert path.read_text().startswith("these are my notes")  # nothing overwritten


def test_read_and_star_survive_a_content_update(store):
    feed = store.add_feed("https://rks.news/feed")
    store.store_parsed(feed.id, ParsedFeed(articles=(article("a", SEED_TITLE, SEED_BODY),)))
    (aid,) = store.article_ids()
    store.set_read([aid])
    store.set_starred([aid])
    fixed = article("a", SEED_TITLE, SEED_BODY.replace("4,636", "4,637"))
    new, updated = store.store_parsed(feed.id, ParsedFeed(articles=(fixed,)))
    assert (new, updated) == (0, 1)
    art = store.get_article(aid)
    assert art is not None
    assert "4,637" in (art.content or "")
    assert art.read and art.starred
    assert art.read_at is not None and art.starred_at is not None
    # the index follows the new text, not the old
    assert store.search("4,637") and not store.search('"4,636"')


def test_unchanged_refetch_writes_nothing(store):
    feed = store.add_feed("https://rks.news/feed")
    parsed = ParsedFeed(articles=(article("a", SEED_TITLE, SEED_BODY),))
    assert store.store_parsed(feed.id, parsed) == (1, 0)
    assert store.store_parsed(feed.id, parsed) == (0, 0)


def test_an_article_that_leaves_the_feed_stays_in_the_cache(store):
    feed = store.add_feed("https://rks.news/feed")
    both = (article("a", SEED_TITLE, SEED_BODY), article("b", OTHER_TITLE, OTHER_BODY, 13))
    store.store_parsed(feed.id, ParsedFeed(articles=both))
    store.store_parsed(feed.id, ParsedFeed(articles=both[1:]))
    assert store.count_articles() == 2
    assert store.get_feed(feed.id).total == 2


def test_lists_are_newest_first_and_filter_unread_and_starred(store):
    feed = store.add_feed("https://rks.news/feed")
    store.store_parsed(
        feed.id,
        ParsedFeed(
            articles=(article("a", SEED_TITLE, SEED_BODY, 12), article("b", OTHER_TITLE, "", 13))
        ),
    )
    newest, oldest = store.article_ids()
    assert [h.title for h in store.headlines([newest, oldest])] == [OTHER_TITLE, SEED_TITLE]
    store.set_read([newest])
    store.set_starred([oldest])
    assert store.article_ids(ArticleFilter(unread_only=True)) == [oldest]
    assert store.article_ids(ArticleFilter(starred_only=True)) == [oldest]
    assert store.article_ids(ArticleFilter(feed_id=feed.id)) == [newest, oldest]
    assert store.get_feed(feed.id).unread == 1
    assert store.mark_all_read(feed.id) == 1
    assert store.unread_count() == 0


def test_search_ranks_title_matches_first_and_marks_the_snippet(store):
    feed = store.add_feed("https://rks.news/feed")
    store.store_parsed(
        feed.id,
        ParsedFeed(
            articles=(
                article("a", SEED_TITLE, SEED_BODY),
                article("b", OTHER_TITLE, "<p>Stability in the Balkans was discussed.</p>", 13),
            )
        ),
    )
    hits = store.search("Pristina")
    assert [h.headline.title for h in hits] == [OTHER_TITLE]
    hits = store.search("Banjska")
    assert len(hits) == 1
    assert "\x02Banjska\x03" in hits[0].snippet
    # porter stemming: "troop" finds "troops"; title hits outrank body hits
    assert store.search("troop")[0].headline.title == SEED_TITLE
    assert next(h.headline.title for h in store.search("Balkans")) == SEED_TITLE


def test_search_folds_diacritics(store):
    feed = store.add_feed("https://rks.news/feed")
    store.store_parsed(
        feed.id,
        ParsedFeed(articles=(article("a", "Protest in Prishtinë", "<p>Prishtinë, Kosovo</p>"),)),
    )
    assert len(store.search("prishtine")) == 1


@pytest.mark.parametrize("typed", ['"unbalanced', "AND", "- NOT (", "NEAR(", "*", "col:x"])
def test_search_never_raises_on_what_users_type(store, typed):
    store.add_feed("https://rks.news/feed")
    assert isinstance(store.search(typed), list)


def test_fts_query_quotes_words_and_keeps_prefix_and_or():
    assert fts_query("kosovo serb*") == '"kosovo" "serb"*'
    assert fts_query("nato OR kfor") == '"nato" OR "kfor"'
    assert fts_query("  ") is None


def test_duplicate_guids_in_one_fetch_keep_the_first(store):
    feed = store.add_feed("https://rks.news/feed")
    a = article("a", SEED_TITLE, SEED_BODY)
    store.store_parsed(feed.id, ParsedFeed(articles=(a, replace(a, title=OTHER_TITLE))))
    assert [h.title for h in store.headlines(store.article_ids())] == [SEED_TITLE]


def test_hostile_titles_are_stored_clean(store):
    feed = store.add_feed("https://rks.news/feed")
    hostile = "\x1b]52;c;cm0gLXJmIH4=\x07NATO \x1b[2J\u202eofficial\u202c says"
    store.store_parsed(
        feed.id,
        ParsedFeed(title="\x1b[31mRKS\x1b[0m News", articles=(article("a", hostile, SEED_BODY),)),
    )
    (head,) = store.headlines(store.article_ids())
    assert "\x1b" not in head.title and "\u202e" not in head.title
    assert head.title == "NATO official says"
    assert store.get_feed(feed.id).title == "RKS News"


def test_remove_feed_drops_its_articles_from_search(store):
    feed = store.add_feed("https://rks.news/feed")
    store.store_parsed(feed.id, ParsedFeed(articles=(article("a", SEED_TITLE, SEED_BODY),)))
    assert store.remove_feed("https://rks.news/feed")
    assert store.search("Banjska") == []
    assert store.count_articles() == 0


def test_ui_state_round_trips(store):
    store.set_state("last_article", "42")
    assert store.get_state("last_article") == "42"
    store.set_state("last_article", None)
    assert store.get_state("last_article", "none") == "none"


def test_refresh_queues_the_search_index_and_search_catches_up(store):
    feed = store.add_feed("https://rks.news/feed")
    store.store_parsed(feed.id, ParsedFeed(articles=(article("a", SEED_TITLE, SEED_BODY),)))
    assert store.pending_index_count() == 1  # storing did not tokenise the body
    assert [h.headline.title for h in store.search("Banjska")] == [SEED_TITLE]
    assert store.pending_index_count() == 0
    assert store.index_pending() == 0
    store.set_full_text(store.article_ids()[0], "<p>Stoltenberg visited Prizren.</p>", None)
    assert store.pending_index_count() == 1
    assert store.index_pending() == 1
    assert len(store.search("Prizren")) == 1
