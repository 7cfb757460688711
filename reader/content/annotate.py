"""One place that turns an article into its document, quotes and facts.

The TUI, ``newsdeck extract`` and the cache all go through here, so the sidebar
and the command line can never disagree about what an article says.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from reader.content.document import Document, from_html, from_text
from reader.errors import InputFileError, read_input_file

# Bump when quote or fact extraction changes, so cached results are recomputed.
ANNOTATIONS_VERSION = 1


@dataclass(frozen=True, slots=True)
class Annotations:
    """Quotes and facts over one document's plain text (offsets index ``Document.text``)."""

    quotes: tuple  # tuple[Quote, ...]
    facts: tuple  # tuple[Fact, ...]

    @property
    def speakers(self) -> list[tuple[str, int]]:
        """Who is quoted, most quoted first (unattributed quotes are not listed).

        "a NATO official", "the NATO official" and "NATO Official" are one speaker,
        named as the article first names them.
        """
        counts: dict[str, int] = {}
        names: dict[str, str] = {}
        for q in self.quotes:
            if q.speaker:
                key = speaker_key(q.speaker)
                names.setdefault(key, q.speaker)
                counts[key] = counts.get(key, 0) + 1
        return sorted(((names[k], n) for k, n in counts.items()), key=lambda kv: (-kv[1], kv[0]))

    def summary(self) -> str:
        """The pane header: "6 quotes from 4 speakers"."""
        n = len(self.quotes)
        s = len(self.speakers)
        quotes = f"{n} quote" + ("" if n == 1 else "s")
        if not n:
            return "no quotes"
        return f"{quotes} from {s} speaker" + ("" if s == 1 else "s")

    def groups(self) -> list:
        from reader.content.facts import group_facts

        return group_facts(list(self.facts))

    def to_json(self) -> dict:
        """The extraction contract of DESIGN.md (plus a few extra keys)."""
        return {
            "quotes": [
                {"text": q.text, "speaker": q.speaker, "start": q.start, "end": q.end}
                for q in self.quotes
            ],
            "facts": [
                {
                    "kind": f.kind,
                    "text": f.text,
                    "start": f.start,
                    "end": f.end,
                    "label": f.label,
                    "value": f.value,
                }
                for f in self.facts
            ],
        }

    def to_cache(self) -> dict:
        return {
            "quotes": [asdict(q) for q in self.quotes],
            "facts": [asdict(f) for f in self.facts],
        }

    @classmethod
    def from_cache(cls, data: dict) -> Annotations:
        from reader.content.facts import Fact
        from reader.content.quotes import Quote

        return cls(
            quotes=tuple(Quote(**q) for q in data["quotes"]),
            facts=tuple(Fact(**f) for f in data["facts"]),
        )


_LEADING_ARTICLE = re.compile(
    r"^(?:a|an|the|der|die|das|ein|eine|einer|le|la|les|l'|l’|un|une|el|los|las|una)\s*",
    re.IGNORECASE,
)


def speaker_key(name: str) -> str:
    """What makes two speaker phrases the same speaker: case and a leading article don't."""
    folded = " ".join(name.split()).casefold()
    return _LEADING_ARTICLE.sub("", folded, count=1) or folded


def annotate(text: str, published: datetime | None = None) -> Annotations:
    from reader.content.facts import extract_facts
    from reader.content.quotes import extract_quotes

    return Annotations(
        quotes=tuple(extract_quotes(text)), facts=tuple(extract_facts(text, published))
    )


def cache_key(doc: Document, published: datetime | None) -> str:
    """Content hash of what extraction sees; relative dates depend on the publication date."""
    digest = hashlib.blake2b(doc.text.encode("utf-8", "surrogatepass"), digest_size=16)
    digest.update(b"\x00" + (published.date().isoformat() if published else "").encode())
    return digest.hexdigest()


def read_source(source: str) -> Document:
    """A .txt or .html file, or an http(s) URL, as a Document."""
    if source.startswith(("http://", "https://")):
        from reader.config import Config
        from reader.fetch import FetchRequest, fetch_all

        (result,) = list(fetch_all([FetchRequest(source)], Config()))
        if not result.ok:
            raise InputFileError(f"{source}: {result.error}")
        data = result.data or b""
        return from_html(data.decode("utf-8", "replace"), base_url=source)
    path = Path(source)
    raw = read_input_file(path, "an article file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return from_html(text, base_url=path.resolve().as_uri())
    if suffix in (".txt", ".text", ".md", ""):
        return from_text(text)
    raise InputFileError(f"{source}: expected a .txt or .html file")


def annotate_source(source: str) -> dict:
    doc = read_source(source)
    return annotate(doc.text).to_json()


def article_html(article) -> tuple[str, bool]:
    """The richest body we hold: the fetched full text, else the feed's content."""
    if article.full_text:
        return article.full_text, True
    return article.content or article.summary or "", False


def now_utc() -> datetime:
    return datetime.now(UTC)
