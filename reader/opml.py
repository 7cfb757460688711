"""Subscription lists in and out: OPML 1.0/2.0 and newsboat's ``urls`` file.

Folders become tags on the way in (and a feed in two folders gets both tags);
on the way out each feed sits in the folder of its first tag and carries all
its tags in the OPML 2.0 ``category`` attribute, so a round trip keeps them.
"""

from __future__ import annotations

import shlex
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

from reader.errors import InputFileError, read_input_file
from reader.models import Feed


@dataclass(frozen=True, slots=True)
class Subscription:
    url: str
    title: str | None = None
    tags: tuple[str, ...] = ()


def read_subscriptions(path: Path) -> list[Subscription]:
    """Read OPML or a newsboat urls file, told apart by their content."""
    raw = read_input_file(path, "a subscription file")
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    if head.startswith(b"<"):
        return parse_opml(raw, str(path))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputFileError(f"{path}: neither OPML nor a UTF-8 newsboat urls file") from None
    return parse_urls(text, str(path))


def parse_opml(data: bytes, where: str = "OPML") -> list[Subscription]:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else "?"
        raise InputFileError(
            f"{where}: not valid OPML (XML error line {line}: {exc.msg})"
        ) from None
    if root.tag.lower() != "opml":
        raise InputFileError(f"{where}: not OPML (the root element is <{root.tag}>)")
    body = root.find("body")
    if body is None:
        raise InputFileError(f"{where}: OPML without a <body>")
    found: dict[str, Subscription] = {}

    def walk(node: ET.Element, folders: tuple[str, ...]) -> None:
        for outline in node.findall("outline"):
            url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
            title = outline.get("title") or outline.get("text") or None
            if url:
                tags = list(folders)
                for cat in (outline.get("category") or "").split(","):
                    cat = cat.strip().strip("/")
                    if cat:
                        tags.append(cat.split("/")[-1])
                previous = found.get(url)
                if previous is not None:
                    tags = [*previous.tags, *tags]
                    title = previous.title or title
                found[url] = Subscription(url, title, tuple(dict.fromkeys(tags)))
            else:
                folder = (outline.get("title") or outline.get("text") or "").strip()
                walk(outline, (*folders, folder) if folder else folders)

    walk(body, ())
    return list(found.values())


def parse_urls(text: str, where: str = "urls") -> list[Subscription]:
    """newsboat's format: ``URL tag "tag with spaces" "~Custom title"``; ``#`` comments."""
    subs: list[Subscription] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            words = shlex.split(line, comments=True)
        except ValueError as exc:
            raise InputFileError(f"{where}: line {number}: {exc}") from None
        if not words:
            continue
        url, rest = words[0], words[1:]
        if url.startswith(("query:", "filter:", "exec:")):
            continue  # newsboat's virtual feeds have no URL for us to fetch
        if "://" not in url and not url.startswith("/"):
            raise InputFileError(f"{where}: line {number}: {url!r} is not a URL")
        title = None
        tags: list[str] = []
        for word in rest:
            if word.startswith("~"):
                title = word[1:] or None
            elif word.startswith("!"):
                continue  # newsboat's "hidden" marker
            else:
                tags.append(word)
        subs.append(Subscription(url, title, tuple(tags)))
    return subs


def to_opml(feeds: list[Feed], *, title: str = "newsdeck subscriptions") -> str:
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC))
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in feeds:
        parent = body
        if feed.tags:
            first = feed.tags[0]
            if first not in folders:
                folders[first] = ET.SubElement(body, "outline", text=first, title=first)
            parent = folders[first]
        attrs = {
            "type": "rss",
            "text": feed.title or feed.url,
            "title": feed.title or feed.url,
            "xmlUrl": feed.url,
        }
        if feed.link:
            attrs["htmlUrl"] = feed.link
        if feed.tags:
            attrs["category"] = ",".join(feed.tags)
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
