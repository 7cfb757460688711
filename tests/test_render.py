"""The document rendered as terminal lines: structure, links, highlights and offsets to lines."""

from __future__ import annotations

import html as htmllib
import io
import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.style import Style
from rich.text import Text

from reader.content.document import Document, from_html, from_text
from reader.content.render import (
    DEFAULT_STYLES,
    Highlight,
    RenderedDocument,
    render_document,
)

FIXTURES = Path(__file__).parent / "fixtures" / "html"
EXAMPLES = Path("/work/shared/examples")
SEED = EXAMPLES / "seed-article.txt"
BASE = "http://fakehost/test/page.html"
QUOTE = Style(color="yellow", italic=True)
SPEAKER = Style(bold=True, color="magenta")
FACT = Style(underline=True)
STYLES = {"quote": QUOTE, "speaker": SPEAKER, "fact": FACT}


def seed_html() -> str:
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    parts = [f"<h1>{htmllib.escape(paragraphs[0])}</h1>"]
    for p in paragraphs[1:]:
        if p == "Kosovo–Serbia Dialogue and the Western Balkans":
            parts.append(f"<h2>{htmllib.escape(p)}</h2>")
        else:
            parts.append(f"<p>{htmllib.escape(p).replace(chr(10), '<br>')}</p>")
    return "\n".join(parts)


def seed_quotes(doc: Document) -> list[Highlight]:
    labels = json.loads((EXAMPLES / "seed-article.labels.json").read_text(encoding="utf-8"))
    out = []
    for quote in labels["quotes"]:
        start = doc.text.index(quote["text"])
        out.append(Highlight(start, start + len(quote["text"]), "quote"))
    return out


def load(name: str) -> Document:
    return from_html((FIXTURES / name).read_text(encoding="utf-8"), BASE)


def plain(rendered: RenderedDocument) -> list[str]:
    return [line.plain for line in rendered.lines]


def styled_text(line: Text, style: Style) -> list[str]:
    return [line.plain[s.start : s.end] for s in line.spans if s.style == style]


def covered(rendered: RenderedDocument, style: Style) -> str:
    """The text drawn in ``style``, line pieces joined by the spaces the wrapping consumed."""
    pieces = []
    for line in rendered.lines:
        pieces.extend(styled_text(line, style))
    return " ".join(pieces)


ALL_FIXTURES = [
    "wikipedia_mozilla.html",
    "mercurial_evolve.html",
    "factorio_fff282.html",
    "spec_examples.html",
]


@pytest.mark.parametrize("name", ALL_FIXTURES)
@pytest.mark.parametrize("width", [24, 40, 80, 120])
def test_no_line_is_wider_than_the_pane(name: str, width: int) -> None:
    rendered = render_document(load(name), width)
    assert rendered.width == width
    for line in rendered.lines:
        assert cell_len(line.plain) <= width, line.plain


def test_every_seed_quote_lands_on_its_line_in_the_quote_style() -> None:
    raw = SEED.read_text(encoding="utf-8")
    for doc in (from_text(raw), from_html(seed_html())):
        highlights = seed_quotes(doc)
        rendered = render_document(doc, 80, highlights, STYLES)
        for h in highlights:
            line = rendered.lines[rendered.line_of(h.start)]
            first_words = doc.text[h.start : h.end].split()[0]
            assert any(piece.startswith(first_words) for piece in styled_text(line, QUOTE))
            lines = rendered.line_range(h.start, h.end)
            drawn = " ".join(p for i in lines for p in styled_text(rendered.lines[i], QUOTE))
            assert drawn == doc.text[h.start : h.end]


def test_a_highlight_over_a_link_number_skips_the_inserted_number() -> None:
    doc = load("wikipedia_mozilla.html")
    said = "We didn’t move fast enough to engage with people once the controversy started."
    start = doc.text.index(said)
    speaker = doc.text.index("Mitchell Baker")
    rendered = render_document(
        doc,
        60,
        [Highlight(start, start + len(said), "quote"), Highlight(speaker, speaker + 14, "speaker")],
        STYLES,
    )
    assert covered(rendered, QUOTE) == said
    assert covered(rendered, SPEAKER) == "Mitchell Baker"
    line = rendered.lines[rendered.line_of(speaker)].plain
    assert "Mitchell Baker[17]" in line  # the link number follows the name, outside the highlight


def test_overlapping_highlights_all_show_and_later_ones_win() -> None:
    doc = from_text(SEED.read_text(encoding="utf-8"))
    quote = seed_quotes(doc)[2]  # "NATO and the Allies ... in May 2023 ..."
    fact = doc.text.index("May 2023")
    highlights = [quote, Highlight(fact, fact + 8, "fact")]
    rendered = render_document(doc, 80, highlights, STYLES)
    line = rendered.lines[rendered.line_of(fact)]
    x = line.plain.index("May 2023")
    style = line.get_style_at_offset(Console(), x)
    assert style.underline and style.italic and style.color is not None
    assert style.color.name == "yellow"


def test_highlight_over_two_paragraphs_skips_the_gap() -> None:
    doc = from_text(SEED.read_text(encoding="utf-8"))
    a = doc.blocks[6]
    b = doc.blocks[7]
    rendered = render_document(doc, 80, [Highlight(a.end - 10, b.start + 8, "fact")], STYLES)
    assert (
        covered(rendered, FACT)
        == doc.text[a.end - 10 : a.end] + " " + doc.text[b.start : b.start + 8]
    )
    gap = rendered.line_of(a.end - 1) + 1
    assert rendered.lines[gap].plain == "" and not rendered.lines[gap].spans


def test_style_names_default_parse_or_fail_clearly() -> None:
    doc = from_text(SEED.read_text(encoding="utf-8"))
    for name in ("quote", "speaker", "fact", "fact-selected"):
        rendered = render_document(doc, 80, [Highlight(0, 10, name)])
        assert DEFAULT_STYLES[name] in [s.style for s in rendered.lines[0].spans]
    rendered = render_document(doc, 80, [Highlight(0, 10, "bold red")])
    assert Style.parse("bold red") in [s.style for s in rendered.lines[0].spans]
    with pytest.raises(ValueError, match="no-such-style"):
        render_document(doc, 80, [Highlight(0, 10, "no-such-style")])


def test_headings_stand_out() -> None:
    rendered = render_document(load("wikipedia_mozilla.html"), 80)
    lines = plain(rendered)
    history = rendered.lines[lines.index("History[edit[16]]")]
    assert DEFAULT_STYLES["heading"] in [s.style for s in history.spans]
    seed = render_document(from_html(seed_html()), 80)
    assert DEFAULT_STYLES["heading1"] in [s.style for s in seed.lines[0].spans]


def test_lists_are_indented_with_bullets_numbers_and_hanging_lines() -> None:
    lines = plain(render_document(load("mercurial_evolve.html"), 60))
    assert "• Evolve: Shared Mutable History" in lines
    assert "  ◦ Sharing with a single developer" in lines
    assert "    ▪ Publishing and non-publishing repositories" in lines
    first = lines.index("• (ab)use your source control system by committing")
    assert lines[first + 1].startswith("  half-working code")
    spec = plain(render_document(load("spec_examples.html"), 60))
    assert spec[spec.index("1. Switzerland") : spec.index("1. Switzerland") + 4] == [
        "1. Switzerland",
        "2. United Kingdom",
        "3. United States",
        "4. Norway",
    ]
    assert spec[spec.index("Authors") + 1] == "  John"


def test_blockquote_lines_get_a_bar() -> None:
    lines = plain(render_document(load("wikipedia_mozilla.html"), 50))
    start = next(i for i, line in enumerate(lines) if "The Mozilla Foundation pledges" in line)
    assert lines[start].startswith("▌ ")
    assert lines[start + 1].startswith("▌ ")


def test_code_is_not_reflowed() -> None:
    rendered = render_document(load("mercurial_evolve.html"), 80)
    lines = plain(rendered)
    i = lines.index("  [phases]")
    assert lines[i : i + 5] == [
        "  [phases]",
        "  publish = false",
        "  ",
        "  [extensions]",
        "  evolve =",
    ]
    assert DEFAULT_STYLES["code"] in [s.style for s in rendered.lines[i].spans]
    assert "  $ echo 'my new project' > file1" in lines


def test_tables_are_boxed_aligned_and_fit() -> None:
    lines = plain(render_document(load("spec_examples.html"), 80))
    top = next(i for i, line in enumerate(lines) if line.startswith("┌"))
    table = lines[top : top + 6]
    assert table == [
        "┌──────────┬────────────────┬──────────┐",
        "│ Negative │ Characteristic │ Positive │",
        "├──────────┼────────────────┼──────────┤",
        "│ Sad      │ Mood           │ Happy    │",
        "│ Failing  │ Grade          │ Passing  │",
        "└──────────┴────────────────┴──────────┘",
    ]
    assert lines[top - 1] == "Characteristics with positive and negative sides"
    narrow = plain(render_document(load("factorio_fff282.html"), 40))
    boxed = [line for line in narrow if line and line[0] in "┌│├└"]
    assert boxed and all(cell_len(line) == cell_len(boxed[0]) <= 40 for line in boxed)
    assert any("(table cut to" in line for line in narrow)


def test_images_links_and_rules() -> None:
    rendered = render_document(load("spec_examples.html"), 60)
    lines = plain(rendered)
    i = lines.index("[image: Bubbles, sitting in his office chair, works on his")
    assert DEFAULT_STYLES["image"] in [s.style for s in rendered.lines[i].spans]
    assert lines[i + 2] == "Bubbles at work"
    assert "─" * 60 in lines
    mercurial = render_document(load("mercurial_evolve.html"), 60)
    text = plain(mercurial)
    assert any("(see the user guide[1])" in line for line in text)
    assert mercurial.links_line is not None
    assert text[mercurial.links_line] == "Links"
    assert text[mercurial.links_line + 1] == "[1] http://fakehost/test/user-guide.html"


def test_long_urls_fold_instead_of_overflowing() -> None:
    doc = load("wikipedia_mozilla.html")
    rendered = render_document(doc, 30)
    lines = plain(rendered)
    assert rendered.links_line is not None
    link_lines = lines[rendered.links_line + 1 :]
    url = doc.links[15]  # http://fakehost/w/index.php?title=Mozilla&action=edit&section=1
    first = next(i for i, line in enumerate(link_lines) if line.startswith("[16] "))
    folded = link_lines[first][5:] + "".join(
        line.strip() for line in link_lines[first + 1 : first + 3]
    )
    assert folded.startswith(url)
    assert all(cell_len(line) <= 30 for line in lines)


HOSTILE = (
    "<h1>\x1b]0;owned\x07Title \x1b[2J\u202egnp.exe\u202c</h1>"
    "<p>NATO\x00 official\u200bs&shy; said \x1b]52;c;cm0gLXJmIH4=\x07"
    "<a href='https://nato.int/\x1b[31m'>real</a> \x9b31m</p>"
)


def test_hostile_text_renders_harmlessly() -> None:
    rendered = render_document(from_html(HOSTILE), 40)
    out = io.StringIO()
    console = Console(file=out, width=40, force_terminal=True, color_system="truecolor")
    for line in rendered.lines:
        console.print(line)
    output = re.sub(r"\x1b\[[0-9;]*m", "", out.getvalue())  # Rich's own colours
    assert "\x1b" not in output and "\x9b" not in output and "\x00" not in output
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u200b\u00ad]", output)
    assert "Title gnp.exe" in output
    assert "NATO officials said real[1]" in output


def test_a_document_built_by_hand_is_still_neutralised_without_moving_offsets() -> None:
    text = "Breaking\x1b[2J news \u202eabc"
    doc = from_text("placeholder")
    doc = Document(text, (doc.blocks[0].__class__("paragraph", 0, len(text)),), ())
    rendered = render_document(
        doc, 80, [Highlight(text.index("news"), text.index("news") + 4, "quote")]
    )
    line = rendered.lines[0]
    assert "\x1b" not in line.plain and "\u202e" not in line.plain
    assert styled_text(line, DEFAULT_STYLES["quote"]) == ["news"]
