"""The only code that reads feeds from where they live.

HTTP goes through one ``httpx.AsyncClient`` whose event loop runs in a
background thread; local paths and ``file://`` URLs are read from disk by the
same run. Either way a FetchRequest goes in and a FetchResult comes out, handed
to the consuming thread as each one completes, so the update pipeline (used by
the CLI and by the TUI's refresh worker) reads one synchronous stream and never
cares where bytes came from.

Why a loop in a thread rather than ``asyncio.run`` in the caller: the TUI calls
the pipeline from a worker thread and the CLI from the main thread; neither can
be asked to become async, and parsing must happen outside the event loop so
that one 10 MB feed being parsed never stalls a hundred downloads.

Politeness and safety live here: a total and a per-host connection limit,
conditional GET, a body cap checked while streaming, a per-feed deadline that
also catches servers trickling bytes, manual redirect handling (so a permanent
move can be told from a temporary one), and reasons in words for every failure.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlparse

from reader import PROJECT_URL, __version__
from reader.config import Config
from reader.errors import NewsdeckError

if TYPE_CHECKING:
    import httpx

MAX_REDIRECTS = 5
PERMANENT_REDIRECTS = (301, 308)
TEMPORARY_REDIRECTS = (302, 303, 307)
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)


class FetchFailed(NewsdeckError):
    """A single fetch (``add``) failed; the message is "URL: reason"."""


@dataclass(frozen=True, slots=True)
class FetchRequest:
    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class FetchResult:
    url: str  # the URL asked for
    ok: bool
    data: bytes | None = None
    content_type: str | None = None
    not_modified: bool = False
    etag: str | None = None
    last_modified: str | None = None
    status: int | None = None  # HTTP status, None for files
    error: str | None = None  # the reason in words when not ok
    permanent_url: str | None = None  # a 301/308 moved the feed here
    gone: bool = False  # 410: stop asking
    retry_after: float | None = None  # seconds the server asked us to wait
    final_url: str | None = None  # where the body came from after all redirects


def user_agent(config: Config) -> str:
    return config.user_agent or f"newsdeck/{__version__} (+{PROJECT_URL})"


def size_text(max_bytes: int) -> str:
    """'10 MB' for the cap as the user configured it (max_body_mb)."""
    mb = max_bytes / (1024 * 1024)
    return f"{round(mb, 2):g} MB" if round(mb, 2) > 0 else f"{max_bytes:,} bytes"


# -- local files -------------------------------------------------------------------


def is_local(url: str) -> bool:
    scheme = urlparse(url).scheme.lower()
    return scheme in ("", "file", "sample") or (len(scheme) == 1 and url[1:3] in (":\\", ":/"))


def local_path(url: str) -> Path:
    parsed = urlparse(url)
    if parsed.scheme.lower() == "sample":
        from reader.paths import sample_feeds_dir

        return sample_feeds_dir() / Path(parsed.path).name
    if parsed.scheme.lower() == "file":
        return Path(unquote(parsed.path))
    return Path(url).expanduser()


def read_local(request: FetchRequest, max_bytes: int) -> FetchResult:
    path = local_path(request.url)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return FetchResult(request.url, ok=False, error=f"larger than {size_text(max_bytes)}")
        data = path.read_bytes()
    except FileNotFoundError:
        return FetchResult(request.url, ok=False, error="no such file")
    except IsADirectoryError:
        return FetchResult(request.url, ok=False, error="is a folder, not a feed file")
    except OSError as exc:
        return FetchResult(request.url, ok=False, error=exc.strerror or str(exc))
    return FetchResult(request.url, ok=True, data=data, final_url=request.url)


# -- HTTP: one feed ----------------------------------------------------------------------


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Retry-After is either delta-seconds or an HTTP date; both become seconds from now."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return max(when.timestamp() - now, 0.0)


def connect_error_reason(exc: BaseException) -> str:
    """httpx wraps OS errors in prose; users need the short cause."""
    import socket
    import ssl

    chain: list[BaseException] = []
    link: BaseException | None = exc
    while link is not None and len(chain) < 10:
        chain.append(link)
        link = link.__cause__ or link.__context__
    text = " ".join(str(e) for e in chain).lower()
    if any(isinstance(e, ConnectionRefusedError) for e in chain) or "refused" in text:
        return "connection refused"
    if any(isinstance(e, socket.gaierror) for e in chain) or any(
        s in text
        for s in (
            "name or service not known",
            "nodename nor servname",
            "temporary failure in name resolution",
            "no address associated",
            "getaddrinfo failed",
        )
    ):
        return "DNS lookup failed"
    if any(isinstance(e, ssl.SSLError) for e in chain) or "certificate" in text:
        return f"TLS error: {chain[-1]}"
    if "network is unreachable" in text or "no route to host" in text:
        return "network unreachable"
    if any(isinstance(e, ConnectionResetError) for e in chain) or "reset" in text:
        return "connection reset"
    return f"cannot connect: {exc or type(exc).__name__}"


_STATUS_WORDS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    406: "Not Acceptable",
    408: "Request Timeout",
    410: "Gone",
    429: "Too Many Requests",
    451: "Unavailable For Legal Reasons",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


def status_text(code: int) -> str:
    words = _STATUS_WORDS.get(code)
    return f"HTTP {code} {words}" if words else f"HTTP {code}"


class _Failure(Exception):
    """Carries a finished FetchResult out of the nested request code."""

    def __init__(self, result: FetchResult) -> None:
        super().__init__(result.error)
        self.result = result


async def _fetch_http(
    client: httpx.AsyncClient, request: FetchRequest, config: Config
) -> FetchResult:
    """One feed, all redirect hops and the body, under one deadline."""
    import httpx

    try:
        async with asyncio.timeout(config.timeout):
            return await _follow(client, request, config)
    except TimeoutError:
        return FetchResult(request.url, ok=False, error=f"timed out after {config.timeout:g} s")
    except _Failure as failure:
        return failure.result
    except httpx.ConnectTimeout:
        return FetchResult(
            request.url, ok=False, error=f"no connection within {config.connect_timeout:g} s"
        )
    except httpx.TimeoutException:
        return FetchResult(request.url, ok=False, error=f"timed out after {config.timeout:g} s")
    except httpx.ConnectError as exc:
        return FetchResult(request.url, ok=False, error=connect_error_reason(exc))
    except httpx.DecodingError as exc:
        return FetchResult(request.url, ok=False, error=f"cannot decode the compressed body: {exc}")
    except httpx.RemoteProtocolError as exc:
        reason = str(exc) or "invalid HTTP response"
        if "without sending complete message body" in reason or "incomplete" in reason:
            reason = "connection closed before the whole body arrived"
        return FetchResult(request.url, ok=False, error=f"bad HTTP response: {reason}")
    except (httpx.ReadError, httpx.WriteError) as exc:
        return FetchResult(request.url, ok=False, error=connect_error_reason(exc))
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        return FetchResult(request.url, ok=False, error=f"not a valid http(s) URL: {exc}")
    except httpx.HTTPError as exc:
        return FetchResult(request.url, ok=False, error=f"{type(exc).__name__}: {exc}".rstrip(": "))


async def _follow(client: httpx.AsyncClient, request: FetchRequest, config: Config) -> FetchResult:
    headers = {"Accept": ACCEPT}
    if request.etag:
        headers["If-None-Match"] = request.etag
    if request.last_modified:
        headers["If-Modified-Since"] = request.last_modified
    url = request.url
    seen = {url}
    permanent_url: str | None = None
    still_permanent = True  # a 301 after a 302 is not ours to record
    for _hop in range(MAX_REDIRECTS + 1):
        async with client.stream("GET", url, headers=headers) as response:
            code = response.status_code
            if code in PERMANENT_REDIRECTS or code in TEMPORARY_REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise _Failure(
                        FetchResult(
                            request.url,
                            ok=False,
                            status=code,
                            error=f"{status_text(code)} redirect without a Location",
                        )
                    )
                target = urljoin(url, location.strip())
                if target in seen:
                    raise _Failure(
                        FetchResult(request.url, ok=False, status=code, error="redirect loop")
                    )
                seen.add(target)
                if code in PERMANENT_REDIRECTS and still_permanent:
                    permanent_url = target
                else:
                    still_permanent = False
                url = target
                continue
            return await _finish(response, request, config, url, permanent_url)
    return FetchResult(
        request.url, ok=False, error=f"too many redirects (more than {MAX_REDIRECTS})"
    )


async def _finish(
    response: httpx.Response,
    request: FetchRequest,
    config: Config,
    url: str,
    permanent_url: str | None,
) -> FetchResult:
    code = response.status_code
    common = {"status": code, "permanent_url": permanent_url, "final_url": url}
    if code == 304:
        return FetchResult(
            request.url,
            ok=True,
            not_modified=True,
            etag=response.headers.get("etag") or request.etag,
            last_modified=response.headers.get("last-modified") or request.last_modified,
            **common,
        )
    if code == 410:
        return FetchResult(
            request.url,
            ok=False,
            gone=True,
            error="HTTP 410 Gone: the site removed the feed; disabled (fetch --force retries)",
            **common,
        )
    if code >= 400 or code < 200:
        retry = None
        if code in (429, 503):
            retry = retry_after_seconds(response.headers.get("retry-after"), time.time())
        error = status_text(code)
        if retry is not None:
            error += f" (retry after {_duration(retry)})"
        return FetchResult(request.url, ok=False, error=error, retry_after=retry, **common)
    cap = config.max_body_bytes
    too_big = f"larger than {size_text(cap)}"
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        return FetchResult(request.url, ok=False, error=too_big, **common)
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > cap:  # decoded size: a gzip bomb stops here too
            return FetchResult(request.url, ok=False, error=too_big, **common)
        chunks.append(chunk)
    return FetchResult(
        request.url,
        ok=True,
        data=b"".join(chunks),
        content_type=response.headers.get("content-type"),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
        **common,
    )


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{round(seconds / 3600, 1):g} h"


class HostSlots:
    """At most ``per_host`` feeds in flight to one host (the host the feed's URL names)."""

    def __init__(self, per_host: int) -> None:
        self._per_host = per_host
        self._sems: dict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(self._per_host)
        )

    @staticmethod
    def key(url: str) -> str:
        parsed = urlparse(url)
        return (parsed.hostname or "").lower()

    @contextlib.asynccontextmanager
    async def hold(self, url: str) -> AsyncIterator[None]:
        async with self._sems[self.key(url)]:
            yield


# -- the run: an event loop in a thread ------------------------------------------------


def _round_robin(requests: list[FetchRequest]) -> list[FetchRequest]:
    """Interleave hosts so one host's long list never fills the window by itself."""
    by_host: dict[str, deque[FetchRequest]] = {}
    for req in requests:
        by_host.setdefault(HostSlots.key(req.url), deque()).append(req)
    order: list[FetchRequest] = []
    queues = deque(by_host.values())
    while queues:
        q = queues.popleft()
        order.append(q.popleft())
        if q:
            queues.append(q)
    return order


class FetchRun:
    """Fetches a batch in a background thread and delivers each result as it lands.

    ``deliver`` is called from the fetch thread with each FetchResult. At most
    ``window`` results may be delivered but not yet ``release()``d: that bounds
    the bodies held in memory when parsing falls behind the network, without
    ever blocking the event loop (which would make in-flight downloads time out).
    """

    def __init__(
        self,
        requests: Iterable[FetchRequest],
        config: Config,
        deliver: Callable[[FetchResult], None],
        *,
        window: int | None = None,
    ) -> None:
        self.requests = list(requests)
        self.config = config
        self._deliver_to = deliver
        self._delivered: set[str] = set()
        self.window = window or max(config.max_connections * 4, 8)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._window_sem: asyncio.Semaphore | None = None
        self._main: asyncio.Task[None] | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(
            target=self._thread_main, name="newsdeck-fetch", daemon=True
        )

    def _deliver(self, result: FetchResult) -> None:
        self._delivered.add(result.url)
        self._deliver_to(result)

    def start(self) -> FetchRun:
        self._thread.start()
        self._ready.wait()
        return self

    def release(self) -> None:
        """The consumer is done with one delivered result: let another fetch start."""
        loop, sem = self._loop, self._window_sem
        if loop is not None and sem is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop has just finished
                loop.call_soon_threadsafe(sem.release)

    def close(self) -> None:
        """Stop early (the consumer went away): cancel what is in flight and wait."""
        loop, main = self._loop, self._main
        if loop is not None and main is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(main.cancel)
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout=self.config.connect_timeout + 5)

    def _thread_main(self) -> None:
        asyncio.run(self._run())

    async def _run(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._window_sem = asyncio.Semaphore(self.window)
        self._main = asyncio.current_task()
        self._ready.set()
        local = [r for r in self.requests if is_local(r.url)]
        remote = [r for r in self.requests if not is_local(r.url)]
        try:
            if local:
                await self._run_local(local)
            if remote:
                await self._run_remote(remote)
        except asyncio.CancelledError:
            pass
        except Exception as exc:  # never leave the consumer waiting for results that won't come
            for req in self.requests:
                if req.url not in self._delivered:
                    self._deliver(
                        FetchResult(
                            req.url, ok=False, error=f"fetch error: {type(exc).__name__}: {exc}"
                        )
                    )

    async def _run_local(self, local: list[FetchRequest]) -> None:
        assert self._window_sem is not None
        for req in local:
            await self._window_sem.acquire()
            result = await asyncio.to_thread(read_local, req, self.config.max_body_bytes)
            self._deliver(result)

    async def _run_remote(self, remote: list[FetchRequest]) -> None:
        import httpx

        assert self._window_sem is not None
        cfg = self.config
        limits = httpx.Limits(
            max_connections=cfg.max_connections,
            max_keepalive_connections=cfg.max_connections,
            keepalive_expiry=30,
        )
        timeout = httpx.Timeout(
            connect=cfg.connect_timeout, read=cfg.timeout, write=cfg.timeout, pool=None
        )
        host_slots = HostSlots(cfg.max_per_host)
        # Our own total limit, taken before the per-feed clock starts: a feed waiting
        # for a free connection must not be timed out for other servers' slowness.
        connections = asyncio.Semaphore(cfg.max_connections)
        tasks: set[asyncio.Task[None]] = set()
        async with httpx.AsyncClient(
            limits=limits,
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": user_agent(cfg)},
        ) as client:

            async def one(req: FetchRequest) -> None:
                try:
                    async with host_slots.hold(req.url), connections:
                        result = await _fetch_http(client, req, cfg)
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # a bug here must cost one feed, not the run
                    result = FetchResult(
                        req.url, ok=False, error=f"fetch error: {type(exc).__name__}: {exc}"
                    )
                self._deliver(result)

            try:
                for req in _round_robin(remote):
                    await self._window_sem.acquire()
                    task = asyncio.create_task(one(req))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
                if tasks:
                    await asyncio.gather(*tasks)
            finally:
                for task in list(tasks):
                    task.cancel()
                if tasks:
                    await asyncio.gather(*tasks, return_exceptions=True)


def fetch_all(requests: Iterable[FetchRequest], config: Config) -> Iterator[FetchResult]:
    """Yield one result per request, in completion order.

    Closing the iterator early cancels the downloads still in flight.
    """
    requests = list(requests)
    if not requests:
        return
    results: queue.Queue[FetchResult] = queue.Queue()
    run = FetchRun(requests, config, results.put).start()
    try:
        for _ in range(len(requests)):
            result = results.get()
            yield result
            run.release()
    finally:
        run.close()


def fetch_one(url: str, config: Config, *, etag: str | None = None) -> FetchResult:
    """One request, for ``add`` and discovery."""
    for result in fetch_all([FetchRequest(url, etag=etag)], config):
        return result
    raise AssertionError("fetch_all yielded nothing")  # pragma: no cover
