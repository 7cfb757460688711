"""What the reader looks like: SVG snapshots of its main screens on the sample feeds.

Deterministic by construction: the cache is the bundled samples fetched with a fixed clock, the
reader's clock is fixed, dates are shown in UTC, the terminal size is fixed, and every key flow
waits for its workers before the picture is taken.  Review changes in the HTML report
(``pytest --snapshot-report``) and accept them with ``--snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable

from test_tui import home, make_app, sample_db, settle, utc_timezone
from textual.pilot import Pilot

from reader.tui.app import NewsdeckApp

FIXTURES = (home, make_app, sample_db, utc_timezone)  # shared with test_tui.py


def keys(*presses: str) -> Callable[[Pilot], object]:
    async def run(pilot: Pilot) -> None:
        app = pilot.app
        assert isinstance(app, NewsdeckApp)
        await settle(app, pilot)
        for key in presses:
            await pilot.press(key)
            await settle(app, pilot)

    return run


def test_main_screen_on_the_samples(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(130, 36), run_before=keys())


def test_open_article(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(130, 36), run_before=keys("enter"))


def test_help_screen(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(110, 50), run_before=keys("question_mark"))


def test_search_results(snap_compare, make_app) -> None:
    assert snap_compare(
        make_app(),
        terminal_size=(130, 36),
        run_before=keys("slash", *"Kosovo Serbia", "enter"),
    )


def test_narrow_layout_headlines(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=keys())


def test_narrow_layout_article(snap_compare, make_app) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=keys("j", "enter"))
