"""Shared fixtures: a real Library in tmp_path, real HTTP servers on 127.0.0.1, the CLI.

Nothing here fakes our own code: the database is a real SQLite file, servers
are real sockets on loopback, and the CLI runs as the installed ``newsdeck``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.library import Library

TESTS = Path(__file__).resolve().parent
FIXTURE_FEEDS = TESTS / "fixtures" / "feeds"
SAMPLE_FEEDS = TESTS.parent / "sample_feeds"


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    """pytest-httpserver on 127.0.0.1 (not "localhost", which may try ::1 first)."""
    return ("127.0.0.1", 0)


def write_config(path: Path, fetch: dict[str, object] | None = None) -> Path:
    lines = []
    if fetch:
        lines.append("[fetch]")
        for key, value in fetch.items():
            lines.append(
                f"{key} = {value!r}" if not isinstance(value, str) else f'{key} = "{value}"'
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    """A Library on a fresh database, default settings."""
    library = Library.open(tmp_path / "db", tmp_path / "config.toml")
    yield library
    library.close()


@pytest.fixture
def make_lib(tmp_path: Path) -> Iterator[Callable[..., Library]]:
    """A Library whose config.toml has these [fetch] settings (small timeouts, small caps)."""
    opened: list[Library] = []

    def make(**fetch: object) -> Library:
        config = write_config(tmp_path / "config.toml", fetch)
        library = Library.open(tmp_path / "db", config)
        opened.append(library)
        return library

    yield make
    for library in opened:
        library.close()


@pytest.fixture
def run_cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the installed ``newsdeck`` with NEWSDECK_HOME=tmp_path (never the real home)."""

    def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "NEWSDECK_HOME": str(tmp_path), "COLUMNS": "200"}
        env.pop("NEWSDECK_DEBUG", None)
        return subprocess.run(
            [sys.executable, "-m", "reader", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )

    return run


def free_port() -> int:
    """A port nobody listens on (for "connection refused")."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StallingServer:
    """A raw TCP server that misbehaves on purpose.

    ``mode="silent"``: accept and never answer. ``mode="trickle"``: send a 200
    with a big Content-Length, then one byte every ``interval`` seconds, so a
    client that only has a per-read timeout would wait forever.
    """

    def __init__(self, mode: str = "trickle", interval: float = 0.05) -> None:
        self.mode = mode
        self.interval = interval
        self._stop = threading.Event()
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self._sock.settimeout(0.1)
        self.port = self._sock.getsockname()[1]
        self.connections = 0
        self._threads: list[threading.Thread] = []
        self._accepter = threading.Thread(target=self._accept, daemon=True)
        self._accepter.start()

    def url(self, path: str = "/feed.xml") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            t.start()
            self._threads.append(t)

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                if self.mode == "trickle":
                    conn.sendall(
                        b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                        b"Content-Length: 1000000\r\n\r\n<?xml version='1.0'?><rss version='2.0'>"
                    )
                    while not self._stop.wait(self.interval):
                        conn.sendall(b" ")
                else:
                    self._stop.wait()
            except OSError:
                return

    def close(self) -> None:
        self._stop.set()
        self._sock.close()
        self._accepter.join(timeout=2)
        for t in self._threads:
            t.join(timeout=2)


@pytest.fixture
def stalling_server() -> Iterator[Callable[..., StallingServer]]:
    servers: list[StallingServer] = []

    def make(mode: str = "trickle", interval: float = 0.05) -> StallingServer:
        server = StallingServer(mode, interval)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.close()
