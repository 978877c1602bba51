"""Text folders, JSON Lines and CSV: records, ids, field mapping, provenance, bad input."""

from __future__ import annotations

import gzip
import os

import orjson
import pytest

from marsad.errors import DecodeError, InputError, RecordError
from marsad.ingest.inputs import iter_inputs, sniff_format
from marsad.ingest.readers import (
    FieldMap,
    ReadOptions,
    read_csv,
    read_jsonl,
    read_text_file,
)
from marsad.model import RawRecord


def records(items):
    return [i for i in items if isinstance(i, RawRecord)]


def errors(items):
    return [i for i in items if isinstance(i, InputError)]


# --- text folders -----------------------------------------------------------------------------


def test_text_folder_ids_order_and_provenance(tmp_path, build):
    a, b, c = build.articles[:3]
    (tmp_path / "sub").mkdir()
    (tmp_path / "b-item.txt").write_text(build.body_of(b), encoding="utf-8")
    (tmp_path / "a-item.txt").write_text(build.body_of(a), encoding="utf-8")
    (tmp_path / "sub" / "c-item.txt.gz").write_bytes(gzip.compress(build.body_of(c).encode()))
    (tmp_path / ".hidden.txt").write_text("نص مخفي لا يقرأ", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("نص داخل مجلد مخفي", encoding="utf-8")

    items = list(iter_inputs([str(tmp_path)], ReadOptions(source="الوادي")))
    assert errors(items) == []
    recs = records(items)
    assert [r.id for r in recs] == ["a-item", "b-item", "c-item"]
    assert [r.text for r in recs] == [build.body_of(x) for x in (a, b, c)]
    assert recs[2].provenance.path == str(tmp_path / "sub" / "c-item.txt.gz")
    assert all(r.source == "الوادي" for r in recs)


def test_folder_symlink_loop_ends(tmp_path, build):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(build.body_of(build.articles[0]), encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path, target_is_directory=True)
    recs = list(iter_inputs([str(tmp_path)], ReadOptions()))
    assert [r.id for r in recs] == ["x"]


@pytest.mark.parametrize("codec,label", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("cp1256", "windows-1256"),
    ("iso8859-6", "iso-8859-6"), ("utf-16", "utf-16-le"),
])
def test_text_file_encodings(tmp_path, build, codec, label):
    text = build.body_of(build.articles[4])
    p = tmp_path / "beirut.txt"
    p.write_bytes(text.encode(codec))
    [rec] = list(read_text_file(p, ReadOptions()))
    assert rec.text == text
    assert rec.meta["encoding"] == label
    assert rec.warnings == []


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_jsonl_in_utf16_with_a_bom(tmp_path, build, codec):
    """The docs say UTF-16 with a BOM is detected; a UTF-16 JSONL export failed on every line
    ('invalid JSON … surrogates not allowed'), since its lines were split on the byte 0x0A."""
    arts = build.articles[:3]
    lines = "".join(orjson.dumps({"id": a[0], "title": a[1], "text": build.body_of(a)}).decode() + "\n" for a in arts)
    p = tmp_path / "export.jsonl.gz"
    data = lines.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    p.write_bytes(gzip.compress(data))
    items = list(iter_inputs([str(p)], ReadOptions()))
    assert errors(items) == []
    assert [(r.id, r.title, r.text, r.provenance.line) for r in items] == [
        (a[0], a[1], build.body_of(a), i) for i, a in enumerate(arts, 1)]


def test_text_file_undecodable_bytes_are_reported_not_fatal(tmp_path, build):
    text = build.body_of(build.articles[0])
    raw = text.encode()
    cut = len(text[:25].encode())
    p = tmp_path / "damaged.txt"
    p.write_bytes(raw[:cut] + b"\xff\xfe\xff" + raw[cut:])
    [rec] = list(read_text_file(p, ReadOptions()))
    assert rec.meta["encoding"] == "utf-8"
    assert "\ufffd" in rec.text
    assert rec.text.replace("\ufffd", "") == text
    assert rec.warnings == [f"3 undecodable byte sequence(s) replaced by U+FFFD (first at byte {cut})"]


def test_text_file_bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "junk.txt").write_bytes(os.urandom(900))
    (tmp_path / "big.txt").write_bytes(b"\xd8\xa7" * 600)
    items = list(iter_inputs([str(tmp_path)], ReadOptions(max_record_bytes=1000)))
    by_file = {os.path.basename(e.where): e for e in errors(items)}
    assert isinstance(by_file["empty.txt"], RecordError) and "empty text" in str(by_file["empty.txt"])
    assert isinstance(by_file["junk.txt"], DecodeError) and "binary" in str(by_file["junk.txt"])
    assert "limit" in str(by_file["big.txt"])
    assert records(items) == []


def test_truncated_gzip_text_is_an_error(tmp_path, build):
    data = gzip.compress(build.body_of(build.articles[1]).encode())
    p = tmp_path / "cut.txt.gz"
    p.write_bytes(data[: len(data) // 2])
    [err] = list(read_text_file(p, ReadOptions()))
    assert "truncated gzip" in str(err) and str(p) in str(err)


def test_missing_input_and_unreadable_file(tmp_path, monkeypatch, build):
    p = tmp_path / "locked.txt"
    p.write_text(build.body_of(build.articles[0]), encoding="utf-8")
    real_access = os.access
    # tests run as root, where chmod does not stop reading: fake the permission check instead
    monkeypatch.setattr(os, "access", lambda path, mode: False if str(path) == str(p) else real_access(path, mode))
    items = list(iter_inputs([str(p), str(tmp_path / "nowhere")], ReadOptions()))
    assert [str(e) for e in items] == [f"[M100] {p}: permission denied",
                                       f"[M100] {tmp_path / 'nowhere'}: no such file or folder"]


def test_sniff_format_by_name_and_content(tmp_path):
    assert sniff_format(tmp_path / "x.jsonl.gz") == "jsonl"
    assert sniff_format(tmp_path / "CC-NEWS-20240101.warc.gz") == "warc"
    assert sniff_format(tmp_path / "feed.atom") == "feed"
    (tmp_path / "noext").write_bytes(b"WARC/1.0\r\n")
    (tmp_path / "page").write_bytes(b"<!DOCTYPE html><html></html>")
    (tmp_path / "rss").write_bytes(gzip.compress(b'<?xml version="1.0"?><rss version="2.0">'))
    (tmp_path / "notes").write_text("مجرد نص", encoding="utf-8")
    assert [sniff_format(tmp_path / n) for n in ("noext", "page", "rss", "notes")] == ["warc", "html", "feed", "txt"]


# --- JSON Lines -------------------------------------------------------------------------------


def _jsonl(rows) -> bytes:
    return b"".join(orjson.dumps(r) + b"\n" for r in rows)


def test_jsonl_field_mapping_ids_and_meta(tmp_path, build):
    a, b = build.articles[:2]
    rows = [{"guid": "n-1", "body": build.body_of(a), "headline": a[1], "outlet": "الوادي",
             "link": "https://alwadi.example/1", "when": a[3], "category": "سياسة"},
            {"guid": 2, "body": build.body_of(b), "headline": b[1]}]
    p = tmp_path / "news.jsonl"
    p.write_bytes(_jsonl(rows))
    fields = FieldMap(id="guid", text="body", title="headline", source="outlet", url="link",
                      date="when", date_kind="crawl")
    r1, r2 = list(read_jsonl(p, ReadOptions(fields=fields, source="مجهول")))
    assert (r1.id, r1.title, r1.source, r1.url, r1.date, r1.date_kind) == (
        "n-1", a[1], "الوادي", "https://alwadi.example/1", a[3], "crawl")
    assert r1.meta == {"category": "سياسة"}
    assert (r2.id, r2.source, r2.date, r2.date_kind) == ("2", "مجهول", "", "")
    assert (r1.provenance.line, r2.provenance.line) == (1, 2)


def test_character_references_in_titles_are_decoded(tmp_path):
    rows = [{"id": "1", "text": "نص الخبر الأول عن افتتاح المهرجان.",
             "title": "&quot;الوادي&quot; تفتتح مهرجانها &#8220;السنوي&#8221; &amp; معرضها"},
            {"id": "2", "text": "نص الخبر الثاني.", "title": "بحث: لماذا A&B وليس C & D؟"}]
    p = tmp_path / "escaped.jsonl"
    p.write_bytes(_jsonl(rows))
    r1, r2 = records(read_jsonl(p, ReadOptions()))
    assert r1.title == "\"الوادي\" تفتتح مهرجانها \u201cالسنوي\u201d & معرضها"
    assert r2.title == "بحث: لماذا A&B وليس C & D؟"  # no reference: left as written
    assert r1.text == rows[0]["text"]


def test_jsonl_bad_lines_are_reported_and_reading_goes_on(tmp_path, build):
    a, b = build.articles[:2]
    lines = [orjson.dumps({"id": "a", "text": build.body_of(a)}), b"{not json",
             b"", orjson.dumps({"id": "e", "text": "   "}), orjson.dumps(["x"]),
             orjson.dumps({"id": "n"}), orjson.dumps({"id": "b", "text": build.body_of(b)})]
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(b"\n".join(lines) + b"\n")
    items = list(read_jsonl(p, ReadOptions()))
    assert [r.id for r in records(items)] == ["a", "b"]
    msgs = [str(e) for e in errors(items)]
    assert msgs[0].startswith(f"[M102] {p}:2: invalid JSON")
    assert msgs[1] == f"[M102] {p}:4: empty text"
    assert msgs[2] == f"[M102] {p}:5: a record must be a JSON object, not str"
    assert msgs[3] == f"[M102] {p}:6: no 'text' field (use --text-field to name it)"
    assert all("\n" not in m for m in msgs)


def test_jsonl_files_joined_with_their_byte_order_marks_and_a_line_cut_short(tmp_path, build):
    """Two exports joined (``cat a.jsonl b.jsonl``) put the second's byte order mark at the
    start of a line inside the file: that record is read, where it was refused ("BOM is not
    supported"); a line cut short says so, where the parser spoke of a control character."""
    a, b, c = build.articles[:3]
    first = orjson.dumps({"id": "a", "text": build.body_of(a)}) + b"\n"
    cut = orjson.dumps({"id": "c", "date": "2024-03-05 11:40", "text": build.body_of(c)})[:40] + b"\n"
    second = b"\xef\xbb\xbf" + orjson.dumps({"id": "b", "text": build.body_of(b)}) + b"\n"
    p = tmp_path / "joined.jsonl"
    p.write_bytes(b"\xef\xbb\xbf" + first + cut + second)
    items = list(read_jsonl(p, ReadOptions()))
    assert [r.id for r in records(items)] == ["a", "b"]
    [err] = errors(items)
    assert str(err).startswith(f"[M102] {p}:2: invalid JSON") and "cut short" in str(err)


def test_jsonl_gzip_truncated_keeps_what_came_before(tmp_path, build):
    rows = [{"id": f"r{i}", "text": build.body_of(build.articles[i % 6]) + f" ({i})"} for i in range(300)]
    data = gzip.compress(_jsonl(rows))
    p = tmp_path / "dump.jsonl.gz"
    p.write_bytes(data[: len(data) * 2 // 3])
    items = list(read_jsonl(p, ReadOptions()))
    recs, errs = records(items), errors(items)
    assert 50 < len(recs) < 300
    assert [r.id for r in recs] == [f"r{i}" for i in range(len(recs))]
    assert len(errs) == 1 and "truncated gzip" in str(errs[0]) and str(p) in str(errs[0])


def test_jsonl_windows_1256_bom_and_array_lines(tmp_path, build):
    a, b, c = build.articles[:3]
    p = tmp_path / "legacy.jsonl"
    p.write_bytes(orjson.dumps({"id": "w1", "text": build.body_of(a)}).decode().encode("cp1256") + b"\n"
                  + orjson.dumps({"id": "w2", "text": build.body_of(b)}).decode().encode("cp1256") + b"\n")
    recs = list(read_jsonl(p, ReadOptions()))
    assert [r.text for r in recs] == [build.body_of(a), build.body_of(b)]

    q = tmp_path / "bom.json"
    q.write_bytes(b"\xef\xbb\xbf" + orjson.dumps([{"id": "x1", "text": build.body_of(a)},
                                                   {"id": "x2", "text": build.body_of(c)}]) + b"\n")
    recs = list(read_jsonl(q, ReadOptions()))
    assert [(r.id, r.meta["record_index"], r.provenance.line) for r in recs] == [("x1", 0, 1), ("x2", 1, 1)]


def test_jsonl_pretty_printed_and_junk_are_one_clear_error(tmp_path):
    p = tmp_path / "pretty.json"
    p.write_bytes(orjson.dumps([{"id": 1, "text": "نص"}], option=orjson.OPT_INDENT_2))
    [err] = list(read_jsonl(p, ReadOptions()))
    assert "pretty-printed JSON" in str(err) and "jq -c" in str(err)

    q = tmp_path / "prose.jsonl"
    q.write_text("\n".join(f"سطر رقم {i} ليس JSON" for i in range(500)), encoding="utf-8")
    items = list(read_jsonl(q, ReadOptions()))
    assert len(items) == 21 and "rest of file skipped" in str(items[-1])

    r = tmp_path / "junk.jsonl"
    r.write_bytes(bytes(range(256)) * 64)
    [err] = list(read_jsonl(r, ReadOptions()))
    assert isinstance(err, DecodeError) and "binary" in str(err)


def test_jsonl_over_long_line_is_skipped_without_loading_it(tmp_path, build):
    p = tmp_path / "long.jsonl"
    with open(p, "wb") as f:
        f.write(orjson.dumps({"id": "before", "text": build.body_of(build.articles[0])}) + b"\n")
        f.write(b'{"id": "huge", "text": "' + b"\xd9\x86" * 300_000 + b'"}\n')
        f.write(orjson.dumps({"id": "after", "text": build.body_of(build.articles[1])}) + b"\n")
    items = list(read_jsonl(p, ReadOptions(max_record_bytes=100_000)))
    assert [r.id for r in records(items)] == ["before", "after"]
    [err] = errors(items)
    assert str(err) == (f"[M102] {p}:2: line is 600,027 bytes long, over the 100,000 bytes limit "
                        "for one record (not one article per line?); skipped")


# --- CSV --------------------------------------------------------------------------------------


def test_csv_mapping_multiline_fields_and_line_numbers(tmp_path, build):
    a, b = build.articles[:2]
    p = tmp_path / "export.csv"
    body_a = build.body_of(a)
    p.write_text('id,title,body,section\n'
                 f'c1,"{a[1]}","{body_a}",سياسة\n'
                 f'c2,"{b[1]}","{build.body_of(b)}",\n', encoding="utf-8")
    r1, r2 = list(read_csv(p, ReadOptions(fields=FieldMap(text="body"))))
    assert (r1.id, r1.title, r1.text, r1.meta) == ("c1", a[1], body_a, {"section": "سياسة"})
    assert r1.provenance.line == 3 and r2.provenance.line == 5  # the line each record ends on
    assert r2.meta == {}


def test_csv_windows_1256_tsv_gzip_and_extra_fields(tmp_path, build):
    a, b = build.articles[2:4]
    tsv = f"id\ttext\nt1\t{a[2][0]}\nt2\t{b[2][0]}\textra\n".encode("cp1256")
    p = tmp_path / "legacy.tsv.gz"
    p.write_bytes(gzip.compress(tsv))
    r1, r2 = list(read_csv(p, ReadOptions()))
    assert (r1.text, r2.text) == (a[2][0], b[2][0])
    assert r2.warnings == ["1 field(s) beyond the header ignored"]


def test_csv_oversized_field_is_reported_and_reading_goes_on(tmp_path, build):
    p = tmp_path / "big.csv"
    p.write_text("id,text\n"
                 f"k1,{build.articles[0][2][0]}\n"
                 f'k2,"{"ن" * 5000}"\n'
                 f"k3,{build.articles[1][2][0]}\n", encoding="utf-8")
    items = list(read_csv(p, ReadOptions(max_record_bytes=2000)))
    assert [r.id for r in records(items)] == ["k1", "k3"]
    [err] = errors(items)
    assert "malformed CSV" in str(err) and "field larger than field limit" in str(err)


def test_record_dates_are_read_or_refused_with_a_warning(tmp_path, build):
    """A date field that is no date (or an impossible day) is not stored as the publication
    date: the record says so and the date comes from the text; RSS-style and slashed dates
    become ISO."""
    body = build.body_of(build.articles[0])
    rows = [{"id": "iso", "text": body, "date": "2024-03-05 09:30:00"},
            {"id": "rfc", "text": body, "date": "Tue, 05 Mar 2024 09:30:00 +0300"},
            {"id": "slash", "text": body, "date": "2024/03/05"},
            {"id": "epoch", "text": body, "date": 1709620200},
            {"id": "month", "text": body, "date": "2024-03"},
            {"id": "junk", "text": body, "date": "قبل ساعتين"},
            {"id": "feb30", "text": body, "date": "2024-02-30"}]
    p = tmp_path / "dates.jsonl"
    p.write_bytes(_jsonl(rows))
    recs = {r.id: r for r in read_jsonl(p, ReadOptions())}
    assert recs["iso"].date == "2024-03-05 09:30:00" and recs["iso"].warnings == []
    assert recs["rfc"].date == "2024-03-05T09:30:00+03:00"
    assert recs["slash"].date.startswith("2024-03-05")
    assert recs["epoch"].date == "2024-03-05T06:30:00Z"
    assert recs["month"].date == "2024-03"
    for rid, raw in (("junk", "قبل ساعتين"), ("feb30", "2024-02-30")):
        r = recs[rid]
        assert (r.date, r.date_kind) == ("", "")
        [w] = r.warnings
        assert repr(raw) in w and "not a date" in w


def test_csv_short_row_says_the_row_is_short(tmp_path, build):
    """A row with fewer fields than the header (a cut line, a stray quote) is named as such, not
    as a missing text column."""
    a, b = build.articles[:2]
    p = tmp_path / "dump.csv"
    p.write_text("id,title,text\n"
                 f"k1,{a[1]},{a[2][0]}\n"
                 "k2,عنوان فقط\n"
                 f"k3,{b[1]},{b[2][0]}\n", encoding="utf-8")
    items = list(read_csv(p, ReadOptions()))
    assert [r.id for r in records(items)] == ["k1", "k3"]
    [err] = errors(items)
    assert str(err) == f"[M102] {p}:3: the row has 2 of the header's 3 fields (a cut line or a stray quote?)"
    # a row missing only a trailing field after its text is kept, with a warning
    q = tmp_path / "short_tail.csv"
    q.write_text(f"id,text,section\nk4,{a[2][0]}\n", encoding="utf-8")
    [r] = list(read_csv(q, ReadOptions()))
    assert (r.id, r.text, r.warnings) == ("k4", a[2][0], ["the row has 2 of the header's 3 fields"])


def test_csv_quote_never_closed_costs_its_row_not_the_rest_of_the_file(tmp_path, build):
    """A row opening a quoted field that is never closed took every later row into its text,
    and the file read as one article short of nothing, without a word."""
    a, b, c = build.articles[:3]
    p = tmp_path / "dump.csv"
    p.write_text("id,title,text\n"
                 f'k1,{a[1]},"{a[2][0]}\nمع سطر ثان"\n'
                 f'k2,{b[1]},"{b[2][0]}\n'  # the quote is never closed
                 f'k3,{c[1]},{c[2][0]} قال: نعم\n'
                 f"k4,{b[1]},{b[2][1]}", encoding="utf-8")  # the last line has no newline
    items = list(read_csv(p, ReadOptions()))
    assert [(r.id, r.text, r.provenance.line) for r in records(items)] == [
        ("k1", f"{a[2][0]}\nمع سطر ثان", 3), ("k3", f"{c[2][0]} قال: نعم", 5), ("k4", b[2][1], 6)]
    assert [str(e) for e in errors(items)] == [
        f"[M102] {p}:4: a quoted field opened on this line is never closed (a stray quote?); the row is "
        "refused and the lines after it (2) are read again as rows"]
    # a well-formed last row without a newline, or with a quoted field over several lines, is kept
    q = tmp_path / "tail.csv"
    q.write_text(f'id,text\nk6,"{a[2][0]}\n{a[2][1]}"', encoding="utf-8")
    [r] = list(read_csv(q, ReadOptions()))
    assert (r.id, r.text) == ("k6", f"{a[2][0]}\n{a[2][1]}")


def test_a_spreadsheets_sep_line_and_blank_rows(tmp_path, build):
    """Excel writes ``sep=;`` before the header to name the delimiter: the file was skipped (no
    'text' column in a header of 'sep=', ''). Its blank rows (``;;;``) were each an 'empty text'
    error; they are no records, as a blank line is none. Line numbers count the sep= line."""
    a, b = build.articles[:2]
    p = tmp_path / "excel.csv"
    p.write_text("sep=;\r\nid;title;text;\r\n"
                 + f"{a[0]};{a[1]};{a[2][0]};\r\n;;;\r\n{b[0]};{b[1]};;\r\n",
                 encoding="utf-8-sig", newline="")
    items = list(read_csv(p, ReadOptions()))
    assert [(r.id, r.title, r.provenance.line) for r in records(items)] == [(a[0], a[1], 3)]
    assert [str(e) for e in errors(items)] == [f"[M102] {p}:5: empty text"]  # a row with an id is one


@pytest.mark.parametrize("delim", ["\t", ";", "|"])
def test_csv_separated_by_tabs_semicolons_or_bars_is_read_by_its_header(tmp_path, build, delim):
    """A tab-separated .csv (or a semicolon one from a European spreadsheet) was refused as
    having no 'text' column: its header was read as one column named 'id;title;text'."""
    a, b = build.articles[:2]
    p = tmp_path / "export.csv"
    p.write_text(delim.join(["id", "title", "text"]) + "\n"
                 + "".join(delim.join([x[0], x[1], x[2][0].replace(delim, " ")]) + "\n" for x in (a, b)),
                 encoding="utf-8-sig")
    items = list(read_csv(p, ReadOptions()))
    assert errors(items) == []
    assert [(r.id, r.title) for r in items] == [(a[0], a[1]), (b[0], b[1])]
    # a comma in the header keeps the comma, whatever else the header holds
    q = tmp_path / "commas.csv"
    q.write_text(f"id,text\nk1,{a[2][0]}; {b[2][0]}\n", encoding="utf-8")
    [r] = list(read_csv(q, ReadOptions()))
    assert (r.id, r.text) == ("k1", f"{a[2][0]}; {b[2][0]}")


def test_empty_jsonl_and_csv_files_are_named(tmp_path):
    """An empty export was read as nothing at all: no error, exit code 0."""
    cases = {"empty.jsonl": b"", "blank.jsonl.gz": gzip.compress(b"\n\n"), "empty.csv": b"",
             "header.csv": b"id,title,text\n"}
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    items = list(iter_inputs([str(tmp_path / n) for n in cases], ReadOptions()))
    assert records(items) == []
    assert [str(e) for e in errors(items)] == [
        f"[M102] {tmp_path / 'empty.jsonl'}: empty file: no records in it",
        f"[M102] {tmp_path / 'blank.jsonl.gz'}: empty file: no records in it",
        f"[M102] {tmp_path / 'empty.csv'}: empty file: no header and no rows",
        f"[M102] {tmp_path / 'header.csv'}: empty file: a header and no rows"]


def test_csv_without_the_text_column_is_one_error(tmp_path, build):
    """A header without the text column failed every row, one line each (399 lines for a JSONL
    file read with --format csv)."""
    a, b = build.articles[:2]
    p = tmp_path / "dump.csv"
    p.write_text(f"guid,headline,body\ng1,{a[1]},{a[2][0]}\ng2,{b[1]},{b[2][0]}\n", encoding="utf-8")
    items = list(read_csv(p, ReadOptions()))
    assert records(items) == []
    [err] = errors(items)
    assert str(err) == (f"[M102] {p}: no 'text' column in the header (it has 'guid', 'headline', 'body'); "
                        "name the text column with --text-field; file skipped")
    assert [r.id for r in read_csv(p, ReadOptions(fields=FieldMap(id="guid", text="body")))] == ["g1", "g2"]


def test_csv_without_a_column_an_option_names_is_one_error(tmp_path, build):
    """``--author-field writter`` (a typo for the header's ``writer``) read the file with no
    byline and no dateline from the field, and said nothing; a column the options name is now
    required as the text column is. A default name the header lacks (no ``author``) is fine."""
    a, b = build.articles[:2]
    p = tmp_path / "dump.csv"
    p.write_text(f"id,title,text,writer\ng1,{a[1]},{a[2][0]},جدة - واس\ng2,{b[1]},{b[2][0]},\n",
                 encoding="utf-8")
    items = list(read_csv(p, ReadOptions(fields=FieldMap(author="writter"))))
    assert records(items) == []
    [err] = errors(items)
    assert str(err) == (f"[M102] {p}: no 'writter' column in the header for --author-field "
                        "(it has 'id', 'title', 'text', 'writer'); file skipped")
    [err] = errors(list(read_csv(p, ReadOptions(fields=FieldMap(date="published")))))
    assert "no 'published' column in the header for --date-field" in str(err)
    recs = records(list(read_csv(p, ReadOptions(fields=FieldMap(author="writer")))))
    assert [r.author for r in recs] == ["جدة - واس", ""]
    assert [r.id for r in records(list(read_csv(p, ReadOptions())))] == ["g1", "g2"]  # no «author»: fine


def test_jsonl_without_the_text_field_gives_up_early(tmp_path, build):
    """A wrong --text-field failed every line of a dump, one error each (and one stored error row
    each); like lines that are not JSON, it now stops after the first records."""
    body = build.body_of(build.articles[0])
    p = tmp_path / "dump.jsonl"
    p.write_bytes(_jsonl([{"id": f"r{i}", "body": body} for i in range(60)]))
    items = list(read_jsonl(p, ReadOptions()))
    # one error for the file, as a CSV header without the column gives: it was 19 errors «no
    # 'text' field» a line, then this one (20 failed in the summary, for one wrong option)
    assert [str(i) for i in items] == [f"[M100] {p}: none of the first 20 records has a 'text' field (they "
                                       "have 'id', 'body'); name the text field with --text-field; rest of "
                                       "file skipped"]
    short = tmp_path / "short.jsonl"
    short.write_bytes(_jsonl([{"id": f"s{i}", "body": body} for i in range(3)]))
    assert [str(i) for i in read_jsonl(short, ReadOptions())] == [
        f"[M100] {short}: none of its 3 records has a 'text' field (they have 'id', 'body'); name the "
        "text field with --text-field"]
    # records without it before the first with it are still each an error, in their place
    late = tmp_path / "late.jsonl"
    late.write_bytes(_jsonl([{"id": "n0"}, {"id": "n1"}, {"id": "ok", "text": body}]))
    got = list(read_jsonl(late, ReadOptions()))
    assert len(errors(got)) == 2 and [r.id for r in records(got)] == ["ok"]
    assert [getattr(i, "where", "") for i in got[:2]] == [f"{late}:1", f"{late}:2"]
    # a file whose early records have the field keeps going past later records without it
    q = tmp_path / "mixed.jsonl"
    q.write_bytes(_jsonl([{"id": "ok", "text": body}] + [{"id": f"n{i}"} for i in range(30)]
                         + [{"id": "ok2", "text": body}]))
    assert [r.id for r in records(read_jsonl(q, ReadOptions()))] == ["ok", "ok2"]
