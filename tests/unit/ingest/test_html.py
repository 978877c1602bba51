"""HTML pages: main text, title, date, charset, ids; parallel extraction keeps order."""

from __future__ import annotations

import gzip
from collections import Counter

import pytest

from marsad.errors import DecodeError, InputError, RecordError
from marsad.ingest import html as html_mod
from marsad.ingest.html import HtmlPage, extract_page, html_to_text, page_charset, resolve_pages
from marsad.ingest.inputs import iter_inputs
from marsad.ingest.readers import ReadOptions
from marsad.model import Provenance, RawRecord


def test_html_file_main_text_title_date_and_url_id(tmp_path, build):
    art = build.articles[0]
    url = "https://alwadi.example/news/2024/03/05/amman.html"
    p = tmp_path / "page.html"
    p.write_text(build.html(art, url=url), encoding="utf-8")
    [rec] = list(iter_inputs([str(p)], ReadOptions()))
    assert isinstance(rec, RawRecord)
    assert rec.title == art[1]
    assert rec.text == build.body_of(art)  # no navigation, no footer, no repeated headline
    assert (rec.url, rec.id) == (url, "")  # the runner ids it by its URL
    assert (rec.date, rec.date_kind) == ("2024-03-05T09:30:00+03:00", "html")
    assert rec.source == "alwadi.example"
    assert rec.meta["sitename"] == "صحيفة الوادي"
    assert rec.provenance.path == str(p)


def test_an_arabic_url_is_written_out_not_percent_escaped(tmp_path, build):
    """trafilatura escapes a canonical URL written in Arabic, and a crawler's target URI is
    escaped: ids and URLs read %D8%A7%D9%84… where the JSONL dumps (and browsers) show Arabic."""
    art = build.articles[0]
    readable = "https://alwadi.example/أخبار/عمان-تستضيف?id=%2F7"
    p = tmp_path / "page.html"
    p.write_text(build.html(art, url="https://alwadi.example/أخبار/عمان-تستضيف?id=%2F7"), encoding="utf-8")
    [rec] = list(iter_inputs([str(p)], ReadOptions()))
    assert rec.url == readable and "canonical_url" not in rec.meta
    escaped = "https://alwadi.example/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/x%20y%E2%80%8F"
    page = HtmlPage(data=build.html(art).encode(), provenance=Provenance(path="c.warc", offset=0, url=escaped),
                    url=escaped)
    assert extract_page(page).url == "https://alwadi.example/أخبار/x%20y%E2%80%8F"  # space, U+200F kept escaped


def test_readable_url_keeps_what_could_change_the_url():
    assert html_mod.readable_url("https://x.example/%D8%B3%D9%84%D8%A7%D9%85?q=%D8%B3%26%3D") == \
        "https://x.example/سلام?q=س%26%3D"
    assert html_mod.readable_url("https://x.example/%C7%E1%DA") == "https://x.example/%C7%E1%DA"  # not UTF-8
    assert html_mod.readable_url("https://x.example/a%D8") == "https://x.example/a%D8"
    assert html_mod.readable_url("https://x.example/%E2%80%AEabc") == "https://x.example/%E2%80%AEabc"


def test_html_file_without_url_is_named_by_its_file(tmp_path, build):
    art = build.articles[1]
    p = tmp_path / "rabat-rain.htm.gz"
    p.write_bytes(gzip.compress(build.html(art, published=False).encode()))
    [rec] = list(iter_inputs([str(p)], ReadOptions(source="الوادي")))
    assert (rec.id, rec.url, rec.source, rec.date, rec.date_kind) == ("rabat-rain", "", "الوادي", "", "")
    assert rec.text == build.body_of(art)


def test_a_folder_of_pages_saved_from_a_browser_is_read_as_its_pages(tmp_path, build):
    """A browser saves a page as NAME.html and a NAME_files folder of its parts: its scripts and
    style sheets were stored as articles (``var x = 1; …``), its frames' pages too (an
    advertisement), and its images were errors. The walk reads the pages alone; a part named
    on the command line is an error that says what it is."""
    a, b = build.articles[:2]
    (tmp_path / "oil.html").write_text(build.html(a, url="https://alwadi.example/oil"), encoding="utf-8")
    (tmp_path / "oil_files").mkdir()
    (tmp_path / "oil_files" / "ad.html").write_text(build.html(b, url="https://ads.example/1"), encoding="utf-8")
    (tmp_path / "oil_files" / "app.js").write_text('var x = 1; function f() { return "إعلان"; }', encoding="utf-8")
    (tmp_path / "oil_files" / "style.css").write_text("body { direction: rtl }", encoding="utf-8")
    (tmp_path / "logo.PNG").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "notes_files").mkdir()  # no notes.html beside it: a folder like any other
    (tmp_path / "notes_files" / "n.txt").write_text(build.body_of(b), encoding="utf-8")
    items = list(iter_inputs([str(tmp_path)], ReadOptions()))
    assert [i for i in items if isinstance(i, InputError)] == []
    assert sorted(r.url or r.id for r in items) == ["https://alwadi.example/oil", "n"]

    [err] = list(iter_inputs([str(tmp_path / "oil_files" / "app.js")], ReadOptions()))
    assert isinstance(err, InputError) and "a .js file is a part of a web page" in str(err)
    [rec] = list(iter_inputs([str(tmp_path / "oil_files" / "app.js")], ReadOptions(format="txt")))
    assert rec.id == "app.js"  # read as a text file, as it asked


def _mhtml(html: bytes, *, saved_from: str, charset: str, encoding: str) -> bytes:
    """A page saved as one file, as a browser writes it: a multipart/related MIME document whose
    first part is the page (quoted-printable or base64), then its parts (a style sheet)."""
    from email.mime.multipart import MIMEMultipart
    from email.mime.nonmultipart import MIMENonMultipart
    from email.mime.text import MIMEText

    msg = MIMEMultipart("related", type="text/html")
    msg["From"] = "<Saved by Blink>"
    msg["Snapshot-Content-Location"] = saved_from
    page = MIMENonMultipart("text", "html", charset=charset)
    page.set_payload(html)
    if encoding == "base64":
        from email.encoders import encode_base64

        encode_base64(page)
    else:
        from email.encoders import encode_quopri

        encode_quopri(page)
    page["Content-Location"] = saved_from
    msg.attach(page)
    css = MIMEText("body { direction: rtl }", "css")
    css["Content-Location"] = "https://alwadi.example/style.css"
    msg.attach(css)
    return msg.as_bytes()


def test_a_page_saved_as_one_file_is_read_as_its_page(tmp_path, build):
    """A browser's "Webpage, Single File" (MHTML, .mhtml/.mht) was read as text: the MIME source,
    quoted-printable and all, was stored as an article. Its page is read, at the address it was
    saved from, in its charset, whether quoted-printable or base64, and by its content when the
    file has another name."""
    a, b = build.articles[:2]
    page = build.html(a).encode()
    (tmp_path / "oil.mhtml").write_bytes(_mhtml(page, saved_from="https://alwadi.example/oil", charset="utf-8",
                                                 encoding="quoted-printable"))
    legacy = build.html(b, charset=None).replace("ّ", "").encode("cp1256")
    (tmp_path / "rain.page").write_bytes(_mhtml(legacy, saved_from="https://alwadi.example/rain",
                                                charset="windows-1256", encoding="base64"))
    recs = sorted(iter_inputs([str(tmp_path)], ReadOptions()), key=lambda r: r.url)
    assert [(r.url, r.title, r.text) for r in recs] == [
        ("https://alwadi.example/oil", a[1], build.body_of(a)),
        ("https://alwadi.example/rain", b[1], build.body_of(b).replace("ّ", ""))]

    empty = tmp_path / "empty.mht"
    from email.mime.text import MIMEText

    empty.write_bytes(MIMEText("نص", "plain", "utf-8").as_bytes())
    [err] = list(iter_inputs([str(empty)], ReadOptions()))
    assert isinstance(err, RecordError) and "no HTML part in this MHTML file" in str(err)


@pytest.mark.parametrize("codec,declared,label", [
    ("cp1256", "windows-1256", "windows-1256"),
    ("iso8859-6", "iso-8859-6", "iso-8859-6"),
    ("cp1256", None, "windows-1256"),  # no declaration at all
    ("iso8859-6", None, "iso-8859-6"),
    ("cp1256", "utf-8", "windows-1256"),  # a wrong declaration
])
def test_html_charsets(tmp_path, build, codec, declared, label):
    art = build.articles[3]
    page = build.html(art, charset=declared, site="الوادي").replace("©", "").replace("ّ", "")
    p = tmp_path / "olive.html"
    p.write_bytes(page.encode(codec))
    [rec] = list(iter_inputs([str(p)], ReadOptions()))
    assert rec.text == build.body_of(art)
    assert rec.meta["encoding"] == label


def test_http_charset_comes_first_and_crawl_date_is_the_fallback(build):
    art = build.articles[2]
    data = build.html(art, charset="iso-8859-1", published=False).replace("©", "").encode("cp1256")
    page = HtmlPage(data=data, provenance=Provenance(path="crawl.warc", offset=10, url="https://x.example/a"),
                    url="https://x.example/a", charset="windows-1256", crawl_date="2023-12-06T02:00:00Z")
    rec = extract_page(page)
    assert rec.text == build.body_of(art)
    assert (rec.date, rec.date_kind, rec.meta["crawled_at"]) == ("2023-12-06T02:00:00Z", "crawl", "2023-12-06T02:00:00Z")
    assert page_charset(data) == "iso-8859-1"


def test_bad_pages_are_errors_naming_the_page():
    prov = Provenance(path="pages.warc.gz", offset=512)
    empty = extract_page(HtmlPage(data=b"  \n", provenance=prov))
    junk = extract_page(HtmlPage(data=bytes(range(256)) * 8, provenance=prov))
    bare = extract_page(HtmlPage(data=b"<html><head><script>var a = 1;</script></head><body> </body></html>",
                                 provenance=prov))
    assert isinstance(empty, RecordError) and str(empty) == "[M102] pages.warc.gz@512: empty HTML page"
    assert isinstance(junk, DecodeError) and "binary" in str(junk)
    assert isinstance(bare, RecordError) and "no article text" in str(bare)


def test_html_to_text_blocks_and_entities():
    frag = ("<p>الفقرة <b>الأولى</b>&nbsp;هنا</p><script>var x=1;</script>"
            "<ul><li>بند أول</li><li>بند ثان</li></ul>سطر أخير<br>بعد الفاصل")
    assert html_to_text(frag) == "الفقرة الأولى هنا\nبند أول\nبند ثان\nسطر أخير\nبعد الفاصل"
    assert html_to_text("نص عادي\n\n  بلا وسوم ") == "نص عادي\nبلا وسوم"


def test_cnn_page_matches_expected_text(shared_data):
    """The one real page in ../shared/data: the extracted body covers the expected text."""
    page = (shared_data / "html" / "cnn-arabic-2013.html").read_bytes()
    expected = (shared_data / "html" / "cnn-arabic-2013.expected.txt").read_text(encoding="utf-8")
    rec = extract_page(HtmlPage(data=page, provenance=Provenance(path="cnn.html")))
    got, want = Counter(rec.text.split()), Counter(expected.split())
    overlap = sum((got & want).values())
    assert overlap / sum(want.values()) >= 0.95  # recall of the expected words
    assert overlap / sum(got.values()) >= 0.80  # the page's comment policy comes along
    assert rec.url == "http://arabic.cnn.com/2013/middle_east/8/3/syria.clashes/index.html"
    assert rec.date == ""  # no publication date in its metadata; not the © year


def test_parallel_extraction_matches_inline_and_keeps_order(build, monkeypatch):
    monkeypatch.setattr(html_mod, "INLINE_PAGES", 3)
    monkeypatch.setattr(html_mod, "CHUNK_PAGES", 2)
    items: list = []
    for i in range(14):
        art = build.articles[i % len(build.articles)]
        page = build.html(art, url=f"https://alwadi.example/{i}").encode()
        items.append(HtmlPage(data=page if i != 9 else b"", provenance=Provenance(path=f"p{i}.html")))
        if i % 5 == 2:
            items.append(InputError("unreadable", where=f"after-{i}"))
    inline = list(resolve_pages(iter(items), workers=1))
    pooled = list(resolve_pages(iter(items), workers=2))
    assert [repr(x) for x in pooled] == [repr(x) for x in inline]
    assert [getattr(x, "where", None) or x.url for x in pooled][:4] == [
        "https://alwadi.example/0", "https://alwadi.example/1", "https://alwadi.example/2", "after-2"]
    assert sum(isinstance(x, RecordError) for x in pooled) == 1
    assert len(pooled) == len(items)
