"""The installed ``newsdeck`` command, run as a user would, on a fresh NEWSDECK_HOME."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

NEWSDECK = shutil.which("newsdeck")
pytestmark = pytest.mark.skipif(NEWSDECK is None, reason="newsdeck is not installed")


def run(home: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSDECK_HOME": str(home), "NO_COLOR": "1"}
    env.pop("NEWSDECK_DEBUG", None)
    return subprocess.run(
        [NEWSDECK, *args], capture_output=True, text=True, env=env, timeout=60, input=input
    )


def assert_one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> None:
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    for needle in needles:
        assert needle in lines[0]


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


def test_first_fetch_loads_the_samples_offline(home):
    proc = run(home, "fetch")
    assert proc.returncode == 0, proc.stderr
    assert "0 failed" in proc.stdout
    feeds = run(home, "feeds")
    assert feeds.returncode == 0
    lines = feeds.stdout.strip().splitlines()
    assert len(lines) >= 3
    assert all("sample:" in line for line in lines)
    search = run(home, "search", "Banjska")
    assert search.returncode == 0
    assert "We Want to See Progress in the Kosovo" in search.stdout


def test_second_fetch_is_not_modified(home):
    run(home, "fetch")
    proc = run(home, "fetch")
    assert proc.returncode == 0
    assert "0 updated" in proc.stdout and "not modified" in proc.stdout


def test_import_of_a_missing_file(home):
    proc = run(home, "import", "/no/such.opml")
    assert_one_line_error(proc, "/no/such.opml", "no such file")


def test_import_export_remove(home, tmp_path):
    urls = tmp_path / "urls"
    urls.write_text("https://www.nasa.gov/news-release/feed/ space\nhttps://rks.news/feed/\n")
    proc = run(home, "import", str(urls))
    assert proc.returncode == 0 and "2 added" in proc.stdout
    out = tmp_path / "subs.opml"
    assert run(home, "export", str(out)).returncode == 0
    assert 'xmlUrl="https://rks.news/feed/"' in out.read_text()
    assert run(home, "remove", "https://rks.news/feed/").returncode == 0
    assert "rks.news" not in run(home, "export").stdout
    assert_one_line_error(run(home, "remove", "https://rks.news/feed/"), "not subscribed")


def sample_rss() -> Path:
    folder = Path(__file__).parents[1] / "sample_feeds"
    return next(p for p in sorted(folder.iterdir()) if p.suffix in (".xml", ".rss"))


def test_a_broken_local_feed_fails_that_feed_only(home, tmp_path):
    run(home, "fetch")
    broken = tmp_path / "broken.xml"
    broken.write_bytes(sample_rss().read_bytes())
    assert run(home, "add", str(broken)).returncode == 0
    broken.write_text("<html><body>Moved to our new site</body></html>")
    proc = run(home, "fetch")
    assert proc.returncode == 1
    assert f"{broken.as_uri()}: not a feed: HTML page" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert "1 failed" in proc.stdout
    # the samples are all still there and readable
    assert "We Want to See Progress" in run(home, "search", "Banjska").stdout
    feeds = run(home, "feeds").stdout
    assert "not a feed: HTML page" in feeds


def test_read_state_survives_a_failing_refresh(home, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(sample_rss().read_bytes())
    run(home, "add", str(feed))
    run(home, "fetch")
    db = sqlite3.connect(home / "newsdeck.db")
    db.execute("UPDATE articles SET read = 1, starred = 1")
    db.commit()
    stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    db.close()
    feed.write_text("")  # the publisher breaks the feed
    assert run(home, "fetch", "--force").returncode == 1
    db = sqlite3.connect(home / "newsdeck.db")
    assert db.execute("SELECT count(*), sum(read), sum(starred) FROM articles").fetchone() == (
        stored,
        stored,
        stored,
    )


def test_bad_config_key_is_one_line(home):
    home.mkdir(parents=True)
    (home / "config.toml").write_text("[reader]\nmark_read = true\n")
    proc = run(home, "feeds")
    assert_one_line_error(proc, "config.toml", "unknown key reader.mark_read")


def test_a_database_that_is_not_ours_is_one_line(home):
    home.mkdir(parents=True)
    (home / "newsdeck.db").write_text("not a database " * 200)
    assert_one_line_error(run(home, "feeds"), "newsdeck.db", "not a newsdeck database")


def test_db_and_config_flags_override_home(tmp_path, home):
    db = tmp_path / "elsewhere" / "my.db"
    proc = run(home, "--db", str(db), "fetch")
    assert proc.returncode == 0
    assert db.exists() and not (home / "newsdeck.db").exists()


def test_bad_usage_is_exit_2(home):
    assert_one_line_error(run(home, "frobnicate"), "invalid choice")


def test_python_dash_m_reader_works(home):
    env = {**os.environ, "NEWSDECK_HOME": str(home)}
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "--version"], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 0 and proc.stdout.startswith("newsdeck ")
