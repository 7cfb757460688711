"""Turning untrusted feed strings into things safe to draw.

Every string a feed gave us reaches the screen through here (or through the document renderer):
it is cleaned with :mod:`reader.sanitize` and wrapped in a rich ``Text``, never interpreted as
markup, so a title like ``[bold]x[/]`` or one carrying escape sequences is shown as typed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from rich.style import Style
from rich.text import Text

from reader.sanitize import clean_inline

MATCH_START, MATCH_END = "\x02", "\x03"


def safe_text(value: str | None, style: str | Style = "") -> Text:
    """One line of feed text as a plain ``Text`` (no markup is parsed)."""
    return Text(clean_inline(value), style=style, no_wrap=True, end="")


def snippet_text(snippet: str, match_style: Style | str, style: Style | str = "") -> Text:
    """A search snippet with the matched words (between \\x02 and \\x03) styled.

    The store wraps matches in STX/ETX because those can never come from a cleaned feed string,
    so splitting on them cannot be fooled by the text itself.
    """
    text = Text(style=style, no_wrap=True, end="")
    inside = False
    for part in _split_marks(snippet):
        if part == MATCH_START:
            inside = True
        elif part == MATCH_END:
            inside = False
        elif part:
            # Keep the spaces around a match: clean_inline strips the ends of what it cleans.
            lead = " " if part[:1].isspace() else ""
            trail = " " if part[-1:].isspace() and part.strip() else ""
            cleaned = clean_inline(part)
            text.append(lead + cleaned + trail if cleaned else " ", match_style if inside else "")
    return text


def _split_marks(s: str) -> list[str]:
    out: list[str] = []
    buf: list[str] = []
    for ch in s:
        if ch in (MATCH_START, MATCH_END):
            out.append("".join(buf))
            out.append(ch)
            buf = []
        else:
            buf.append(ch)
    out.append("".join(buf))
    return out


def short_date(when: datetime, now: datetime) -> str:
    """A compact local date for a headline row: "14:05" today, "27 Nov" this year, else "Nov 2023".

    Always 6 to 8 cells so the column lines up; the caller pads.
    """
    local = when.astimezone()
    today = now.astimezone()
    if local.date() == today.date():
        return local.strftime("%H:%M")
    if local.year == today.year:
        return f"{local.day:2d} {local:%b}"
    return local.strftime("%b %Y")


def long_date(when: datetime | None) -> str:
    """A full local date and time for the article header and sidebar."""
    if when is None:
        return ""
    local = when.astimezone()
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M}"


def from_timestamp(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)
