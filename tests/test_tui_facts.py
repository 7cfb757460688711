"""The fact sidebar, driven through Pilot on the bundled sample feeds in a real SQLite cache.

It lists what the seed article states, leads back into the text (moving onto a fact marks every
occurrence) and out to the other cached articles that mention a person, organisation or place.
"""

from __future__ import annotations

from test_tui import home, make_app, sample_db, settle, utc_timezone
from textual.pilot import Pilot

from reader.tui.app import NewsdeckApp
from reader.tui.widgets.fact_sidebar import FactSidebar

FIXTURES = (home, make_app, sample_db, utc_timezone)  # shared with test_tui.py
SEED_TITLE = "We Want to See Progress in the Kosovo–Serbia Dialogue"


async def open_seed(app: NewsdeckApp, pilot: Pilot) -> None:
    await settle(app, pilot)
    await pilot.press("enter")  # the seed article is the newest
    await settle(app, pilot)
    assert app.current_article is not None and SEED_TITLE in app.current_article.title


async def focus_sidebar(app: NewsdeckApp, pilot: Pilot) -> FactSidebar:
    """From the article, tab once: the sidebar is the next stop."""
    assert app.focused is app.main.article_view
    await pilot.press("tab")
    sidebar = app.main.sidebar
    assert app.focused is sidebar
    return sidebar


async def move_onto(pilot: Pilot, sidebar: FactSidebar, text: str) -> None:
    """From the top, press j until the cursor is on the row that reads ``text`` (or starts
    with it: "KFOR" is the row "KFOR (Kosovo Force)"), as a reader would."""
    await pilot.press("g")
    for _ in range(len(sidebar.entries)):
        current = sidebar.current
        if current is not None and (current.text == text or current.name == text):
            return
        await pilot.press("j")
    raise AssertionError(f"no row shows {text!r}")


def headlines_title(app: NewsdeckApp) -> str:
    return str(app.main.query_one("#headlines-pane").border_title)


async def test_sidebar_lists_what_the_seed_article_states(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_seed(app, pilot)
        sidebar = app.main.sidebar
        numbers = [e.text for e in sidebar.section_entries("numbers")]
        assert {"4,636 troops", "33 countries", "1,000 soldiers"} <= set(numbers)
        dates = [e.text for e in sidebar.section_entries("dates")]
        assert "May 2023" in dates
        # Relative and partial dates carry what they resolve to.
        assert "September of that year (Sep 2023)" in dates
        assert "February 12 (12 Feb 2026)" in dates
        places = {e.text: e.count for e in sidebar.section_entries("places")}
        assert places["Banjska"] == 1 and places["Kosovo"] >= 5
        assert {"Serbia", "Belgrade", "Pristina", "Brussels", "Bosnia and Herzegovina"} <= set(
            places
        )
        organisations = [e.text for e in sidebar.section_entries("organisations")]
        assert any(text.startswith("KFOR") for text in organisations)
        assert any(text.startswith("NATO") for text in organisations)
        quoted = {e.name: e.count for e in sidebar.section_entries("quoted")}
        assert sum(quoted.values()) == 6 and "a NATO official" in quoted
        # Each fact once, with its count, on screen.
        shown = sidebar.plain_text()
        for heading in ("Article", "Quoted", "Numbers", "Dates", "Organisations", "Places"):
            assert heading in shown.splitlines()
        assert shown.count("Banjska") == 1 and "4,636 troops" in shown
        kosovo = next(line for line in shown.splitlines() if line.startswith("Kosovo "))
        assert kosovo.split()[-1] == str(places["Kosovo"])


async def test_moving_onto_kfor_highlights_its_mentions(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_seed(app, pilot)
        sidebar = await focus_sidebar(app, pilot)
        view = app.main.article_view
        assert sidebar.cursor == 0  # focusing lands on the first row
        await move_onto(pilot, sidebar, "KFOR")
        text = app.current_document.text
        selected = view.selection
        assert len(selected) == 6 and {text[a:b] for a, b in selected} == {"KFOR"}
        assert [a for a, _ in selected] == [
            i for i in range(len(text)) if text.startswith("KFOR", i)
        ]
        for start, _end in selected:
            assert "fact-selected" in view.styles_at(start)
        # On screen: the first mention is in view, drawn in the selection colour.
        line = view.line_of_offset(selected[0][0])
        assert line is not None
        top = round(view.scroll_y)
        assert top <= line < top + view.scrollable_content_region.height
        drawn = view.lines[line]
        x = drawn.plain.index("KFOR")
        style = drawn.get_style_at_offset(app.console, x)
        assert style.bgcolor == view._style("fact-selected").bgcolor is not None
        # Moving on replaces the selection.
        await pilot.press("j")
        assert sidebar.current is not None and "KFOR" not in sidebar.current.text
        assert not any(text[a:b] == "KFOR" for a, b in view.selection)


async def test_moving_onto_a_speaker_highlights_their_quotations(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_seed(app, pilot)
        sidebar = await focus_sidebar(app, pilot)
        await move_onto(pilot, sidebar, "a representative")
        view = app.main.article_view
        quote = next(q for q in view.quotes if q.speaker == "a representative")
        assert len(view.selection) == 1
        start, end = view.selection[0]
        assert start <= quote.start and end >= quote.end  # the quotation, marks included
        assert "fact-selected" in view.styles_at(quote.start)
        assert "fact-selected" not in view.styles_at(view.quotes[1].start)  # another speaker
        # "NATO Official" (the headline), "a NATO official" and "the NATO official" are one
        # speaker: both body quotations are selected and the headline's is marked too.
        await move_onto(pilot, sidebar, "a NATO official")
        assert len(view.selection) == 2
        header = view.lines[0]
        x = header.plain.index("We Want")
        assert header.get_style_at_offset(app.console, x).bgcolor is not None


async def test_enter_on_a_date_steps_through_its_occurrences(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(130, 26)) as pilot:  # a short pane: they are a page apart
        await open_seed(app, pilot)
        sidebar = await focus_sidebar(app, pilot)
        await move_onto(pilot, sidebar, "2023")
        view = app.main.article_view
        text = app.current_document.text
        assert [text[a:b] for a, b in view.selection] == ["2023", "2023"]
        height = view.scrollable_content_region.height

        def shown(offset: int) -> bool:
            line = view.line_of_offset(offset)
            assert line is not None
            return round(view.scroll_y) <= line < round(view.scroll_y) + height

        first, second = (a for a, _ in view.selection)
        assert shown(first)
        await pilot.press("enter")
        assert shown(second) and app.focused is sidebar and not app.main.headline_list.in_search
        await pilot.press("enter")
        assert shown(first)


async def test_enter_on_kosovo_lists_the_other_articles_and_escape_returns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_seed(app, pilot)
        seed = app.current_article
        assert seed is not None
        headlines = app.main.headline_list
        before_title = headlines_title(app)
        before_ids = list(headlines.ids)
        sidebar = await focus_sidebar(app, pilot)
        await move_onto(pilot, sidebar, "Kosovo")
        assert sidebar.current is not None and sidebar.current.name == "Kosovo"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.focused is headlines and headlines.in_search
        ids = list(headlines.ids)
        assert len(ids) >= 2 and seed.id not in ids
        assert headlines_title(app) == f"Mentions of Kosovo · {len(ids)} articles"
        for article_id in ids:
            article = app.lib.article(article_id)
            assert article is not None
            body = f"{article.title} {article.content} {article.summary}"
            assert "Kosovo" in body
        # Ranked: titles weigh more, so the first hits name Kosovo in their headline.
        assert "Kosovo" in (app.lib.article(ids[0]).title or "")
        assert app.current_article == seed  # the article stays open beside the list
        await pilot.press("escape")
        await settle(app, pilot)
        assert not headlines.in_search
        assert headlines_title(app) == before_title and list(headlines.ids) == before_ids
        assert headlines.current_id == seed.id


async def test_enter_on_an_organisation_searches_every_name_it_goes_by(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_seed(app, pilot)
        sidebar = await focus_sidebar(app, pilot)
        await move_onto(pilot, sidebar, "KFOR")
        await pilot.press("enter")
        await settle(app, pilot)
        headlines = app.main.headline_list
        assert headlines_title(app).startswith("Mentions of KFOR · ")
        titles = [app.lib.article(i).title for i in headlines.ids]
        assert any("KFOR" in (t or "") for t in titles)


async def test_tab_visits_the_sidebar_when_it_has_facts(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_seed(app, pilot)
        main = app.main
        assert app.focused is main.article_view
        await pilot.press("G")  # read to the end; tabbing over must not move the article
        bottom = main.article_view.scroll_y
        assert bottom > 0
        await pilot.press("tab")
        assert app.focused is main.sidebar and main.pane == "article"
        assert main.sidebar.cursor == 0 and main.article_view.scroll_y == bottom
        await pilot.press("tab")
        assert app.focused is main.feed_list
        await pilot.press("shift+tab")
        assert app.focused is main.sidebar
        await pilot.press("shift+tab")
        assert app.focused is main.article_view
        # Hidden, it is no stop (and does not keep the focus).
        await pilot.press("tab")
        assert app.focused is main.sidebar
        await pilot.press("f")
        assert not main.has_class("-sidebar") and app.focused is main.article_view
        await pilot.press("tab")
        assert app.focused is main.feed_list


async def test_clicking_a_fact_selects_it(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_seed(app, pilot)
        sidebar = app.main.sidebar
        index = sidebar.find("33 countries")
        assert index is not None
        body = sidebar.query_one("#s-numbers")
        row = [e.text for e in sidebar.section_entries("numbers")].index("33 countries")
        sidebar.scroll_to_widget(body, animate=False, immediate=True)
        await pilot.pause()
        await pilot.click(body, offset=(2, row))
        assert app.focused is sidebar and sidebar.cursor == index
        text = app.current_document.text
        assert [text[a:b] for a, b in app.main.article_view.selection] == ["33 countries"]


async def test_narrow_f_swaps_the_article_for_its_facts(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_seed(app, pilot)
        main = app.main
        assert main.pane == "article" and app.focused is main.article_view
        await pilot.press("f")
        assert main.sidebar.region.width > 70 and main.article_view.region.width == 0
        assert app.focused is main.sidebar  # so j/k move over the facts
        await pilot.press("j")
        assert main.sidebar.cursor == 1
        await pilot.press("f")
        assert app.focused is main.article_view and main.article_view.region.width > 70


async def test_the_next_article_replaces_the_facts(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(140, 40)) as pilot:
        await open_seed(app, pilot)
        sidebar = app.main.sidebar
        assert sidebar.find("Banjska") is not None
        await pilot.press("shift+tab")  # to the headlines
        await pilot.press("j", "enter")
        await settle(app, pilot)
        assert app.current_article is not None and "Crew-8" in app.current_article.title
        assert sidebar.find("Banjska") is None
        assert sidebar.find("NASA") is not None
        assert app.main.article_view.selection == ()
