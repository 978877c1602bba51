"""RSS and Atom feeds, from a file or a URL; and single pages fetched by URL.

A feed entry becomes a record: its link is its URL (and so its id, unless it has none, when the
entry's ``id``/``guid`` is used), its text is the entry's content (else its summary) turned from
HTML into lines, its date the entry's ``published`` (else ``updated``) time with the feed's own
UTC offset kept (``date_kind="feed"``).

URLs are fetched with httpx: connect and read timeouts, up to ``retries`` more attempts after a
connection error, a timeout, HTTP 429 or 5xx (waiting ``backoff``, then twice that, …), a size
cap, and a conditional GET: the ``ETag`` and ``Last-Modified`` of the last good fetch are kept
in a small JSON file (``ReadOptions.feed_state``) and sent back as ``If-None-Match`` and
``If-Modified-Since``; a 304 answer yields nothing. The state is written only after every entry
of the feed has been handed on.
"""

from __future__ import annotations

import calendar
import html
import os
import re
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import orjson

from marsad.clean.decode import bom_codec, decode_bytes
from marsad.errors import InputError, RecordError
from marsad.ingest.html import HtmlPage, html_to_text, readable_url
from marsad.ingest.readers import (
    HttpOptions,
    ReadOptions,
    TooLarge,
    cut_text,
    read_error,
    read_limited,
)
from marsad.model import Provenance, RawRecord

Item = RawRecord | InputError


# --- conditional GET state --------------------------------------------------------------------


class FeedState:
    """``{url: {"etag": …, "last_modified": …, "fetched_at": …}}``, kept in a JSON file
    (``path``) or only in memory (``path=None``)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else None
        self.data: dict[str, dict[str, str]] = {}
        if self.path is not None and self.path.exists():
            try:
                loaded = orjson.loads(self.path.read_bytes())
                self.data = loaded if isinstance(loaded, dict) else {}
            except (OSError, orjson.JSONDecodeError):
                self.data = {}  # a damaged cache only costs one unconditional fetch

    def headers(self, url: str) -> dict[str, str]:
        s = self.data.get(url) or {}
        h = {}
        if s.get("etag"):
            h["If-None-Match"] = s["etag"]
        if s.get("last_modified"):
            h["If-Modified-Since"] = s["last_modified"]
        return h

    def remember(self, url: str, *, etag: str, last_modified: str) -> None:
        self.data[url] = {"etag": etag, "last_modified": last_modified,
                          "fetched_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}
        self.save()

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".feeds-", suffix=".json")
        with os.fdopen(fd, "wb") as f:
            f.write(orjson.dumps(self.data, option=orjson.OPT_INDENT_2))
        os.replace(tmp, self.path)


# --- fetching ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Fetched:
    status: int  # 200, or 304 when not modified
    data: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""
    url: str = ""  # the final URL, after redirects


def fetch(url: str, *, http: HttpOptions, state: FeedState | None = None) -> Fetched | InputError:
    """GET ``url`` with timeouts, retries with backoff and a conditional GET (see module doc)."""
    import httpx

    headers = {"User-Agent": http.user_agent, "Accept-Encoding": "gzip, deflate"}
    if state is not None:
        headers.update(state.headers(url))
    timeout = httpx.Timeout(http.timeout, connect=min(http.timeout, 10.0))
    last = ""
    with httpx.Client(timeout=timeout, follow_redirects=True, headers=headers) as client:
        for attempt in range(http.retries + 1):
            if attempt:
                time.sleep(http.backoff * 2 ** (attempt - 1))
            try:
                with client.stream("GET", url) as r:
                    if r.status_code == 429 or r.status_code >= 500:
                        last = f"HTTP {r.status_code} {r.reason_phrase}"
                        continue
                    if r.status_code == 304:
                        return Fetched(304, url=str(r.url))
                    if r.status_code >= 400:
                        return InputError(f"HTTP {r.status_code} {r.reason_phrase}", where=url)
                    chunks, size = [], 0
                    for chunk in r.iter_bytes():
                        size += len(chunk)
                        if size > http.max_bytes:
                            return InputError(f"response is over the limit of {http.max_bytes:,} "
                                              "bytes", where=url)
                        chunks.append(chunk)
                    return Fetched(r.status_code, b"".join(chunks),
                                   r.headers.get("content-type", ""), r.headers.get("etag", ""),
                                   r.headers.get("last-modified", ""), str(r.url))
            except httpx.UnsupportedProtocol as e:
                return InputError(f"cannot fetch ({e})", where=url)
            except httpx.TransportError as e:
                last = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
            except httpx.HTTPError as e:  # a malformed response: retrying will not mend it
                return InputError(f"cannot fetch ({type(e).__name__}: {e})", where=url)
    return InputError(f"cannot fetch after {http.retries + 1} attempts ({last})", where=url)


def read_url(url: str, opts: ReadOptions, *, state: FeedState | None = None) -> Iterator[Item | HtmlPage]:
    """A feed URL's entries, or — when the URL serves an HTML page, not a feed — that page."""
    state = state if state is not None else FeedState(opts.feed_state or None)
    got = fetch(url, http=opts.http, state=state)
    if isinstance(got, InputError):
        yield got
        return
    if got.status == 304:
        return
    is_html = "html" in got.content_type.lower() and "xml" not in got.content_type.lower()
    if opts.format == "html" or (is_html and opts.format != "feed" and not _looks_like_feed(got.data)):
        yield HtmlPage(data=got.data, provenance=Provenance(url=url), url=got.url or url,
                       charset=_charset(got.content_type), source=opts.source)
    else:
        yield from parse_feed(got.data, opts=opts, where=url, feed_url=url,
                              content_type=got.content_type)
    state.remember(url, etag=got.etag, last_modified=got.last_modified)


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        k, _, v = part.partition("=")
        if k.strip().lower() == "charset":
            return v.strip().strip("\"'")
    return ""


_PROLOG_ENCODING = re.compile(rb"""^(\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding=["']([A-Za-z0-9._-]+)["']""")


def _as_utf8(data: bytes, content_type: str) -> tuple[bytes, str]:
    """A feed that names no encoding but UTF-8 (or none) and is not UTF-8 — a Windows-1256
    export without an XML prolog — decoded as :func:`~marsad.clean.decode.decode_bytes` decodes
    text files and handed on as UTF-8; feedparser read it as Latin-1 (every title mojibake)."""
    m = _PROLOG_ENCODING.match(data[:300])
    declared = (_charset(content_type) or (m.group(2).decode("ascii") if m else "")).lower().replace("_", "-")
    if declared not in ("", "utf-8", "utf8") or bom_codec(data) is not None:
        return data, content_type
    try:
        data.decode("utf-8")
        return data, content_type
    except UnicodeDecodeError:
        pass
    text = decode_bytes(data).text
    if m:
        text = re.sub(r"""(<\?xml[^>]*?encoding=)["'][A-Za-z0-9._-]+["']""", r'\1"utf-8"', text, count=1)
    media = content_type.split(";")[0].strip() or "application/xml"
    return text.encode("utf-8"), f"{media}; charset=utf-8"


def _looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


# --- parsing ----------------------------------------------------------------------------------


def read_feed_file(path: Path, opts: ReadOptions) -> Iterator[Item]:
    """An RSS/Atom file (gzip or not)."""
    try:
        data = read_limited(path, opts.max_record_bytes)
    except (OSError, EOFError, TooLarge, ValueError) as e:
        yield InputError(f"cannot read ({read_error(e)})", where=str(path))
        return
    yield from parse_feed(data, opts=opts, where=str(path), path=str(path))


def parse_feed(data: bytes, *, opts: ReadOptions, where: str, feed_url: str = "", path: str = "",
               content_type: str = "") -> Iterator[Item]:
    """The entries of a feed document; a document that is no feed is one error."""
    from xml.sax import SAXException

    import feedparser

    data, content_type = _as_utf8(data, content_type)
    headers = {"content-type": content_type} if content_type else None
    d = feedparser.parse(data, response_headers=headers)
    exc = d.get("bozo_exception") if d.get("bozo") else None
    if not d.entries:
        why = f" ({exc})" if isinstance(exc, SAXException) else ""
        if d.get("version"):
            return  # a well-formed feed with no entries today
        yield InputError(f"not an RSS/Atom feed{why}", where=where)
        return
    feed_title = dict.get(d.feed, "title") or ""
    # the outlet of an entry without a link: the host of the feed's own link (its siblings' host),
    # else the feed's title
    home = (dict.get(d.feed, "link") or "").strip()
    outlet = opts.source or _host(readable_url(home)) or feed_title
    # a relative entry link (/news/12) is resolved against the feed's address, else its own link
    base = next((u for u in (feed_url, home) if u.startswith(("http://", "https://"))), "")
    for n, e in enumerate(d.entries, 1):
        yield _entry(e, n=n, opts=opts, where=where, feed_url=feed_url, path=path,
                     feed_title=feed_title, outlet=outlet, base=base)
    if isinstance(exc, SAXException):
        yield InputError(f"feed is not well-formed XML ({exc}); {len(d.entries)} entries read "
                         "before the error", where=where)


def _entry(e: Any, *, n: int, opts: ReadOptions, where: str, feed_url: str, path: str,
           feed_title: str, outlet: str, base: str = "") -> Item:
    here = f"{where}#entry{n}"
    link = (e.get("link") or "").strip()
    if base and link and not link.startswith(("http://", "https://")) and ":" not in link.split("/", 1)[0]:
        link = urljoin(base, link)  # /news/12 or news/12, not an Atom id (tag:…, urn:…)
    if not link.startswith(("http://", "https://")):
        link = ""  # feedparser puts a non-URL Atom id here when there is no link
    link = readable_url(link)
    guid = (e.get("id") or "").strip()
    title = e.get("title") or ""
    if "html" in (dict.get(e, "title_detail") or {}).get("type", ""):  # Atom's type="html"
        title = html_to_text(title) if "<" in title else html.unescape(title)
    title = " ".join(title.split())
    text = _entry_text(e)
    if not text:
        return RecordError("empty text (the entry has no content or summary)", where=here)
    warnings: list[str] = []
    text = cut_text(text, warnings)
    date, raw_date = _entry_date(e)
    if raw_date.strip() and not date:
        warnings.append(f"date {raw_date.strip()[:60]!r} is not a date (an entry's published or updated is "
                        "RFC 822 or ISO 8601); the publication date is taken from the text")
    meta: dict[str, Any] = {"feed_entry": n}
    if guid and guid != link:
        meta["guid"] = guid
    if feed_title:
        meta["feed_title"] = feed_title
    if feed_url:
        meta["feed_url"] = feed_url
    if raw_date:
        meta["date_raw"] = raw_date
    tags = [t.get("term") for t in (dict.get(e, "tags") or []) if t.get("term")]
    if tags:
        meta["tags"] = tags
    return RawRecord(
        text=text,
        id="" if link else guid,
        source=opts.source or _host(link) or outlet,
        url=link,
        title=title,
        date=date,
        date_kind="feed" if date else "",
        author=" ".join((dict.get(e, "author") or "").split()),
        meta=meta,
        provenance=Provenance(path=path, url=feed_url),
        warnings=warnings,
    )


def _entry_text(e: Any) -> str:
    """The longest of the entry's contents, else its summary, as plain lines."""
    best = ""
    for c in dict.get(e, "content") or []:
        t = _as_text(c.get("value") or "", c.get("type") or "")
        if len(t) > len(best):
            best = t
    if best:
        return best
    detail = dict.get(e, "summary_detail") or {}
    return _as_text(dict.get(e, "summary") or "", detail.get("type") or "text/html")


def _as_text(value: str, ctype: str) -> str:
    if "html" in ctype:
        return html_to_text(value)
    return "\n".join(" ".join(line.split()) for line in value.splitlines() if line.strip())


def _entry_date(e: Any) -> tuple[str, str]:
    """``(ISO date-time, raw string)``: the raw date's own offset kept when it parses, else
    feedparser's UTC reading; ("", raw) when there is none."""
    for key in ("published", "updated"):
        raw = dict.get(e, key) or ""
        parsed = dict.get(e, key + "_parsed")
        if not raw and not parsed:
            continue
        iso = _iso(raw)
        if not iso and parsed:
            iso = datetime.fromtimestamp(calendar.timegm(parsed), UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        if iso:
            return iso, raw
        return "", raw
    return "", ""


def _iso(raw: str) -> str:
    """An entry's date as ISO 8601, its offset kept; a day alone stays a day (``2017-03-08``,
    not midnight: the time is not known)."""
    raw = raw.strip()
    if not raw:
        return ""
    if len(raw) == 10 and raw[4] == raw[7] == "-":
        try:
            return datetime.fromisoformat(raw).date().isoformat()
        except ValueError:
            return ""
    dt: datetime | None = None
    try:
        dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        try:
            dt = parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            return ""
    if dt is None:
        return ""
    s = dt.isoformat()
    return s[:-6] + "Z" if s.endswith("+00:00") else s


def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host
