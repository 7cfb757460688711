"""Per-article cost of opening an article: document model, quotes, facts, rendering.

    python bench/extract.py [--runs 30] [--width 100] [--examples DIR] [--json FILE]

Opening an article in the reader builds its document model (``from_html``, or ``from_text``
for plain text), finds its quotations, lays it out for the terminal with the quotes
highlighted, and fills the fact sidebar. This times each step on real articles: every article
of the bundled ``sample_feeds/`` (the seed article, RKS News, among them) and, when present,
the hand-labelled ``*.txt`` articles of the shared examples folder. Figures are medians of
``--runs`` runs after one warm-up call, whose time is shown apart ("first"): that is what the
first article opened after start costs, regexes compiled and word lists loaded included.

Targets (issue 7): the seed article's render + quotes at most 20 ms, its facts at most 30 ms.
A module that is missing or fails is reported as such; the others are still timed.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, SAMPLE_FEEDS, machine_summary

sys.path.insert(0, str(ROOT))

SEED_MARK = "Banjska"  # the seed article (RKS News) is the one that mentions Banjska
TARGETS_MS = {"render+quotes": 20.0, "facts": 30.0}


@dataclass
class Article:
    name: str
    kind: str  # "html" or "text"
    body: str
    published: datetime | None = None
    seed: bool = False


@dataclass
class Timing:
    first_ms: float | None = None
    median_ms: float | None = None
    error: str | None = None
    runs: list[float] = field(default_factory=list)


def load_articles(examples: Path | None) -> list[Article]:
    from reader.parse import parse_feed

    articles: list[Article] = []
    for path in sorted(SAMPLE_FEEDS.iterdir()):
        if path.suffix not in (".rss", ".atom", ".json", ".xml"):
            continue
        try:
            parsed = parse_feed(path.read_bytes(), path.as_uri())
        except Exception as exc:  # a broken sample must not stop the benchmark
            print(f"bench: {path.name}: {exc}", file=sys.stderr)
            continue
        for i, a in enumerate(parsed.articles):
            body = a.content or a.summary or ""
            if not body:
                continue
            articles.append(
                Article(
                    f"{path.stem}#{i + 1}",
                    "html",
                    body,
                    a.published,
                    seed=path.stem == "rks-news" and SEED_MARK in body,
                )
            )
    # The seed article first: its "first call" then includes what the first article opened
    # after start pays (patterns compiled, word lists loaded).
    articles.sort(key=lambda a: not a.seed)
    if examples and examples.is_dir():
        for path in sorted(examples.glob("*.txt")):
            articles.append(Article(f"{path.stem}.txt", "text", path.read_text(encoding="utf-8")))
    return articles


def _time(fn: Callable[[], object], runs: int) -> Timing:
    t = Timing()
    try:
        start = time.perf_counter()
        fn()
        t.first_ms = (time.perf_counter() - start) * 1000
        for _ in range(runs):
            start = time.perf_counter()
            fn()
            t.runs.append((time.perf_counter() - start) * 1000)
        t.median_ms = statistics.median(t.runs)
    except Exception as exc:
        t.error = f"{type(exc).__name__}: {exc}"
        if "--debug" in sys.argv:
            traceback.print_exc()
    return t


def _modules() -> dict[str, object]:
    """Import what exists; the content modules are still being written by other hands."""
    found: dict[str, object] = {}
    for name, module, attr in (
        ("from_html", "reader.content.document", "from_html"),
        ("from_text", "reader.content.document", "from_text"),
        ("render_document", "reader.content.render", "render_document"),
        ("Highlight", "reader.content.render", "Highlight"),
        ("extract_quotes", "reader.content.quotes", "extract_quotes"),
        ("extract_facts", "reader.content.facts", "extract_facts"),
    ):
        try:
            mod = __import__(module, fromlist=[attr])
            found[name] = getattr(mod, attr)
        except Exception as exc:
            found[name] = f"{module}.{attr} unavailable ({type(exc).__name__}: {exc})"
    return found


def measure(article: Article, runs: int, width: int, m: dict[str, object]) -> dict[str, Timing]:
    def missing(*names: str) -> str | None:
        for n in names:
            if not callable(m[n]) and not isinstance(m[n], type):
                return str(m[n])
        return None

    out: dict[str, Timing] = {}
    build_name = "from_html" if article.kind == "html" else "from_text"

    def build():  # type: ignore[no-untyped-def]
        return m[build_name](article.body)  # type: ignore[operator]

    reason = missing(build_name)
    if reason:
        return {"document": Timing(error=reason)}
    out["document"] = _time(build, runs)
    if out["document"].error:
        return out
    doc = build()
    text = doc.text
    if not missing("extract_quotes"):
        out["quotes"] = _time(lambda: m["extract_quotes"](text), runs)  # type: ignore[operator]
    else:
        out["quotes"] = Timing(error=missing("extract_quotes"))
    if not missing("extract_facts"):
        out["facts"] = _time(
            lambda: m["extract_facts"](text, article.published),  # type: ignore[operator]
            runs,
        )
    else:
        out["facts"] = Timing(error=missing("extract_facts"))
    if missing("render_document", "Highlight"):
        out["render"] = Timing(error=missing("render_document", "Highlight"))
        return out
    try:
        quotes = m["extract_quotes"](text) if callable(m["extract_quotes"]) else []  # type: ignore[operator]
        highlights = [m["Highlight"](q.start, q.end, "quote") for q in quotes]  # type: ignore[operator]
    except Exception:
        highlights = []
    out["render"] = _time(
        lambda: m["render_document"](doc, width, highlights),  # type: ignore[operator]
        runs,
    )

    def open_article():  # type: ignore[no-untyped-def]
        d = build()
        qs = m["extract_quotes"](d.text)  # type: ignore[operator]
        hl = [m["Highlight"](q.start, q.end, "quote") for q in qs]  # type: ignore[operator]
        return m["render_document"](d, width, hl)  # type: ignore[operator]

    if not missing("extract_quotes"):
        out["render+quotes"] = _time(open_article, runs)
    return out


def fmt(t: Timing | None, key: str = "median_ms") -> str:
    if t is None:
        return "-"
    if t.error:
        return "error"
    value = getattr(t, key)
    return "-" if value is None else f"{value:.1f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--width", type=int, default=100, help="terminal columns to render for")
    default_examples = ROOT.parent / "shared" / "examples"
    ap.add_argument(
        "--examples",
        type=Path,
        default=default_examples if default_examples.is_dir() else None,
        help="folder of plain-text articles (*.txt) to time as well",
    )
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--debug", action="store_true", help="show tracebacks of failing modules")
    args = ap.parse_args(argv)
    if args.runs < 1 or args.width < 20:
        ap.error("--runs must be at least 1 and --width at least 20")

    modules = _modules()
    for value in modules.values():
        if isinstance(value, str):
            print(f"bench: {value}", file=sys.stderr)
    articles = load_articles(args.examples)
    if not articles:
        print("bench: no articles found", file=sys.stderr)
        return 1

    steps = ["document", "quotes", "render", "render+quotes", "facts"]
    print(f"machine: {machine_summary()}; width {args.width}; median of {args.runs} runs (ms)")
    print(f"{'article':44} {'chars':>6} " + " ".join(f"{s:>13}" for s in steps))
    results: list[dict[str, object]] = []
    errors: dict[str, str] = {}
    for article in articles:
        timings = measure(article, args.runs, args.width, modules)
        for step, t in timings.items():
            if t.error:
                errors.setdefault(step, t.error)
        mark = " (seed)" if article.seed else ""
        print(
            f"{(article.name + mark)[:44]:44} {len(article.body):>6} "
            + " ".join(f"{fmt(timings.get(s)):>13}" for s in steps)
        )
        results.append(
            {
                "article": article.name,
                "seed": article.seed,
                "kind": article.kind,
                "chars": len(article.body),
                **{
                    s: {"median_ms": t.median_ms, "first_ms": t.first_ms, "error": t.error}
                    for s, t in timings.items()
                },
            }
        )
    for step, error in errors.items():
        print(f"bench: {step}: {error}", file=sys.stderr)

    print()
    summary: dict[str, object] = {}
    for step in steps:
        values = [
            r[step]["median_ms"]  # type: ignore[index]
            for r in results
            if isinstance(r.get(step), dict) and r[step]["median_ms"] is not None  # type: ignore[index]
        ]
        if values:
            summary[step] = {
                "median_ms": statistics.median(values),
                "max_ms": max(values),
                "articles": len(values),
            }
            print(
                f"all articles, {step:13}: median {statistics.median(values):6.1f} ms, "
                f"slowest {max(values):6.1f} ms ({len(values)} articles)"
            )
    seed = next((r for r in results if r["seed"]), None)
    verdicts = []
    if seed is None:
        print("seed article (RKS News, Banjska) not found in sample_feeds/")
    else:
        for step, target in TARGETS_MS.items():
            t = seed.get(step)
            if not isinstance(t, dict) or t["median_ms"] is None:
                line = f"seed {step}: not measured ({errors.get(step, 'module missing')})"
            else:
                ok = t["median_ms"] <= target
                line = (
                    f"seed {step}: median {t['median_ms']:.1f} ms (first call "
                    f"{t['first_ms']:.1f} ms), target ≤ {target:.0f} ms: "
                    f"{'met' if ok else 'NOT met'}"
                )
            verdicts.append(line)
            print(line)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": machine_summary(),
                    "runs": args.runs,
                    "width": args.width,
                    "articles": results,
                    "summary": summary,
                    "verdicts": verdicts,
                },
                indent=2,
                default=str,
            )
            + "\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
