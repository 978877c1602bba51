"""Inputs: files, folders (walked in name order) and feed URLs, each file sent to its reader by
its name or, failing that, its first bytes (:func:`sniff_format`); :func:`iter_inputs` yields
every record of them all. The readers are :mod:`marsad.ingest.readers` (text, JSONL, CSV) and
:mod:`marsad.ingest.formats` (HTML, MHTML, WARC, feeds; imported when first needed)."""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.ingest.readers import (
    Item,
    ReadOptions,
    open_maybe_gzip,
    read_csv,
    read_error,
    read_jsonl,
    read_text_file,
)
from marsad.model import RawRecord

READERS = {
    "txt": read_text_file,
    "jsonl": read_jsonl,
    "csv": read_csv,
}

_SUFFIXES = (
    (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "jsonl"), (".csv", "csv"),
    (".tsv", "csv"), (".html", "html"), (".htm", "html"), (".xhtml", "html"), (".mhtml", "mhtml"),
    (".mht", "mhtml"), (".warc", "warc"),
    (".arc", "warc"), (".rss", "feed"), (".atom", "feed"), (".xml", "feed"), (".txt", "txt"),
    (".text", "txt"),
)


def sniff_format(path: Path) -> str:
    """The reader for a file: by its name (gzip suffix ignored), else by its first bytes."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix, fmt in _SUFFIXES:
        if name.endswith(suffix):
            return fmt
    return sniff_content(path)


def sniff_content(path: Path) -> str:
    """The format its first bytes suggest (a WARC, a feed, an HTML page, JSON Lines), else txt."""
    try:
        with open_maybe_gzip(path) as f:
            head = f.read(1024)
    except (OSError, EOFError, zlib.error):
        return "txt"  # the text reader reports the problem
    lead = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    low = lead[:1024].lower()
    if lead.startswith(b"WARC/"):
        return "warc"
    if b"<rss" in low or b"<feed" in low or b"<rdf:rdf" in low:
        return "feed"
    if b"multipart/related" in low and (b"snapshot-content-location" in low or low.startswith(b"from:")):
        return "mhtml"  # a page saved as one file (MHTML), named otherwise
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low[:300]:
        return "html"
    if lead.startswith(b"{"):
        return "jsonl"
    return "txt"


def iter_inputs(inputs: list[str], opts: ReadOptions) -> Iterator[Item]:
    """Every record of every input: files, folders (walked in name order) or feed URLs.

    HTML pages (files, WARC responses, fetched pages) have their main text extracted in a
    process pool once there are enough of them (see :func:`marsad.ingest.html.resolve_pages`).
    """
    from marsad.ingest.html import resolve_pages

    items = _raw_items(inputs, opts)
    if opts.known is not None:
        items = _skip_known_pages(items, opts.known)
    yield from resolve_pages(items, workers=opts.workers)


def _skip_known_pages(items: Iterator[Any], known: Callable[[list[str]], set[str]]) -> Iterator[Any]:
    """Pages whose URL (their id) is stored already skip main-text extraction, the costly part
    of reading a crawl again."""
    from marsad.ingest.html import HtmlPage

    for it in items:
        if isinstance(it, HtmlPage) and it.url and known([it.url]):
            yield RawRecord(text="", url=it.url, source=it.source, provenance=it.provenance)
        else:
            yield it


def _raw_items(inputs: list[str], opts: ReadOptions) -> Iterator[Any]:
    from marsad.ingest import formats

    for inp in inputs:
        if inp.startswith(("http://", "https://")):
            yield from _guarded(formats.read_url(inp, opts), inp)
            continue
        p = Path(inp)
        if p.is_dir():
            for f in walk_files(p):
                if isinstance(f, InputError):
                    yield f
                elif str(f.resolve()) not in opts.exclude and (opts.format or not is_page_asset(f)):
                    yield from _read_file(f, opts)
        elif p.exists():
            if not opts.format and is_page_asset(p):
                yield InputError(f"a {p.suffix} file is a part of a web page (a script, a style sheet, an "
                                 "image, a font), not an article; --format txt reads it as text", where=inp)
                continue
            yield from _read_file(p, opts)
        else:
            yield InputError("no such file or folder", where=inp)


#: the suffixes of the files a saved web page is made of besides its text (scripts, style
#: sheets, images, fonts, media): a folder walk passes them by, and naming one is an error
PAGE_ASSETS = frozenset(
    ".js .mjs .css .map .png .jpg .jpeg .gif .webp .svg .ico .bmp .avif .tif .tiff .woff .woff2 .ttf "
    ".otf .eot .mp3 .mp4 .m4a .webm .ogg .wav".split())


def is_page_asset(path: Path) -> bool:
    """Whether a file is a part of a web page that holds no article (:data:`PAGE_ASSETS`)."""
    return path.suffix.lower() in PAGE_ASSETS


def walk_files(root: Path, _seen: set[tuple[int, int]] | None = None) -> Iterator[Path | InputError]:
    """The files under ``root`` in name order, hidden files and folders left out, and so is the
    folder a browser saves a page's parts in (``NAME_files`` beside ``NAME.html`` or
    ``NAME.htm``: its scripts, images and the pages of its frames, an advertisement's); a folder
    that cannot be listed is an error, and the walk goes on. Symlinked folders are followed,
    each real folder once (a link loop ends there)."""
    seen = _seen if _seen is not None else set()
    try:
        st = root.stat()
        if (st.st_dev, st.st_ino) in seen:
            return
        seen.add((st.st_dev, st.st_ino))
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield InputError(f"cannot list folder ({read_error(e)})", where=str(root))
        return
    names = {e.name.lower() for e in entries}
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            page = entry.name.lower().removesuffix("_files")
            if page != entry.name.lower() and (f"{page}.html" in names or f"{page}.htm" in names):
                continue
            yield from walk_files(Path(entry.path), seen)
        else:
            yield Path(entry.path)


def _read_file(path: Path, opts: ReadOptions) -> Iterator[Any]:
    from marsad.ingest import formats

    if not os.access(path, os.R_OK):
        yield InputError("permission denied", where=str(path))
        return
    fmt = opts.format or sniff_format(path)
    reader = READERS.get(fmt) or formats.READERS.get(fmt)
    if reader is None:
        yield InputError(f"unknown format {fmt!r}", where=str(path))
        return
    yield from _guarded(reader(path, opts), str(path))


def _guarded(items: Iterator[Any], where: str) -> Iterator[Any]:
    """Pass ``items`` on; a reader's unexpected exception becomes one error, and the batch goes on."""
    try:
        yield from items
    except Exception as e:  # a reader bug must not take the batch down; it is reported
        yield InputError(f"reading failed ({type(e).__name__}: {e})", where=where)
