"""The bundled sample corpus (src/marsad/data/sample) is what its README and expected.json say.

These tests check the corpus itself — size, formats, unique ids, groups that carry the
property they claim, files that parse, the packaged copy — and that the committed files are
exactly what scripts/make_sample.py renders from articles.yaml.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import importlib.util
import io
import json
import re
import zlib
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "marsad" / "data"
SAMPLE = DATA / "sample"
EXPECTED = json.loads((DATA / "sample_source" / "expected.json").read_text(encoding="utf-8"))
ARTICLES = EXPECTED["articles"]
READER_FORMATS = ("txt", "jsonl", "csv", "html", "warc", "feed")


def _generator():
    pytest.importorskip("yaml")
    spec = importlib.util.spec_from_file_location("make_sample", ROOT / "scripts" / "make_sample.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _gunzip_members(data: bytes) -> list[bytes]:
    out = []
    while data:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out.append(d.decompress(data))
        data = d.unused_data
    return out


def test_generator_output_is_up_to_date(tmp_path):
    gen = _generator()
    assert gen.main(["--out", str(tmp_path)]) == 0
    fresh = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    on_disk = sorted(p.relative_to(DATA).as_posix() for p in SAMPLE.rglob("*") if p.is_file())
    assert [f for f in fresh if f.startswith("sample/")] == on_disk, "run scripts/make_sample.py"
    for rel in fresh:
        new, old = (tmp_path / rel).read_bytes(), (DATA / rel).read_bytes()
        if new == old:
            continue
        # gzip bytes may differ between zlib builds; what they hold must not
        assert rel.endswith(".gz") and rel != "sample/broken/truncated_export.jsonl.gz", (
            f"{rel} is stale: run scripts/make_sample.py")
        assert _gunzip_members(new) == _gunzip_members(old), f"{rel} is stale"


def test_generator_rejects_a_fact_missing_from_the_text():
    gen = _generator()
    arts = gen.load()
    arts[0] = dict(arts[0], expect={"timex": [{"text": "لا يوجد هذا النص", "type": "DATE"}]})
    with pytest.raises(SystemExit, match="not in the article"):
        gen.expected_json(arts, {})


def test_size_formats_and_unique_ids():
    assert EXPECTED["counts"]["articles"] == len(ARTICLES) >= 40
    by_format = Counter(a["format"] for a in ARTICLES.values())
    assert set(by_format) == set(READER_FORMATS)
    assert min(by_format.values()) >= 5, by_format
    urls = [a["url"] for a in ARTICLES.values()]
    assert len(set(urls)) == len(urls)
    assert all(re.fullmatch(r"https://[a-z0-9.-]+\.example/\S+", u) for u in urls)
    assert Counter(a["language"] for a in ARTICLES.values()) == Counter(ar=45, fa=1, ur=1, en=1)


def _records_in_files() -> dict[str, set[str]]:
    """Article ids (txt/jsonl/csv) or URLs (html/warc/feeds) found by parsing every file with
    the standard library, FastWARC and feedparser — independently of marsad's readers."""
    found: dict[str, set[str]] = {}
    for p in sorted((SAMPLE / "txt").glob("*.txt")):
        found[f"sample/txt/{p.name}"] = {p.stem}
    for p in sorted((SAMPLE / "html").glob("*.html")):
        m = re.search(rb'<link rel="canonical" href="([^"]+)"|<meta property="og:url" content="([^"]+)"',
                      p.read_bytes())
        found[f"sample/html/{p.name}"] = {(m.group(1) or m.group(2)).decode()} if m else {p.stem}
    for p in (SAMPLE / "news.jsonl", SAMPLE / "broken" / "jsonl_with_one_invalid_line.jsonl"):
        ids = set()
        for line in p.read_text(encoding="utf-8").splitlines():
            try:
                ids.add(json.loads(line)["id"])
            except json.JSONDecodeError:
                continue
        found[p.relative_to(DATA).as_posix()] = ids
    rows = csv.DictReader(io.StringIO((SAMPLE / "news.csv").read_text(encoding="utf-8"), newline=""))
    found["sample/news.csv"] = {r["id"] for r in rows}
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    urls = set()
    with open(SAMPLE / "crawl.warc.gz", "rb") as f:
        for rec in ArchiveIterator(f, record_types=WarcRecordType.response, parse_http=True):
            if rec.http_headers.status_code == 200 and "html" in (rec.http_content_type or ""):
                urls.add(rec.headers["WARC-Target-URI"])
    found["sample/crawl.warc.gz"] = urls
    import feedparser

    for name in ("feed.xml", "feed.atom"):
        d = feedparser.parse((SAMPLE / name).read_bytes())
        assert not d.bozo, d.get("bozo_exception")
        found[f"sample/{name}"] = {e.link for e in d.entries}
    return found


def test_every_article_is_in_exactly_its_file():
    found = _records_in_files()
    expected: dict[str, set[str]] = {}
    for aid, a in ARTICLES.items():
        expected.setdefault(a["file"], set()).add(a["url"] if a["format"] in ("html", "warc", "feed") else aid)
    assert found == expected
    everything = [x for v in found.values() for x in v]
    assert len(everything) == len(set(everything)) == len(ARTICLES)


def test_txt_files_have_no_metadata_and_their_dates_are_in_the_text():
    txt = {aid: a for aid, a in ARTICLES.items() if a["format"] == "txt"}
    assert len(txt) >= 5
    for aid, a in txt.items():
        assert a["published_from"] == "text", aid
        if a["published"]:
            assert any(t.get("value") == a["published"] for t in a["timex"]), aid
        else:  # no year anywhere: the expected value is underspecified, never invented
            assert a["published_underspecified"].startswith("XXXX"), aid


def test_offsets_point_at_the_facts_in_the_record_text():
    from marsad.ingest.readers import ReadOptions, read_csv, read_jsonl, read_text_file

    records = {}
    for p in (SAMPLE / "txt").glob("*.txt"):
        records.update({r.id: r.text for r in read_text_file(p, ReadOptions())})
    for p in (SAMPLE / "news.jsonl", SAMPLE / "broken" / "jsonl_with_one_invalid_line.jsonl"):
        records.update({r.id: r.text for r in read_jsonl(p, ReadOptions()) if hasattr(r, "text")})
    records.update({r.id: r.text for r in read_csv(SAMPLE / "news.csv", ReadOptions())})
    checked = 0
    for aid, a in ARTICLES.items():
        for fact in a.get("timex", []) + a.get("mentions", []):
            if a["offsets"] == "record":
                assert records[aid][fact["start"]:fact["end"]] == fact["text"], (aid, fact)
                checked += 1
            else:
                assert "start" not in fact
    assert checked >= 100


def _shingles(text: str, k: int = 4) -> set[tuple[str, ...]]:
    w = re.findall(r"\w+", text)
    return {tuple(w[i:i + k]) for i in range(len(w) - k + 1)}


def _article_texts() -> dict[str, str]:
    yaml = pytest.importorskip("yaml")
    doc = yaml.safe_load((DATA / "sample_source" / "articles.yaml").read_text(encoding="utf-8"))
    return {a["id"]: a["text"] for a in doc["articles"]}


def _containment(a: str, b: str) -> float:
    x, y = _shingles(a), _shingles(b)
    return len(x & y) / min(len(x), len(y))


def test_groups_carry_the_property_they_claim():
    texts = _article_texts()
    g = EXPECTED["groups"]
    (copy,) = g["copies"].values()
    assert len(copy["members"]) == 5 and copy["original"] in copy["members"]
    times = {m: ARTICLES[m]["published_at"] for m in copy["members"]}
    assert min(times, key=lambda m: dt.datetime.fromisoformat(times[m])) == copy["original"]
    assert len({ARTICLES[m]["source"] for m in copy["members"]}) == 5
    for m in copy["members"]:
        if m != copy["original"]:
            assert ARTICLES[m]["title"] != ARTICLES[copy["original"]]["title"], m
            assert _containment(texts[copy["original"]], texts[m]) > 0.2, m
    (story,) = g["stories"].values()
    assert len(story) == 3 and len({ARTICLES[m]["source"] for m in story}) == 3
    assert len({ARTICLES[m]["published"] for m in story}) == 1
    for i, a in enumerate(story):
        for b in story[i + 1:]:
            assert _containment(texts[a], texts[b]) < 0.1, (a, b)  # told independently
    (thread,) = g["threads"].values()
    days = sorted(dt.date.fromisoformat(ARTICLES[m]["published"]) for m in thread)
    assert len(thread) >= 4 and 45 <= (days[-1] - days[0]).days <= 100
    assert all(len(v) >= 2 for v in g["templates"].values())


def test_broken_inputs_are_broken_as_documented():
    assert (SAMPLE / "broken" / "empty.txt").read_bytes() == b""
    assert b"\x00" in (SAMPLE / "broken" / "binary_junk.bin").read_bytes()[:64]
    with pytest.raises(EOFError), gzip.open(SAMPLE / "broken" / "truncated_export.jsonl.gz") as f:
        f.read()
    lines = (SAMPLE / "broken" / "jsonl_with_one_invalid_line.jsonl").read_text(encoding="utf-8").splitlines()
    good = []
    for i, line in enumerate(lines, 1):
        try:
            good.append(json.loads(line)["id"])
        except json.JSONDecodeError:
            assert i == 2
    assert len(good) == 2
    assert {b["file"] for b in EXPECTED["broken"]} == {
        p.relative_to(DATA).as_posix() for p in (SAMPLE / "broken").iterdir()}


def test_marsad_reads_every_article_and_names_every_broken_file():
    from marsad.errors import DecodeError, RecordError
    from marsad.ingest.inputs import iter_inputs
    from marsad.ingest.readers import ReadOptions

    ids, urls, n = set(), set(), 0
    errors: dict[str, type] = {}
    for item in iter_inputs([str(SAMPLE)], ReadOptions()):
        if isinstance(item, Exception):
            errors[Path(item.where.split(":")[0].split("@")[0]).name] = type(item)
            continue
        ids.add(item.id)
        urls.add(item.url)
        n += 1
    missing = [aid for aid, a in ARTICLES.items() if aid not in ids and a["url"] not in urls]
    assert not missing
    assert n == len(ARTICLES)  # robots.txt, the 301 and the 404 in the WARC are not articles
    assert errors["empty.txt"] is RecordError
    assert errors["binary_junk.bin"] is DecodeError
    assert errors["jsonl_with_one_invalid_line.jsonl"] is RecordError
    assert "truncated_export.jsonl.gz" in errors


def test_the_corpus_ships_inside_the_package():
    sample = resources.files("marsad") / "data" / "sample"
    names = {p.name for p in sample.iterdir()}
    assert {"txt", "html", "broken", "news.jsonl", "news.csv", "crawl.warc.gz", "feed.xml",
            "feed.atom"} <= names
    assert len([p for p in (sample / "txt").iterdir() if p.name.endswith(".txt")]) >= 5
