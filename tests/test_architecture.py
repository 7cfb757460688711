"""Structural promises: the core is Textual-free, and the wheel carries the samples."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE_MODULES = [
    "reader.models",
    "reader.store",
    "reader.parse",
    "reader.update",
    "reader.library",
    "reader.config",
    "reader.cli",
    "reader.opml",
    "reader.fetch",
    "reader.sanitize",
    "reader.content.document",
    "reader.content.quotes",
    "reader.content.facts",
    "reader.content.render",
]


def test_core_never_imports_textual():
    """Like harlequin: import the whole core in a fresh interpreter and look at sys.modules."""
    code = (
        "import importlib, json, sys\n"
        f"for name in {CORE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'textual')))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []


def test_cli_commands_do_not_load_textual_or_the_network_stack():
    """`newsdeck feeds` from cron should start fast: no Textual, no httpx."""
    code = (
        "import sys, json\n"
        "from reader.cli import build_parser\n"
        "build_parser()\n"
        "print(json.dumps([m for m in ('textual', 'httpx', 'feedparser') if m in sys.modules]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []


@pytest.mark.slow
def test_wheel_ships_the_sample_feeds(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = tmp_path.glob("newsdeck-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    samples = [n for n in names if n.startswith("reader/sample_feeds/")]
    assert any(n.endswith(".json") for n in samples)
    assert any(n.endswith((".xml", ".rss")) for n in samples)
    assert any(n.endswith(".atom") for n in samples)
    assert "reader/sample_feeds/README.md" in names
    assert "reader/tui/app.tcss" in names
