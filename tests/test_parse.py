"""Feed bytes to articles: formats, identity, dates, links and broken input.

Item text is taken from the seed article (RKS News) and from the Wikinews and
government articles in sample_feeds/ (sources in sample_feeds/README.md); the
XML around them is the smallest that exercises each case.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from reader.parse import ParseError, parse_feed, stable_guid

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
T1 = "We Want to See Progress in the Kosovo–Serbia Dialogue, NATO Official Says"
T2 = "NATO currently has 4,636 troops from 33 countries deployed in Kosovo"


def rss(items: str, extra: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>RKS News</title><link>https://rks.news/</link>{extra}{items}</channel></rss>"
    ).encode()


def test_rss_item_fields():
    data = rss(
        f"<item><title>{T1}</title><link>/we-want-to-see-progress</link>"
        "<guid isPermaLink='false'>rks-1</guid><author>news@rks.news (RKS News)</author>"
        "<pubDate>Thu, 12 Feb 2026 11:30:00 +0100</pubDate>"
        f"<description>&lt;p&gt;{T2}.&lt;/p&gt;</description>"
        "<enclosure url='/img/kfor.jpg' type='image/jpeg' length='1234'/></item>"
    )
    feed = parse_feed(data, "https://rks.news/feed/", now=NOW)
    assert feed.title == "RKS News"
    (a,) = feed.articles
    assert a.guid == "rks-1"
    assert a.title == T1
    assert a.link == "https://rks.news/we-want-to-see-progress"  # resolved against the feed URL
    assert a.published == datetime(2026, 2, 12, 10, 30, tzinfo=UTC)  # converted to UTC
    assert "4,636 troops" in a.content
    assert a.enclosures[0].url == "https://rks.news/img/kfor.jpg"
    assert a.enclosures[0].length == 1234


def test_atom_prefers_the_fullest_body():
    data = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>RKS News</title><id>urn:rks</id>
<updated>2026-02-12T10:00:00Z</updated>
<entry><title>{T1}</title><id>urn:rks:1</id><updated>2026-02-12T10:00:00Z</updated>
<link href="https://rks.news/a"/><summary>{T2}.</summary>
<content type="html">&lt;p&gt;{T2}.&lt;/p&gt;&lt;p&gt;NATO fully supports the EU in facilitating the dialogue.&lt;/p&gt;</content>
<author><name>RKS News</name></author></entry></feed>""".encode()
    (a,) = parse_feed(data, "https://rks.news/atom", now=NOW).articles
    assert "fully supports the EU" in a.content
    assert a.summary == f"{T2}."
    assert a.author == "RKS News"
    assert a.guid == "urn:rks:1"


def test_rdf_rss_1_0():
    data = f"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rks.news/"><title>RKS News</title><link>https://rks.news/</link></channel>
<item rdf:about="https://rks.news/a"><title>{T1}</title><link>https://rks.news/a</link>
<dc:date>2026-02-12T10:00:00Z</dc:date></item></rdf:RDF>""".encode()
    feed = parse_feed(data, "https://rks.news/rdf", now=NOW)
    assert feed.version == "rss10"
    assert feed.articles[0].guid == "https://rks.news/a"


def test_identity_falls_back_from_guid_to_link_to_hash():
    data = rss(
        f'<item><title>{T1}</title><guid isPermaLink="false">g-1</guid><link>https://rks.news/a</link></item>'
        f"<item><title>{T2}</title><link>https://rks.news/b</link></item>"
        f"<item><title>{T1}</title><pubDate>Thu, 12 Feb 2026 10:00:00 GMT</pubDate></item>"
    )
    a, b, c = parse_feed(data, "https://rks.news/feed", now=NOW).articles
    assert a.guid == "g-1"
    assert b.guid == "https://rks.news/b"
    assert c.guid.startswith("sha1:")
    # the hash is stable: the same item parsed again keeps its identity
    again = parse_feed(data, "https://rks.news/feed", now=NOW).articles[2]
    assert again.guid == c.guid
    assert stable_guid(None, None, T1, "x") != stable_guid(None, None, T1, "y")


@pytest.mark.parametrize("date", ["", "<pubDate>sometime last week</pubDate>"])
def test_missing_or_bad_dates_fall_back_to_first_seen(date):
    data = rss(f"<item><title>{T1}</title><guid>g</guid>{date}</item>")
    (a,) = parse_feed(data, "https://rks.news/feed", now=NOW).articles
    assert a.published == NOW


def test_bozo_feed_still_gives_what_it_can_read():
    # an unescaped ampersand makes this not well-formed XML, as in many real feeds
    data = rss(
        f"<item><title>NATO & KFOR: {T2}</title><guid>g1</guid></item>"
        f"<item><title>{T1}</title><guid>g2</guid></item>"
    )
    feed = parse_feed(data, "https://rks.news/feed", now=NOW)
    assert len(feed.articles) == 2
    assert feed.articles[0].title.startswith("NATO & KFOR")
    assert feed.warning  # recorded, so `newsdeck feeds` can show it


def test_html_page_is_not_a_feed():
    page = b"<!DOCTYPE html><html><head><title>RKS News</title></head><body>Hi</body></html>"
    with pytest.raises(ParseError, match="not a feed: HTML page"):
        parse_feed(page, "https://rks.news/")


def test_empty_body_is_named():
    with pytest.raises(ParseError, match="empty"):
        parse_feed(b"   ", "https://rks.news/feed")


def test_garbage_gets_an_xml_reason():
    with pytest.raises(ParseError, match=r"(?i)xml|not a feed"):
        parse_feed(b"\x00\x01\x02 not xml at all <<<", "https://rks.news/feed")


def test_bytes_that_name_a_file_are_not_opened(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_bytes(rss(f"<item><title>{T1}</title><guid>g</guid></item>"))
    with pytest.raises(ParseError):
        parse_feed(str(secret).encode(), "https://rks.news/feed")


def test_json_feed_1_1():
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "RKS News",
        "home_page_url": "https://rks.news/",
        "feed_url": "https://rks.news/feed.json",
        "items": [
            {
                "id": 1,
                "url": "https://rks.news/a",
                "title": T1,
                "content_html": f"<p>{T2}.</p><script>alert(1)</script>",
                "date_published": "2026-02-12T11:30:00+01:00",
                "authors": [{"name": "RKS News"}],
                "attachments": [{"url": "https://rks.news/a.mp3", "mime_type": "audio/mpeg"}],
            },
            {"id": "2", "content_text": f"{T2}.\n\nSecond paragraph.", "date_published": "bad"},
        ],
    }
    feed = parse_feed(json.dumps(doc).encode(), "https://rks.news/feed.json", now=NOW)
    assert feed.title == "RKS News" and feed.version == "json11"
    a, b = feed.articles
    assert a.guid == "1"
    assert a.published == datetime(2026, 2, 12, 10, 30, tzinfo=UTC)
    assert a.author == "RKS News"
    assert "<script" not in a.content  # sanitised like feedparser's HTML
    assert a.enclosures[0].type == "audio/mpeg"
    assert b.content == f"<p>{T2}.</p><p>Second paragraph.</p>"
    assert b.published == NOW


def test_json_feed_1_0_author_and_summary():
    doc = {
        "version": "https://jsonfeed.org/version/1",
        "title": "RKS News",
        "items": [{"id": "x", "summary": T2, "author": {"name": "Telegrafi"}}],
    }
    (a,) = parse_feed(json.dumps(doc).encode(), "https://rks.news/feed.json", now=NOW).articles
    assert a.author == "Telegrafi"
    assert T2 in a.content


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": [', "JSON error line 1"),
        (b'{"hello": "world"}', "not a feed"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": 3}', "no items"),
    ],
)
def test_broken_json_feeds_are_named(body, reason):
    with pytest.raises(ParseError, match=reason):
        parse_feed(body, "https://rks.news/feed.json")


def test_sample_feeds_parse_cleanly():
    from reader.paths import sample_feed_files

    files = sample_feed_files()
    assert len(files) >= 3
    kinds = set()
    total = 0
    for path in files:
        feed = parse_feed(path.read_bytes(), path.as_uri(), now=NOW)
        assert feed.warning is None, f"{path.name}: {feed.warning}"
        kinds.add((feed.version or "")[:3])
        total += len(feed.articles)
        assert all(a.title and a.content for a in feed.articles)
    assert {"rss", "ato", "jso"} <= kinds
    assert total >= 25
