"""About 60 real-world feed files, served over loopback, fetched by the real CLI.

The corpus (tests/fixtures/feeds, see SOURCES.tsv and README.md there) has
RSS 0.9x/1.0/2.0, Atom 0.3/1.0, RDF and JSON Feed in twenty encodings, and a
dozen broken files. The bar: a fresh cache stores at least 95% of the articles
feedparser's tolerant mode reads from the readable files; every file that
yields nothing is named on stderr with a reason; a second fetch is answered
304 for at least 80% of its requests, because validators were stored and sent.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import re
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

import feedparser
import pytest
from conftest import FIXTURE_FEEDS
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.library import Library

TYPES = {
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".json": "application/feed+json",
    ".html": "text/html",
}


def corpus() -> list[dict[str, str]]:
    with (FIXTURE_FEEDS / "SOURCES.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def tolerant_count(path: Path, row: dict[str, str]) -> int:
    """What feedparser's tolerant mode reads (JSON Feed: the object items, from SOURCES)."""
    if path.suffix == ".json":
        try:
            doc = json.loads(path.read_bytes().decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError):
            return 0
        items = doc.get("items") if isinstance(doc, dict) else None
        return sum(isinstance(i, dict) for i in items) if isinstance(items, list) else 0
    return len(feedparser.parse(io.BytesIO(path.read_bytes())).entries)


def serve_folder(httpserver: HTTPServer, folder: Path) -> dict[str, int]:
    """Serve files as a well-behaved server would: validators, and 304 when they match."""
    counts = {"200": 0, "304": 0, "404": 0}

    def handler(request: Request) -> Response:
        path = folder / request.path.lstrip("/")
        if not path.is_file() or path.parent != folder:
            counts["404"] += 1
            return Response("not found", status=404)
        body = path.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        modified = formatdate(int(path.stat().st_mtime), usegmt=True)
        since = request.headers.get("If-Modified-Since")
        not_modified = request.headers.get("If-None-Match") == etag
        if not not_modified and since and "If-None-Match" not in request.headers:
            try:
                not_modified = parsedate_to_datetime(since) >= parsedate_to_datetime(modified)
            except (TypeError, ValueError):
                not_modified = False
        headers = {"ETag": etag, "Last-Modified": modified}
        if not_modified:
            counts["304"] += 1
            return Response(status=304, headers=headers)
        counts["200"] += 1
        ctype = TYPES.get(path.suffix, "application/octet-stream")
        return Response(body, headers={**headers, "Content-Type": ctype})

    httpserver.expect_request(re.compile(r"/.*")).respond_with_handler(handler)
    return counts


def test_real_world_corpus(tmp_path: Path, httpserver: HTTPServer, run_cli) -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # 130 request lines say nothing
    rows = corpus()
    if len(rows) < 40:
        pytest.skip("the feed corpus is not in place yet")
    counts = serve_folder(httpserver, FIXTURE_FEEDS)
    urls = {row["file"]: httpserver.url_for("/" + row["file"]) for row in rows}
    (tmp_path / "urls").write_text("\n".join(urls.values()) + "\n", encoding="utf-8")
    assert run_cli("import", str(tmp_path / "urls")).returncode == 0

    first = run_cli("fetch", timeout=120)
    assert "Traceback" not in first.stderr
    named = {}
    for line in first.stderr.splitlines():
        match = re.match(r"newsdeck: (\S+): (.+)$", line)
        if match:
            named[match.group(1)] = match.group(2)

    with Library.open(tmp_path / "newsdeck.db", tmp_path / "config.toml") as lib:
        stored = {f.url: f.total for f in lib.feeds()}

    expected_total = stored_total = 0
    short: list[str] = []
    silent: list[str] = []
    for row in rows:
        path, url = FIXTURE_FEEDS / row["file"], urls[row["file"]]
        expected = tolerant_count(path, row)
        got = stored.get(url, 0)
        if expected:
            # a cache keys articles by identity: a feed listing one entry twice stores it once
            want = min(expected, int(row.get("distinct_ids") or expected))
            expected_total += want
            stored_total += min(got, want)
            if got < want:
                short.append(f"{row['file']}: {got} of {want}")
        if got == 0 and url not in named:
            silent.append(row["file"])
        if got == 0 and url in named:
            assert named[url].strip(), row["file"]

    ratio = stored_total / expected_total
    nothing = sorted(r["file"] for r in rows if stored.get(urls[r["file"]], 0) == 0)
    print(
        f"\ncorpus: {len(rows)} files, stored {stored_total} of {expected_total} articles "
        f"({ratio:.1%}); {len(nothing)} files yield nothing, all named on stderr: {not silent}"
    )
    for line in short:
        print("  short:", line)
    assert ratio >= 0.95, short
    assert not silent, f"yielded nothing without a reason on stderr: {silent}"
    unread_ok = [r["file"] for r in rows if r["expect"] == "ok" and not stored.get(urls[r["file"]])]
    if unread_ok:
        print("  readable files that stored nothing:", ", ".join(unread_ok))

    # every broken file is a failure (exit 1) or a note, each with its reason
    assert first.returncode == 1
    summary = first.stdout.strip().splitlines()[-1]
    assert summary.startswith(f"{len(rows)} feeds: ")

    before = dict(counts)
    second = run_cli("fetch", timeout=120)
    assert "Traceback" not in second.stderr
    asked_200 = counts["200"] - before["200"]
    asked_304 = counts["304"] - before["304"]
    asked = asked_200 + asked_304
    print(f"second fetch: {asked} requests, {asked_304} answered 304 ({asked_304 / asked:.0%})")
    assert asked > 0
    assert asked_304 / asked >= 0.80
    with Library.open(tmp_path / "newsdeck.db", tmp_path / "config.toml") as lib:
        assert {f.url: f.total for f in lib.feeds()} == stored  # nothing lost, nothing doubled
