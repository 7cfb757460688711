"""The ``newsdeck`` command: argparse, thin over the Library.

Each subcommand parses, calls the Library, prints. Anything the user can fix
(a missing file, a bad config key, an unknown feed) is one line on stderr and
exit 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import __version__
from reader.errors import NewsdeckError

EXIT_OK, EXIT_FEEDS_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, like every other bad input
        self.exit(EXIT_USAGE, f"newsdeck: {message} (see newsdeck --help)\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="newsdeck",
        description="A keyboard-driven terminal news reader. With no command, opens the reader.",
    )
    p.add_argument("--version", action="version", version=f"newsdeck {__version__}")
    p.add_argument("--db", type=Path, help="database file (default: the platform data folder)")
    p.add_argument("--config", type=Path, help="config.toml (default: the platform config folder)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    f = sub.add_parser("fetch", help="refresh feeds headlessly (for cron)")
    f.add_argument("--feed", action="append", metavar="URL", help="only this feed (repeatable)")
    f.add_argument("--force", action="store_true", help="ignore backoff and cached validators")
    f.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    f.add_argument(
        "--full-text",
        action="store_true",
        help="also fetch the linked pages of teaser articles (every feed)",
    )

    a = sub.add_parser("add", help="subscribe to a feed (or find the feed of a web page)")
    a.add_argument("url")
    a.add_argument("--title")
    a.add_argument("--tag", action="append", default=[], help="tag (repeatable)")
    a.add_argument(
        "--pick", type=int, metavar="N", help="with several feeds on a page, take the Nth"
    )
    a.add_argument(
        "--no-fetch", action="store_true", help="subscribe without checking the URL (offline)"
    )

    r = sub.add_parser("remove", help="unsubscribe (its articles go too)")
    r.add_argument("url")

    sub.add_parser("feeds", help="list subscriptions: unread, total, title, URL, last error")

    i = sub.add_parser("import", help="import OPML or a newsboat urls file")
    i.add_argument("file", type=Path)

    e = sub.add_parser("export", help="export subscriptions as OPML 2.0")
    e.add_argument("file", type=Path, nargs="?", help="write here instead of stdout")

    s = sub.add_parser("search", help="full-text search of the cache")
    s.add_argument("query", nargs="+")
    s.add_argument("--limit", type=int, default=20)

    x = sub.add_parser("extract", help="quotes and facts of one article as JSON")
    x.add_argument("source", help="a .txt or .html file, or a URL")
    x.add_argument("--json", action="store_true", help="print JSON (the only format)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "extract":  # needs no database
            return cmd_extract(args)
        if args.command is None:
            return cmd_tui(args)
        from reader.library import Library
        from reader.store import StoreError

        try:
            lib = Library.open(args.db, args.config)
        except StoreError as exc:
            raise NewsdeckError(str(exc)) from None
        with lib:
            return COMMANDS[args.command](lib, args)
    except NewsdeckError as exc:
        print(f"newsdeck: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newsdeck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the last line of defence: one line, not a traceback
        if os.environ.get("NEWSDECK_DEBUG"):
            raise
        print(
            f"newsdeck: internal error: {type(exc).__name__}: {exc} "
            "(set NEWSDECK_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 70


def cmd_tui(args: argparse.Namespace) -> int:
    from reader.library import Library
    from reader.store import StoreError

    try:
        lib = Library.open(args.db, args.config)
    except StoreError as exc:
        raise NewsdeckError(str(exc)) from None
    from reader.tui.app import NewsdeckApp

    app = NewsdeckApp(lib)
    try:
        app.run()
    finally:
        lib.close()
    return app.return_code or EXIT_OK


def cmd_fetch(lib, args: argparse.Namespace) -> int:
    from reader.models import UpdateStatus
    from reader.update import summarize

    lib.ensure_samples()
    results = []
    interactive = sys.stderr.isatty() and not args.quiet
    stream = lib.update(urls=args.feed, force=args.force, full_text=args.full_text)
    if interactive:
        from rich.console import Console
        from rich.markup import escape
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        total = max(lib.feed_count() if not args.feed else len(args.feed), 1)
        with Progress(
            TextColumn("Refreshing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            console=Console(stderr=True),
            transient=True,
        ) as progress:
            task = progress.add_task("", total=total)
            for result in stream:
                results.append(result)
                progress.update(
                    task, advance=1, description=escape((result.title or result.url)[:50])
                )
    else:
        results = list(stream)
    failed = [r for r in results if r.failed]
    for r in results:
        if r.moved_to:
            print(
                f"newsdeck: {r.url} moved permanently to {r.moved_to} (subscription updated)",
                file=sys.stderr,
            )
    for r in results:  # failures, and notes such as an empty feed (not failures)
        if r.error and r.status is not UpdateStatus.SKIPPED:
            print(f"newsdeck: {r.url}: {r.error}", file=sys.stderr)
    if not args.quiet:
        print(summarize(results))
    return EXIT_FEEDS_FAILED if failed else EXIT_OK


def cmd_add(lib, args: argparse.Namespace) -> int:
    from reader.fetch import FetchFailed
    from reader.sanitize import clean_inline

    try:
        sub = lib.subscribe(
            args.url, title=args.title, tags=args.tag, pick=args.pick, fetch=not args.no_fetch
        )
    except FetchFailed as exc:
        print(f"newsdeck: {exc} (not subscribed; --no-fetch subscribes anyway)", file=sys.stderr)
        return EXIT_FEEDS_FAILED
    if sub.page_url and sub.found:
        n = len(sub.found)
        print(f"{sub.page_url} is a web page naming {n} feed{'s' if n != 1 else ''}:")
        for i, link in enumerate(sub.found, 1):
            mark = "*" if link.url == sub.feed.url else " "
            label = clean_inline(link.title or "") or link.type
            print(f"  {mark} {i}. {link.url}  ({label})")
        if n > 1 and args.pick is None:
            print("taking the first; --pick N takes another")
    if sub.already:
        print(f"already subscribed: {sub.feed.url}")
        return EXIT_OK
    line = f"subscribed: {sub.feed.url}"
    if sub.result is not None:
        count = sub.result.new_articles
        title = clean_inline(sub.feed.title or "")
        line += f" ({title + ', ' if title else ''}{count:,} article{'s' if count != 1 else ''})"
    print(line)
    note = sub.feed.last_error or (sub.result.error if sub.result else None)
    if note:  # "partly readable: ..." or "the feed lists no articles"
        print(f"newsdeck: {sub.feed.url}: {note}", file=sys.stderr)
    return EXIT_OK


def cmd_remove(lib, args: argparse.Namespace) -> int:
    lib.remove_feed(args.url)
    print(f"removed: {args.url}")
    return EXIT_OK


def cmd_feeds(lib, args: argparse.Namespace) -> int:
    from reader.sanitize import clean_inline

    feeds = lib.feeds()
    if not feeds:
        print("no subscriptions (newsdeck add URL, or newsdeck fetch for the samples)")
        return EXIT_OK
    width = max(len(f"{f.total:,}") for f in feeds)
    for f in feeds:
        line = f"{f.unread:>{width},} {f.total:>{width},}  {clean_inline(f.display_title)}  {f.url}"
        if f.disabled:
            line += "  [disabled]"
        if f.last_error:
            line += f"  ! {clean_inline(f.last_error)}"
        print(line)
    return EXIT_OK


def cmd_import(lib, args: argparse.Namespace) -> int:
    report = lib.import_subscriptions(args.file)
    print(f"{args.file}: {report.added} added, {report.already} already subscribed")
    return EXIT_OK


def cmd_export(lib, args: argparse.Namespace) -> int:
    text = lib.export_opml()
    if args.file is None:
        sys.stdout.write(text)
        return EXIT_OK
    try:
        args.file.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise NewsdeckError(f"{args.file}: cannot write: {exc.strerror or exc}") from None
    print(f"wrote {len(lib.feeds())} feeds to {args.file}")
    return EXIT_OK


def cmd_search(lib, args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    hits = lib.search(query, limit=args.limit)
    if not hits:
        print(f"no articles match {query!r}")
        return EXIT_OK
    color = sys.stdout.isatty()
    for hit in hits:
        h = hit.headline
        print(f"{h.published:%Y-%m-%d}  {h.feed_title}  {h.title}")
        if color:
            snippet = hit.snippet.replace("\x02", "\x1b[1m").replace("\x03", "\x1b[22m")
        else:
            snippet = hit.snippet.replace("\x02", "").replace("\x03", "")
        print(f"    {snippet}")
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    from reader.content.annotate import annotate_source

    result = annotate_source(args.source)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return EXIT_OK


COMMANDS = {
    "fetch": cmd_fetch,
    "add": cmd_add,
    "remove": cmd_remove,
    "feeds": cmd_feeds,
    "import": cmd_import,
    "export": cmd_export,
    "search": cmd_search,
}
