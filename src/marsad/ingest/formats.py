"""Readers for HTML pages, WARC crawls and RSS/Atom feeds."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.model import RawRecord

Item = RawRecord | InputError


def read_feed_url(url: str, opts: Any) -> Iterator[Item]:
    yield InputError("feed URLs are not supported yet", where=url)


READERS: dict[str, Callable[[Path, Any], Iterator[Item]]] = {}
