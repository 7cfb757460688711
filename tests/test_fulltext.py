"""Full articles offline: a teaser in the feed, the whole article from the linked page.

Real parts only: saved pages of real news articles (tests/fixtures/pages, see
SOURCES.md) served by a real HTTP server on 127.0.0.1, a real SQLite file in
tmp_path, trafilatura as installed. Each test checks what a reader would see:
the article's own quotations in the pane, the line that says where the text
came from, or the one-line reason it could not be had.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from conftest import TESTS
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.content.fulltext import (
    extract_main_content,
    needs_full_text,
    page_result,
    word_count,
)
from reader.library import Library

PAGES = TESTS / "fixtures" / "pages"
CNN = PAGES / "cnn_thanksgiving_storm_2013.html"
CNN_PATH = "/2013/11/27/travel/weather-thanksgiving/index.html"
CNN_TITLE = "After storm, forecasters see smooth sailing for Thanksgiving"
# The teaser a summary-only feed carries: the story's first sentence, cut short.
CNN_TEASER = (
    "(CNN) -- The Pennsylvania official was just talking about one area, but he summed up a "
    "winter storm that struck much of the eastern United States on Wednesday…"
)
# Quotations of the real article (the page's paragraphs 3, 7 and the last one).
CNN_QUOTES = (
    "We dodged a bullet,",
    "The worst in terms of widespread snow and rain is over.",
    "We could've gone to the Bahamas for what we paid!",
)
HTML = {"Content-Type": "text/html; charset=utf-8"}


def rss(items: list[tuple[str, str, str]]) -> bytes:
    """A summary-only RSS feed: (title, link, teaser) per item."""
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
        f"<guid>{escape(link)}</guid><description>{escape(teaser)}</description>"
        "<pubDate>Wed, 27 Nov 2013 22:00:00 GMT</pubDate></item>"
        for t, link, teaser in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Teasers</title><link>http://127.0.0.1/</link><description>Summaries only"
        f"</description>{body}</channel></rss>"
    ).encode()


@pytest.fixture
def own_server() -> Iterator[HTTPServer]:
    """A server of our own, so a test can stop it and read on with no network."""
    srv = HTTPServer(host="127.0.0.1", port=0)
    srv.start()
    yield srv
    srv.clear()
    if srv.is_running():
        srv.stop()


def subscribe_teasers(
    lib: Library, server: HTTPServer, items: list[tuple[str, str, str]]
) -> list[int]:
    server.expect_request("/feed.rss").respond_with_data(
        rss([(t, server.url_for(path), teaser) for t, path, teaser in items]),
        headers={"Content-Type": "application/rss+xml"},
    )
    sub = lib.subscribe(server.url_for("/feed.rss"))
    assert sub.result is not None and sub.result.new_articles == len(items)
    return sorted(lib.article_ids())


# -- the whole article, and after a restart with no network ----------------------------------------


def test_teaser_item_gets_the_real_article_with_its_quotations(
    tmp_path: Path, own_server: HTTPServer
) -> None:
    server = own_server
    server.expect_request(CNN_PATH).respond_with_data(CNN.read_bytes(), headers=HTML)
    lib = Library.open(tmp_path / "news.db", tmp_path / "config.toml")
    try:
        (aid,) = subscribe_teasers(lib, server, [(CNN_TITLE, CNN_PATH, CNN_TEASER)])
        article = lib.article(aid)
        assert article is not None
        assert lib.wants_full_text(article)  # the header offers F: a one-sentence teaser
        before = lib.annotations(article)
        assert len(before.quotes) == 0

        result = lib.fetch_full_text(aid)
        assert result.ok, result.reason
        assert result.host == "127.0.0.1"
        assert 1100 < result.words < 1300  # newspaper4k's reference text of the story has 1,235
        assert result.message == f"full text from 127.0.0.1, {result.words:,} words"

        article = lib.article(aid)
        assert article is not None and article.full_text
        assert article.summary == CNN_TEASER or CNN_TEASER[:60] in (
            article.content or article.summary or ""
        )
        doc = lib.document(article)
        for quote in CNN_QUOTES:
            assert quote in doc.text
        notes = lib.annotations(article)
        speakers = dict(notes.speakers)
        assert "Steve Cowan" in speakers
        assert len(notes.quotes) >= 15  # the story has 20 quotations
        assert not lib.wants_full_text(article)
        assert lib.full_text_note(article) == f"full text from 127.0.0.1, {result.words:,} words"
        # Searching finds words that only the full text has.
        assert [h.headline.id for h in lib.search("Bahamas")] == [aid]
    finally:
        lib.close()

    server.stop()  # no network from here on
    lib = Library.open(tmp_path / "news.db", tmp_path / "config.toml")
    try:
        article = lib.article(aid)
        assert article is not None and article.full_text
        doc = lib.document(article)
        for quote in CNN_QUOTES:
            assert quote in doc.text
        assert any(q.speaker == "Steve Cowan" for q in lib.annotations(article).quotes)
        assert lib.full_text_note(article) == f"full text from 127.0.0.1, {result.words:,} words"
    finally:
        lib.close()


# -- failures: one line, the feed's text stays, not asked again on refresh ----------------------------


def _failing_case(lib: Library, server: HTTPServer, path: str, teaser: str = CNN_TEASER) -> int:
    (aid,) = subscribe_teasers(lib, server, [(CNN_TITLE, path, teaser)])
    return aid


def test_403_says_paywall_or_blocked_and_keeps_the_feed_text(
    lib: Library, httpserver: HTTPServer
) -> None:
    calls = []

    def forbidden(request: Request) -> Response:
        calls.append(request.path)
        return Response("<html><body><h1>Subscribe to read</h1></body></html>", 403, headers=HTML)

    httpserver.expect_request("/paywalled").respond_with_handler(forbidden)
    aid = _failing_case(lib, httpserver, "/paywalled")
    result = lib.fetch_full_text(aid)
    assert not result.ok
    assert result.reason == "HTTP 403 (paywall or blocked)"
    assert result.message == "no full text: HTTP 403 (paywall or blocked); showing the feed's text"
    article = lib.article(aid)
    assert article is not None and article.full_text is None
    assert CNN_TEASER[:60] in lib.document(article).text  # the feed's text is still what we show
    assert lib.full_text_note(article) == "feed text only: HTTP 403 (paywall or blocked)"
    # A refresh does not ask again; F does.
    assert lib.store.articles_needing_full_text(article.feed_id) == []
    assert len(calls) == 1
    lib.fetch_full_text(aid)
    assert len(calls) == 2


def test_pdf_link_is_not_html(lib: Library, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/report.pdf").respond_with_data(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        headers={"Content-Type": "application/pdf"},
    )
    aid = _failing_case(lib, httpserver, "/report.pdf")
    result = lib.fetch_full_text(aid)
    assert (result.ok, result.reason) == (False, "not HTML (application/pdf)")
    article = lib.article(aid)
    assert article is not None and article.full_text is None
    assert article.full_text_status == "not HTML (application/pdf)"
    assert CNN_TEASER[:60] in lib.document(article).text


def test_a_pdf_labelled_as_html_is_still_not_html(lib: Library, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/mislabelled").respond_with_data(b"%PDF-1.4\n...", headers=HTML)
    aid = _failing_case(lib, httpserver, "/mislabelled")
    assert lib.fetch_full_text(aid).reason == "not HTML (application/pdf)"


def test_page_without_an_article_says_so(lib: Library, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gallery").respond_with_data(
        "<html><head><title>Photos</title></head><body><nav><a href='/'>Home</a></nav>"
        "<div><img src='/a.jpg'><img src='/b.jpg'></div></body></html>",
        headers=HTML,
    )
    aid = _failing_case(lib, httpserver, "/gallery")
    result = lib.fetch_full_text(aid)
    assert (result.ok, result.reason) == (False, "no main content found")
    article = lib.article(aid)
    assert article is not None and article.full_text is None


@pytest.mark.parametrize(
    ("status", "reason"),
    [(404, "HTTP 404 (page not found)"), (500, "HTTP 500 (the site had an error)")],
)
def test_other_statuses_have_their_own_words(
    lib: Library, httpserver: HTTPServer, status: int, reason: str
) -> None:
    httpserver.expect_request("/gone").respond_with_data("nope", status=status, headers=HTML)
    aid = _failing_case(lib, httpserver, "/gone")
    assert lib.fetch_full_text(aid).reason == reason


def test_a_refetch_that_fails_keeps_the_full_text_already_stored(
    lib: Library, httpserver: HTTPServer
) -> None:
    state = {"status": 200}

    def page(request: Request) -> Response:
        if state["status"] != 200:
            return Response("blocked", state["status"], headers=HTML)
        return Response(CNN.read_bytes(), headers=HTML)

    httpserver.expect_request(CNN_PATH).respond_with_handler(page)
    (aid,) = subscribe_teasers(lib, httpserver, [(CNN_TITLE, CNN_PATH, CNN_TEASER)])
    assert lib.fetch_full_text(aid).ok
    state["status"] = 403
    assert lib.fetch_full_text(aid).reason == "HTTP 403 (paywall or blocked)"
    article = lib.article(aid)
    assert article is not None and CNN_QUOTES[0] in lib.document(article).text
    note = lib.full_text_note(article)
    assert note is not None and note.startswith("full text from 127.0.0.1")
    assert note.endswith("(a later fetch failed: HTTP 403 (paywall or blocked))")


def test_a_link_that_redirects_is_followed_and_named_by_where_it_ended(
    lib: Library, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/short/abc").respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for(CNN_PATH)}
    )
    httpserver.expect_request(CNN_PATH).respond_with_data(CNN.read_bytes(), headers=HTML)
    aid = _failing_case(lib, httpserver, "/short/abc")
    result = lib.fetch_full_text(aid)
    assert result.ok and result.host == "127.0.0.1"
    article = lib.article(aid)
    assert article is not None and article.full_text
    # Links are absolute (the page's relative ones resolved against where it was served).
    assert 'href="http://ireport.cnn.com/topics/1060026"' in article.full_text
    assert "class=" not in article.full_text


def test_articles_sharing_a_link_are_fetched_once(lib: Library, httpserver: HTTPServer) -> None:
    hits = []

    def page(request: Request) -> Response:
        hits.append(request.path)
        return Response(CNN.read_bytes(), headers=HTML)

    httpserver.expect_request(CNN_PATH).respond_with_handler(page)
    httpserver.expect_request("/feed.rss").respond_with_data(
        rss([(CNN_TITLE, httpserver.url_for(CNN_PATH), CNN_TEASER)]).replace(
            b"</item>",
            b"</item><item><title>Thanksgiving travel</title><guid>second</guid><link>"
            + httpserver.url_for(CNN_PATH).encode()
            + b"</link><description>Short.</description></item>",
            1,
        ),
        headers={"Content-Type": "application/rss+xml"},
    )
    lib.subscribe(httpserver.url_for("/feed.rss"))
    ids = lib.article_ids()
    assert len(ids) == 2
    results = list(lib.fetch_full_texts(ids))
    assert sorted(r.article_id for r in results) == sorted(ids)
    assert all(r.ok for r in results)
    assert hits == [CNN_PATH]


# -- extraction on real pages ---------------------------------------------------------------------


def test_extraction_keeps_the_spaces_trafilatura_trims_around_links() -> None:
    # adbar/trafilatura#661: "a <a>security fair</a> in Las Vegas" came out as "security fairin".
    page = (PAGES / "sott_adelson_security_team.html").read_bytes()
    result = page_result(page, "text/html", "https://www.sott.net/article/434715")
    assert result.ok
    from reader.content.document import from_html

    text = from_html(result.html).text
    assert "security fair in Las Vegas" in text
    assert "security fairin" not in text
    assert "New York Times claimed" in text


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.html")))
def test_every_saved_page_yields_its_article(name: str) -> None:
    result = page_result((PAGES / name).read_bytes(), "text/html", "https://example.org/story")
    assert result.ok, result.reason
    assert result.words >= 150
    assert "<script" not in result.html and "<style" not in result.html


def test_extraction_makes_no_network_request() -> None:
    """trafilatura must not download anything at run time (models, lists, pages)."""
    events: list[tuple[str, object]] = []
    active = threading.get_ident()

    def hook(event: str, args: tuple) -> None:
        if threading.get_ident() == active and event in (
            "socket.connect",
            "socket.getaddrinfo",
            "socket.gethostbyname",
            "urllib.Request",
        ):
            events.append((event, args))

    sys.addaudithook(hook)
    for page in sorted(PAGES.glob("*.html")):
        assert extract_main_content(page.read_text(encoding="utf-8"), "https://example.org/a").ok
    active = -1  # the hook stays installed (audit hooks cannot be removed); silence it
    assert events == []


# -- when to offer F -----------------------------------------------------------------------------------


def test_needs_full_text() -> None:
    whole = page_result(CNN.read_bytes(), "text/html", "http://www.cnn.com/x")
    assert whole.ok and whole.html
    from reader.content.document import from_html

    story = from_html(whole.html).text
    assert word_count(story) > 1000
    assert not needs_full_text(story)
    assert not needs_full_text(whole.html)
    assert needs_full_text(CNN_TEASER)  # short, and it ends in "…"
    assert needs_full_text(None) and needs_full_text("")
    long_teaser = " ".join(story.split()[:120])
    assert not needs_full_text(long_teaser + ".")
    for ending in (
        " …",
        "...",
        " […]",
        " Read more",
        " Read more »",
        " Continue reading →",
        " Continue reading After storm",
        " (more…)",
    ):
        assert needs_full_text(long_teaser + ending), ending
    assert needs_full_text(f"<p>{long_teaser} <a href='/x'>Read more</a></p>")


# -- during a refresh: per-feed setting, palette toggle, fetch --full-text -------------------------

TIME = PAGES / "time_hansen_geoengineering_2023.html"
TIME_PATH = "/6330957/james-hansen-climate-warning-geoengineering-study/"
TIME_TITLE = "James Hansen Calls for Geoengineering as a Climate Solution"
TIME_TEASER = (
    "James Hansen first warned Congress of the threat from climate change in 1988. Today, in a "
    "controversial new peer-reviewed paper published in Oxford Open Climate Change, he brings a "
    "new warning…"
)


def serve_two_stories(httpserver: HTTPServer) -> dict[str, int]:
    hits = {CNN_PATH: 0, TIME_PATH: 0}

    def page(request: Request) -> Response:
        hits[request.path] += 1
        return Response((CNN if request.path == CNN_PATH else TIME).read_bytes(), headers=HTML)

    for path in hits:
        httpserver.expect_request(path).respond_with_handler(page)
    httpserver.expect_request("/feed.rss").respond_with_data(
        rss(
            [
                (CNN_TITLE, httpserver.url_for(CNN_PATH), CNN_TEASER),
                (TIME_TITLE, httpserver.url_for(TIME_PATH), TIME_TEASER),
            ]
        ),
        headers={"Content-Type": "application/rss+xml"},
    )
    return hits


def test_feed_with_full_text_in_config_gets_every_page_during_refresh(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    from reader.update import summarize

    hits = serve_two_stories(httpserver)
    url = httpserver.url_for("/feed.rss")
    config = tmp_path / "config.toml"
    config.write_text(f'[feeds."{url}"]\nfull_text = true\n', encoding="utf-8")
    lib = Library.open(tmp_path / "news.db", config)
    try:
        lib.add_feed(url)
        (result,) = list(lib.update())
        assert result.new_articles == 2 and result.full_text_pages == 2
        assert "2 full-text pages" in summarize([result])
        texts = [lib.document(a).text for a in map(lib.article, lib.article_ids()) if a]
        assert any(CNN_QUOTES[0] in t for t in texts)
        assert any("Hansen" in t and word_count(t) > 800 for t in texts)
        # The next refresh fetches no page again.
        (again,) = list(lib.update())
        assert again.full_text_pages == 0
        assert hits == {CNN_PATH: 1, TIME_PATH: 1}
    finally:
        lib.close()


def test_palette_toggle_turns_full_text_on_for_a_feed(lib: Library, httpserver: HTTPServer) -> None:
    hits = serve_two_stories(httpserver)
    url = httpserver.url_for("/feed.rss")
    feed = lib.add_feed(url)
    (first,) = list(lib.update())
    assert first.full_text_pages == 0 and hits == {CNN_PATH: 0, TIME_PATH: 0}  # off by default
    lib.set_feed_full_text(feed.id, True)
    assert lib.feed_wants_full_text(lib.feed(url))
    (second,) = list(lib.update())
    assert second.full_text_pages == 2
    assert all(a and a.full_text for a in map(lib.article, lib.article_ids()))


def test_cli_fetch_full_text_fetches_teasers_and_reports_failures_once(
    httpserver: HTTPServer, run_cli
) -> None:
    blocked = []

    def forbidden(request: Request) -> Response:
        blocked.append(request.path)
        return Response("Subscribe to read", 403, headers=HTML)

    httpserver.expect_request(CNN_PATH).respond_with_data(CNN.read_bytes(), headers=HTML)
    httpserver.expect_request("/paywalled").respond_with_handler(forbidden)
    httpserver.expect_request("/feed.rss").respond_with_data(
        rss(
            [
                (CNN_TITLE, httpserver.url_for(CNN_PATH), CNN_TEASER),
                (TIME_TITLE, httpserver.url_for("/paywalled"), TIME_TEASER),
            ]
        ),
        headers={"Content-Type": "application/rss+xml"},
    )
    url = httpserver.url_for("/feed.rss")
    assert run_cli("add", url).returncode == 0
    plain = run_cli("fetch")
    assert plain.returncode == 0 and "full-text" not in plain.stdout  # off unless asked
    done = run_cli("fetch", "--full-text")
    assert done.returncode == 0, done.stderr  # a page that cannot be had is not a failed feed
    assert "1 full-text page" in done.stdout
    assert (
        "full text: 1 of 2 pages could not be read (HTTP 403 (paywall or blocked))" in done.stderr
    )
    assert blocked == ["/paywalled"]
    again = run_cli("fetch", "--full-text")
    assert "full-text" not in again.stdout and blocked == ["/paywalled"]  # not asked again
    forced = run_cli("fetch", "--full-text", "--force")
    assert forced.returncode == 0 and blocked == ["/paywalled", "/paywalled"]


def test_xhtml_page_with_an_xml_declaration_is_read() -> None:
    page = b'<?xml version="1.0" encoding="utf-8"?>\n' + CNN.read_bytes()
    result = page_result(page, "application/xhtml+xml; charset=utf-8", "http://www.cnn.com/x")
    assert result.ok and CNN_QUOTES[0] in result.html


def test_header_offers_f_for_a_teaser_and_says_where_full_text_came_from() -> None:
    from datetime import UTC, datetime

    from reader.content.fulltext import header_note
    from reader.models import Article

    when = datetime(2013, 11, 27, tzinfo=UTC)
    teaser = Article(
        1, 1, "g", CNN_TITLE, "https://edition.cnn.com/x", None, when, when, summary=CNN_TEASER
    )
    assert header_note(teaser) == "only a summary in the feed · F fetches the full article"
    assert header_note(teaser, key="ctrl+f").endswith("ctrl+f fetches the full article")
    story = page_result(CNN.read_bytes(), "text/html", "https://edition.cnn.com/x")
    whole = Article(
        1, 1, "g", CNN_TITLE, "https://edition.cnn.com/x", None, when, when, content=story.html
    )
    assert header_note(whole) is None  # the feed carries the whole article: nothing to offer
    fetched = Article(
        1,
        1,
        "g",
        CNN_TITLE,
        "https://edition.cnn.com/x",
        None,
        when,
        when,
        summary=CNN_TEASER,
        full_text=story.html,
        full_text_status="from edition.cnn.com",
    )
    assert header_note(fetched, words=1190) == "full text from edition.cnn.com, 1,190 words"
    failed = Article(
        1,
        1,
        "g",
        CNN_TITLE,
        "https://edition.cnn.com/x",
        None,
        when,
        when,
        summary=CNN_TEASER,
        full_text_status="HTTP 403 (paywall or blocked)",
    )
    assert header_note(failed) == "feed text only: HTTP 403 (paywall or blocked) · F tries again"
    local = Article(
        1, 1, "g", CNN_TITLE, "file:///tmp/x.html", None, when, when, summary=CNN_TEASER
    )
    assert header_note(local) is None  # not a web page: nothing to fetch


def test_an_interstitial_page_with_a_meta_refresh_is_followed_once(
    lib: Library, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/out/123").respond_with_data(
        f'<html><head><meta http-equiv="refresh" content="0;url={CNN_PATH}"></head>'
        "<body>Redirecting…</body></html>",
        headers=HTML,
    )
    httpserver.expect_request(CNN_PATH).respond_with_data(CNN.read_bytes(), headers=HTML)
    httpserver.expect_request("/loop").respond_with_data(
        '<html><head><meta http-equiv="refresh" content="0;url=/loop2"></head></html>',
        headers=HTML,
    )
    httpserver.expect_request("/loop2").respond_with_data(
        '<html><head><meta http-equiv="refresh" content="0;url=/loop"></head></html>',
        headers=HTML,
    )
    httpserver.expect_request("/feed.rss").respond_with_data(
        rss(
            [
                (CNN_TITLE, httpserver.url_for("/out/123"), CNN_TEASER),
                (TIME_TITLE, httpserver.url_for("/loop"), TIME_TEASER),
            ]
        ),
        headers={"Content-Type": "application/rss+xml"},
    )
    lib.subscribe(httpserver.url_for("/feed.rss"))
    results = {r.article_id: r for r in lib.fetch_full_texts(lib.article_ids())}
    by_title = {lib.article(aid).title: r for aid, r in results.items()}  # type: ignore[union-attr]
    assert by_title[CNN_TITLE].ok and by_title[CNN_TITLE].words > 1000
    assert by_title[TIME_TITLE].reason == "the page only redirects elsewhere"


# -- in the reader ---------------------------------------------------------------------------------


async def _settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until workers and the messages they post have all been handled."""
    for _ in range(8):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            await pilot.pause()
            if not any(w.is_running for w in app.workers):
                return


def _pane_text(app) -> str:  # type: ignore[no-untyped-def]
    return " ".join(app.main.article_view.plain_text().split())


async def test_reader_offers_F_shows_the_full_text_and_keeps_it_offline(
    tmp_path: Path, own_server: HTTPServer
) -> None:
    from reader.tui.app import NewsdeckApp

    own_server.expect_request(CNN_PATH).respond_with_data(CNN.read_bytes(), headers=HTML)
    lib = Library.open(tmp_path / "news.db", tmp_path / "config.toml")
    try:
        (aid,) = subscribe_teasers(lib, own_server, [(CNN_TITLE, CNN_PATH, CNN_TEASER)])
        app = NewsdeckApp(lib, startup_refresh=False)
        async with app.run_test(size=(150, 45)) as pilot:
            await _settle(app, pilot)
            await pilot.press("enter")
            await _settle(app, pilot)
            assert app.current_article is not None and app.current_article.id == aid
            text = _pane_text(app)
            assert "only a summary in the feed · F fetches the full article" in text
            assert CNN_QUOTES[0] not in text
            await pilot.press("F")
            await _settle(app, pilot)
            text = _pane_text(app)
            assert lib.article(aid).full_text  # type: ignore[union-attr]
            assert "full text from 127.0.0.1, 1," in text and " words" in text
            for quote in CNN_QUOTES:
                assert quote in text
            assert "F fetches" not in text
    finally:
        lib.close()

    own_server.stop()  # the restart reads with no network
    lib = Library.open(tmp_path / "news.db", tmp_path / "config.toml")
    try:
        app = NewsdeckApp(lib, startup_refresh=False)
        async with app.run_test(size=(150, 45)) as pilot:
            await _settle(app, pilot)
            if app.current_article is None:  # the last article reopens; else open it
                await pilot.press("enter")
                await _settle(app, pilot)
            text = _pane_text(app)
            assert "full text from 127.0.0.1, 1," in text
            assert CNN_QUOTES[1] in text
    finally:
        lib.close()


async def test_reader_F_on_a_blocked_page_says_why_in_one_line(
    lib: Library, httpserver: HTTPServer
) -> None:
    from reader.tui.app import NewsdeckApp

    httpserver.expect_request("/paywalled").respond_with_data("Subscribe", status=403)
    subscribe_teasers(lib, httpserver, [(CNN_TITLE, "/paywalled", CNN_TEASER)])
    app = NewsdeckApp(lib, startup_refresh=False)
    async with app.run_test(size=(150, 45)) as pilot:
        await _settle(app, pilot)
        await pilot.press("enter", "F")
        await _settle(app, pilot)
        notes = [n.message for n in app._notifications]
        assert "no full text: HTTP 403 (paywall or blocked); showing the feed's text" in notes
        text = _pane_text(app)
        assert "feed text only: HTTP 403 (paywall or blocked) · F tries again" in text
        assert CNN_TEASER[:60] in text


async def test_palette_command_turns_full_text_on_for_the_selected_feed(
    lib: Library, httpserver: HTTPServer
) -> None:
    from reader.tui.app import NewsdeckApp

    subscribe_teasers(lib, httpserver, [(CNN_TITLE, CNN_PATH, CNN_TEASER)])
    feed = lib.feed(httpserver.url_for("/feed.rss"))
    app = NewsdeckApp(lib, startup_refresh=False)
    async with app.run_test(size=(150, 45)) as pilot:
        await _settle(app, pilot)
        await pilot.press("enter")  # open the feed's article: the feed is the one in view
        await _settle(app, pilot)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        title = next(t for t in commands if t.startswith("Full text"))
        commands[title].callback()
        await _settle(app, pilot)
        assert lib.feed(feed.url).full_text is True
        assert any("Full text on" in n.message for n in app._notifications)
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        title = next(t for t in commands if t.startswith("Full text"))
        commands[title].callback()
        await _settle(app, pilot)
        assert lib.feed(feed.url).full_text is False
