"""Shared pieces of the benchmarks: real text, generated feeds, a loopback server, timed runs.

The benchmarks compare newsdeck with newsboat on the same machine in the same run, so every
helper here is about making that comparison fair and repeatable: feeds are generated from real
article text (the public-domain and CC-licensed ``sample_feeds/``) with a fixed seed, served by
nginx when it is installed (the setup of issue 7) or else by Python's http.server in its own
process, and each timed command is a fresh process whose peak memory is read from the kernel.
"""

from __future__ import annotations

import contextlib
import html
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_FEEDS = ROOT / "sample_feeds"


# -- real text ---------------------------------------------------------------------------------


def real_paragraphs(min_chars: int = 80) -> list[str]:
    """Paragraphs of the bundled sample feeds' articles, in a fixed order.

    Generated feeds must look like news to the parser and the search index (entities, curly
    quotes, long and short paragraphs), so they are built from these rather than lorem ipsum.
    """
    sys.path.insert(0, str(ROOT))
    from reader.parse import parse_feed
    from reader.sanitize import html_to_text

    paragraphs: list[str] = []
    for path in sorted(SAMPLE_FEEDS.iterdir()):
        if path.suffix not in (".rss", ".atom", ".json", ".xml"):
            continue
        parsed = parse_feed(path.read_bytes(), path.as_uri())
        for article in parsed.articles:
            text = html_to_text(article.content or article.summary or "")
            paragraphs.extend(p for p in text.split("\n\n") if len(p) >= min_chars)
    if not paragraphs:
        raise SystemExit(f"bench: no article text found in {SAMPLE_FEEDS}")
    return paragraphs


def _para_html(text: str, rng: random.Random, feed: int, item: int) -> str:
    """One paragraph as a news site would mark it up: a link or an emphasis now and then."""
    words = html.escape(text, quote=False).split(" ")
    if len(words) > 12 and rng.random() < 0.5:
        i = rng.randrange(2, len(words) - 6)
        words[i] = f'<a href="https://news.example/{feed}/{item}/ref{i}">{words[i]}'
        words[i + 3] = f"{words[i + 3]}</a>"
    if len(words) > 12 and rng.random() < 0.3:
        i = rng.randrange(0, len(words) - 3)
        words[i] = f"<em>{words[i]}"
        words[i + 1] = f"{words[i + 1]}</em>"
    return "<p>" + " ".join(words) + "</p>"


def make_feed(
    paragraphs: Sequence[str], feed: int, items: int, *, body_chars: int = 1820, seed: int = 7
) -> bytes:
    """An RSS 2.0 feed of ``items`` entries of about ``body_chars`` of HTML each.

    With the defaults a 50-item feed is about 126 KB, the size issue 7 measured newsboat on.
    Each entry gets its own mix of paragraphs, title, date and author, so no two bodies are
    the same and the full-text index does real work.
    """
    rng = random.Random(seed * 1_000_003 + feed)
    base = datetime(2026, 11, 1, tzinfo=UTC) - timedelta(hours=feed)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
        f"<title>Bench feed {feed}</title>\n<link>https://news.example/{feed}/</link>\n"
        f"<description>Generated from real article text for the newsdeck benchmark</description>\n"
        f"<language>en</language>\n<lastBuildDate>{format_datetime(base)}</lastBuildDate>\n"
    ]
    for item in range(items):
        chosen: list[str] = []
        size = 0
        while size < body_chars:
            p = rng.choice(paragraphs)
            chosen.append(_para_html(p, rng, feed, item))
            size += len(chosen[-1])
        first = rng.choice(paragraphs)
        title = " ".join(first.split()[: rng.randint(6, 12)]).rstrip(".,;:")
        summary = first[:240]
        date = base - timedelta(minutes=37 * item + rng.randint(0, 30))
        out.append(
            "<item>\n"
            f"<title>{html.escape(title, quote=False)}</title>\n"
            f"<link>https://news.example/{feed}/articles/{item}.html</link>\n"
            f'<guid isPermaLink="false">bench-{feed}-{item}</guid>\n'
            f"<pubDate>{format_datetime(date)}</pubDate>\n"
            f"<dc:creator>Reporter {rng.randint(1, 40)}</dc:creator>\n"
            f"<description>{html.escape(summary, quote=False)}</description>\n"
            f"<content:encoded><![CDATA[{''.join(chosen)}]]></content:encoded>\n"
            "</item>\n"
        )
    out.append("</channel>\n</rss>\n")
    return "".join(out).encode("utf-8")


def write_feeds(directory: Path, feeds: int, items: int) -> list[str]:
    """Write ``feeds`` files into ``directory``; return their names."""
    paragraphs = real_paragraphs()
    directory.mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(feeds):
        name = f"feed{i:05d}.xml"
        (directory / name).write_bytes(make_feed(paragraphs, i, items))
        names.append(name)
    return names


# -- a loopback server ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"bench: {what} exited at start (code {proc.returncode})")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"bench: {what} did not listen on 127.0.0.1:{port} within 10 s")


_NGINX_CONF = """\
worker_processes 2;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    log_format bench '$status';
    access_log {tmp}/access.log bench;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    types {{ application/rss+xml xml; }}
    keepalive_requests 10000;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        etag on;
    }}
}}
"""


class FeedServer:
    """Serves a folder on 127.0.0.1 from another process, with ETag and Last-Modified.

    nginx is preferred (it is what issue 7's newsboat figures were taken with and it never
    becomes the bottleneck); without it, ``python -m http.server`` (Last-Modified only, one
    thread per connection) in its own process keeps the benchmark runnable anywhere.
    """

    def __init__(self, root: Path, *, prefer: str = "nginx") -> None:
        self.root = root
        self.port = free_port()
        self._tmp = Path(tempfile.mkdtemp(prefix="newsdeck-bench-srv-"))
        self.kind = "nginx" if prefer == "nginx" and shutil.which("nginx") else "python"
        self.proc: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def answers(self) -> Counter[str]:
        """HTTP status codes nginx has sent so far (empty with the Python server)."""
        log = self._tmp / "access.log"
        try:
            return Counter(log.read_text().split())
        except OSError:
            return Counter()

    def __enter__(self) -> FeedServer:
        if self.kind == "nginx":
            conf = self._tmp / "nginx.conf"
            conf.write_text(_NGINX_CONF.format(tmp=self._tmp, port=self.port, root=self.root))
            self.proc = subprocess.Popen(
                [shutil.which("nginx") or "nginx", "-c", str(conf), "-p", str(self._tmp)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
            self.version = (
                subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip()
                or "nginx"
            )
        else:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "http.server",
                    "--bind",
                    "127.0.0.1",
                    "--directory",
                    str(self.root),
                    str(self.port),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            self.version = f"python {sys.version.split()[0]} http.server"
        _wait_for_port(self.port, self.proc, self.kind)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        shutil.rmtree(self._tmp, ignore_errors=True)


# -- timed runs ---------------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    peak_mb: float  # PSS of the process tree, sampled every 20 ms (RSS without psutil)
    returncode: int
    stdout: str = ""
    stderr: str = ""


def _tree_memory(pid: int) -> int:
    """Proportional set size of a process and its children, summed.

    PSS shares each page among the processes mapping it, so forked workers (whose pages are
    mostly the parent's, copy-on-write) are not counted twice, and one process compares
    fairly with a process tree. Falls back to RSS where PSS is not available.
    """
    import psutil

    def one(proc: psutil.Process) -> int:
        try:
            return proc.memory_full_info().pss
        except (psutil.Error, AttributeError):
            with contextlib.suppress(psutil.Error):
                return proc.memory_info().rss
        return 0

    try:
        proc = psutil.Process(pid)
        return one(proc) + sum(one(c) for c in proc.children(recursive=True))
    except psutil.Error:
        return 0


def timed(cmd: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Run ``cmd`` to completion; wall time and peak resident memory.

    With psutil the process tree's memory (PSS) is sampled every 20 ms, so a process pool's
    workers count too; without it, the kernel's peak RSS of the largest process (wait4).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=err)
        peak = 0
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not stop.wait(0.02):
                peak = max(peak, _tree_memory(proc.pid))

        sampler = None
        try:
            import psutil  # noqa: F401

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
        except ImportError:
            pass
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        stop.set()
        if sampler is not None:
            sampler.join()
        out.seek(0)
        err.seek(0)
        peak_mb = peak / 2**20 if peak else usage.ru_maxrss / 1024
        return Run(
            seconds,
            peak_mb,
            proc.returncode,
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
        )


@dataclass
class Series:
    runs: list[Run] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(r.peak_mb for r in self.runs)

    def spread(self) -> str:
        secs = sorted(r.seconds for r in self.runs)
        return f"{secs[0]:.2f}–{secs[-1]:.2f}" if len(secs) > 1 else f"{secs[0]:.2f}"


def machine_summary() -> str:
    """nproc, CPU model and RAM: the figures mean nothing without them."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = ""
    try:
        import psutil

        ram = f", {psutil.virtual_memory().total / 2**30:.0f} GiB RAM"
    except ImportError:
        pass
    return f"{os.cpu_count()} CPUs ({cpu}){ram}, Python {sys.version.split()[0]}"


def which_newsdeck() -> list[str]:
    """The installed console script, else ``python -m reader`` from this checkout."""
    exe = shutil.which("newsdeck")
    return [exe] if exe else [sys.executable, "-m", "reader"]
