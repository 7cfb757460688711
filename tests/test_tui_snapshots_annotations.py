"""What quotations and facts look like: SVG snapshots of the article pane and the fact sidebar.

Deterministic like tests/test_tui_snapshots.py: the bundled samples fetched with a fixed clock
(or one real HTML fixture served as a feed file), the reader's clock fixed, UTC, a fixed terminal
size, and every key flow waits for its workers (the quotes and facts arrive from one) before the
picture is taken.  Review changes with ``pytest --snapshot-report`` and accept them with
``--snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable

from test_tui import home, make_app, sample_db, settle, utc_timezone
from test_tui_facts import move_onto
from test_tui_quotes import article_feed_app
from textual.pilot import Pilot

from reader.tui.app import NewsdeckApp

FIXTURES = (home, make_app, sample_db, utc_timezone, article_feed_app)


def keys(*presses: str, fact: str | None = None) -> Callable[[Pilot], object]:
    """Press keys, waiting for the workers after each; then put the sidebar cursor on ``fact``."""

    async def run(pilot: Pilot) -> None:
        app = pilot.app
        assert isinstance(app, NewsdeckApp)
        await settle(app, pilot)
        for key in presses:
            await pilot.press(key)
            await settle(app, pilot)
        if fact is not None:
            await move_onto(pilot, app.main.sidebar, fact)
            await settle(app, pilot)

    return run


def test_seed_article_quotes_and_sidebar(snap_compare, make_app) -> None:
    """The six quotations highlighted (the headline's too), speakers emphasised, the facts."""
    assert snap_compare(make_app(), terminal_size=(150, 48), run_before=keys("enter"))


def test_seed_article_third_quote(snap_compare, make_app) -> None:
    """After ] ] ]: the third quotation is current, scrolled into view, named below the pane."""
    assert snap_compare(
        make_app(),
        terminal_size=(150, 40),
        run_before=keys("enter", *["right_square_bracket"] * 3),
    )


def test_seed_article_kfor_selected(snap_compare, make_app) -> None:
    """The sidebar has the focus and its cursor on KFOR: every mention of it is marked."""
    assert snap_compare(
        make_app(), terminal_size=(150, 40), run_before=keys("enter", "tab", fact="KFOR")
    )


def test_article_with_lists_table_image_and_links(snap_compare, article_feed_app) -> None:
    """Wikipedia's "Mozilla" page (a real fixture): an infobox table, an image, numbered
    links, a quotation, a block quote and a list, read in the one-pane layout."""
    assert snap_compare(article_feed_app(), terminal_size=(90, 64), run_before=keys("enter"))


def test_article_links_list(snap_compare, article_feed_app) -> None:
    """The end of the same article: the list of links, numbered as in the text."""
    assert snap_compare(article_feed_app(), terminal_size=(90, 40), run_before=keys("enter", "G"))
