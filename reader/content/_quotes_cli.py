"""Temporary scoring entry point until `newsdeck extract` is wired to extract_quotes.

Usage: python -m reader.content._quotes_cli FILE  (prints the extraction contract JSON)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reader.content.quotes import extract_quotes


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m reader.content._quotes_cli FILE", file=sys.stderr)
        return 2
    path = Path(args[0])
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{path}: cannot read article: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return 2
    quotes = [
        {"text": q.text, "speaker": q.speaker, "start": q.start, "end": q.end}
        for q in extract_quotes(text)
    ]
    print(json.dumps({"quotes": quotes, "facts": []}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
