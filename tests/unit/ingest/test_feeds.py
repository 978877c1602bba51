"""RSS/Atom from files and from a loopback HTTP server: entries, dates, retries, conditional GET."""

from __future__ import annotations

import gzip
import threading
import time
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import orjson
import pytest

from marsad.errors import InputError, RecordError
from marsad.ingest.feeds import FeedState, read_url
from marsad.ingest.inputs import iter_inputs
from marsad.ingest.readers import HttpOptions, ReadOptions
from marsad.model import RawRecord

FAST = HttpOptions(timeout=2.0, retries=2, backoff=0.01)


def records(items):
    return [i for i in items if isinstance(i, RawRecord)]


def errors(items):
    return [i for i in items if isinstance(i, InputError)]


def rss(build, *, encoding: str = "utf-8", n: int = 3) -> str:
    items = []
    for i, (slug, title, paras, date) in enumerate(build.articles[:n]):
        when = format_datetime(datetime.fromisoformat(date))
        body = "".join(f"<p>{p}</p>" for p in paras)
        guid = f'<guid isPermaLink="false">alwadi-{i}</guid>'
        items.append(f"<item><title>{title}</title><link>https://alwadi.example/{slug}</link>{guid}"
                     f"<pubDate>{when}</pubDate><category>أخبار</category>"
                     f"<description>{escape(body)}</description></item>")
    items.append("<item><title>بلا نص</title><link>https://alwadi.example/empty</link>"
                 "<description></description></item>")
    return (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
            f"<title>صحيفة الوادي</title><link>https://alwadi.example/</link>{''.join(items)}"
            "</channel></rss>")


def atom(build) -> str:
    a = build.articles[4]
    content = escape("".join(f"<p>{p}</p>" for p in a[2]))
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>وكالة الأنباء</title>"
            f"<entry><id>tag:agency.example,2024:77</id><title>{a[1]}</title>"
            f"<updated>2024-01-08T12:00:00Z</updated><published>{a[3]}</published>"
            f'<summary>ملخص قصير</summary><content type="html">{content}</content></entry>'
            "</feed>")


def test_rss_file_windows_1256(tmp_path, build):
    p = tmp_path / "alwadi.rss"
    p.write_bytes(rss(build, encoding="windows-1256").replace("ّ", "").encode("cp1256"))
    items = list(iter_inputs([str(p)], ReadOptions()))
    recs = records(items)
    arts = build.articles[:3]
    assert [r.url for r in recs] == [f"https://alwadi.example/{a[0]}" for a in arts]
    assert [r.text for r in recs] == [build.body_of(a).replace("ّ", "") for a in arts]
    assert [r.date for r in recs] == [a[3] for a in arts]  # the feed's own UTC offset kept
    assert all(r.date_kind == "feed" and r.id == "" and r.source == "alwadi.example" for r in recs)
    assert recs[0].meta["guid"] == "alwadi-0" and recs[0].meta["tags"] == ["أخبار"]
    assert recs[0].provenance.path == str(p)
    [err] = errors(items)
    assert isinstance(err, RecordError) and str(err) == f"[M102] {p}#entry4: empty text (the entry has no content or summary)"


def test_atom_file_content_beats_summary_and_id_without_link(tmp_path, build):
    p = tmp_path / "agency.atom.gz"
    p.write_bytes(gzip.compress(atom(build).encode()))
    [rec] = list(iter_inputs([str(p)], ReadOptions(source="وكالة")))
    a = build.articles[4]
    assert rec.text == build.body_of(a)
    assert (rec.id, rec.url, rec.source) == ("tag:agency.example,2024:77", "", "وكالة")
    assert (rec.date, rec.date_kind) == ("2024-01-08T11:45:00+02:00", "feed")


def test_an_html_title_a_day_alone_and_an_entry_without_a_link(tmp_path, build):
    """An Atom title of type html is text (its markup was kept: «… <b>فرحات حشاد</b> …»); a
    date that is a day alone stays a day (it was midnight, a time nobody wrote); an entry
    without a link is of the outlet its siblings are of, the host of the feed's link (it was
    the feed's title, a second source for one outlet)."""
    a, b = build.articles[:2]
    p = tmp_path / "mixed.atom"
    p.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        '<title>نشرة الوادي</title><link rel="alternate" href="https://www.alwadi.example/"/>'
        f'<entry><id>tag:alwadi.example,2024:1</id><title type="html">{escape("زيارة <b>المستشفى</b> &amp; المدرسة")}</title>'
        f'<link rel="alternate" href="https://alwadi.example/1"/><updated>2024-03-08</updated>'
        f"<content>{escape(build.body_of(a))}</content></entry>"
        f"<entry><id>tag:alwadi.example,2024:2</id><title>{b[1]}</title><updated>{b[3]}</updated>"
        f"<summary>{escape(build.body_of(b))}</summary></entry></feed>", encoding="utf-8")
    first, second = records(iter_inputs([str(p)], ReadOptions()))
    assert first.title == "زيارة المستشفى & المدرسة"
    assert (first.date, first.date_kind) == ("2024-03-08", "feed")
    assert first.source == second.source == "alwadi.example"
    assert (second.id, second.url) == ("tag:alwadi.example,2024:2", "")


def test_a_relative_entry_link_is_resolved_against_the_feeds_link(tmp_path, build):
    """An entry whose link is relative (/news/12, sport/13) lost it: the record had no URL and
    a hash for its id. It is resolved against the feed's own link (a fetched feed's address
    first); an Atom id (tag:…) is no link to resolve."""
    a, b = build.articles[:2]
    items = "".join(f"<item><title>{x[1]}</title><link>{link}</link><description>{escape(build.body_of(x))}</description></item>"
                    for x, link in ((a, "/news/12"), (b, "sport/13")))
    p = tmp_path / "relative.rss"
    p.write_text('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>الساحل</title>'
                 f"<link>https://sahel.example/ar/</link>{items}</channel></rss>", encoding="utf-8")
    recs = records(iter_inputs([str(p)], ReadOptions()))
    assert [(r.url, r.source) for r in recs] == [("https://sahel.example/news/12", "sahel.example"),
                                                 ("https://sahel.example/ar/sport/13", "sahel.example")]


def test_an_escaped_arabic_entry_link_is_written_out(tmp_path, build):
    slug = build.articles[0][0]
    feed = rss(build, n=1).replace(f"https://alwadi.example/{slug}", f"https://alwadi.example/%D8%AE%D8%A8%D8%B1/{slug}")
    p = tmp_path / "escaped.rss"
    p.write_text(feed, encoding="utf-8")
    rec = records(iter_inputs([str(p)], ReadOptions()))[0]
    assert rec.url == f"https://alwadi.example/خبر/{slug}"


def test_an_entry_date_that_is_not_a_date_is_a_warning(tmp_path, build, capsys):
    """JSONL and CSV records say when their date is not used; a feed entry said nothing."""
    feed = rss(build, n=2)
    when = format_datetime(datetime.fromisoformat(build.articles[1][3]))
    p = tmp_path / "dates.rss"
    p.write_text(feed.replace(when, "أمس مساء"), encoding="utf-8")
    first, second = records(iter_inputs([str(p)], ReadOptions()))[:2]
    assert first.date and first.warnings == []
    assert (second.date, second.meta["date_raw"]) == ("", "أمس مساء")
    assert second.warnings == ["date 'أمس مساء' is not a date (an entry's published or updated is RFC 822 "
                               "or ISO 8601); the publication date is taken from the text"]
    # the ingest summary names the entry, as it does for an entry's errors (it named only the file)
    from marsad.cli.main import main

    assert main(["ingest", "--archive", str(tmp_path / "f.db"), "--json", "--workers", "1", str(p)]) == 0
    out = orjson.loads(capsys.readouterr().out)
    assert [w["where"] for w in out["warnings"]] == [f"{p}#entry2"]
    assert [e["where"] for e in out["errors"]] == [f"{p}#entry3"]


def test_malformed_and_non_feeds(tmp_path, build):
    cut = tmp_path / "cut.xml"
    text = rss(build)
    cut.write_text(text[: text.index("</item>", text.index("</item>") + 1) + 30], encoding="utf-8")
    junk = tmp_path / "junk.xml"
    junk.write_bytes(b"\x00\x01\x02 not xml at all" * 20)
    page = tmp_path / "sitemap.xml"
    page.write_text('<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>')
    items = list(iter_inputs([str(cut), str(junk), str(page)], ReadOptions()))
    assert len(records(items)) == 2
    msgs = [str(e) for e in errors(items)]
    assert msgs[0] == f"[M102] {cut}#entry3: empty text (the entry has no content or summary)"
    assert msgs[1].startswith(f"[M100] {cut}: feed is not well-formed XML (")
    assert msgs[1].endswith("3 entries read before the error")
    assert msgs[2].startswith(f"[M100] {junk}: not an RSS/Atom feed")
    assert msgs[3] == f"[M100] {page}: not an RSS/Atom feed"


# --- over HTTP --------------------------------------------------------------------------------


class Server:
    """A loopback HTTP server; ``routes`` maps a path to a function(handler) -> (status, headers, body)."""

    def __init__(self) -> None:
        self.routes: dict = {}
        self.requests: list[tuple[str, dict]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                owner.requests.append((self.path, dict(self.headers)))
                route = owner.routes.get(self.path)
                if route is None:
                    status, headers, body = 404, {}, b"not here"
                else:
                    status, headers, body = route(self)
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.close()


def test_feed_url_conditional_get_with_state_file(tmp_path, build, server):
    body = rss(build).encode()
    etag = '"v1"'
    modified = "Tue, 05 Mar 2024 10:00:00 GMT"

    def feed(h):
        if h.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": etag,
                     "Last-Modified": modified}, body

    server.routes["/feed"] = feed
    state_path = tmp_path / "marsad.db.feeds.json"
    opts = ReadOptions(feed_state=str(state_path), http=FAST)
    url = server.url + "/feed"
    first = list(iter_inputs([url], opts))
    assert len(records(first)) == 3
    assert all(r.provenance.url == url and r.meta["feed_url"] == url for r in records(first))
    saved = orjson.loads(state_path.read_bytes())
    assert saved[url]["etag"] == etag and saved[url]["last_modified"] == modified

    second = list(iter_inputs([url], opts))
    assert second == []
    assert server.requests[1][1]["If-None-Match"] == etag
    assert server.requests[1][1]["If-Modified-Since"] == modified
    assert "If-None-Match" not in server.requests[0][1]


def test_state_is_written_only_after_every_entry_was_taken(tmp_path, build, server):
    server.routes["/feed"] = lambda h: (200, {"ETag": '"v2"'}, rss(build).encode())
    state = FeedState(tmp_path / "state.json")
    gen = read_url(server.url + "/feed", ReadOptions(http=FAST), state=state)
    next(gen)
    gen.close()  # the ingest died after the first entry
    assert not (tmp_path / "state.json").exists()


def test_retries_on_5xx_then_success(build, server):
    calls = {"n": 0}

    def flaky(h):
        calls["n"] += 1
        if calls["n"] <= 2:
            return 503, {}, b"busy"
        return 200, {"Content-Type": "application/atom+xml"}, atom(build).encode()

    server.routes["/atom"] = flaky
    items = list(iter_inputs([server.url + "/atom"], ReadOptions(http=FAST)))
    assert len(records(items)) == 1 and calls["n"] == 3


def test_gives_up_after_retries_and_on_4xx(server):
    server.routes["/down"] = lambda h: (500, {}, b"broken")
    down = list(iter_inputs([server.url + "/down"], ReadOptions(http=FAST)))
    assert [str(e) for e in down] == [f"[M100] {server.url}/down: cannot fetch after 3 attempts (HTTP 500 Internal Server Error)"]
    assert len(server.requests) == 3

    gone = list(iter_inputs([server.url + "/gone"], ReadOptions(http=FAST)))
    assert [str(e) for e in gone] == [f"[M100] {server.url}/gone: HTTP 404 Not Found"]
    assert len(server.requests) == 4  # no retry on 404


def test_connection_refused_and_timeout(server):
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens here now
    refused = list(iter_inputs([f"http://127.0.0.1:{port}/feed"], ReadOptions(http=FAST)))
    assert "cannot fetch after 3 attempts (ConnectError" in str(refused[0])

    def slow(h):
        time.sleep(2.5)
        return 200, {}, b"<rss/>"

    server.routes["/slow"] = slow
    t0 = time.monotonic()
    timed = list(iter_inputs([server.url + "/slow"], ReadOptions(http=HttpOptions(timeout=0.2, retries=1, backoff=0.01))))
    assert "ReadTimeout" in str(timed[0]) and "2 attempts" in str(timed[0])
    assert time.monotonic() - t0 < 4.0  # two untimed attempts would take 5 s; a loaded machine adds some


def test_url_serving_an_html_page_is_one_article(build, server):
    art = build.articles[5]
    page = build.html(art, charset=None).replace("©", "").encode("cp1256")
    server.routes["/news/metro"] = lambda h: (200, {"Content-Type": "text/html; charset=windows-1256"}, page)
    [rec] = list(iter_inputs([server.url + "/news/metro"], ReadOptions(http=FAST, workers=1)))
    assert rec.text == build.body_of(art)
    assert rec.url == server.url + "/news/metro" and rec.id == ""
    assert rec.date == art[3] and rec.date_kind == "html"


def test_ingest_feed_url_twice_through_the_api(tmp_path, build, server):
    import marsad

    server.routes["/rss"] = lambda h: (
        (304, {}, b"") if h.headers.get("If-None-Match") == '"r1"'
        else (200, {"Content-Type": "application/rss+xml", "ETag": '"r1"'}, rss(build).encode()))
    url = server.url + "/rss"
    archive = marsad.open(tmp_path / "feeds.db")
    try:
        first = archive.ingest([url])
        second = archive.ingest([url])
    finally:
        archive.close()
    assert (first.stored, first.failed) == (3, 1)  # the entry without text
    assert (second.read, second.stored, second.failed) == (0, 0, 0)  # 304: nothing to read
    assert orjson.loads((tmp_path / "feeds.db.feeds.json").read_bytes())[url]["etag"] == '"r1"'


def test_analyze_reads_a_feed_url(tmp_path, build, server):
    """`marsad analyze` reads 'what `marsad ingest` reads', feed URLs included; it refused
    them as 'no such file or folder'."""
    import json

    from marsad.cli.main import main

    body = rss(build).encode()
    server.routes["/feed"] = lambda h: (200, {"Content-Type": "application/rss+xml; charset=utf-8"}, body)
    out = tmp_path / "out.jsonl"
    assert main(["analyze", server.url + "/feed", "-o", str(out), "--workers", "1"]) == 0
    got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(got) == 3 and all(g["published_at"] for g in got)


def test_windows_1256_feed_that_names_no_encoding(tmp_path, build, server):
    """A Windows-1256 feed without an XML prolog (or one saying UTF-8), from a file or served as
    application/xml with no charset, was read as Latin-1: every title and text mojibake."""
    arts = build.articles[:3]
    plain = rss(build).replace("ّ", "")
    no_prolog = plain.split("?>", 1)[1].encode("cp1256")
    says_utf8 = plain.encode("cp1256")  # the prolog says utf-8, the bytes are not
    (tmp_path / "a.rss").write_bytes(no_prolog)
    (tmp_path / "b.xml").write_bytes(says_utf8)
    server.routes["/feed"] = lambda h: (200, {"Content-Type": "application/xml"}, no_prolog)
    for src in (str(tmp_path / "a.rss"), str(tmp_path / "b.xml"), server.url + "/feed"):
        recs = records(list(iter_inputs([src], ReadOptions(http=FAST))))
        assert [r.title for r in recs] == [a[1].replace("ّ", "") for a in arts], src
        assert recs[0].text == build.body_of(arts[0]).replace("ّ", "")
