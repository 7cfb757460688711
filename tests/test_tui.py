"""Keyboard and mouse flows of the reader, driven by Textual's Pilot over a real SQLite cache.

Every test starts from the bundled sample feeds fetched into a database in tmp_path (built once
per session, copied per test) and a fixed clock, so what the reader sees is the same every run.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.library import Library
from reader.models import ArticleFilter
from reader.tui.app import NewsdeckApp, known_binding_ids
from reader.tui.screens.help import HelpScreen, help_sections
from reader.tui.widgets.feed_list import FeedList
from reader.tui.widgets.headline_list import HeadlineList

FIXED_NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC).timestamp()
SEED_TITLE = "We Want to See Progress in the Kosovo–Serbia Dialogue"
SEED_TEXT = "NATO maintains its largest military mission in Kosovo (KFOR)"


def fixed_clock() -> float:
    return FIXED_NOW


@pytest.fixture(autouse=True)
def utc_timezone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Dates on screen are local time; pin the zone so every machine sees the same screen."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("samples")
    lib = Library.open(folder / "newsdeck.db", folder / "config.toml", clock=fixed_clock)
    assert lib.ensure_samples()
    results = list(lib.update())
    assert results and not [r for r in results if r.failed]
    lib.close()
    return folder / "newsdeck.db"


@pytest.fixture
def home(tmp_path: Path, sample_db: Path) -> Path:
    shutil.copy(sample_db, tmp_path / "newsdeck.db")
    return tmp_path


@pytest.fixture
def make_app(home: Path) -> Iterator[Callable[..., NewsdeckApp]]:
    opened: list[Library] = []

    def make(config: str = "", *, startup_refresh: bool = True) -> NewsdeckApp:
        (home / "config.toml").write_text(config, encoding="utf-8")
        lib = Library.open(home / "newsdeck.db", home / "config.toml", clock=fixed_clock)
        opened.append(lib)
        return NewsdeckApp(lib, clock=fixed_clock, startup_refresh=startup_refresh)

    yield make
    for lib in opened:
        lib.close()


async def settle(app: NewsdeckApp, pilot: Pilot) -> None:
    """Wait until workers and the messages they post have all been handled."""
    for _ in range(6):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            await pilot.pause()
            if not any(w.is_running for w in app.workers):
                return


def visible_lines(widget) -> list[str]:
    """What a Line-API widget shows on screen, as text."""
    height = widget.scrollable_content_region.height
    return [widget.render_line(y).text.strip() for y in range(height)]


def headline_titles(app: NewsdeckApp) -> list[str]:
    return visible_lines(app.main.headline_list)


def db_flags(home: Path, article_id: int) -> tuple[bool, bool]:
    lib = Library.open(home / "newsdeck.db", home / "config.toml")
    try:
        article = lib.article(article_id)
        assert article is not None
        return article.read, article.starred
    finally:
        lib.close()


# -- the first screen ---------------------------------------------------------------------------


async def test_first_start_subscribes_to_samples_and_shows_them(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "newsdeck.db", tmp_path / "config.toml", clock=fixed_clock)
    app = NewsdeckApp(lib, clock=fixed_clock)
    try:
        async with app.run_test(size=(140, 40)) as pilot:
            await settle(app, pilot)
            assert any(SEED_TITLE in line for line in headline_titles(app))
            assert len(app.main.headline_list.ids) == lib.counts()["all"] > 20
            # The list filled while the samples were read; the highlight stays on the newest.
            assert app.main.headline_list.cursor == 0
            assert SEED_TITLE in headline_titles(app)[0]
            assert "Refreshed" in app.main.status.text
            feeds = visible_lines(app.main.feed_list)
            assert feeds[0].startswith("All articles")
            assert any("RKS News" in line for line in feeds)
    finally:
        lib.close()


async def test_main_screen_lists_views_feeds_and_newest_first(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        feeds = visible_lines(app.main.feed_list)
        assert [line.split()[0] for line in feeds[:3]] == ["All", "Unread", "Starred"]
        assert feeds[1].endswith(str(app.lib.counts()["unread"]))
        rows = headline_titles(app)
        assert SEED_TITLE in rows[0] and "●" in rows[0] and "11 Feb" in rows[0]
        hl = app.main.headline_list
        dates = [h.published for h in app.lib.headlines(hl.ids)]
        assert dates == sorted(dates, reverse=True)


# -- moving and opening ------------------------------------------------------------------------


async def test_j_k_move_and_enter_opens_and_marks_read(make_app, home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        hl = app.main.headline_list
        unread_before = app.lib.counts()["unread"]
        await pilot.press("j", "j", "k")
        assert hl.cursor == 1
        second = hl.ids[1]
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.current_article is not None and app.current_article.id == second
        assert app.focused is app.main.article_view
        assert db_flags(home, second)[0] is True
        assert app.lib.counts()["unread"] == unread_before - 1
        assert "●" not in headline_titles(app)[1]
        feeds = visible_lines(app.main.feed_list)
        assert feeds[1].endswith(str(unread_before - 1))


async def test_article_pane_shows_header_and_body(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        text = app.main.article_view.plain_text()
        assert SEED_TITLE in " ".join(text.split())
        assert "RKS News" in text and "Wed 11 Feb 2026" in text
        assert "https://rks.news/" in text
        assert SEED_TEXT in " ".join(text.split())
        sidebar = app.main.sidebar
        assert sidebar.query_one("#s-article").display
        assert app.main.has_class("-sidebar")  # wide enough: on by default


async def test_mark_read_on_open_can_be_turned_off(make_app, home: Path) -> None:
    app = make_app("[reader]\nmark_read_on_open = false\n")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        first = app.main.headline_list.ids[0]
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.current_article is not None and app.current_article.id == first
        assert db_flags(home, first)[0] is False


async def test_tab_cycles_panes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        assert app.focused is app.main.headline_list
        await pilot.press("tab")
        assert app.focused is app.main.article_view
        await pilot.press("tab")
        assert isinstance(app.focused, FeedList)
        await pilot.press("tab")
        assert app.focused is app.main.headline_list
        await pilot.press("shift+tab")
        assert isinstance(app.focused, FeedList)


async def test_feed_list_selects_view(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("shift+tab")  # to the feeds
        rks = next(f for f in app.lib.feeds() if f.title == "RKS News")
        app.main.feed_list.select_key(f"feed:{rks.id}")
        await pilot.press("j", "k")  # moving announces the view
        await settle(app, pilot)
        assert app.view_key == f"feed:{rks.id}"
        assert app.main.headline_list.ids == app.lib.article_ids(ArticleFilter(feed_id=rks.id))
        await pilot.press("enter")
        assert app.focused is app.main.headline_list
        title = str(app.main.query_one("#headlines-pane").border_title)
        assert "RKS News" in title


async def test_space_pages_then_opens_next_unread(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        hl = app.main.headline_list
        first, second = hl.ids[0], hl.ids[1]
        await pilot.press("enter")
        await settle(app, pilot)
        view = app.main.article_view
        assert view.max_scroll_y > 0
        await pilot.press("space")
        assert view.scroll_y > 0 and app.current_article.id == first
        for _ in range(40):
            if view.at_end:
                break
            await pilot.press("space")
        await pilot.press("space")
        await settle(app, pilot)
        assert app.current_article.id == second
        assert hl.current_id == second


async def test_n_and_N_move_between_unread(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        hl = app.main.headline_list
        ids = list(hl.ids)
        app.lib.mark_read([ids[1], ids[2]])
        app.load_view("all", select_id=ids[0])
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert app.current_article.id == ids[3]  # skipped the two read ones
        await pilot.press("N")
        await settle(app, pilot)
        assert app.current_article.id == ids[0]


async def test_m_toggles_read_and_s_toggles_star(make_app, home: Path) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        first = app.main.headline_list.ids[0]
        await pilot.press("m")
        await settle(app, pilot)
        assert db_flags(home, first) == (True, False)
        assert "●" not in headline_titles(app)[0]
        await pilot.press("m", "s")
        await settle(app, pilot)
        assert db_flags(home, first) == (False, True)
        assert "★" in headline_titles(app)[0]
        starred = visible_lines(app.main.feed_list)[2]
        assert starred.startswith("Starred") and starred.endswith("1")


async def test_A_marks_the_feed_read(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        feed = next(f for f in app.lib.feeds() if f.unread > 2)
        app.main.feed_list.select_key(f"feed:{feed.id}")
        app.view_key = f"feed:{feed.id}"
        app.load_view(app.view_key)
        await settle(app, pilot)
        await pilot.press("A")
        await settle(app, pilot)
        assert app.lib.feed(feed.id).unread == 0
        assert app.lib.counts()["unread"] > 0  # only that feed
        assert not any("●" in line for line in headline_titles(app))


async def test_starred_view_lists_starred_articles(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        third = app.main.headline_list.ids[2]
        await pilot.press("j", "j", "s")
        await settle(app, pilot)
        app.main.feed_list.focus()
        app.main.feed_list.select_key("unread")
        await pilot.press("j")  # Unread -> Starred
        await settle(app, pilot)
        assert app.view_key == "starred"
        assert app.main.headline_list.ids == [third]


async def test_mouse_click_selects_and_opens(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        hl = app.main.headline_list
        await pilot.click(HeadlineList, offset=(20, 3))
        await settle(app, pilot)
        assert hl.cursor == 3
        assert app.current_article is not None and app.current_article.id == hl.ids[3]


# -- search ------------------------------------------------------------------------------------------


async def test_search_shows_ranked_results_and_escape_returns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        hl = app.main.headline_list
        await pilot.press("j", "j")
        before = hl.current_id
        await pilot.press("slash")
        assert app.focused is app.main.search_bar
        await pilot.press(*"Banjska", "enter")
        await settle(app, pilot)
        assert hl.in_search and len(hl.ids) >= 1
        lines = headline_titles(app)
        assert SEED_TITLE in lines[0]
        assert "Banjska" in lines[1] and "…" in lines[1]  # the snippet line
        assert "Search: Banjska" in str(app.main.query_one("#headlines-pane").border_title)
        await pilot.press("enter")
        await settle(app, pilot)
        assert SEED_TEXT in " ".join(app.main.article_view.plain_text().split())
        await pilot.press("escape")  # article -> results
        await pilot.press("escape")  # results -> the view they replaced
        await settle(app, pilot)
        assert not hl.in_search
        assert hl.current_id == before


async def test_escape_in_search_box_cancels(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", "x", "escape")
        assert not app.main.search_bar.display
        assert app.focused is app.main.headline_list
        assert not app.main.headline_list.in_search


# -- links -------------------------------------------------------------------------------------------


async def test_y_copies_the_link(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("y")
        await settle(app, pilot)
        assert app.clipboard.startswith("https://rks.news/we-want-to-see-progress")
        assert any("Copied" in n.message for n in app._notifications)


async def test_o_opens_the_link_in_the_configured_browser(make_app, tmp_path: Path) -> None:
    record = tmp_path / "opened.txt"
    script = tmp_path / "browser.py"
    script.write_text(
        f"import sys, pathlib\npathlib.Path({str(record)!r}).write_text(sys.argv[1])\n"
    )
    app = make_app(f'[reader]\nbrowser = "{sys.executable} {script} %s"\n')
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        await settle(app, pilot)
        for _ in range(100):  # the browser is a separate process
            if record.exists() and record.read_text():
                break
            await pilot.pause(0.05)
        assert record.read_text().startswith("https://rks.news/we-want-to-see-progress")


# -- refresh --------------------------------------------------------------------------------------------

# -- help, keymap, palette, themes ------------------------------------------------------------------------


async def test_help_is_built_from_live_bindings_and_keymap(make_app) -> None:
    app = make_app('[keys]\ncursor-down = "ctrl+n"\nrefresh = "R"\n')
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        sections = dict(help_sections(app))
        reading = {desc: keys for keys, desc, _ in sections["Reading"]}
        assert reading["Refresh all feeds"] == "R"
        headlines = {ident: keys for keys, _desc, ident in sections["Headlines"]}
        assert headlines["cursor-down"] == "^n"
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("ctrl+n")
        assert app.main.headline_list.cursor == 1
        await pilot.press("j")  # no longer bound
        assert app.main.headline_list.cursor == 1


async def test_bad_keys_and_theme_in_config_are_named(make_app) -> None:
    app = make_app('[reader]\ntheme = "no-such-theme"\n[keys]\nscroll-sideways = "x"\n')
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(app, pilot)
        errors = sorted(n.message for n in app._notifications if n.severity == "error")
        assert len(errors) == 2
        assert "keys.scroll-sideways: no such binding id" in errors[0]
        assert "reader.theme: no theme named 'no-such-theme'" in errors[1]
        assert app.theme == "textual-dark"  # and the reader works on


def test_every_binding_has_an_id() -> None:
    from textual.binding import Binding

    from reader.tui.screens.main import MainScreen
    from reader.tui.widgets.article_view import ArticleView
    from reader.tui.widgets.fact_sidebar import FactSidebar

    for cls in (NewsdeckApp, MainScreen, HeadlineList, FeedList, ArticleView, FactSidebar):
        for binding in cls.BINDINGS:
            assert isinstance(binding, Binding) and binding.id, (cls.__name__, binding)
    assert {"refresh", "search", "toggle-sidebar", "copy-link", "open-browser"} <= (
        known_binding_ids()
    )


async def test_palette_commands(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {
            "Refresh feeds",
            "Mark all read",
            "Toggle sidebar",
            "Switch theme",
            "Import OPML",
            "Add feed",
        } <= titles


# -- quitting ----------------------------------------------------------------------


async def test_q_goes_back_then_quits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.main.pane == "article"
        await pilot.press("q")
        assert app.main.pane == "headlines"
        await pilot.press("q")
        assert app.main.pane == "feeds"
        await pilot.press("escape")  # escape never quits
        assert app.is_running
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


# -- narrow layout -------------------------------------------------------------------------------------------


async def test_narrow_layout_shows_one_pane_at_a_time(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        main = app.main
        assert main.has_class("-narrow")
        assert main.query_one("#headlines-pane").display
        assert main.query_one("#feeds-pane").region.width == 0
        await pilot.press("enter")
        await settle(app, pilot)
        assert main.pane == "article" and main.query_one("#headlines-pane").region.width == 0
        assert main.article_view.region.width > 70
        await pilot.press("f")  # the facts replace the article
        assert main.sidebar.region.width > 70 and main.article_view.region.width == 0
        await pilot.press("f", "q")
        assert main.pane == "headlines" and main.headline_list.region.width > 70
        await pilot.press("escape")
        assert main.pane == "feeds" and main.feed_list.region.width > 70
        await pilot.press("enter")
        assert main.pane == "headlines"
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert not main.has_class("-narrow")
        assert main.feed_list.region.width > 0 and main.headline_list.region.width > 0


# -- untrusted text ---------------------------------------------------------------------------------------------


# -- scale ----------------------------------------------------------------------------------------------------------


def test_reader_tui_is_the_only_textual_user() -> None:
    root = Path(__file__).resolve().parent.parent / "reader"
    for path in root.rglob("*.py"):
        if "tui" in path.relative_to(root).parts:
            continue
        assert "import textual" not in path.read_text(encoding="utf-8"), path
        assert "from textual" not in path.read_text(encoding="utf-8"), path
