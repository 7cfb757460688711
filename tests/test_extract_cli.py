"""`newsdeck extract FILE --json`: the contract of DESIGN.md, through the installed command."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

NEWSDECK = shutil.which("newsdeck")
pytestmark = pytest.mark.skipif(NEWSDECK is None, reason="newsdeck is not installed")
SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "seed-article.txt"
SEED_COPY = Path(__file__).parent / "fixtures" / "seed-article.txt"
KINDS = {"number", "money", "percent", "date", "person", "organization", "place"}


def seed_path() -> Path:
    return SEED if SEED.exists() else SEED_COPY


def extract(path: Path) -> tuple[int, dict | None, str]:
    proc = subprocess.run(
        [NEWSDECK, "extract", str(path), "--json"], capture_output=True, text=True, timeout=60
    )
    data = json.loads(proc.stdout) if proc.returncode == 0 else None
    return proc.returncode, data, proc.stderr


def test_seed_article_quotes_and_facts_follow_the_contract():
    text = seed_path().read_text(encoding="utf-8")
    code, data, _ = extract(seed_path())
    assert code == 0
    assert len(data["quotes"]) == 6
    for q in data["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
        assert q["text"][0] not in '"“”'
    speakers = [q["speaker"] for q in data["quotes"]]
    assert "a NATO official" in speakers
    facts = {(f["kind"], f["text"]) for f in data["facts"]}
    for f in data["facts"]:
        assert f["kind"] in KINDS
        assert text[f["start"] : f["end"]] == f["text"]
    texts = {t for _, t in facts}
    for needed in ("4,636 troops", "33 countries", "1,000 soldiers", "May 2023", "February 12"):
        assert needed in texts, needed
    assert any("September of that year" in t for t in texts)
    for place in ("Kosovo", "Serbia", "Belgrade", "Pristina", "Banjska", "Brussels", "Poland"):
        assert ("place", place) in facts, place
    assert any(k == "organization" and t in ("NATO", "KFOR") for k, t in facts)


def test_html_input_gives_the_same_quotes(tmp_path):
    text = seed_path().read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    html = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = tmp_path / "seed.html"
    page.write_text(f"<html><body><article>{html}</article></body></html>", encoding="utf-8")
    code, data, _ = extract(page)
    assert code == 0
    assert len(data["quotes"]) == 6


def test_missing_file_is_one_line():
    code, _, err = extract(Path("/no/such/article.txt"))
    assert code == 2
    assert err.strip() == "newsdeck: /no/such/article.txt: no such file"
