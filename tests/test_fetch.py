"""The HTTP fetcher against real servers on 127.0.0.1: what arrives, and why not."""

from __future__ import annotations

import gzip
import threading
import time
from email.utils import formatdate
from pathlib import Path

import brotli
import pytest
from conftest import FIXTURE_FEEDS, SAMPLE_FEEDS, free_port
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader import PROJECT_URL, __version__
from reader.config import Config
from reader.discover import DiscoveryError, find_feed_links, pick_link
from reader.fetch import (
    FetchRequest,
    connect_error_reason,
    fetch_all,
    fetch_one,
    retry_after_seconds,
)

FEED = (SAMPLE_FEEDS / "state-department.rss").read_bytes()
RSS = {"Content-Type": "application/rss+xml; charset=utf-8"}


def cfg(**kw: object) -> Config:
    return Config(**kw)  # type: ignore[arg-type]


def test_sends_user_agent_accept_and_compression(httpserver: HTTPServer) -> None:
    seen: dict[str, str] = {}

    def handler(request: Request) -> Response:
        seen.update(request.headers)
        return Response(FEED, headers=RSS)

    httpserver.expect_request("/feed").respond_with_handler(handler)
    result = fetch_one(httpserver.url_for("/feed"), cfg())
    assert result.ok and result.data == FEED
    assert seen["User-Agent"] == f"newsdeck/{__version__} (+{PROJECT_URL})"
    assert "application/rss+xml" in seen["Accept"]
    for coding in ("gzip", "deflate", "br"):
        assert coding in seen["Accept-Encoding"]


def test_configured_user_agent_wins(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed", headers={"User-Agent": "my-bot/1"}).respond_with_data(
        FEED, headers=RSS
    )
    assert fetch_one(httpserver.url_for("/feed"), cfg(user_agent="my-bot/1")).ok


@pytest.mark.parametrize(
    ("coding", "encode"),
    [("gzip", gzip.compress), ("br", brotli.compress)],
)
def test_compressed_body_arrives_decoded(httpserver: HTTPServer, coding, encode) -> None:
    httpserver.expect_request("/feed").respond_with_data(
        encode(FEED), headers={**RSS, "Content-Encoding": coding}
    )
    result = fetch_one(httpserver.url_for("/feed"), cfg())
    assert result.ok
    assert result.data == FEED


def test_conditional_headers_are_sent_and_304_is_not_modified(httpserver: HTTPServer) -> None:
    since = "Mon, 01 Jan 2024 00:00:00 GMT"
    httpserver.expect_request(
        "/feed", headers={"If-None-Match": '"v1"', "If-Modified-Since": since}
    ).respond_with_data("", status=304, headers={"ETag": '"v1"'})
    req = FetchRequest(httpserver.url_for("/feed"), etag='"v1"', last_modified=since)
    (result,) = list(fetch_all([req], cfg()))
    assert result.ok and result.not_modified and result.data is None
    assert result.etag == '"v1"'


def test_permanent_and_temporary_redirects(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": "/new"}
    )
    httpserver.expect_request("/new").respond_with_data(
        "", status=302, headers={"Location": "/today"}
    )
    httpserver.expect_request("/temp").respond_with_data(
        "", status=307, headers={"Location": "/moved"}
    )
    httpserver.expect_request("/moved").respond_with_data(
        "", status=308, headers={"Location": httpserver.url_for("/today")}
    )
    httpserver.expect_request("/today").respond_with_data(FEED, headers=RSS)

    moved = fetch_one(httpserver.url_for("/old"), cfg())
    assert moved.ok and moved.data == FEED
    # the 301 is recorded; the 302 after it is not (it may point elsewhere tomorrow)
    assert moved.permanent_url == httpserver.url_for("/new")
    assert moved.final_url == httpserver.url_for("/today")

    temporary = fetch_one(httpserver.url_for("/temp"), cfg())
    assert temporary.ok and temporary.data == FEED
    assert temporary.permanent_url is None  # a 308 behind a 307 is not ours to record


def test_redirect_loop_and_too_many_redirects(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=301, headers={"Location": "/a"})
    for i in range(8):
        httpserver.expect_request(f"/hop{i}").respond_with_data(
            "", status=302, headers={"Location": f"/hop{i + 1}"}
        )
    loop = fetch_one(httpserver.url_for("/a"), cfg())
    assert not loop.ok and loop.error == "redirect loop"
    chain = fetch_one(httpserver.url_for("/hop0"), cfg())
    assert not chain.ok and chain.error == "too many redirects (more than 5)"


@pytest.mark.parametrize(
    ("status", "reason"),
    [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error"), (418, "HTTP 418")],
)
def test_error_status_in_words(httpserver: HTTPServer, status: int, reason: str) -> None:
    httpserver.expect_request("/feed").respond_with_data("nope", status=status)
    result = fetch_one(httpserver.url_for("/feed"), cfg())
    assert not result.ok and result.error == reason and result.status == status


def test_gone_is_flagged(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data("", status=410)
    result = fetch_one(httpserver.url_for("/feed"), cfg())
    assert not result.ok and result.gone
    assert result.error.startswith("HTTP 410 Gone")


def test_retry_after_seconds_and_date(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/slow").respond_with_data(
        "", status=429, headers={"Retry-After": "7200"}
    )
    later = formatdate(time.time() + 3 * 3600, usegmt=True)
    httpserver.expect_request("/busy").respond_with_data(
        "", status=503, headers={"Retry-After": later}
    )
    slow = fetch_one(httpserver.url_for("/slow"), cfg())
    assert slow.retry_after == 7200
    assert slow.error == "HTTP 429 Too Many Requests (retry after 2 h)"
    busy = fetch_one(httpserver.url_for("/busy"), cfg())
    assert busy.retry_after is not None and 3 * 3600 - 5 < busy.retry_after <= 3 * 3600
    assert busy.error.startswith("HTTP 503 Service Unavailable (retry after")


def test_retry_after_parsing() -> None:
    now = 1_700_000_000.0
    assert retry_after_seconds("120", now) == 120
    assert retry_after_seconds(formatdate(now + 60, usegmt=True), now) == pytest.approx(60)
    assert retry_after_seconds(formatdate(now - 60, usegmt=True), now) == 0
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None


def test_connection_refused() -> None:
    result = fetch_one(f"http://127.0.0.1:{free_port()}/feed.xml", cfg())
    assert not result.ok and result.error == "connection refused"


def test_connect_error_words() -> None:
    """The OS's prose becomes the short cause users recognise."""
    try:
        raise OSError("[Errno -2] Name or service not known")
    except OSError as inner:
        try:
            raise ConnectionError("all connection attempts failed") from inner
        except ConnectionError as outer:
            assert connect_error_reason(outer) == "DNS lookup failed"
    assert connect_error_reason(OSError("[Errno 111] Connection refused")) == "connection refused"


def test_not_a_url() -> None:
    result = fetch_one("gopher://example.org/feed", cfg())
    assert not result.ok and "not a valid http(s) URL" in result.error


def test_trickling_server_times_out(stalling_server) -> None:
    server = stalling_server("trickle", interval=0.05)
    start = time.monotonic()
    result = fetch_one(server.url(), cfg(timeout=0.6))
    elapsed = time.monotonic() - start
    assert not result.ok and result.error == "timed out after 0.6 s"
    assert elapsed < 3


def test_silent_server_times_out(stalling_server) -> None:
    server = stalling_server("silent")
    start = time.monotonic()
    result = fetch_one(server.url(), cfg(timeout=0.5))
    assert result.error == "timed out after 0.5 s"
    assert time.monotonic() - start < 3


def test_body_cap_with_and_without_content_length(httpserver: HTTPServer) -> None:
    big = FEED * 20  # about 280 KB
    httpserver.expect_request("/declared").respond_with_data(big, headers=RSS)

    def chunked(_request: Request) -> Response:
        return Response(iter([FEED] * 20), headers=RSS)  # no Content-Length: streamed

    httpserver.expect_request("/chunked").respond_with_handler(chunked)
    httpserver.expect_request("/bomb").respond_with_data(
        gzip.compress(b" " * 5_000_000), headers={**RSS, "Content-Encoding": "gzip"}
    )
    config = cfg(max_body_mb=0.1)
    for path in ("/declared", "/chunked", "/bomb"):
        result = fetch_one(httpserver.url_for(path), config)
        assert not result.ok, path
        assert result.error == "larger than 0.1 MB", path
    assert fetch_one(httpserver.url_for("/declared"), cfg()).ok  # 10 MB default


def test_results_stream_in_completion_order(httpserver: HTTPServer, stalling_server) -> None:
    """A slow feed never holds back the fast ones behind it."""
    slow = stalling_server("silent")
    httpserver.expect_request("/fast").respond_with_data(FEED, headers=RSS)
    requests = [FetchRequest(slow.url())] + [
        FetchRequest(httpserver.url_for("/fast") + f"?n={i}") for i in range(5)
    ]
    order = [r.url for r in fetch_all(requests, cfg(timeout=1))]
    assert order[-1] == slow.url()
    assert len(order) == 6


def test_per_host_limit(tmp_path: Path) -> None:
    """At most max_per_host requests are in flight to one host."""
    import http.server

    lock = threading.Lock()
    state = {"active": 0, "peak": 0}
    release = threading.Event()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            with lock:
                state["active"] += 1
                state["peak"] = max(state["peak"], state["active"])
            release.wait(0.15)  # hold the request open so overlaps can be counted
            with lock:
                state["active"] -= 1
            self.send_response(200)
            self.send_header("Content-Length", str(len(FEED)))
            self.end_headers()
            self.wfile.write(FEED)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        requests = [FetchRequest(f"http://127.0.0.1:{port}/f{i}") for i in range(12)]
        results = list(fetch_all(requests, cfg(max_per_host=3, max_connections=16)))
    finally:
        server.shutdown()
        server.server_close()
    assert all(r.ok for r in results)
    assert state["peak"] == 3


def test_closing_the_stream_early_cancels_quickly(httpserver: HTTPServer, stalling_server) -> None:
    """The TUI may stop a refresh; nothing is left hanging for the full timeout."""
    server = stalling_server("silent")
    httpserver.expect_request("/fast").respond_with_data(FEED, headers=RSS)
    requests = [FetchRequest(httpserver.url_for("/fast"))]
    requests += [FetchRequest(server.url(f"/{i}")) for i in range(4)]
    stream = fetch_all(requests, cfg(timeout=30))
    first = next(stream)
    assert first.ok
    start = time.monotonic()
    stream.close()
    assert time.monotonic() - start < 2
    assert not any(t.name == "newsdeck-fetch" for t in threading.enumerate())


def test_local_files_come_through_the_same_stream(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_bytes(FEED)
    results = list(
        fetch_all([FetchRequest(path.as_uri()), FetchRequest(str(tmp_path / "missing.rss"))], cfg())
    )
    by_url = {r.url: r for r in results}
    assert by_url[path.as_uri()].data == FEED
    assert by_url[str(tmp_path / "missing.rss")].error == "no such file"


# -- discovery ------------------------------------------------------------------------------


def test_discovery_on_a_real_page() -> None:
    """A real Shift_JIS blog page (chardet's test data) names its RSS 1.0 feed."""
    page = (FIXTURE_FEEDS / "broken_html_page_webry.info.xml").read_bytes()
    links = find_feed_links(page, "http://hardsoft.at.webry.info/200802/article_1.html")
    assert [link.url for link in links] == ["http://hardsoft.at.webry.info/rss/index.rdf"]
    assert links[0].type == "application/rss+xml" and links[0].title == "RSS"


def test_discovery_resolves_relative_links_and_ranks_types() -> None:
    page = """<html><head>
      <link rel="alternate" type="application/json" href="https://example.org/wp-json/wp/v2/pages/2">
      <link rel="alternate" type="application/json" title="JSON" href="feed.json">
      <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
      <link rel="Alternate Feed" type="application/atom+xml; charset=utf-8" href="/atom.xml">
      <link rel="alternate" type="application/rss+xml" href="../rss.xml">
      <link rel="alternate" type="application/rss+xml" href="feed:https://example.org/podcast.xml">
      <link rel="alternate" type="application/rss+xml" href="/atom.xml">
    </head><body><link rel="alternate" type="application/feed+json" href="/late.json"></body></html>"""
    links = find_feed_links(page, "https://example.org/blog/post/")
    assert [link.url for link in links] == [
        "https://example.org/atom.xml",
        "https://example.org/blog/rss.xml",
        "https://example.org/podcast.xml",
        "https://example.org/late.json",
        "https://example.org/blog/post/feed.json",  # plain JSON last: often an API, not a feed
    ]


def test_discovery_honours_base_href() -> None:
    page = '<head><base href="https://cdn.example.net/site/"><link rel="alternate" type="application/rss+xml" href="rss"></head>'
    assert (
        find_feed_links(page, "https://example.org/")[0].url == "https://cdn.example.net/site/rss"
    )


def test_pick() -> None:
    links = find_feed_links(
        "<link rel=alternate type=application/rss+xml href=/a><link rel=alternate type=application/rss+xml href=/b>",
        "http://h/",
    )
    assert pick_link(links, None, "http://h/").url == "http://h/a"
    assert pick_link(links, 2, "http://h/").url == "http://h/b"
    with pytest.raises(
        DiscoveryError, match=r"--pick 3 is out of range \(the page names 2 feeds\)"
    ):
        pick_link(links, 3, "http://h/")
    with pytest.raises(DiscoveryError, match="the page names no feed"):
        pick_link([], None, "http://h/")
