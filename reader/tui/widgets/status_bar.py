"""The line above the footer: refresh progress, then what the last refresh found.

Refreshing shows "Refreshing 3/12" with a progress bar of feeds done out of the total; afterwards
the line says what changed, or "offline" when no feed could be reached, so the state is visible
after the notification has gone.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class StatusBar(Horizontal):
    """Refresh progress and the reader's connection state."""

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        background: $panel;
        padding: 0 1;
        & > #status-text { width: 1fr; color: $foreground-muted; }
        & > #status-progress { width: 30; display: none; }
        &.-refreshing > #status-progress { display: block; }
        & > #status-state { width: auto; color: $text-warning; text-style: bold; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Label("", id="status-text")
        yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="status-progress")
        yield Label("", id="status-state")

    def start_refresh(self, total: int) -> None:
        self.add_class("-refreshing")
        bar = self.query_one(ProgressBar)
        bar.update(total=max(total, 1), progress=0)
        self.set_text(f"Refreshing 0/{total} feeds")

    def progress(self, done: int, total: int) -> None:
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        self.set_text(f"Refreshing {done}/{total} feeds")

    def end_refresh(self, summary: str) -> None:
        self.remove_class("-refreshing")
        self.set_text(summary)

    def set_text(self, text: str) -> None:
        self.query_one("#status-text", Label).update(Text(text))

    def set_state(self, state: str) -> None:
        """ "offline", or "" when feeds answer again."""
        self.query_one("#status-state", Label).update(Text(state))

    @property
    def text(self) -> str:
        return str(self.query_one("#status-text", Label).render())
