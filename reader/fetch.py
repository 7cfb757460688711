"""The only code that reads feeds from where they live.

Local paths and ``file://`` URLs are read from disk here; HTTP arrives in the
same shape (a FetchRequest in, a FetchResult out) so the update pipeline does
not care where bytes came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from reader.config import Config


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
            return FetchResult(
                request.url, ok=False, error=f"larger than {max_bytes // (1024 * 1024)} MB"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        return FetchResult(request.url, ok=False, error="no such file")
    except IsADirectoryError:
        return FetchResult(request.url, ok=False, error="is a folder, not a feed file")
    except OSError as exc:
        return FetchResult(request.url, ok=False, error=exc.strerror or str(exc))
    return FetchResult(request.url, ok=True, data=data)


def fetch_all(requests: Iterable[FetchRequest], config: Config) -> Iterator[FetchResult]:
    """Yield one result per request, in completion order."""
    for request in requests:
        if is_local(request.url):
            yield read_local(request, config.max_body_bytes)
        else:
            yield FetchResult(request.url, ok=False, error="HTTP feeds are not supported yet")
