"""Quotations in the article pane, and links opened by their number, driven through Pilot.

The reader runs on the bundled sample feeds fetched into a real SQLite file (shared fixtures of
test_tui.py); the article with links, a table and images is a real HTML fixture
(tests/fixtures/html/wikipedia_mozilla.html, see SOURCES.md there) served as a feed file from
tmp_path.  Quotes and facts come from the real extractors, computed in the app's worker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from rich.style import Style
from test_tui import fixed_clock, home, make_app, sample_db, settle, utc_timezone
from textual.pilot import Pilot

from reader.library import Library
from reader.tui.app import NewsdeckApp
from reader.tui.widgets.article_view import ArticleView

FIXTURES = (home, make_app, sample_db, utc_timezone)  # shared with test_tui.py
HTML_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"


def pane_title(app: NewsdeckApp) -> str:
    return str(app.main.query_one("#article-pane").border_title)


def pane_subtitle(app: NewsdeckApp) -> str:
    return str(app.main.query_one("#article-pane").border_subtitle)


def style_at(view: ArticleView, line: int, column_text: str, skip: int = 0) -> Style:
    """The style drawn where ``column_text`` (from its ``skip``-th character) is on line ``line``."""
    text = view.lines[line]
    x = text.plain.index(column_text) + skip
    return text.get_style_at_offset(view.app.console, x)


def style_of_offset(view: ArticleView, offset: int) -> Style:
    """The style drawn on screen for the character at body text offset ``offset``."""
    text = view.document.text
    word = text[offset:].split()[0]
    line = view.lines[body_line(view, offset)].plain
    # What precedes it on its line, to find the right occurrence.
    before = text[offset - 2 : offset].rsplit("\n", 1)[-1]
    if before + word not in line:
        before = ""  # it starts the line
    return style_at(view, body_line(view, offset), before + word, skip=len(before))


def body_line(view: ArticleView, offset: int) -> int:
    line = view.line_of_offset(offset)
    assert line is not None
    return line


def visible(view: ArticleView, lines: range) -> bool:
    top = round(view.scroll_y)
    height = view.scrollable_content_region.height
    return lines.start >= top and lines.stop <= top + height


async def open_first(app: NewsdeckApp, pilot: Pilot) -> None:
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)


def notices(app: NewsdeckApp) -> list[str]:
    return [n.message for n in app._notifications]


# -- the seed article ---------------------------------------------------------------------------


async def test_seed_article_shows_its_six_quotations_highlighted(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_first(app, pilot)
        view = app.main.article_view
        assert re.fullmatch(r"6 quotes from \d+ speakers", pane_title(app)), pane_title(app)
        assert len(view.quotes) == 6
        # The headline's own quotation comes first, then the body's in reading order.
        assert view.quotes[0].in_title and view.quotes[0].speaker == "NATO Official"
        body = [q for q in view.quotes if not q.in_title]
        assert len(body) == 5 and all(q.speaker for q in body)
        assert body[0].speaker == "a NATO official"
        text = app.current_document.text
        quote_style = view._style("quote")
        speaker_style = view._style("speaker")
        for quote in body:
            assert "quote" in view.styles_at(quote.start)
            assert "quote" in view.styles_at(quote.end - 1)
            if quote.speaker_start is not None and quote.speaker_start > quote.end:
                assert "quote" not in view.styles_at(quote.speaker_start)  # "…,” X said"
            # What the reader sees: the quoted words in the theme's quote colour.
            drawn = style_of_offset(view, quote.start)
            assert drawn.color == quote_style.color
            if quote.speaker_start is not None:
                assert text[quote.speaker_start : quote.speaker_end] == quote.speaker
                assert "speaker" in view.styles_at(quote.speaker_start)
        # The speaker is emphasised where the attribution stands: "…,” a NATO official said".
        first = body[0]
        assert first.speaker_start is not None
        drawn = style_of_offset(view, first.speaker_start)
        assert drawn.bold and drawn.underline and drawn.color == speaker_style.color
        # And in the headline.
        head = style_at(view, 0, "We Want to See Progress")
        assert head.color == quote_style.color
        assert style_at(view, 0, "NATO Official").underline


async def test_brackets_step_through_the_quotations_in_order(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:  # small: the quotes need scrolling to
        await open_first(app, pilot)
        view = app.main.article_view
        total = len(view.quotes)
        assert total == 6 and view.current_quote is None
        tops = []
        for index in range(total):
            await pilot.press("right_square_bracket")
            assert view.current_quote == index
            assert visible(view, view.quote_line_range(index)), index
            speaker = view.quotes[index].speaker
            assert pane_subtitle(app) == f"quote {index + 1} of {total} · {speaker}"
            if not view.quotes[index].in_title:
                assert "quote-current" in view.styles_at(view.quotes[index].start)
            tops.append(view.scroll_y)
        assert tops == sorted(tops) and tops[-1] > tops[0]  # it scrolled down to reach them
        # Only the current one is marked.
        marked = [q for q in view.quotes[1:] if "quote-current" in view.styles_at(q.start)]
        assert marked == [view.quotes[-1]]
        await pilot.press("right_square_bracket")  # no seventh
        assert view.current_quote == total - 1
        assert "No quotation after this one." in notices(app)
        for index in reversed(range(total - 1)):
            await pilot.press("left_square_bracket")
            assert view.current_quote == index
            assert visible(view, view.quote_line_range(index))
        assert view.scroll_y == 0  # back at the headline's quotation


async def test_brackets_work_from_the_headlines_and_after_scrolling(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("shift+tab")  # back to the headlines; the article stays open
        assert app.focused is app.main.headline_list
        await pilot.press("right_square_bracket")
        view = app.main.article_view
        assert view.current_quote == 0
        # The reader scrolls to the end by hand: "]" has nothing below, "[" finds the last one.
        view.action_scroll_edge(1)
        await pilot.press("left_square_bracket")
        assert view.current_quote == len(view.quotes) - 1
        assert visible(view, view.quote_line_range(view.current_quote))


async def test_an_article_without_quotations_says_so(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        headlines = app.main.headline_list
        nasa = next(
            i
            for i in headlines.ids
            if "Crew-8 Astronaut Returns" in (app.lib.article(i).title or "")
        )
        headlines.select_id(nasa, open_it=True)
        await settle(app, pilot)
        assert pane_title(app) == "no quotes"
        await pilot.press("right_square_bracket")
        assert "No quotations in this article." in notices(app)


async def test_quote_colours_follow_the_theme(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_first(app, pilot)
        view = app.main.article_view
        quote = next(q for q in view.quotes if not q.in_title)
        dark = style_of_offset(view, quote.start).color
        app.theme = "textual-light"
        await pilot.pause()
        light = style_of_offset(view, quote.start).color
        assert dark is not None and light is not None and dark != light
        assert light == view._style("quote").color


# -- links by number ------------------------------------------------------------------------------


@pytest.fixture
def article_feed_app(tmp_path: Path) -> Iterator[Callable[[], NewsdeckApp]]:
    """The reader on one feed whose only article is the Wikipedia "Mozilla" fixture page."""
    html = (HTML_FIXTURES / "wikipedia_mozilla.html").read_text(encoding="utf-8")
    feed = tmp_path / "mozilla.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        "<title>Readability test pages</title>"
        "<link>https://github.com/mozilla/readability</link>"
        "<description>Test pages of mozilla/readability</description>"
        "<item><title>Mozilla</title><link>https://en.wikipedia.org/wiki/Mozilla</link>"
        "<guid>https://en.wikipedia.org/wiki/Mozilla</guid>"
        "<pubDate>Tue, 03 May 2016 12:00:00 GMT</pubDate>"
        f"<description>{escape(html)}</description></item></channel></rss>\n",
        encoding="utf-8",
    )
    (tmp_path / "config.toml").write_text("", encoding="utf-8")
    lib = Library.open(tmp_path / "newsdeck.db", tmp_path / "config.toml", clock=fixed_clock)
    lib.add_feed(str(feed))
    assert not [r for r in lib.update() if r.failed]
    lib.set_state("samples_offered", "1")

    def make() -> NewsdeckApp:
        return NewsdeckApp(lib, clock=fixed_clock, startup_refresh=False)

    yield make
    lib.close()


def opened_urls(app: NewsdeckApp) -> list[str]:
    """Stand in for the browser on this app instance: record what it was asked to open."""
    urls: list[str] = []
    app._open_browser = urls.append  # type: ignore[method-assign]
    return urls


async def test_typing_a_link_number_opens_that_link(article_feed_app) -> None:
    app = article_feed_app()
    urls = opened_urls(app)
    async with app.run_test(size=(140, 40)) as pilot:
        await open_first(app, pilot)
        view = app.main.article_view
        assert app.focused is view
        shown = " ".join(view.plain_text().split())
        assert "Thunderbird[12]" in shown and "Netscape[3]" in shown
        assert len(view.links) == 36
        await pilot.press("1", "2")  # typed quickly: link 12, opened at once (no 120)
        assert urls == ["http://fakehost/wiki/Mozilla_Thunderbird"]
        assert "Opening link 12: http://fakehost/wiki/Mozilla_Thunderbird" in notices(app)
        await pilot.press("4")  # 40 and up do not exist: 4 cannot go on
        assert urls[-1] == "http://fakehost/wiki/Mozilla_Application_Suite"
        await pilot.press("3")  # 3 could become 30-36: wait, enter opens it now
        assert len(urls) == 2 and view.pending_link == "3"
        await pilot.press("enter")
        assert urls[-1] == "http://fakehost/wiki/Netscape" and view.pending_link == ""
        await pilot.press("3", "9")
        assert len(urls) == 3
        assert "No link 39: this article has 36 links." in notices(app)


async def test_a_pending_link_number_opens_after_a_pause(article_feed_app) -> None:
    app = article_feed_app()
    urls = opened_urls(app)
    async with app.run_test(size=(140, 40)) as pilot:
        await open_first(app, pilot)
        view = app.main.article_view
        view.link_delay = 0.1  # the pause that ends a number (0.8 s by default)
        await pilot.press("2")
        assert urls == [] and view.pending_link == "2"
        for _ in range(100):  # the app's own timer fires; wait for it, bounded
            if urls:
                break
            await pilot.pause(0.02)
        assert urls == ["http://fakehost/wiki/Open-source_software"]
        assert view.pending_link == ""


async def test_digits_outside_the_article_do_not_open_links(make_app) -> None:
    app = make_app()
    urls = opened_urls(app)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("1")  # in the headlines
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("1")  # the seed article has no links
        assert urls == []
        assert "This article has no links." in notices(app)
