"""Article HTML and text become blocks of styled spans over one plain text with exact offsets."""

from __future__ import annotations

import html as htmllib
import json
from pathlib import Path

import pytest

from reader.content.document import Block, Document, from_html, from_text
from reader.sanitize import neutralize

FIXTURES = Path(__file__).parent / "fixtures" / "html"
EXAMPLES = Path("/work/shared/examples")
SEED = EXAMPLES / "seed-article.txt"
BASE = "http://fakehost/test/page.html"


def seed_html() -> str:
    """The seed article as a feed would carry it: headline <h1>, paragraphs <p>, lines <br>."""
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    parts = [f"<h1>{htmllib.escape(paragraphs[0])}</h1>"]
    for p in paragraphs[1:]:
        if p == "Kosovo–Serbia Dialogue and the Western Balkans":
            parts.append(f"<h2>{htmllib.escape(p)}</h2>")
        else:
            parts.append(f"<p>{htmllib.escape(p).replace(chr(10), '<br>')}</p>")
    return "\n".join(parts)


def load(name: str) -> Document:
    return from_html((FIXTURES / name).read_text(encoding="utf-8"), BASE)


def texts(doc: Document, kind: str | None = None) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks if kind is None or b.kind == kind]


def block_with(doc: Document, needle: str) -> Block:
    for b in doc.blocks:
        if needle in doc.text[b.start : b.end]:
            return b
    raise AssertionError(f"no block contains {needle!r}")


def span_texts(doc: Document, style: str) -> list[str]:
    return [doc.text[s.start : s.end] for b in doc.blocks for s in b.spans if style in s.styles]


def assert_consistent(doc: Document) -> None:
    """Blocks tile the text in order, joined by blank lines; spans stay inside their block."""
    assert "\n\n".join(texts(doc)) == doc.text
    previous_end = -2
    for b in doc.blocks:
        assert b.start == previous_end + 2
        previous_end = b.end
        for s in b.spans:
            assert b.start <= s.start < s.end <= b.end
            assert s.link is None or 1 <= s.link <= len(doc.links)
    assert neutralize(doc.text) == doc.text  # nothing unsafe reached the model


@pytest.mark.parametrize(
    "name",
    [
        "wikipedia_mozilla.html",
        "mercurial_evolve.html",
        "factorio_fff282.html",
        "spec_examples.html",
    ],
)
def test_every_fixture_gives_consistent_offsets(name: str) -> None:
    assert_consistent(load(name))


def test_paragraphs_keep_bold_links_and_footnote_marks() -> None:
    doc = load("wikipedia_mozilla.html")
    lead = block_with(doc, "is a free-software community")
    assert lead.kind == "paragraph"
    assert doc.text[lead.start : lead.end].startswith(
        "Mozilla is a free-software community, created"
    )
    assert "Mozilla" in span_texts(doc, "bold")
    assert "[1]" in span_texts(doc, "sup")
    free = next(s for s in lead.spans if doc.text[s.start : s.end] == "free-software")
    assert "link" in free.styles
    assert doc.links[free.link - 1] == "http://fakehost/wiki/Free_software"
    # in-page anchors (#cite_note-1) are not links a reader can open
    assert not any("#cite_note" in url for url in doc.links)


def test_the_same_url_gets_the_same_number() -> None:
    doc = load("wikipedia_mozilla.html")
    netscape = [
        s.link for b in doc.blocks for s in b.spans if doc.text[s.start : s.end] == "Netscape"
    ]
    assert len(netscape) == 1
    founder = block_with(doc, "Netscape Communications Corporation")
    linked = [s.link for s in founder.spans if s.link is not None]
    assert doc.links[netscape[0] - 1] == "http://fakehost/wiki/Netscape"
    assert netscape[0] in linked
    assert len(doc.links) == len(set(doc.links))


def test_headings_have_their_levels() -> None:
    doc = load("wikipedia_mozilla.html")
    headings = [(b.level, doc.text[b.start : b.end]) for b in doc.blocks if b.kind == "heading"]
    assert (2, "History[edit]") in headings
    assert (3, "Pledge[edit]") in headings
    assert (4, "NSS[edit]") in headings


def test_infobox_table_rows_caption_and_cells() -> None:
    doc = load("wikipedia_mozilla.html")
    kinds = [b.kind for b in doc.blocks]
    assert kinds[:2] == ["caption", "table"]
    assert texts(doc)[0] == "Mozilla"
    table = doc.blocks[1]
    assert table.rows is not None
    rows = {row[0]: row[1] for row in table.rows if len(row) == 2}
    assert rows["Industry"] == "Open-source software"
    assert rows["Founded"] == "February 28, 1998; 18 years ago"
    assert rows["Divisions"] == "• Mozilla Corporation • Mozilla Foundation"
    assert rows["Website"] == "mozilla.org/,%20https://www.mozilla.org/tr/"  # <wbr> joins
    assert table.rows[0][0] == "[image: Mozilla dinosaur head logo.png]"
    # the table's text is its cells joined by " | " per row and rows by newlines
    assert doc.text[table.start : table.end] == "\n".join(" | ".join(r) for r in table.rows)
    # <th> cells are bold
    assert "Industry" in span_texts(doc, "bold")


def test_spec_table_with_implied_end_tags() -> None:
    doc = load("spec_examples.html")
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.rows == (
        ("Negative", "Characteristic", "Positive"),
        ("Sad", "Mood", "Happy"),
        ("Failing", "Grade", "Passing"),
    )
    caption_index = doc.blocks.index(table) - 1
    assert doc.blocks[caption_index].kind == "caption"
    assert texts(doc)[caption_index] == "Characteristics with positive and negative sides"
    bold = {doc.text[s.start : s.end] for s in table.spans if "bold" in s.styles}
    assert {"Negative", "Characteristic", "Positive", "Mood", "Grade"} <= bold
    assert "Sad" not in bold


def test_images_in_table_cells_stay_short() -> None:
    doc = load("factorio_fff282.html")
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.rows is not None
    assert table.rows[0][1] == "General UX"
    assert table.rows[1] == ("Load map", *["[img]"] * 8)
    assert table.rows[2][0] == "Quick bar Twinsen"


def test_blockquote_and_the_list_inside_it() -> None:
    doc = load("wikipedia_mozilla.html")
    quote = block_with(doc, "The Mozilla Foundation pledges")
    assert quote.kind == "blockquote"
    assert quote.level == 1
    items = [b for b in doc.blocks if b.kind == "list_item" and b.start > quote.start]
    assert len(items) == 5
    assert all(b.marker == "•" for b in items)


def test_nested_lists_have_depths_and_bullets() -> None:
    doc = load("mercurial_evolve.html")
    items = [
        (b.level, b.marker, doc.text[b.start : b.end]) for b in doc.blocks if b.kind == "list_item"
    ]
    assert items[:4] == [
        (1, "•", "Evolve: Shared Mutable History"),
        (2, "◦", "Sharing with a single developer"),
        (3, "▪", "Publishing and non-publishing repositories"),
        (3, "▪", "Setting up"),
    ]
    assert (2, "◦", "Conclusion") in items


def test_ordered_list_numbers_and_definition_list() -> None:
    doc = load("spec_examples.html")
    ordered = [(b.marker, doc.text[b.start : b.end]) for b in doc.blocks if b.kind == "list_item"][
        :4
    ]
    assert ordered == [
        ("1.", "Switzerland"),
        ("2.", "United Kingdom"),
        ("3.", "United States"),
        ("4.", "Norway"),
    ]
    authors = block_with(doc, "Authors")
    assert authors.kind == "paragraph"
    assert [doc.text[s.start : s.end] for s in authors.spans if "bold" in s.styles] == ["Authors"]
    john = block_with(doc, "John")
    assert (john.kind, john.marker, john.level) == ("list_item", None, 1)


def test_ordered_list_start_reversed_and_type() -> None:
    doc = from_html(
        (FIXTURES / "spec_examples.html")
        .read_text(encoding="utf-8")
        .replace("<ol>", '<ol reversed type="i">')
    )
    markers = [b.marker for b in doc.blocks if b.kind == "list_item"][:4]
    assert markers == ["iv.", "iii.", "ii.", "i."]


def test_figure_image_and_caption() -> None:
    doc = load("spec_examples.html")
    image = next(b for b in doc.blocks if b.kind == "image")
    assert doc.text[image.start : image.end] == (
        "[image: Bubbles, sitting in his office chair, works on his latest project intently.]"
    )
    assert image.src == "http://fakehost/test/bubbles-work.jpeg"
    following = doc.blocks[doc.blocks.index(image) + 1]
    assert (following.kind, doc.text[following.start : following.end]) == (
        "caption",
        "Bubbles at work",
    )


def test_image_without_alt_and_rule() -> None:
    doc = load("wikipedia_mozilla.html")
    image = next(b for b in doc.blocks if b.kind == "image")
    assert doc.text[image.start : image.end] == "[image: image]"
    assert image.src.endswith("220px-Mozilla_Firefox_logo_2013.svg.png")
    spec = load("spec_examples.html")
    rule = next(b for b in spec.blocks if b.kind == "rule")
    before, after = (
        spec.blocks[spec.blocks.index(rule) - 1],
        spec.blocks[spec.blocks.index(rule) + 1],
    )
    assert spec.text[before.start : before.end].endswith("Topic A.")
    assert spec.text[after.start : after.end].endswith("Topic B.")


def test_pre_keeps_its_lines_and_code_spans() -> None:
    doc = load("mercurial_evolve.html")
    pres = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "pre"]
    assert pres[1] == "[phases]\npublish = false\n\n[extensions]\nevolve ="
    assert "$ echo 'my new project' > file1\n$ hg add file1" in pres[2]
    assert "evolve" in span_texts(doc, "code")
    assert "shared" in span_texts(doc, "italic")


def test_line_breaks_and_double_breaks() -> None:
    doc = from_html(seed_html())
    assert "RKS NEWS\nRKS NEWS 4 Min Read\n4 Min Read" in texts(doc)
    doc = from_html("<p>First paragraph.<br><br>Second paragraph.</p>")
    assert texts(doc) == ["First paragraph.", "Second paragraph."]


def test_seed_html_text_matches_the_seed_paragraphs() -> None:
    doc = from_html(seed_html())
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    assert texts(doc) == [p.strip() for p in paragraphs]
    assert doc.blocks[0].kind == "heading"
    labels = json.loads((EXAMPLES / "seed-article.labels.json").read_text(encoding="utf-8"))
    for quote in labels["quotes"]:
        assert quote["text"] in doc.text


def test_from_text_offsets_are_the_file_offsets() -> None:
    raw = SEED.read_text(encoding="utf-8")
    doc = from_text(raw)
    assert doc.text == raw
    assert_consistent_text(doc)
    labels = json.loads((EXAMPLES / "seed-article.labels.json").read_text(encoding="utf-8"))
    for quote in labels["quotes"]:
        start = raw.index(quote["text"])
        block = doc.blocks[doc.block_index_at(start)]
        assert block.start <= start < start + len(quote["text"]) <= block.end
        assert doc.text[start : start + len(quote["text"])] == quote["text"]
    paragraphs = [p for p in raw.split("\n\n") if p.strip()]
    assert [doc.text[b.start : b.end] for b in doc.blocks] == [p.strip() for p in paragraphs]
    assert doc.word_count == len(raw.split())


def assert_consistent_text(doc: Document) -> None:
    for b in doc.blocks:
        piece = doc.text[b.start : b.end]
        assert piece == piece.strip() and "\n\n" not in piece


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_from_text_on_every_example(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    doc = from_text(raw)
    assert doc.text == raw
    assert_consistent_text(doc)
    # no word is lost between the blocks
    blocks_text = " ".join(doc.text[b.start : b.end] for b in doc.blocks)
    assert blocks_text.split() == raw.split()


HOSTILE = (
    "<h1>\x1b]0;owned\x07Title \x1b[2J\u202egnp.exe\u202c</h1>"
    "<p>NATO\x00 official\u200bs&shy; said &#x202E;reversed&#x202C; "
    "<a href='javascript:alert(1)'>click</a> <a href='data:text/html,x'>data</a> "
    "<a href='https://nato.int/\x1b[31m'>real</a></p>"
    "<script>document.write('x')</script><style>p{}</style>"
    "<iframe src='https://evil.example'>frame text</iframe><form>form text</form>"
    "<nav>menu</nav><noscript>noscript text</noscript>"
    "<div style='display: none'>hidden text</div>"
    "<img src='https://track.example/p.gif' width='1' height='1'>"
)


def test_hostile_html_reaches_the_model_harmless() -> None:
    doc = from_html(HOSTILE)
    assert_consistent(doc)
    assert texts(doc) == ["Title gnp.exe", "NATO officials said reversed click data real"]
    assert doc.links == ("https://nato.int/",)
    for gone in ["frame text", "form text", "menu", "noscript", "hidden", "alert", "write"]:
        assert gone not in doc.text
    assert not any(b.kind == "image" for b in doc.blocks)  # the tracking pixel


def test_broken_html_never_raises_and_keeps_the_text() -> None:
    broken = (FIXTURES / "spec_examples.html").read_text(encoding="utf-8")
    for cut in range(0, len(broken), 7):
        if broken.rfind("<", 0, cut) > broken.rfind(">", 0, cut):
            continue  # a cut inside a tag makes the rest an attribute, in browsers too
        doc = from_html(broken[:cut] + "</div></b><p><b>tail")
        assert_consistent(doc)
        assert "tail" in doc.text  # in a cell, or fostered before the table like browsers do
    assert from_html("") == from_html(None) == from_html("   ")
    assert from_html("<p>unclosed <b>bold <i>both</p><p>next").blocks[1].start > 0


def test_thousands_of_unclosed_tags_do_not_exhaust_the_stack() -> None:
    doc = from_html("<p>" + "<font><b>" * 5000 + "deep text" + "<div>" * 3000 + "end")
    assert "deep text" in doc.text and doc.text.endswith("end")
    assert "deep text" in span_texts(doc, "bold")


def test_xhtml_self_closing_and_cdata() -> None:
    doc = from_html('<p>a<a name="x"/>b</p><p/><![CDATA[<p>in cdata</p>]]><p>c</p>')
    assert texts(doc)[0] == "ab"
    assert "c" in texts(doc)
