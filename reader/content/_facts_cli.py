"""Temporary scoring entry point: ``python -m reader.content._facts_cli FILE``.

Prints the extraction-contract JSON with facts only, so score_extract.py can measure the
fact extractor before ``newsdeck extract`` is wired to it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from reader.content.facts import extract_facts


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m reader.content._facts_cli FILE", file=sys.stderr)
        return 2
    path = Path(args[0])
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"{path}: cannot read article: {exc.strerror or exc}", file=sys.stderr)
        return 1
    facts = [
        {"kind": f.kind, "text": f.text, "start": f.start, "end": f.end}
        for f in extract_facts(text)
    ]
    print(json.dumps({"quotes": [], "facts": facts}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
