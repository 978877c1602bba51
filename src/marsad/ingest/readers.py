"""Readers turn inputs into raw records, each with its provenance.

Every reader is a generator of ``RawRecord | InputError``: a bad file or record is yielded as
an error naming the file (and line or offset) and what is wrong, and reading goes on. Gzip is
opened transparently wherever it appears (by its magic bytes, not its name).
"""

from __future__ import annotations

import csv
import gzip
import io
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import orjson

from marsad.clean.decode import decode_bytes
from marsad.errors import DecodeError, InputError, RecordError
from marsad.model import Provenance, RawRecord

Item = RawRecord | InputError

#: a record longer than this many characters is cut (with a warning), not refused
MAX_TEXT_CHARS = 2_000_000


@dataclass(frozen=True, slots=True)
class FieldMap:
    """Which input fields hold the article's parts (``--text-field body`` etc.)."""

    id: str = "id"
    text: str = "text"
    title: str = "title"
    source: str = "source"
    url: str = "url"
    date: str = "date"
    author: str = "author"
    date_kind: str = "metadata"  # "crawl" when the date field is a crawl time


@dataclass(frozen=True, slots=True)
class ReadOptions:
    fields: FieldMap = field(default_factory=FieldMap)
    source: str = ""  # the outlet to record when the input has none
    format: str = ""  # force a format: txt | jsonl | csv | html | warc | feed


def open_maybe_gzip(path: Path) -> IO[bytes]:
    """Open ``path`` for reading bytes, gunzipping when it starts with the gzip magic."""
    f = open(path, "rb")  # noqa: SIM115 - returned to the caller
    head = f.peek(2)[:2] if hasattr(f, "peek") else b""
    if head == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=f)  # type: ignore[return-value]
    return f


def read_all_bytes(path: Path) -> bytes:
    with open_maybe_gzip(path) as f:
        return f.read()


def _record_from_mapping(
    obj: dict, *, fields: FieldMap, prov: Provenance, default_source: str
) -> Item:
    where = _where(prov)
    if not isinstance(obj, dict):
        return RecordError("a record must be a JSON object", where=where)
    text = obj.get(fields.text)
    if text is None:
        return RecordError(f"no {fields.text!r} field (use --text-field to name it)", where=where)
    if not isinstance(text, str):
        text = str(text)
    if not text.strip():
        return RecordError("empty text", where=where)
    warnings = []
    if len(text) > MAX_TEXT_CHARS:
        warnings.append(f"text cut from {len(text)} to {MAX_TEXT_CHARS} characters")
        text = text[:MAX_TEXT_CHARS]
    known = {fields.id, fields.text, fields.title, fields.source, fields.url, fields.date, fields.author}
    meta = {k: v for k, v in obj.items() if k not in known and v not in (None, "")}
    return RawRecord(
        text=text,
        id=str(obj.get(fields.id) or ""),
        source=str(obj.get(fields.source) or default_source),
        url=str(obj.get(fields.url) or ""),
        title=str(obj.get(fields.title) or ""),
        date=str(obj.get(fields.date) or ""),
        date_kind=fields.date_kind if obj.get(fields.date) else "",
        author=str(obj.get(fields.author) or ""),
        meta=meta,
        provenance=prov,
        warnings=warnings,
    )


def _where(prov: Provenance) -> str:
    w = prov.path or prov.url
    if prov.line is not None:
        w += f":{prov.line}"
    if prov.offset is not None:
        w += f"@{prov.offset}"
    return w


def read_jsonl(path: Path, opts: ReadOptions) -> Iterator[Item]:
    """One JSON object per line; a bad line is reported and skipped."""
    try:
        f = open_maybe_gzip(path)
    except OSError as e:
        yield InputError(f"cannot open: {e.strerror}", where=str(path))
        return
    lineno = 0
    try:
        with f:
            for raw in f:
                lineno += 1
                if not raw.strip():
                    continue
                prov = Provenance(path=str(path), line=lineno)
                try:
                    obj = orjson.loads(raw)
                except orjson.JSONDecodeError as e:
                    yield RecordError(f"invalid JSON ({e})", where=_where(prov))
                    continue
                yield _record_from_mapping(obj, fields=opts.fields, prov=prov, default_source=opts.source)
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as e:
        yield InputError(f"truncated or corrupt file after line {lineno} ({e})", where=str(path))


def read_csv(path: Path, opts: ReadOptions) -> Iterator[Item]:
    """A CSV (or TSV, by extension) file with a header row."""
    try:
        data = read_all_bytes(path)
    except (OSError, EOFError, zlib.error) as e:
        yield InputError(f"cannot read ({e})", where=str(path))
        return
    dec = decode_bytes(data)
    for w in dec.warnings:
        yield DecodeError(w, where=str(path))
    delim = "\t" if ".tsv" in path.name else ","
    csv.field_size_limit(MAX_TEXT_CHARS * 4)
    reader = csv.DictReader(io.StringIO(dec.text, newline=""), delimiter=delim)
    try:
        for row in reader:
            prov = Provenance(path=str(path), line=reader.line_num)
            yield _record_from_mapping(row, fields=opts.fields, prov=prov, default_source=opts.source)
    except csv.Error as e:
        yield RecordError(f"malformed CSV ({e})", where=f"{path}:{reader.line_num}")


def read_text_file(path: Path, opts: ReadOptions) -> Iterator[Item]:
    """A plain-text article; its id is the file name without extension(s)."""
    try:
        data = read_all_bytes(path)
    except (OSError, EOFError, zlib.error) as e:
        yield InputError(f"cannot read ({e})", where=str(path))
        return
    if b"\x00" in data[:4096]:
        yield DecodeError("binary file (NUL bytes), not text", where=str(path))
        return
    dec = decode_bytes(data)
    text = dec.text
    if not text.strip():
        yield RecordError("empty text", where=str(path))
        return
    name = path.name
    for ext in (".gz", ".txt", ".text"):
        if name.endswith(ext):
            name = name[: -len(ext)]
    warnings = list(dec.warnings)
    if len(text) > MAX_TEXT_CHARS:
        warnings.append(f"text cut from {len(text)} to {MAX_TEXT_CHARS} characters")
        text = text[:MAX_TEXT_CHARS]
    yield RawRecord(
        text=text,
        id=name,
        source=opts.source,
        provenance=Provenance(path=str(path)),
        meta={"encoding": dec.encoding},
        warnings=warnings,
    )


READERS = {
    "txt": read_text_file,
    "jsonl": read_jsonl,
    "csv": read_csv,
}


def sniff_format(path: Path) -> str:
    """The reader for a file, by its name (gzip suffix ignored)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix, fmt in (
        (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "jsonl"), (".csv", "csv"),
        (".tsv", "csv"), (".html", "html"), (".htm", "html"), (".warc", "warc"),
        (".arc", "warc"), (".rss", "feed"), (".atom", "feed"), (".xml", "feed"),
    ):
        if name.endswith(suffix):
            return fmt
    return "txt"


def iter_inputs(inputs: list[str], opts: ReadOptions) -> Iterator[Item]:
    """Every record of every input: files, folders (walked in name order) or feed URLs."""
    from marsad.ingest import formats  # html, warc and feeds live beside the plain readers

    for inp in inputs:
        if inp.startswith(("http://", "https://")):
            yield from formats.read_feed_url(inp, opts)
            continue
        p = Path(inp)
        if p.is_dir():
            errors: list[OSError] = []
            walk = sorted(os.walk(p, onerror=errors.append))
            for e in errors:
                yield InputError(f"cannot list folder ({e.strerror})", where=str(e.filename or p))
            for root, _dirs, files in walk:
                for fn in sorted(files):
                    if fn.startswith("."):
                        continue
                    yield from _read_file(Path(root) / fn, opts)
        elif p.exists():
            yield from _read_file(p, opts)
        else:
            yield InputError("no such file or folder", where=inp)


def _read_file(path: Path, opts: ReadOptions) -> Iterator[Item]:
    from marsad.ingest import formats

    if not os.access(path, os.R_OK):
        yield InputError("permission denied", where=str(path))
        return
    fmt = opts.format or sniff_format(path)
    reader = READERS.get(fmt) or formats.READERS.get(fmt)
    if reader is None:
        yield InputError(f"unknown format {fmt!r}", where=str(path))
        return
    yield from reader(path, opts)
