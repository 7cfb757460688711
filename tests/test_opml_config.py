"""Subscription files (OPML, newsboat urls) and config.toml validation."""

from __future__ import annotations

import pytest

from reader.config import load_config
from reader.errors import ConfigError, InputFileError
from reader.library import Library
from reader.opml import parse_opml, parse_urls, read_subscriptions

OPML_1 = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0"><head><title>exported from newsboat</title></head><body>
<outline text="News">
  <outline text="NASA" type="rss" xmlUrl="https://www.nasa.gov/news-release/feed/" />
  <outline text="Wikinews" title="Wikinews" type="rss" xmlUrl="https://en.wikinews.org/w/index.php?title=Special:NewsFeed&amp;feed=atom" />
</outline>
<outline text="Balkans"><outline text="NASA" xmlUrl="https://www.nasa.gov/news-release/feed/"/></outline>
<outline text="Loose" xmlUrl="https://rks.news/feed/" category="/world,/europe"/>
</body></opml>"""

URLS = """# newsboat urls file
https://www.nasa.gov/news-release/feed/ space "science news"
https://rks.news/feed/ world "~RKS News" "!"
"query:Unread Articles:unread = \\"yes\\""
https://en.wikinews.org/w/index.php?title=Special:NewsFeed&feed=atom
"""


def test_opml_folders_become_tags_and_duplicates_merge():
    subs = {s.url: s for s in parse_opml(OPML_1)}
    assert len(subs) == 3
    assert subs["https://www.nasa.gov/news-release/feed/"].tags == ("News", "Balkans")
    assert subs["https://rks.news/feed/"].tags == ("world", "europe")
    assert "feed=atom" in next(u for u in subs if "wikinews" in u)


def test_newsboat_urls_tags_titles_and_queries():
    subs = parse_urls(URLS)
    assert [s.url for s in subs] == [
        "https://www.nasa.gov/news-release/feed/",
        "https://rks.news/feed/",
        "https://en.wikinews.org/w/index.php?title=Special:NewsFeed&feed=atom",
    ]
    assert subs[0].tags == ("space", "science news")
    assert subs[1].title == "RKS News" and subs[1].tags == ("world",)


def test_opml_round_trip_keeps_urls_titles_and_tags(tmp_path):
    src = tmp_path / "subs.opml"
    src.write_bytes(OPML_1)
    with Library.open(tmp_path / "a.db", tmp_path / "none.toml") as lib:
        report = lib.import_subscriptions(src)
        assert (report.added, report.already) == (3, 0)
        assert lib.import_subscriptions(src).already == 3  # importing twice adds nothing
        exported = lib.export_opml()
        before = {(f.url, f.title, f.tags) for f in lib.feeds()}
    out = tmp_path / "out.opml"
    out.write_text(exported)
    with Library.open(tmp_path / "b.db", tmp_path / "none.toml") as lib:
        lib.import_subscriptions(out)
        after = {(f.url, f.title, f.tags) for f in lib.feeds()}
    assert after == before


def test_urls_round_trip_through_opml(tmp_path):
    urls = tmp_path / "urls"
    urls.write_text(URLS)
    with Library.open(tmp_path / "a.db", tmp_path / "none.toml") as lib:
        assert lib.import_subscriptions(urls).added == 3
        rks = lib.feed("https://rks.news/feed/")
        assert rks.title == "RKS News" and rks.tags == ("world",)
        assert 'category="space,science news"' in lib.export_opml()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<opml><body><outline", "not valid OPML"),
        (b"<html><body>hello</body></html>", "not OPML"),
        (b"https://ok.example/feed\nnot a url at all\n", "line 2"),
        (b"\xff\xfe\x00garbage", "neither OPML nor"),
    ],
)
def test_bad_subscription_files_name_the_file_and_reason(tmp_path, content, message):
    path = tmp_path / "subs.opml"
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=message) as info:
        read_subscriptions(path)
    assert str(path) in str(info.value)


def test_missing_subscription_file(tmp_path):
    with pytest.raises(InputFileError, match="no such file"):
        read_subscriptions(tmp_path / "nope.opml")


# -- config.toml ---------------------------------------------------------------


def test_missing_config_means_defaults(tmp_path):
    cfg = load_config(tmp_path / "config.toml")
    assert cfg.mark_read_on_open is True
    assert cfg.max_per_host == 4 and cfg.max_connections == 16
    assert cfg.max_body_bytes == 10 * 1024 * 1024


def test_config_values_are_read(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(
        '[reader]\nmark_read_on_open = false\ntheme = "nord"\n'
        "[fetch]\nmax_per_host = 2\ntimeout = 12.5\n"
        '[keys]\ncursor-down = "ctrl+n"\n'
        '[feeds."https://rks.news/feed/"]\nfull_text = true\n'
    )
    cfg = load_config(path)
    assert cfg.mark_read_on_open is False and cfg.theme == "nord"
    assert cfg.max_per_host == 2 and cfg.timeout == 12.5
    assert cfg.keys == {"cursor-down": "ctrl+n"}
    assert cfg.feed_full_text("https://rks.news/feed/")
    assert not cfg.feed_full_text("https://elsewhere.example/feed")


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[reader]\nmark_read_on_opne = true\n", "unknown key reader.mark_read_on_opne"),
        ("[fetch]\nmax_per_host = true\n", "fetch.max_per_host must be a whole number"),
        ('[fetch]\ntimeout = "30s"\n', "fetch.timeout must be"),
        ("[fetch]\nmax_connections = 0\n", "greater than 0"),
        ("[colours]\nx = 1\n", r"unknown section \[colours\]"),
        ("[keys]\nquit = 3\n", "keys.quit must be a string"),
        ('[feeds."https://x.example/"]\nfulltext = true\n', "unknown key feeds"),
        ("[reader\n", "not valid TOML"),
    ],
)
def test_config_mistakes_name_the_file_and_key(tmp_path, toml, message):
    path = tmp_path / "config.toml"
    path.write_text(toml)
    with pytest.raises(ConfigError, match=message) as info:
        load_config(path)
    assert str(path) in str(info.value)
