"""Refresh, subscriptions, remembered state, hostile feed text and long lists in the reader.

Same set-up as ``test_tui.py``: the sample feeds in a real SQLite file in tmp_path, a fixed clock,
Textual's Pilot at the keys; feeds that change or fail are real files written by the test.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_tui import (
    FIXED_NOW,
    fixed_clock,
    headline_titles,
    home,
    make_app,
    sample_db,
    settle,
    utc_timezone,
    visible_lines,
)
from textual.widgets import Input

from reader.library import Library
from reader.tui.app import NewsdeckApp, failure_summary

FIXTURES = (home, make_app, sample_db, utc_timezone)  # shared with test_tui.py

# -- feeds written by the tests --------------------------------------------------------------------

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Local test feed</title><link>https://example.org/</link>
{items}
</channel></rss>"""
ITEM = """<item><title>{title}</title><link>https://example.org/{n}</link>
<guid>https://example.org/{n}</guid><pubDate>{date}</pubDate>
<description>Item {n}.</description></item>"""


def write_feed(path: Path, items: list[tuple[int, str, str]]) -> None:
    body = "\n".join(ITEM.format(n=n, title=title, date=date) for n, title, date in items)
    path.write_text(RSS.format(items=body), encoding="utf-8")


# -- refresh ---------------------------------------------------------------------------------------


async def test_refresh_keeps_selection_and_summarises_failures(
    make_app, home: Path, tmp_path: Path
) -> None:
    feed_file = tmp_path / "local.xml"
    write_feed(feed_file, [(1, "Old local item", "Mon, 02 Mar 2026 08:00:00 +0000")])
    app = make_app()
    app.lib.add_feed(str(feed_file))
    list(app.lib.update(urls=[str(feed_file)]))
    broken = tmp_path / "broken.xml"
    broken.write_text("<rss><channel><title>Broken</title>", encoding="utf-8")
    app.lib.add_feed(str(broken))
    broken.unlink()  # it will fail with "no such file"
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await settle(app, pilot)
        hl = app.main.headline_list
        await pilot.press("j", "j", "j")
        chosen, row_on_screen = hl.current_id, hl.cursor - round(hl.scroll_y)
        write_feed(
            feed_file,
            [
                (1, "Old local item", "Mon, 02 Mar 2026 08:00:00 +0000"),
                (2, "Fresh local item", "Mon, 02 Mar 2026 08:30:00 +0000"),
            ],
        )
        await pilot.press("r")
        await settle(app, pilot)
        assert "Fresh local item" in headline_titles(app)[0]
        # The same article stays highlighted; at the top of the list the view stays at the
        # top, so the new article shows above it.
        assert hl.current_id == chosen and hl.cursor == 4 and hl.scroll_y == 0
        assert row_on_screen == 3
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == 1 and "1 feed failed" in warnings[0].message
        assert "no such file" in warnings[0].message
        feeds = "\n".join(visible_lines(app.main.feed_list))
        assert "! " in feeds and "no such file" in feeds
        assert "1 failed" in app.main.status.text


async def test_refresh_offline_says_so_and_keeps_working(make_app) -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = make_app("[fetch]\nconnect_timeout = 1\ntimeout = 2\n")
    app.lib.add_feed(f"http://127.0.0.1:{port}/feed.xml")
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        failed = [f for f in app.lib.feeds() if f.last_error]
        if failed and "not supported" in (failed[0].last_error or ""):
            pytest.skip("HTTP fetching is not in this build yet")
        assert app.offline
        assert any("Offline" in n.message for n in app._notifications)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.current_article is not None  # still reading from the cache


def test_failure_summary_is_one_line_for_many() -> None:
    from reader.models import UpdateResult, UpdateStatus

    failed = [
        UpdateResult(f"https://e.org/{i}", UpdateStatus.FAILED, feed_id=i, error="HTTP 404")
        for i in range(5)
    ]
    text = failure_summary(failed, {0: "Zero\x1b[31m red"})
    assert text.startswith("5 feeds failed: Zero red (HTTP 404);")
    assert text.endswith("and 2 more.") and "\n" not in text and "\x1b" not in text


# -- subscribing from the palette -------------------------------------------------------------------


async def test_add_feed_prompt_subscribes_and_fetches(make_app, tmp_path: Path) -> None:
    feed_file = tmp_path / "added.xml"
    write_feed(feed_file, [(7, "Item from the added feed", "Mon, 02 Mar 2026 08:45:00 +0000")])
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        app.action_add_feed()
        await pilot.pause()
        app.screen.query_one(Input).value = str(feed_file)
        await pilot.press("enter")
        await settle(app, pilot)
        assert any(f.title == "Local test feed" for f in app.lib.feeds())
        assert any("Item from the added feed" in line for line in headline_titles(app))


async def test_import_opml_prompt(make_app, tmp_path: Path) -> None:
    feed_file = tmp_path / "opml-feed.xml"
    write_feed(feed_file, [(9, "Imported item", "Mon, 02 Mar 2026 08:50:00 +0000")])
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>'
        f'<outline type="rss" text="Mine" xmlUrl="{feed_file.as_uri()}"/></body></opml>',
        encoding="utf-8",
    )
    app = make_app()
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await settle(app, pilot)
        app.action_import_opml()
        await pilot.pause()
        app.screen.query_one(Input).value = str(opml)
        await pilot.press("enter")
        await settle(app, pilot)
        assert any("Imported 1 new feed" in n.message for n in app._notifications)
        assert any("Imported item" in line for line in headline_titles(app))


# -- remembered state -------------------------------------------------------------------------------


async def test_theme_choice_is_remembered(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.theme = "nord"
        await settle(app, pilot)
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        assert again.theme == "nord"


async def test_f_toggles_the_sidebar_and_it_is_remembered(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        assert app.main.has_class("-sidebar")
        await pilot.press("f")
        await settle(app, pilot)
        assert not app.main.has_class("-sidebar")
        assert not app.main.sidebar.display or not app.main.sidebar.region.width
    again = make_app()
    async with again.run_test(size=(140, 40)) as pilot:
        await settle(again, pilot)
        assert not again.main.has_class("-sidebar")


async def test_restart_returns_to_last_feed_and_article(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        feed = next(f for f in app.lib.feeds() if f.total >= 3)
        app.main.feed_list.focus()
        app.main.feed_list.select_key("all")
        app.main.feed_list.highlighted = app.main.feed_list._keys.index(f"feed:{feed.id}")
        await settle(app, pilot)
        await pilot.press("enter", "j", "enter")
        await settle(app, pilot)
        chosen = app.current_article.id
    again = make_app()
    async with again.run_test(size=(140, 40)) as pilot:
        await settle(again, pilot)
        assert again.view_key == f"feed:{feed.id}"
        assert again.main.feed_list.current_key == f"feed:{feed.id}"
        assert again.current_article is not None and again.current_article.id == chosen
        assert again.main.headline_list.current_id == chosen


# -- untrusted text ----------------------------------------------------------------------------------

HOSTILE = (
    "\x1b]52;c;ZXZpbA==\x07Evil\x1b[2J title [bold]not markup[/bold] "
    "\u202eright-to-left\u202c end\x07\x08"
)


async def test_hostile_titles_and_bodies_are_shown_harmlessly(make_app, tmp_path: Path) -> None:
    feed_file = tmp_path / "hostile.xml"
    from xml.sax.saxutils import escape

    body = escape("<p>Body \x1b[31mred\x1b[0m [link=x]click[/link] \u202eevil</p>")
    feed_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(HOSTILE)}</title><link>https://example.org/</link>"
        f"<item><title>{escape(HOSTILE)}</title><link>https://example.org/h</link>"
        "<guid>https://example.org/h</guid><pubDate>Mon, 02 Mar 2026 08:59:00 +0000</pubDate>"
        f"<description>{body}</description></item></channel></rss>".replace("\x07", "&#7;"),
        encoding="utf-8",
    )
    app = make_app()
    app.lib.add_feed(str(feed_file))
    list(app.lib.update(urls=[str(feed_file)]))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        shown = "\n".join(headline_titles(app) + visible_lines(app.main.feed_list))
        await pilot.press("enter")
        await settle(app, pilot)
        shown += "\n" + app.main.article_view.plain_text()
        for bad in ("\x1b", "\x07", "\x08", "\u202e", "\u202c", "]52;"):
            assert bad not in shown
        assert "[bold]not markup[/bold]" in shown  # shown as typed, not interpreted
        assert "Evil title" in shown


# -- scale -------------------------------------------------------------------------------------------


async def test_long_list_pages_rows_in_on_demand(tmp_path: Path) -> None:
    from reader.models import ParsedArticle, ParsedFeed

    lib = Library.open(tmp_path / "newsdeck.db", tmp_path / "config.toml", clock=fixed_clock)
    feed = lib.add_feed(str(write_big(tmp_path)))
    n = 3000
    articles = tuple(
        ParsedArticle(
            guid=f"g{i}",
            title=f"Headline number {i:05d}",
            link=f"https://example.org/{i}",
            published=datetime.fromtimestamp(FIXED_NOW - 60 * i, UTC),
            content="<p>x</p>",
        )
        for i in range(n)
    )
    lib.store.store_parsed(feed.id, ParsedFeed(title="Big", articles=articles))
    app = NewsdeckApp(lib, clock=fixed_clock, startup_refresh=False)
    try:
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(app, pilot)
            hl = app.main.headline_list
            assert len(hl.ids) == n
            assert len(hl._rows) <= 400  # only the first pages were read
            await pilot.press("G")
            await settle(app, pilot)
            assert hl.cursor == n - 1
            assert any(f"Headline number {n - 1:05d}" in line for line in headline_titles(app))
            await pilot.press("pageup")
            await settle(app, pilot)
            assert all("…" not in line[:6] for line in headline_titles(app) if line)

            # Newer articles arrive while the reader is deep in the list: the highlighted
            # headline stays on the same screen row.
            hl.select_index(1500)
            await settle(app, pilot)
            chosen, row = hl.current_id, hl.cursor - round(hl.scroll_y)
            newer = tuple(
                ParsedArticle(
                    guid=f"new{i}",
                    title=f"Newer headline {i}",
                    published=datetime.fromtimestamp(FIXED_NOW + 60 * (i + 1), UTC),
                    content="<p>y</p>",
                )
                for i in range(10)
            )
            lib.store.store_parsed(feed.id, ParsedFeed(title="Big", articles=newer))
            app.load_view(app.view_key, keep_selection=True)
            await settle(app, pilot)
            assert hl.current_id == chosen and hl.cursor == 1510
            assert hl.cursor - round(hl.scroll_y) == row
            assert headline_titles(app)[row].endswith(f"Headline number {1500:05d}")
    finally:
        lib.close()


def write_big(tmp_path: Path) -> Path:
    path = tmp_path / "big.xml"
    write_feed(path, [])
    return path


async def test_quitting_during_a_slow_refresh_is_immediate(make_app, stalling_server) -> None:
    server = stalling_server("silent")
    app = make_app("[fetch]\nconnect_timeout = 20\ntimeout = 30\n")
    app.lib.add_feed(server.url())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        for _ in range(100):  # until the request is waiting on the silent server
            if server.connections:
                break
            await pilot.pause(0.02)
        assert app.refreshing and server.connections
        started = time.monotonic()
        await pilot.press("q", "q")  # headlines -> feeds -> quit
    assert time.monotonic() - started < 3
    assert app.return_code == 0
