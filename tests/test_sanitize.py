"""Text from feeds reaches the terminal harmless: escapes, controls and invisible characters go."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.sanitize import clean_inline, clean_text, html_to_text, neutralize

EXAMPLES = Path("/work/shared/examples")
SEED = EXAMPLES / "seed-article.txt"
HEADLINE = (
    "“We Want to See Progress in the Kosovo–Serbia Dialogue,” NATO Official Says: "
    "Leaders’ Responsibility Is Key to Stability in the Balkans"
)

BIDI_AND_INVISIBLE = [
    "\u202a",  # LRE
    "\u202b",  # RLE
    "\u202c",  # PDF
    "\u202d",  # LRO
    "\u202e",  # RLO
    "\u2066",  # LRI
    "\u2067",  # RLI
    "\u2068",  # FSI
    "\u2069",  # PDI
    "\u200e",  # LRM
    "\u200f",  # RLM
    "\u061c",  # ALM
    "\u200b",  # zero width space
    "\u200c",  # ZWNJ
    "\u200d",  # ZWJ
    "\u2060",  # word joiner
    "\ufeff",  # BOM / ZWNBSP
    "\u00ad",  # soft hyphen
]


@pytest.mark.parametrize(
    ("hostile", "shown"),
    [
        ("\x1b[2J\x1b[HBreaking: NATO", "Breaking: NATO"),  # clear screen, cursor home
        ("\x1b[31;1mRed\x1b[0m alert", "Red alert"),  # colours
        ("\x1b]0;pwned title\x07Kosovo", "Kosovo"),  # window title, BEL-terminated
        ("\x1b]52;c;cm0gLXJmIH4=\x1b\\Serbia", "Serbia"),  # clipboard write, ST-terminated
        ("\x1b]8;;https://evil.example\x1b\\KFOR\x1b]8;;\x1b\\", "KFOR"),  # hyperlink
        ("\x1bP1$qm\x1b\\Banjska", "Banjska"),  # DCS query
        ("\x9b31mBrussels", "Brussels"),  # 8-bit CSI
        ("\x1bcReset", "Reset"),  # RIS, full terminal reset
        ("Pristina\x1b]2;unterminated", "Pristina"),  # an OSC that never ends eats the rest
    ],
)
def test_escape_sequences_are_removed_whole(hostile: str, shown: str) -> None:
    assert clean_inline(hostile) == shown
    assert clean_text(hostile) == shown


@pytest.mark.parametrize("char", BIDI_AND_INVISIBLE)
def test_bidi_controls_zero_width_and_soft_hyphens_are_removed(char: str) -> None:
    title = f"NATO{char} official{char}s say"
    assert clean_inline(title) == "NATO officials say"
    assert clean_text(title) == "NATO officials say"


def test_controls_become_nothing_and_breaks_become_single_spaces() -> None:
    assert clean_inline("RKS\x00 NEWS\x07\x08") == "RKS NEWS"
    assert clean_inline("  4 Min\tRead \r\n\n  by  RKS  ") == "4 Min Read by RKS"
    assert clean_inline("line\u2028separator") == "line separator"
    assert clean_inline(None) == ""
    assert clean_inline("") == ""


def test_real_text_is_kept_as_it_is() -> None:
    assert clean_inline(HEADLINE) == HEADLINE
    for text in ["„Wir sind bereit“, sagte er.", "« Nous verrons », a-t-il dit.", "4 636 troops"]:
        assert clean_inline(text) == text


def test_text_is_nfc_normalised() -> None:
    decomposed = "Vete\u0308vendosje"  # e + combining diaeresis
    assert clean_inline(decomposed) == "Vetëvendosje"


def test_clean_text_keeps_paragraphs_and_offsets_of_clean_files() -> None:
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert clean_text(text) == text, path.name
    assert clean_text("one\r\ntwo\rthree") == "one\ntwo\nthree"
    assert clean_text("para one\n\n\x1b[31mpara\x1b[0m two\u202e") == "para one\n\npara two"


def test_neutralize_keeps_length_so_offsets_still_match() -> None:
    text = "a\x1b[31mb\u202ec\nd"
    safe = neutralize(text)
    assert len(safe) == len(text)
    assert "\x1b" not in safe and "\u202e" not in safe
    assert safe.endswith("\nd")


def test_html_to_text_gives_words_in_paragraphs() -> None:
    html = (
        "<h1>Kosovo&ndash;Serbia</h1><p>NATO &amp; the <b>EU</b>.<br>Next line</p>"
        "<script>alert('x')</script><style>p{}</style><!-- comment -->"
        "<ul><li>Italy</li><li>Poland</li></ul><img alt='KFOR troops' src='k.jpg'>"
    )
    assert html_to_text(html) == (
        "Kosovo–Serbia\n\nNATO & the EU.\nNext line\n\nItaly\n\nPoland\n\nKFOR troops"
    )
    assert html_to_text(None) == ""


def test_html_to_text_removes_escapes_hidden_in_entities() -> None:
    # Entity-encoded control characters decode to nothing (the HTML rules), so what is left of
    # an escape sequence is inert text; bidi and invisible characters are removed.
    html = "<p>&#27;]52;c;ZXZpbA==&#7; Headline &#x202E;txt.exe&#8203; &shy;ok</p>"
    text = html_to_text(html)
    assert text.endswith("Headline txt.exe ok")
    assert neutralize(text) == text
