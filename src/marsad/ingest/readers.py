"""Readers turn inputs into raw records, each with its provenance.

Every reader is a generator of ``RawRecord | InputError``: a bad file or record is yielded as
an error naming the file (and line or offset) and what is wrong, and reading goes on. Gzip is
opened transparently wherever it appears (by its magic bytes, not its name). Readers stream:
JSONL and CSV are read a line or row at a time, WARC a record at a time; one line, row, file or
record larger than ``ReadOptions.max_record_bytes`` is refused with an error, never loaded.

This module holds the plain-text readers (``.txt``, JSONL, CSV) and what every reader shares;
the dispatch over files, folders and URLs is :mod:`marsad.ingest.inputs`; HTML, WARC and feeds
live in :mod:`marsad.ingest.html`, :mod:`marsad.ingest.warc` and :mod:`marsad.ingest.feeds`
(registered in :mod:`marsad.ingest.formats`).
"""

from __future__ import annotations

import csv
import gzip
import html
import io
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Any

import orjson

from marsad.clean.decode import bom_codec, codec_of, decode_bytes, looks_binary
from marsad.errors import DecodeError, InputError, RecordError
from marsad.model import Provenance, RawRecord

Item = RawRecord | InputError

#: a record longer than this many characters is cut (with a warning), not refused
MAX_TEXT_CHARS = 2_000_000
#: one line, row, file or WARC record larger than this is refused: it is not one article
MAX_RECORD_BYTES = 16 * 1024 * 1024
#: a JSONL file whose first this-many non-empty lines are all invalid JSON is given up on
MAX_LEADING_BAD_LINES = 20


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
class HttpOptions:
    """How feed URLs are fetched: timeouts, retries with exponential backoff, size cap."""

    timeout: float = 20.0  # seconds, per connect / read
    retries: int = 3  # extra attempts after a connection error, a timeout, HTTP 429 or 5xx
    backoff: float = 0.5  # seconds before the first retry; doubled for each next one
    max_bytes: int = MAX_RECORD_BYTES
    user_agent: str = "marsad/0.1 (Arabic news observatory; +https://example.invalid/marsad)"


@dataclass(frozen=True, slots=True)
class ReadOptions:
    fields: FieldMap = field(default_factory=FieldMap)
    source: str = ""  # the outlet to record when the input has none
    format: str = ""  # force a format: txt | jsonl | csv | html | warc | feed
    workers: int = 0  # processes for HTML main-text extraction (0 = all cores, 1 = inline)
    max_record_bytes: int = MAX_RECORD_BYTES
    feed_state: str = ""  # JSON file remembering ETag/Last-Modified per feed URL ("" = none)
    http: HttpOptions = field(default_factory=HttpOptions)
    exclude: frozenset[str] = frozenset()  # resolved paths never read (the archive's own files)
    #: ids already stored (the archive's ``known``): an HTML page whose URL is one of them is
    #: not extracted again, it comes through as an empty record that the ingest counts as a duplicate
    known: Callable[[list[str]], set[str]] | None = None


class TooLarge(Exception):
    """Raised by :func:`read_limited` when the data goes past the limit."""


def open_maybe_gzip(path: Path) -> IO[bytes]:
    """Open ``path`` for reading bytes, gunzipping when it starts with the gzip magic."""
    f = open(path, "rb")  # noqa: SIM115 - returned to the caller
    if f.peek(2)[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=f)  # type: ignore[return-value]
    return f


def read_limited(path: Path, limit: int) -> bytes:
    """The (gunzipped) bytes of ``path``; :class:`TooLarge` past ``limit`` bytes."""
    with open_maybe_gzip(path) as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(f"larger than the {_mb(limit)} limit for one article")
    return data


def read_all_bytes(path: Path) -> bytes:
    with open_maybe_gzip(path) as f:
        return f.read()


def read_error(e: BaseException) -> str:
    """A short, plain description of why reading a file failed."""
    if isinstance(e, TooLarge):
        return str(e)
    if isinstance(e, EOFError):
        return "truncated gzip file (it ends before its end-of-stream marker)"
    if isinstance(e, gzip.BadGzipFile | zlib.error):
        return f"corrupt gzip data ({e})"
    if isinstance(e, PermissionError):
        return "permission denied"
    if isinstance(e, FileNotFoundError):
        return "no such file"
    if isinstance(e, IsADirectoryError):
        return "is a folder"
    if isinstance(e, OSError):
        return e.strerror or str(e)
    return f"{type(e).__name__}: {e}"


def _mb(n: int) -> str:
    return f"{n / 1048576:.0f} MB" if n >= 1048576 else f"{n:,} bytes"


def _where(prov: Provenance) -> str:
    w = prov.path or prov.url
    if prov.line is not None:
        w += f":{prov.line}"
    if prov.offset is not None:
        w += f"@{prov.offset}"
    return w


def cut_text(text: str, warnings: list[str]) -> str:
    if len(text) > MAX_TEXT_CHARS:
        warnings.append(f"text cut from {len(text)} to {MAX_TEXT_CHARS} characters")
        return text[:MAX_TEXT_CHARS]
    return text


def record_from_mapping(
    obj: Any, *, fields: FieldMap, prov: Provenance, default_source: str,
    warnings: Iterable[str] = (), meta: dict[str, Any] | None = None,
) -> Item:
    """A record from a JSON object or CSV row, the fields named by ``fields``."""
    where = _where(prov)
    if not isinstance(obj, dict):
        return RecordError(f"a record must be a JSON object, not {type(obj).__name__}", where=where)
    text = obj.get(fields.text)
    if text is None:
        return RecordError(f"no {fields.text!r} field (use --text-field to name it)", where=where)
    if not isinstance(text, str):
        text = str(text)
    if not text.strip():
        return RecordError("empty text", where=where)
    warns = list(warnings)
    text = cut_text(text, warns)
    date, date_warning = record_date(obj.get(fields.date))
    if date_warning:
        warns.append(date_warning)
    known = {fields.id, fields.text, fields.title, fields.source, fields.url, fields.date, fields.author}
    extra = {k: v for k, v in obj.items() if k not in known and v not in (None, "")}
    extra.update(meta or {})
    return RawRecord(
        text=text,
        id=_str(obj.get(fields.id)),
        source=_str(obj.get(fields.source)) or default_source,
        url=_str(obj.get(fields.url)),
        title=plain_title(obj.get(fields.title)),
        date=date,
        date_kind=fields.date_kind if date else "",
        author=_str(obj.get(fields.author)),
        meta=extra,
        provenance=prov,
        warnings=warns,
    )


_ISO_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}")
_YEAR_MONTH = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2]))?$")
_EPOCH = re.compile(r"^[0-9]{9,10}(\.[0-9]+)?$")


def record_date(value: Any) -> tuple[str, str]:
    """``(date, warning)``: a record's date field as an ISO date or date-time, or ``""`` and a
    warning saying why it was not used (the publication date then comes from the text).

    ISO 8601 (``2021-09-14``, ``2021-09-14 10:30:00``, ``2021-09-14T10:30+03:00``) is kept as
    written; ``2021-09`` and ``2021`` too. RFC 2822 (``Tue, 14 Sep 2021 10:30:00 +0300``, as
    RSS exports write it), ``2021/09/14`` and Unix seconds are turned into ISO. Anything else,
    an impossible day (``2021-02-30``) included, is not a date.
    """
    raw = _str(value)
    if not raw:
        return "", ""
    if _YEAR_MONTH.match(raw):
        return raw, ""
    dt: datetime | None = None
    if _EPOCH.match(raw):
        dt = datetime.fromtimestamp(float(raw), UTC)
    else:
        for cand in (raw, raw.replace("/", "-", 2)):
            try:
                dt = datetime.fromisoformat(cand.replace("Z", "+00:00") if cand.endswith("Z") else cand)
                break
            except ValueError:
                continue
        if dt is None:
            try:
                dt = parsedate_to_datetime(raw)
            except (TypeError, ValueError, IndexError):
                dt = None
    if dt is None:
        return "", (f"date {raw[:60]!r} is not a date (write YYYY-MM-DD, optionally with a time); "
                    "the publication date is taken from the text")
    if _ISO_DAY.match(raw):
        return raw, ""
    s = dt.isoformat()
    return (s[:-6] + "Z" if s.endswith("+00:00") else s), ""


def _str(v: Any) -> str:
    if v is None or v == "":
        return ""
    return v.strip() if isinstance(v, str) else str(v)


#: an HTML character reference left in a scraped field (``&quot;``, ``&#8221;``, ``&#x27;``)
_CHAR_REF = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")


def plain_title(v: Any) -> str:
    """A title field as text: stripped, and the HTML character references a scraper left in it
    decoded (:func:`html.unescape`: ``&quot;`` → U+0022, ``&#8221;`` → U+201D). One Saudi
    paper's titles in a real dump carry ``&quot;`` around every quoted name (178 of the 232
    titles with references in the corpora); left as they are, ``quot`` is a word of the title
    that search, labels and stories read."""
    s = _str(v)
    return html.unescape(s) if "&" in s and _CHAR_REF.search(s) else s


# --- JSON Lines -------------------------------------------------------------------------------


def read_jsonl(path: Path, opts: ReadOptions) -> Iterator[Item]:
    """One JSON object per line, streamed; a bad line is reported and skipped.

    A line holding a JSON array of objects yields each of them. Lines that are not UTF-8
    (a Windows-1256 export) are decoded by :func:`marsad.clean.decode.decode_bytes`.
    """
    try:
        f = open_maybe_gzip(path)
    except OSError as e:
        yield InputError(f"cannot open: {read_error(e)}", where=str(path))
        return
    limit = opts.max_record_bytes
    lineno = good = bad = 0
    with_text = without_text = 0  # records with and (before the first with) without the text field
    held: list[Item] = []  # the records without it before the first with it
    keys = ""
    codec: str | None = None  # the encoding found for earlier non-UTF-8 lines
    try:
        with f:
            head = f.peek(8192)[:8192] if hasattr(f, "peek") else b""
            bom = bom_codec(head)
            if bom is None and looks_binary(head):
                yield DecodeError("binary data, not JSON Lines", where=str(path))
                return
            lines: Any = f
            if bom is not None and bom[0].startswith("utf-16"):
                lines = _Utf8Lines(io.TextIOWrapper(f, encoding="utf-16", errors="replace", newline=""))  # type: ignore[arg-type]
            while True:
                raw = lines.readline(limit + 1)
                if not raw:
                    break
                lineno += 1
                if len(raw) > limit and not raw.endswith(b"\n"):
                    size = len(raw) + _skip_line(lines)
                    yield RecordError(f"line is {_mb(size)} long, over the {_mb(limit)} limit for "
                                      "one record (not one article per line?); skipped",
                                      where=f"{path}:{lineno}")
                    bad += 1
                    continue
                if raw.startswith(b"\xef\xbb\xbf"):  # the file's, or a file's joined on (cat a b)
                    raw = raw[3:]
                if not raw.strip():
                    continue
                prov = Provenance(path=str(path), line=lineno)
                obj, used, warns, err = _parse_json_line(raw, codec)
                if err is not None:
                    bad += 1
                    if good == 0 and raw.strip() in (b"[", b"{"):
                        yield RecordError(
                            "a pretty-printed JSON document, not JSON Lines: convert it to one "
                            "object per line (e.g. jq -c '.[]')", where=str(path))
                        return
                    yield RecordError(f"invalid JSON ({err}){_cut_short(raw)}", where=_where(prov))
                    if good == 0 and bad >= MAX_LEADING_BAD_LINES:
                        yield InputError(f"not JSON Lines: the first {bad} lines are not JSON; "
                                         "rest of file skipped", where=str(path))
                        return
                    continue
                codec = used or codec
                good += 1
                objs = obj if isinstance(obj, list) else [obj]
                for i, o in enumerate(objs):
                    meta = {"record_index": i} if isinstance(obj, list) else None
                    item = record_from_mapping(o, fields=opts.fields, prov=prov,
                                               default_source=opts.source, warnings=warns, meta=meta)
                    if isinstance(o, dict) and opts.fields.text not in o and with_text == 0:
                        # held back: a wrong --text-field is one error for the file, not one a line
                        without_text += 1
                        held.append(item)
                        keys = ", ".join(repr(k[:30]) for k in list(o)[:8])
                        if without_text >= MAX_LEADING_BAD_LINES:
                            yield InputError(
                                f"none of the first {without_text} records has a {opts.fields.text!r} "
                                f"field (they have {keys}); name the text field with --text-field; "
                                "rest of file skipped", where=str(path))
                            return
                        continue
                    if isinstance(o, dict) and opts.fields.text in o:
                        with_text += 1
                    yield from held
                    held.clear()
                    yield item
            if held:
                yield InputError(
                    f"none of its {without_text} record{'s' if without_text > 1 else ''} has a {opts.fields.text!r} field "
                    f"(they have {keys}); name the text field with --text-field", where=str(path))
            if good == bad == 0:
                yield RecordError("empty file: no records in it", where=str(path))
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as e:
        yield InputError(f"{read_error(e)}; read up to line {lineno}", where=str(path))


class _Utf8Lines:
    """The lines of a UTF-16 text stream as UTF-8 bytes, for readers that split bytes on b"\\n"
    (which a UTF-16 file does not hold as such)."""

    def __init__(self, text: io.TextIOWrapper) -> None:
        self.text = text

    def readline(self, size: int = -1) -> bytes:
        return self.text.readline(size).encode("utf-8")


def _skip_line(f: IO[bytes]) -> int:
    """Read past the rest of an over-long line; return how many bytes were skipped."""
    n = 0
    while True:
        chunk = f.readline(1 << 20)
        n += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return n


def _cut_short(raw: bytes) -> str:
    """A hint for a line that is no JSON: it ends before its object or array closes (a line
    cut short, or a record whose text holds a raw line break), which the parser reports as a
    control character or an unexpected end, not as a cut."""
    line = raw.rstrip()
    opened = line[:1]
    if opened in (b"{", b"[") and not line.endswith(b"}" if opened == b"{" else b"]"):
        return (": the line ends before its object closes — cut short, or a raw line break "
                "inside a value, which JSON Lines writes as \\n")
    return ""


def _parse_json_line(raw: bytes, codec: str | None) -> tuple[Any, str | None, list[str], str | None]:
    """``(object, codec, warnings, error)`` for one line: UTF-8 first, else the line's bytes
    decoded (``codec`` is the encoding found for earlier lines, tried first)."""
    try:
        return orjson.loads(raw), None, [], None
    except orjson.JSONDecodeError as e:
        err = str(e)
    try:
        raw.decode("utf-8")
        return None, None, [], err  # valid UTF-8, so the JSON itself is broken
    except UnicodeDecodeError:
        pass
    dec = decode_bytes(raw, declared=codec)
    try:
        obj = orjson.loads(dec.text)
    except orjson.JSONDecodeError:
        return None, None, [], err
    return obj, codec_of(dec.encoding), list(dec.warnings), None


# --- CSV / TSV --------------------------------------------------------------------------------


def read_csv(path: Path, opts: ReadOptions) -> Iterator[Item]:
    """A CSV (or TSV, by extension) file with a header row, streamed row by row.

    The encoding is detected on the first 64 KB; bytes that do not fit it later become
    U+FFFD and the row says how many.
    """
    limit = opts.max_record_bytes
    try:
        with open_maybe_gzip(path) as f:
            sample = f.read(65536)
    except (OSError, EOFError, zlib.error) as e:
        yield InputError(f"cannot read ({read_error(e)})", where=str(path))
        return
    bom = bom_codec(sample)
    if bom is None and looks_binary(sample):
        yield DecodeError("binary data, not CSV", where=str(path))
        return
    if bom is not None:
        codec = "utf-8-sig" if bom[0] == "utf-8" else "utf-16"
    else:
        cut = sample.rfind(b"\n") if len(sample) == 65536 else len(sample)
        codec = codec_of(decode_bytes(sample[: cut if cut > 0 else len(sample)]).encoding) or "utf-8"
    first, _nl, second = sample.decode(codec, errors="replace").lstrip("\ufeff").partition("\n")
    hint = _SEP_LINE.match(first.strip())  # Excel's sep=; line, before the header
    if hint:
        delim = hint.group(1)
    else:
        delim = _delimiter(first, "\t" if ".tsv" in path.name.lower() else ",")
    csv.field_size_limit(limit)
    try:
        binary = open_maybe_gzip(path)
    except OSError as e:
        yield InputError(f"cannot open: {read_error(e)}", where=str(path))
        return
    stream = io.TextIOWrapper(binary, encoding=codec, errors="replace", newline="")  # type: ignore[arg-type]
    if hint:
        stream.readline()
    lines = _Lines(stream)
    reader = csv.DictReader(lines, delimiter=delim)
    try:
        with stream:
            yield from _csv_rows(reader, lines, path=path, opts=opts, codec=codec, delim=delim,
                                 first_line=1 if hint else 0)
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as e:
        yield InputError(f"{read_error(e)}; read up to line {reader.line_num}", where=str(path))


#: the line a spreadsheet (Excel) may write before the header to name the delimiter: ``sep=;``
_SEP_LINE = re.compile(r'^"?sep=([,;\t|])"?$', re.IGNORECASE)


def _delimiter(header: str, default: str) -> str:
    """``default`` (a comma; a tab for .tsv), unless the header holds none of it and holds a tab,
    semicolon or bar: a tab-separated .csv, or a semicolon one from a European spreadsheet."""
    if default in header:
        return default
    counts = {d: header.count(d) for d in ("\t", ";", "|", ",")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else default


class _Lines:
    """The lines of a stream as the csv module reads them, keeping those of the row being read
    (``taken``) and whether the stream ran out (``eof``)."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._it = iter(lines)
        self.taken: list[str] = []
        self.eof = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        try:
            line = next(self._it)
        except StopIteration:
            self.eof = True
            raise
        self.taken.append(line)
        return line


#: the field map's optional columns with the option that names them
_NAMED_COLUMNS = (("id", "--id-field"), ("title", "--title-field"), ("source", "--source-field"),
                  ("url", "--url-field"), ("date", "--date-field"), ("author", "--author-field"))


def _missing_column(fields: FieldMap, header: Sequence[str]) -> str:
    """Why a CSV with ``header`` cannot be read with ``fields``, or ``""``: no text column, or no
    column that an option named (``--author-field writter``: a typo read the file without a byline
    or a dateline from it, in silence). A default name the header lacks (no ``author``) is fine."""
    cols = ", ".join(repr(c[:30]) for c in header[:8])
    if fields.text not in header:
        return (f"no {fields.text!r} column in the header (it has {cols}); "
                "name the text column with --text-field; file skipped")
    default = FieldMap()
    for attr, option in _NAMED_COLUMNS:
        name = getattr(fields, attr)
        if name != getattr(default, attr) and name not in header:
            return f"no {name!r} column in the header for {option} (it has {cols}); file skipped"
    return ""


def _csv_rows(reader: csv.DictReader, lines: _Lines, *, path: Path, opts: ReadOptions, codec: str,
              delim: str, first_line: int = 0, top: bool = True) -> Iterator[Item]:
    """The records of ``reader`` (its line numbers counted from ``first_line``; ``top``: its
    first line is the file's header, after a ``sep=`` line or none). A row of empty fields (a
    spreadsheet's blank row, ``;;;;``) is no record, as a blank line is none.

    A quoted field whose closing quote never comes swallows the rest of the file into one row
    (Python's csv, not strict, ends it at the end of the file): that row is refused and the lines
    after its first one are read again as rows, so one stray quote costs one row, not the file.
    """
    last_error_line = -1
    rows = 0
    try:
        reader.fieldnames  # noqa: B018 -- read the header now, so that ``taken`` holds a row's lines only
    except csv.Error:
        pass  # next(reader) meets it again and reports it
    while True:
        lines.taken.clear()
        try:
            row = next(reader)
            rows += 1
            if rows == 1 and top and (problem := _missing_column(opts.fields, reader.fieldnames or ())):
                yield RecordError(problem, where=str(path))
                return
        except StopIteration:
            if rows == 0 and last_error_line < 0 and top:
                what = "a header and no rows" if reader.fieldnames else "no header and no rows"
                yield RecordError(f"empty file: {what}", where=str(path))
            return
        except csv.Error as e:
            if reader.line_num == last_error_line:
                return  # the parser is stuck at the same place
            last_error_line = reader.line_num
            yield RecordError(f"malformed CSV ({e})", where=f"{path}:{first_line + reader.line_num}")
            continue
        line = first_line + reader.line_num
        taken = lines.taken  # read here only: the copy is made in the branch that keeps it
        if lines.eof and len(taken) > 1 and "".join(taken).count('"') % 2:
            opened = line - len(taken) + 1
            yield RecordError(f"a quoted field opened on this line is never closed (a stray quote?); the row is "
                              f"refused and the lines after it ({len(taken) - 1:,}) are read again as rows",
                              where=f"{path}:{opened}")
            rest = _Lines(taken[1:])
            yield from _csv_rows(csv.DictReader(rest, fieldnames=reader.fieldnames, delimiter=delim), rest,
                                 path=path, opts=opts, codec=codec, delim=delim, first_line=opened, top=False)
            return
        if not any(v.strip() for v in row.values() if isinstance(v, str)) and not row.get(None):  # type: ignore[call-overload]
            continue
        prov = Provenance(path=str(path), line=line)
        warns = []
        short = sum(v is None for v in row.values())
        if short:
            n = len(reader.fieldnames or ())
            msg = f"the row has {n - short} of the header's {n} fields"
            if row.get(opts.fields.text) is None:
                yield RecordError(f"{msg} (a cut line or a stray quote?)", where=_where(prov))
                continue
            warns.append(msg)
        extra = row.pop(None, None)  # type: ignore[call-overload]
        if extra:
            warns.append(f"{len(extra)} field(s) beyond the header ignored")
        bad = sum(v.count("\ufffd") for v in row.values() if isinstance(v, str))
        if bad:
            warns.append(f"{bad} undecodable byte sequence(s) replaced by U+FFFD ({codec})")
        yield record_from_mapping(row, fields=opts.fields, prov=prov,
                                  default_source=opts.source, warnings=warns)


# --- plain text -------------------------------------------------------------------------------


def read_text_file(path: Path, opts: ReadOptions) -> Iterator[Item]:
    """A plain-text article; its id is the file name without extension(s)."""
    try:
        data = read_limited(path, opts.max_record_bytes)
    except (OSError, EOFError, zlib.error, TooLarge) as e:
        yield InputError(f"cannot read ({read_error(e)})", where=str(path))
        return
    if bom_codec(data) is None and looks_binary(data):
        yield DecodeError("binary data (NUL or control bytes), not text", where=str(path))
        return
    dec = decode_bytes(data)
    if not dec.text.strip():
        yield RecordError("empty text", where=str(path))
        return
    warnings = list(dec.warnings)
    text = cut_text(dec.text, warnings)
    yield RawRecord(
        text=text,
        id=file_id(path),
        source=opts.source,
        provenance=Provenance(path=str(path)),
        meta={"encoding": dec.encoding},
        warnings=warnings,
    )


def file_id(path: Path) -> str:
    """A file's name without its extensions (``a.txt.gz`` → ``a``)."""
    name = path.name
    for ext in (".gz", ".txt", ".text", ".html", ".htm", ".xhtml"):
        if name.lower().endswith(ext):
            name = name[: -len(ext)]
    return name
