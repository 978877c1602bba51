"""Analysing stored articles again after an upgrade (``marsad update --reanalyse``): the archive
records the spec each article was analysed with; an archive analysed by a replaced stage is
found stale, analysed again from its stored originals, and then equals a fresh ingest of the
same inputs (articles, spans, search, export, copies, stories); a user's entity merge and split
survive; a bad stored original is named and the rest goes on."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import orjson
import pytest

import marsad
from marsad.cli.main import main
from marsad.corpus.registry import EntityRegistry
from marsad.errors import ConfigError
from marsad.pipeline.registry import DEFAULT_SPEC
from marsad.runners.local import IngestOptions
from marsad.runners.reanalyse import guess_input, status, stored_record, upgraded
from marsad.store.analysis import AnalysisStore
from marsad.store.entities import EntityStore
from marsad.store.schema import MIGRATIONS

_PUTIN = ("قال الرئيس الروسي فلاديمير بوتين يوم الثلاثاء إن روسيا مستعدة للحوار مع أوروبا بشأن الأمن، "
          "وأضاف بوتين أن موسكو ترحب بكل مبادرة جادة لوقف التصعيد في المنطقة.")
RECORDS: list[dict[str, Any]] = [
    {"id": "r1", "source": "وكالة الشرق", "date": "2024-03-05", "title": "بوتين يدعو إلى الحوار",
     "author": "سامي الكاتب", "text": _PUTIN},
    # the same story reprinted by another paper: a copy
    {"id": "r2", "source": "صحيفة الغد", "date": "2024-03-05", "title": "روسيا مستعدة للحوار",
     "text": "موسكو (رويترز) - " + _PUTIN},
    # no title and no date: the dateline stage takes the title, the date comes from the text
    {"id": "r3", "source": "صحيفة الغد",
     "text": "أمطار غزيرة في جدة\nالرياض - واس\nشهدت مدينة جدة يوم 4 مارس 2024 أمطارا غزيرة أدت إلى إغلاق "
             "عدد من الطرق، وأعلن الدفاع المدني في المملكة العربية السعودية رفع درجة الاستعداد."},
    {"id": "r4", "source": "وكالة الشرق", "date": "2024-03-06",
     "title": "أردوغان يستقبل وزير الخارجية القطري",
     "text": "استقبل الرئيس التركي رجب طيب أردوغان في أنقرة يوم الأربعاء وزير الخارجية القطري، وبحث "
             "الجانبان العلاقات الثنائية بين تركيا وقطر والأوضاع في غزة. وقال أردوغان إن تركيا تدعم "
             "جهود الوساطة القطرية."},
    {"id": "r5", "source": "صحيفة الغد", "date": "2024-03-06", "title": "الكرملين: زيارة مرتقبة",
     "text": "أعلن الكرملين أن بوتين سيزور تركيا الشهر المقبل، وأن روسيا وتركيا ستوقعان اتفاقيات "
             "في مجال الطاقة خلال الزيارة التي يلتقي فيها أردوغان في أنقرة."},
]


def _write(folder: Path, records: list[dict[str, Any]] = RECORDS) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / "news.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return str(p)


def _ingest(path: Path, inputs: str) -> marsad.MarsadArchive:
    arc = marsad.open(path)
    arc.ingest([inputs])
    return arc


def _user_choices(arc: marsad.MarsadArchive) -> None:
    reg = EntityRegistry(arc)
    reg.merge("gpe:موسكو", "gpe:روسيا")  # a user's choice: the capital for the state
    reg.split("per:بوتين")  # and the surname alone apart from the full name


def _mark_old(arc: marsad.MarsadArchive, old: str = "entities.v1") -> None:
    """Make the archive look analysed by a replaced stage, with that stage's (here: no)
    output: the recorded spec names the old stage and its mentions are gone."""
    con = arc._writer
    con.execute("UPDATE analysis_specs SET stages = replace(stages, '\"entities.v10\"', ?)", (json.dumps(old),))
    con.execute("DELETE FROM spans WHERE layer = 'mention'")
    con.execute("UPDATE articles SET fingerprint = NULL, published_at = '1999-01-01', published_day = '1999-01-01'")
    con.commit()


def _articles(arc: marsad.MarsadArchive) -> dict[str, dict[str, Any]]:
    """Every column and span of every article; ids the archives number on their own aside
    (the spec's row, copy groups and stories: :func:`_groups` compares those)."""
    out = {}
    for row in arc.iter_rows():
        row = {k: v for k, v in row.items() if k not in ("_rowid", "ingested_at", "spec", "copy_group", "story")}
        spans = arc.con.execute('SELECT layer, start, "end", label, value, attrs FROM spans WHERE article = ?'
                                ' ORDER BY start, "end", layer, label, value', (arc.rowid_of(row["id"]),)).fetchall()
        row["spans"] = [tuple(s) for s in spans]
        out[row["id"]] = row
    return out


def _groups(arc: marsad.MarsadArchive, column: str) -> set[frozenset[str]]:
    by: dict[Any, set[str]] = {}
    for r in arc.con.execute(f"SELECT id, {column} FROM articles WHERE {column} IS NOT NULL"):
        by.setdefault(r[1], set()).add(r[0])
    return {frozenset(v) for v in by.values()}


def _entities(arc: marsad.MarsadArchive) -> set[frozenset[str]]:
    by: dict[int, set[str]] = {}
    for key, eid in arc.con.execute("SELECT key, entity FROM entity_aliases"):
        by.setdefault(eid, set()).add(key)
    return {frozenset(v) for v in by.values()}


def _same(arc: marsad.MarsadArchive, fresh: marsad.MarsadArchive) -> None:
    assert _articles(arc) == _articles(fresh)
    assert _groups(arc, "copy_group") == _groups(fresh, "copy_group")
    assert _groups(arc, "story") == _groups(fresh, "story")
    assert _entities(arc) == _entities(fresh)
    assert _corpus_counts(arc) == _corpus_counts(fresh)
    for q in ("بوتين", "أردوغان", "أمطار جدة", "الحوار"):
        got, n = arc.search(q)
        want, m = fresh.search(q)
        assert n == m and n > 0, q
        assert [(h.id, round(h.score, 6)) for h in got] == [(h.id, round(h.score, 6)) for h in want], q


def _corpus_counts(arc: marsad.MarsadArchive) -> tuple[Any, ...]:
    """What the stories' weights are computed from: the articles counted, the terms' document
    frequencies and the sources' template counts."""
    con = arc.con
    return (con.execute("SELECT value FROM corpus_state WHERE name = 'story_df'").fetchone()[0],
            con.execute("SELECT count(*), sum(df) FROM term_df").fetchone(),
            con.execute("SELECT count(*), sum(days), sum(articles) FROM source_term_days").fetchone())


def _same_entity(arc: marsad.MarsadArchive, a: str, b: str) -> bool:
    st = EntityStore(arc.con)
    return st.entity_of(a) == st.entity_of(b) and st.entity_of(a) is not None


@pytest.fixture
def inputs(tmp_path: Path) -> str:
    return _write(tmp_path / "in")


def test_each_article_records_its_spec_and_input(tmp_path: Path, inputs: str) -> None:
    with _ingest(tmp_path / "a.db", inputs) as arc:
        rows = {r["id"]: r for r in arc.con.execute(
            "SELECT a.id, a.input, s.stages FROM articles a JOIN analysis_specs s ON s.spec = a.spec")}
        assert set(rows) == {r["id"] for r in RECORDS}
        assert all(json.loads(r["stages"]) == DEFAULT_SPEC for r in rows.values())
        assert json.loads(rows["r1"]["input"]) == {"title": "بوتين يدعو إلى الحوار", "date": "2024-03-05",
                                                   "date_kind": "metadata", "author": "سامي الكاتب"}
        assert json.loads(rows["r3"]["input"]) == {}  # no title, date or author given
        assert arc.get("r3").title == "أمطار غزيرة في جدة"  # the title the dateline stage found
        st = status(arc)
        assert (st.current, st.stale, st.unknown) == (len(RECORDS), 0, 0)


def test_upgraded_spec_swaps_replaced_stages_only() -> None:
    assert upgraded(DEFAULT_SPEC) is None
    old = [n.replace("entities.v10", "entities.v1").replace("debris.v6", "debris.v1") for n in DEFAULT_SPEC]
    assert upgraded(old) == DEFAULT_SPEC
    light = ["language.v1", "debris.v1", "dateline.v8", "metadate.v1", "index_terms.v2"]
    assert upgraded(light) == ["language.v1", "debris.v6", "dateline.v8", "metadate.v1", "index_terms.v2"]


def test_status_swaps_replaced_stages_without_building_any(tmp_path: Path, inputs: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    arc = _ingest(tmp_path / "old.db", inputs)

    def respec(stages: list[str]) -> None:
        arc._writer.execute("UPDATE analysis_specs SET stages = ?", (json.dumps(stages),))
        arc._writer.commit()

    n = len(RECORDS)
    # a configured NER model that is not there: building entities.v10 fails, the status does not build it
    monkeypatch.setenv("MARSAD_NER_MODEL", str(tmp_path / "no-model"))
    # a light run with a replaced entities stage: stale, and its upgrade as light as it was
    respec(["language.v1", "debris.v6", "dateline.v8", "entities.v1"])
    st = status(arc)
    assert (st.current, st.stale, st.older_stages) == (0, n, {"entities.v1": n})
    assert st.without_stages == {name: n for name in ("pubdate.v4", "timex.v6", "events.v16", "index_terms.v2",
                                                      "fingerprint.v1")}
    # a spec whose successor needs what the spec lacks (events.v16 needs mentions and timex) is
    # redone with the default spec: no stage of it is counted missing
    respec(["language.v1", "debris.v6", "dateline.v8", "events.v1"])
    st = status(arc)
    assert (st.stale, st.older_stages, st.without_stages) == (n, {"events.v1": n}, {})
    # a reanalysis builds its stages first: the missing model stops it before anything is written
    with pytest.raises(ConfigError, match="no token-classification model"):
        arc.update(reanalyse="stale", workers=1)
    assert status(arc) == st
    arc.close()


def test_stale_archive_is_reanalysed_and_equals_a_fresh_ingest(tmp_path: Path, inputs: str) -> None:
    arc = _ingest(tmp_path / "old.db", inputs)
    _user_choices(arc)
    _mark_old(arc)
    st = status(arc)
    assert (st.current, st.stale, st.unknown) == (0, len(RECORDS), 0)
    assert st.older_stages == {"entities.v1": len(RECORDS)}
    assert arc.get("r1").layer("mention") == []

    out = arc.update(reanalyse="stale", workers=1)
    assert out["analysis"]["stale"] == len(RECORDS)
    assert out["reanalysis"]["reanalysed"] == len(RECORDS) and out["reanalysis"]["failed"] == 0
    st = status(arc)
    assert (st.current, st.stale, st.unknown, st.pending) == (len(RECORDS), 0, 0, [])
    assert arc.get("r1").published_at == "2024-03-05" and arc.get("r1").layer("mention")

    fresh = _ingest(tmp_path / "fresh.db", inputs)
    _user_choices(fresh)
    # the user's merge and split held through the reanalysis (and the fresh archive has them too)
    assert _same_entity(arc, "gpe:موسكو", "gpe:روسيا")
    assert not _same_entity(arc, "per:بوتين", "per:فلاديمير بوتين")
    _same(arc, fresh)
    assert len(_groups(arc, "copy_group")) >= 1 and any(len(g) == 2 for g in _groups(arc, "copy_group"))

    # export writes the same rows
    for table in ("articles", "mentions"):
        arc.export(tmp_path / f"old-{table}.jsonl", table=table)
        fresh.export(tmp_path / f"fresh-{table}.jsonl", table=table)
        got = [orjson.loads(x) for x in (tmp_path / f"old-{table}.jsonl").read_bytes().splitlines()]
        want = [orjson.loads(x) for x in (tmp_path / f"fresh-{table}.jsonl").read_bytes().splitlines()]
        drop = ("copy_group", "story")  # numbered in the order the stages met them
        assert [{k: v for k, v in r.items() if k not in drop} for r in got] == \
               [{k: v for k, v in r.items() if k not in drop} for r in want]
        assert got
    arc.close()
    fresh.close()


def test_unknown_spec_is_reported_and_redone_only_when_asked(tmp_path: Path, inputs: str) -> None:
    arc = _ingest(tmp_path / "old.db", inputs)
    # an archive from before specs were recorded: no spec, no input
    arc._writer.execute("UPDATE articles SET spec = NULL, input = NULL")
    arc._writer.execute("DELETE FROM spans WHERE layer = 'timex'")
    arc._writer.commit()
    st = status(arc)
    assert (st.current, st.stale, st.unknown) == (0, 0, len(RECORDS))
    out = arc.update(reanalyse="stale", workers=1)
    assert out["reanalysis"]["reanalysed"] == 0
    assert arc.get("r1").layer("timex") == []
    out = arc.update(reanalyse="unknown", workers=1)
    assert out["reanalysis"]["reanalysed"] == len(RECORDS)
    assert status(arc).current == len(RECORDS)
    # the inputs were inferred from what the stages had stored
    got = {r[0]: json.loads(r[1]) for r in arc.con.execute("SELECT id, input FROM articles")}
    assert got["r1"] == {"title": "بوتين يدعو إلى الحوار", "date": "2024-03-05", "date_kind": "metadata",
                         "author": "سامي الكاتب"}
    assert got["r3"] == {}
    with _ingest(tmp_path / "fresh.db", inputs) as fresh:
        _same(arc, fresh)
    arc.close()


def test_guess_input_tells_a_found_title_and_byline_from_given_ones() -> None:
    from marsad.model import Span

    row = {"title": "عنوان", "published_at": "2024-01-02", "published_at_source": "text", "byline": "فلان",
           "spans": [Span("title", 0, 5), Span("byline", 10, 14, value="فلان")]}
    assert guess_input(row) == {}
    row = {"title": "عنوان", "published_at": "2024-01-02", "published_at_source": "feed", "byline": "فلان",
           "spans": []}
    assert guess_input(row) == {"title": "عنوان", "date": "2024-01-02", "date_kind": "feed", "author": "فلان"}


def test_a_bad_stored_original_is_named_and_the_rest_goes_on(tmp_path: Path, inputs: str, capsys) -> None:  # type: ignore[no-untyped-def]
    arc = _ingest(tmp_path / "old.db", inputs)
    _mark_old(arc)
    arc._writer.execute("UPDATE articles SET text = '' WHERE id = 'r4'")
    arc._writer.execute("UPDATE articles SET meta = '{broken' WHERE id = 'r5'")
    arc._writer.commit()
    path = str(arc.path)
    arc.close()
    capsys.readouterr()
    assert main(["update", "--archive", path, "--reanalyse", "--workers", "1", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    r = out["reanalysis"]
    assert (r["reanalysed"], r["failed"]) == (3, 2)
    # named by id and by where the ingest read it
    assert {e["where"] for e in r["errors"]} == {f"article 'r4' (from {inputs}:4)", f"article 'r5' (from {inputs}:5)"}
    assert all(e["code"] == "M201" and "ingest it again" in e["message"] for e in r["errors"])
    with marsad.open(path) as arc:
        st = status(arc)
        assert (st.current, st.stale) == (3, 2)  # the two are still reported
        assert arc.get("r1").layer("mention")
        assert arc.search("بوتين")[1] >= 2


def test_update_reports_stale_articles_and_how_to_redo_them(tmp_path: Path, inputs: str, capsys) -> None:  # type: ignore[no-untyped-def]
    with _ingest(tmp_path / "old.db", inputs) as arc:
        _mark_old(arc, "debris.v1")
        path = str(arc.path)
    capsys.readouterr()
    assert main(["update", "--archive", path]) == 0
    text = capsys.readouterr().out
    assert "5 by older stage versions (debris.v1 → debris.v6: 5)" in text
    assert "marsad update --reanalyse" in text
    assert "without stages" not in text
    assert main(["update", "--archive", path, "--reanalyse"]) == 0
    text = capsys.readouterr().out
    assert "reanalysed 5 articles, failed 0" in text
    # the counts are those before the reanalysis: «analysis: 0 articles by the current stages»
    # above «reanalysed 5» read as the state it left (seen after the timex.v6 bump: 3,372 articles)
    assert "analysis before: 0 articles by the current stages, 5 by older" in text
    assert main(["update", "--archive", path]) == 0
    assert "5 articles by the current stages, 0 by older" in capsys.readouterr().out


def test_an_interrupted_reanalysis_is_finished_by_the_next_update(tmp_path: Path, inputs: str) -> None:
    from marsad.runners.local import analyse_batch, article_from_json
    from marsad.runners.reanalyse import stored_record

    arc = _ingest(tmp_path / "old.db", inputs)
    _mark_old(arc)
    store = AnalysisStore(arc)
    # one batch replaced, then the process died: the index and corpus still hold the old analysis
    row = store.stored([arc.rowid_of("r1")])[0]
    payload = orjson.dumps([{"record": stored_record(row), "id": "r1", "doc_hash": row["doc_hash"],
                             "boilerplate": []}])
    d = orjson.loads(analyse_batch(DEFAULT_SPEC, payload))[0]
    d["article"] = article_from_json(d["article"])
    spec = store.spec_row(DEFAULT_SPEC)
    store.replace([(arc.rowid_of("r1"), d)], spec)
    assert status(arc).pending == ["corpus", "index"]
    arc.close()
    with marsad.open(tmp_path / "old.db") as arc:
        out = arc.update()
        assert set(out["finished"]) == {"index", "corpus_reset"}
        st = status(arc)
        assert (st.current, st.stale, st.pending) == (1, 4, [])
        out = arc.update(reanalyse="stale", workers=1)
        assert out["reanalysis"]["reanalysed"] == 4 and "finished" not in out  # it finished its own
        with _ingest(tmp_path / "fresh.db", inputs) as fresh:
            _same(arc, fresh)
    # an ingest after an interrupted reanalysis finishes it too
    arc = _ingest(tmp_path / "old2.db", inputs)
    _mark_old(arc)
    spec = AnalysisStore(arc).spec_row(DEFAULT_SPEC)
    AnalysisStore(arc).replace([(arc.rowid_of("r1"), d)], spec)
    assert status(arc).pending == ["corpus", "index"]
    more = {"id": "r6", "source": "وكالة الشرق", "date": "2024-03-07", "title": "بوتين في أنقرة",
            "text": "وصل الرئيس الروسي فلاديمير بوتين إلى أنقرة يوم الخميس في زيارة رسمية يلتقي خلالها أردوغان."}
    arc.ingest([_write(tmp_path / "more", [more])])
    assert status(arc).pending == []
    assert "r6" in {h.id for h in arc.search("بوتين أنقرة")[0]}
    assert arc.update(reanalyse="stale", workers=1)["reanalysis"]["reanalysed"] == 4
    with marsad.open(tmp_path / "fresh2.db") as fresh:
        fresh.ingest([inputs])
        fresh.ingest([_write(tmp_path / "more", [more])])
        _same(arc, fresh)
    arc.close()


def test_an_archive_from_before_the_migration_counts_as_unknown(tmp_path: Path) -> None:
    from marsad.store.archive import connect, migrate

    path = tmp_path / "v7.db"
    con = connect(path)
    migrate(con, MIGRATIONS[:7])
    con.execute("INSERT INTO articles (id, doc_hash, source, title, text, ingested_at) VALUES"
                " ('x1', 'h1', 'صحيفة', 'عنوان قديم', 'نص خبر قديم عن الرياض.', '2024-01-01T00:00:00Z')")
    con.commit()
    con.close()
    with marsad.open(path) as arc:
        st = status(arc)
        assert (st.current, st.stale, st.unknown) == (0, 0, 1)
        assert stored_record(AnalysisStore(arc).stored([1])[0]).title == "عنوان قديم"
    with pytest.raises(sqlite3.OperationalError):  # the migration added the columns once
        c = sqlite3.connect(path)
        c.execute("ALTER TABLE articles ADD COLUMN spec INTEGER")


def test_articles_without_a_default_stage_are_counted_and_redone_with_all(tmp_path: Path, inputs: str) -> None:
    light = [n for n in DEFAULT_SPEC if not n.startswith(("timex.", "events."))]
    arc = marsad.open(tmp_path / "light.db")
    arc.ingest([inputs], options=IngestOptions(spec=tuple(light), workers=1))
    st = status(arc)
    assert (st.current, st.stale) == (len(RECORDS), 0)  # a light run is not stale …
    assert st.without_stages == {n: len(RECORDS) for n in DEFAULT_SPEC if n not in light}  # … but it is told
    assert arc.update(reanalyse="stale", workers=1)["reanalysis"]["reanalysed"] == 0
    assert arc.get("r3").layer("timex") == []
    assert arc.update(reanalyse="all", workers=1)["reanalysis"]["reanalysed"] == len(RECORDS)
    assert arc.get("r3").layer("timex") and status(arc).without_stages == {}
    with _ingest(tmp_path / "fresh.db", inputs) as fresh:
        _same(arc, fresh)
    arc.close()


def test_all_redoes_each_article_once_though_its_group_moves(tmp_path: Path, inputs: str) -> None:
    """Under ``all`` the unknown specs are redone first and take the default spec, which the
    run then redoes too: each article is analysed once."""
    arc = _ingest(tmp_path / "mixed.db", inputs)
    arc._writer.execute("UPDATE articles SET spec = NULL WHERE id IN ('r1', 'r2')")
    arc._writer.commit()
    assert status(arc).unknown == 2
    out = arc.update(reanalyse="all", workers=1)
    assert out["reanalysis"]["reanalysed"] == len(RECORDS) and out["reanalysis"]["failed"] == 0
    assert status(arc).unknown == 0
    with _ingest(tmp_path / "fresh.db", inputs) as fresh:
        _same(arc, fresh)
    arc.close()


def test_update_fails_when_every_article_to_redo_failed(tmp_path: Path, inputs: str, capsys) -> None:  # type: ignore[no-untyped-def]
    arc = _ingest(tmp_path / "old.db", inputs)
    _mark_old(arc)
    arc._writer.execute("UPDATE articles SET text = ''")
    arc._writer.commit()
    path = str(arc.path)
    arc.close()
    assert main(["update", "--archive", path, "--reanalyse", "--workers", "1", "--json"]) == 1
    r = json.loads(capsys.readouterr().out)["reanalysis"]
    assert (r["reanalysed"], r["failed"]) == (0, len(RECORDS))
