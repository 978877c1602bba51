"""WARC and WARC.gz: HTML responses become records; broken records are reported, reading resumes."""

from __future__ import annotations

import gzip
import zlib
from importlib import resources

import pytest

from marsad.errors import InputError
from marsad.ingest.inputs import iter_inputs
from marsad.ingest.readers import ReadOptions
from marsad.model import RawRecord


def records(items):
    return [i for i in items if isinstance(i, RawRecord)]


def errors(items):
    return [i for i in items if isinstance(i, InputError)]


def crawl(build, n: int = 4) -> list[bytes]:
    """``n`` HTML responses, with a request, a redirect and an image in between."""
    out = []
    for i, art in enumerate(build.articles[:n]):
        url = f"https://news.example/{art[0]}"
        page = build.html(art, published=(i % 2 == 0)).encode()
        out.append(build.warc_record(url, b"GET / HTTP/1.1\r\n\r\n", rtype="request", rid=100 + i))
        out.append(build.warc_record(url, page, rid=i))
        if i == 1:
            out.append(build.warc_record("https://news.example/old", b"", status="301 Moved Permanently",
                                         extra_http="Location: https://news.example/new\r\n", rid=50))
            out.append(build.warc_record("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00",
                                         ctype="image/png", rid=51))
    return out


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_html_responses_become_records(tmp_path, build, gz):
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    data = build.warc_file(crawl(build), gz=gz)
    p.write_bytes(data)
    items = list(iter_inputs([str(p)], ReadOptions()))
    assert errors(items) == []
    recs = records(items)
    arts = build.articles[:4]
    assert [r.url for r in recs] == [f"https://news.example/{a[0]}" for a in arts]
    assert [r.text for r in recs] == [build.body_of(a) for a in arts]
    assert [r.title for r in recs] == [a[1] for a in arts]
    assert [(r.date, r.date_kind) for r in recs] == [
        (arts[0][3], "html"), ("2024-03-06T10:00:00Z", "crawl"),
        (arts[2][3], "html"), ("2024-03-06T10:00:00Z", "crawl")]
    assert all(r.id == "" and r.source == "news.example" for r in recs)
    for r in recs:  # each offset is where its record starts
        chunk = data[r.provenance.offset:]
        head = zlib.decompressobj(31).decompress(chunk, 64) if gz else chunk[:64]
        assert head.startswith(b"WARC/1.0\r\nWARC-Type: response")
        assert r.provenance.url == r.url and r.provenance.path == str(p)


def test_http_charset_chunked_and_gzip_payloads(tmp_path, build):
    a, b, c = build.articles[3:6]
    page_a = build.html(a, charset=None).replace("©", "").replace("ّ", "").encode("cp1256")
    page_b = build.html(b).encode()
    chunked = b"%x\r\n" % 100 + page_b[:100] + b"\r\n" + b"%x\r\n" % (len(page_b) - 100) + page_b[100:] + b"\r\n0\r\n\r\n"
    recs = [
        build.warc_record("https://a.example/1", page_a, ctype="text/html; charset=windows-1256"),
        build.warc_record("https://a.example/2", chunked, extra_http="Transfer-Encoding: chunked\r\n"),
        build.warc_record("https://a.example/3", gzip.compress(build.html(c).encode()),
                          extra_http="Content-Encoding: gzip\r\n"),
    ]
    p = tmp_path / "enc.warc"
    p.write_bytes(build.warc_file(recs, gz=False))
    items = list(iter_inputs([str(p)], ReadOptions()))
    assert errors(items) == []
    got = records(items)
    assert [r.text for r in got] == [build.body_of(x) for x in (a, b, c)]
    assert got[0].meta["encoding"] == "windows-1256"


def test_truncated_warc_gz_keeps_records_before_the_cut(tmp_path, build):
    data = build.warc_file(crawl(build, 6), gz=True)
    p = tmp_path / "cut.warc.gz"
    p.write_bytes(data[: len(data) - 700])
    items = list(iter_inputs([str(p)], ReadOptions()))
    recs, errs = records(items), errors(items)
    assert [r.url for r in recs] == [f"https://news.example/{a[0]}" for a in build.articles[:5]]
    assert len(errs) == 1
    msg = str(errs[0])
    assert str(p) in msg and ("truncated" in msg or "broken WARC record" in msg)
    assert "\n" not in msg


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_broken_record_is_reported_and_reading_resumes(tmp_path, build, gz):
    recs = crawl(build, 5)
    good = [r for r in recs if b"WARC-Type: response" in r and b"text/html" in r]
    # a record whose Content-Length claims more than there is, swallowing the next record
    liar = build.warc_record("https://news.example/liar", build.html(build.articles[5]).encode(),
                             content_length=50_000, rid=77)
    # a record whose header is garbage
    garbage = b"WARC/1.0\r\nthis is not a header line\r\n\r\nxxxxxxxxxxxxxxxx\r\n\r\n"
    seq = good[:2] + [liar] + good[2:3] + [garbage] + good[3:]
    p = tmp_path / ("broken.warc.gz" if gz else "broken.warc")
    p.write_bytes(build.warc_file(seq, gz=gz))
    items = list(iter_inputs([str(p)], ReadOptions()))
    urls = [r.url for r in records(items)]
    expected = [f"https://news.example/{a[0]}" for a in build.articles[:5]]
    # the record swallowed by the liar is lost in a plain WARC only if the scan cannot find it
    assert urls == expected
    errs = [str(e) for e in errors(items)]
    assert len(errs) == 2
    assert "liar" in errs[0] and "truncated" in errs[0]
    assert "broken WARC record" in errs[1]
    assert all(str(p) in e for e in errs)


def test_not_a_warc_file(tmp_path):
    p = tmp_path / "junk.warc"
    p.write_bytes(bytes(range(256)) * 40)
    [err] = list(iter_inputs([str(p)], ReadOptions()))
    assert str(err).startswith(f"[M100] {p}: not a WARC file")


def test_oversized_payload_is_skipped(tmp_path, build):
    recs = [build.warc_record("https://x.example/big", b"<html><body>" + b"x" * 5000 + b"</body></html>"),
            build.warc_record("https://x.example/ok", build.html(build.articles[0]).encode())]
    p = tmp_path / "big.warc"
    p.write_bytes(build.warc_file(recs, gz=False))
    items = list(iter_inputs([str(p)], ReadOptions(max_record_bytes=4000)))
    assert [r.url for r in records(items)] == ["https://x.example/ok"]
    [err] = errors(items)
    assert "over the limit" in str(err) and f"{p}@0" in str(err)


def test_pages_already_stored_are_not_extracted_again(tmp_path, monkeypatch):
    import marsad
    from marsad.ingest import html

    warc = resources.files("marsad") / "data" / "sample" / "crawl.warc.gz"
    opts = marsad.api.IngestOptions(workers=1, spec=("language.v1", "debris.v6", "dateline.v8", "index_terms.v2"), corpus=False)
    with marsad.open(tmp_path / "w.db") as arc:
        first = arc.ingest([str(warc)], options=opts)
        assert first.stored > 0
        calls = []
        real = html.extract_page
        monkeypatch.setattr(html, "extract_page", lambda page: calls.append(page.url) or real(page))
        again = arc.ingest([str(warc)], options=opts)
        assert calls == []  # no page went through trafilatura a second time
        assert (again.stored, again.duplicates) == (0, first.stored + first.duplicates)
        assert arc.count() == first.stored


def _read_with_bad_after_two(stem, build, bad: bytes, *, n: int, gz: bool):  # type: ignore[no-untyped-def]
    """``n`` good records of ``build``'s articles with ``bad`` after the second, written to
    ``stem`` + .warc (.warc.gz with ``gz``) and read: every good record is read, and one error;
    returns the file, the error and the good records."""
    good = [build.warc_record(f"https://news.example/{a[0]}", build.html(a).encode(), rid=i)
            for i, a in enumerate(build.articles[:n])]
    p = stem.with_name(stem.name + (".warc.gz" if gz else ".warc"))
    p.write_bytes(build.warc_file(good[:2] + [bad] + good[2:], gz=gz))
    items = list(iter_inputs([str(p)], ReadOptions()))
    assert [r.url for r in records(items)] == [f"https://news.example/{a[0]}" for a in build.articles[:n]]
    [err] = errors(items)
    return p, err, good


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("junk", [b"stray bytes with no line end", bytes(range(256)) * 2, b"\0" * 300],
                         ids=["text", "binary", "zeros"])
def test_garbage_between_records_is_reported_where_it_is(tmp_path, build, gz, junk):
    """Bytes that are no record, glued to the next record's header (no newline before it):
    one error at the garbage's own offset, and the record after it is still read."""
    p, err, good = _read_with_bad_after_two(tmp_path / "junk", build, junk, n=4, gz=gz)
    # the garbage starts where the second record ends: its own offset, not the record before it
    at = len(build.warc_file(good[:2], gz=gz))
    resume = len(build.warc_file(good[:2] + [junk], gz=gz))
    assert str(err) == (f"[M102] {p}@{at}: broken WARC record at offset {at} (Invalid WARC header); "
                        f"{resume - at:,} bytes skipped, reading resumes at offset {resume}")


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_a_header_of_garbage_lines_is_reported(tmp_path, build, gz):
    """fastwarc drops header lines that are not ``Name: value`` and reads a record without a
    Content-Length as empty, so a record whose header is garbage was passed over in silence."""
    garbage = b"WARC/1.0\r\nWARC-Type: response\r\nGarbage header line\r\n\r\n"
    p, err, good = _read_with_bad_after_two(tmp_path / "garbage", build, garbage, n=3, gz=gz)
    at = len(build.warc_file(good[:2], gz=gz))
    assert str(err).startswith(f"[M102] {p}@{at}: broken WARC record at offset {at}: its header has no "
                               "Content-Length")


def test_stray_bytes_before_the_first_record_are_reported_and_the_records_read(tmp_path, build):
    """A plain WARC that opens with bytes that are no record (here a UTF-8 byte order mark) was
    'not a WARC file' and lost every record; it is one error at offset 0, and every record read."""
    good = [build.warc_record(f"https://news.example/{a[0]}", build.html(a).encode(), rid=i)
            for i, a in enumerate(build.articles[:3])]
    p = tmp_path / "bom.warc"
    p.write_bytes(b"\xef\xbb\xbf" + build.warc_file(good, gz=False))
    items = list(iter_inputs([str(p)], ReadOptions()))
    assert [r.url for r in records(items)] == [f"https://news.example/{a[0]}" for a in build.articles[:3]]
    [err] = errors(items)
    assert str(err) == (f"[M102] {p}@0: broken WARC record at offset 0 (Invalid WARC header); "
                        "3 bytes skipped, reading resumes at offset 3")


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_a_warc_with_unix_line_ends_says_so(tmp_path, build, gz):
    """A WARC whose CR LF line ends were turned into LF alone reads as records of garbage
    headers; each error says the lines end in LF alone, not that the header is garbage."""
    good = [build.warc_record(f"https://news.example/{a[0]}", build.html(a).encode(), rid=i)
            for i, a in enumerate(build.articles[:2])]
    p = tmp_path / ("lf.warc.gz" if gz else "lf.warc")
    p.write_bytes(build.warc_file([r.replace(b"\r\n", b"\n") for r in good], gz=gz))
    errs = errors(list(iter_inputs([str(p)], ReadOptions())))
    assert errs and all("its lines end in LF alone" in str(e) for e in errs)
    # a header of real garbage keeps its own words
    garbage = b"WARC/1.0\r\nWARC-Type: response\r\nGarbage header line\r\n\r\n"
    q = tmp_path / ("garbage.warc.gz" if gz else "garbage.warc")
    q.write_bytes(build.warc_file([good[0], garbage, good[1]], gz=gz))
    [err] = errors(list(iter_inputs([str(q)], ReadOptions())))
    assert "garbage in place of the header lines" in str(err)
