"""HTML pages: charset, main text, title, publication date and metadata.

The main text, title, site name and date come from trafilatura (``bare_extraction`` with
metadata, favouring precision; its date from htmldate without the "extensive" text scan, which
guesses a year-only date from a copyright line). trafilatura is only ever given the decoded HTML
string, never a URL to fetch. The charset is the HTTP one, else ``<meta charset>`` or the XML
prolog, else whatever :func:`marsad.clean.decode.decode_bytes` finds.

Readers yield :class:`HtmlPage` (undecoded bytes plus what is known about them);
:func:`resolve_pages` turns pages into records, inline for a few, then in a process pool, since
extraction costs tens of milliseconds a page and would otherwise hold up the whole ingest.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from marsad.clean.decode import decode_bytes, looks_binary
from marsad.errors import DecodeError, InputError, RecordError
from marsad.ingest.readers import (
    ReadOptions,
    TooLarge,
    cut_text,
    file_id,
    read_error,
    read_limited,
)
from marsad.model import Provenance, RawRecord
from marsad.runners.pools import worker_pool

Item = RawRecord | InputError

#: pages extracted in the reading process before a pool is started (small inputs stay cheap)
INLINE_PAGES = 16
#: pages sent to a worker at a time
CHUNK_PAGES = 8

_META_CHARSET = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""", re.I)
_PUBLISHED = re.compile(
    r"published[^<>]{0,40}?(\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)",
    re.I,
)
#: a ``<meta>`` naming the author (``name="author"``, ``article:author``, ``dc.creator``) …
_META_AUTHOR = re.compile(
    r"""<meta\b[^>]{0,300}?\b(?:name|property)\s*=\s*["']?(?:author|article:author|dc\.creator)["'\s/>][^>]{0,1000}>""",
    re.I,
)
#: … and its content
_CONTENT = re.compile(r"""\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
    "table", "section", "article", "figure", "figcaption", "hr", "pre", "dd", "dt", "header",
    "footer", "aside", "main",
})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """An HTML document waiting for main-text extraction."""

    data: bytes
    provenance: Provenance
    url: str = ""  # where the page was fetched (WARC-Target-URI, feed URL)
    charset: str = ""  # declared by the HTTP Content-Type header
    id: str = ""  # the id to use when the page has no URL (a file's name)
    source: str = ""  # the outlet the user named
    crawl_date: str = ""  # WARC-Date: when the page was fetched, a fallback publication date
    meta: dict[str, Any] = field(default_factory=dict)


def read_html(path: Path, opts: ReadOptions) -> Iterator[Item | HtmlPage]:
    """One HTML file (gzip or not): one page, id'd by its canonical URL, else its file name."""
    try:
        data = read_limited(path, opts.max_record_bytes)
    except (OSError, EOFError, TooLarge, ValueError) as e:
        yield InputError(f"cannot read ({read_error(e)})", where=str(path))
        return
    yield HtmlPage(data=data, provenance=Provenance(path=str(path)), id=file_id(path),
                   source=opts.source)


def read_mhtml(path: Path, opts: ReadOptions) -> Iterator[Item | HtmlPage]:
    """A page saved as one file (MHTML, ``.mhtml``/``.mht``: a browser's "Webpage, Single File"):
    its HTML part — the one at the address the page was saved from (``Snapshot-Content-Location``),
    else the first — decoded from its transfer encoding (quoted-printable, base64) by the standard
    library's MIME parser, with its charset, at that address. Read as text, the MIME source was
    stored as an article."""
    import email

    try:
        data = read_limited(path, opts.max_record_bytes)
    except (OSError, EOFError, TooLarge, ValueError) as e:
        yield InputError(f"cannot read ({read_error(e)})", where=str(path))
        return
    msg = email.message_from_bytes(data)
    pages = [p for p in msg.walk() if p.get_content_type() == "text/html"]
    if not pages:
        yield RecordError("no HTML part in this MHTML file (a saved web page holds one)", where=str(path))
        return
    saved_from = (msg.get("Snapshot-Content-Location") or "").strip()
    main = next((p for p in pages if (p.get("Content-Location") or "").strip() == saved_from), pages[0])
    html = main.get_payload(decode=True)
    url = saved_from or (main.get("Content-Location") or "").strip()
    yield HtmlPage(data=html if isinstance(html, bytes) else b"", provenance=Provenance(path=str(path)),
                   url=url if url.startswith(("http://", "https://")) else "",
                   charset=main.get_content_charset() or "", id=file_id(path), source=opts.source)


def page_charset(data: bytes) -> str:
    """The charset declared in the first 8 KB: ``<meta charset>``, ``<meta http-equiv>``
    or the XML prolog; "" when none."""
    head = data[:8192]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return m.group(1).decode("ascii", "replace") if m else ""


def extract_page(page: HtmlPage) -> Item:
    """The page's article as a record, or an error saying why there is none."""
    where = _where(page)
    if not page.data.strip():
        return RecordError("empty HTML page", where=where)
    if looks_binary(page.data) and not page.data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return DecodeError("binary data, not HTML", where=where)
    dec = decode_bytes(page.data, declared=page.charset or page_charset(page.data) or None)
    try:
        doc = _trafilatura(dec.text, page.url)
    except Exception as e:  # lxml and trafilatura raise many kinds; one bad page is one error
        return RecordError(f"HTML extraction failed ({type(e).__name__}: {e})", where=where)
    text = (doc.get("text") or "").strip() if doc else ""
    if doc is None or not text:
        return RecordError("no article text found in the HTML", where=where)
    title = _clean_line(doc.get("title") or "")
    text = _drop_title_line(text, title)
    warnings = list(dec.warnings)
    text = cut_text(text, warnings)
    canonical = readable_url(doc.get("url") or "")  # trafilatura escapes an Arabic canonical URL
    url = readable_url(page.url) or canonical
    date, date_kind = _page_date(doc.get("date") or "", dec.text), "html"
    if not date and page.crawl_date:
        date, date_kind = page.crawl_date, "crawl"
    meta: dict[str, Any] = {"encoding": dec.encoding, **page.meta}
    if canonical and canonical != url:
        meta["canonical_url"] = canonical
    for key in ("sitename", "description", "categories", "tags", "language"):
        v = doc.get(key)
        if v:
            meta[key] = v
    if page.crawl_date:
        meta["crawled_at"] = page.crawl_date
    return RawRecord(
        text=text,
        id="" if url else page.id,
        source=page.source or _host(url) or (doc.get("sitename") or ""),
        url=url,
        title=title,
        date=date,
        date_kind=date_kind if date else "",
        author=_page_author(dec.text) or _clean_line(doc.get("author") or ""),
        meta=meta,
        provenance=page.provenance,
        warnings=warnings,
    )


def _trafilatura(html: str, url: str) -> dict[str, Any] | None:
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, favor_precision=True, include_comments=False,
        date_extraction_params={"extensive_search": False, "original_date": True,
                                "outputformat": "%Y-%m-%d"},
    )
    if doc is None:
        return None
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    d.pop("body", None)
    d.pop("commentsbody", None)
    return d


def _page_date(day: str, html: str) -> str:
    """htmldate's day, with its time and offset when a ``…published…`` meta field or JSON-LD
    ``datePublished`` gives that same day in full."""
    if not day:
        return ""
    for m in _PUBLISHED.finditer(html, 0, 300_000):
        full = m.group(1).replace(" ", "T")
        if full[:10] == day:
            return full
    return day


def _page_author(html: str) -> str:
    """The author a page's ``<meta>`` gives, as written. trafilatura's author is cleaned for a
    person's name: it cut «عبدالرحيم الحدادي - المدينة المنورة» to the name and gave nothing for
    «واس - الرياض» or «عكاظ (جدة)», the datelines Saudi papers put there, which the dateline
    stage reads (``docs/ingest-formats.md``). Only an Arabic one: a link (a profile page) or a
    Latin-script name is left to trafilatura."""
    for m in _META_AUTHOR.finditer(html, 0, 300_000):
        c = _CONTENT.search(m.group(0))
        value = _clean_line(unescape(c.group(1) if c.group(1) is not None else c.group(2))) if c else ""
        # a link is no author; nor is a Latin-script one trafilatura's own cleaning is better at
        # (it drops a CMS's «admin», which the dateline stage would take for a person)
        if value and not re.match(r"(?:https?:)?//", value) and re.search("[\u0621-\u064a]", value):
            return value
    return ""


def _drop_title_line(text: str, title: str) -> str:
    """trafilatura often repeats the headline as the first line; the record has it as title."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    if _clean_line(first) == title and rest.strip():
        return rest.lstrip("\n")
    return text


def _clean_line(s: str) -> str:
    return " ".join(s.split())


_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def readable_url(url: str) -> str:
    """``url`` with its percent-escaped UTF-8 letters written out (``/news/%D8%B3%D9%84%D8%A7%D9%85``
    → ``/news/سلام``), as the JSONL and CSV dumps write Arabic URLs and as a browser shows them.

    An escaped ASCII byte (``%20``, ``%2F``, ``%3F``), a space, a control or format character
    (U+200F, the bidi overrides) stays escaped, since writing it out could change what the URL
    means or how it reads; so do escapes that are not UTF-8 (a Windows-1256 query string)."""

    def keep(c: str) -> str:
        if c < "\x80" or c.isspace() or unicodedata.category(c)[0] in "CZ":
            return "".join(f"%{b:02X}" for b in c.encode())
        return c

    def out(m: re.Match[str]) -> str:
        try:
            text = bytes.fromhex(m.group(0).replace("%", "")).decode("utf-8")
        except UnicodeDecodeError:
            return m.group(0)
        return "".join(map(keep, text))

    return _ESCAPES.sub(out, url) if "%" in url else url


def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def _where(page: HtmlPage) -> str:
    p = page.provenance
    w = p.path or p.url or page.url
    if p.offset is not None:
        w += f"@{p.offset}"
    return w


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed item's content): one line per block element
    (``p``, ``div``, ``br``, ``li``, headings …), scripts and styles dropped, runs of spaces
    and no-break spaces (U+00A0) folded to one space."""
    if "<" not in fragment and "&" not in fragment:
        return "\n".join(_clean_line(x) for x in fragment.splitlines() if x.strip())
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml's parser errors; a fragment that will not parse is kept as text
        return _clean_line(re.sub(r"<[^>]*>", " ", fragment))
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("script", "style", "noscript"):
            if el.tail:
                parts.append(el.tail)
            return
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


# --- extraction in parallel -------------------------------------------------------------------


def resolve_pages(items: Iterable[Any], *, workers: int = 0) -> Iterator[Item]:
    """``items`` with every :class:`HtmlPage` replaced by its record (or error), in order.

    The first :data:`INLINE_PAGES` pages are extracted here; after that, pages go to a pool of
    ``workers`` processes (0 = all cores) in chunks of :data:`CHUNK_PAGES`, at most
    ``2 × workers`` chunks in flight, so memory stays flat on a crawl of any size.
    """
    n = workers if workers > 0 else (os.cpu_count() or 1)
    pool: ProcessPoolExecutor | None = None
    pending: deque[Any] = deque()  # futures of chunks, and items that must wait their turn
    inflight = 0
    chunk: list[dict[str, Any]] = []
    inline = 0

    def submit() -> None:
        nonlocal chunk, inflight
        if chunk and pool is not None:
            pending.append(pool.submit(_extract_chunk, chunk))
            inflight += 1
            chunk = []

    def pop() -> Iterator[Item]:
        nonlocal inflight
        head = pending.popleft()
        if isinstance(head, Future):
            inflight -= 1
            yield from (_item_from_dict(d) for d in head.result())
        else:
            yield head

    try:
        for it in items:
            if not isinstance(it, HtmlPage):
                if pool is None or (not pending and not chunk):
                    yield it
                else:
                    submit()
                    pending.append(it)
                continue
            if pool is None and (n <= 1 or inline < INLINE_PAGES):
                inline += 1
                yield extract_page(it)
                continue
            if pool is None:
                pool = worker_pool(n)
            chunk.append(asdict(it))
            if len(chunk) >= CHUNK_PAGES:
                submit()
            while inflight > 2 * n:
                yield from pop()
        submit()
        while pending:
            yield from pop()
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def _extract_chunk(pages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Worker entry point: page dicts in, record or error dicts out (plain data both ways)."""
    out: list[dict[str, Any]] = []
    for d in pages:
        d = dict(d)
        d["provenance"] = Provenance(**d["provenance"])
        it = extract_page(HtmlPage(**d))
        if isinstance(it, RawRecord):
            out.append({"record": asdict(it)})
        else:
            msg = it.args[0] if it.args else ""
            if it.where and msg.startswith(it.where + ": "):
                msg = msg[len(it.where) + 2:]
            out.append({"error": type(it).__name__, "message": msg, "where": it.where})
    return out


_ERRORS = {"InputError": InputError, "DecodeError": DecodeError, "RecordError": RecordError}


def _item_from_dict(d: dict[str, Any]) -> Item:
    if "record" in d:
        r = dict(d["record"])
        r["provenance"] = Provenance(**r["provenance"])
        return RawRecord(**r)
    return _ERRORS.get(d["error"], InputError)(d["message"], where=d["where"])
