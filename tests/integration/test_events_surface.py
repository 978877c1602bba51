"""Events users can see: ``marsad events`` (each event once), ``marsad event KEY`` (its reports),
the PLOVER-style export, and group keys that survive a renumbering of the stories. Articles
written for these tests."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import orjson
import pytest

import marsad
from marsad.cli.main import main
from written import KIRKUK_AGENCY, KIRKUK_MORE, KIRKUK_PAPER, TUNIS_PROTEST, article

#: two outlets report one attack in Kirkuk (one story); a protest in Tunis; an arrest in Cairo
ARTICLES = [
    article(KIRKUK_AGENCY, "r1", text=KIRKUK_AGENCY["text"] + KIRKUK_MORE),
    article(KIRKUK_PAPER, "r2"),
    article(TUNIS_PROTEST, "r3"),
    {"id": "r4", "source": "وكالة أ", "date": "2024-03-07", "title": "اعتقال ناشطين في القاهرة",
     "text": "اعتقلت الشرطة المصرية عشرة ناشطين في القاهرة يوم الأربعاء."},
]
ATTACK = "r1|ASSAULT|2024-03-04"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> str:
    d = tmp_path_factory.mktemp("events")
    src = d / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in ARTICLES))
    db = str(d / "a.db")
    assert main(["ingest", "--archive", db, str(src), "--json"]) == 0
    return db


def _events(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> list[dict]:
    capsys.readouterr()
    assert main(["events", "--archive", db, "--json", *args]) == 0
    return [json.loads(x) for x in capsys.readouterr().out.splitlines()]


def test_each_event_is_listed_once_with_its_reports(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _events(capsys, archive)
    assert [r["group"] for r in rows] == [ATTACK, "r3|PROTEST|2024-03-04", "r4|COERCE|2024-03-06"]
    attack = rows[0]
    assert (attack["type"], attack["reports"], attack["articles"], attack["sources"]) == ("ASSAULT", 2, 2, 2)
    assert attack["first"]["article_id"] == "r1" and attack["date"] == "2024-03-04" and attack["date_stated"]
    assert attack["actor_source"]["text"] == "مسلحون مجهولون" and attack["place"]["text"] == "كركوك"
    protest = rows[1]
    assert protest["actor_source"]["text"] == "مئات العمال" and protest["mode"] == "demo"
    # the table: one line per group, its key first
    assert main(["events", "--archive", archive]) == 0
    lines = capsys.readouterr().out.splitlines()
    line = next(x for x in lines if x.startswith(ATTACK))
    assert "ASSAULT  2024-03-04  2 reports, 2 articles  مسلحون مجهولون → شرطة  @ كركوك  first: وكالة أ" in line
    assert sum(x.startswith(("r1|", "r3|", "r4|")) for x in lines) == 3
    assert any(x.startswith("r3|PROTEST|2024-03-04  PROTEST/demo") for x in lines)


@pytest.mark.parametrize(("args", "groups"), [
    (["--type", "assault"], [ATTACK]),
    (["--type", "PROTEST", "--type", "COERCE"], ["r3|PROTEST|2024-03-04", "r4|COERCE|2024-03-06"]),
    (["--actor", "مسلحون"], [ATTACK]),
    (["--actor", "norp:مصري"], ["r4|COERCE|2024-03-06"]),  # an entity key
    (["--place", "تونس"], ["r3|PROTEST|2024-03-04"]),
    (["--source", "وكالة أ"], [ATTACK, "r4|COERCE|2024-03-06"]),
    (["--day", "2024-03-07"], ["r4|COERCE|2024-03-06"]),
    (["--since", "2024-03-06"], ["r4|COERCE|2024-03-06"]),
    (["--from", "2024-03", "--until", "2024-03-05"], [ATTACK, "r3|PROTEST|2024-03-04"]),
    (["--limit", "1"], [ATTACK]),
])
def test_filters(archive: str, capsys: pytest.CaptureFixture[str], args: list[str], groups: list[str]) -> None:
    assert [r["group"] for r in _events(capsys, archive, *args)] == groups


def test_the_source_filter_counts_only_that_outlets_reports(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    attack = _events(capsys, archive, "--source", "صحيفة ب", "--type", "ASSAULT")[0]
    assert (attack["reports"], attack["first"]["article_id"]) == (1, "r2")
    assert attack["group"] == ATTACK  # the key is the story's, whoever reports it


def test_no_events_and_bad_arguments_say_what(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["events", "--archive", archive, "--day", "2024-04-01", "--type", "PROTEST"]) == 0
    assert "no events with --day 2024-04-01 --type PROTEST" in capsys.readouterr().out
    with pytest.raises(SystemExit) as e:
        main(["events", "--archive", archive, "--type", "RIOT"])
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert "'RIOT' is not an event type" in err and "PROTEST, ASSAULT" in err
    with pytest.raises(SystemExit):
        main(["events", "--archive", archive, "--from", "2024-02-30"])
    assert "'2024-02-30' is not a date" in capsys.readouterr().err
    assert main(["events", "--archive", archive, "--day", "2024-03", "--from", "2024-03-01"]) == 1
    assert "--day gives the whole period" in capsys.readouterr().err
    assert main(["events", "--archive", archive, "--from", "2024-03-09", "--to", "2024-03-01"]) == 1
    assert "swap them" in capsys.readouterr().err


def test_one_event_shows_every_report_with_its_sentence(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["event", "--archive", archive, ATTACK, "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["group"] == ATTACK and d["asked"] is None and d["reports"] == 2
    reps = {r["article_id"]: r for r in d["report_list"]}
    assert reps["r1"]["trigger_text"] == "هجوم" and reps["r2"]["trigger_text"] == "هاجم"
    assert reps["r2"]["sentence_text"].startswith("هاجم مسلحون مجهولون أمس حاجزا للشرطة")
    assert "المسلحين فروا" not in reps["r1"]["sentence_text"]  # its own sentence only
    # a key anchored on another article of the story finds the same event
    assert main(["event", "--archive", archive, "r2|ASSAULT|2024-03-04", "--json"]) == 0
    d2 = json.loads(capsys.readouterr().out)
    assert d2["group"] == ATTACK and d2["asked"] == "r2|ASSAULT|2024-03-04"
    assert main(["event", "--archive", archive, ATTACK]) == 0
    out = capsys.readouterr().out
    assert "2 reports in 2 articles from 2 sources" in out and "r2" in out


@pytest.mark.parametrize(("key", "says"), [
    ("r1|ASSAULT|2024-03-09", "no ASSAULT event on 2024-03-09 in the story of article 'r1'"),
    ("zz|ASSAULT|", "no article 'zz' anchors an event group"),
    ("story:1", "is not an event group key"),
    ("r1|RIOT|", "'RIOT' is not an event type"),
])
def test_a_wrong_event_key_says_what_is_wrong(archive: str, capsys: pytest.CaptureFixture[str], key: str,
                                              says: str) -> None:
    capsys.readouterr()
    assert main(["event", "--archive", archive, key]) == 1
    assert says in capsys.readouterr().err


def test_plover_export(archive: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ev.plover.jsonl"
    assert main(["export", "--archive", archive, "--table", "events", "--format", "plover", "-o", str(out)]) == 0
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["event_type"] for r in recs) == ["ASSAULT", "ASSAULT", "COERCE", "PROTEST"]
    with marsad.open(archive) as arc:
        texts = {a["id"]: arc.get(a["id"]).text for a in ARTICLES}
    actors = 0
    for r in recs:
        text = texts[r["article_id"]]
        s, e = r["trigger_offsets"]
        assert text[s:e] == r["trigger"]
        s, e = r["sentence_offsets"]
        assert text[s:e] == r["sentence"] and r["trigger"] in r["sentence"]
        for role in ("source_actor", "target_actor"):
            if r[role]:  # every actor is located in the text it was read from
                s, e = r[role]["offsets"]
                assert text[s:e] == r[role]["text"]
                actors += 1
    assert actors >= len(recs)  # each report names an actor at least (the attack's doers, the protesters ...)
    coerce = next(r for r in recs if r["event_type"] == "COERCE")
    assert coerce["mode"] == "arrest" and coerce["source_actor"]["text"] == "الشرطة المصرية"
    assert coerce["location"] == "القاهرة" and coerce["date"] == "2024-03-06" and coerce["date_source"] == "timex"
    assert coerce["event_group"] == "r4|COERCE|2024-03-06" and coerce["id"] == f"r4:{coerce['trigger_offsets'][0]}-{coerce['trigger_offsets'][1]}"
    assert {r["event_group"] for r in recs if r["event_type"] == "ASSAULT"} == {ATTACK}
    capsys.readouterr()
    assert main(["export", "--archive", archive, "--table", "articles", "--format", "plover", "-o", str(out)]) == 1
    assert "--format plover writes events; ask for --table events" in capsys.readouterr().err


def test_group_keys_survive_a_renumbering_of_the_stories(archive: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A rebuild of the corpus tables numbers the stories afresh; a key named by its story's
    first article stays the key of the same event (one named by the story number did not)."""
    db = tmp_path / "copy.db"
    with sqlite3.connect(archive) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    before = [r["group"] for r in _events(capsys, str(db))]
    with sqlite3.connect(db) as con:
        con.execute("UPDATE articles SET story = story + 40 WHERE story IS NOT NULL")
        con.execute("UPDATE stories SET story = story + 40")
    after = _events(capsys, str(db))
    assert [r["group"] for r in after] == before
    assert after[0]["story"] != _events(capsys, archive)[0]["story"]  # the number did move
    assert main(["event", "--archive", str(db), ATTACK, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["reports"] == 2


def test_a_report_without_a_day_is_counted_with_the_day_its_story_states(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Two outlets report one attack of the 4th on the 5th; one says «أمس», the other no day. It
    is one event, in `marsad events`, `marsad event`, the article's events and the export (it was
    a dated group and a no-day group)."""
    arts = [article(KIRKUK_AGENCY, "d1"),  # the paper's report without its «أمس»
            article(KIRKUK_PAPER, "d2", text=KIRKUK_PAPER["text"].replace("مجهولون أمس", "مجهولون"))]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in arts))
    db = str(tmp_path / "a.db")
    assert main(["ingest", "--archive", db, str(src), "--json"]) == 0
    with marsad.open(db) as arc:  # the fixture's point: one story, one report dated by its sentence
        assert arc.con.execute("SELECT COUNT(DISTINCT story) FROM articles").fetchone()[0] == 1
        dates = {r[0]: r[1] for r in arc.con.execute(
            "SELECT a.id, json_extract(s.attrs, '$.date.source') FROM spans s JOIN articles a ON a.rowid = s.article "
            "WHERE s.layer = 'event'")}
    assert dates == {"d1": "timex", "d2": "published"}
    key = "d1|ASSAULT|2024-03-04"
    rows = _events(capsys, db)
    assert [(r["group"], r["reports"], r["articles"]) for r in rows] == [(key, 2, 2)]
    assert main(["event", "--archive", db, key, "--json"]) == 0
    assert {r["article_id"] for r in json.loads(capsys.readouterr().out)["report_list"]} == {"d1", "d2"}
    assert main(["event", "--archive", db, "d1|ASSAULT|"]) == 1  # no report is left without its day
    assert "no ASSAULT event in the story" in capsys.readouterr().err
    out = tmp_path / "ev.jsonl"
    assert main(["export", "--archive", db, "--table", "events", "--format", "jsonl", "-o", str(out)]) == 0
    assert {json.loads(x)["event_group"] for x in out.read_text(encoding="utf-8").splitlines()} == {key}
    with marsad.open(db) as arc:
        from marsad.corpus.event_views import article_event_groups
        from marsad.pipeline.output import analysis_json

        events = analysis_json(arc.get("d2"))["events"]
        assert article_event_groups(arc, "d2", events) == [key]


def test_a_place_from_the_dateline_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An event whose sentence names no place takes the article's dateline place (a wire's city,
    or the input's author field since dateline.v7); `marsad events`, `marsad event`, their JSON
    and the web showed «@ بغداد» as if the report stated it. They now say where it came from."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(orjson.dumps({"id": "d1", "source": "وكالة أ", "date": "2024-03-05",
                                  "title": "خطف مهندس أجنبي",
                                  "text": "بغداد (أ ف ب) - خطف مسلحون مهندسا أجنبيا.\nولم تتبن أي جهة العملية."}) + b"\n")
    db = str(tmp_path / "a.db")
    assert main(["ingest", "--archive", db, str(src), "--json"]) == 0
    [row] = _events(capsys, db)
    assert row["place"] == {"text": "بغداد", "entity": "", "reports": 1, "source": "dateline"}
    assert main(["events", "--archive", db]) == 0
    assert "@ بغداد (dateline)  first:" in capsys.readouterr().out
    assert main(["event", "--archive", db, row["group"]]) == 0
    out = capsys.readouterr().out
    assert "in بغداد (dateline)" in out and "خطف  @ بغداد (dateline)" in out
    # a place the sentence states has no mark (Kirkuk, above: «@ كركوك  first»)
    pytest.importorskip("fastapi")  # the web extra
    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    with TestClient(create_app(db)) as c:
        assert c.get("/api/events").json()["items"][0]["place"]["source"] == "dateline"
        for page in ("/events?lang=en", f"/event/{row['group']}?lang=en"):
            html = c.get(page).text
            assert 'class="muted place-dateline"' in html and "(dateline)</small>" in html, page


def test_show_gives_each_event_its_group_key(archive: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`marsad show` listed an article's events only as rows of the annotations table, and its
    JSON without the group key the web's /api/article gives: nothing led from an article's event
    to `marsad event GROUP`."""
    capsys.readouterr()
    assert main(["show", "--archive", archive, "r1", "--json"]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    assert events and {e["group"] for e in events if e["type"] == "ASSAULT"} == {ATTACK}
    assert main(["show", "--archive", archive, "r1"]) == 0
    out = capsys.readouterr().out
    assert f"group {ATTACK}" in out and "مسلحون مجهولون → " in out
    assert main(["event", "--archive", archive, ATTACK]) == 0  # the key shown is one `event` takes


def test_an_actor_filter_says_in_how_many_reports_the_actor_is(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A group shows the actors most of its reports give; `--actor` keeps a group one of whose
    reports has the actor, so «--actor ترامب» listed «الصين → بكين» (Trump in 1 of its 3 reports)
    with nothing to tell why. The line now says so; a group that shows the actor says nothing."""
    base = "اعتقلت {} أمس ناشطا بارزا في مدينة إربد شمال الأردن بعد مشاركته في احتجاج على غلاء الأسعار، وفق مصدر أمني."
    rows = [{"id": "j1", "source": "وكالة أ", "date": "2024-04-02T08:00:00", "title": "اعتقال ناشط في إربد",
             "text": base.format("الشرطة الأردنية")},
            {"id": "j3", "source": "صحيفة ج", "date": "2024-04-02T10:00:00", "title": "اعتقال ناشط في إربد",
             "text": base.format("قوات الأمن")}]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    db = str(tmp_path / "a.db")
    assert main(["ingest", "--archive", db, str(src), "--json"]) == 0
    [g] = _events(capsys, db, "--actor", "قوات")
    assert g["actor_source"]["text"] == "الشرطة الأردنية" and g["reports"] == 2
    assert (g["actor_reports"], g["actor_shown"]) == (1, False)
    assert main(["events", "--archive", db, "--actor", "قوات"]) == 0
    assert "(قوات in 1 of its 2 reports)" in capsys.readouterr().out
    assert main(["events", "--archive", db, "--actor", "الشرطة"]) == 0
    assert " of its " not in capsys.readouterr().out
    pytest.importorskip("fastapi")  # the web extra
    from fastapi.testclient import TestClient

    from marsad.web.app import create_app

    with TestClient(create_app(db)) as c:
        page = c.get("/events", params={"actor": "قوات", "lang": "en"}).text
        assert "(قوات in 1 report of 2)" in page
