"""Full-text extraction speed: how long ``F`` spends on a page once it has arrived.

    python bench/fulltext.py [--runs 15] [--json]

Times :func:`reader.content.fulltext.page_result` -- decoding, trafilatura's
extraction (HTML output, precision mode), the spacing repair and the URL and
attribute clean-up -- on the saved real news pages in ``tests/fixtures/pages/``
(see SOURCES.md there), each page ``--runs`` times after one warm-up run. The
download is not included: that is the network's time, and the fetcher's.

Reports each page's median and the median over the pages; the target (issue 8)
is at most 150 ms for a typical news page. The import of trafilatura, paid once
per process on the first ``F``, is reported separately.

"UI stall" checks that the reader stays responsive while a worker thread
extracts (as the TUI's ``F`` worker does): the main thread runs a 10 ms timer
during three passes over all pages in another thread, and the worst lateness of
that timer is reported (the GIL hands over every 5 ms unless C code holds it).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "fixtures" / "pages"
TARGET_MS = 150.0

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per page (default 15)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    pages = sorted(PAGES.glob("*.html"))
    if not pages:
        print(f"bench: no pages in {PAGES}", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    import trafilatura  # noqa: F401  (the one-off import cost of the first F)

    import_ms = (time.perf_counter() - t0) * 1000
    from reader.content.fulltext import page_result

    rows = []
    for page in pages:
        data = page.read_bytes()
        url = f"https://example.org/{page.stem}"
        first = page_result(data, "text/html; charset=utf-8", url)  # warm-up (and a check)
        if not first.ok:
            print(f"bench: {page.name}: {first.reason}", file=sys.stderr)
            return 1
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            page_result(data, "text/html; charset=utf-8", url)
            times.append((time.perf_counter() - t) * 1000)
        rows.append(
            {
                "page": page.name,
                "kb": round(len(data) / 1024),
                "words": first.words,
                "median_ms": round(statistics.median(times), 1),
                "min_ms": round(min(times), 1),
                "max_ms": round(max(times), 1),
            }
        )
    overall = statistics.median(r["median_ms"] for r in rows)
    stall_ms = _ui_stall([p.read_bytes() for p in pages], page_result)
    result = {
        "machine": _machine(),
        "runs": args.runs,
        "trafilatura_import_ms": round(import_ms, 1),
        "pages": rows,
        "median_ms": round(overall, 1),
        "ui_stall_max_ms": round(stall_ms, 1),
        "target_ms": TARGET_MS,
        "ok": overall <= TARGET_MS,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"full-text extraction, {args.runs} runs per page — {result['machine']}")
        print(f"{'page':<40} {'KB':>5} {'words':>6} {'median':>8} {'min':>7} {'max':>7}")
        for r in rows:
            print(
                f"{r['page']:<40} {r['kb']:>5} {r['words']:>6} {r['median_ms']:>6.1f}ms"
                f" {r['min_ms']:>5.1f}ms {r['max_ms']:>5.1f}ms"
            )
        verdict = "within" if result["ok"] else "OVER"
        print(
            f"median over {len(rows)} pages: {overall:.1f} ms ({verdict} the {TARGET_MS:.0f} ms "
            f"target); trafilatura import {import_ms:.0f} ms once per process"
        )
        print(f"UI stall while a worker thread extracts: at most {stall_ms:.1f} ms")
    return 0 if result["ok"] else 1


def _ui_stall(pages: list[bytes], extract) -> float:  # type: ignore[no-untyped-def]
    """Worst lateness (ms) of a 10 ms timer in this thread while another thread extracts."""
    done = threading.Event()

    def work() -> None:
        try:
            for _ in range(3):
                for data in pages:
                    extract(data, "text/html", "https://example.org/story")
        finally:
            done.set()

    worker = threading.Thread(target=work, daemon=True)
    late = 0.0
    worker.start()
    while not done.is_set():
        t = time.perf_counter()
        time.sleep(0.01)
        late = max(late, time.perf_counter() - t - 0.01)
    worker.join()
    return late * 1000


def _machine() -> str:
    try:
        from common import machine_summary

        return machine_summary()
    except ImportError:  # pragma: no cover - common.py is beside this file
        import os

        return f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"


if __name__ == "__main__":
    sys.exit(main())
