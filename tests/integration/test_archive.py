"""Ingest → store → search → export on articles written for these tests."""

from __future__ import annotations

import json
import sqlite3

import orjson
import pytest

import marsad
from marsad.cli.main import main
from marsad.errors import QueryError

ARTICLES = [
    {"id": "a1", "source": "وكالة الشرق", "url": "https://example.org/a1", "date": "2021-09-14",
     "title": "بوتين ورئيسي يبحثان التعاون", "text": "موسكو - سبوتنيك. بحث الرئيس الروسي مع نظيره الإيراني تعزيز العلاقات بين روسيا وإيران.\nوأكد الجانبان أهمية المفاوضات."},
    {"id": "a2", "source": "صحيفة الغرب", "url": "https://example.org/a2", "date": "2021-09-15",
     "title": "تجارة جديدة", "text": "وقعت الحكومة اتفاقا تجاريا مع بروسيا البيضاء وأعلنت عن مفاوضة جديدة مع ايران.\nشارك"},
    {"id": "a3", "source": "صحيفة الغرب", "url": "https://example.org/a3", "date": "2021-10-01",
     "title": "طقس", "text": "تشهد البلاد طقسا معتدلا مع رياح خفيفة وأمطار متفرقة في المناطق الشمالية."},
]


@pytest.fixture
def corpus(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_bytes(b"".join(orjson.dumps(a) + b"\n" for a in ARTICLES) + b"{broken json\n")
    return p


def test_ingest_is_idempotent_and_reports_bad_lines(tmp_path, corpus):
    with marsad.open(tmp_path / "a.db") as arc:
        s1 = arc.ingest([corpus], options=marsad.api.IngestOptions(workers=1))
        assert (s1.read, s1.stored, s1.failed) == (3, 3, 1)
        assert "invalid JSON" in s1.errors[0][2] and ":4" in s1.errors[0][0]
        s2 = arc.ingest([corpus], options=marsad.api.IngestOptions(workers=1))
        assert (s2.stored, s2.duplicates) == (0, 3)
        assert arc.count() == 3


def test_search_matches_clitics_hamza_and_plurals(tmp_path, corpus):
    with marsad.open(tmp_path / "a.db") as arc:
        arc.ingest([corpus], options=marsad.api.IngestOptions(workers=2))
        ids = lambda q: {h.id for h in arc.search(q)[0]}  # noqa: E731
        assert ids("روسيا") == {"a1", "a2"}  # وروسيا and بروسيا
        assert ids("إيران") == {"a1", "a2"}  # ايران
        assert ids("المفاوضات") == {"a1", "a2"}  # مفاوضة, المفاوضات
        assert ids('"الرئيس الروسي"') == {"a1"}
        assert ids("طقس OR تجاري") == {"a2", "a3"}
        assert ids("روسيا -ايران") == set()
        # AND and NOT, as other search engines write them: AND matched the word "and", so nothing
        assert ids("روسيا AND ايران") == ids("روسيا ايران") == {"a1", "a2"}
        assert ids("المفاوضات NOT الحكومة") == ids("المفاوضات -الحكومة") == {"a1"}
        hit = arc.search("روسيا")[0][0]
        for s, e in hit.highlights:
            assert marsad.text.normalize.normalize(hit.snippet[s:e]).endswith(("روسيا", "ايران")) or "روسيا" in hit.snippet[s:e]
        counts = dict(arc.counts("روسيا", by="source"))
        assert counts == {"وكالة الشرق": 1, "صحيفة الغرب": 1}
        assert dict(arc.counts("روسيا", by="day")) == {"2021-09-14": 1, "2021-09-15": 1}
        f = marsad.search.fts.Filters(sources=("صحيفة الغرب",))
        assert {h.id for h in arc.search("روسيا", filters=f)[0]} == {"a2"}
        assert arc.search('" OR AND NEAR( روسيا*')[1] == 0  # FTS5 syntax is data, never syntax
        assert arc.search("'; DROP TABLE articles; --")[1] == 0
        with pytest.raises(QueryError):
            arc.search('"()*')
        with pytest.raises(QueryError):
            arc.search("ب" * 1000)


def test_cli_ingest_search_show_export(tmp_path, corpus, capsysbinary):
    db = str(tmp_path / "c.db")
    assert main(["ingest", "--archive", db, str(corpus), "--json"]) == 0
    capsysbinary.readouterr()
    assert main(["search", "--archive", db, "روسيا", "--json"]) == 0
    lines = capsysbinary.readouterr().out.decode().splitlines()
    assert {json.loads(x)["id"] for x in lines} == {"a1", "a2"}
    assert main(["show", "--archive", db, "a1", "--json"]) == 0
    shown = json.loads(capsysbinary.readouterr().out)
    assert shown["dateline"] == {"place": "موسكو", "agency": "سبوتنيك"}
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"arts.{fmt}"
        assert main(["export", "--archive", db, "--table", "articles", "--format", fmt, "-o", str(out)]) == 0
    rows = [json.loads(x) for x in (tmp_path / "arts.jsonl").read_text().splitlines()]
    assert {r["id"] for r in rows} == {"a1", "a2", "a3"}
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / "arts.parquet").num_rows == 3
    # a span's attrs nest as an object in JSONL (they were a JSON string); CSV and Parquet keep JSON text
    for fmt in ("jsonl", "csv", "parquet"):
        assert main(["export", "--archive", db, "--table", "spans", "--format", fmt, "-o", str(tmp_path / f"s.{fmt}")]) == 0
    spans = [json.loads(x) for x in (tmp_path / "s.jsonl").read_text().splitlines()]
    assert spans and all(isinstance(s["attrs"], dict) for s in spans)
    assert any(s["attrs"] for s in spans)
    import csv

    with open(tmp_path / "s.csv", newline="") as f:
        flat = list(csv.DictReader(f))
    assert [json.loads(r["attrs"]) for r in flat] == [s["attrs"] for s in spans]
    assert [json.loads(a) for a in pq.read_table(tmp_path / "s.parquet").column("attrs").to_pylist()] == [s["attrs"] for s in spans]
    assert main(["show", "--archive", db, "nope"]) == 1
    assert main(["search", "--archive", db, "--", "-x"]) == 1


def test_search_collapse_copies_says_what_it_counts_and_refuses_where_it_did_nothing(tmp_path, corpus, capsys):
    """`--collapse-copies` with `--counts` (or with "" and a filter) was ignored: the counts summed
    every copy while the hits were folded. It is refused, saying why; the folded hits' total is
    given as texts, not articles."""
    db = str(tmp_path / "c.db")
    copy = tmp_path / "copy.jsonl"  # a reprint of a1 under another id and outlet
    copy.write_bytes(orjson.dumps({**ARTICLES[0], "id": "a1-copy", "source": "صحيفة ثالثة",
                                   "url": "https://example.org/x"}) + b"\n")
    assert main(["ingest", "--archive", db, str(corpus), str(copy), "--json"]) == 0
    capsys.readouterr()
    assert main(["search", "--archive", db, "روسيا"]) == 0
    assert "3 articles match «روسيا»" in capsys.readouterr().out
    assert main(["search", "--archive", db, "روسيا", "--collapse-copies"]) == 0
    out = capsys.readouterr().out
    assert "2 texts match «روسيا», each with its copies folded into one hit" in out
    assert "(2 copies, first publisher)" in out
    assert main(["search", "--archive", db, "روسيا", "--collapse-copies", "--counts", "day"]) == 1
    assert "--counts counts every matching article, copies included" in capsys.readouterr().err
    assert main(["search", "--archive", db, "", "--source", "صحيفة ثالثة", "--collapse-copies"]) == 1
    assert "give words to search for" in capsys.readouterr().err


@pytest.mark.parametrize("index", ["postings", "fts5"])
def test_collapsed_copies_show_the_first_publisher(tmp_path, corpus, capsys, monkeypatch, index):
    """A copy group folded into one hit shows its first publisher, not its best-scoring member
    (here a later reprint whose title repeats the query word), with the group's score and count;
    when a filter leaves the first publisher out, the hit says it is not the first."""
    from marsad.search import postings

    db = str(tmp_path / "f.db")
    copy = tmp_path / "copy.jsonl"  # a1 reprinted a day later, its title full of the query word
    copy.write_bytes(orjson.dumps({**ARTICLES[0], "id": "a1-copy", "source": "صحيفة ثالثة", "date": "2021-09-15",
                                   "url": "https://example.org/x", "title": "روسيا وروسيا وإيران"}) + b"\n")
    assert main(["ingest", "--archive", db, str(corpus), str(copy), "--json"]) == 0
    capsys.readouterr()
    if index == "fts5":
        monkeypatch.setattr(postings, "ready", lambda con: False)
    with marsad.open(db, readonly=True) as arc:
        flat, _n = arc.search("روسيا")
        assert flat[0].id == "a1-copy" and "a1" in [h.id for h in flat]  # the reprint scores best
        hits, total = arc.search("روسيا", collapse_copies=True)
        assert total == 2
        top = hits[0]
        assert (top.id, top.source, top.copies, top.first_published) == ("a1", "وكالة الشرق", 2, True)
        assert top.score == flat[0].score  # ranked by the group's best member
        assert "روسيا" in top.snippet  # the snippet is the shown article's
        many = [*range(10**6, 10**6 + 2_000), *(h.rowid for h in flat)]  # more rowids than SQLite binds at once
        bound = arc.con.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)  # the limit of SQLite before 3.32
        try:
            shown = marsad.search.fts.Searcher(arc.con).show_first_publishers(hits, "روسيا", members=many)
        finally:
            arc.con.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, bound)
        assert [(h.id, h.copies, h.first_published) for h in shown] == [(h.id, h.copies, h.first_published) for h in hits]
        only = marsad.search.fts.Filters(sources=("صحيفة ثالثة",))
        [alone], _n = arc.search("روسيا", filters=only, collapse_copies=True)
        assert (alone.id, alone.copies, alone.first_published) == ("a1-copy", 1, False)
        a1 = marsad.search.fts.Filters(sources=("وكالة الشرق",))
        assert [(h.id, h.copies) for h in arc.search("روسيا", filters=a1, collapse_copies=True)[0]] == [("a1", 1)]
    assert main(["search", "--archive", db, "روسيا", "--collapse-copies"]) == 0
    out = capsys.readouterr().out
    assert out.index("a1 ") < out.index("(2 copies, first publisher)") and "a1-copy" not in out


def test_deferred_corpus_stages_run_with_update(tmp_path, corpus, capsysbinary):
    db = str(tmp_path / "d.db")
    copy = tmp_path / "copy.jsonl"  # a reprint of a1 under another id and outlet
    copy.write_bytes(orjson.dumps({**ARTICLES[0], "id": "a1-copy", "source": "صحيفة ثالثة",
                                   "url": "https://example.org/x", "title": "عنوان آخر"}) + b"\n")
    assert main(["ingest", "--archive", db, str(corpus), str(copy), "--defer-corpus", "--json"]) == 0
    capsysbinary.readouterr()
    groups = lambda: {r["id"]: r["copy_group"] for r in marsad.open(db, readonly=True).iter_rows(columns=["id", "copy_group"])}  # noqa: E731
    assert set(groups().values()) == {None}  # nothing grouped yet
    assert main(["update", "--archive", db, "--json"]) == 0
    timings = json.loads(capsysbinary.readouterr().out)["seconds"]
    assert set(timings) == {"entity_registry", "copies", "stories"}
    g = groups()
    assert g["a1"] is not None and g["a1"] == g["a1-copy"] and g["a3"] != g["a1"]


def test_cli_exit_code_when_nothing_ingested(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n")
    assert main(["ingest", "--archive", str(tmp_path / "d.db"), str(bad)]) == 1
    assert main(["ingest", "--archive", str(tmp_path / "d.db"), str(tmp_path / "missing.jsonl")]) == 1


def test_lines_repeated_across_a_source_are_learned_as_boilerplate(tmp_path):
    rows = []
    for i in range(7):
        rows.append({"id": f"s{i}", "source": "موقع المدينة",
                     "text": f"خبر رقم {i} عن افتتاح مشروع جديد للطرق في المدينة بتكلفة كبيرة.\n"
                             "مراسلنا يتابع التطورات من هناك\n"
                             f"وقال المسؤول إن العمل سيكتمل خلال {i + 2} أشهر."})
    rows.append({"id": "other", "source": "موقع آخر", "title": "خبر اقتصادي",
                 "text": "مراسلنا يتابع التطورات من هناك\nخبر مختلف تماما عن الاقتصاد."})
    p = tmp_path / "b.jsonl"
    p.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    with marsad.open(tmp_path / "b.db") as arc:
        arc.ingest([p], options=marsad.api.IngestOptions(workers=1))
        for i in range(7):
            art = arc.get(f"s{i}")
            assert "مراسلنا يتابع" not in art.clean_text, i
            assert "افتتاح مشروع" in art.clean_text
            assert any(s.label == "boilerplate" for s in art.layer("debris"))
        # another source's identical line is not that source's boilerplate
        assert "مراسلنا يتابع" in arc.get("other").clean_text


def test_an_archive_inside_the_input_folder_is_not_read(tmp_path):
    (tmp_path / "a.txt").write_text("عنوان\nنص خبر قصير عن افتتاح مدرسة جديدة في القرية.", encoding="utf-8")
    with marsad.open(tmp_path / "inside.db") as arc:
        s = arc.ingest([tmp_path], options=marsad.api.IngestOptions(workers=1))
        s2 = arc.ingest([tmp_path], options=marsad.api.IngestOptions(workers=1))
    assert (s.stored, s.failed, s2.failed, s2.duplicates) == (1, 0, 0, 1)


def test_archive_that_is_not_an_archive_is_one_clear_error(tmp_path, corpus, capsys):
    """--archive pointing at an input file or a folder was a sqlite3 traceback; the file is
    left as it was."""
    before = corpus.read_bytes()
    for cmd in (["stats", "--archive", str(corpus)],
                ["ingest", "--archive", str(corpus), "--no-progress", str(corpus)],
                ["search", "--archive", str(tmp_path), "روسيا"]):
        assert main(cmd) == 1
        err = capsys.readouterr().err
        assert err.startswith("marsad: [M200] ") and "Traceback" not in err
        assert ("not an archive" in err) or ("is a folder" in err)
    assert corpus.read_bytes() == before


def test_show_says_when_an_id_is_a_duplicate_of_a_stored_article(tmp_path, capsys):
    """An id whose text was stored under another id showed that other article without a word."""
    p = tmp_path / "dup.jsonl"
    p.write_bytes(orjson.dumps(ARTICLES[0]) + b"\n" + orjson.dumps({**ARTICLES[0], "id": "a1-again"}) + b"\n")
    db = str(tmp_path / "d.db")
    assert main(["ingest", "--archive", db, "--no-progress", "--workers", "1", str(p)]) == 0
    capsys.readouterr()
    assert main(["show", "--archive", db, "a1-again"]) == 0
    assert "a1-again was read with the same text as a1" in capsys.readouterr().out
    assert main(["show", "--archive", db, "--json", "a1-again"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert (d["id"], d["requested_id"]) == ("a1", "a1-again")


def test_ingest_summary_is_one_line(tmp_path, corpus, capsys):
    """The summary wrapped at 80 columns when not on a terminal, cutting 'failed N' onto a line
    of its own that scripts reading the output missed."""
    db = tmp_path / ("long-archive-name-" * 3 + ".db")
    assert main(["ingest", "--archive", str(db), "--no-progress", "--workers", "1", str(corpus)]) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if x.startswith("ingested")]
    assert line.endswith("failed 1")


def test_ingest_with_stages_that_leave_out_the_index_says_so(tmp_path, corpus, capsys):
    """Articles stored with --stages lacking index_terms.v2 are never found by search; the ingest
    said nothing."""
    db = str(tmp_path / "s.db")
    assert main(["ingest", "--archive", db, "--no-progress", "--workers", "1",
                 "--stages", "language.v1,debris.v6", str(corpus)]) == 0
    assert "not in the search index" in capsys.readouterr().err
    db2 = str(tmp_path / "s2.db")
    assert main(["ingest", "--archive", db2, "--no-progress", "--workers", "1", str(corpus)]) == 0
    assert "not in the search index" not in capsys.readouterr().err


def test_ingest_reports_warnings_apart_from_failures(tmp_path, capsys):
    """A record stored with a caveat (a date that is not a date) was listed among the errors and
    in failure_reasons of `ingest --json`, as if it had failed."""
    src = tmp_path / "warn.jsonl"
    src.write_bytes(orjson.dumps({"id": "w1", "source": "وكالة", "date": "2021-02-30",
                                  "text": "اجتمع الوزراء في العاصمة لبحث الموازنة الجديدة."}) + b"\n{broken\n")
    db = str(tmp_path / "w.db")
    assert main(["ingest", "--archive", db, "--json", "--workers", "1", str(src)]) == 0
    d = json.loads(capsys.readouterr().out)
    assert (d["stored"], d["failed"]) == (1, 1)
    assert [e["where"] for e in d["errors"]] == [f"{src}:2"]
    assert list(d["failure_reasons"]) == ["M102 invalid JSON"]
    assert [(w["where"], w["code"]) for w in d["warnings"]] == [(f"{src}:1", "W100")]
    assert "2021-02-30" in d["warnings"][0]["message"]
    assert list(d["warning_reasons"]) == ["W100 date '2021-02-30' is not a date"]
    assert main(["stats", "--archive", db, "--json"]) == 0
    st = json.loads(capsys.readouterr().out)
    assert [e["code"] for e in st["warnings"]] == ["W100"] and all(e["code"] != "W100" for e in st["errors"])


def test_unknown_filter_values_are_named_not_matched_in_silence(tmp_path, corpus, capsys):
    """`search --source NOSUCH` printed '0 articles match' as if the outlet had nothing on the
    query; `entities --country Iran` printed an empty table."""
    db = str(tmp_path / "f.db")
    assert main(["ingest", "--archive", db, "--workers", "1", "--no-progress", str(corpus)]) == 0
    capsys.readouterr()
    assert main(["search", "--archive", db, "روسيا", "--source", "صحيفة الغرب"]) == 0
    assert "1 article matches" in capsys.readouterr().out
    assert main(["search", "--archive", db, "روسيا", "--source", "صحيفة الغرب", "--source", "وكالة الشرقية"]) == 1
    err = capsys.readouterr().err
    assert "no source 'وكالة الشرقية' in the archive" in err and "'وكالة الشرق'" in err  # the closest
    assert "صحيفة الغرب'" not in err.split("in the archive")[0]
    assert main(["search", "--archive", db, "روسيا", "--counts", "day", "--source", "NOSUCH"]) == 1
    assert "no source 'NOSUCH'" in capsys.readouterr().err
    assert main(["search", "--archive", db, "روسيا", "--language", "xx"]) == 1
    assert "no language 'xx' in the archive; it has 'ar'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as e:
        main(["entities", "--archive", db, "--country", "Iran"])
    assert e.value.code == 2 and "not a country code" in capsys.readouterr().err
    assert main(["entities", "--archive", db, "--country", "zz"]) == 1
    assert "no entity country 'ZZ'" in capsys.readouterr().err


def test_python_dash_m_marsad_runs_the_command_line(tmp_path, corpus):
    """`python -m marsad …` said "No module named marsad.__main__"."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    src = str(Path(marsad.__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", "")}
    db = str(tmp_path / "m.db")
    r = subprocess.run([sys.executable, "-m", "marsad", "ingest", "--archive", db, "--json", "--workers", "2",
                        str(corpus)], capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["stored"] == 3


def test_list_commands_refuse_limits_below_one_and_say_why_a_list_is_empty(tmp_path, corpus, capsys):
    """`stories --limit -1` listed every story (SQLite's LIMIT -1); `stories --from 2030-01-01` said
    'ingest articles first' of an archive full of articles."""
    db = str(tmp_path / "l.db")
    assert main(["ingest", "--archive", db, "--workers", "1", "--no-progress", str(corpus)]) == 0
    for argv in (["stories", "--limit", "-1"], ["stories", "--min-size", "0"], ["threads", "--limit", "0"],
                 ["threads", "--min-stories", "-3"], ["entities", "--limit", "0"], ["entity", "--limit", "-2", "روسيا"]):
        with pytest.raises(SystemExit) as e:
            main([argv[0], "--archive", db, *argv[1:]])
        assert e.value.code == 2 and "give a whole number 1 or more" in capsys.readouterr().err
    capsys.readouterr()
    assert main(["stories", "--archive", db, "--from", "2030-01-01"]) == 0
    assert capsys.readouterr().out.strip() == "no stories with --from 2030-01-01"
    assert main(["stories", "--archive", db, "--to", "2001-05"]) == 0
    assert capsys.readouterr().out.strip() == "no stories with --to 2001-05"
    assert main(["threads", "--archive", db, "--min-stories", "50"]) == 0
    assert capsys.readouterr().out.strip() == "no threads of 50 stories or more"


def test_piped_search_keeps_each_hit_header_on_one_line(tmp_path, corpus, capsys):
    """Piped output was wrapped at 80 columns: a hit's id and its score landed on two lines."""
    db = str(tmp_path / ("an-archive-with-a-rather-long-name-" * 2 + ".db"))
    assert main(["ingest", "--archive", db, "--workers", "1", "--no-progress", str(corpus)]) == 0
    capsys.readouterr()
    assert main(["search", "--archive", db, "روسيا", "--source", "وكالة الشرق"]) == 0
    lines = capsys.readouterr().out.splitlines()
    [head] = [x for x in lines if x.startswith("a1 ")]
    assert "وكالة الشرق" in head and "2021-09-14" in head and " score " in head
    body = lines[lines.index(head) + 2]  # id line, title, snippet
    assert body.startswith("موسكو - سبوتنيك.") and body.endswith("المفاوضات.")


def test_story_and_thread_text_count_in_the_singular_for_one(tmp_path, corpus, capsys):
    """`marsad story` printed "copy group 7 (1 articles)" and "1 articles" in its timeline."""
    db = str(tmp_path / "st.db")
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(orjson.dumps({**ARTICLES[0], "id": "a1-copy", "source": "صحيفة ثالثة", "date": "2021-09-15",
                                   "url": "https://example.org/x"}) + b"\n")
    assert main(["ingest", "--archive", db, "--workers", "1", "--no-progress", str(corpus), str(copy)]) == 0
    story = marsad.open(db, readonly=True).get_row("a1")["story"]
    capsys.readouterr()
    assert main(["story", "--archive", db, str(story)]) == 0
    out = capsys.readouterr().out
    assert "2 articles from 2 sources" in out and "(2 articles)" in out
    assert "1 articles" not in out and "  1 article  " in out  # one article a day in the timeline
    # `marsad thread` of a thread of one story printed "1 stories"
    assert main(["threads", "--archive", db, "--min-stories", "1", "--json"]) == 0
    one = [t for t in map(json.loads, capsys.readouterr().out.splitlines()) if t["stories"] == 1]
    assert one
    assert main(["thread", "--archive", db, str(one[0]["thread"])]) == 0
    out = capsys.readouterr().out
    assert f"thread {one[0]['thread']}: 1 story, " in out and "1 stories" not in out


def test_an_id_reused_with_another_text_in_one_run_is_an_error_not_a_duplicate(tmp_path, capsys):
    """A CMS export reusing an id dropped the second article as a 'duplicate', without a word."""
    src = tmp_path / "reused.jsonl"
    rows = [{"id": "r1", "text": "اجتمع مجلس الوزراء اليوم لبحث الموازنة العامة للعام المقبل."},
            {"id": "r1", "text": "فاز المنتخب الوطني على نظيره بهدفين دون رد في التصفيات."},
            {"id": "r1", "text": "اجتمع مجلس الوزراء اليوم لبحث الموازنة العامة للعام المقبل."}]
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    db = str(tmp_path / "r.db")
    assert main(["ingest", "--archive", db, "--json", "--workers", "1", str(src)]) == 0
    d = json.loads(capsys.readouterr().out)
    assert (d["stored"], d["duplicates"], d["failed"]) == (1, 1, 1)  # the third is the first again
    [err] = d["errors"]
    assert err["where"] == f"{src}:2" and f"id 'r1' was read before with another text ({src}:1)" in err["message"]


def test_one_page_read_twice_in_batches_still_in_flight_is_a_duplicate(tmp_path):
    """Two saved pages of one article (a link with ``?weekly`` and without: the same canonical
    URL, the same text) fell in two batches analysed at once; the second was analysed too, and
    storing it took its text from the first's, already gone: ``KeyError`` and a traceback, the
    whole ingest lost."""
    src = tmp_path / "pages.jsonl"
    same = {"id": "https://example.org/n/5", "text": "افتتح وزير الصحة اليوم مستشفى جديدا في المدينة يضم مئتي سرير."}
    rows = [same, {"id": "n6", "text": "أعلنت وزارة التعليم موعد بدء العام الدراسي الجديد في المدارس."},
            same, {"id": "n7", "text": "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار خفض الإنتاج."}]
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    with marsad.open(tmp_path / "p.db") as arc:
        s = arc.ingest([src], options=marsad.api.IngestOptions(workers=2, batch_size=1, corpus=False))
        assert (s.read, s.stored, s.duplicates, s.failed) == (4, 3, 1, 0)
        assert arc.count() == 3


def test_a_snippet_starts_after_the_title_line_of_a_text_file(tmp_path, capsys):
    """A text file (or a page) holds its title on its first line: the hit showed the title, then
    a snippet opening with the same title again («وقفات احتجاجية لموظفي التربية» twice, for every
    article of a folder of .txt); the filtered list (query "") did the same."""
    folder = tmp_path / "txt"
    folder.mkdir()
    (folder / "t1.txt").write_text("افتتاح معرض الكتاب في العاصمة\n\nافتتح وزير الثقافة صباح اليوم معرض "
                                   "الكتاب الدولي بمشاركة مئات الناشرين من عشرين دولة.\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    assert main(["ingest", "--archive", db, "--workers", "1", "--no-progress", "--source", "إذاعة", str(folder)]) == 0
    for argv in (["معرض"], ["", "--source", "إذاعة"], ["الناشرين"]):
        capsys.readouterr()
        assert main(["search", "--archive", db, "--json", *argv]) == 0
        [hit] = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
        assert hit["title"] == "افتتاح معرض الكتاب في العاصمة"
        assert hit["snippet"].startswith("افتتح وزير الثقافة"), (argv, hit["snippet"])
        for s, e in hit.get("highlights") or []:
            assert hit["snippet"][s:e] in ("معرض", "الناشرين")


def test_the_articles_export_says_which_of_its_rows_are_duplicates_ids(tmp_path, capsys):
    """A record read again under another id is stored once, its id kept as an alias, and the
    export writes that id as a row of its own (``alias_of``): «wrote 3,427 rows of articles» beside
    stats' «3,372 articles (+55 ids that are duplicates …)», with nothing to tell why."""
    src = tmp_path / "dup.jsonl"
    text = "افتتح وزير الصحة اليوم مستشفى جديدا في المدينة يضم مئتي سرير ومركزا للطوارئ."
    rows = [{"id": "d1", "url": "https://example.org/d", "text": text},
            {"id": "d2", "url": "https://example.org/d", "text": text},
            {"id": "d3", "text": "أعلنت وزارة التعليم موعد بدء العام الدراسي الجديد في المدارس الحكومية."}]
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    db = str(tmp_path / "d.db")
    assert main(["ingest", "--archive", db, "--workers", "1", "--no-progress", str(src)]) == 0
    out_file = tmp_path / "a.jsonl"
    capsys.readouterr()
    assert main(["export", "--archive", db, "--table", "articles", "-o", str(out_file)]) == 0
    said = capsys.readouterr().out
    assert f"wrote 3 rows of articles to {out_file} (2 articles and 1 id read as duplicates of them" in said
    assert main(["stats", "--archive", db]) == 0
    assert "2 articles in " + db + " (+1 id read as duplicates of stored articles)" in capsys.readouterr().out
    exported = [json.loads(x) for x in out_file.read_text().splitlines()]
    assert [r.get("alias_of") for r in exported] == [None, "d1", None]
    assert main(["export", "--archive", db, "--table", "spans", "-o", str(tmp_path / "s.jsonl")]) == 0
    assert "duplicates" not in capsys.readouterr().out


def test_an_ingest_that_found_nothing_to_read_says_so(tmp_path, capsys):
    """A folder of nothing marsad reads (empty, or only a page's scripts) printed «read 0, stored
    0, duplicates 0, skipped 0, failed 0» and nothing else: a user who named the wrong folder
    had no word of it."""
    empty = tmp_path / "empty"
    empty.mkdir()
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "app.js").write_text("var x = 1;", encoding="utf-8")
    db = str(tmp_path / "n.db")
    for folder in (empty, tmp_path / "assets"):
        capsys.readouterr()
        assert main(["ingest", "--archive", db, "--no-progress", str(folder)]) == 0
        err = capsys.readouterr().err
        assert f"note: nothing to read in {folder}: no file of a format marsad reads" in err
    src = tmp_path / "one.jsonl"
    src.write_bytes(orjson.dumps({"id": "o1", "text": "وصل الوفد إلى العاصمة اليوم في زيارة رسمية تستمر يومين."}) + b"\n")
    assert main(["ingest", "--archive", db, "--no-progress", "--workers", "1", str(src)]) == 0
    assert "nothing to read" not in capsys.readouterr().err


def test_a_phrase_in_arabic_or_curly_quotes_is_a_phrase(tmp_path, corpus, capsys):
    """«…» (how Arabic text quotes) and “…” (pasted from a page or a word processor) were read as
    loose words: «قصر السلام» matched 28 articles of an archive where "قصر السلام" matched 17."""
    db = str(tmp_path / "q.db")
    assert main(["ingest", "--archive", db, "--workers", "1", "--no-progress", str(corpus)]) == 0
    for q, n in (("العلاقات تعزيز", 1), ('"العلاقات تعزيز"', 0), ("«العلاقات تعزيز»", 0),
                 ("“العلاقات تعزيز”", 0), ("«تعزيز العلاقات»", 1), ("روسيا -«تعزيز العلاقات»", 1)):
        capsys.readouterr()
        assert main(["search", "--archive", db, "--json", q]) == 0
        assert len(capsys.readouterr().out.splitlines()) == n, q


def test_a_date_range_that_ends_before_it_starts_is_an_error(tmp_path, corpus, capsys):
    """--from 2021-10-01 --to 2021-09-01 printed '0 articles match' (and empty stories and entities)."""
    db = str(tmp_path / "dr.db")
    assert main(["ingest", "--archive", db, "--workers", "1", "--no-progress", str(corpus)]) == 0
    for argv in (["search", "روسيا"], ["stories"], ["entities"]):
        capsys.readouterr()
        assert main([argv[0], "--archive", db, *argv[1:], "--from", "2021-10-01", "--to", "2021-09"]) == 1
        assert "from 2021-10-01 is after to 2021-09: no day is in that range" in capsys.readouterr().err
    assert main(["search", "--archive", db, "روسيا", "--from", "2021-09", "--to", "2021-09"]) == 0  # one month
    assert "2 articles match" in capsys.readouterr().out


def test_an_empty_query_with_a_filter_lists_the_filtered_articles(tmp_path, corpus, capsys):
    """`marsad search "" --source X` said 'the query has no searchable words'; the web lists the
    filtered articles when q is empty, and the CLI now does too."""
    db = str(tmp_path / "b.db")
    assert main(["ingest", "--archive", db, "--workers", "1", "--no-progress", str(corpus)]) == 0
    capsys.readouterr()
    assert main(["search", "--archive", db, "", "--source", "صحيفة الغرب", "--json"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == ["a3", "a2"]  # newest first
    assert main(["search", "--archive", db, "", "--source", "صحيفة الغرب", "--counts", "month"]) == 0
    assert capsys.readouterr().out.split() == ["1", "2021-09", "1", "2021-10"]
    assert main(["search", "--archive", db, ""]) == 1
    assert 'or "" with a filter' in capsys.readouterr().err


def test_an_empty_export_says_why(tmp_path, corpus, capsys):
    """`export --table events` wrote an empty file and 'wrote 0 rows', with no word that no stage finds events."""
    db = str(tmp_path / "e.db")
    assert main(["ingest", "--archive", db, "--workers", "1", "--no-progress", "--stages",
                 "language.v1,debris.v6,dateline.v8,index_terms.v2", str(corpus)]) == 0
    capsys.readouterr()
    assert main(["export", "--archive", db, "--table", "events", "-o", str(tmp_path / "ev.jsonl")]) == 0
    assert "no article has events: were they ingested with --stages" in capsys.readouterr().err  # events.v16 left out
    assert main(["export", "--archive", db, "--table", "mentions", "-o", str(tmp_path / "m.jsonl")]) == 0
    assert "no article has mentions: were they ingested with --stages" in capsys.readouterr().err
    assert main(["export", "--archive", db, "--table", "spans", "-o", str(tmp_path / "s.jsonl")]) == 0
    assert "note" not in capsys.readouterr().err  # datelines are spans


def test_story_lists_articles_without_a_copy_together(tmp_path, capsys, monkeypatch):
    """`marsad story` gave every article without a copy a 'copy group N (1 article)' of its own,
    starred as its first publisher; they are listed together, unstarred."""
    import marsad.corpus.views as views

    def member(i: str, first: bool) -> dict:
        return {"id": i, "source": "s" + i, "title": "عنوان " + i, "published_at": "2021-09-15",
                "first_published": first, "chain": []}

    detail = {"story": 9, "size": 4, "sources": 4, "first_day": "2021-09-15", "last_day": "2021-09-15",
              "thread": None, "terms": ["كلمة"], "merged_from": None,
              "copy_groups": [{"group": 1, "agency": "", "members": [member("a", True), member("b", False)],
                               "edges": []},
                              {"group": 3, "agency": "", "members": [member("c", True)], "edges": []},
                              {"group": 4, "agency": "", "members": [member("d", True)], "edges": []}],
              "timeline": [{"day": "2021-09-15", "articles": 4, "sources": ["sa", "sb", "sc", "sd"]}]}
    monkeypatch.setattr(views, "story_detail", lambda archive, story: detail)
    db = tmp_path / "st.db"
    marsad.open(db).close()
    assert main(["story", "--archive", str(db), "9"]) == 0
    out = capsys.readouterr().out
    assert "copy group 1 (2 articles)" in out and "copy group 3" not in out and "copy group 4" not in out
    assert "without a copy (2 articles)" in out
    assert out.count("★") == 1 and "sc" in out and "sd" in out


def test_export_writes_the_stories_and_threads_the_cli_lists(tmp_path, corpus, capsys):
    """`export --table` had no stories or threads: an analyst could list them (`marsad stories`)
    but not take them to a spreadsheet. Each story is exported as `marsad stories` lists it, with
    its label words and its first publisher; an archive whose corpus stages were deferred says
    how to make them."""
    import csv

    db = str(tmp_path / "s.db")
    assert main(["ingest", "--archive", db, "--workers", "1", "--no-progress", str(corpus)]) == 0
    capsys.readouterr()
    assert main(["stories", "--archive", db, "--json", "--min-size", "1", "--limit", "100"]) == 0
    listed = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert listed
    out = tmp_path / "stories.jsonl"
    assert main(["export", "--archive", db, "--table", "stories", "-o", str(out)]) == 0
    assert f"wrote {len(listed)} rows of stories" in capsys.readouterr().out
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["story"], r["size"], r["terms"], r["first_id"]) for r in rows] == \
        [(s["story"], s["size"], s["terms"], s["first"]["id"]) for s in listed]
    assert main(["export", "--archive", db, "--table", "stories", "--format", "csv", "-o", str(tmp_path / "s.csv")]) == 0
    with open(tmp_path / "s.csv", encoding="utf-8", newline="") as f:
        assert [r["title"] for r in csv.DictReader(f)] == [s["first"]["title"] for s in listed]

    deferred = str(tmp_path / "d.db")
    assert main(["ingest", "--archive", deferred, "--workers", "1", "--no-progress", "--defer-corpus", str(corpus)]) == 0
    capsys.readouterr()
    assert main(["export", "--archive", deferred, "--table", "threads", "-o", str(tmp_path / "t.jsonl")]) == 0
    assert "the archive has no threads yet: `marsad update` makes them" in capsys.readouterr().err


def test_story_lists_mark_a_crawl_time(tmp_path, corpus, capsys):
    """A crawl time (ingest --date-is-crawl-time: SaudiNewsNet's dates) was listed by `marsad
    stories`, `marsad story` and `marsad search` as if it were the publication time; it is
    marked *, with what the mark means, and the JSON says published_at_source crawl."""
    for flag, marked in (("--date-is-crawl-time", True), (None, False)):
        db = str(tmp_path / f"{marked}.db")
        argv = ["ingest", "--archive", db, "--workers", "1", "--no-progress", str(corpus)]
        assert main(argv + ([flag] if flag else [])) == 0
        capsys.readouterr()
        assert main(["stories", "--archive", db, "--min-size", "1"]) == 0
        assert ("* a crawl time: the article was out by then" in capsys.readouterr().out) is marked
        assert main(["stories", "--archive", db, "--min-size", "1", "--json"]) == 0
        story = json.loads(capsys.readouterr().out.splitlines()[0])["story"]
        assert main(["story", "--archive", db, str(story)]) == 0
        out = capsys.readouterr().out
        assert ("* a crawl time" in out) is marked and ("2021-09-14*" in out or "2021-09-15*" in out) is marked
        assert main(["story", "--archive", db, str(story), "--json"]) == 0
        members = [m for g in json.loads(capsys.readouterr().out)["copy_groups"] for m in g["members"]]
        assert {m["published_at_source"] == "crawl" for m in members} == {marked}
        # search hits (a word search, folded or not, and a filter alone) mark it as the story lists do
        title = members[0]["title"].split()[0]
        for extra in ([title], [title, "--collapse-copies"], ["", "--source", members[0]["source"]]):
            assert main(["search", "--archive", db, *extra]) == 0
            out = capsys.readouterr().out
            assert ("* a crawl time" in out) is marked and ("2021-09-14*" in out or "2021-09-15*" in out) is marked
        assert main(["search", "--archive", db, title, "--json"]) == 0
        hits = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
        assert hits and {h["published_at_source"] == "crawl" for h in hits} == {marked}


def test_stats_says_how_many_sources_it_leaves_out(tmp_path, capsys):
    """`marsad stats` lists the 20 biggest sources; the others were cut without a word (SaudiNewsNet's
    14 papers with ANT's 6 outlets and JawharaFM are 21)."""
    src = tmp_path / "many.jsonl"
    src.write_bytes(b"".join(orjson.dumps({"id": f"m{i}", "source": f"صحيفة {i}", "text": f"خبر رقم {i} عن افتتاح "
                                           f"مشروع جديد في المدينة رقم {i} بحضور المسؤولين والأهالي."}) + b"\n"
                             for i in range(23)))
    db = str(tmp_path / "m.db")
    assert main(["ingest", "--archive", db, "--workers", "1", "--no-progress", "--defer-corpus", str(src)]) == 0
    capsys.readouterr()
    assert main(["stats", "--archive", db]) == 0
    out = capsys.readouterr().out
    assert "… 3 more sources" in out and out.count("صحيفة ") == 20
    assert out.startswith(f"23 articles in {db}\n")  # no «(+0 ids that are duplicates …)»
    # the overview page lists 50 and says the same of the rest
    pytest.importorskip("fastapi")  # the web extra
    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    more = tmp_path / "more.jsonl"
    more.write_bytes(b"".join(orjson.dumps({"id": f"n{i}", "source": f"مجلة {i}", "text": f"تقرير رقم {i} عن "
                                            f"حملة نظافة في الحي رقم {i} شارك فيها المتطوعون."}) + b"\n"
                              for i in range(30)))
    assert main(["ingest", "--archive", db, "--workers", "1", "--no-progress", "--defer-corpus", str(more)]) == 0
    with TestClient(create_app(db)) as c:
        page = c.get("/overview", params={"lang": "en", "digits": "western"}).text
    assert '<tr class="more-sources"><td>… 3 more sources</td><td>3</td></tr>' in page


def test_an_ingest_that_stops_is_recorded_as_stopped(tmp_path, monkeypatch):
    """An ingest ended by an exception (here a failing write; on a real archive the KeyError of one
    page read twice) was recorded as a run that went through: `marsad stats --json` listed its
    counts and no error. The run now holds one error saying it stopped, and why."""
    src = tmp_path / "two.jsonl"
    src.write_bytes(b"".join(orjson.dumps({"id": f"s{i}", "text": f"خبر رقم {i} عن افتتاح مشروع جديد للطرق في المدينة."})
                             + b"\n" for i in range(2)))
    arc = marsad.open(tmp_path / "s.db")
    try:
        def fail(*_a, **_k):
            raise OSError("disk full")

        monkeypatch.setattr(arc, "write_batch", fail)
        with pytest.raises(OSError):
            arc.ingest([src], options=marsad.api.IngestOptions(workers=1, corpus=False))
        [err] = [e for e in arc.errors() if e["code"] == "M999"]
        assert "the ingest stopped after 0 articles stored: OSError: disk full" in err["message"]
        assert err["where"] == str(src)
    finally:
        arc.close()
