"""The refresh pipeline end to end: real HTTP on 127.0.0.1, a real SQLite cache.

Every test asserts what a user would notice: articles in the list, the reason
a feed failed, a feed that stopped being asked, articles that did not vanish.
"""

from __future__ import annotations

import gzip
import re
import resource
import time
from datetime import UTC, datetime, timedelta
from email.utils import formatdate

import pytest
from conftest import FIXTURE_FEEDS, SAMPLE_FEEDS, free_port
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.models import ArticleFilter, UpdateResult, UpdateStatus
from reader.update import backoff_until, entity_bomb, summarize

FEED = (SAMPLE_FEEDS / "state-department.rss").read_bytes()
RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}
ITEM = re.compile(rb"<item>.*?</item>\s*", re.S)


def with_items(n: int) -> bytes:
    """The real State Department feed cut down to its first ``n`` items."""
    items = ITEM.findall(FEED)
    head = FEED[: FEED.index(items[0])]
    tail = FEED[FEED.index(items[-1]) + len(items[-1]) :]
    return head + b"".join(items[:n]) + tail


def one(results) -> UpdateResult:
    (result,) = list(results)
    return result


def conditional(body: bytes, *, etag: str | None, last_modified: str | None):
    """A handler that answers 304 when the client's validator matches, and counts."""
    calls = {"200": 0, "304": 0}

    def handler(request: Request) -> Response:
        if (etag and request.headers.get("If-None-Match") == etag) or (
            last_modified and request.headers.get("If-Modified-Since") == last_modified
        ):
            calls["304"] += 1
            return Response(status=304)
        calls["200"] += 1
        headers = dict(RSS)
        if etag:
            headers["ETag"] = etag
        if last_modified:
            headers["Last-Modified"] = last_modified
        return Response(body, headers=headers)

    return handler, calls


# -- conditional GET ------------------------------------------------------------------


@pytest.mark.parametrize("validator", ["etag", "last_modified"])
def test_second_fetch_is_a_304_and_costs_no_parse(lib, httpserver: HTTPServer, validator) -> None:
    etag = '"state-7"' if validator == "etag" else None
    last_modified = "Wed, 23 Nov 2022 19:47:00 GMT" if validator == "last_modified" else None
    handler, calls = conditional(FEED, etag=etag, last_modified=last_modified)
    httpserver.expect_request("/feed.rss").respond_with_handler(handler)
    url = httpserver.url_for("/feed.rss")
    lib.add_feed(url)

    first = one(lib.update())
    assert first.status is UpdateStatus.NEW and first.new_articles == 7
    feed = lib.feed(url)
    assert (feed.etag, feed.last_modified) == (etag, last_modified)
    assert feed.title == "U.S. Department of State — Kosovo"
    checked = feed.checked_at

    lib.store._clock = lambda: time.time() + 60  # a minute later
    second = one(lib.update())
    assert second.status is UpdateStatus.NOT_MODIFIED
    assert calls == {"200": 1, "304": 1}
    after = lib.feed(url)
    assert after.total == 7
    assert after.checked_at > checked
    assert after.updated_at == feed.updated_at  # nothing changed, nothing rewritten


def test_unchanged_body_without_validators_is_not_parsed_again(lib, httpserver) -> None:
    httpserver.expect_request("/feed.rss").respond_with_data(FEED, headers=RSS)
    url = httpserver.url_for("/feed.rss")
    lib.add_feed(url)
    assert one(lib.update()).new_articles == 7
    article_id = lib.article_ids()[0]
    lib.mark_read([article_id])
    again = one(lib.update())
    assert again.status is UpdateStatus.NOT_MODIFIED
    assert lib.article(article_id).read


def test_force_ignores_validators(lib, httpserver) -> None:
    handler, calls = conditional(FEED, etag='"x"', last_modified=None)
    httpserver.expect_request("/feed.rss").respond_with_handler(handler)
    lib.add_feed(httpserver.url_for("/feed.rss"))
    list(lib.update())
    forced = one(lib.update(force=True))
    assert forced.status is UpdateStatus.UPDATED and forced.new_articles == 0
    assert calls == {"200": 2, "304": 0}


# -- status handling ---------------------------------------------------------------------


def test_301_updates_the_stored_url(lib, httpserver) -> None:
    httpserver.expect_request("/old.rss").respond_with_data(
        "", status=301, headers={"Location": "/new.rss"}
    )
    httpserver.expect_request("/new.rss").respond_with_data(FEED, headers=RSS)
    old, new = httpserver.url_for("/old.rss"), httpserver.url_for("/new.rss")
    lib.add_feed(old)
    result = one(lib.update())
    assert result.moved_to == new and result.new_articles == 7
    assert [f.url for f in lib.feeds()] == [new]
    assert lib.feed(new).total == 7


def test_302_is_followed_without_moving(lib, httpserver) -> None:
    httpserver.expect_request("/feed.rss").respond_with_data(
        "", status=302, headers={"Location": "/today.rss"}
    )
    httpserver.expect_request("/today.rss").respond_with_data(FEED, headers=RSS)
    url = httpserver.url_for("/feed.rss")
    lib.add_feed(url)
    result = one(lib.update())
    assert result.moved_to is None and result.new_articles == 7
    assert [f.url for f in lib.feeds()] == [url]


def test_redirect_loop_keeps_articles(lib, httpserver) -> None:
    httpserver.expect_ordered_request("/feed.rss").respond_with_data(FEED, headers=RSS)
    httpserver.expect_request("/feed.rss").respond_with_data(
        "", status=302, headers={"Location": "/other.rss"}
    )
    httpserver.expect_request("/other.rss").respond_with_data(
        "", status=302, headers={"Location": "/feed.rss"}
    )
    url = httpserver.url_for("/feed.rss")
    lib.add_feed(url)
    assert one(lib.update()).new_articles == 7
    failed = one(lib.update(force=True))
    assert failed.failed and failed.error == "redirect loop"
    assert lib.feed(url).total == 7
    assert lib.feed(url).last_error == "redirect loop"


def test_410_disables_the_feed(lib, httpserver) -> None:
    httpserver.expect_request("/feed.rss").respond_with_data("", status=410)
    url = httpserver.url_for("/feed.rss")
    lib.add_feed(url)
    gone = one(lib.update())
    assert gone.failed and gone.error.startswith("HTTP 410 Gone")
    assert lib.feed(url).disabled
    skipped = one(lib.update())
    assert skipped.status is UpdateStatus.SKIPPED and skipped.error == "disabled"
    assert len(httpserver.log) == 1  # not asked again

    httpserver.clear()
    httpserver.expect_request("/feed.rss").respond_with_data(FEED, headers=RSS)
    back = one(lib.update(force=True))  # the user insists, and it is back
    assert back.new_articles == 7
    assert not lib.feed(url).disabled


def test_404_backs_off_exponentially_and_force_overrides(lib, httpserver) -> None:
    httpserver.expect_request("/feed.rss").respond_with_data("", status=404)
    url = httpserver.url_for("/feed.rss")
    lib.add_feed(url)
    t0 = time.time()
    lib.store._clock = lambda: t0
    failed = one(lib.update())
    assert failed.error == "HTTP 404 Not Found"
    feed = lib.feed(url)
    assert feed.error_count == 1
    assert feed.retry_after == datetime.fromtimestamp(int(t0), UTC) + timedelta(minutes=15)

    skipped = one(lib.update())
    assert skipped.status is UpdateStatus.SKIPPED
    assert skipped.error.startswith("backing off until")
    assert len(httpserver.log) == 1

    assert one(lib.update(force=True)).failed
    feed = lib.feed(url)
    assert feed.error_count == 2
    assert feed.retry_after == datetime.fromtimestamp(int(t0), UTC) + timedelta(minutes=30)

    lib.store._clock = lambda: t0 + 31 * 60  # the backoff has passed
    assert one(lib.update()).failed
    assert lib.feed(url).error_count == 3


def test_backoff_is_capped_at_24_hours() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    assert backoff_until(30, now) == now + timedelta(hours=24)
    assert backoff_until(30, now, max_hours=2) == now + timedelta(hours=2)


@pytest.mark.parametrize("header", ["3600", "date"])
def test_429_honours_retry_after(lib, httpserver, header) -> None:
    value = "3600" if header == "3600" else formatdate(time.time() + 3600, usegmt=True)
    httpserver.expect_request("/feed.rss").respond_with_data(
        "", status=429, headers={"Retry-After": value}
    )
    url = httpserver.url_for("/feed.rss")
    lib.add_feed(url)
    result = one(lib.update())
    assert result.error.startswith("HTTP 429 Too Many Requests (retry after")
    wait = lib.feed(url).retry_after - datetime.now(UTC)
    assert timedelta(minutes=58) < wait <= timedelta(minutes=61)  # not our 15 min
    assert one(lib.update()).status is UpdateStatus.SKIPPED


# -- limits -----------------------------------------------------------------------------


def test_stalling_server_times_out_and_keeps_articles(make_lib, httpserver, stalling_server):
    lib = make_lib(timeout=0.5, connect_timeout=0.5)
    server = stalling_server("trickle")  # headers, then a byte every 50 ms, forever
    httpserver.expect_ordered_request("/feed.rss").respond_with_data(FEED, headers=RSS)
    httpserver.expect_ordered_request("/feed.rss").respond_with_data(
        "", status=302, headers={"Location": server.url()}
    )
    url = httpserver.url_for("/feed.rss")
    lib.add_feed(url)
    assert one(lib.update()).new_articles == 7
    start = time.monotonic()
    result = one(lib.update(force=True))
    assert result.error == "timed out after 0.5 s"
    assert time.monotonic() - start < 3
    assert lib.feed(url).total == 7 and lib.feed(url).last_error == "timed out after 0.5 s"


def test_oversized_body_is_refused(make_lib, httpserver) -> None:
    lib = make_lib(max_body_mb=0.01)
    httpserver.expect_request("/feed.rss").respond_with_data(FEED, headers=RSS)  # 14 KB
    lib.add_feed(httpserver.url_for("/feed.rss"))
    result = one(lib.update())
    assert result.failed and result.error == "larger than 0.01 MB"
    assert lib.counts()["all"] == 0


def test_gzip_encoded_feed_is_stored(lib, httpserver) -> None:
    httpserver.expect_request("/feed.rss").respond_with_data(
        gzip.compress(FEED), headers={**RSS, "Content-Encoding": "gzip"}
    )
    lib.add_feed(httpserver.url_for("/feed.rss"))
    assert one(lib.update()).new_articles == 7


def test_connection_refused_is_named(lib) -> None:
    url = f"http://127.0.0.1:{free_port()}/feed.rss"
    lib.add_feed(url)
    result = one(lib.update())
    assert result.failed and result.error == "connection refused"
    assert lib.feed(url).error_count == 1


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><guid>a</guid><description>&lol9;</description></item>
</channel></rss>"""


def quadratic_blowup() -> bytes:
    big = "x" * 50_000
    refs = "&big;" * 20_000
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY big "{big}">]>'
        f'<rss version="2.0"><channel><title>t</title><item><title>{refs}</title>'
        "<guid>a</guid></item></channel></rss>"
    ).encode()


@pytest.mark.parametrize("body", [BILLION_LAUGHS, quadratic_blowup()], ids=["laughs", "quadratic"])
def test_entity_expansion_attack_is_refused_quickly(lib, httpserver, body) -> None:
    httpserver.expect_request("/feed.rss").respond_with_data(body, headers=RSS)
    lib.add_feed(httpserver.url_for("/feed.rss"))
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    start = time.monotonic()
    result = one(lib.update())
    assert time.monotonic() - start < 5
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before < 100 * 1024
    assert result.failed and "entity expansion attack" in result.error
    assert lib.counts()["all"] == 0


def test_entity_guard_lets_real_feeds_through() -> None:
    """Real feeds with a DTD (RSS 0.91's, or a character entity) are not refused."""
    for path in FIXTURE_FEEDS.glob("*.xml"):
        assert entity_bomb(path.read_bytes()) is None, path.name
    harmless = b'<!DOCTYPE rss [<!ENTITY nbsp "&#160;"><!ENTITY copy "&#169;">]><rss/>'
    assert entity_bomb(harmless) is None
    netscape = (FIXTURE_FEEDS / "rss091n_windows-1255_info.org.il.xml").read_bytes()
    assert b"<!DOCTYPE" in netscape  # an external DTD only
    in_text = netscape.replace(b"</channel>", b'<![CDATA[<!ENTITY x "y">]]></channel>')
    assert entity_bomb(in_text) is None  # "<!ENTITY" in an article is just text


def test_entity_guard_variants() -> None:
    declared_later = b'<!DOCTYPE r [<!ENTITY a "&b;&b;&b;"><!ENTITY b "lol">]><r>&a;</r>'
    assert "defined by other entities" in entity_bomb(declared_later)
    huge_dtd = b'<!DOCTYPE r [<!ENTITY big "' + b"x" * 70_000 + b'">]><r>&big;</r>'
    assert "DTD larger than 64 KB" in entity_bomb(huge_dtd)


# -- what a feed keeps -----------------------------------------------------------------------


def test_feed_with_fewer_items_later_loses_nothing(lib, httpserver) -> None:
    httpserver.expect_ordered_request("/feed.rss").respond_with_data(FEED, headers=RSS)
    httpserver.expect_ordered_request("/feed.rss").respond_with_data(with_items(2), headers=RSS)
    url = httpserver.url_for("/feed.rss")
    lib.add_feed(url)
    assert one(lib.update()).new_articles == 7
    oldest = lib.article_ids()[-1]
    lib.mark_starred([oldest])
    lib.mark_read(lib.article_ids()[:3])
    second = one(lib.update())
    assert second.status is UpdateStatus.UPDATED and second.new_articles == 0
    assert lib.feed(url).total == 7
    assert lib.article(oldest).starred
    assert lib.counts() == {"all": 7, "unread": 4, "starred": 1}


def test_broken_response_keeps_every_article(lib, httpserver) -> None:
    html = (FIXTURE_FEEDS / "broken_html_sqlite_releases.html").read_bytes()
    httpserver.expect_ordered_request("/feed.rss").respond_with_data(FEED, headers=RSS)
    httpserver.expect_ordered_request("/feed.rss").respond_with_data(
        html, headers={"Content-Type": "text/html"}
    )
    httpserver.expect_ordered_request("/feed.rss").respond_with_data(
        (FIXTURE_FEEDS / "broken_not_wellformed.xml").read_bytes(), headers=RSS
    )
    url = httpserver.url_for("/feed.rss")
    lib.add_feed(url)
    list(lib.update())
    not_feed = one(lib.update(force=True))
    assert not_feed.error == "not a feed: HTML page"
    broken = one(lib.update(force=True))
    assert broken.failed and broken.error.startswith("XML error line")
    assert lib.feed(url).total == 7


def test_one_result_per_feed_in_one_stream(lib, httpserver) -> None:
    httpserver.expect_request("/a.rss").respond_with_data(FEED, headers=RSS)
    httpserver.expect_request("/b.rss").respond_with_data("", status=404)
    local = SAMPLE_FEEDS / "voa-news.atom"
    for u in (httpserver.url_for("/a.rss"), httpserver.url_for("/b.rss"), str(local)):
        lib.add_feed(u)
    results = list(lib.update())
    assert sorted(r.status.value for r in results) == ["failed", "new", "new"]
    assert summarize(results) == "3 feeds: 2 updated (12 new articles), 0 not modified, 1 failed"
    again = list(lib.update())
    assert summarize(again) == (
        "3 feeds: 0 updated (0 new articles), 2 not modified, 0 failed, 1 skipped"
    )
    assert len(lib.article_ids(ArticleFilter(unread_only=True))) == 12


# -- the command line -------------------------------------------------------------------


def test_cli_fetch_summary_failures_and_exit_code(run_cli, httpserver) -> None:
    httpserver.expect_request("/good.rss").respond_with_data(FEED, headers=RSS)
    httpserver.expect_request("/missing.rss").respond_with_data("", status=404)
    httpserver.expect_request("/page.html").respond_with_data(
        (FIXTURE_FEEDS / "broken_html_sqlite_releases.html").read_bytes(),
        headers={"Content-Type": "text/html"},
    )
    urls = [httpserver.url_for(p) for p in ("/good.rss", "/missing.rss", "/page.html")]
    for url in urls:
        assert run_cli("add", "--no-fetch", url).returncode == 0
    proc = run_cli("fetch")
    assert proc.returncode == 1
    assert proc.stdout.strip() == "3 feeds: 1 updated (7 new articles), 0 not modified, 2 failed"
    errors = proc.stderr.strip().splitlines()
    assert f"newsdeck: {urls[1]}: HTTP 404 Not Found" in errors
    assert f"newsdeck: {urls[2]}: not a feed: HTML page" in errors
    assert "Traceback" not in proc.stderr

    again = run_cli("fetch", "--feed", urls[0])
    assert again.returncode == 0
    assert again.stdout.strip() == "1 feed: 0 updated (0 new articles), 1 not modified, 0 failed"


def test_cli_fetch_reports_a_move(run_cli, httpserver) -> None:
    httpserver.expect_request("/old.rss").respond_with_data(
        "", status=308, headers={"Location": "/new.rss"}
    )
    httpserver.expect_request("/new.rss").respond_with_data(FEED, headers=RSS)
    old, new = httpserver.url_for("/old.rss"), httpserver.url_for("/new.rss")
    run_cli("add", "--no-fetch", old)
    proc = run_cli("fetch")
    assert proc.returncode == 0
    assert f"newsdeck: {old} moved permanently to {new} (subscription updated)" in proc.stderr
    assert new in run_cli("feeds").stdout


def discovery_page(*links: tuple[str, str, str]) -> bytes:
    tags = "\n".join(
        f'<link rel="alternate" type="{t}" title="{title}" href="{href}">'
        for t, title, href in links
    )
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>A site</title>"
        '<link rel="stylesheet" href="/style.css">'
        '<link rel="alternate" hreflang="fr" href="/fr/">'
        f"{tags}</head><body><p>Home</p></body></html>"
    ).encode()


def test_cli_add_discovers_feeds_on_a_page(run_cli, httpserver) -> None:
    page = discovery_page(
        ("application/rss+xml", "State news", "feeds/state.rss"),
        ("application/atom+xml", "VOA", "/feeds/voa.atom"),
    )
    httpserver.expect_request("/").respond_with_data(page, headers={"Content-Type": "text/html"})
    httpserver.expect_request("/feeds/state.rss").respond_with_data(FEED, headers=RSS)
    httpserver.expect_request("/feeds/voa.atom").respond_with_data(
        (SAMPLE_FEEDS / "voa-news.atom").read_bytes(),
        headers={"Content-Type": "application/atom+xml"},
    )
    site = httpserver.url_for("/")
    proc = run_cli("add", site)
    assert proc.returncode == 0, proc.stderr
    state, voa = httpserver.url_for("/feeds/state.rss"), httpserver.url_for("/feeds/voa.atom")
    assert f"{site} is a web page naming 2 feeds:" in proc.stdout
    assert f"  * 1. {state}  (State news)" in proc.stdout
    assert f"    2. {voa}  (VOA)" in proc.stdout
    assert f"subscribed: {state} (U.S. Department of State — Kosovo, 7 articles)" in proc.stdout

    picked = run_cli("add", site, "--pick", "2")
    assert picked.returncode == 0
    assert f"subscribed: {voa}" in picked.stdout
    feeds = run_cli("feeds").stdout
    assert re.search(r"7\s+7\s+U\.S\. Department of State", feeds)
    assert re.search(r"5\s+5\s+VOA", feeds)

    assert "already subscribed" in run_cli("add", site).stdout
    out_of_range = run_cli("add", site, "--pick", "3")
    assert out_of_range.returncode == 2
    assert "--pick 3 is out of range (the page names 2 feeds)" in out_of_range.stderr


def test_cli_add_feed_url_directly_and_failures(run_cli, httpserver) -> None:
    httpserver.expect_request("/feed.rss").respond_with_data(FEED, headers=RSS)
    httpserver.expect_request("/plain.html").respond_with_data(
        (FIXTURE_FEEDS / "broken_html_sqlite_releases.html").read_bytes(),
        headers={"Content-Type": "text/html"},
    )
    ok = run_cli("add", httpserver.url_for("/feed.rss"), "--tag", "news")
    assert ok.returncode == 0
    assert ok.stdout.startswith(f"subscribed: {httpserver.url_for('/feed.rss')} (")

    no_feed = run_cli("add", httpserver.url_for("/plain.html"))
    assert no_feed.returncode == 2
    assert no_feed.stderr.strip() == (
        f"newsdeck: {httpserver.url_for('/plain.html')}: not a feed, and the page names no feed"
    )
    refused_url = f"http://127.0.0.1:{free_port()}/feed.rss"
    refused = run_cli("add", refused_url)
    assert refused.returncode == 1
    assert f"newsdeck: {refused_url}: connection refused" in refused.stderr
    listed = run_cli("feeds").stdout
    assert refused_url not in listed and "plain.html" not in listed


def test_cli_add_local_file_stores_its_articles(run_cli, tmp_path) -> None:
    path = SAMPLE_FEEDS / "voa-news.atom"
    proc = run_cli("add", str(path))
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"subscribed: {path.as_uri()} (VOA News — Europe, 5 articles)"
    page = FIXTURE_FEEDS / "broken_html_sqlite_releases.html"
    bad = run_cli("add", str(page))
    assert bad.returncode == 2
    assert (
        bad.stderr.strip() == f"newsdeck: {page.as_uri()}: not a feed, and the page names no feed"
    )


def test_subscribe_follows_a_permanent_move(lib, httpserver) -> None:
    httpserver.expect_request("/old.rss").respond_with_data(
        "", status=301, headers={"Location": "/new.rss"}
    )
    httpserver.expect_request("/new.rss").respond_with_data(FEED, headers=RSS)
    sub = lib.subscribe(httpserver.url_for("/old.rss"))
    assert sub.feed.url == httpserver.url_for("/new.rss")
    assert sub.feed.total == 7 and sub.result.new_articles == 7
    assert lib.subscribe(httpserver.url_for("/new.rss")).already


def test_big_batch_parses_in_worker_processes(lib, httpserver) -> None:
    """30 feeds: parsed by forked workers while this thread stores; same articles."""
    import multiprocessing

    httpserver.expect_request(re.compile(r"/feed/\d+\.rss")).respond_with_data(FEED, headers=RSS)
    for i in range(30):
        lib.add_feed(httpserver.url_for(f"/feed/{i}.rss"))
    workers_seen = 0
    results = []
    for result in lib.update():
        workers_seen = max(workers_seen, len(multiprocessing.active_children()))
        results.append(result)
    assert [r.new_articles for r in results] == [7] * 30
    assert lib.counts()["all"] == 210
    assert workers_seen >= 1
