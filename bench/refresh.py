"""Refresh speed, newsdeck beside newsboat: cold (empty cache) and warm (nothing changed).

    python bench/refresh.py --feeds 200 --items 50 --runs 3

Generates ``--feeds`` RSS 2.0 feeds of ``--items`` entries (about 127 KB at 50 items) from real
article text, serves them on 127.0.0.1 (nginx with ETag and Last-Modified when installed, else
Python's http.server in another process), then times, as fresh processes:

- cold: ``newsdeck fetch`` on a new NEWSDECK_HOME that holds only the subscriptions, and
  ``newsboat -x reload`` with no cache file; then ``newsdeck search``, whose first run adds
  what the refresh stored to the full-text index (newsboat has none);
- warm: the same commands again on the filled caches, nothing having changed on the server
  (issue 7's "warm" figures for newsboat were taken this way);
- warm again: a third time. newsboat sends no validators on its second run (nginx answers 200
  to all, it re-reads every feed) and only from its third run asks conditionally; newsdeck asks
  conditionally from its second run on. The HTTP answers of each phase are printed.

Each figure is the median of ``--runs`` runs; memory is the peak proportional set size (PSS)
of the process and its children (forked workers are not counted twice). newsboat runs with
``reload-threads 16``; newsdeck gets the same 16 connections to the one host (its default
per-host limit of 4 is a politeness rule for the real web). When newsboat is not installed
only newsdeck's figures are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (
    FeedServer,
    Series,
    machine_summary,
    timed,
    which_newsdeck,
    write_feeds,
)

SEARCH_WORD = "Kosovo"  # in the sample articles the feeds are made from


def newsboat_version() -> str | None:
    exe = shutil.which("newsboat")
    if not exe:
        return None
    out = subprocess.run([exe, "-v"], capture_output=True, text=True).stdout
    first = out.splitlines()[0] if out else "newsboat"
    return " ".join(first.split()[:2])


def count_rows(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(db) as con:
            return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.Error:
        return -1


class Newsdeck:
    name = "newsdeck"

    def __init__(self, work: Path, urls: Path, connections: int) -> None:
        self.work, self.urls, self.connections = work, urls, connections
        self.cmd = which_newsdeck()
        self.home: Path | None = None

    def _env(self) -> dict[str, str]:
        assert self.home is not None
        return {**os.environ, "NEWSDECK_HOME": str(self.home)}

    def prepare_cold(self, run: int) -> None:
        self.home = self.work / f"newsdeck-{run}"
        self.home.mkdir(parents=True)
        (self.home / "config.toml").write_text(
            f"[fetch]\nmax_connections = {self.connections}\nmax_per_host = {self.connections}\n"
        )
        done = subprocess.run(
            [*self.cmd, "import", str(self.urls)], env=self._env(), capture_output=True, text=True
        )
        if done.returncode != 0:
            raise SystemExit(f"bench: newsdeck import failed: {done.stderr.strip()}")

    def command(self) -> list[str]:
        return [*self.cmd, "fetch"]

    def env(self) -> dict[str, str]:
        return self._env()

    def articles(self) -> int:
        assert self.home is not None
        return count_rows(self.home / "newsdeck.db", "articles")


class Newsboat:
    name = "newsboat"

    def __init__(self, work: Path, urls: Path, threads: int) -> None:
        self.dir = work / "newsboat"
        self.dir.mkdir(parents=True)
        self.urls = urls
        self.config = self.dir / "config"
        self.config.write_text(f"reload-threads {threads}\ndownload-timeout 60\n")
        self.cache: Path | None = None

    def prepare_cold(self, run: int) -> None:
        self.cache = self.dir / f"cache-{run}.db"

    def command(self) -> list[str]:
        assert self.cache is not None
        return [
            shutil.which("newsboat") or "newsboat",
            "-x",
            "reload",
            "-u",
            str(self.urls),
            "-c",
            str(self.cache),
            "-C",
            str(self.config),
        ]

    def env(self) -> dict[str, str]:
        return {**os.environ, "HOME": str(self.dir)}  # never the user's ~/.newsboat

    def articles(self) -> int:
        assert self.cache is not None
        return count_rows(self.cache, "rss_item")


def check(tool: Newsdeck | Newsboat, run, expected: int, phase: str) -> None:
    got = tool.articles()
    if run.returncode != 0 or got != expected:
        detail = (run.stderr.strip() or run.stdout.strip()).splitlines()[-3:]
        raise SystemExit(
            f"bench: {tool.name} {phase} run: exit {run.returncode}, {got} of {expected} "
            f"articles stored: {' | '.join(detail)}"
        )


def fmt_mb(mb: float) -> str:
    return f"{mb:.0f} MB"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--runs", type=int, default=3, help="runs per figure; the median is shown")
    ap.add_argument(
        "--threads", type=int, default=16, help="newsboat reload-threads and newsdeck connections"
    )
    ap.add_argument("--no-newsboat", action="store_true", help="time newsdeck only")
    ap.add_argument("--no-warm", action="store_true", help="skip the warm (304) runs")
    ap.add_argument("--server", choices=["nginx", "python"], default="nginx")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args(argv)
    if args.feeds < 1 or args.items < 1 or args.runs < 1:
        ap.error("--feeds, --items and --runs must be at least 1")

    nb_version = None if args.no_newsboat else newsboat_version()
    work = Path(tempfile.mkdtemp(prefix="newsdeck-bench-"))
    work.chmod(0o755)  # nginx workers run as an unprivileged user and must read the feeds
    try:
        feeds_dir = work / "feeds"
        names = write_feeds(feeds_dir, args.feeds, args.items)
        size_kb = sum((feeds_dir / n).stat().st_size for n in names) / len(names) / 1024
        expected = args.feeds * args.items
        with FeedServer(feeds_dir, prefer=args.server) as server:
            urls = work / "urls"
            urls.write_text("".join(f"{server.base_url}{n}\n" for n in names))
            tools: list[Newsdeck | Newsboat] = [Newsdeck(work, urls, args.threads)]
            if nb_version:
                tools.append(Newsboat(work, urls, args.threads))
            phases = ["cold"] if args.no_warm else ["cold", "warm", "warm again"]
            series = {p: {t.name: Series() for t in tools} for p in phases}
            first_search = Series()
            answers: dict[str, dict[str, Counter[str]]] = {p: {} for p in phases}
            for run in range(args.runs):
                for tool in tools:
                    tool.prepare_cold(run)
                for phase in phases:
                    for tool in tools:
                        before = server.answers()
                        r = timed(tool.command(), env=tool.env())
                        check(tool, r, expected, phase)
                        series[phase][tool.name].runs.append(r)
                        answers[phase][tool.name] = server.answers() - before
                        print(
                            f"  run {run + 1} {phase}: {tool.name} {r.seconds:.2f} s",
                            file=sys.stderr,
                        )
                    if phase == "cold":
                        # newsdeck fills its full-text index after a refresh, at the latest
                        # when the next search asks: time that search too.
                        nd = tools[0]
                        r = timed([*nd.cmd, "search", SEARCH_WORD], env=nd.env())
                        if r.returncode != 0 or not r.stdout.strip():
                            raise SystemExit(f"bench: newsdeck search failed: {r.stderr.strip()}")
                        first_search.runs.append(r)
            summaries = {
                phase: next(
                    (
                        ln
                        for ln in series[phase]["newsdeck"].runs[-1].stdout.splitlines()
                        if "feeds:" in ln
                    ),
                    "",
                )
                for phase in phases
            }
            server_name = server.version
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)

    print(
        f"\n{args.feeds} feeds × {args.items} items ({size_kb:.0f} KB each), {server_name} on "
        f"127.0.0.1, median of {args.runs} run(s)\nmachine: {machine_summary()}"
    )
    if nb_version:
        print(f"newsboat: {nb_version}, reload-threads {args.threads}")
    for phase in phases:
        print(f"newsdeck {phase}: {summaries[phase]}")
    for phase in phases:
        got = ", ".join(
            f"{name} " + " ".join(f"{n}×{code}" for code, n in sorted(c.items()))
            for name, c in answers[phase].items()
            if c
        )
        if got:
            print(f"HTTP answers, {phase}: {got}")
    print("median seconds, peak memory (PSS of the process tree), (fastest–slowest run)")
    header = f"{'':10} {'newsdeck':>28}"
    if nb_version:
        header += f" {'newsboat':>29} {'ratio':>7}"
    print(header)
    result: dict[str, object] = {
        "feeds": args.feeds,
        "items": args.items,
        "runs": args.runs,
        "feed_kb": round(size_kb, 1),
        "server": server_name,
        "machine": machine_summary(),
        "newsboat": nb_version,
    }
    for phase in phases:
        nd = series[phase]["newsdeck"]
        line = f"{phase:10} {nd.median:6.2f} s {fmt_mb(nd.peak_mb):>7} ({nd.spread():>9})"
        entry: dict[str, object] = {
            "newsdeck_s": round(nd.median, 3),
            "newsdeck_mb": round(nd.peak_mb, 1),
            "newsdeck_runs": [round(r.seconds, 3) for r in nd.runs],
        }
        if nb_version:
            nb = series[phase]["newsboat"]
            ratio = nd.median / nb.median
            line += f" {nb.median:6.2f} s {fmt_mb(nb.peak_mb):>7} ({nb.spread():>9}) {ratio:6.2f}×"
            entry.update(
                newsboat_s=round(nb.median, 3),
                newsboat_mb=round(nb.peak_mb, 1),
                newsboat_runs=[round(r.seconds, 3) for r in nb.runs],
                ratio=round(ratio, 3),
            )
        entry["http_answers"] = {k: dict(v) for k, v in answers[phase].items()}
        print(line)
        result[phase] = entry
    print(
        f"newsdeck's first search after a cold refresh ({SEARCH_WORD!r}, indexes what it "
        f"stored): {first_search.median:.2f} s, {fmt_mb(first_search.peak_mb)}"
    )
    result["first_search_after_cold"] = {
        "newsdeck_s": round(first_search.median, 3),
        "runs": [round(r.seconds, 3) for r in first_search.runs],
    }
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
