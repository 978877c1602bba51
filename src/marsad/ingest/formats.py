"""The readers for HTML (and MHTML) pages, WARC crawls and RSS/Atom feeds, by format name.

:mod:`marsad.ingest.inputs` looks them up here when a file or URL needs one (the plain-text
readers are in :mod:`marsad.ingest.readers`), so that reading text, JSONL or CSV does not import
trafilatura, fastwarc or feedparser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from marsad.ingest.feeds import read_feed_file, read_url
from marsad.ingest.html import read_html, read_mhtml
from marsad.ingest.warc import read_warc

__all__ = ["READERS", "read_url"]

READERS: dict[str, Callable[[Path, Any], Iterator[Any]]] = {
    "html": read_html,
    "mhtml": read_mhtml,
    "warc": read_warc,
    "feed": read_feed_file,
}
