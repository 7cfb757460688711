"""End to end: the installed ``newsdeck`` in a real terminal (tmux), on a fresh NEWSDECK_HOME.

It waits for a sample headline, searches for "Banjska", opens the seed article, reads its text,
then quits with q and checks that the terminal is left as it was: the shell prompt back, no
alternate screen, no mouse reporting, the cursor visible.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
NEWSDECK = shutil.which("newsdeck")

pytestmark = [
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(NEWSDECK is None, reason="the newsdeck command is not installed"),
]

WIDTH, HEIGHT = 90, 30  # under 100 columns: one pane at a time, so article lines are whole


class Terminal:
    """A tmux session on its own server socket, read with capture-pane."""

    def __init__(self, socket: Path, env: dict[str, str]) -> None:
        self.socket = socket
        self.env = env

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        done = subprocess.run(
            [TMUX, "-S", str(self.socket), *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=20,
            check=True,
        )
        return done.stdout

    def start(self) -> None:
        self.tmux(
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            str(WIDTH),
            "-y",
            str(HEIGHT),
            "sh",
        )

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "e2e")

    def send(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", "e2e", *(["-l"] if literal else []), *keys)

    def flags(self) -> dict[str, str]:
        names = ("alternate_on", "mouse_any_flag", "mouse_standard_flag", "cursor_flag")
        out = self.tmux("display-message", "-p", "-t", "e2e", " ".join(f"#{{{n}}}" for n in names))
        return dict(zip(names, out.split(), strict=True))

    def wait_for(self, predicate: Callable[[str], bool], what: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the screen was:\n{screen}")


def prose(screen: str) -> str:
    """Screen text with box borders removed and lines joined, for finding wrapped sentences."""
    lines = [line.strip().strip("│┃|").strip() for line in screen.splitlines()]
    return re.sub(r"\s+", " ", " ".join(lines))


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "NEWSDECK_HOME": str(home),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "TZ": "UTC",
    }
    term = Terminal(tmp_path / "tmux.sock", env)
    term.start()
    try:
        yield term
    finally:
        subprocess.run(
            [str(TMUX), "-S", str(term.socket), "kill-server"], capture_output=True, timeout=20
        )


def test_read_the_seed_article_in_a_real_terminal(terminal: Terminal) -> None:
    terminal.send("PS1='e2e$ '", "Enter")
    terminal.wait_for(lambda s: "e2e$" in s, "the shell prompt", timeout=10)
    terminal.send("newsdeck; echo newsdeck-exit=$?", "Enter")

    terminal.wait_for(lambda s: "We Want to See Progress" in s, "a sample headline")
    terminal.send("/")
    terminal.send("Banjska", literal=True)
    terminal.send("Enter")
    screen = terminal.wait_for(lambda s: "Search: Banjska" in s, "the search results")
    assert "perpetrators of violence in Banjska" in prose(screen)  # the snippet

    terminal.send("Enter")
    screen = terminal.wait_for(
        lambda s: "NATO maintains its largest military mission" in prose(s), "the article text"
    )
    assert "Western Balkans region holds significant importance" in prose(screen)

    for _ in range(4):  # article -> results -> headlines -> feeds -> quit
        terminal.send("q")
        time.sleep(0.3)
    screen = terminal.wait_for(
        lambda s: re.search(r"^newsdeck-exit=\d+", s, re.MULTILINE) is not None,
        "newsdeck to exit",
        timeout=15,
    )
    assert re.search(r"^newsdeck-exit=0$", screen, re.MULTILINE)
    assert "Traceback" not in screen
    assert "We Want to See Progress" not in screen  # the app's screen is gone
    flags = terminal.flags()
    assert flags["alternate_on"] == "0"
    assert flags["mouse_any_flag"] == "0" and flags["mouse_standard_flag"] == "0"
    assert flags["cursor_flag"] == "1"
    terminal.send("echo still-working", "Enter")
    terminal.wait_for(lambda s: "\nstill-working" in s, "the shell to answer", timeout=10)
