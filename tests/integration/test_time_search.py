"""Articles that *mention* a date or month are found by the mentions_date filter; show highlights."""

from __future__ import annotations

import orjson

import marsad
from marsad.cli.main import main
from marsad.search.fts import Filters

ARTICLES = [
    {"id": "t1", "source": "وكالة الشرق", "date": "2021-10-02",
     "title": "قمة شنغهاي", "text": "قال المتحدث إن الرئيس شارك في القمة التي عقدت في 17 سبتمبر 2021 في دوشانبيه."},
    {"id": "t2", "source": "وكالة الشرق", "date": "2021-09-20",
     "title": "الطقس", "text": "تشهد البلاد طقسا معتدلا اليوم الاثنين مع رياح خفيفة في القمة الجبلية."},
    {"id": "t3", "source": "صحيفة الغرب", "date": "2021-10-05",
     "title": "اقتصاد", "text": "ارتفعت أسعار النفط في القمة الاقتصادية الشهر الماضي بنسبة طفيفة."},
    {"id": "t4", "source": "صحيفة الغرب", "date": "2019-03-01",
     "title": "قديم", "text": "ناقشت القمة في مارس 2018 ملفات عدة."},
]


def _ingest(tmp_path):  # type: ignore[no-untyped-def]
    p = tmp_path / "in.jsonl"
    p.write_bytes(b"".join(orjson.dumps(a) + b"\n" for a in ARTICLES))
    arc = marsad.open(tmp_path / "t.db")
    arc.ingest([p], options=marsad.api.IngestOptions(workers=1))
    return arc


def test_mentions_date_filter_finds_articles_that_mention_the_month(tmp_path):
    with _ingest(tmp_path) as arc:
        ids = lambda f: {h.id for h in arc.search("القمة", filters=Filters(mentions_date=f))[0]}  # noqa: E731
        # t1 mentions 17 Sep 2021 (published in October), t2 says "today" on 2021-09-20,
        # t3 says "last month" in October 2021 → September 2021; t4 is about March 2018
        assert ids("2021-09") == {"t1", "t2", "t3"}
        assert ids("2021-09-17") == {"t1"}
        assert ids("2018-03") == {"t4"}
        assert ids("2020") == set()


def test_timexes_are_stored_and_shown(tmp_path, capsys):
    with _ingest(tmp_path) as arc:
        art = arc.get("t1")
        (s,) = art.layer("timex")
        assert (art.text[s.start:s.end], s.label, s.value) == ("17 سبتمبر 2021", "DATE", "2021-09-17")
        assert art.published_at == "2021-10-02"
    rc = main(["show", "--archive", str(tmp_path / "t.db"), "--json", "t1"])
    assert rc == 0
    d = orjson.loads(capsys.readouterr().out)
    assert d["timexes"] == [{"start": s.start, "end": s.end, "text": "17 سبتمبر 2021", "type": "DATE",
                             "value": "2021-09-17"}]
    rc = main(["show", "--archive", str(tmp_path / "t.db"), "t1"])
    out = capsys.readouterr().out
    assert rc == 0 and "timex" in out and "2021-09-17" in out


def test_cli_date_filters_refuse_impossible_days_and_take_whole_months(tmp_path, capsys):
    """--from/--to were compared as strings: 2021-13-01 matched nothing without a word, and
    --to 2021-09 left out all of September."""
    _ingest(tmp_path).close()
    db = str(tmp_path / "t.db")
    for cmd in (["search", "--archive", db, "القمة", "--from", "2021-13-01"],
                ["stories", "--archive", db, "--to", "2021-02-30"],
                ["entities", "--archive", db, "--from", "21-9-1"]):
        try:
            main(cmd)
        except SystemExit as e:
            assert e.code == 2
        else:
            raise AssertionError(f"{cmd} was accepted")
        assert "is not a date; write YYYY-MM-DD" in capsys.readouterr().err
    assert main(["search", "--archive", db, "القمة", "--json", "--from", "2021-09", "--to", "2021-09"]) == 0
    out = capsys.readouterr().out
    assert {orjson.loads(line)["id"] for line in out.splitlines() if line.strip()} == {"t2"}


def test_export_to_a_folder_that_does_not_exist_is_one_clear_error(tmp_path, capsys):
    _ingest(tmp_path).close()
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / "no-such-folder" / f"x.{fmt}"
        rc = main(["export", "--archive", str(tmp_path / "t.db"), "--format", fmt, "-o", str(out)])
        assert rc == 1
        assert f"cannot write {out}" in capsys.readouterr().err
