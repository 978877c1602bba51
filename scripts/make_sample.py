#!/usr/bin/env python3
"""Render marsad's bundled sample corpus from its one source of truth.

Reads ``src/marsad/data/sample_source/articles.yaml`` (articles written for marsad) and writes

* ``src/marsad/data/sample/`` — the inputs, each article in exactly one format: ``txt/*.txt``,
  ``news.jsonl``, ``news.csv``, ``html/*.html``, ``crawl.warc.gz`` (WARC/1.1, one gzip member
  per record, like Common Crawl CC-NEWS), ``feed.xml`` (RSS 2.0), ``feed.atom`` (Atom 1.0) and
  ``broken/`` (inputs that are broken on purpose);
* ``src/marsad/data/sample_source/expected.json`` — golden facts for tests;
* ``src/marsad/data/sample_source/README.md`` — what is in the corpus, article by article.

The output is deterministic: no clocks, no randomness, gzip members with mtime 0, WARC record
ids derived from URLs. ``python scripts/make_sample.py`` rewrites the files in place;
``--out DIR`` writes the same tree under DIR; ``--check`` exits 1 when the committed files are
stale. Run it after every edit of articles.yaml and commit its output.
"""

from __future__ import annotations

import argparse
import base64
import csv
import datetime as dt
import gzip
import hashlib
import html
import io
import json
import sys
import uuid
from collections.abc import Callable
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sample_pages  # noqa: E402  (page templates and documentation, beside this script)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "marsad" / "data"
SOURCE = DATA / "sample_source" / "articles.yaml"

FORMATS = ("txt", "jsonl", "csv", "html", "warc", "rss", "atom")
READER_FORMAT = {"rss": "feed", "atom": "feed"}  # what `marsad ingest --format` calls them
#: where the outlet's name is in the input: a .txt file has none (only `--source` names it)
SOURCE_FROM = {"txt": "none", "jsonl": "metadata", "csv": "metadata", "html": "og:site_name",
               "warc": "og:site_name", "rss": "item <source>", "atom": "entry <source>"}
NBSP = "\u00a0"
Files = dict[str, bytes]  # path relative to the data folder → bytes


# --- loading and checking -------------------------------------------------------------------


def load(path: Path = SOURCE) -> list[dict[str, Any]]:
    """The articles of ``path``, checked: unique ids, known formats and tags, expected strings
    present in the text."""
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    arts: list[dict[str, Any]] = doc["articles"]
    seen: set[str] = set()
    for a in arts:
        where = a.get("id", "?")
        for key in ("id", "source", "url", "format", "title", "text"):
            if not a.get(key):
                raise SystemExit(f"{where}: missing {key}")
        if a["id"] in seen:
            raise SystemExit(f"{where}: duplicate id")
        seen.add(a["id"])
        if a["format"] not in FORMATS:
            raise SystemExit(f"{where}: unknown format {a['format']!r}")
        a["text"] = a["text"].strip("\n")
        o = a.get("txt", {})
        if a["format"] in ("html", "warc") or o.get("top") or o.get("bottom"):
            a.setdefault("difficulties", [])
            if "site_debris" not in a["difficulties"]:
                a["difficulties"].insert(0, "site_debris")
        for tag in a.get("difficulties", []):
            if tag not in sample_pages.DIFFICULTIES:
                raise SystemExit(f"{where}: difficulty {tag!r} is not in sample_pages.DIFFICULTIES")
        if a["format"] == "txt" and "published" not in a.get("expect", {}):
            raise SystemExit(f"{where}: a .txt article has no metadata: say expect.published")
        for fact in a.get("expect", {}).get("timex", []) + a.get("expect", {}).get("mentions", []):
            _locate(a, fact)  # raises when the text does not hold it
    return arts


def _locate(a: dict[str, Any], fact: dict[str, Any]) -> tuple[str, int]:
    """Where ``fact['text']`` is: ("text" | "date_line" | …, offset in that field). Occurrences
    are counted as plain substrings of the article text, 1-based."""
    want = fact["text"]
    n = int(fact.get("occurrence", 1))
    fields = [("text", a["text"])] + [(k, a.get("txt", {}).get(k, "")) for k in ("date_line", "byline")]
    for name, value in fields:
        pos = -1
        for _ in range(n):
            pos = value.find(want, pos + 1)
            if pos < 0:
                break
        if pos >= 0:
            return name, pos
    raise SystemExit(f"{a['id']}: {want!r} (occurrence {n}) is not in the article")


def when(a: dict[str, Any]) -> dt.datetime | None:
    return dt.datetime.fromisoformat(a["published_at"]) if a.get("published_at") else None


# --- plain text -----------------------------------------------------------------------------


def txt_record(a: dict[str, Any]) -> tuple[str, dict[str, int]]:
    """The text of a .txt article as a reader sees it (no BOM, newlines as in the file) and the
    offset at which each field (text, date_line, byline) starts in it."""
    o = a.get("txt", {})
    blank = [NBSP] if o.get("nbsp_blanks") else [""]
    out: list[str] = []
    starts: dict[str, int] = {}

    def put(line: str, field: str = "") -> None:
        if field:
            starts[field] = sum(len(x) + 1 for x in out)
        out.append(line)

    for line in o.get("top", []):
        put(line)
    if o.get("top"):
        put("")
    put(a["title"])
    put("")
    if o.get("date_line"):
        put(o["date_line"], "date_line")
        put("")
    if o.get("byline"):
        put(o["byline"], "byline")
        put("")
    paras = a["text"].split("\n\n")
    body_start = sum(len(x) + 1 for x in out)
    sep = ["", *blank, ""] if o.get("nbsp_blanks") else [""]
    para_starts = []
    for i, p in enumerate(paras):
        if i:
            out.extend(sep)
        para_starts.append(sum(len(x) + 1 for x in out))
        out.extend(p.split("\n"))
    if o.get("bottom"):
        out.append("")
        out.extend(o["bottom"])
    text = "\n".join(out) + "\n"
    # map offsets of a["text"] (paragraphs joined by "\n\n") to offsets in ``text``
    starts["text"] = body_start
    starts["_paras"] = para_starts  # type: ignore[assignment]
    if o.get("newline") == "crlf":
        text = text.replace("\n", "\r\n")
    return text, starts


def txt_offset(a: dict[str, Any], field: str, pos: int) -> int:
    text, starts = txt_record(a)
    if field == "text":
        para_starts: list[int] = starts["_paras"]  # type: ignore[assignment]
        i = a["text"].count("\n\n", 0, pos)
        local = pos - (a["text"].rfind("\n\n", 0, pos) + 2 if i else 0)
        off = para_starts[i] + local
    else:
        off = starts[field] + pos
    if a.get("txt", {}).get("newline") == "crlf":
        plain = text.replace("\r\n", "\n")
        off += plain.count("\n", 0, off)
    return off


def render_txt(a: dict[str, Any]) -> bytes:
    text, _ = txt_record(a)
    enc = a.get("txt", {}).get("encoding", "utf-8")
    return text.encode(enc)  # utf-8-sig writes the BOM; cp1256 fails loudly on a stray character


# --- JSONL and CSV --------------------------------------------------------------------------


def _row(a: dict[str, Any], date: str | None) -> dict[str, Any]:
    return {"id": a["id"], "source": a["source"], "url": a["url"], "date": date,
            "title": a["title"], "text": a["text"]}


def render_jsonl(arts: list[dict[str, Any]], *, bad_after: str = "") -> bytes:
    lines = []
    for a in arts:
        lines.append(json.dumps(_row(a, a.get("published_at")), ensure_ascii=False))
        if a["id"] == bad_after:
            lines.append(sample_pages.INVALID_JSON_LINE)
    return ("\n".join(lines) + "\n").encode("utf-8")


def render_csv(arts: list[dict[str, Any]]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=["id", "source", "url", "date", "title", "text"])
    w.writeheader()
    for a in arts:
        t = when(a)
        w.writerow(_row(a, t.strftime("%Y-%m-%d %H:%M:%S") if t else ""))
    return buf.getvalue().encode("utf-8")


# --- WARC -----------------------------------------------------------------------------------


def _digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def _warc_record(kind: str, uri: str, date: str, block: bytes, headers: list[tuple[str, str]]) -> bytes:
    """One WARC/1.1 record, serialised by FastWARC, as its own gzip member."""
    from fastwarc.warc import WarcRecord, WarcRecordType

    rid = uuid.uuid5(uuid.NAMESPACE_URL, f"marsad-sample:{kind}:{uri}")
    rec = WarcRecord()
    rec.init_headers(getattr(WarcRecordType, kind), f"uuid:{rid}".encode())
    rec.headers["WARC-Date"] = date
    for k, v in headers:
        rec.headers[k] = v
    rec.headers["WARC-Block-Digest"] = _digest(block)
    rec.set_bytes_content(block)
    buf = io.BytesIO()
    rec.write(buf)
    return gzip.compress(buf.getvalue(), compresslevel=9, mtime=0)


def _record_id(kind: str, uri: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'marsad-sample:{kind}:{uri}')}>"


def _http_date(s: str) -> str:
    return format_datetime(dt.datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(dt.UTC), usegmt=True)


def render_warc(arts: list[dict[str, Any]], corpus: list[dict[str, Any]]) -> bytes:
    """warcinfo, then request + response pairs in crawl order, plus a robots.txt and a redirect
    (records that are not articles)."""
    info_uri = "marsad-sample-crawl.warc.gz"
    first = min([a["warc"]["crawl_at"] for a in arts] + [x[0] for x in sample_pages.WARC_EXTRAS])
    info = sample_pages.WARCINFO.encode("utf-8")
    out = [_warc_record("warcinfo", info_uri, first, info,
                        [("WARC-Filename", info_uri), ("Content-Type", "application/warc-fields")])]
    info_id = _record_id("warcinfo", info_uri)
    fetches: list[tuple[str, str, bytes, bytes]] = []  # crawl time, uri, http head, payload
    for a in arts:
        page = sample_pages.page(a, corpus)
        charset = a.get("html", {}).get("charset", "utf-8")
        payload = page.encode(charset, "xmlcharrefreplace")  # &#1636; where cp1256 has no ٤
        ctype = "text/html" if charset != "utf-8" else "text/html; charset=UTF-8"
        head = [f"Date: {_http_date(a['warc']['crawl_at'])}", "Server: nginx",
                f"Content-Type: {ctype}", f"Content-Length: {len(payload)}"]
        if a.get("html", {}).get("meta_date", True):
            head.append(f"Last-Modified: {_http_date(a['published_at'])}")
        fetches.append((a["warc"]["crawl_at"], a["url"], _http_head("200 OK", head), payload))
    for crawl_at, uri, status, extra, body in sample_pages.WARC_EXTRAS:
        head = [f"Date: {_http_date(crawl_at)}", "Server: nginx", *extra, f"Content-Length: {len(body)}"]
        fetches.append((crawl_at, uri, _http_head(status, head), body))
    for crawl_at, uri, head, payload in sorted(fetches, key=lambda f: (f[0], f[1])):
        host = uri.split("/")[2]
        path = "/" + uri.split("/", 3)[3] if uri.count("/") > 2 else "/"
        req = (f"GET {path} HTTP/1.1\r\nHost: {host}\r\n{sample_pages.CRAWLER_HEADERS}\r\n").encode()
        req_id = _record_id("request", uri)
        common = [("WARC-Target-URI", uri), ("WARC-Warcinfo-ID", info_id)]
        out.append(_warc_record("request", uri, crawl_at, req,
                                [*common, ("Content-Type", "application/http; msgtype=request")]))
        ip = f"192.0.2.{1 + int(hashlib.sha1(host.encode()).hexdigest(), 16) % 250}"
        out.append(_warc_record("response", uri, crawl_at, head + payload, [
            *common, ("WARC-Concurrent-To", req_id), ("WARC-IP-Address", ip),
            ("Content-Type", "application/http; msgtype=response"),
            ("WARC-Payload-Digest", _digest(payload))]))
    return b"".join(out)


def _http_head(status: str, headers: list[str]) -> bytes:
    return ("HTTP/1.1 " + status + "\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n").encode()


# --- feeds ----------------------------------------------------------------------------------


def render_rss(arts: list[dict[str, Any]]) -> bytes:
    ch = sample_pages.RSS_CHANNEL
    items = sorted(arts, key=lambda a: when(a), reverse=True)  # type: ignore[arg-type,return-value]
    x = ['<?xml version="1.0" encoding="UTF-8"?>',
         '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
         "<channel>", f"<title>{_x(ch['title'])}</title>", f"<link>{ch['link']}</link>",
         f"<description>{_x(ch['description'])}</description>", "<language>ar</language>",
         f"<lastBuildDate>{format_datetime(when(items[0]))}</lastBuildDate>",  # type: ignore[arg-type]
         f'<atom:link href="{ch["self"]}" rel="self" type="application/rss+xml"/>']
    for a in items:
        site = "/".join(a["url"].split("/")[:3]) + "/"
        x += ["<item>", f"<title>{_x(a['title'])}</title>", f"<link>{a['url']}</link>",
              f'<guid isPermaLink="true">{a["url"]}</guid>',
              f"<pubDate>{format_datetime(when(a))}</pubDate>",  # type: ignore[arg-type]
              f'<source url="{site}feed/">{_x(a["source"])}</source>']
        if a.get("author"):
            x.append(f"<dc:creator>{_x(a['author'])}</dc:creator>")
        x += [f"<description>{_x(sample_pages.summary(a))}</description>",
              f"<content:encoded><![CDATA[{sample_pages.body_html(a)}]]></content:encoded>", "</item>"]
    x += ["</channel>", "</rss>"]
    return ("\n".join(x) + "\n").encode("utf-8")


def render_atom(arts: list[dict[str, Any]]) -> bytes:
    f = sample_pages.ATOM_FEED
    items = sorted(arts, key=lambda a: when(a), reverse=True)  # type: ignore[arg-type,return-value]
    upd = [_atom_updated(a) for a in items]
    x = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">',
         f"<title>{_x(f['title'])}</title>", f"<subtitle>{_x(f['subtitle'])}</subtitle>",
         f"<id>{f['id']}</id>", f"<updated>{max(upd)}</updated>",
         f'<link rel="self" type="application/atom+xml" href="{f["self"]}"/>', f'<link href="{f["link"]}"/>']
    for a, updated in zip(items, upd, strict=True):
        lang = f' xml:lang="{a["lang"]}"' if a.get("lang", "ar") != "ar" else ""
        site = "/".join(a["url"].split("/")[:3]) + "/"
        x += [f"<entry{lang}>", f"<title>{_x(a['title'])}</title>",
              f'<link rel="alternate" type="text/html" href="{a["url"]}"/>', f"<id>{a['url']}</id>",
              f"<published>{when(a).isoformat()}</published>", f"<updated>{updated}</updated>",  # type: ignore[union-attr]
              f"<author><name>{_x(a.get('author') or a['source'])}</name></author>",
              f"<source><id>{site}</id><title>{_x(a['source'])}</title><updated>{updated}</updated></source>",
              f'<summary type="text">{_x(sample_pages.summary(a))}</summary>',
              f'<content type="html">{_x(sample_pages.body_html(a))}</content>', "</entry>"]
    x.append("</feed>")
    return ("\n".join(x) + "\n").encode("utf-8")


def _atom_updated(a: dict[str, Any]) -> str:
    t = when(a)
    assert t is not None
    later = a.get("atom", {}).get("updated_minutes_later", 0)
    return (t + dt.timedelta(minutes=later)).isoformat()


def _x(s: str) -> str:
    return html.escape(s, quote=True)


# --- broken inputs --------------------------------------------------------------------------


def broken_files() -> Files:
    junk = bytearray(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    h = b"marsad"
    while len(junk) < 600:
        h = hashlib.sha256(h).digest()
        junk += h
    record = json.dumps({"id": "truncated-1", "source": "منصة المشرق نت", "url": "", "date": None,
                         "title": "سجل في ملف مضغوط مبتور", "text": sample_pages.TRUNCATED_TEXT},
                        ensure_ascii=False).encode("utf-8") + b"\n"
    gz = gzip.compress(record, compresslevel=9, mtime=0)
    return {"sample/broken/empty.txt": b"", "sample/broken/binary_junk.bin": bytes(junk[:600]),
            "sample/broken/truncated_export.jsonl.gz": gz[: len(gz) // 2]}


# --- everything -----------------------------------------------------------------------------


def render(arts: list[dict[str, Any]] | None = None) -> Files:
    """Every output file of the corpus, by path relative to ``src/marsad/data``."""
    arts = load() if arts is None else arts
    by: dict[str, list[dict[str, Any]]] = {f: [a for a in arts if a["format"] == f] for f in FORMATS}
    files: Files = {}
    for a in by["txt"]:
        files[f"sample/txt/{a['id']}.txt"] = render_txt(a)
    for a in by["html"]:
        charset = a.get("html", {}).get("charset", "utf-8")
        files[f"sample/html/{a['id']}.html"] = sample_pages.page(a, arts).encode(charset, "xmlcharrefreplace")
    groups: dict[str, list[dict[str, Any]]] = {}
    for a in by["jsonl"]:
        groups.setdefault(a.get("file", "news.jsonl"), []).append(a)
    for name, members in groups.items():
        bad = members[0]["id"] if name.startswith("broken/") else ""
        files[f"sample/{name}"] = render_jsonl(members, bad_after=bad)
    files["sample/news.csv"] = render_csv(by["csv"])
    files["sample/crawl.warc.gz"] = render_warc(by["warc"], arts)
    files["sample/feed.xml"] = render_rss(by["rss"])
    files["sample/feed.atom"] = render_atom(by["atom"])
    files.update(broken_files())
    expected = expected_json(arts, files)
    files["sample_source/expected.json"] = (json.dumps(expected, ensure_ascii=False, indent=1) + "\n").encode()
    files["sample_source/README.md"] = sample_pages.readme(arts, expected).encode("utf-8")
    return files


def file_of(a: dict[str, Any]) -> str:
    f = a["format"]
    return {"txt": f"sample/txt/{a['id']}.txt", "html": f"sample/html/{a['id']}.html",
            "jsonl": f"sample/{a.get('file', 'news.jsonl')}", "csv": "sample/news.csv",
            "warc": "sample/crawl.warc.gz", "rss": "sample/feed.xml", "atom": "sample/feed.atom"}[f]


def expected_json(arts: list[dict[str, Any]], files: Files) -> dict[str, Any]:
    out: dict[str, Any] = {"version": 1, "articles": {}, "groups": {}, "broken": sample_pages.BROKEN,
                           "warc_non_articles": [u for _, u, *_ in sample_pages.WARC_EXTRAS]}
    copies: dict[str, dict[str, Any]] = {}
    sets: dict[str, dict[str, list[str]]] = {"stories": {}, "threads": {}, "templates": {}, "dyads": {}}
    for a in arts:
        e = dict(a.get("expect", {}))
        t = when(a)
        fmt = a["format"]
        rec: dict[str, Any] = {
            "format": READER_FORMAT.get(fmt, fmt), "render": fmt, "file": file_of(a),
            "source": a["source"], "source_from": SOURCE_FROM[fmt], "url": a["url"], "title": a["title"],
            "language": a.get("lang", "ar"),
            "published": e.pop("published", t.date().isoformat() if t else None),
            "published_from": e.pop("published_from", _default_from(a)),
            "difficulties": a.get("difficulties", []),
            "offsets": "record" if fmt in ("txt", "jsonl", "csv") else "none",
        }
        if t:
            rec["published_at"] = a["published_at"]
        for fact_list in ("timex", "mentions"):
            facts = []
            for fact in e.pop(fact_list, []):
                fact = dict(fact)
                field, pos = _locate(a, fact)
                if fmt in ("jsonl", "csv") and field == "text":
                    fact["start"], fact["end"] = pos, pos + len(fact["text"])
                elif fmt == "txt":
                    start = txt_offset(a, field, pos)
                    fact["start"], fact["end"] = start, start + len(fact["text"])
                facts.append(fact)
            if facts:
                rec[fact_list] = facts
        rec.update(e)
        out["articles"][a["id"]] = rec
        g = a.get("groups", {})
        if "copy" in g:
            c = copies.setdefault(g["copy"], {"original": None, "members": [], "edits": {}})
            c["members"].append(a["id"])
            if g.get("role") == "original":
                c["original"] = a["id"]
            if g.get("edits"):
                c["edits"][a["id"]] = g["edits"]
        for key, bucket in (("story", "stories"), ("thread", "threads"), ("template", "templates"),
                            ("dyad", "dyads")):
            for name in [g[key]] if isinstance(g.get(key), str) else g.get(key, []):
                sets[bucket].setdefault(name, []).append(a["id"])
    out["groups"] = {"copies": copies, **sets}
    counts: dict[str, Any] = {"articles": len(arts), "by_format": {}, "by_render": {}, "by_language": {}}
    for a in arts:
        f = a["format"]
        counts["by_render"][f] = counts["by_render"].get(f, 0) + 1
        rf = READER_FORMAT.get(f, f)
        counts["by_format"][rf] = counts["by_format"].get(rf, 0) + 1
        lang = a.get("lang", "ar")
        counts["by_language"][lang] = counts["by_language"].get(lang, 0) + 1
    out["counts"] = counts
    out["files"] = sorted(p for p in files if p.startswith("sample/"))
    return out


def _default_from(a: dict[str, Any]) -> str:
    if not a.get("published_at"):
        return "text"
    return {"jsonl": "metadata", "csv": "metadata", "rss": "feed", "atom": "feed"}.get(
        a["format"], "html_meta")


def write(files: Files, root: Path) -> None:
    for rel, data in sorted(files.items()):
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if not p.exists() or p.read_bytes() != data:
            p.write_bytes(data)


def stale(files: Files, root: Path, *, compare: Callable[[bytes, bytes], bool] | None = None) -> list[str]:
    """Paths under ``root`` that differ from ``files`` (or are missing, or are extra in sample/)."""
    same = compare or (lambda a, b: a == b)
    bad = [rel for rel, data in files.items()
           if not (root / rel).is_file() or not same((root / rel).read_bytes(), data)]
    sample = root / "sample"
    if sample.is_dir():
        for p in sample.rglob("*"):
            rel = p.relative_to(root).as_posix()
            if p.is_file() and rel not in files:
                bad.append(rel)
    return sorted(bad)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DATA, help="write under this folder (default: the package)")
    ap.add_argument("--check", action="store_true", help="exit 1 when the files under --out are stale")
    args = ap.parse_args(argv)
    files = render()
    if args.check:
        bad = stale(files, args.out)
        for rel in bad:
            print(f"stale: {rel}", file=sys.stderr)
        return 1 if bad else 0
    write(files, args.out)
    n = len(json.loads(files["sample_source/expected.json"])["articles"])
    print(f"wrote {len(files)} files ({n} articles) under {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
