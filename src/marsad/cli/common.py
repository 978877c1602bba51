"""Helpers shared by the CLI commands: the archive option, JSON output, the console."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson
from rich.console import Console

# Piped output (not a terminal) keeps one line per line: rich would otherwise wrap at 80
# columns, cutting a search hit's id from its score and a title in two for grep and scripts.
console = Console(stderr=False, highlight=False, soft_wrap=not sys.stdout.isatty())
err_console = Console(stderr=True, highlight=False, soft_wrap=not sys.stderr.isatty())


def add_archive(p: argparse.ArgumentParser) -> None:
    p.add_argument("--archive", default="marsad.db", metavar="PATH",
                   help="the archive file (default: marsad.db in this folder)")


def add_scheduler(p: argparse.ArgumentParser, *, what: str = "analyse on") -> None:
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help=f"{what} a Dask cluster: a scheduler's address (tcp://host:8786, workers with the "
                        "same marsad) or local[:N] (N worker processes here); see docs/cluster.md")


@contextmanager
def live_status(first: str, *, show: bool) -> Iterator[Callable[[str], None] | None]:
    """A spinner line on stderr with the time elapsed, for long work; yields the function that
    sets its text (``None`` when ``show`` is false: JSON output, a pipe, ``--no-progress``). The
    line goes when the work ends."""
    if not show:
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                   console=err_console, transient=True)
    task = bar.add_task(first)
    bar.start()
    try:
        yield lambda text: bar.update(task, description=text)
    finally:
        bar.stop()


def add_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")


#: what a time marked * is: when the article was fetched (a crawl time), not when it was published
CRAWLED = "* a crawl time: the article was out by then, when is not known"


def shown_time(m: dict) -> str:  # type: ignore[type-arg]
    """A member's time as the story lists show it: a crawl time marked ``*`` (:data:`CRAWLED`;
    SaudiNewsNet's dates are crawl times, read as publication times they put a later report
    first)."""
    t = m.get("published_at") or "?"
    return f"{t}*" if m.get("published_at_source") == "crawl" else t


def counted(n: int, noun: str) -> str:
    """``1 article``, ``2 articles`` (an English noun made plural by ``s``)."""
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def print_json(obj: Any, *, lines: bool = False) -> None:
    out = sys.stdout.buffer
    if lines:
        for o in obj:
            out.write(orjson.dumps(o, default=str) + b"\n")
    else:
        out.write(orjson.dumps(obj, default=str, option=orjson.OPT_INDENT_2) + b"\n")
    out.flush()


def day_from(value: str) -> str:
    """An argparse type: a real YYYY-MM-DD (or YYYY-MM, YYYY) day, month or year."""
    from marsad.errors import QueryError
    from marsad.search.fts import check_day

    try:
        return check_day(value)
    except QueryError:
        raise argparse.ArgumentTypeError(f"{value[:40]!r} is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY)") from None


def day_to(value: str) -> str:
    """As :func:`day_from`, for an upper bound: a month or year includes all of it."""
    from marsad.search.fts import day_upper_bound

    return day_upper_bound(day_from(value))


def timex_prefix(value: str) -> str:
    """An argparse type: a TIMEX3 value or prefix (``2021-09-17``, ``2021-09``, ``XXXX-09``)."""
    from marsad.errors import QueryError
    from marsad.search.fts import check_timex_prefix

    try:
        return check_timex_prefix(value)
    except QueryError:
        raise argparse.ArgumentTypeError(
            f"{value[:40]!r} is not a TIMEX3 value such as 2021-09-17, 2021-09 or XXXX-09") from None


def country_code(value: str) -> str:
    """An argparse type: an ISO 3166-1 alpha-2 code (``IR``, ``ir``)."""
    code = value.strip().upper()
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        raise argparse.ArgumentTypeError(f"{value[:40]!r} is not a country code; write ISO 3166-1 alpha-2, e.g. IR or SA")
    return code


def int_in(lo: int, hi: int | None = None) -> Any:
    """An argparse type: an integer from ``lo`` to ``hi`` (no upper end when None)."""

    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            n = lo - 1
        if n < lo or (hi is not None and n > hi):
            span = f"from {lo} to {hi}" if hi is not None else f"{lo} or more"
            raise argparse.ArgumentTypeError(f"{value[:20]!r}: give a whole number {span}")
        return n

    return parse


def open_archive(args: argparse.Namespace, *, readonly: bool = True, create: bool = False) -> Any:
    """The archive ``--archive`` names; only ``create`` (ingest) makes one that is not there
    (``update`` or ``entity merge`` on a mistyped path made an empty archive and said nothing)."""
    import marsad
    from marsad.errors import NotFoundError

    if not create and not readonly and not Path(args.archive).exists():
        raise NotFoundError(f"no archive there (`marsad ingest --archive {args.archive} …` makes one)",
                            where=str(args.archive))
    return marsad.open(args.archive, readonly=readonly)

