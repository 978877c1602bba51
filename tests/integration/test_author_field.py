"""An input's author field that is a dateline (واس - جدة, لندن: فلان, عكاظ (جدة)) becomes the
article's dateline place and agency and its byline the person, through ingest, show and export."""

from __future__ import annotations

import csv
import json
from html import escape

import orjson
import pytest

from marsad.cli.main import main

BODY = "أعلنت وزارة النقل خطة جديدة لصيانة الطرق السريعة بين المدن خلال الأشهر المقبلة."
#: (id, author field, text opening) → (place, agency, byline) after ingest
CASES = {
    "w1": ("واس - جدة", "", ("جدة", "واس", "")),
    "w2": ("لندن: سامي الكاتب", "", ("لندن", "", "سامي الكاتب")),
    "w3": ("\u00a0عكاظ (الرياض)", "", ("الرياض", "عكاظ", "")),
    "w4": ("«الاقتصادية» من الرياض", "", ("الرياض", "الاقتصادية", "")),
    "w5": ("ليلى عبدالله المحررة", "", ("", "", "ليلى عبدالله المحررة")),
    "w6": ("الوطن", "", ("", "الوطن", "")),
    # the text's own dateline wins; the field's person is still the byline
    "w7": ("الرياض - سامي الكاتب", "بيروت (رويترز) - ", ("بيروت", "رويترز", "سامي الكاتب")),
}


def _records():
    for i, (aid, (author, opening, _)) in enumerate(CASES.items()):
        yield {"id": aid, "source": "صحيفة الاختبار", "date": f"2015-08-{i + 1:02d}",
               "title": f"خطة الطرق رقم {i + 1}", "author": author,
               "text": f"{opening}{BODY} وهذه الخطة رقم {i + 1} في المنطقة {aid}.\nفقرة ثانية عن الخطة."}


def _page(r: dict[str, str]) -> str:
    """A saved page of the record, its author field in ``<meta name="author">`` as written."""
    body = "".join(f"<p>{escape(line)}</p>" for line in r["text"].split("\n"))
    return (f'<html lang="ar"><head><meta charset="utf-8"><title>{escape(r["title"])}</title>'
            f'<meta name="author" content="{escape(r["author"])}">'
            f'<meta property="article:published_time" content="{r["date"]}T09:00:00+03:00"></head>'
            f'<body><article><h1>{escape(r["title"])}</h1>{body}</article></body></html>')


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "html"])
def test_author_field_becomes_dateline_and_byline(tmp_path, capsys, fmt):
    """A page's author is its ``<meta>`` as written: trafilatura's, cleaned for a person's name,
    cut «الرياض - سامي الكاتب» to the name and gave nothing for «واس - جدة» or «عكاظ (الرياض)»
    (almadina's pages of 21–24 Jul 2015: a dateline place in 40 of 549)."""
    src = tmp_path / f"in.{fmt}"
    if fmt == "html":
        src.mkdir()
        for r in _records():
            (src / f"{r['id']}.html").write_text(_page(r), encoding="utf-8")
    elif fmt == "jsonl":
        src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in _records()))
    else:
        with open(src, "w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=["id", "source", "date", "title", "author", "text"])
            w.writeheader()
            w.writerows(_records())
    db = str(tmp_path / "a.db")
    assert main(["ingest", "--archive", db, "--no-progress", "--workers", "1", str(src)]) == 0
    capsys.readouterr()
    for aid, (_, _, (place, agency, byline)) in CASES.items():
        assert main(["show", "--archive", db, aid, "--json"]) == 0
        shown = json.loads(capsys.readouterr().out)
        assert shown["dateline"] == {"place": place, "agency": agency}, aid
        assert shown["byline"] == byline, aid
    # the plain show prints the reporter as the byline and the agency as the dateline's, not the field
    assert main(["show", "--archive", db, "w1"]) == 0
    out = capsys.readouterr().out
    assert "dateline: place جدة · agency واس" in out
    assert "byline:" not in out
    out_file = tmp_path / "arts.jsonl"
    assert main(["export", "--archive", db, "--table", "articles", "--format", "jsonl", "-o", str(out_file)]) == 0
    rows = {r["id"]: r for r in map(json.loads, out_file.read_text().splitlines())}
    assert {aid: (r["dateline_place"], r["dateline_agency"], r["byline"]) for aid, r in rows.items()} == {
        aid: want for aid, (_, _, want) in CASES.items()}


def test_author_field_of_another_name(tmp_path, capsys):
    """A CSV whose byline column is «writer»: --author-field names it, for ingest and analyze."""
    src = tmp_path / "in.csv"
    with open(src, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "title", "writer", "text"])
        w.writeheader()
        w.writerow({"id": "k1", "title": "خطة الطرق", "writer": "لندن: سامي الكاتب", "text": BODY + "\nفقرة ثانية."})
    db = str(tmp_path / "a.db")
    assert main(["ingest", "--archive", db, "--no-progress", "--workers", "1", "--author-field", "writer", str(src)]) == 0
    capsys.readouterr()
    assert main(["show", "--archive", db, "k1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["dateline"], shown["byline"]) == ({"place": "لندن", "agency": ""}, "سامي الكاتب")
    out = tmp_path / "an.jsonl"
    assert main(["analyze", str(src), "-o", str(out), "--workers", "1", "--author-field", "writer"]) == 0
    [row] = [json.loads(x) for x in out.read_text().splitlines()]
    assert (row["dateline"]["place"], row["byline"]) == ("لندن", "سامي الكاتب")
    # without the flag the column is only kept in meta: no byline, no dateline
    assert main(["analyze", str(src), "-o", str(out), "--workers", "1"]) == 0
    [row] = [json.loads(x) for x in out.read_text().splitlines()]
    assert (row["dateline"]["place"], row["byline"]) == ("", "")


def test_the_author_field_is_shown_as_given(tmp_path, capsys):
    """`marsad show` printed «dateline: place أبوظبي · agency …» with no dateline in the text
    and nothing to say it came from the input's author field, nor what the field said (a
    reader could not check «الرياض :الألمانية» read as the agency الرياض). show, its JSON, the
    API and the article page now give the field as the input gave it."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in [
        {"id": "f1", "title": "خطة الطرق", "author": "جدة - واس", "text": BODY + "\nفقرة ثانية."},
        {"id": "f2", "title": "خطة الموانئ", "text": BODY.replace("الطرق", "الموانئ") + "\nفقرة أخرى."}]))
    db = str(tmp_path / "a.db")
    assert main(["ingest", "--archive", db, "--no-progress", "--workers", "1", str(src)]) == 0
    capsys.readouterr()
    assert main(["show", "--archive", db, "f1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["dateline"], shown["author_field"]) == ({"place": "جدة", "agency": "واس"}, "جدة - واس")
    assert main(["show", "--archive", db, "f1"]) == 0
    assert "author field: «جدة - واس»" in capsys.readouterr().out
    assert main(["show", "--archive", db, "f2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["author_field"] == ""
    assert main(["show", "--archive", db, "f2"]) == 0
    assert "author field" not in capsys.readouterr().out
    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    with TestClient(create_app(db)) as c:
        assert c.get("/api/article/f1").json()["author_field"] == "جدة - واس"
        html = c.get("/article/f1", params={"lang": "en"}).text
        assert 'id="author-field"><span dir="auto">«جدة - واس»</span>' in html and "Author field" in html
        assert 'id="author-field"' not in c.get("/article/f2").text


def test_stats_says_how_many_datelines_came_from_the_author_field(tmp_path, capsys):
    """`marsad stats` said «608 with a dateline» and «annotations: dateline 140» of one archive
    (Sky News's author field gives a dateline no text span holds): it now counts those."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in _records()))
    db = str(tmp_path / "a.db")
    assert main(["ingest", "--archive", db, "--no-progress", "--workers", "1", str(src)]) == 0
    capsys.readouterr()
    assert main(["stats", "--archive", db, "--json"]) == 0
    st = json.loads(capsys.readouterr().out)
    # w1-w4 and w6 from the field; w7's is its text's own; w5 has none
    assert (st["with_dateline"], st["dateline_from_author_field"], st["spans"]["dateline"]) == (6, 5, 1)
    assert main(["stats", "--archive", db]) == 0
    assert "6 with a dateline (5 from the input's author field alone)" in capsys.readouterr().out
    # the web's overview says the same (its span counts were headed «Legend», the colour key's name)
    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    with TestClient(create_app(db)) as c:
        assert c.get("/api/overview").json()["dateline_from_author_field"] == 5
        html = c.get("/overview", params={"lang": "en", "digits": "western"}).text
        assert '<p id="datelines">6 with a dateline (5 from the input&#39;s author field alone)</p>' in html
        assert "<h2>Annotations</h2>" in html and "<h2>Legend</h2>" not in html


def test_a_pages_latin_author_is_left_to_trafilatura(tmp_path, capsys):
    """The page's own ``<meta name="author">`` is read as written only when it is Arabic: a CMS's
    «admin» (which trafilatura drops) would be a byline, a person."""
    r = next(_records())
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "p1.html").write_text(_page({**r, "author": "admin"}), encoding="utf-8")
    (folder / "p2.html").write_text(_page({**r, "id": "p2", "author": "واس - جدة",
                                           "text": r["text"].replace("الخطة", "الخطة الثانية")}), encoding="utf-8")
    db = str(tmp_path / "p.db")
    assert main(["ingest", "--archive", db, "--no-progress", "--workers", "1", str(folder)]) == 0
    shown = {}
    for aid in ("p1", "p2"):
        capsys.readouterr()
        assert main(["show", "--archive", db, aid, "--json"]) == 0
        shown[aid] = json.loads(capsys.readouterr().out)
    assert shown["p1"]["byline"] == "" and shown["p1"]["author_field"] == ""
    assert shown["p2"]["dateline"] == {"place": "جدة", "agency": "واس"}
