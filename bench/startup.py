"""How fast does the reader open on a big cache, and how much memory does it take?

    python bench/startup.py --articles 100000 [--runs 3] [--keep DIR]

Builds a cache of N articles (the real sample articles, replicated with new identities and
older dates, so the bundled samples stay the newest), then starts the installed ``newsdeck`` in
a pseudo-terminal of 120x40 and measures the time from launch until the first screen shows
headlines (the newest sample headline appears in the output), and the resident memory (RSS) of
the process at that moment.  Then, in-process and headless, it measures what one move through
the headline list costs the UI thread (the cursor move plus redrawing every visible row),
including jumps to the end where rows must be paged in from the store.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from datetime import timedelta
from fcntl import ioctl
from pathlib import Path

from reader.library import Library
from reader.models import ParsedArticle, ParsedFeed

FIRST_HEADLINE = "We Want to See Progress"
COLUMNS, LINES = 120, 40
_ANSI = re.compile(
    r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b[=>78]"
)


def build_cache(home: Path, articles: int) -> float:
    """Fill ``home/newsdeck.db`` with ``articles`` articles; returns the seconds it took."""
    started = time.perf_counter()
    lib = Library.open(home / "newsdeck.db", home / "config.toml")
    try:
        lib.ensure_samples()
        list(lib.update())
        originals = [lib.article(i) for i in lib.article_ids()]
        originals = [a for a in originals if a is not None]
        have = len(originals)
        oldest = min(a.published for a in originals)
        by_feed: dict[int, list[ParsedArticle]] = {}
        for n in range(max(0, articles - have)):
            src = originals[n % have]
            by_feed.setdefault(src.feed_id, []).append(
                ParsedArticle(
                    guid=f"{src.guid}#bench-{n}",
                    title=src.title,
                    link=src.link,
                    author=src.author,
                    published=oldest - timedelta(minutes=n + 1),
                    summary=src.summary,
                    content=src.content,
                )
            )
        for feed_id, items in by_feed.items():
            for start in range(0, len(items), 2000):
                chunk = tuple(items[start : start + 2000])
                lib.store.store_parsed(feed_id, ParsedFeed(articles=chunk))
        total = lib.counts()["all"]
    finally:
        lib.close()
    print(f"cache: {total:,} articles built in {time.perf_counter() - started:.1f} s")
    return time.perf_counter() - started


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def launch_once(home: Path, timeout: float = 30.0) -> tuple[float, int]:
    """Seconds until the first headline is drawn, and RSS (KiB) at that moment."""
    command = shutil.which("newsdeck")
    if command is None:
        sys.exit("bench: the newsdeck command is not installed (pip install -e .)")
    env = {
        **os.environ,
        "NEWSDECK_HOME": str(home),
        "TERM": "xterm-256color",
        "COLUMNS": str(COLUMNS),
        "LINES": str(LINES),
    }
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: become newsdeck
        os.execvpe(command, [command], env)
    ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    seen = b""
    elapsed = rss = 0
    try:
        while time.perf_counter() - started < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            text = _ANSI.sub("", seen.decode("utf-8", "replace"))
            if FIRST_HEADLINE in text:
                elapsed = time.perf_counter() - started
                rss = rss_kib(pid)
                break
        else:
            raise SystemExit("bench: no headline within the timeout")
        os.write(fd, b"\x11")  # ctrl+q
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            done, _status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            if select.select([fd], [], [], 0.05)[0]:
                with contextlib.suppress(OSError):
                    os.read(fd, 65536)
        else:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
    finally:
        os.close(fd)
    return elapsed, rss


async def measure_moves(home: Path) -> dict[str, float]:
    """UI-thread cost of moves in the headline list: the action plus redrawing visible rows."""
    from reader.tui.app import NewsdeckApp

    lib = Library.open(home / "newsdeck.db", home / "config.toml")
    app = NewsdeckApp(lib, startup_refresh=False)
    costs: dict[str, list[float]] = {"j": [], "pagedown": [], "G (end)": [], "g (top)": []}
    try:
        async with app.run_test(size=(COLUMNS, LINES)) as pilot:
            for _ in range(50):
                await app.workers.wait_for_complete()
                await pilot.pause()
                if app.main.headline_list.ids:
                    break
            hl = app.main.headline_list
            height = hl.scrollable_content_region.height

            def timed(label: str, action) -> None:
                t = time.perf_counter()
                action()
                for y in range(height):
                    hl.render_line(y)
                costs[label].append((time.perf_counter() - t) * 1000)

            for _ in range(200):
                timed("j", hl.action_cursor_down)
            for _ in range(50):
                timed("pagedown", hl.action_page_down)
            for _ in range(5):
                timed("G (end)", hl.action_last)
                await app.workers.wait_for_complete()
                await pilot.pause()
                timed("g (top)", hl.action_first)
                await app.workers.wait_for_complete()
                await pilot.pause()
            total = len(hl.ids)
            cached = len(hl._rows)
    finally:
        lib.close()
    print(f"headline list: {total:,} ids, {cached:,} rows cached after the moves")
    return {label: statistics.median(values) for label, values in costs.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the cache in this folder")
    args = parser.parse_args()

    if args.keep:
        home = args.keep
        home.mkdir(parents=True, exist_ok=True)
        if not (home / "newsdeck.db").exists():
            build_cache(home, args.articles)
        cleanup = None
    else:
        cleanup = tempfile.TemporaryDirectory(prefix="newsdeck-bench-")
        home = Path(cleanup.name)
        build_cache(home, args.articles)
    try:
        results = [launch_once(home) for _ in range(args.runs)]
        times = [r[0] for r in results]
        rss = [r[1] for r in results]
        print(
            f"first screen with headlines: median {statistics.median(times) * 1000:.0f} ms "
            f"(runs: {', '.join(f'{t * 1000:.0f}' for t in times)} ms)"
        )
        print(f"RSS at first screen: median {statistics.median(rss) / 1024:.0f} MiB")
        moves = asyncio.run(measure_moves(home))
        print(
            "UI-thread cost per move (median): "
            + ", ".join(f"{label} {ms:.2f} ms" for label, ms in moves.items())
        )
    finally:
        if cleanup is not None:
            cleanup.cleanup()


if __name__ == "__main__":
    main()
