"""WARC and WARC.gz crawls (Common Crawl CC-NEWS): HTTP responses holding HTML become pages.

Streamed with fastwarc a record at a time. Only ``response`` records with a 2xx status and an
HTML payload (``text/html``, ``application/xhtml+xml``, or no type but HTML-looking bytes) are
read; requests, metadata, redirects, images and PDFs are passed over silently. The page's URL
is ``WARC-Target-URI``; ``WARC-Date`` is the crawl time, used as the publication date
(``date_kind="crawl"``) only when the HTML has no date of its own.

A broken record — a payload shorter than its ``Content-Length`` (a truncated file), a header
that does not parse or has no ``Content-Length`` (garbage lines in its place), bytes between
records (or before the first, in a plain file) that are no record at all, a gzip member that
does not inflate — is reported with its own byte offset (for stray bytes, the end of the last
good record) and the offset reading resumes at: the next ``WARC/1.x`` header that parses
(version line, ``Name: value`` lines, a ``Content-Length``) in a plain file, whether or not a
newline comes before it, the next gzip member that inflates to one in a ``.warc.gz`` (one
member per record, as crawlers write them). A file that opens with no record and holds none
is "not a WARC file".
Both paths report damage between records alike; bytes left over inside a record (a
``Content-Length`` shorter than its block) are reported at their own offset in a plain file, at
the record's in a ``.warc.gz`` (whose offsets are its members').
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from marsad.errors import InputError, RecordError
from marsad.ingest.html import HtmlPage
from marsad.ingest.readers import ReadOptions, read_error
from marsad.model import Provenance

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_SCAN = 1 << 20
# a WARC header block: the version line, then ``Name: value`` lines (or folded continuations)
_HEADER = re.compile(rb"WARC/1\.[01]\r?\n(?:(?:[!-9;-~]+:|[ \t])[^\r\n]*\r?\n)+\r?\n")
_HEADER_MAX = 64 * 1024


def read_warc(path: Path, opts: ReadOptions) -> Iterator[InputError | HtmlPage]:
    """Every HTML response of the WARC at ``path`` as a page; broken records as errors."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    try:
        f = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as e:
        yield InputError(f"cannot open: {read_error(e)}", where=str(path))
        return
    with f:
        gz = f.read(2) == b"\x1f\x8b"
        start = 0
        quiet = False  # an error was reported and no record has parsed since: do not repeat it
        while True:
            f.seek(start)
            last: int | None = None  # offset of the last record parsed from ``start`` on
            resync: int | None = None
            failure = ""
            try:
                for rec in ArchiveIterator(f, parse_http=True, auto_decode="none", fsspec_args=False):
                    last = rec.stream_pos
                    quiet = False
                    if rec.headers.get("Content-Length") is None:
                        # fastwarc drops header lines that are not ``Name: value``, and reads a
                        # record without a length as empty: a garbage header, passed over silently
                        why = ("its lines end in LF alone where WARC's end in CR LF: were the file's "
                               "line ends converted?" if _lf_only(f, last, gz=gz)
                               else "garbage in place of the header lines?")
                        yield RecordError(f"broken WARC record at offset {last}: its header has no "
                                          f"Content-Length ({why}); record skipped", where=f"{path}@{last}")
                        quiet = True
                        continue
                    if rec.record_type != WarcRecordType.response:
                        size = rec.content_length
                        got = rec.reader.consume()
                        if got >= size:
                            continue
                        item: InputError | HtmlPage | None = RecordError(
                            f"broken WARC record: block has {got:,} of its {size:,} bytes "
                            "(truncated)", where=f"{path}@{last}")
                    else:
                        item = _page(rec, path=path, pos=last, opts=opts)
                    if item is None:
                        continue
                    yield item
                    if isinstance(item, RecordError) and item.args[0].endswith("(truncated)"):
                        quiet = True
                        resync = last + 1
                        break
            except (OSError, ValueError) as e:
                failure = str(e) or type(e).__name__
                if last is None and start == 0 and _next_record(f, 1, gz=gz) is None:
                    yield InputError(f"not a WARC file ({failure})", where=str(path))
                    return
            if resync is None:
                # the bad bytes begin where the last good record ends; the scan for the next
                # record starts just past that record's start, so that it finds a record that a
                # wrong Content-Length ran into, and past a start that failed at once
                end = _record_end(f, last, gz=gz) if last is not None else None
                nxt = _next_record(f, (last if last is not None else start) + 1, gz=gz)
                stop = nxt if nxt is not None else _size(f)
                if last is None:  # nothing parsed from ``start`` on: its bytes up to the next record
                    bad, skipped = start, f"{stop - start:,} bytes skipped"
                elif end is None or stop < end or (stop == end and failure):
                    # the record at ``last`` itself is bad: too long, or bytes after it in its member
                    bad = last
                    skipped = "its end overlaps the next record or holds stray bytes"
                else:
                    bad, skipped = end, f"{stop - end:,} bytes skipped"
                if (failure or (last is None and start > 0) or not _blank(f, bad, stop)) and not quiet:
                    why = f" ({failure})" if failure else " (truncated or unreadable)"
                    then = f"reading resumes at offset {nxt}" if nxt is not None else "no record follows"
                    yield RecordError(f"broken WARC record at offset {bad}{why}; {skipped}, {then}",
                                      where=f"{path}@{bad}")
                    quiet = True
            else:
                nxt = _next_record(f, resync, gz=gz)
            if nxt is None:
                return
            start = nxt


def _page(rec: Any, *, path: Path, pos: int, opts: ReadOptions) -> InputError | HtmlPage | None:
    """The page of one response record, an error, or None when it holds no HTML page."""
    url = rec.headers.get("WARC-Target-URI") or ""
    where = f"{path}@{pos}"
    http = rec.http_headers
    status = http.status_code if http is not None else None
    ctype = (rec.http_content_type or "").lower()
    size = rec.content_length
    wanted = (status is None or 200 <= status < 300) and (not ctype or ctype.startswith(_HTML_TYPES))
    if not wanted or size > opts.max_record_bytes:
        got = rec.reader.consume()
        if got < size:
            return _truncated(url, got, size, where)
        if not wanted:
            return None
        return RecordError(f"HTML payload of {size:,} bytes is over the limit of "
                           f"{opts.max_record_bytes:,}; skipped", where=where)
    body = rec.reader.read()
    if len(body) < size:
        return _truncated(url, len(body), size, where)
    try:
        body = _decode_http(body, http, limit=opts.max_record_bytes)
    except (ValueError, OSError, zlib.error) as e:
        return RecordError(f"cannot decode the HTTP payload of {url} ({e})", where=where)
    if not ctype and b"<html" not in body[:2048].lower():
        return None
    date = rec.record_date
    crawl = date.strftime("%Y-%m-%dT%H:%M:%SZ") if date is not None else ""
    meta = {"warc_record_id": rec.headers.get("WARC-Record-ID") or ""}
    return HtmlPage(data=body, provenance=Provenance(path=str(path), offset=pos, url=url), url=url,
                    charset=rec.http_charset or "", source=opts.source, crawl_date=crawl,
                    meta=meta)


def _truncated(url: str, got: int, size: int, where: str) -> RecordError:
    return RecordError(f"broken WARC record {url}: payload has {got:,} of its {size:,} bytes "
                       "(truncated)", where=where)


def _decode_http(body: bytes, http: Any, *, limit: int) -> bytes:
    """Undo ``Transfer-Encoding: chunked`` and ``Content-Encoding`` gzip, deflate or br."""
    if http is None:
        return body
    te = (http.get("Transfer-Encoding") or "").lower()
    if "chunked" in te:
        body = _dechunk(body)
    ce = (http.get("Content-Encoding") or "").lower().strip()
    if ce in ("gzip", "x-gzip", "deflate"):
        d = zlib.decompressobj(47 if ce != "deflate" or body[:1] == b"\x78" else -15)
        out = d.decompress(body, limit + 1)
    elif ce == "br":
        import brotli

        out = brotli.decompress(body)
    else:
        return body
    if len(out) > limit:
        raise ValueError(f"decoded payload is over the limit of {limit:,} bytes")
    return out


def _dechunk(body: bytes) -> bytes:
    out: list[bytes] = []
    pos = 0
    while True:
        eol = body.find(b"\r\n", pos)
        if eol == -1:
            raise ValueError("malformed chunked encoding")
        size = int(body[pos:eol].split(b";", 1)[0].strip() or b"0", 16)
        if size == 0:
            return b"".join(out)
        out.append(body[eol + 2 : eol + 2 + size])
        pos = eol + 2 + size + 2


def _next_record(f: IO[bytes], start: int, *, gz: bool) -> int | None:
    """The offset of the first clean record start at or after ``start``, or None."""
    marker = b"\x1f\x8b\x08" if gz else b"WARC/1."
    pos = start
    while True:
        f.seek(pos)
        buf = f.read(_SCAN + len(marker))
        if len(buf) < len(marker):
            return None
        i = buf.find(marker)
        while i != -1:
            cand = pos + i
            if _starts_record(f, cand, gz=gz):
                return cand
            i = buf.find(marker, i + 1)
        if len(buf) <= _SCAN:
            return None
        pos += _SCAN


def _starts_record(f: IO[bytes], at: int, *, gz: bool) -> bool:
    """Whether a WARC header that parses starts at ``at`` (inside a gzip member that starts
    there, for ``gz``); a gzip member cut short by the end of the file passes if what it
    inflates to is the start of a header, so that its loss is reported where it is."""
    here = f.tell()
    try:
        f.seek(at)
        if gz:
            d = zlib.decompressobj(31)
            try:
                head = d.decompress(f.read(_HEADER_MAX), _HEADER_MAX)
            except zlib.error:
                return False
            if not d.eof and not d.unconsumed_tail and b"\r\n\r\n" not in head:
                return head.startswith(b"WARC/1.") or b"WARC/1.".startswith(head)
        else:
            head = f.read(_HEADER_MAX)
        m = _HEADER.match(head)
        return m is not None and b"\ncontent-length:" in m.group().lower()
    finally:
        f.seek(here)


def _blank(f: IO[bytes], start: int, stop: int) -> bool:
    """Whether the bytes from ``start`` to ``stop`` are only line ends and spaces."""
    if stop - start > _HEADER_MAX:
        return False
    here = f.tell()
    try:
        f.seek(start)
        return not f.read(stop - start).strip()
    finally:
        f.seek(here)


def _size(f: IO[bytes]) -> int:
    here = f.tell()
    try:
        return f.seek(0, 2)
    finally:
        f.seek(here)


def _lf_only(f: IO[bytes], at: int, *, gz: bool) -> bool:
    """Whether the record at ``at`` opens with a line that ends in LF without CR: fastwarc reads
    no header line of such a record, so it looks like a header of garbage."""
    here = f.tell()
    try:
        f.seek(at)
        head = f.read(256)
        if gz:
            try:
                head = zlib.decompressobj(31).decompress(head, 64)
            except zlib.error:
                return False
        line, nl, _ = head.partition(b"\n")
        return bool(nl) and line.startswith(b"WARC/") and not line.endswith(b"\r")
    finally:
        f.seek(here)


def _record_end(f: IO[bytes], at: int, *, gz: bool) -> int | None:
    """The offset just past the good record that starts at ``at`` (its trailing blank lines
    included in a plain file, its gzip member in a ``.warc.gz``), or None if it cannot be told."""
    here = f.tell()
    try:
        f.seek(at)
        if gz:
            d = zlib.decompressobj(31)
            used = 0
            while not d.eof:
                chunk = f.read(1 << 16)
                if not chunk:
                    return None
                used += len(chunk)
                try:
                    d.decompress(chunk, 1 << 16)
                    while d.unconsumed_tail and not d.eof:
                        d.decompress(d.unconsumed_tail, 1 << 16)
                except zlib.error:
                    return None
            return at + used - len(d.unused_data) - len(d.unconsumed_tail)
        m = _HEADER.match(f.read(_HEADER_MAX))
        if m is None:
            return None
        length = re.search(rb"(?im)^content-length:[ \t]*(\d+)", m.group())
        if length is None:
            return None
        end = at + m.end() + int(length.group(1))
        f.seek(end)
        tail = f.read(4)
        return end + len(tail) - len(tail.lstrip(b"\r\n"))
    finally:
        f.seek(here)
